import { Type } from 'typebox';
import { psaDescriptors } from '../../../jobs/connect.ts';
import { defineRoute } from '../../route.ts';
import { Closed, errorReplies } from '../../schemas.ts';
import { describeTicketFields, TicketFieldDescription } from './ticket-field-descriptions.ts';

const Field = Type.Object(
  { name: Type.String(), label: Type.String(), secret: Type.Boolean(), help: Type.String() },
  Closed,
);
const Placement = Type.Object(
  {
    name: Type.String(),
    label: Type.String(),
    pickList: Type.String(),
    dependsOn: Type.Union([Type.String(), Type.Null()]),
    required: Type.Boolean(),
  },
  Closed,
);
const ListRef = Type.Object(
  { pickList: Type.String(), dependsOn: Type.Union([Type.String(), Type.Null()]) },
  Closed,
);

export const psaKindsRoute = defineRoute({
  method: 'GET',
  url: '/api/v1/psa-kinds',
  permission: 'member',
  schema: {
    summary: 'The PSAs the hub connects to: the credential fields each needs and its ticket settings fields',
    tags: ['connections'],
    response: {
      200: Type.Object(
        {
          items: Type.Array(
            Type.Object(
              {
                kind: Type.String(),
                label: Type.String(),
                siteUrl: Type.Object(
                  {
                    label: Type.String(),
                    help: Type.String(),
                    example: Type.String(),
                    default: Type.Union([Type.String(), Type.Null()]),
                  },
                  Closed,
                ),
                credentials: Type.Array(Field),
                placement: Type.Array(Placement),
                statuses: ListRef,
                priorities: ListRef,
                ticketFields: Type.Array(TicketFieldDescription, {
                  description: 'every ticket settings field, as the portal renders it',
                }),
              },
              Closed,
            ),
          ),
        },
        Closed,
      ),
      ...errorReplies,
    },
  },
  async handler() {
    return { items: psaDescriptors().map((d) => ({ ...d, ticketFields: describeTicketFields(d) })) };
  },
});
