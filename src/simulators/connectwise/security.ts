// Security roles (reference §1.3, §7.9 [S1, S6, S7]): every member has a role; a role grants, per
// module function, add/edit/delete/inquire levels of None, My or All. `/system/mySecurity` lists the
// caller's effective rows; a call whose level is None is refused with 403. The real module/function
// identifier strings are not in the sources (§13): the ones in the seed are ours, named after the
// PSA's setup screens. `My` is treated as `All` (record ownership is not modelled).
import { forbidden } from './errors.ts';
import type { Ctx, EntityDef } from './entity.ts';
import { makeRef } from './references.ts';
import type { Rec } from './store.ts';

export type Level = 'add' | 'edit' | 'delete' | 'inquire';
export const LEVELS: readonly Level[] = ['add', 'edit', 'delete', 'inquire'];

/** Removed rights: `Module.Function` → levels (all four when the whole function is removed). */
export type Removals = Map<string, Set<Level>>;

export function levelFor(method: string): Level {
  if (method === 'POST') return 'add';
  if (method === 'PUT' || method === 'PATCH') return 'edit';
  if (method === 'DELETE') return 'delete';
  return 'inquire';
}

export function keyOf(setting: Rec): string {
  return `${String(setting.moduleIdentifier)}.${String(setting.moduleFunctionIdentifier)}`;
}

/** The role's settings with the control-action removals applied. */
export function effectiveSettings(ctx: Ctx, removals: Removals): Rec[] {
  const roleId = (ctx.member.securityRole as Rec | undefined)?.id;
  return ctx.store
    .table('securityRoleSettings')
    .all()
    .filter((s) => s.roleId === roleId)
    .map((s) => {
      const removed = removals.get(keyOf(s));
      const out: Rec = { ...s };
      for (const level of removed ?? []) out[`${level}Level`] = 'None';
      return out;
    });
}

/** `/system/mySecurity` rows: the MySecurity schema, one per module function [S6]. */
export function mySecurityRows(ctx: Ctx, removals: Removals): Rec[] {
  return effectiveSettings(ctx, removals).map((s) => {
    const { roleId: _roleId, ...rest } = s;
    return { ...rest, member: makeRef('member', ctx.member, ctx.base) };
  });
}

export function checkPermission(def: EntityDef, method: string, ctx: Ctx, removals: Removals): void {
  const level = levelFor(method);
  if (level === 'inquire' && def.setupTable) return; // setup tables answer inquiries regardless [S1]
  const setting = effectiveSettings(ctx, removals).find((s) => keyOf(s) === def.security);
  if (!setting || setting[`${level}Level`] === 'None' || setting[`${level}Level`] === undefined) forbidden();
}

/** Parse `{remove: ["ServiceDesk.ServiceTickets", "Finance.Agreements:add"]}` into removals. */
export function applyRemovals(removals: Removals, list: unknown, known: Set<string>): string[] {
  if (!Array.isArray(list))
    throw new Error('permissions: "remove" must be an array of "Module.Function[:level]"');
  const applied: string[] = [];
  for (const item of list) {
    const [key = '', level] = String(item).split(':');
    const match = [...known].find((k) => k.toLowerCase() === key.toLowerCase());
    if (!match)
      throw new Error(`permissions: unknown module function "${key}" (known: ${[...known].join(', ')})`);
    const levels = level ? [level.toLowerCase() as Level] : [...LEVELS];
    for (const l of levels) if (!LEVELS.includes(l)) throw new Error(`permissions: unknown level "${l}"`);
    const set = removals.get(match) ?? new Set<Level>();
    for (const l of levels) set.add(l);
    removals.set(match, set);
    applied.push(level ? `${match}:${level}` : match);
  }
  return applied;
}
