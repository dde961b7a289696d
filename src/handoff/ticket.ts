/**
 * The handoff ticket: a citizen's request to talk to a person, with what the
 * citizen sent and the staff replies. Life cycle: open → answered → closed;
 * a new message from the citizen within {@link REOPEN_WINDOW_MS} of the last
 * change reopens an answered or closed ticket.
 */
import type { ChannelName } from '../core/messages.js';

/** Every ticket status, defined once. */
export const TICKET_STATUSES = ['open', 'answered', 'closed'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/** Delivery of a staff reply to the citizen's channel. */
export const DELIVERY_STATES = ['pending', 'sent', 'failed', 'undeliverable'] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];

/** A citizen message reopens an answered or closed ticket within 7 days. */
export const REOPEN_WINDOW_MS = 7 * 86_400_000;

/** Zalo OA customer-service messages: within 48 hours of the user's last message. */
export const ZALO_REPLY_WINDOW_MS = 48 * 3_600_000;

/** Shown to staff (console, Telegram group) when the Zalo window has passed. */
export const UNDELIVERABLE_ZALO_NOTE = 'không gửi được (quá 48 giờ)';

/** One line of a ticket: what the citizen sent, or a staff reply with its delivery. */
export interface TicketMessage {
  id: number;
  author: 'citizen' | 'staff';
  text: string;
  /** ISO time. */
  at: string;
  /** Staff replies only. */
  delivery?: DeliveryState;
  /** Why a delivery failed or was not attempted (Vietnamese, for staff). */
  deliveryNote?: string;
  /** Who answered (staff replies), e.g. a Telegram display name or "Quản trị". */
  staffName?: string;
}

export interface Ticket {
  /** The ticket number citizens and staff see ("#12"). */
  id: number;
  channel: ChannelName;
  chatId: string;
  userId: string;
  displayName?: string;
  status: TicketStatus;
  /** The unit the ticket is assigned to; unassigned tickets are visible to all staff. */
  unit?: string;
  createdAt: string;
  updatedAt: string;
  /** The citizen's last message on this chat (Zalo's 48-hour window starts here). */
  lastCitizenAt: string;
  messages: TicketMessage[];
}

/** A ticket without its messages: what the per-message checks (open? reopened?) read. */
export type TicketHead = Omit<Ticket, 'messages'>;

/** Who is looking at tickets: admins see all; other staff see unassigned ones and their unit's. */
export type TicketViewer = { role: 'admin' } | { role: 'staff'; unit: string };

/** Whether `viewer` may see (and answer) `ticket`. */
export function canView(ticket: Pick<Ticket, 'unit'>, viewer: TicketViewer): boolean {
  return viewer.role === 'admin' || ticket.unit === undefined || ticket.unit === viewer.unit;
}

/** Whether a citizen message at `now` reopens a ticket that is answered or closed. */
export function reopensAt(ticket: Pick<Ticket, 'status' | 'updatedAt'>, now: Date): boolean {
  return ticket.status !== 'open' && now.getTime() - Date.parse(ticket.updatedAt) <= REOPEN_WINDOW_MS;
}

/** Whether a Zalo customer-service message may still be sent at `now`. */
export function insideZaloWindow(ticket: Pick<Ticket, 'lastCitizenAt'>, now: Date): boolean {
  return now.getTime() - Date.parse(ticket.lastCitizenAt) <= ZALO_REPLY_WINDOW_MS;
}

/** The most recent staff reply of a ticket, or undefined. */
export function lastStaffReply(ticket: Ticket): TicketMessage | undefined {
  return [...ticket.messages].reverse().find((m) => m.author === 'staff');
}
