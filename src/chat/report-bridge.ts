/**
 * Hand-off to the staff activity-report flow (the {@link ReportFlow} port).
 * The engine decides *whether* a message is for reports; this module makes
 * the call, enforces the staff-only rule and contains the flow's failures.
 */
import type { OutgoingReply, ReportTurn } from '../core/messages.js';
import { errorReply, system, type TurnContext } from './context.js';
import { isStaffRole } from './router.js';
import { texts } from './texts.js';

const REPORT_FAILED = 'Xin lỗi, chưa xử lý được báo cáo lúc này. Vui lòng thử lại sau ít phút.';

/**
 * A report command or `rp:` button. Citizens are refused politely; without a
 * wired flow staff get a placeholder. A `null` from the flow becomes a hint.
 */
export async function handleReportCommand(ctx: TurnContext): Promise<OutgoingReply[]> {
  if (!isStaffRole(ctx.identity.role)) return [system(texts.staffOnly)];
  const flow = ctx.deps.reportFlow;
  if (!flow) return [system(texts.reportsUnavailable)];
  const replies = await callFlow(ctx);
  return replies ?? [system(texts.help(ctx.identity.role))];
}

/**
 * Free text from staff, classified once by the flow. Returns the flow's
 * replies, or null with the reading when the text is a question for the bot
 * (`draftOpen` then says a draft is waiting, so the engine can remind the
 * user without touching it).
 */
export async function tryReportText(ctx: TurnContext): Promise<{ replies: OutgoingReply[] | null; draftOpen: boolean }> {
  const flow = ctx.deps.reportFlow;
  if (!flow || !isStaffRole(ctx.identity.role)) return { replies: null, draftOpen: false };
  const turn = flow.classify(ctx.msg);
  ctx.log.debug({ turn: turn.kind, evidence: turn.evidence }, 'staff text classified');
  if (turn.kind === 'not-report') return { replies: null, draftOpen: false };
  if (turn.kind === 'question') return { replies: null, draftOpen: flow.hasOpenDraft(ctx.msg) };
  return { replies: await callFlow(ctx, turn), draftOpen: false };
}

/** Call the flow, turning a thrown error into an apology. */
export async function callFlow(ctx: TurnContext, turn?: ReportTurn): Promise<OutgoingReply[] | null> {
  const flow = ctx.deps.reportFlow;
  if (!flow) return null;
  try {
    return await flow.handle(ctx.msg, ctx.identity, turn);
  } catch (err) {
    ctx.log.error({ err }, 'report flow failed');
    return [errorReply(REPORT_FAILED)];
  }
}
