/**
 * The staff group on Telegram (`TELEGRAM_STAFF_CHAT_ID`): each new or
 * reopened ticket, and each follow-up message of the citizen, is posted
 * there with its number and a "Trả lời" button.
 * Staff answer by replying to that post; the engine reads the number back
 * from the replied-to text (see `ticketIdFromText`).
 */
import type { OutboundSender } from '../core/messages.js';
import { handoffReplyPayload } from './payload.js';
import { handoffTexts, STAFF_REPLY_LABEL } from './texts.js';
import type { StaffNotifier } from './ticket-service.js';

/** A {@link StaffNotifier} posting through the outbound sender to one Telegram chat. */
export function createTelegramStaffNotifier(outbound: OutboundSender, staffChatId: string): StaffNotifier {
  return {
    async postTicket(ticket, reopened) {
      await outbound.send('telegram', staffChatId, {
        kind: 'system',
        text: handoffTexts.staffPost(ticket, reopened),
        buttons: [[{ label: STAFF_REPLY_LABEL, data: handoffReplyPayload(ticket.id) }]],
      });
    },
    async postFollowUp(ticket, text) {
      await outbound.send('telegram', staffChatId, {
        kind: 'system',
        text: handoffTexts.staffFollowUp(ticket.id, text),
        buttons: [[{ label: STAFF_REPLY_LABEL, data: handoffReplyPayload(ticket.id) }]],
      });
    },
  };
}
