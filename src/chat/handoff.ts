/**
 * Handoff to a person, as seen by the conversation engine. Two hooks:
 * - `intercept` takes the messages that are about the handoff: `/canbo`,
 *   the "Hỏi cán bộ" button, plain words asking for a person, the one-line
 *   problem the bot asked for, and (in the Telegram staff group) staff
 *   replies to a ticket post;
 * - `decorate` runs after the engine answered anything else: while a ticket
 *   is open the citizen's message is added to it (the bot still answers),
 *   and refusals and 👎 get a "Hỏi cán bộ" button.
 */
import type { IncomingMessage, OutgoingReply, ReplyButton } from '../core/messages.js';
import { detectHandoffRequest, type HandoffShorthand } from '../handoff/detect.js';
import { isWithinOfficeHours, type OfficeHours } from '../handoff/office-hours.js';
import { HANDOFF_ASK_PAYLOAD } from '../handoff/payload.js';
import { ASK_STAFF_LABEL, handoffTexts, ticketIdFromText } from '../handoff/texts.js';
import type { TicketService } from '../handoff/ticket-service.js';
import { errorReply, system, type TurnContext } from './context.js';
import type { Route } from './router.js';

/** How far back the citizen's earlier questions are copied into a new ticket. */
const HISTORY_WINDOW_MS = 2 * 3_600_000;
const HISTORY_LIMIT = 5;

export interface HandoffHooks {
  /** Handle a handoff message; undefined when the message is not one. */
  intercept(ctx: TurnContext, route: Route): Promise<OutgoingReply[] | undefined>;
  /** Add the handoff's part to the engine's replies (ticket follow-up, "Hỏi cán bộ" buttons). */
  decorate(ctx: TurnContext, route: Route, replies: OutgoingReply[]): Promise<OutgoingReply[]>;
}

export interface HandoffHooksDeps {
  tickets: TicketService;
  officeHours: OfficeHours;
  /** The Telegram staff group (`TELEGRAM_STAFF_CHAT_ID`), whose replies to ticket posts answer citizens. */
  staffChatId?: string;
  /** Chat short forms ("cb", "ng", "ad"), from `handoffShorthand(knowledge/chat-abbreviations.yaml)`. */
  shorthand?: HandoffShorthand;
}

/** The "Hỏi cán bộ" button row. */
export function askStaffButtons(): ReplyButton[] {
  return [{ label: ASK_STAFF_LABEL, data: HANDOFF_ASK_PAYLOAD }];
}

const withButton = (reply: OutgoingReply): OutgoingReply => ({ ...reply, buttons: [...(reply.buttons ?? []), askStaffButtons()] });

/** Build the engine's handoff hooks. */
export function createHandoffHooks(deps: HandoffHooksDeps): HandoffHooks {
  const { tickets, officeHours, staffChatId, shorthand } = deps;
  const isStaffGroup = (msg: IncomingMessage) => staffChatId !== undefined && msg.channel === 'telegram' && msg.chatId === staffChatId;
  const when = (ctx: TurnContext) => handoffTexts.when(officeHours.text, isWithinOfficeHours(officeHours, ctx.deps.now()));

  /** Open a ticket from the chat's recent questions plus `problem` (if any). */
  async function openTicket(ctx: TurnContext, problem: string | undefined): Promise<OutgoingReply[]> {
    const { msg, identity } = ctx;
    const now = ctx.deps.now();
    const history = ctx.deps.store.recentQuestions(msg.channel, msg.chatId, new Date(now.getTime() - HISTORY_WINDOW_MS), HISTORY_LIMIT);
    const messages = [...history, ...(problem ? [{ text: problem, at: now.toISOString() }] : [])];
    const name = identity.displayName ?? msg.userName;
    const ticket = await tickets.open({
      channel: msg.channel,
      chatId: msg.chatId,
      userId: msg.userId,
      ...(name ? { displayName: name } : {}),
      messages,
    });
    return [system(`${handoffTexts.created(ticket.id, handoffTexts.where(msg.channel))}\n${when(ctx)}`)];
  }

  /** `/canbo`, the button, or plain words. `problem`: the message itself when it says what is wrong. */
  async function start(ctx: TurnContext, problem: string | undefined): Promise<OutgoingReply[]> {
    const { msg } = ctx;
    const open = tickets.openFor(msg.channel, msg.chatId);
    if (open) {
      if (problem) await tickets.noteCitizen(msg.channel, msg.chatId, problem);
      return [system(handoffTexts.stillOpen(open.id))];
    }
    if (problem) {
      const reopened = await tickets.noteCitizen(msg.channel, msg.chatId, problem);
      if (reopened) return [system(`${handoffTexts.reopened(reopened.ticket.id)}\n${when(ctx)}`)];
      return openTicket(ctx, problem);
    }
    // A question the bot just could not answer is the problem; otherwise ask for one line.
    const now = ctx.deps.now();
    const recent = ctx.deps.store.recentQuestions(msg.channel, msg.chatId, new Date(now.getTime() - HISTORY_WINDOW_MS), 1);
    if (recent.length > 0) return openTicket(ctx, undefined);
    ctx.deps.store.setPending(msg.channel, msg.chatId, { kind: 'await_handoff_problem' }, now);
    return [system(`${handoffTexts.askProblem}\n${when(ctx)}`)];
  }

  /** A staff member's reply (in the staff group) to a ticket post. */
  async function staffReply(ctx: TurnContext, ticketId: number, text: string): Promise<OutgoingReply[]> {
    try {
      const r = await tickets.reply(ticketId, text, { viewer: { role: 'admin' }, ...(ctx.msg.userName ? { staffName: ctx.msg.userName } : {}) });
      if (r.delivery === 'sent') return [system(handoffTexts.staffDelivered(ticketId, r.ticket.channel))];
      if (r.delivery === 'pending') return [system(handoffTexts.staffWebQueued(ticketId))];
      return [errorReply(handoffTexts.staffNotDelivered(ticketId, r.note ?? 'không gửi được'))];
    } catch {
      return [errorReply(handoffTexts.staffNotFound(ticketId))];
    }
  }

  return {
    async intercept(ctx, route) {
      const { msg } = ctx;
      if (msg.channel === 'cli') return undefined;
      if (isStaffGroup(msg)) {
        if (route.kind === 'handoff' && route.payload.action === 'staffReply') return [system(handoffTexts.staffHint(route.payload.ticketId))];
        const id = msg.replyTo?.fromBot ? ticketIdFromText(msg.replyTo.text) : undefined;
        if (id !== undefined && route.kind === 'text') return staffReply(ctx, id, route.text);
        return undefined;
      }
      if (route.kind === 'handoff') return route.payload.action === 'ask' ? start(ctx, undefined) : [system(handoffTexts.staffHint(route.payload.ticketId))];
      if (route.kind === 'command' && route.name === '/canbo') return start(ctx, route.args || undefined);
      if (route.kind !== 'text') return undefined;
      const state = ctx.deps.store.getChatState(msg.channel, msg.chatId);
      if (state.pending?.kind === 'await_handoff_problem') {
        ctx.deps.store.setPending(msg.channel, msg.chatId, undefined, ctx.deps.now());
        return openTicket(ctx, route.text);
      }
      const asked = detectHandoffRequest(route.text, shorthand);
      return asked ? start(ctx, asked.hasProblem ? route.text : undefined) : undefined;
    },

    async decorate(ctx, route, replies) {
      const { msg } = ctx;
      if (msg.channel === 'cli' || isStaffGroup(msg)) return replies;
      const noted = await tickets.noteCitizen(msg.channel, msg.chatId, route.kind === 'text' ? route.text : undefined);
      if (noted) {
        const note = noted.reopened ? handoffTexts.reopened(noted.ticket.id) : handoffTexts.addedToTicket(noted.ticket.id);
        return [...replies, system(note)];
      }
      if (tickets.openFor(msg.channel, msg.chatId)) return replies;
      const downVote = route.kind === 'feedback' && route.vote === 'down';
      return replies.map((r) => (r.abstained || (downVote && r.kind !== 'error') ? withButton(r) : r));
    },
  };
}
