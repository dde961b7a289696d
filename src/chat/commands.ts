/**
 * The engine's own commands: /start, /help, /huy, /dangky, and the reply to
 * an unknown command.
 */
import type { OutgoingReply, ReplyButton } from '../core/messages.js';
import { encodePayload } from '../core/payload.js';
import { errorReply, system, type TurnContext } from './context.js';
import { callFlow } from './report-bridge.js';
import { isStaffRole } from './router.js';
import { EXAMPLE_QUESTIONS, texts } from './texts.js';

/** Example-question buttons, one per row (labels can be long). */
export function exampleButtons(): ReplyButton[][] {
  return EXAMPLE_QUESTIONS.map((q, i) => [{ label: q, data: encodePayload({ kind: 'example', index: i + 1 }) }]);
}

/** /start: greeting, capabilities and example questions. */
export function handleStart(ctx: TurnContext): OutgoingReply[] {
  const name = ctx.identity.displayName ?? ctx.msg.userName;
  return [system(texts.greeting(ctx.deps.department, name), { buttons: exampleButtons() })];
}

/** /help: usage and the commands this user may run. */
export function handleHelp(ctx: TurnContext): OutgoingReply[] {
  return [system(texts.help(ctx.identity.role))];
}

/** /huy: cancel an open report draft (through the flow) and any pending step. */
export async function handleCancel(ctx: TurnContext): Promise<OutgoingReply[]> {
  const { store, reportFlow, now } = ctx.deps;
  const { msg } = ctx;
  const replies: OutgoingReply[] = [];
  let cancelled = false;
  if (reportFlow?.hasOpenDraft(msg)) {
    const r = await callFlow(ctx);
    if (r) replies.push(...r);
    cancelled = true;
  }
  if (store.getChatState(msg.channel, msg.chatId).pending) {
    store.setPending(msg.channel, msg.chatId, undefined, now());
    cancelled = true;
  }
  if (replies.length === 0) replies.push(system(cancelled ? texts.cancelled : texts.nothingToCancel));
  return replies;
}

/** /dangky <mã>: redeem a one-time invite; without a code, ask for it. */
export function handleRegister(ctx: TurnContext, code: string): OutgoingReply[] {
  const { store, now } = ctx.deps;
  const { msg, identity } = ctx;
  if (isStaffRole(identity.role)) {
    store.setPending(msg.channel, msg.chatId, undefined, now());
    return [system(texts.alreadyStaff(identity.unit))];
  }
  if (!code) {
    store.setPending(msg.channel, msg.chatId, { kind: 'await_invite_code' }, now());
    return [system(texts.askInviteCode)];
  }
  const result = store.redeemInvite(code, { channel: msg.channel, userId: msg.userId }, now());
  if (!result.ok) {
    ctx.log.warn({ reason: result.reason }, 'invite rejected');
    // Keep waiting for a code after a typo; a used code ends the step.
    store.setPending(msg.channel, msg.chatId, result.reason === 'unknown' ? { kind: 'await_invite_code' } : undefined, now());
    return [errorReply(result.reason === 'used' ? texts.inviteUsed : texts.inviteUnknown)];
  }
  store.setPending(msg.channel, msg.chatId, undefined, now());
  ctx.identity = result.identity;
  ctx.log.info({ role: result.identity.role, unit: result.identity.unit }, 'staff registered');
  const role = result.identity.role === 'admin' ? 'admin' : 'staff';
  return [system(texts.inviteOk(result.identity.unit ?? '', role))];
}

/** Any other command. */
export function handleUnknownCommand(ctx: TurnContext, name: string): OutgoingReply[] {
  return [errorReply(texts.unknownCommand(name, ctx.identity.role))];
}
