import { afterEach, describe, expect, it } from 'vitest';
import type { OutgoingReply } from '../../src/core/messages.js';
import { createReportFlow } from '../../src/reports/flow/report-flow.js';
import { SqliteReportStore } from '../../src/reports/store/sqlite-report-store.js';
import type { Db } from '../../src/store/database.js';
import { admin, citizen, fakeParse, message, planAreas, press, silentLogger, staff, tempDb } from './helpers.js';

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
  expect(rs).not.toBeNull();
  expect(rs).toHaveLength(1);
  return (rs as OutgoingReply[])[0] as OutgoingReply;
};
const buttonData = (r: OutgoingReply) => (r.buttons ?? []).flat().map((b) => b.data);

/** Button payloads without the card token (`rp:save:abc12` → `rp:save`). */
const bare = (xs: string[]) => xs.map((x) => x.replace(/^(rp:(?:save|edit|cancel|area:[^:]+|ch:[^:]+)):[a-z0-9]+$/, '$1'));

describe('report flow', () => {
  it('report → card → correct one field → save → list → delete', async () => {
    const { flow, store } = setup();
    const text = 'Ngày 20/11 đăng 2 tin trên Cổng thông tin về quản trị điện tử https://example.test/tin-1';
    expect(flow.looksLikeReport(text)).toBe(true);
    const card = only(await flow.handle(message(text), staff));
    expect(card.text).toContain('Ngày: 20/11/2026');
    expect(card.text).toContain('Kênh: Cổng/Trang thông tin điện tử');
    expect(card.text).toContain('Số lượng: 2');
    expect(card.text).toContain('Chỉ số: PAPI');
    expect(card.text).toContain('Nội dung: II.2.h – Truyền thông nội dung "Quản trị điện tử"');
    expect(card.text).toContain('Đơn vị: Phòng Thử nghiệm A');
    expect(card.text).toContain('Liên kết: https://example.test/tin-1');
    expect(bare(buttonData(card))).toEqual(['rp:save', 'rp:edit', 'rp:cancel']);
    expect(flow.hasOpenDraft(message('x'))).toBe(true);

    // Correct one field in words: only the date changes.
    const fixed = only(await flow.handle(message('sửa ngày 21/11'), staff));
    expect(fixed.text).toContain('Ngày: 21/11/2026');
    expect(fixed.text).toContain('Số lượng: 2');
    expect(fixed.text).toContain('II.2.h');
    const ch = only(await flow.handle(message('kênh là Zalo'), staff));
    expect(ch.text).toContain('Kênh: Mạng xã hội');
    expect(ch.text).toContain('Ngày: 21/11/2026');
    const cnt = only(await flow.handle(message('số lượng 5'), staff));
    expect(cnt.text).toContain('Số lượng: 5');
    const area = only(await flow.handle(message('nội dung II.1.c'), staff));
    expect(area.text).toContain('Chỉ số: PAR INDEX');
    expect(area.text).toContain('II.1.c – Truyền thông cải cách thủ tục hành chính');

    const saved = only(await flow.handle(press('rp:save'), staff));
    expect(saved.text).toMatch(/Đã lưu báo cáo #\d+/);
    expect(flow.hasOpenDraft(message('x'))).toBe(false);
    const [rec] = store.list();
    expect(rec).toMatchObject({ date: '2026-11-21', channel: 'social', count: 5, area: 'II.1.c', indicator: 'PAR INDEX' });
    expect(rec?.link).toBe('https://example.test/tin-1');

    // Lưu pressed again: the card is stale, nothing new.
    const again = only(await flow.handle(press('rp:save'), staff));
    expect(again.text).toContain('Thẻ này đã hết hiệu lực');
    expect(store.list()).toHaveLength(1);

    const list = only(await flow.handle(message('/baocaocuatoi'), staff));
    expect(list.text).toContain(`#${rec?.id}`);
    expect(buttonData(list)).toContain(`rp:del:${rec?.id}`);

    const del = only(await flow.handle(message(`/xoa ${rec?.id}`), staff));
    expect(del.text).toContain(`Đã xóa báo cáo #${rec?.id}`);
    expect(store.list()).toHaveLength(0);
  });

  it('the same message delivered twice makes one report', async () => {
    const { flow, store } = setup();
    const msg = message('Ngày 20/11 đăng 2 tin trên Cổng thông tin về quản trị điện tử');
    await flow.handle(msg, staff);
    const dup = only(await flow.handle(msg, staff));
    expect(dup.text).toContain('bản nháp');
    await flow.handle(press('rp:save'), staff);
    const late = only(await flow.handle(msg, staff));
    expect(late.text).toContain('đã được lưu');
    expect(store.list()).toHaveLength(1);
  });

  it('asks only for what is missing, one question at a time', async () => {
    const { flow, store } = setup();
    const first = only(await flow.handle(message('Đã đăng tin tuyên truyền về quản trị điện tử 3 tin'), staff));
    // Area and count found; date missing → asked first, nothing else asked.
    expect(first.text).toContain('❓ Hoạt động diễn ra ngày nào?');
    expect(first.text).not.toContain('kênh nào');
    expect(bare(buttonData(first))).toEqual(['rp:cancel']);
    const second = only(await flow.handle(message('22/11'), staff));
    expect(second.text).toContain('Ngày: 22/11/2026');
    expect(second.text).toContain('❓ Hoạt động được thực hiện qua kênh nào?');
    expect(bare(buttonData(second))).toContain('rp:ch:social');
    const third = only(await flow.handle(press('rp:ch:press'), staff));
    expect(third.text).toContain('Kênh: Báo chí, phát thanh, truyền hình');
    expect(bare(buttonData(third))).toEqual(['rp:save', 'rp:edit', 'rp:cancel']);
    await flow.handle(press('rp:save'), staff);
    expect(store.list()[0]).toMatchObject({ date: '2026-11-22', channel: 'press', count: 3, area: 'II.2.h' });
  });

  it('offers the best three area candidates as buttons when the area is unclear', async () => {
    const { flow, store } = setup();
    const r1 = only(await flow.handle(message('Ngày 19/11 tổ chức hội nghị hướng dẫn hồ sơ cho 40 người'), staff));
    expect(r1.text).toContain('❓ Hoạt động này thuộc nội dung nào');
    expect(bare(buttonData(r1))).toEqual(['rp:area:II.1.c', 'rp:area:II.2.dd', 'rp:area:II.3.a', 'rp:cancel']);
    const r2 = only(await flow.handle(press('rp:area:II.2.dd'), staff));
    expect(r2.text).toContain('Nội dung: II.2.đ – Truyền thông nội dung "thủ tục hành chính công"');
    expect(r2.text).toContain('Chỉ số: PAPI');
    await flow.handle(press('rp:save'), staff);
    expect(store.list()[0]).toMatchObject({ area: 'II.2.đ', channel: 'meeting', count: 40 });
  });

  it('Hủy and /huy discard the draft', async () => {
    const { flow, store } = setup();
    await flow.handle(message('Ngày 20/11 đăng 2 tin trên Cổng thông tin về quản trị điện tử'), staff);
    expect(only(await flow.handle(press('rp:cancel'), staff)).text).toContain('Đã hủy');
    expect(flow.hasOpenDraft(message('x'))).toBe(false);
    await flow.handle(message('Ngày 20/11 đăng 2 tin trên Cổng thông tin về quản trị điện tử'), staff);
    expect(only(await flow.handle(message('/huy'), staff)).text).toContain('Đã hủy');
    expect(await flow.handle(message('/huy'), staff)).toBeNull();
    expect(store.list()).toHaveLength(0);
  });

  it('refuses citizens politely and keeps admin commands for admins', async () => {
    const { flow, store } = setup();
    const c = only(await flow.handle(message('Ngày 20/11 đăng 2 tin trên Cổng thông tin', { userId: '5005' }), citizen));
    expect(c.text).toContain('chỉ dành cho cán bộ');
    expect(store.getDraft('telegram:5005:5005')).toBeNull();
    expect(only(await flow.handle(message('/tonghop'), staff)).text).toContain('chỉ dành cho quản trị viên');
    expect(only(await flow.handle(message('/xuat'), staff)).attachments).toBeUndefined();
    expect(await flow.handle(message('thủ tục cấp phép là gì?'), staff)).toBeNull();
  });

  it('/xoa refuses other people’s reports and reports older than 7 days', async () => {
    const { flow, store, setClock } = setup();
    await flow.handle(message('Ngày 20/11 đăng 2 tin trên Cổng thông tin về quản trị điện tử'), staff);
    await flow.handle(press('rp:save'), staff);
    const id = store.list()[0]?.id;
    const other = { ...staff, userId: '2002' };
    expect(only(await flow.handle(message(`/xoa ${id}`, { userId: '2002', chatId: '2002' }), other)).text).toContain('không phải của bạn');
    setClock(new Date('2026-12-03T03:00:00Z'));
    expect(only(await flow.handle(press(`rp:del:${id}`), staff)).text).toContain('quá 7 ngày');
    expect(store.list()).toHaveLength(1);
  });

  it('/tonghop and /xuat for admins', async () => {
    const { flow } = setup();
    await flow.handle(message('Ngày 20/11 đăng 2 tin trên Cổng thông tin về quản trị điện tử'), staff);
    await flow.handle(press('rp:save'), staff);
    const sum = only(await flow.handle(message('/tonghop tháng'), admin));
    expect(sum.text).toContain('tháng 11/2026');
    expect(sum.text).toContain('• PAPI: 1 hoạt động (2 tin/bài)');
    expect(sum.text).toContain('21 nội dung chưa có hoạt động nào trong năm 2026');
    const ex = only(await flow.handle(message('/xuat'), admin));
    expect(ex.attachments?.map((a) => a.filename)).toEqual([
      'bao-cao-hoat-dong-2026.csv',
      'bao-cao-hoat-dong-2026.xlsx',
      'bao-cao-ke-hoach-1523-nam-2026.docx',
    ]);
    expect(ex.attachments?.every((a) => a.content.length > 0)).toBe(true);
  });

  it('a draft survives a restart of the flow', async () => {
    const { db } = tempDb();
    dbs.push(db);
    const mk = () => createReportFlow({ store: new SqliteReportStore(db), parse: fakeParse, areas, logger: silentLogger });
    await mk().handle(message('Đã đăng tin tuyên truyền về quản trị điện tử 3 tin'), staff);
    const flow2 = mk();
    expect(flow2.hasOpenDraft(message('x'))).toBe(true);
    const r = only(await flow2.handle(message('22/11'), staff));
    expect(r.text).toContain('Ngày: 22/11/2026');
  });
});

describe('bare /baocao', () => {
  it('waits for the report text, even one that does not look like a report', async () => {
    const { flow, store } = setup();
    const help = only(await flow.handle(message('/baocao'), staff));
    expect(help.text).toContain('Hãy gửi một tin nhắn mô tả hoạt động');
    expect(flow.hasOpenDraft(message('x'))).toBe(true);
    const card = only(await flow.handle(message('Họp phổ biến quản trị điện tử 12/11, 30 người'), staff));
    expect(card.text).toContain('Ngày: 12/11/2026');
    expect(card.text).toContain('Số lượng: 30');
    expect(card.text).toContain('II.2.h');
    expect(card.text).toContain('❓ Hoạt động được thực hiện qua kênh nào?');
    expect(store.list()).toHaveLength(0);
  });
});

describe('typed answers instead of buttons', () => {
  it('"lưu" saves and "hủy" cancels', async () => {
    const { flow, store } = setup();
    await flow.handle(message('Ngày 20/11 đăng 2 tin trên Cổng thông tin về quản trị điện tử'), staff);
    expect(only(await flow.handle(message('Lưu'), staff)).text).toMatch(/Đã lưu báo cáo #\d+/);
    await flow.handle(message('Ngày 21/11 đăng 3 tin trên Cổng thông tin về quản trị điện tử'), staff);
    expect(only(await flow.handle(message('hủy'), staff)).text).toContain('Đã hủy');
    expect(store.list()).toHaveLength(1);
  });
});

describe('an open draft does not swallow other messages', () => {
  it('a question goes back to the engine (null) and the draft stays open', async () => {
    const { flow } = setup();
    await flow.handle(message('Đã đăng tin tuyên truyền về quản trị điện tử 3 tin'), staff); // asks for the date
    expect(await flow.handle(message('Thủ tục cấp giấy phép là gì?'), staff)).toBeNull();
    expect(flow.hasOpenDraft(message('x'))).toBe(true);
    expect(only(await flow.handle(message('22/11'), staff)).text).toContain('Ngày: 22/11/2026');
  });

  it('a draft untouched for more than 72 hours is dropped', async () => {
    const { flow, setClock } = setup(new Date());
    await flow.handle(message('Đã đăng tin tuyên truyền về quản trị điện tử 3 tin'), staff);
    expect(flow.hasOpenDraft(message('x'))).toBe(true);
    setClock(new Date(Date.now() + 73 * 60 * 60 * 1000));
    expect(flow.hasOpenDraft(message('x'))).toBe(false);
    expect(await flow.handle(message('22/11'), staff)).toBeNull();
  });
});

describe('async parser', () => {
  it('accepts a parser that returns a promise (e.g. with an LLM fill)', async () => {
    const { db } = tempDb();
    dbs.push(db);
    const store = new SqliteReportStore(db);
    const flow = createReportFlow({
      store,
      parse: async (text, o) => ({ ...(await Promise.resolve(fakeParse(text, o))), channel: 'press' }),
      areas,
      logger: silentLogger,
    });
    const card = only(await flow.handle(message('Ngày 20/11 đăng 2 tin về quản trị điện tử'), staff));
    expect(card.text).toContain('Kênh: Báo chí');
    await flow.handle(press('rp:save'), staff);
    expect(store.list()[0]?.channel).toBe('press');
  });
});
