import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SqliteReportStore } from '../../src/reports/store/sqlite-report-store.js';
import { openDatabase } from '../../src/store/database.js';
import { tempDb } from './helpers.js';

describe('crash safety', () => {
  it('a report confirmed just before SIGKILL is intact after re-opening the database', () => {
    const { db, file } = tempDb();
    db.close();
    const script = path.join(import.meta.dirname, 'fixtures', 'confirm-then-crash.ts');
    const child = spawnSync('npx', ['tsx', script, file], { encoding: 'utf8', timeout: 60_000 });
    // npx/tsx relay the child's death as exit status 128 + 9.
    expect(child.signal === 'SIGKILL' || child.status === 137).toBe(true);
    expect(child.stdout).toMatch(/Đã lưu báo cáo #\d+/);

    // The process died without closing: the commit sits in the WAL file.
    expect(existsSync(`${file}-wal`)).toBe(true);
    const db2 = openDatabase(file);
    try {
      expect(db2.pragma('integrity_check', { simple: true })).toBe('ok');
      const store = new SqliteReportStore(db2);
      const [r] = store.list();
      expect(store.list()).toHaveLength(1);
      expect(r).toMatchObject({ date: '2026-11-20', channel: 'website', count: 2, area: 'II.2.h', sourceMessageId: 'crash-1' });
      expect(store.getDraft('telegram:1001:1001')).toBeNull();
    } finally {
      db2.close();
    }
  });
});
