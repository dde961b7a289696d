/**
 * {@link TicketStore} in plain memory (Maps), for tests and tools that need
 * no database. Same behaviour as {@link SqliteTicketStore}: the shared
 * contract test (test/handoff/ticket-store.test.ts) runs against both.
 */
import type { ChannelName } from '../core/messages.js';
import { canView, type DeliveryState, type Ticket, type TicketHead, type TicketMessage, type TicketStatus, type TicketViewer } from './ticket.js';
import type { NewTicket, PendingDelivery, TicketCounts, TicketFilter, TicketStore } from './ticket-store.js';

/** Tickets kept in memory; lost when the process ends. */
export class InMemoryTicketStore implements TicketStore {
  private readonly tickets = new Map<number, Ticket>();
  private nextTicket = 1;
  private nextMessage = 1;

  private copy(t: Ticket): Ticket {
    return { ...t, messages: t.messages.map((m) => ({ ...m })) };
  }

  private byUpdate(): Ticket[] {
    return [...this.tickets.values()].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || b.id - a.id);
  }

  private undeliverable(t: Ticket): boolean {
    const last = [...t.messages].reverse().find((m) => m.author === 'staff');
    return last?.delivery === 'undeliverable' || last?.delivery === 'failed';
  }

  create(input: NewTicket, now: Date): Ticket {
    const at = now.toISOString();
    const id = this.nextTicket++;
    const ticket: Ticket = {
      id,
      channel: input.channel,
      chatId: input.chatId,
      userId: input.userId,
      ...(input.displayName ? { displayName: input.displayName } : {}),
      status: 'open',
      createdAt: at,
      updatedAt: at,
      lastCitizenAt: at,
      messages: input.messages.map((m) => ({ id: this.nextMessage++, author: 'citizen', text: m.text, at: m.at })),
    };
    this.tickets.set(id, ticket);
    return this.copy(ticket);
  }

  get(id: number): Ticket | undefined {
    const t = this.tickets.get(id);
    return t ? this.copy(t) : undefined;
  }

  latestForChat(channel: ChannelName, chatId: string): TicketHead | undefined {
    const t = this.byUpdate().find((x) => x.channel === channel && x.chatId === chatId);
    if (!t) return undefined;
    const { messages: _messages, ...head } = t;
    return head;
  }

  addMessage(ticketId: number, m: { author: 'citizen' | 'staff'; text: string; at: string; delivery?: DeliveryState; staffName?: string }): TicketMessage {
    const t = this.tickets.get(ticketId);
    if (!t) throw new Error(`ticket ${ticketId} does not exist`);
    const message: TicketMessage = {
      id: this.nextMessage++,
      author: m.author,
      text: m.text,
      at: m.at,
      ...(m.author === 'staff' ? { delivery: m.delivery ?? 'pending' } : {}),
      ...(m.staffName ? { staffName: m.staffName } : {}),
    };
    t.messages.push(message);
    t.updatedAt = m.at;
    if (m.author === 'citizen') t.lastCitizenAt = m.at;
    return { ...message };
  }

  setStatus(ticketId: number, status: TicketStatus, now: Date): void {
    const t = this.tickets.get(ticketId);
    if (t) Object.assign(t, { status, updatedAt: now.toISOString() });
  }

  setUnit(ticketId: number, unit: string | undefined, now: Date): void {
    const t = this.tickets.get(ticketId);
    if (!t) return;
    if (unit) t.unit = unit;
    else delete t.unit;
    t.updatedAt = now.toISOString();
  }

  touchCitizen(ticketId: number, now: Date): void {
    const t = this.tickets.get(ticketId);
    if (t) t.lastCitizenAt = now.toISOString();
  }

  setDelivery(messageId: number, delivery: DeliveryState, note?: string): void {
    for (const t of this.tickets.values()) {
      const m = t.messages.find((x) => x.id === messageId);
      if (!m) continue;
      m.delivery = delivery;
      if (note) m.deliveryNote = note;
      else delete m.deliveryNote;
    }
  }

  list(filter: TicketFilter, viewer: TicketViewer): Ticket[] {
    return this.byUpdate()
      .filter(
        (t) =>
          canView(t, viewer) &&
          (!filter.status || t.status === filter.status) &&
          (!filter.channel || t.channel === filter.channel) &&
          (!filter.unit || t.unit === filter.unit) &&
          (!filter.undeliverable || this.undeliverable(t)),
      )
      .slice(0, 500)
      .map((t) => this.copy(t));
  }

  counts(viewer: TicketViewer): TicketCounts {
    const seen = [...this.tickets.values()].filter((t) => canView(t, viewer));
    const of = (s: TicketStatus) => seen.filter((t) => t.status === s).length;
    return {
      open: of('open'),
      answered: of('answered'),
      closed: of('closed'),
      undeliverable: seen.filter((t) => this.undeliverable(t)).length,
      total: seen.length,
    };
  }

  pendingDeliveries(): PendingDelivery[] {
    const out: PendingDelivery[] = [];
    for (const t of this.tickets.values()) {
      if (t.channel === 'web') continue;
      for (const m of t.messages) if (m.author === 'staff' && m.delivery === 'pending') out.push({ ticket: this.copy(t), message: { ...m } });
    }
    return out.sort((a, b) => a.message.id - b.message.id);
  }

  takeWebInbox(sessionId: string): Array<{ ticketId: number; text: string; at: string }> {
    const out: Array<{ id: number; ticketId: number; text: string; at: string }> = [];
    for (const t of this.tickets.values()) {
      if (t.channel !== 'web' || t.chatId !== sessionId) continue;
      for (const m of t.messages) {
        if (m.author !== 'staff' || m.delivery !== 'pending') continue;
        m.delivery = 'sent';
        out.push({ id: m.id, ticketId: t.id, text: m.text, at: m.at });
      }
    }
    return out.sort((a, b) => a.id - b.id).map(({ ticketId, text, at }) => ({ ticketId, text, at }));
  }

  purgeBefore(cutoff: Date): number {
    const at = cutoff.toISOString();
    let n = 0;
    for (const t of [...this.tickets.values()]) {
      if (t.status !== 'open' && t.updatedAt < at) {
        this.tickets.delete(t.id);
        n++;
      }
    }
    return n;
  }
}
