/**
 * The ticket storage port. Synchronous like the chat store (better-sqlite3);
 * {@link SqliteTicketStore} is the real one, {@link InMemoryTicketStore}
 * keeps Maps (tests, tools); `createMemoryTicketStore()` is SQLite on a
 * private in-memory database.
 */
import type { ChannelName } from '../core/messages.js';
import type { DeliveryState, Ticket, TicketHead, TicketMessage, TicketStatus, TicketViewer } from './ticket.js';

/** A new ticket and the citizen's messages it starts with (oldest first). */
export interface NewTicket {
  channel: ChannelName;
  chatId: string;
  userId: string;
  displayName?: string;
  messages: Array<{ text: string; at: string }>;
}

/** Filters of the staff list. */
export interface TicketFilter {
  status?: TicketStatus;
  channel?: ChannelName;
  unit?: string;
  /** Only tickets whose last staff reply could not be delivered. */
  undeliverable?: boolean;
}

/** Counts per status (and undeliverable replies) for the tickets a viewer may see. */
export interface TicketCounts {
  open: number;
  answered: number;
  closed: number;
  undeliverable: number;
  total: number;
}

/** A staff reply waiting to be sent, with the ticket it belongs to. */
export interface PendingDelivery {
  ticket: Ticket;
  message: TicketMessage;
}

export interface TicketStore {
  create(input: NewTicket, now: Date): Ticket;
  get(id: number): Ticket | undefined;
  /** The most recently updated ticket of a chat, without its messages (asked for every chat message: one row, however long the ticket). */
  latestForChat(channel: ChannelName, chatId: string): TicketHead | undefined;
  /** Append a citizen message (also moves `lastCitizenAt`) or a staff reply. */
  addMessage(ticketId: number, message: { author: 'citizen' | 'staff'; text: string; at: string; delivery?: DeliveryState; staffName?: string }): TicketMessage;
  setStatus(ticketId: number, status: TicketStatus, now: Date): void;
  setUnit(ticketId: number, unit: string | undefined, now: Date): void;
  /** The citizen was active on the chat (button press…) without a text worth keeping. */
  touchCitizen(ticketId: number, now: Date): void;
  setDelivery(messageId: number, delivery: DeliveryState, note?: string): void;
  /** Newest first, only what `viewer` may see. */
  list(filter: TicketFilter, viewer: TicketViewer): Ticket[];
  counts(viewer: TicketViewer): TicketCounts;
  /** Staff replies still `pending` on Telegram or Zalo (sent at start-up after a crash). */
  pendingDeliveries(): PendingDelivery[];
  /** Staff replies for a web session not yet shown, marked sent as they are returned. */
  takeWebInbox(sessionId: string): Array<{ ticketId: number; text: string; at: string }>;
  /** Retention: delete answered and closed tickets not updated since `cutoff`. */
  purgeBefore(cutoff: Date): number;
}
