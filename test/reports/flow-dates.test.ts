/** Dates a person would accept: planned activities and impossible days are asked about, never stored as they are. */
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createConfig } from '../../src/config.js';
import type { OutgoingReply } from '../../src/core/messages.js';
import { createReportsModule } from '../../src/reports/index.js';
import type { Db } from '../../src/store/database.js';
import { message, press, silentLogger, staff, tempDb } from './helpers.js';

const KNOWLEDGE = path.join(import.meta.dirname, '../../knowledge');
const SENT = new Date('2026-12-01T03:00:00Z');
const dbs: Db[] = [];
afterEach(() => {
  for (const d of dbs.splice(0)) d.close();
});

function setup() {
  const { db, dir } = tempDb();
  dbs.push(db);
  const config = createConfig({ KNOWLEDGE_DIR: KNOWLEDGE, DATA_DIR: dir });
  return createReportsModule({ db, config, logger: silentLogger, now: () => SENT });
}
const text = (r: OutgoingReply[] | null) => (r ?? []).map((x) => x.text).join('\n');
const at = (t: string) => message(t, { time: SENT });

describe('report dates in the flow', () => {
  it('a planned activity later this year is asked about, not saved as last year', async () => {
    const m = setup();
    const card = text(await m.flow.handle(at('Ngày 15/12 phòng QLCN sẽ tổ chức hội nghị đối thoại với doanh nghiệp về PCI, dự kiến 60 người'), staff));
    expect(card).toMatch(/Hoạt động này đã diễn ra chưa\?/);
    expect(card).toContain('15/12/2026 chưa tới');
    expect(card).not.toContain('2025');
    expect(card).toMatch(/Ngày: \(chưa có\)|Ngày: —|Ngày: chưa/);
    const refused = text(await m.flow.handle(press('rp:save', { time: SENT }), staff));
    expect(refused).toMatch(/chưa đủ thông tin/);
    expect(m.store.list()).toHaveLength(0);
  });

  it('an impossible date is named and asked again; a real one is then accepted and confirmed in full', async () => {
    const m = setup();
    const card = text(await m.flow.handle(at('Đã đăng 2 tin về DVC trực tuyến trên Cổng TTĐT của Sở ngày 31/11'), staff));
    expect(card).toContain('Ngày «31/11» không có trên lịch');
    const again = text(await m.flow.handle(at('sửa ngày thành 31/11'), staff));
    expect(again).toContain('Ngày «31/11» không có trên lịch');
    const fixed = text(await m.flow.handle(at('sửa ngày thành 30/11'), staff));
    expect(fixed).toContain('Ngày: 30/11/2026');
    const saved = text(await m.flow.handle(at('lưu'), staff));
    expect(saved).toMatch(/Đã lưu báo cáo #1 \(hoạt động ngày 30\/11\/2026[,)]/);
  });
});
