/**
 * The conversation engine: one {@link IncomingMessage} in, replies out.
 * Channel-agnostic (web, Telegram, Zalo, CLI all call it), and it never
 * throws: any failure becomes a Vietnamese apology.
 */
import type { ConversationHandler, IncomingMessage, OutgoingReply } from '../core/messages.js';
import { handleCancel, handleHelp, handleRegister, handleStart, handleUnknownCommand } from './commands.js';
import { type ConversationEngineDeps, errorReply, system, type TurnContext } from './context.js';
import { handleFeedback } from './feedback.js';
import { answerQuestion } from './questions.js';
import { handleReportCommand, tryReportText } from './report-bridge.js';
import { classifyMessage, looksLikeInviteCode, REPORT_COMMANDS, type Route } from './router.js';
import { EXAMPLE_QUESTIONS, texts } from './texts.js';

export type { ConversationEngineDeps } from './context.js';

/**
 * Build the conversation engine.
 * @example
 * const engine = createConversationEngine({ answerer, store, logger, department: config.department });
 * const replies = await engine.handle(msg);
 */
export function createConversationEngine(deps: ConversationEngineDeps): ConversationHandler {
  const resolved = { ...deps, now: deps.now ?? (() => new Date()) };

  async function route(ctx: TurnContext): Promise<OutgoingReply[]> {
    const r = classifyMessage(ctx.msg);
    // Handoff to a person (src/chat/handoff.ts): it may take the message, and it adds to the replies.
    const handed = await resolved.handoff?.intercept(ctx, r);
    if (handed) return handed;
    const replies = await routeByKind(ctx, r);
    return resolved.handoff ? resolved.handoff.decorate(ctx, r, replies) : replies;
  }

  async function routeByKind(ctx: TurnContext, r: Route): Promise<OutgoingReply[]> {
    switch (r.kind) {
      case 'empty':
        return [system(texts.emptyHint)];
      case 'tooLong':
        return [errorReply(texts.tooLong(r.length))];
      case 'feedback':
        return handleFeedback(ctx, r.vote, r.exchangeId);
      case 'example': {
        const q = EXAMPLE_QUESTIONS[r.index - 1];
        return q ? answerQuestion(ctx, q, false) : [system(texts.unknownButton)];
      }
      case 'reportButton':
        return handleReportCommand(ctx);
      case 'unknownButton':
      case 'handoff':
        return [system(texts.unknownButton)];
      case 'command':
        if (r.name === '/start') return handleStart(ctx);
        if (r.name === '/help') return handleHelp(ctx);
        if (r.name === '/huy') return handleCancel(ctx);
        if (r.name === '/dangky') return handleRegister(ctx, r.args);
        if (REPORT_COMMANDS.has(r.name)) return handleReportCommand(ctx);
        return handleUnknownCommand(ctx, r.name);
      case 'text':
        return handleText(ctx, r.text);
    }
  }

  async function handleText(ctx: TurnContext, text: string): Promise<OutgoingReply[]> {
    const { store, now } = resolved;
    const { msg } = ctx;
    const state = store.getChatState(msg.channel, msg.chatId);
    if (state.pending?.kind === 'await_invite_code') {
      if (looksLikeInviteCode(text)) return handleRegister(ctx, text);
      // The user moved on: drop the step and treat the text normally.
      store.setPending(msg.channel, msg.chatId, undefined, now());
    }
    const report = await tryReportText(ctx);
    if (report.replies) return report.replies;
    const answer = await answerQuestion(ctx, text);
    // A question asked while a report draft is open: answered, the draft untouched.
    return report.draftOpen ? [...answer, system(texts.draftStillOpen)] : answer;
  }

  return {
    async handle(msg: IncomingMessage): Promise<OutgoingReply[]> {
      const log = deps.logger.child({ channel: msg.channel, chatId: msg.chatId, messageId: msg.messageId });
      try {
        const identity = resolved.store.touchIdentity(
          { channel: msg.channel, userId: msg.userId, ...(msg.userName ? { displayName: msg.userName } : {}) },
          resolved.now(),
        );
        return await route({ deps: resolved, msg, identity, log });
      } catch (err) {
        log.error({ err }, 'conversation engine failed');
        return [errorReply(texts.answerFailed)];
      }
    },
  };
}
