/**
 * Pure classification of an incoming message: which part of the engine
 * should handle it. No I/O here, so the routing rules are easy to test.
 */
import type { IncomingMessage, Role } from '../core/messages.js';
import { decodePayload, type HandoffAction } from '../core/payload.js';
import { REPORT_COMMAND_NAMES } from '../core/vocabulary.js';
import { MAX_INPUT_CHARS } from './texts.js';

/** Commands owned by the staff activity-report flow. */
export const REPORT_COMMANDS: ReadonlySet<string> = new Set(REPORT_COMMAND_NAMES.map((n) => `/${n}`));

/** Commands the engine itself answers. */
export const ENGINE_COMMANDS: ReadonlySet<string> = new Set(['/start', '/help', '/huy', '/dangky', '/canbo']);

export type Route =
  | { kind: 'empty' }
  | { kind: 'tooLong'; length: number }
  | { kind: 'command'; name: string; args: string }
  | { kind: 'feedback'; vote: 'up' | 'down'; exchangeId: string }
  | { kind: 'example'; index: number }
  | { kind: 'reportButton' }
  | { kind: 'handoff'; payload: HandoffAction }
  | { kind: 'unknownButton' }
  | { kind: 'text'; text: string };

/**
 * Split `/cmd@BotName args` into a lower-case command and its arguments.
 * Returns undefined when the text is not a command.
 * @example parseCommand('/DangKy@cchc_bot ABC123') → { name: '/dangky', args: 'ABC123' }
 */
export function parseCommand(text: string): { name: string; args: string } | undefined {
  const m = /^\/([A-Za-z0-9_]+)(?:@[A-Za-z0-9_]+)?(?:\s+([\s\S]*))?$/.exec(text.trim());
  if (!m) return undefined;
  return { name: `/${(m[1] as string).toLowerCase()}`, args: (m[2] ?? '').trim() };
}

/** Classify a button press (`callbackData`) through the one payload decoder. */
export function classifyCallback(data: string): Route {
  const p = decodePayload(data);
  switch (p?.kind) {
    case 'feedback':
      return { kind: 'feedback', vote: p.vote, exchangeId: p.exchangeId };
    case 'example':
      return { kind: 'example', index: p.index };
    case 'report':
      return { kind: 'reportButton' };
    case 'handoff':
      return { kind: 'handoff', payload: p };
    default:
      return { kind: 'unknownButton' };
  }
}

/** Decide how to handle a message, before looking at roles or state. */
export function classifyMessage(msg: Pick<IncomingMessage, 'text' | 'callbackData'>): Route {
  if (msg.callbackData) return classifyCallback(msg.callbackData);
  const text = msg.text.trim();
  if (text.length === 0) return { kind: 'empty' };
  if (text.length > MAX_INPUT_CHARS) return { kind: 'tooLong', length: text.length };
  const cmd = parseCommand(text);
  if (cmd) return { kind: 'command', ...cmd };
  return { kind: 'text', text };
}

/** Staff and admins may use the report commands. */
export function isStaffRole(role: Role): boolean {
  return role === 'staff' || role === 'admin';
}

/** Looks like an invite code typed on its own (after /dangky without a code). */
export function looksLikeInviteCode(text: string): boolean {
  return /^[A-Za-z0-9]{6,12}$/.test(text.trim());
}
