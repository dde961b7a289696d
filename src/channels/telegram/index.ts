/**
 * Public surface of the Telegram channel.
 */
export { createTelegramChannel, type TelegramChannel, type TelegramChannelOptions } from './telegram-channel.js';
export { TELEGRAM_WEBHOOK_PATH, telegramWebhookUrl } from './webhook-plugin.js';
export { escapeHtml, renderTelegramReply, isValidCallbackData, TELEGRAM_MAX_TEXT } from './render.js';
export { mapTextMessage, mapCallbackQuery } from './map-update.js';
