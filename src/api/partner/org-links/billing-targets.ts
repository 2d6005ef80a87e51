// A company's billing records on a connection, for choosing where each plan bills when linking:
// the records whose quantity the hub may set, and the parents a new line could be added to.
import { Type } from 'typebox';
import { companyBilling } from '../../../jobs/company-billing.ts';
import { defineRoute, psaErrors } from '../../route.ts';
import { Closed, errorReplies, IdParams } from '../../schemas.ts';
import { assertLive, visibleConnection } from '../connections/connection-access.ts';

export const billingTargetsRoute = defineRoute({
  method: 'GET',
  url: '/api/v1/connections/:id/billing-targets',
  errors: psaErrors,
  permission: 'member',
  params: { id: 'connection' },
  schema: {
    summary:
      'A PSA company’s billing records (agreement additions, contract services, invoice lines, licences) and where a new line could go',
    tags: ['mapping'],
    params: IdParams,
    querystring: Type.Object(
      { companyId: Type.String({ minLength: 1, maxLength: 100 }) },
      { ...Closed, examples: [{ companyId: '250' }] },
    ),
    response: {
      200: Type.Object(
        {
          targets: Type.Array(
            Type.Object(
              {
                id: Type.String(),
                kind: Type.String(),
                label: Type.String(),
                productId: Type.Union([Type.String(), Type.Null()]),
                quantity: Type.Number(),
                parent: Type.Union([
                  Type.Object({ id: Type.String(), name: Type.String() }, Closed),
                  Type.Null(),
                ]),
              },
              Closed,
            ),
          ),
          parents: Type.Array(
            Type.Object({ id: Type.String(), kind: Type.String(), name: Type.String() }, Closed),
          ),
        },
        Closed,
      ),
      ...errorReplies,
    },
  },
  async handler(req, _reply, { deps, actor }) {
    const connection = await visibleConnection(deps.db, actor, req.params.id);
    assertLive(connection);
    return companyBilling(deps, connection, req.query.companyId);
  },
});
