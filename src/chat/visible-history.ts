/**
 * One truth for a web chat's history: the exchanges the page shows after a
 * reload are exactly the context the engine may use for a follow-up. An
 * exchange older than the window (or beyond the last few) is neither shown
 * nor used, so the bot never resolves "còn PCI thì sao?" against a question
 * the user cannot see. The page also says which exchange it shows last, so a
 * second tab on the same session that has not seen a newer answer is not
 * answered against it. Telegram and Zalo keep their own visible history in
 * the app, so their follow-ups use the chat's last question as before.
 */
import type { ChannelName, IncomingMessage } from '../core/messages.js';
import { type ChatStore, contextQuestionOf, type Exchange, type Vote } from './chat-store.js';

/** How much history the web page shows, and so how far back context reaches. */
export const VISIBLE_HISTORY = {
  /** Exchanges shown after a reload (the newest). */
  maxExchanges: 20,
  /** Older exchanges are neither shown nor used as context. */
  maxAgeMs: 24 * 60 * 60 * 1000,
} as const;

/** The exchanges a web page shows for this chat now, oldest first. */
export function visibleExchanges(
  store: Pick<ChatStore, 'listRecentExchanges'>,
  channel: ChannelName,
  chatId: string,
  now: Date,
): Array<Exchange & { vote?: Vote }> {
  const since = new Date(now.getTime() - VISIBLE_HISTORY.maxAgeMs);
  return store.listRecentExchanges(channel, chatId, since, VISIBLE_HISTORY.maxExchanges);
}

/**
 * The previous question a follow-up is resolved against.
 * Web: the question of the exchange the page says it shows last
 * (`shownExchangeId`; `null` = none), provided it belongs to this chat and is
 * still inside the window; a client that does not say gets the last visible
 * exchange. Other channels: the chat's stored last question. Either is the
 * standalone form of that question when it was stored (a follow-up of a
 * follow-up keeps the first frame), else the question as typed.
 */
export function previousQuestionFor(
  store: Pick<ChatStore, 'lastQuestionSince' | 'getChatState' | 'getExchangeHead'>,
  msg: Pick<IncomingMessage, 'channel' | 'chatId' | 'shownExchangeId'>,
  now: Date,
): string | undefined {
  const { channel, chatId } = msg;
  if (channel !== 'web') return store.getChatState(channel, chatId).lastQuestion;
  const since = new Date(now.getTime() - VISIBLE_HISTORY.maxAgeMs);
  if (msg.shownExchangeId === null) return undefined;
  if (msg.shownExchangeId !== undefined) {
    const shown = store.getExchangeHead(msg.shownExchangeId);
    const visible = shown !== undefined && shown.channel === channel && shown.chatId === chatId && new Date(shown.createdAt) >= since;
    return visible ? contextQuestionOf(shown) : undefined;
  }
  // Only the newest visible question is read, not the history the page shows.
  return store.lastQuestionSince(channel, chatId, since);
}
