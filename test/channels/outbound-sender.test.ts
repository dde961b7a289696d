import { describe, expect, it } from 'vitest';
import { createOutboundSender } from '../../src/channels/outbound-sender.js';
import type { OutgoingReply } from '../../src/core/messages.js';
import { isAppError } from '../../src/errors.js';

describe('composite outbound sender', () => {
  it('dispatches to the channel named in the call', async () => {
    const sent: string[] = [];
    const sender = createOutboundSender({
      telegram: async (chatId, r) => void sent.push(`tg:${chatId}:${r.text}`),
      zalo: async (chatId, r) => void sent.push(`zalo:${chatId}:${r.text}`),
    });
    await sender.send('zalo', '123456789012345678901', { text: 'Nhắc báo cáo' });
    await sender.send('telegram', '42', { text: 'Nhắc' });
    expect(sent).toEqual(['zalo:123456789012345678901:Nhắc báo cáo', 'tg:42:Nhắc']);
  });

  it('fails with CHANNEL_NOT_CONFIGURED for a channel without a sender', async () => {
    const sender = createOutboundSender({});
    const reply: OutgoingReply = { text: 'x' };
    const err = await sender.send('zalo', '1', reply).catch((e: unknown) => e);
    expect(isAppError(err, 'CHANNEL_NOT_CONFIGURED')).toBe(true);
  });
});
