// The audit trail: who changed what, for every mutating request.
import type { Db } from './db.ts';

export interface AuditEntry {
  actorKind: 'user' | 'operator' | 'source' | 'system';
  actorId: string | null;
  partnerId: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  details?: Record<string, unknown>;
}

export async function writeAudit(db: Db, e: AuditEntry): Promise<void> {
  await db.query(
    `INSERT INTO audit_log (actor_kind, actor_id, partner_id, action, target_type, target_id, details)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [
      e.actorKind,
      e.actorId,
      e.partnerId,
      e.action,
      e.targetType,
      e.targetId,
      JSON.stringify(e.details ?? {}),
    ],
  );
}
