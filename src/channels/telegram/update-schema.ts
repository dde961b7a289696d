/**
 * zod schemas for the parts of a Telegram update the bot reads. Anything we
 * read is checked here, once; unknown fields and other update types pass
 * through untouched (they are ignored later, not refused).
 */
import { z } from 'zod';
import type { ValidateResult } from '../webhook/pipeline.js';

const safeInt = z.number().int().min(Number.MIN_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER);

export const telegramUserSchema = z
  .object({
    id: safeInt,
    first_name: z.string().optional(),
    last_name: z.string().optional(),
    username: z.string().optional(),
    is_bot: z.boolean().optional(),
  })
  .passthrough();

export const telegramChatSchema = z.object({ id: safeInt }).passthrough();

export const telegramMessageSchema = z
  .object({
    message_id: safeInt,
    date: safeInt.nonnegative(),
    chat: telegramChatSchema,
    from: telegramUserSchema.optional(),
    text: z.string().optional(),
    /** The message this one replies to (staff answering a ticket post). */
    reply_to_message: z
      .object({ text: z.string().optional(), from: z.object({ is_bot: z.boolean().optional() }).passthrough().optional() })
      .passthrough()
      .optional(),
  })
  .passthrough();

export const telegramCallbackQuerySchema = z
  .object({
    id: z.string().min(1),
    from: telegramUserSchema,
    data: z.string().optional(),
    // A message the button hangs on (possibly an "inaccessible" one: chat, id and date 0).
    message: z.object({ chat: telegramChatSchema }).passthrough().optional(),
  })
  .passthrough();

export const telegramUpdateSchema = z
  .object({
    update_id: safeInt.nonnegative(),
    message: telegramMessageSchema.optional(),
    callback_query: telegramCallbackQuerySchema.optional(),
  })
  .passthrough();

export type TelegramUser = z.infer<typeof telegramUserSchema>;
export type TelegramMessage = z.infer<typeof telegramMessageSchema>;
export type TelegramCallbackQuery = z.infer<typeof telegramCallbackQuerySchema>;
export type TelegramUpdate = z.infer<typeof telegramUpdateSchema>;

/** Validate a decoded update (webhook body or polled update). */
export function validateTelegramUpdate(value: unknown): ValidateResult<TelegramUpdate> {
  const parsed = telegramUpdateSchema.safeParse(value);
  if (parsed.success) return { ok: true, event: parsed.data };
  return { ok: false, code: 'WEBHOOK_INVALID_EVENT', detail: { issues: issuePaths(parsed.error) } };
}

/** Where the shape was wrong (paths and zod codes only: no values are logged). */
export function issuePaths(error: z.ZodError): string[] {
  return error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '(root)'}: ${i.code}`);
}
