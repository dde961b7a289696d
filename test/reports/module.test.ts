import path from 'node:path';
import Fastify from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { createConfig } from '../../src/config.js';
import type { OutgoingReply } from '../../src/core/messages.js';
import { explicitAreaCode } from '../../src/reports/flow/draft.js';
import { createReportsModule } from '../../src/reports/index.js';
import type { Db } from '../../src/store/database.js';
import { message, planAreas, press, silentLogger, staff, tempDb } from './helpers.js';

const KNOWLEDGE = path.join(import.meta.dirname, '../../knowledge');
const dbs: Db[] = [];
afterEach(() => {
  for (const d of dbs.splice(0)) d.close();
});

function setup(env: Record<string, string> = {}) {
  const { db, dir } = tempDb();
  dbs.push(db);
  const config = createConfig({ KNOWLEDGE_DIR: KNOWLEDGE, DATA_DIR: dir, ...env });
  return createReportsModule({ db, config, logger: silentLogger, now: () => new Date('2026-11-25T03:00:00Z') });
}
const text = (r: OutgoingReply[] | null) => (r ?? []).map((x) => x.text).join('\n');

describe('reports module with the real parser', () => {
  it('loads the 22 plan areas and runs a report to the end', async () => {
    const m = setup();
    expect(m.areas).toHaveLength(22);
    const msg = 'Hôm qua Văn phòng Sở đăng 2 tin trên trang Facebook của Sở về dịch vụ công trực tuyến';
    expect(m.flow.looksLikeReport(msg)).toBe(true);
    const first = await m.flow.handle(message(msg), staff);
    expect(text(first)).toContain('Ngày: 24/11/2026');
    expect(text(first)).toContain('Kênh: Mạng xã hội');
    expect(text(first)).toContain('Số lượng: 2');
    // Corrections in words, with the real parser: only the named field changes.
    expect(text(await m.flow.handle(message('nội dung II.2.h'), staff))).toContain('Nội dung: II.2.h');
    const fixed = text(await m.flow.handle(message('sửa ngày 21/11'), staff));
    expect(fixed).toContain('Ngày: 21/11/2026');
    expect(fixed).toContain('Nội dung: II.2.h');
    expect(text(await m.flow.handle(message('số lượng 5'), staff))).toContain('Số lượng: 5');
    expect(text(await m.flow.handle(press('rp:save'), staff))).toMatch(/Đã lưu báo cáo #1/);
    expect(m.store.list()[0]).toMatchObject({ date: '2026-11-21', channel: 'social', count: 5, area: 'II.2.h', indicator: 'PAPI' });
  });

  it('admin plugin: 404 without ADMIN_TOKEN, 200 with it', async () => {
    for (const [env, status] of [
      [{}, 404],
      [{ ADMIN_TOKEN: 'module-test-token-0123456789abcdef' }, 200],
    ] as const) {
      const m = setup(env);
      const app = Fastify();
      await app.register(m.adminPlugin.plugin, m.adminPlugin.opts);
      const res = await app.inject({ url: '/admin/api/summary', headers: { authorization: 'Bearer module-test-token-0123456789abcdef' } });
      expect(res.statusCode).toBe(status);
      await app.close();
    }
  });

  it('recognises explicitly typed area codes', () => {
    const areas = planAreas();
    expect(explicitAreaCode('nội dung II.2.h', areas)).toBe('II.2.h');
    expect(explicitAreaCode('muc ii.3.dd', areas)).toBe('II.3.đ');
    expect(explicitAreaCode('II.3.đ', areas)).toBe('II.3.đ');
    expect(explicitAreaCode('II 1 c nhé', areas)).toBe('II.1.c');
    expect(explicitAreaCode('II.3.h', areas)).toBeNull(); // II.3 has no h
    expect(explicitAreaCode('ngày 21/11', areas)).toBeNull();
  });
});

describe('optional fill', () => {
  it('fills what the rules left null, and falls back when the fill fails', async () => {
    const { db, dir } = tempDb();
    dbs.push(db);
    const config = createConfig({ KNOWLEDGE_DIR: KNOWLEDGE, DATA_DIR: dir });
    const filled = createReportsModule({
      db,
      config,
      logger: silentLogger,
      fill: async (p) => ({ ...p, date: p.date ?? '2026-11-18' }),
    });
    const r = await filled.flow.handle(message('Đã đăng tin hướng dẫn dịch vụ công trực tuyến trên Cổng TTĐT Sở'), staff);
    expect(text(r)).toContain('Ngày: 18/11/2026');

    const { db: db2, dir: dir2 } = tempDb();
    dbs.push(db2);
    const failing = createReportsModule({
      db: db2,
      config: createConfig({ KNOWLEDGE_DIR: KNOWLEDGE, DATA_DIR: dir2 }),
      logger: silentLogger,
      fill: async () => {
        throw new Error('model down');
      },
    });
    const r2 = await failing.flow.handle(message('Đã đăng tin hướng dẫn dịch vụ công trực tuyến trên Cổng TTĐT Sở'), staff);
    expect(text(r2)).toContain('Ngày: — (chưa có)');
  });
});
