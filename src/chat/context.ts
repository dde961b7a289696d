/**
 * Dependencies shared by the engine's handlers.
 */
import type { Config } from '../config.js';
import type { QuestionAnswerer } from '../core/answer.js';
import type { Identity, IncomingMessage, OutgoingReply, ReportFlow } from '../core/messages.js';
import type { Logger } from '../logger.js';
import type { ChatStore } from './chat-store.js';
import type { HandoffHooks } from './handoff.js';

/** What {@link createConversationEngine} needs. */
export interface ConversationEngineDeps {
  answerer: QuestionAnswerer;
  store: ChatStore;
  /** The staff activity-report flow; without it report commands get a placeholder reply. */
  reportFlow?: ReportFlow;
  logger: Logger;
  /** Clock, injectable for tests. */
  now?: () => Date;
  department: Config['department'];
  /** Handoff to a person (`createHandoffHooks`); without it `/canbo` and its buttons are unknown. */
  handoff?: HandoffHooks;
}

/** Resolved dependencies plus the current message and identity. */
export interface TurnContext {
  deps: ConversationEngineDeps & { now: () => Date };
  msg: IncomingMessage;
  identity: Identity;
  log: Logger;
}

/** A plain system reply. */
export const system = (text: string, extra: Partial<OutgoingReply> = {}): OutgoingReply => ({
  text,
  kind: 'system',
  ...extra,
});

/** An error reply (the user did something we cannot process). */
export const errorReply = (text: string): OutgoingReply => ({ text, kind: 'error' });
