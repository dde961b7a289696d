import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDedupeStore } from '../../src/channels/dedupe-store.js';
import { type Db, openDatabase } from '../../src/store/database.js';

describe('dedupe store', () => {
  const open: Db[] = [];
  afterEach(() => {
    for (const db of open.splice(0)) db.close();
  });

  it('reports the first sighting only, per channel', () => {
    const db = openDatabase(':memory:');
    open.push(db);
    const store = createDedupeStore(db);
    expect(store.firstSeen('telegram', '1')).toBe(true);
    expect(store.firstSeen('telegram', '1')).toBe(false);
    expect(store.firstSeen('zalo', '1')).toBe(true);
  });

  it('is durable across reopening the database file', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dedupe-'));
    const file = path.join(dir, 'bot.sqlite');
    const first = openDatabase(file);
    expect(createDedupeStore(first).firstSeen('zalo', 'msg-1')).toBe(true);
    first.close();
    const second = openDatabase(file);
    open.push(second);
    expect(createDedupeStore(second).firstSeen('zalo', 'msg-1')).toBe(false);
  });

  it('prunes rows older than the retention period', () => {
    const db = openDatabase(':memory:');
    open.push(db);
    let now = 1_000_000;
    const store = createDedupeStore(db, { retentionMs: 1000, now: () => now });
    store.firstSeen('telegram', 'old');
    now += 5000;
    store.firstSeen('telegram', 'new');
    expect(store.prune()).toBe(1);
    expect(store.firstSeen('telegram', 'old')).toBe(true);
    expect(store.firstSeen('telegram', 'new')).toBe(false);
  });
});
