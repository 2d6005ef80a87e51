// Source API: the error catalog tickets are written from. The vendor adds or overrides entries
// (condition × error class → title, explanation, what to do) and classifies its own error codes,
// or replaces the built-in catalog altogether.
import { Type } from 'typebox';
import { catalogEntries, errorClasses, validateCatalogInput } from '../../core/error-catalog.ts';
import { AppError } from '../../core/errors.ts';
import { currentCatalog, forgetCatalog } from '../../jobs/error-catalog.ts';
import { getCatalogInput, setCatalogInput } from '../../store/error-catalog.ts';
import { defineRoute } from '../route.ts';
import { Closed, errorReplies } from '../schemas.ts';

const Entry = Type.Object(
  {
    condition: Type.String(),
    errorClass: Type.String(),
    title: Type.String(),
    explanation: Type.String(),
    action: Type.String(),
    resolved: Type.Optional(Type.String()),
  },
  Closed,
);

const CatalogReply = Type.Object(
  {
    errorClasses: Type.Array(Type.String()),
    entries: Type.Array(Entry),
    codes: Type.Record(Type.String(), Type.String()),
    vendor: Type.Union([
      Type.Object({ updatedAt: Type.String({ format: 'date-time' }), replace: Type.Boolean() }, Closed),
      Type.Null(),
    ]),
  },
  Closed,
);

async function reply(db: Parameters<typeof currentCatalog>[0]) {
  const catalog = await currentCatalog(db);
  const stored = await getCatalogInput(db);
  return {
    errorClasses: [...errorClasses],
    entries: catalogEntries(catalog),
    codes: { ...catalog.codes },
    vendor: stored
      ? { updatedAt: stored.updatedAt.toISOString(), replace: stored.input.replace === true }
      : null,
  };
}

export const getErrorCatalogRoute = defineRoute({
  method: 'GET',
  url: '/api/v1/source/error-catalog',
  permission: 'source',
  schema: {
    summary: 'The error catalog in force: built-in entries merged with the vendor’s',
    tags: ['source: events'],
    response: { 200: CatalogReply, ...errorReplies },
  },
  async handler(_req, _reply, { deps }) {
    return reply(deps.db);
  },
});

export const putErrorCatalogRoute = defineRoute({
  method: 'PUT',
  url: '/api/v1/source/error-catalog',
  permission: 'source',
  audit: 'error_catalog.set',
  bodyLimit: 1024 * 1024,
  schema: {
    summary:
      'Set the vendor’s catalog entries and error codes (added to the built-in ones; replace=true uses only these)',
    tags: ['source: events'],
    body: Type.Object(
      {
        entries: Type.Optional(Type.Array(Type.Unknown(), { maxItems: 500 })),
        codes: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
        replace: Type.Optional(Type.Boolean()),
      },
      {
        ...Closed,
        examples: [
          {
            entries: [
              {
                condition: 'backup.email',
                errorClass: 'throttled',
                title: 'Mailbox backup slowed down by Microsoft',
                explanation: 'Microsoft 365 is limiting how fast the mailbox can be read.',
                action: 'Nothing, unless it lasts more than a day; then open a case with support.',
              },
            ],
            codes: { 'acme.E42': 'authentication' },
          },
        ],
      },
    ),
    response: { 200: CatalogReply, ...errorReplies },
  },
  async handler(req, _reply, { deps, audit }) {
    const checked = validateCatalogInput(req.body);
    if (!checked.ok) {
      const details = checked.problems.map((p) => ({ path: `body/${p.path}`, message: p.message }));
      throw new AppError('invalid_request', `${details[0]!.path}: ${details[0]!.message}`, { details });
    }
    await deps.db.transaction(async (tx) => {
      await setCatalogInput(tx, checked.value);
      await audit(tx, {
        targetType: 'error_catalog',
        targetId: null,
        partnerId: null,
        details: {
          entries: checked.value.entries?.length ?? 0,
          codes: Object.keys(checked.value.codes ?? {}).length,
        },
      });
    });
    forgetCatalog();
    return reply(deps.db);
  },
});
