// Maps `apis/3.0` paths to entities. Paths match case-insensitively: the spec itself spells one
// resource `securityroles` and `securityRoles` and uses `/service/SLAs` (inferred from [S6]).
import type { EntityDef } from './entity.ts';

export type Action = 'collection' | 'count' | 'search' | 'item';

export interface Matched {
  def: EntityDef;
  action: Action;
  parentId: number | undefined;
  id: number | undefined;
}

interface Compiled {
  def: EntityDef;
  re: RegExp;
}

export function compileRoutes(defs: EntityDef[]): (path: string) => Matched | undefined {
  const compiled: Compiled[] = defs.map((def) => {
    const body = def.path
      .split('/')
      .map((seg) => (seg === '{parentId}' ? '(\\d+)' : seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
      .join('/');
    return { def, re: new RegExp(`^${body}(?:/(count|search|\\d+))?/?$`, 'i') };
  });
  return (path) => {
    for (const { def, re } of compiled) {
      const m = re.exec(path);
      if (!m) continue;
      const hasParent = def.path.includes('{parentId}');
      const parentId = hasParent ? Number(m[1]) : undefined;
      const tail = m[hasParent ? 2 : 1]?.toLowerCase();
      if (tail === undefined) return { def, action: 'collection', parentId, id: undefined };
      if (tail === 'count') return { def, action: 'count', parentId, id: undefined };
      if (tail === 'search') return { def, action: 'search', parentId, id: undefined };
      return { def, action: 'item', parentId, id: Number(tail) };
    }
    return undefined;
  };
}
