// An in-memory table with numeric ids, handing out copies so a caller never mutates stored state
// by accident (a real server would not let a response object alias its database).

export class Table<T extends { id: number }> {
  #rows = new Map<number, T>();
  #nextId = 1;

  constructor(rows: readonly T[] = []) {
    for (const row of rows) this.put(row);
  }

  /** Insert with the next id (ids of seeded rows are kept and the counter moves past them). */
  insert(row: Omit<T, 'id'>): T {
    const stored = { ...row, id: this.#nextId++ } as T;
    this.#rows.set(stored.id, structuredClone(stored));
    return structuredClone(stored);
  }

  put(row: T): T {
    this.#rows.set(row.id, structuredClone(row));
    if (row.id >= this.#nextId) this.#nextId = row.id + 1;
    return structuredClone(row);
  }

  get(id: number): T | undefined {
    const row = this.#rows.get(id);
    return row === undefined ? undefined : structuredClone(row);
  }

  has(id: number): boolean {
    return this.#rows.has(id);
  }

  delete(id: number): boolean {
    return this.#rows.delete(id);
  }

  /** All rows in id order. */
  all(): T[] {
    return [...this.#rows.values()].sort((a, b) => a.id - b.id).map((r) => structuredClone(r));
  }

  find(predicate: (row: T) => boolean): T | undefined {
    for (const row of this.#rows.values()) if (predicate(row)) return structuredClone(row);
    return undefined;
  }

  get size(): number {
    return this.#rows.size;
  }
}
