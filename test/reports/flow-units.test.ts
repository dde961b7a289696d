/** Two spellings of one unit make one unit in the saved reports and the summary. */
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createConfig } from '../../src/config.js';
import type { Identity, OutgoingReply } from '../../src/core/messages.js';
import { createReportsModule } from '../../src/reports/index.js';
import { summarizeReports } from '../../src/reports/summary.js';
import type { Db } from '../../src/store/database.js';
import { message, silentLogger, tempDb } from './helpers.js';

const KNOWLEDGE = path.join(import.meta.dirname, '../../knowledge');
const dbs: Db[] = [];
afterEach(() => {
  for (const d of dbs.splice(0)) d.close();
});
const text = (r: OutgoingReply[] | null) => (r ?? []).map((x) => x.text).join('\n');
const staffWithout: Identity = { channel: 'telegram', userId: '1001', role: 'staff' };

describe('units in the report flow', () => {
  it('an unlisted unit is noted; its abbreviation and full name are one unit once saved', async () => {
    const { db, dir } = tempDb();
    dbs.push(db);
    const config = createConfig({ KNOWLEDGE_DIR: KNOWLEDGE, DATA_DIR: dir });
    const m = createReportsModule({ db, config, logger: silentLogger, now: () => new Date('2026-11-25T03:00:00Z') });

    const first = text(await m.flow.handle(message('Hôm qua Phòng Quản lý thương mại tổ chức hội nghị phổ biến PCI cho 40 doanh nghiệp'), staffWithout));
    expect(first).toContain('Đơn vị: Phòng Quản lý thương mại');
    expect(first).toMatch(/chưa có trong danh sách đơn vị của Sở/);
    await m.flow.handle(message('nội dung II.3.a'), staffWithout);
    expect(text(await m.flow.handle(message('lưu'), staffWithout))).toMatch(/Đã lưu báo cáo #1/);

    const second = text(await m.flow.handle(message('Ngày 20/11 phong QLTM đã đăng 3 tin về gia nhập thị trường trên cổng TTĐT của Sở'), staffWithout));
    expect(second).toContain('Phòng QLTM');
    await m.flow.handle(message('nội dung II.3.a'), staffWithout);
    expect(text(await m.flow.handle(message('lưu'), staffWithout))).toMatch(/Đã lưu báo cáo #2/);

    expect(m.store.list().map((r) => r.unit)).toEqual(['Phòng Quản lý thương mại', 'Phòng Quản lý thương mại']);
    expect(summarizeReports(m.store.list()).byUnit.map((u) => u.key)).toEqual(['Phòng Quản lý thương mại']);
  });

  it('a listed unit written short is shown and saved under its listed name, without a note', async () => {
    const { db, dir } = tempDb();
    dbs.push(db);
    const config = createConfig({ KNOWLEDGE_DIR: KNOWLEDGE, DATA_DIR: dir });
    const m = createReportsModule({ db, config, logger: silentLogger, now: () => new Date('2026-11-25T03:00:00Z') });
    const card = text(await m.flow.handle(message('Hôm qua phòng KH-TC-TH đăng 2 tin về DVC trực tuyến trên Cổng TTĐT của Sở'), staffWithout));
    expect(card).toContain('Đơn vị: Phòng Kế hoạch – Tài chính – Tổng hợp');
    expect(card).not.toMatch(/chưa có trong danh sách/);
  });
});
