/**
 * The small points of issue 11, each with its test: duplicate warning, delete
 * confirmation, stale cards, /tonghop YEAR, garbled payloads.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { OutgoingReply } from '../../src/core/messages.js';
import { decodePayload, encodePayload } from '../../src/core/payload.js';
import { createReportFlow } from '../../src/reports/flow/report-flow.js';
import { SqliteReportStore } from '../../src/reports/store/sqlite-report-store.js';
import type { Db } from '../../src/store/database.js';
import { admin, fakeParse, message, planAreas, press, silentLogger, staff, tempDb } from './helpers.js';

const areas = planAreas();
const dbs: Db[] = [];
afterEach(() => {
  for (const d of dbs.splice(0)) d.close();
});

function setup(now = new Date('2026-11-25T03:00:00Z')) {
  const { db } = tempDb();
  dbs.push(db);
  const store = new SqliteReportStore(db);
  let clock = now;
  const flow = createReportFlow({ store, parse: fakeParse, areas, logger: silentLogger, now: () => clock });
  return { store, flow, setClock: (d: Date) => (clock = d) };
}

const only = (rs: OutgoingReply[] | null): OutgoingReply => {
  expect(rs).toHaveLength(1);
  return (rs as OutgoingReply[])[0] as OutgoingReply;
};
const buttons = (r: OutgoingReply) => (r.buttons ?? []).flat();
const pressButton = (r: OutgoingReply, label: RegExp, extra = {}) => {
  const b = buttons(r).find((x) => label.test(x.label));
  expect(b, `button ${label}`).toBeDefined();
  return press(b?.data ?? '', extra);
};
const REPORT = 'Ngày 20/11 đăng 2 tin trên Cổng thông tin về quản trị điện tử';

describe('duplicate warning', () => {
  it('the same text from the same reporter within a day is flagged, not refused', async () => {
    const { flow, store, setClock } = setup();
    const first = only(await flow.handle(message(REPORT), staff));
    expect(first.text).not.toContain('giống hệt');
    await flow.handle(pressButton(first, /Lưu/), staff);
    const again = only(await flow.handle(message(REPORT), staff));
    expect(again.text).toMatch(/⚠️ Bạn đã lưu một báo cáo giống hệt nội dung này lúc \d\d\/\d\d\/2026 \d\d:\d\d \(mã #1\)/);
    await flow.handle(pressButton(again, /Lưu/), staff);
    expect(store.list()).toHaveLength(2);
    // Another reporter, or the next day: no warning.
    const other = only(await flow.handle(message(REPORT, { userId: '2002', chatId: '2002' }), { ...staff, userId: '2002' }));
    expect(other.text).not.toContain('giống hệt');
    setClock(new Date('2026-11-26T04:00:00Z'));
    const later = only(await flow.handle(message(REPORT, { time: new Date('2026-11-26T04:00:00Z') }), staff));
    expect(later.text).not.toContain('giống hệt');
  });
});

describe('delete asks first', () => {
  it('🗑 shows the report and asks; "Giữ lại" keeps it, "Xóa" deletes it, a second press is stale', async () => {
    const { flow, store } = setup();
    await flow.handle(pressButton(only(await flow.handle(message(REPORT), staff)), /Lưu/), staff);
    const list = only(await flow.handle(message('/baocaocuatoi'), staff));
    const ask = only(await flow.handle(pressButton(list, /🗑/), staff));
    expect(ask.text).toContain('Bạn có chắc muốn xóa báo cáo này không?');
    expect(ask.text).toContain('#1 · 20/11/2026');
    expect(store.list()).toHaveLength(1);
    expect(only(await flow.handle(pressButton(ask, /Giữ lại/), staff)).text).toContain('giữ nguyên');
    expect(store.list()).toHaveLength(1);
    const done = only(await flow.handle(pressButton(ask, /Xóa #1/), staff));
    expect(done.text).toContain('Đã xóa báo cáo #1');
    expect(store.list()).toHaveLength(0);
    expect(only(await flow.handle(pressButton(ask, /Xóa #1/), staff)).text).toContain('Thẻ này đã hết hiệu lực');
    expect(only(await flow.handle(pressButton(list, /🗑/), staff)).text).toContain('Thẻ này đã hết hiệu lực');
  });

  it('asking about someone else’s report refuses at once', async () => {
    const { flow } = setup();
    await flow.handle(pressButton(only(await flow.handle(message(REPORT), staff)), /Lưu/), staff);
    const other = { ...staff, userId: '2002' };
    const r = only(await flow.handle(press('rp:del:1', { userId: '2002', chatId: '2002' }), other));
    expect(r.text).toContain('không phải của bạn');
    expect(r.buttons).toBeUndefined();
  });
});

describe('stale cards', () => {
  it('Lưu on a card older than the current draft is refused and the current card is shown', async () => {
    const { flow, store } = setup();
    const oldCard = only(await flow.handle(message(REPORT), staff));
    const newCard = only(await flow.handle(message('số lượng 4'), staff));
    expect(newCard.text).toContain('Số lượng: 4');
    const stale = only(await flow.handle(pressButton(oldCard, /Lưu/), staff));
    expect(stale.text).toContain('Thẻ này đã hết hiệu lực. Đây là bản nháp hiện tại:');
    expect(stale.text).toContain('Số lượng: 4');
    expect(store.list()).toHaveLength(0);
    await flow.handle(pressButton(newCard, /Lưu/), staff);
    expect(store.list()[0]?.count).toBe(4);
    // The draft is gone now: every button of every card of it is stale.
    expect(only(await flow.handle(pressButton(newCard, /Hủy/), staff)).text).toContain('Thẻ này đã hết hiệu lực');
  });
});

describe('/tonghop YEAR', () => {
  it('honours the year asked for and names a bad one', async () => {
    const { flow, store } = setup();
    const old = (date: string, id: string) =>
      store.confirm(
        {
          reporterChannel: 'telegram',
          reporterId: '1001',
          sourceMessageId: id,
          date,
          channel: 'website',
          count: 3,
          countKind: 'post',
          indicator: 'PAPI',
          area: 'II.2.h',
          link: null,
          unit: 'Văn phòng Sở',
          description: 'Đăng tin',
        },
        new Date('2026-01-05T00:00:00Z'),
      );
    old('2025-06-01', 'a');
    old('2025-07-01', 'b');
    const y2025 = only(await flow.handle(message('/tonghop 2025'), admin));
    expect(y2025.text).toContain('📊 Tổng hợp hoạt động truyền thông năm 2025');
    expect(y2025.text).toContain('• Tổng cộng: 2 hoạt động (6 tin/bài)');
    expect(y2025.text).toContain('nội dung chưa có hoạt động nào trong năm 2025');
    const y2026 = only(await flow.handle(message('/tonghop'), admin));
    expect(y2026.text).toContain('năm 2026');
    expect(y2026.text).toContain('• Tổng cộng: 0 hoạt động');
    for (const bad of ['/tonghop 20255', '/tonghop 1999', '/tonghop 2030']) {
      const r = only(await flow.handle(message(bad), admin));
      expect(r.text, bad).toMatch(/^Năm «\d+» không hợp lệ: hãy nhập một năm từ 2020 đến 2026/);
    }
    expect(only(await flow.handle(message('/tonghop abc'), admin)).text).toContain('Không hiểu «abc»');
    expect(only(await flow.handle(message('/xuat 1999'), admin)).text).toContain('/xuat 2025');
    const ex = only(await flow.handle(message('/xuat 2025'), admin));
    expect(ex.text).toContain('Báo cáo năm 2025: 2 hoạt động');
  });
});

describe('button payloads', () => {
  it('round-trip through the one codec, and garbled data decodes to null', () => {
    const samples = [
      { kind: 'feedback', vote: 'up', exchangeId: 'ex_1-2' },
      { kind: 'example', index: 3 },
      { kind: 'report', action: 'save', card: 'abc123' },
      { kind: 'report', action: 'save' },
      { kind: 'report', action: 'area', code: 'II.3.đ', card: 'z9' },
      { kind: 'report', action: 'channel', channel: 'social' },
      { kind: 'report', action: 'delete', id: 12 },
      { kind: 'report', action: 'delete-confirm', id: 12 },
      { kind: 'report', action: 'delete-keep' },
      { kind: 'report', action: 'summary', period: 'quarter' },
    ] as const;
    for (const p of samples) expect(decodePayload(encodePayload(p))).toEqual(p);
    for (const bad of [
      '',
      'rp:',
      'rp:nope',
      'rp:area:II.9.z',
      'rp:ch:fax',
      'rp:del:abc',
      'rp:save:UPPER',
      'fb:maybe:1',
      'q:0',
      'q:x',
      'x'.repeat(80),
      'rp:save:a:b:c',
    ]) {
      expect(decodePayload(bad), bad).toBeNull();
    }
  });

  it('a garbled report payload is not the flow’s (the engine answers it), never a crash', async () => {
    const { flow } = setup();
    await expect(flow.handle(press('rp:area:II.9.z'), staff)).resolves.toBeNull();
    await expect(flow.handle(press('rp:del:'), staff)).resolves.toBeNull();
  });
});

describe('count kinds in the conversation', () => {
  it('the card shows the unit of measure, and "số lượng 45 người" changes the kind with the number', async () => {
    const { flow, store } = setup();
    const card = only(await flow.handle(message(REPORT), staff));
    expect(card.text).toContain('• Số lượng: 2 tin/bài');
    const fixed = only(await flow.handle(message('số lượng 45 người'), staff));
    expect(fixed.text).toContain('• Số lượng: 45 lượt người');
    const bare = only(await flow.handle(message('số lượng 50'), staff));
    expect(bare.text).toContain('• Số lượng: 50 lượt người'); // a bare number keeps the kind
    expect(only(await flow.handle(pressButton(bare, /Lưu/), staff)).text).toContain('50 lượt người');
    expect(store.list()[0]).toMatchObject({ count: 50, countKind: 'person' });
  });
});
