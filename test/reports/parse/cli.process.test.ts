import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KNOWLEDGE_DIR, ROOT } from './helpers.js';

function cli(args: string[]) {
  const r = spawnSync('npx', ['tsx', 'src/cli/main.ts', 'report', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, KNOWLEDGE_DIR, LOG_LEVEL: 'silent' },
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const KEYS = ['date', 'channel', 'count', 'indicator', 'area', 'link', 'unit', 'description', 'missing'];

describe('cli report parse', () => {
  it('prints exactly the JSON contract for one message', () => {
    const r = cli(['parse', '--json', '--now', '2026-11-27', 'Hôm qua phòng QLTM đăng 2 tin về cải cách thủ tục hành chính trên Cổng TTĐT']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const out = JSON.parse(lines[0]!);
    expect(Object.keys(out)).toEqual(KEYS);
    expect(out).toMatchObject({
      date: '2026-11-26',
      channel: 'website',
      count: 2,
      indicator: 'PAR INDEX',
      area: 'II.1.c',
      link: null,
      unit: 'phòng QLTM',
      missing: [],
    });
  }, 60_000);

  it('prints nulls and missing fields when nothing is found', () => {
    const r = cli(['parse', '--json', '--now', '2026-11-27', 'xong việc']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ date: null, channel: null, count: null, area: null, missing: ['date', 'channel', 'count', 'area'] });
  }, 60_000);

  it('parses a JSONL batch in order, id first, with per-line now', () => {
    const dir = mkdtempSync(join(tmpdir(), 'report-cli-'));
    const file = join(dir, 'batch.jsonl');
    writeFileSync(
      file,
      [
        JSON.stringify({ id: 'x1', text: 'hôm qua phát 50 tờ rơi', now: '2026-03-01' }),
        '',
        JSON.stringify({ id: 'x2', text: 'Tổ chức tập huấn cho 30 người ngày 2/11' }),
      ].join('\n'),
    );
    const r = cli(['parse', '--json', '--now', '2026-11-27', '--batch', file]);
    expect(r.code).toBe(0);
    const rows = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(rows.map((x) => x.id)).toEqual(['x1', 'x2']);
    expect(Object.keys(rows[0])).toEqual(['id', ...KEYS]);
    expect(rows[0]).toMatchObject({ date: '2026-02-28', channel: 'print', count: 50 });
    expect(rows[1]).toMatchObject({ date: '2026-11-02', channel: 'meeting', count: 30 });
  }, 60_000);

  it('prints a Vietnamese card without --json', () => {
    const r = cli(['parse', '--now', '2026-11-27', 'Chia sẻ 3 bài trên Facebook về dịch vụ công trực tuyến']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Báo cáo hoạt động truyền thông');
    expect(r.stdout).toContain('Số lượng');
    expect(r.stdout).toContain('Gợi ý nội dung');
  }, 60_000);

  it('rejects a bad --now and an unknown sub-command', () => {
    expect(cli(['parse', '--json', '--now', '2026-13-40', 'đăng tin']).code).not.toBe(0);
    const r = cli(['frobnicate']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
  }, 60_000);
});
