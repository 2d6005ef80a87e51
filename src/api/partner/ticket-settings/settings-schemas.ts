// What the ticket settings routes take and answer, and the checks every level's body goes through
// before any PSA is asked: known fields, types and ranges (400 naming the field).
import { Type } from 'typebox';
import { AppError, type ErrorDetail } from '../../../core/errors.ts';
import {
  checkShape,
  type FieldValues,
  type TicketShape,
  type ValueForm,
} from '../../../core/ticket-fields.ts';
import type { EffectiveField } from '../../../core/ticket-settings.ts';
import { Closed, Timestamp, Uuid } from '../../schemas.ts';
import { summarize } from '../../validation-errors.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export const FieldsBody = (example: Record<string, unknown>) =>
  Type.Object(
    {
      fields: Type.Record(Type.String({ minLength: 1, maxLength: 100 }), Type.Unknown(), {
        description:
          'the fields set at this level, by name; a field left out (or null) is inherited. An empty object clears the level.',
      }),
    },
    { ...Closed, examples: [{ fields: example }] },
  );

export const FieldMap = Type.Record(Type.String(), Type.Unknown());

const Source = Type.Object(
  {
    level: Type.Union(
      ['organization', 'connection', 'partner', 'psa_default', 'hub_default'].map((l) => Type.Literal(l)),
    ),
    partnerId: Type.Optional(Uuid),
    partnerName: Type.Optional(Type.String()),
    condition: Type.Optional(Type.String()),
  },
  Closed,
);

const EffectiveFieldReply = Type.Object(
  {
    field: Type.String(),
    label: Type.String(),
    value: Type.Unknown({
      description: 'a pick-list id, a boolean, a number, a choice, or the conditions object',
    }),
    display: Nullable(Type.String()),
    source: Source,
    problem: Nullable(Type.String()),
  },
  Closed,
);

export const SettingsReply = Type.Object(
  {
    /** The connection the values apply to (an unlinked organization has none). */
    connectionId: Nullable(Uuid),
    own: FieldMap,
    effective: Type.Array(EffectiveFieldReply),
    pickListsFetchedAt: Nullable(Timestamp),
  },
  Closed,
);

export const ConditionQuery = Type.Object(
  {
    condition: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 100,
        description: 'show the values an alert of this condition gets',
      }),
    ),
  },
  Closed,
);

/** The body's fields without nulls (null means "inherit"), checked for shape, or a 400. */
export function checkedFields(
  shape: TicketShape,
  fields: Record<string, unknown>,
  form: ValueForm,
): FieldValues {
  const values = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== null));
  const details = checkShape(shape, values, form).map((p) => ({
    path: `body/fields/${p.path}`,
    message: p.message,
  }));
  if (details.length) throw new AppError('invalid_request', summarize(details), { details });
  return values;
}

/** Refusals of values the PSA does not have (or not there), as a 422 naming each field. */
export function refuseReferences(refusals: { path: string; message: string }[]): void {
  if (!refusals.length) return;
  const details: ErrorDetail[] = refusals.map((r) => ({ path: `body/fields/${r.path}`, message: r.message }));
  throw new AppError('invalid_reference', summarize(details), { details });
}

export function formatView(
  connectionId: string | null,
  own: FieldValues,
  view: { effective: EffectiveField[]; pickListsFetchedAt: string } | null,
) {
  return {
    connectionId,
    own,
    effective: view?.effective ?? [],
    pickListsFetchedAt: view?.pickListsFetchedAt ?? null,
  };
}
