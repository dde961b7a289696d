import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { reportCommand } from '../../src/cli/commands/report.js';
import { createConfig } from '../../src/config.js';
import { SqliteReportStore } from '../../src/reports/store/sqlite-report-store.js';
import { openDatabase } from '../../src/store/database.js';
import { databasePath } from '../../src/store/paths.js';
import { newReport, silentLogger } from './helpers.js';

function setup() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'report-cli-'));
  const config = createConfig({ DATA_DIR: dir, KNOWLEDGE_DIR: path.join(import.meta.dirname, '../../knowledge') });
  const db = openDatabase(databasePath(config));
  const store = new SqliteReportStore(db);
  const t = new Date('2026-11-25T03:00:00Z');
  store.confirm(newReport({ date: '2026-11-20', area: 'II.1.c' }), t);
  store.confirm(newReport({ date: '2026-02-01', area: 'II.2.h', indicator: 'PAPI' }), t);
  store.confirm(newReport({ date: '2025-05-05', area: 'II.3.a', indicator: 'PCI' }), t);
  db.close();
  const out: string[] = [];
  return { dir, ctx: { config, logger: silentLogger, out: (s: string) => void out.push(s) }, out };
}

describe('cli report list / export', () => {
  it('lists one year as JSON', async () => {
    const { ctx, out } = setup();
    expect(await reportCommand.run(['list', '--json', '--year', '2026'], ctx)).toBe(0);
    const rows = JSON.parse(out.join('')) as Array<{ area: string; date: string }>;
    expect(rows.map((r) => r.area)).toEqual(['II.1.c', 'II.2.h']);
  });

  it('exports CSV and DOCX files', async () => {
    const { ctx, dir } = setup();
    const csv = path.join(dir, 'out.csv');
    expect(await reportCommand.run(['export', '--format', 'csv', '--year', '2025', '--out', csv], ctx)).toBe(0);
    const lines = readFileSync(csv, 'utf8').split('\r\n').filter(Boolean);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('II.3.a');
    const docx = path.join(dir, 'out.docx');
    expect(await reportCommand.run(['export', '--format', 'docx', '--year', '2026', '--out', docx], ctx)).toBe(0);
    expect(readFileSync(docx).subarray(0, 2).toString()).toBe('PK');
  });

  it('rejects an unknown format', async () => {
    const { ctx, dir } = setup();
    await expect(reportCommand.run(['export', '--format', 'pdf', '--out', path.join(dir, 'x')], ctx)).rejects.toThrow(/csv, xlsx hoặc docx/);
  });
});
