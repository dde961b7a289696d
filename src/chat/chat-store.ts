/**
 * The conversation engine's storage port. Synchronous on purpose: the real
 * implementation is better-sqlite3, which is synchronous, and a restart must
 * lose nothing (last question, pending step, roles, exchanges, votes).
 */
import type { SourceRef } from '../core/answer.js';
import type { ChannelName, Identity, Role } from '../core/messages.js';

/** Something the chat is waiting for from the user. */
export type PendingState = { kind: 'await_invite_code' } | { kind: 'await_handoff_problem' };

/** Per-chat state that survives restarts. */
export interface ChatState {
  /**
   * The last question asked in this chat, for follow-ups: its standalone form
   * (a follow-up resolved against the one before), else as typed.
   */
  lastQuestion?: string;
  pending?: PendingState;
}

/** A one-time staff invitation code. */
export interface Invite {
  code: string;
  unit: string;
  role: Exclude<Role, 'citizen'>;
  createdAt: string;
  usedBy?: string;
  usedAt?: string;
}

/** One stored question/answer pair. */
export interface Exchange {
  id: string;
  channel: ChannelName;
  chatId: string;
  userId: string;
  question: string;
  /**
   * The question made standalone (a follow-up resolved against the previous
   * question; a question that is not a follow-up: itself). The next follow-up
   * is resolved against it, so a follow-up of a follow-up keeps the frame.
   * Absent on exchanges stored before it was kept: use {@link Exchange.question}.
   */
  resolvedQuestion?: string;
  answer: string;
  abstained: boolean;
  sources: SourceRef[];
  createdAt: string;
}

/** What a follow-up needs of one exchange: whose it is, when, and its question (no answer, no sources). */
export type ExchangeHead = Pick<Exchange, 'id' | 'channel' | 'chatId' | 'question' | 'resolvedQuestion' | 'createdAt'>;

/** The question a follow-up after this exchange is resolved against: its standalone form, else the question as typed. */
export function contextQuestionOf(e: Pick<Exchange, 'question' | 'resolvedQuestion'>): string {
  return e.resolvedQuestion ?? e.question;
}

export type Vote = 'up' | 'down';

/** One row for the "gaps" review: an abstained or down-voted question. */
export interface GapRow {
  question: string;
  abstained: boolean;
  vote?: Vote;
  createdAt: string;
}

/** Result of redeeming an invite code. */
export type RedeemResult = { ok: true; identity: Identity } | { ok: false; reason: 'unknown' | 'used' };

export interface ChatStore {
  /** Create the identity if new (as citizen), refresh name and last_seen_at; returns it. */
  touchIdentity(input: { channel: ChannelName; userId: string; displayName?: string }, now: Date): Identity;
  getIdentity(channel: ChannelName, userId: string): Identity | undefined;
  /** Staff and admins, for listing. */
  listStaff(): Array<Identity & { lastSeenAt?: string }>;
  /** Create a one-time invite; returns it with its fresh code. */
  createInvite(input: { unit: string; role: Exclude<Role, 'citizen'> }, now: Date): Invite;
  /** Invites not yet redeemed, newest first. */
  listOpenInvites(): Invite[];
  /** Withdraw an unused invite. False when it is unknown or already used. */
  revokeInvite(code: string): boolean;
  /** Change a staff member's role; `citizen` revokes staff access. False when the identity is unknown. */
  setRole(channel: ChannelName, userId: string, role: Role): boolean;
  /** Atomically mark the code used and give the identity the invite's role and unit. */
  redeemInvite(code: string, who: { channel: ChannelName; userId: string }, now: Date): RedeemResult;

  getChatState(channel: ChannelName, chatId: string): ChatState;
  setLastQuestion(channel: ChannelName, chatId: string, question: string, now: Date): void;
  setPending(channel: ChannelName, chatId: string, pending: PendingState | undefined, now: Date): void;

  /**
   * Store an exchange; with `asLastQuestion` its question (the standalone
   * form when it has one) also becomes the chat's last question, in the same transaction.
   */
  saveExchange(exchange: Exchange, opts?: { asLastQuestion?: boolean }): void;
  getExchange(id: string): Exchange | undefined;
  /** The exchange's {@link ExchangeHead} alone (one row, neither answer nor sources read). */
  getExchangeHead(id: string): ExchangeHead | undefined;
  /**
   * The question of the chat's newest exchange created at or after `since`,
   * in its standalone form when stored (see {@link contextQuestionOf}); one
   * index probe, whatever the chat's history.
   */
  lastQuestionSince(channel: ChannelName, chatId: string, since: Date): string | undefined;
  /** Record (or replace) the vote on an exchange. False when the exchange does not exist. */
  saveFeedback(exchangeId: string, vote: Vote, now: Date): boolean;
  /**
   * The chat's exchanges created at or after `since`, the newest `limit`
   * of them, oldest first, each with its vote (the web page's history).
   */
  listRecentExchanges(channel: ChannelName, chatId: string, since: Date, limit: number): Array<Exchange & { vote?: Vote }>;
  /** Abstained or down-voted exchanges, newest first. */
  listGapRows(): GapRow[];
  /** The questions a chat asked since `since`, oldest first, at most `limit` (the newest ones). */
  recentQuestions(channel: ChannelName, chatId: string, since: Date, limit: number): Array<{ text: string; at: string }>;

  /** Throws when the store cannot be written (used by /healthz). */
  checkWritable(): void;
}
