/**
 * Button payloads of the handoff, built and read here only (same `xx:`
 * style as `fb:`/`q:`/`rp:`; to move into the shared payload module):
 * - `hd:ask`: the citizen's "Hỏi cán bộ" button;
 * - `hd:r:<ticket>`: the "Trả lời" button under a ticket in the staff group.
 */

/** Data of the "Hỏi cán bộ" button. */
export const HANDOFF_ASK_PAYLOAD = 'hd:ask';

/** Data of the staff group's "Trả lời" button of ticket `id`. */
export function handoffReplyPayload(id: number): string {
  return `hd:r:${id}`;
}

export type HandoffPayload = { kind: 'ask' } | { kind: 'staffReply'; ticketId: number };

/** Read a handoff payload; undefined for any other button. */
export function parseHandoffPayload(data: string): HandoffPayload | undefined {
  if (data === HANDOFF_ASK_PAYLOAD) return { kind: 'ask' };
  const m = /^hd:r:(\d{1,12})$/.exec(data);
  return m ? { kind: 'staffReply', ticketId: Number(m[1]) } : undefined;
}
