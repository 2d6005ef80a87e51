// Evaluates `conditions`, `childConditions` and `customFieldConditions` (reference §3.2-3.3 [S1])
// against stored records. Fields are typed by the entity's spec schema, so a literal of the wrong
// kind is refused with the server's own message ("Expected a boolean value, not a numeric." [S8]).
// String comparison is case-insensitive, as on the SQL Server behind PSA (inferred).
import { badConditions } from './errors.ts';
import { likeRegex } from './like-pattern.ts';
import { parseConditions, type ConditionNode, type Literal } from './conditions-parser.ts';
import { resolvePath, scalarKind, schemaNamed, type JsonSchema, type ScalarKind } from './schema.ts';

export type Row = Record<string, unknown>;
export type Predicate = (row: Row) => boolean;

/** Fields every entity answers to in conditions though they live in `_info` [S1 "lastUpdated" example]. */
const INFO_ALIASES: Record<string, ScalarKind> = {
  lastupdated: 'date',
  dateentered: 'date',
  updatedby: 'string',
  enteredby: 'string',
};

interface Field {
  names: string[];
  kind: ScalarKind;
}

function resolveField(schema: JsonSchema, path: string): Field {
  const alias = INFO_ALIASES[path.toLowerCase()];
  // `_info/lastUpdated` is a string in the `_info` map [S4] but compares as a date.
  const infoKey = /^_info\/(\w+)$/i.exec(path)?.[1];
  const infoAlias = infoKey === undefined ? undefined : INFO_ALIASES[infoKey.toLowerCase()];
  if (infoKey !== undefined && infoAlias) return { names: ['_info', infoKey], kind: infoAlias };
  const found = resolvePath(schema, path);
  if (found) return { names: found.names, kind: scalarKind(found.schema) };
  if (alias) return { names: ['_info', path.charAt(0).toLowerCase() + path.slice(1)], kind: alias };
  badConditions(`Unknown field name '${path}'.`);
}

const KIND_WORD: Record<string, string> = {
  string: 'string',
  number: 'numeric',
  boolean: 'boolean',
  date: 'datetime',
  null: 'null',
};

function checkLiteral(field: string, kind: ScalarKind, lit: Literal): void {
  if (lit.type === 'null' || kind === 'any') return;
  if (kind === 'object' || kind === 'array')
    badConditions(`Field '${field}' cannot be compared directly; name a sub-field such as ${field}/id.`);
  const want = kind === 'date' ? 'date' : kind;
  if (lit.type !== want) badConditions(`Expected a ${KIND_WORD[want]} value, not a ${KIND_WORD[lit.type]}.`);
}

/** Values found at a path; arrays on the way fan out (any-match semantics). */
function valuesAt(row: unknown, names: string[]): unknown[] {
  let current: unknown[] = [row];
  for (const name of names) {
    const next: unknown[] = [];
    for (const value of current) {
      const items = Array.isArray(value) ? value : [value];
      for (const item of items) {
        if (item !== null && typeof item === 'object') next.push((item as Row)[name]);
        else next.push(undefined);
      }
    }
    current = next;
  }
  return current.flatMap((v) => (Array.isArray(v) ? v : [v]));
}

function comparable(value: unknown, kind: ScalarKind): number | string | boolean | undefined {
  if (value === undefined || value === null) return undefined;
  if (kind === 'date') return typeof value === 'string' ? Date.parse(value) : undefined;
  if (kind === 'string') return String(value).toLowerCase();
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return undefined;
}

function literalValue(lit: Literal): number | string | boolean | undefined {
  if (lit.type === 'null') return undefined;
  if (lit.type === 'string') return lit.value.toLowerCase();
  return lit.value;
}

function compareOne(value: unknown, kind: ScalarKind, op: string, lit: Literal): boolean {
  const effectiveKind = kind === 'any' ? (typeof value === 'string' ? 'string' : 'any') : kind;
  const left = comparable(value, effectiveKind);
  if (lit.type === 'null') {
    if (op === '=') return left === undefined;
    if (op === '!=') return left !== undefined;
    return false;
  }
  if (left === undefined) return op === '!=';
  const right = literalValue(lit);
  switch (op) {
    case '=':
      return left === right;
    case '!=':
      return left !== right;
    case 'contains':
      return typeof right === 'string' && likeRegex(right, true).test(String(left));
    case 'like':
      return typeof right === 'string' && likeRegex(right).test(String(left));
  }
  if (right === undefined || typeof left === 'boolean') return false;
  if (typeof left !== typeof right) return false;
  if (op === '<') return left < right;
  if (op === '<=') return left <= right;
  if (op === '>') return left > right;
  return left >= right;
}

function compile(node: ConditionNode, schema: JsonSchema): Predicate {
  if (node.kind !== 'cmp') {
    const left = compile(node.left, schema);
    const right = compile(node.right, schema);
    return node.kind === 'and' ? (row) => left(row) && right(row) : (row) => left(row) || right(row);
  }
  const field = resolveField(schema, node.field);
  const literals = Array.isArray(node.value) ? node.value : [node.value];
  for (const lit of literals) checkLiteral(node.field, field.kind, lit);
  if ((node.op === 'contains' || node.op === 'like') && field.kind !== 'string' && field.kind !== 'any')
    badConditions(`Operator ${node.op} can only be used on string fields ('${node.field}').`);
  const { op, negate } = node;
  return (row) => {
    const values = valuesAt(row, field.names);
    let hit: boolean;
    if (op === 'in') hit = values.some((v) => literals.some((lit) => compareOne(v, field.kind, '=', lit)));
    else if (op === '!=' && values.length > 1)
      hit = values.every((v) => compareOne(v, field.kind, op, literals[0]!));
    else hit = values.some((v) => compareOne(v, field.kind, op, literals[0]!));
    return negate ? !hit : hit;
  };
}

/** `conditions=…` against an entity schema. */
export function compileConditions(text: string, schemaName: string): Predicate {
  return compile(parseConditions(text), schemaNamed(schemaName));
}

/**
 * `childConditions=…`: fields go into array children, e.g. `communicationItems/value`; no `in` [S1].
 * All comparisons on the same array must hold for one child element (inferred: it filters children).
 */
export function compileChildConditions(text: string, schemaName: string): Predicate {
  const tree = parseConditions(text, { allowIn: false });
  const schema = schemaNamed(schemaName);
  const roots = new Set<string>();
  const walk = (n: ConditionNode): void => {
    if (n.kind === 'cmp') {
      roots.add(n.field.split('/')[0]!.toLowerCase());
    } else {
      walk(n.left);
      walk(n.right);
    }
  };
  walk(tree);
  const first = [...roots][0]!;
  const rootField = resolvePath(schema, first);
  if (roots.size !== 1 || !rootField || rootField.schema.type !== 'array' || !rootField.schema.items)
    return compile(tree, schema);
  const itemSchema = rootField.schema.items;
  const strip = (n: ConditionNode): ConditionNode =>
    n.kind === 'cmp'
      ? { ...n, field: n.field.split('/').slice(1).join('/') }
      : { ...n, left: strip(n.left), right: strip(n.right) };
  const inner = compile(strip(tree), itemSchema);
  const arrayName = rootField.names[0]!;
  return (row) => {
    const children = row[arrayName];
    return Array.isArray(children) && children.some((child) => inner(child as Row));
  };
}

/** `customFieldConditions=caption="X" AND value != null`: one custom field must satisfy it all [S1]. */
export function compileCustomFieldConditions(text: string): Predicate {
  const inner = compile(parseConditions(text, { allowIn: false }), schemaNamed('CustomFieldValue'));
  return (row) => {
    const fields = row.customFields;
    return Array.isArray(fields) && fields.some((f) => inner(f as Row));
  };
}
