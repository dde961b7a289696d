/**
 * Hand-off to the staff activity-report flow (the {@link ReportFlow} port).
 * The engine decides *whether* a message is for reports; this module makes
 * the call, enforces the staff-only rule and contains the flow's failures.
 */
import type { OutgoingReply } from '../core/messages.js';
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
  return replies ?? [system(texts.help(true))];
}

/**
 * Free text from staff: the flow takes it when a draft is open or it looks
 * like a report. Returns null when the text should be treated as a question.
 */
export async function tryReportText(ctx: TurnContext, text: string): Promise<OutgoingReply[] | null> {
  const flow = ctx.deps.reportFlow;
  if (!flow || !isStaffRole(ctx.identity.role)) return null;
  if (!flow.hasOpenDraft(ctx.msg) && !flow.looksLikeReport(text)) return null;
  return callFlow(ctx);
}

/** Call the flow, turning a thrown error into an apology. */
export async function callFlow(ctx: TurnContext): Promise<OutgoingReply[] | null> {
  const flow = ctx.deps.reportFlow;
  if (!flow) return null;
  try {
    return await flow.handle(ctx.msg, ctx.identity);
  } catch (err) {
    ctx.log.error({ err }, 'report flow failed');
    return [errorReply(REPORT_FAILED)];
  }
}
