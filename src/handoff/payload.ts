/**
 * Button payloads of the handoff, as named constants over the one payload
 * module (src/core/payload.ts):
 * - `hd:ask`: the citizen's "Hỏi cán bộ" button;
 * - `hd:r:<id>`: the "Trả lời" button under a ticket in the staff group.
 */
import { encodePayload } from '../core/payload.js';

/** Data of the "Hỏi cán bộ" button. */
export const HANDOFF_ASK_PAYLOAD = encodePayload({ kind: 'handoff', action: 'ask' });

/** Data of the staff group's "Trả lời" button of ticket `id`. */
export function handoffReplyPayload(id: number): string {
  return encodePayload({ kind: 'handoff', action: 'staffReply', ticketId: id });
}
