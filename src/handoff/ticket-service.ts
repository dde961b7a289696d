/**
 * The handoff's use cases over a {@link TicketStore}: open a ticket, add
 * what the citizen sends next (reopening within 7 days), let staff reply,
 * assign or close, and deliver replies on the citizen's own channel:
 * - web: kept `pending` until the page fetches it (`GET /api/chat/inbox`);
 * - Telegram: a message through the outbound sender;
 * - Zalo: a customer-service message only within 48 hours of the citizen's
 *   last message; later the reply is marked "không gửi được (quá 48 giờ)"
 *   and no call is made.
 * Replies are stored `pending` before sending, so a restart loses none, and
 * `deliverPending()` sends only those still pending (nothing twice).
 */
import type { ChannelName, OutboundSender } from '../core/messages.js';
import { AppError, isAppError } from '../errors.js';
import type { Logger } from '../logger.js';
import { handoffTexts } from './texts.js';
import {
  canView,
  type DeliveryState,
  insideZaloWindow,
  reopensAt,
  type Ticket,
  type TicketHead,
  type TicketMessage,
  type TicketViewer,
  UNDELIVERABLE_ZALO_NOTE,
} from './ticket.js';
import type { NewTicket, TicketCounts, TicketFilter, TicketStore } from './ticket-store.js';

/** Where a reply saved "as answer" goes (the curated-answer store, wired in main.ts). */
export interface CuratedAnswerSink {
  saveCuratedAnswer(question: string, answer: string): void | Promise<void>;
}

/** The staff group (Telegram), when configured. */
export interface StaffNotifier {
  /** Post a new (or reopened) ticket with its number and a "Trả lời" button. */
  postTicket(ticket: Ticket, reopened: boolean): Promise<void>;
  /** Post a citizen's follow-up message on an open ticket. */
  postFollowUp(ticket: Ticket, text: string): Promise<void>;
}

/** What the channels give the service once they exist (they need the engine, which needs the service). */
export interface TicketServiceLinks {
  outbound?: OutboundSender;
  staffNotifier?: StaffNotifier;
  curated?: CuratedAnswerSink;
}

export interface TicketServiceDeps {
  store: TicketStore;
  logger: Logger;
  now?: () => Date;
}

/** The outcome of a staff reply. */
export interface ReplyResult {
  ticket: Ticket;
  message: TicketMessage;
  delivery: DeliveryState;
  /** Why it was not sent (Vietnamese, for staff). */
  note?: string;
  savedAsAnswer: boolean;
}

export interface ReplyOptions {
  viewer: TicketViewer;
  saveAsAnswer?: boolean;
  staffName?: string;
}

export interface TicketService {
  connect(links: TicketServiceLinks): void;
  /** Open a ticket and post it to the staff group (a failing post is only logged). */
  open(input: NewTicket): Promise<Ticket>;
  /** The chat's open ticket, if any (without its messages). */
  openFor(channel: ChannelName, chatId: string): TicketHead | undefined;
  /**
   * A citizen message on a chat: added to its open ticket, or reopening an
   * answered/closed one within 7 days. Without `text` (a button press) the
   * activity is only recorded. Returns the ticket it went to.
   */
  noteCitizen(channel: ChannelName, chatId: string, text: string | undefined): Promise<{ ticket: Ticket; reopened: boolean } | undefined>;
  reply(ticketId: number, text: string, opts: ReplyOptions): Promise<ReplyResult>;
  close(ticketId: number, viewer: TicketViewer): Ticket;
  assign(ticketId: number, unit: string | undefined, viewer: TicketViewer): Ticket;
  get(ticketId: number, viewer: TicketViewer): Ticket;
  list(filter: TicketFilter, viewer: TicketViewer): { tickets: Ticket[]; counts: TicketCounts };
  /** Send replies left pending by a crash or restart (not web: the page fetches those). */
  deliverPending(): Promise<number>;
  /** Web replies not yet shown on the page; marked shown. */
  takeWebInbox(sessionId: string): Array<{ text: string; at: string }>;
  /** Retention: delete answered and closed tickets unchanged since `cutoff`; returns how many. */
  purgeBefore(cutoff: Date): number;
}

/** Build the ticket service. */
export function createTicketService(deps: TicketServiceDeps): TicketService {
  const { store } = deps;
  const log = deps.logger.child({ module: 'handoff' });
  const now = deps.now ?? (() => new Date());
  let links: TicketServiceLinks = {};

  const visible = (ticketId: number, viewer: TicketViewer): Ticket => {
    const t = store.get(ticketId);
    if (!t || !canView(t, viewer)) throw new AppError('NOT_FOUND', `Không tìm thấy yêu cầu #${ticketId}.`);
    return t;
  };

  const post = async (ticket: Ticket, reopened: boolean, followUp?: string) => {
    if (!links.staffNotifier) return;
    try {
      if (followUp === undefined) await links.staffNotifier.postTicket(ticket, reopened);
      else await links.staffNotifier.postFollowUp(ticket, followUp);
    } catch (err) {
      log.warn({ err, ticketId: ticket.id }, 'handoff: posting the ticket to the staff group failed');
    }
  };

  /** Deliver one stored staff reply; returns its new state. */
  const deliver = async (ticket: Ticket, message: TicketMessage): Promise<{ delivery: DeliveryState; note?: string }> => {
    if (ticket.channel === 'web') return { delivery: 'pending' };
    if (ticket.channel === 'zalo' && !insideZaloWindow(ticket, now())) {
      store.setDelivery(message.id, 'undeliverable', UNDELIVERABLE_ZALO_NOTE);
      log.warn({ ticketId: ticket.id, lastCitizenAt: ticket.lastCitizenAt }, 'handoff: Zalo reply not sent, outside the 48-hour window');
      return { delivery: 'undeliverable', note: UNDELIVERABLE_ZALO_NOTE };
    }
    if (!links.outbound) {
      const note = 'kênh của người dân chưa sẵn sàng để gửi';
      store.setDelivery(message.id, 'failed', note);
      return { delivery: 'failed', note };
    }
    try {
      await links.outbound.send(ticket.channel, ticket.chatId, { kind: 'system', text: handoffTexts.replyToCitizen(ticket.id, message.text) });
      store.setDelivery(message.id, 'sent');
      return { delivery: 'sent' };
    } catch (err) {
      const note = isAppError(err, 'CHANNEL_NOT_CONFIGURED') ? 'kênh của người dân chưa được cấu hình' : 'gửi không thành công (lỗi kênh)';
      log.error({ err, ticketId: ticket.id }, 'handoff: delivering the staff reply failed');
      store.setDelivery(message.id, 'failed', note);
      return { delivery: 'failed', note };
    }
  };

  const saveAnswer = async (ticket: Ticket, answer: string): Promise<boolean> => {
    const question = [...ticket.messages].reverse().find((m) => m.author === 'citizen')?.text;
    if (!links.curated || !question) return false;
    try {
      await links.curated.saveCuratedAnswer(question, answer);
      return true;
    } catch (err) {
      log.error({ err, ticketId: ticket.id }, 'handoff: saving the reply as a curated answer failed');
      return false;
    }
  };

  return {
    connect(l) {
      links = { ...links, ...l };
    },
    async open(input) {
      const ticket = store.create(input, now());
      log.info({ ticketId: ticket.id, channel: ticket.channel }, 'handoff: ticket opened');
      await post(ticket, false);
      return ticket;
    },
    openFor(channel, chatId) {
      const t = store.latestForChat(channel, chatId);
      return t?.status === 'open' ? t : undefined;
    },
    async noteCitizen(channel, chatId, text) {
      const latest = store.latestForChat(channel, chatId);
      if (!latest) return undefined;
      const at = now();
      const reopened = reopensAt(latest, at);
      if (latest.status !== 'open' && !reopened) return undefined;
      if (text === undefined) {
        store.touchCitizen(latest.id, at);
        return undefined;
      }
      if (reopened) store.setStatus(latest.id, 'open', at);
      store.addMessage(latest.id, { author: 'citizen', text, at: at.toISOString() });
      const ticket = store.get(latest.id) as Ticket;
      if (reopened) log.info({ ticketId: ticket.id }, 'handoff: ticket reopened by the citizen');
      await post(ticket, reopened, reopened ? undefined : text);
      return { ticket, reopened };
    },
    async reply(ticketId, text, opts) {
      const before = visible(ticketId, opts.viewer);
      const at = now();
      const message = store.addMessage(ticketId, {
        author: 'staff',
        text,
        at: at.toISOString(),
        delivery: 'pending',
        ...(opts.staffName ? { staffName: opts.staffName } : {}),
      });
      store.setStatus(ticketId, 'answered', at);
      const result = await deliver(before, message);
      const savedAsAnswer = opts.saveAsAnswer ? await saveAnswer(before, text) : false;
      log.info({ ticketId, delivery: result.delivery, savedAsAnswer }, 'handoff: staff replied');
      return { ticket: store.get(ticketId) as Ticket, message, ...result, savedAsAnswer };
    },
    close(ticketId, viewer) {
      visible(ticketId, viewer);
      store.setStatus(ticketId, 'closed', now());
      return store.get(ticketId) as Ticket;
    },
    assign(ticketId, unit, viewer) {
      visible(ticketId, viewer);
      store.setUnit(ticketId, unit, now());
      return store.get(ticketId) as Ticket;
    },
    get: visible,
    list(filter, viewer) {
      return { tickets: store.list(filter, viewer), counts: store.counts(viewer) };
    },
    async deliverPending() {
      let sent = 0;
      for (const { ticket, message } of store.pendingDeliveries()) {
        const r = await deliver(ticket, message);
        if (r.delivery === 'sent') sent++;
      }
      return sent;
    },
    takeWebInbox: (sessionId) => store.takeWebInbox(sessionId).map((m) => ({ text: handoffTexts.replyToCitizen(m.ticketId, m.text), at: m.at })),
    purgeBefore: (cutoff) => store.purgeBefore(cutoff),
  };
}
