/**
 * Public surface of the Telegram channel.
 */
export { createTelegramChannel, type TelegramChannel, type TelegramChannelOptions } from './telegram-channel.js';
export { createTelegramAdapter, TELEGRAM_WEBHOOK_PATH, telegramWebhookUrl } from './webhook-plugin.js';
export { escapeHtml, renderTelegramReply, isValidCallbackData, TELEGRAM_MAX_TEXT } from './render.js';
export { mapCallbackQuery, mapTextMessage, mapUpdate, type TelegramInbound } from './map-update.js';
export { validateTelegramUpdate, type TelegramUpdate } from './update-schema.js';
