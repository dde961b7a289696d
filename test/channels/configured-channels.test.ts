import { describe, expect, it } from 'vitest';
import { createConfiguredChannels } from '../../src/channels/configured-channels.js';
import { createConfig } from '../../src/config.js';
import { openDatabase } from '../../src/store/database.js';
import { recordingHandler, silentLogger } from './helpers/fakes.js';

const ZALO = { ZALO_APP_ID: '1', ZALO_APP_SECRET: 's', ZALO_OA_SECRET_KEY: 'k', ZALO_OA_ACCESS_TOKEN: 'a' };

describe('channel registry (createConfiguredChannels)', () => {
  const build = (env: Record<string, string>) => {
    const db = openDatabase(':memory:');
    const channels = createConfiguredChannels({ config: createConfig(env), handler: recordingHandler(() => []), db, logger: silentLogger });
    return { db, channels };
  };

  it('enables nothing without channel configuration', () => {
    const { db, channels } = build({});
    expect(channels.all).toEqual([]);
    expect(channels.plugins).toEqual([]);
    expect(channels.senders).toEqual({});
    db.close();
  });

  it('builds each configured channel once, with its plugin, sender and closer', async () => {
    const { db, channels } = build({ TELEGRAM_BOT_TOKEN: '1:T_abcdefghijklmnopqrstuvwxyz0123456789', ...ZALO });
    expect(channels.all.map((c) => c.name)).toEqual(['telegram', 'zalo']);
    expect(channels.telegram?.name).toBe('telegram');
    expect(channels.zalo?.name).toBe('zalo');
    expect(Object.keys(channels.senders)).toEqual(['telegram', 'zalo']);
    expect(channels.plugins.map((p) => p.plugin)).toEqual(channels.all.map((c) => c.webhookPlugin));
    expect(channels.closers.map((c) => c.name)).toEqual(['telegram', 'zalo']);
    for (const c of channels.closers) await expect(c.run()).resolves.toBeUndefined();
    db.close();
  });

  it('builds only the configured one', () => {
    const { db, channels } = build(ZALO);
    expect(channels.all.map((c) => c.name)).toEqual(['zalo']);
    expect(channels.telegram).toBeUndefined();
    db.close();
  });
});
