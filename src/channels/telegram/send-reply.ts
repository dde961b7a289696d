/**
 * Send one {@link OutgoingReply} to a Telegram chat: text chunks in order
 * (HTML, keyboard on the last one), then attachments as documents.
 */
import { type Telegram, TelegramError } from 'telegraf';
import type { OutgoingReply } from '../../core/messages.js';
import { AppError } from '../../errors.js';
import type { Logger } from '../../logger.js';
import { renderTelegramReply } from './render.js';

/** Longest wait honoured on a 429 before giving up, seconds. */
const MAX_RETRY_AFTER_S = 30;

/** Run `call`; on 429 wait `retry_after` (≤ 30 s) and try once more. */
async function withFloodRetry<T>(call: () => Promise<T>, logger: Logger): Promise<T> {
  try {
    return await call();
  } catch (err) {
    const wait = err instanceof TelegramError && err.code === 429 ? (err.parameters?.retry_after ?? 1) : undefined;
    if (wait === undefined || wait > MAX_RETRY_AFTER_S) throw err;
    logger.warn({ retryAfter: wait }, 'telegram: flood limit, waiting before retrying');
    await new Promise((r) => setTimeout(r, wait * 1000));
    return call();
  }
}

/**
 * Send a reply through the given Telegram API client.
 * Falls back to plain text when Telegram rejects the HTML ("can't parse entities");
 * waits and retries once on 429 (flood limit).
 * @throws AppError CHANNEL_API_ERROR (Telegram said no) or CHANNEL_UNREACHABLE (network)
 */
export async function sendTelegramReply(telegram: Telegram, chatId: string, reply: OutgoingReply, logger: Logger): Promise<void> {
  const { chunks, droppedButtons } = renderTelegramReply(reply);
  if (droppedButtons.length > 0) {
    logger.warn({ chatId, droppedButtons }, 'telegram: buttons dropped (callback_data must be ASCII, at most 64 bytes)');
  }
  try {
    for (const chunk of chunks) {
      const extra = {
        ...(chunk.keyboard ? { reply_markup: chunk.keyboard } : {}),
        link_preview_options: { is_disabled: true },
      };
      try {
        await withFloodRetry(() => telegram.sendMessage(chatId, chunk.html, { ...extra, parse_mode: 'HTML' }), logger);
      } catch (err) {
        if (!(err instanceof TelegramError && /can't parse entities/i.test(err.description))) throw err;
        logger.warn({ chatId }, 'telegram: HTML rejected, resending as plain text');
        await withFloodRetry(() => telegram.sendMessage(chatId, chunk.plain, extra), logger);
      }
    }
    const failed: string[] = [];
    for (const file of reply.attachments ?? []) {
      try {
        await withFloodRetry(() => telegram.sendDocument(chatId, { source: file.content, filename: file.filename }), logger);
      } catch (err) {
        // One file refused must not hide the others, nor leave the requester waiting for it.
        logger.error({ err: toChannelError(err), chatId, filename: file.filename, bytes: file.content.length }, 'telegram: sendDocument failed');
        failed.push(file.filename);
      }
    }
    if (failed.length > 0) {
      await withFloodRetry(() => telegram.sendMessage(chatId, exportFailedText(failed), { link_preview_options: { is_disabled: true } }), logger);
    }
  } catch (err) {
    throw toChannelError(err);
  }
}

/** What the requester is told when files could not be sent. */
export function exportFailedText(filenames: readonly string[]): string {
  return [
    `⚠️ Không gửi được ${filenames.length} tệp qua Telegram: ${filenames.join(', ')}.`,
    'Lỗi đã được ghi lại. Vui lòng gõ lại lệnh sau ít phút, hoặc tải tệp tại trang quản trị (/admin).',
  ].join('\n');
}

/** Wrap telegraf errors: API refusals vs. network failures. */
export function toChannelError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof TelegramError) {
    return new AppError('CHANNEL_API_ERROR', `Telegram API error ${err.code}: ${err.description}`, { cause: err });
  }
  return new AppError('CHANNEL_UNREACHABLE', 'Telegram API unreachable', { cause: err });
}
