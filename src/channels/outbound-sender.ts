/**
 * Composite {@link OutboundSender}: proactive messages (reminders, nudges)
 * go to whichever channel adapter is configured for the target channel.
 */

import type { ChannelName, OutboundSender, OutgoingReply } from '../core/messages.js';
import { AppError } from '../errors.js';

/** A channel's own send function, e.g. `telegram.send` or `zalo.send`. */
export type ChannelSend = (chatId: string, reply: OutgoingReply) => Promise<void>;

/**
 * Build an OutboundSender that dispatches by channel name.
 * @param senders - one send function per configured channel
 * @throws AppError CHANNEL_NOT_CONFIGURED (from `send`) for a channel without a sender
 * @example createOutboundSender({ telegram: tg.send, zalo: zalo.send })
 */
export function createOutboundSender(senders: Partial<Record<ChannelName, ChannelSend>>): OutboundSender {
  return {
    async send(channel, chatId, reply) {
      const send = senders[channel];
      if (!send) throw new AppError('CHANNEL_NOT_CONFIGURED', `Channel "${channel}" has no outbound sender configured`);
      await send(chatId, reply);
    },
  };
}
