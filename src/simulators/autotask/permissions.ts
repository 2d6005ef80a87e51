// The API user's security level, reduced by the `permissions` control: `{remove: ["Tickets",
// "TicketNotes:create", …]}` takes away every verb on an entity or one verb; `{restore: true}` gives
// them back. A refused call answers HTTP 500 with the text observed live (reference §1.4: "in
// practice often 500 … The logged in Resource does not have the adequate permissions"), and
// `entityInformation` reports the matching `userAccessFor*` as 0 (None).
import { entityByName } from './entities.ts';
import { AutotaskError, permissionMessage } from './errors.ts';
import type { Verb } from './model.ts';

const VERBS: readonly Verb[] = ['query', 'create', 'update', 'delete'];

export class Permissions {
  #removed = new Set<string>();

  allows(entity: string, verb: Verb): boolean {
    const e = entity.toLowerCase();
    return !this.#removed.has(e) && !this.#removed.has(`${e}:${verb}`);
  }

  /** Throws the real permission error when the verb was removed. */
  require(entity: string, verb: Verb): void {
    if (!this.allows(entity, verb)) throw new AutotaskError(permissionMessage(verb));
  }

  remove(items: unknown): void {
    if (!Array.isArray(items))
      throw new Error('permissions.remove must be an array of "Entity" or "Entity:verb"');
    for (const item of items) {
      if (typeof item !== 'string') throw new Error('permissions.remove must hold strings');
      const [entity = '', verb] = item.split(':');
      if (!entityByName(entity)) throw new Error(`unknown entity ${entity}`);
      if (verb !== undefined && !VERBS.includes(verb.toLowerCase() as Verb)) {
        throw new Error(`unknown verb ${verb}; use one of ${VERBS.join(', ')}`);
      }
      this.#removed.add(
        verb === undefined ? entity.toLowerCase() : `${entity.toLowerCase()}:${verb.toLowerCase()}`,
      );
    }
  }

  restore(): void {
    this.#removed.clear();
  }

  list(): string[] {
    return [...this.#removed];
  }
}
