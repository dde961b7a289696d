/**
 * Answering a question: ask the answerer with the chat's previous question
 * (for follow-ups), store the exchange, and build the reply with sources and
 * feedback buttons.
 */
import { randomBytes } from 'node:crypto';
import type { Answer } from '../core/answer.js';
import type { OutgoingReply } from '../core/messages.js';
import { errorReply, type TurnContext } from './context.js';
import { feedbackButtons } from './feedback.js';
import { texts } from './texts.js';
import { previousQuestionFor } from './visible-history.js';

/** A short id that fits in Telegram's 64-byte callback data. */
export function newExchangeId(): string {
  return randomBytes(8).toString('hex');
}

function answerText(ctx: TurnContext, answer: Answer): string {
  if (!answer.abstained) return answer.answer;
  const contact = texts.contactLine(ctx.deps.department);
  const dep = ctx.deps.department;
  const alreadyThere = [dep.phone, dep.email, dep.portalUrl].some((v) => v && answer.answer.includes(v));
  return contact && !alreadyThere ? `${answer.answer}\n\n${contact}` : answer.answer;
}

/**
 * Answer `question`. With `followUp`, the chat's previous question (on the
 * web: the last exchange the page can show) is passed as `previousQuestion`;
 * the question then becomes the new last question.
 */
export async function answerQuestion(ctx: TurnContext, question: string, followUp = true): Promise<OutgoingReply[]> {
  const { store, answerer, now } = ctx.deps;
  const { msg } = ctx;
  // On the web, only what the page shows after a reload counts (src/chat/visible-history.ts).
  const previousQuestion = followUp ? previousQuestionFor(store, msg, now()) : undefined;
  let answer: Answer;
  try {
    answer = await answerer.ask(question, previousQuestion ? { previousQuestion } : {});
  } catch (err) {
    ctx.log.error({ err }, 'answerer failed');
    return [errorReply(texts.answerFailed)];
  }
  const id = newExchangeId();
  const text = answerText(ctx, answer);
  // The exchange and the chat's new last question: one write transaction.
  store.saveExchange(
    {
      id,
      channel: msg.channel,
      chatId: msg.chatId,
      userId: msg.userId,
      question,
      // What the next follow-up is resolved against: the standalone form, or the question itself.
      resolvedQuestion: answer.resolvedQuestion ?? question,
      answer: text,
      abstained: answer.abstained,
      sources: answer.sources,
      createdAt: now().toISOString(),
    },
    { asLastQuestion: true },
  );
  ctx.log.info({ exchangeId: id, abstained: answer.abstained, sources: answer.sources.length, ms: answer.ms }, 'answered');
  return [
    {
      kind: 'answer',
      text,
      sources: answer.sources,
      abstained: answer.abstained,
      exchangeId: id,
      buttons: [feedbackButtons(id)],
    },
  ];
}
