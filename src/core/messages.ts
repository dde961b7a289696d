/**
 * The one internal message type. Each channel (web, Telegram, Zalo, CLI)
 * converts its platform payload into an {@link IncomingMessage} and renders an
 * {@link OutgoingReply}; the conversation core never sees platform types.
 */
import type { SourceRef } from './answer.js';
import type { ChatChannel } from './vocabulary.js';

export type ChannelName = ChatChannel;

export type Role = 'citizen' | 'staff' | 'admin';

export interface IncomingMessage {
  channel: ChannelName;
  /** Platform user id, always a string (Zalo ids overflow JS numbers). */
  userId: string;
  /** Conversation id (Telegram chat id, Zalo user id, web session id). */
  chatId: string;
  /** Platform message id, used for de-duplication. */
  messageId: string;
  /** The user's text (already NFC-normalised by the adapter). */
  text: string;
  /** When the platform says the message was sent. */
  time: Date;
  /** Set when the message is a button press rather than typed text. */
  callbackData?: string;
  /** Display name if the platform gives one. */
  userName?: string;
  /** The message this one answers (Telegram "Reply"), when the platform says: its text and whether the bot sent it. */
  replyTo?: { text: string; fromBot: boolean };
  /**
   * Web only: the last exchange the page shows (`null`: it shows none), so
   * a follow-up is resolved against exactly what this page displays.
   */
  shownExchangeId?: string | null;
}

/** A button under a reply. `data` is short ASCII (Telegram allows 64 bytes). */
export interface ReplyButton {
  label: string;
  data: string;
}

export interface ReplyAttachment {
  filename: string;
  mimeType: string;
  content: Buffer;
}

export interface OutgoingReply {
  /** Plain text (channels escape it for their own markup). */
  text: string;
  /** Rows of buttons. */
  buttons?: ReplyButton[][];
  /** Evidence for an answer, shown as expandable passages on the web. */
  sources?: SourceRef[];
  abstained?: boolean;
  /** What kind of reply this is; channels may render kinds differently. */
  kind?: 'answer' | 'report' | 'system' | 'error';
  /** Files (exports) for channels that can send them. */
  attachments?: ReplyAttachment[];
  /** Id of the stored Q&A exchange, for 👍/👎 feedback. */
  exchangeId?: string;
}

/** A channel identity with its role, as stored by the conversation core. */
export interface Identity {
  channel: ChannelName;
  userId: string;
  role: Role;
  /** The staff member's unit, e.g. `Văn phòng Sở`. */
  unit?: string;
  displayName?: string;
}

/**
 * How a staff member's free text is read, decided once (by
 * {@link ReportFlow.classify}) and handed back to {@link ReportFlow.handle}
 * so the flow never decides again with other rules. `evidence` says why, for
 * logs and tests.
 */
export type ReportTurn =
  | { kind: 'save' | 'cancel' | 'new-report' | 'replace-draft' | 'draft-text' | 'repeat' | 'question' | 'unclear' | 'not-report'; evidence: string }
  | { kind: 'correction'; fields: string[]; evidence: string }
  | { kind: 'field-answer'; field: string; evidence: string };

/**
 * The staff activity-report flow plugs into the conversation engine through
 * this port. The engine asks the flow to classify a staff member's text once;
 * a question is answered by the engine (the draft stays as it was), anything
 * else goes to `handle` with that classification.
 */
export interface ReportFlow {
  /** Cheap check: does this text look like an activity report? */
  looksLikeReport(text: string): boolean;
  /** Is a report draft open for this chat? */
  hasOpenDraft(msg: IncomingMessage): boolean;
  /** Read a free-text message against the chat's open draft (no side effects). */
  classify(msg: IncomingMessage): ReportTurn;
  /**
   * Handle a report-related message or button press; null if not handled.
   * Free text comes with the `turn` that {@link classify} returned for it.
   */
  handle(msg: IncomingMessage, identity: Identity, turn?: ReportTurn): Promise<OutgoingReply[] | null>;
}

/**
 * The conversation engine as channels see it: one message in, zero or more
 * replies out. Button presses arrive as messages with `callbackData` set.
 */
export interface ConversationHandler {
  handle(msg: IncomingMessage): Promise<OutgoingReply[]>;
}

/**
 * Proactive sending (reminders, nudges): implemented by each channel adapter,
 * composed in `src/main.ts`.
 */
export interface OutboundSender {
  send(channel: ChannelName, chatId: string, reply: OutgoingReply): Promise<void>;
}
