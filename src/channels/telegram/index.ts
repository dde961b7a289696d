/**
 * Public surface of the Telegram channel.
 */

export { mapCallbackQuery, mapTextMessage, mapUpdate, type TelegramInbound } from './map-update.js';
export { escapeHtml, isValidCallbackData, renderTelegramReply, TELEGRAM_MAX_TEXT } from './render.js';
export { createTelegramChannel, type TelegramChannel, type TelegramChannelOptions } from './telegram-channel.js';
export { type TelegramUpdate, validateTelegramUpdate } from './update-schema.js';
export { createTelegramAdapter, TELEGRAM_WEBHOOK_PATH, telegramWebhookUrl } from './webhook-plugin.js';
