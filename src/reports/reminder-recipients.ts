/**
 * Who receives reminders: read from the conversation engine's `identities`
 * table, and the Zalo 48-hour rule for proactive messages.
 */
import type { ChannelName, Role } from '../core/messages.js';
import type { Db } from '../store/database.js';

/** A staff member or admin that can be messaged proactively. */
export interface ReminderRecipient {
  channel: ChannelName;
  userId: string;
  role: Role;
  unit?: string;
  /** ISO time of the user's last message, if known. */
  lastSeenAt?: string | null;
}

/** Port: the people reminders may go to. */
export interface RecipientDirectory {
  list(): ReminderRecipient[];
}

/** Zalo consultation messages are free only within 48 h of the user's last interaction. */
export const ZALO_WINDOW_MS = 48 * 60 * 60 * 1000;

/** Channels that support proactive messages at all (the web chat does not). */
const PROACTIVE: ReadonlySet<ChannelName> = new Set<ChannelName>(['telegram', 'zalo']);

/**
 * May we message this person now? Only Telegram and Zalo; on Zalo only when
 * they wrote to the OA within the last 48 hours.
 */
export function canMessage(r: ReminderRecipient, now: Date): boolean {
  if (!PROACTIVE.has(r.channel)) return false;
  if (r.channel !== 'zalo') return true;
  const seen = r.lastSeenAt ? Date.parse(r.lastSeenAt) : Number.NaN;
  return Number.isFinite(seen) && now.getTime() - seen <= ZALO_WINDOW_MS && seen <= now.getTime() + 60_000;
}

/** Staff and admins from `identities`; empty when that table does not exist. */
export function sqliteRecipients(db: Db): RecipientDirectory {
  return {
    list() {
      const exists = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'identities'").get();
      if (!exists) return [];
      const rows = db.prepare("SELECT channel, user_id, role, unit, last_seen_at FROM identities WHERE role IN ('staff', 'admin')").all() as Array<{
        channel: string;
        user_id: string;
        role: string;
        unit: string | null;
        last_seen_at: string | null;
      }>;
      return rows.map((r) => ({
        channel: r.channel as ChannelName,
        userId: String(r.user_id),
        role: r.role as Role,
        unit: r.unit ?? undefined,
        lastSeenAt: r.last_seen_at,
      }));
    },
  };
}
