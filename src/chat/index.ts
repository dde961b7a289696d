/** Public surface of the conversation core. */

export type { ChatState, ChatStore, Exchange, ExchangeHead, GapRow, Invite, PendingState, RedeemResult, Vote } from './chat-store.js';
export { type ConversationEngineDeps, createConversationEngine } from './engine.js';
export { feedbackButtons, recordFeedback } from './feedback.js';
export { type GapGroup, gapKey, groupGaps } from './gaps.js';
export { createMemoryChatStore, generateInviteCode, SqliteChatStore } from './sqlite-chat-store.js';
export { EXAMPLE_QUESTIONS, MAX_INPUT_CHARS } from './texts.js';
export { previousQuestionFor, VISIBLE_HISTORY, visibleExchanges } from './visible-history.js';
