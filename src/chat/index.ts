/** Public surface of the conversation core. */
export { createConversationEngine, type ConversationEngineDeps } from './engine.js';
export type { ChatState, ChatStore, Exchange, GapRow, Invite, PendingState, RedeemResult, Vote } from './chat-store.js';
export { SqliteChatStore, createMemoryChatStore, generateInviteCode } from './sqlite-chat-store.js';
export { recordFeedback, feedbackButtons } from './feedback.js';
export { groupGaps, gapKey, type GapGroup } from './gaps.js';
export { EXAMPLE_QUESTIONS, MAX_INPUT_CHARS } from './texts.js';
