/**
 * What staff see of a ticket (JSON of the console): only what the citizen
 * sent and the staff replies, the channel and the display name; never the
 * platform ids (chat or user id).
 */
import type { ChannelName } from '../../core/messages.js';
import { insideZaloWindow, lastStaffReply, type Ticket, type TicketStatus } from '../ticket.js';

export interface TicketView {
  id: number;
  channel: ChannelName;
  displayName?: string;
  status: TicketStatus;
  unit?: string;
  createdAt: string;
  updatedAt: string;
  lastCitizenAt: string;
  /** The last staff reply could not be delivered (its note says why). */
  undeliverable: boolean;
  /** Zalo only: whether a reply can still be sent (48-hour window). */
  replyWindowOpen?: boolean;
  messages: Array<{ author: 'citizen' | 'staff'; text: string; at: string; delivery?: string; deliveryNote?: string; staffName?: string }>;
}

/** Build the staff view of a ticket at `now`. */
export function toTicketView(t: Ticket, now: Date): TicketView {
  const last = lastStaffReply(t);
  return {
    id: t.id,
    channel: t.channel,
    ...(t.displayName ? { displayName: t.displayName } : {}),
    status: t.status,
    ...(t.unit ? { unit: t.unit } : {}),
    createdAt: t.createdAt,
    updatedAt: t.updatedAt,
    lastCitizenAt: t.lastCitizenAt,
    undeliverable: last?.delivery === 'undeliverable' || last?.delivery === 'failed',
    ...(t.channel === 'zalo' ? { replyWindowOpen: insideZaloWindow(t, now) } : {}),
    messages: t.messages.map((m) => ({
      author: m.author,
      text: m.text,
      at: m.at,
      ...(m.delivery ? { delivery: m.delivery } : {}),
      ...(m.deliveryNote ? { deliveryNote: m.deliveryNote } : {}),
      ...(m.staffName ? { staffName: m.staffName } : {}),
    })),
  };
}
