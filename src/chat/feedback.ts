/**
 * 👍/👎 on an answer: the buttons, and storing the vote against the stored
 * exchange (question, answer and sources live in `exchanges`).
 */
import type { OutgoingReply, ReplyButton } from '../core/messages.js';
import { encodePayload } from '../core/payload.js';
import type { ChatStore, Vote } from './chat-store.js';
import { system, type TurnContext } from './context.js';
import { texts } from './texts.js';

/** The feedback button row under an answer. */
export function feedbackButtons(exchangeId: string): ReplyButton[] {
  return [
    { label: texts.feedbackUp, data: encodePayload({ kind: 'feedback', vote: 'up', exchangeId }) },
    { label: texts.feedbackDown, data: encodePayload({ kind: 'feedback', vote: 'down', exchangeId }) },
  ];
}

/**
 * Record a vote. Returns false when the exchange is unknown.
 * Used by the engine (button presses) and by `POST /api/feedback`.
 */
export function recordFeedback(store: ChatStore, exchangeId: string, vote: Vote, now: Date): boolean {
  return store.saveFeedback(exchangeId, vote, now);
}

/** Handle an `fb:<vote>:<id>` button press. */
export function handleFeedback(ctx: TurnContext, vote: Vote, exchangeId: string): OutgoingReply[] {
  const ok = recordFeedback(ctx.deps.store, exchangeId, vote, ctx.deps.now());
  ctx.log.info({ exchangeId, vote, ok }, 'feedback');
  return [system(ok ? texts.feedbackThanks : texts.feedbackUnknown)];
}
