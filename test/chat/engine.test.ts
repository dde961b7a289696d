import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createConversationEngine } from '../../src/chat/engine.js';
import { createMemoryChatStore, SqliteChatStore } from '../../src/chat/sqlite-chat-store.js';
import { EXAMPLE_QUESTIONS } from '../../src/chat/texts.js';
import type { ReportFlow } from '../../src/core/messages.js';
import { type Db, openDatabase } from '../../src/store/database.js';
import { department, FakeAnswerer, FakeReportFlow, message, silentLogger } from './fakes.js';

function setup(opts: { reportFlow?: ReportFlow; store?: SqliteChatStore } = {}) {
  const answerer = new FakeAnswerer();
  const store = opts.store ?? createMemoryChatStore();
  const engine = createConversationEngine({
    answerer,
    store,
    logger: silentLogger,
    department,
    ...(opts.reportFlow ? { reportFlow: opts.reportFlow } : {}),
  });
  return { answerer, store, engine };
}

function makeStaff(store: SqliteChatStore, userId = 'u1', role: 'staff' | 'admin' = 'staff') {
  const invite = store.createInvite({ unit: 'Văn phòng Sở', role }, new Date());
  const r = store.redeemInvite(invite.code, { channel: 'telegram', userId }, new Date());
  expect(r.ok).toBe(true);
}

describe('commands', () => {
  it('/start greets and offers example questions as q:N buttons', async () => {
    const { engine } = setup();
    const [reply] = await engine.handle(message('/start'));
    expect(reply?.text).toContain('Sở Thử Nghiệm');
    const data = reply?.buttons?.flat().map((b) => b.data);
    expect(data).toEqual(EXAMPLE_QUESTIONS.map((_, i) => `q:${i + 1}`));
    expect(data!.length).toBeGreaterThanOrEqual(3);
  });

  it('an example button asks that question', async () => {
    const { engine, answerer } = setup();
    const [reply] = await engine.handle(message('', { callbackData: 'q:2' }));
    expect(answerer.calls[0]?.question).toBe(EXAMPLE_QUESTIONS[1]);
    expect(reply?.kind).toBe('answer');
  });

  it('/help lists staff commands only for staff', async () => {
    const { engine, store } = setup();
    const [citizen] = await engine.handle(message('/help'));
    expect(citizen?.text).toContain('/dangky');
    expect(citizen?.text).not.toContain('/baocao');
    makeStaff(store);
    const [staff] = await engine.handle(message('/help'));
    expect(staff?.text).toContain('/baocao');
    expect(staff?.text).not.toContain('/tonghop');
    expect(staff?.text).not.toContain('/xuat');
    expect(staff?.text).not.toContain('quản trị viên');
  });

  it('/help shows admins the admin commands too', async () => {
    const { engine, store } = setup();
    makeStaff(store, 'u1', 'admin');
    const [admin] = await engine.handle(message('/help'));
    expect(admin?.text).toContain('/baocao');
    expect(admin?.text).toContain('Dành cho quản trị viên:');
    expect(admin?.text).toContain('/tonghop [năm|quý|tháng|YYYY]');
    expect(admin?.text).toContain('/xuat [YYYY]');
  });

  it('a garbled or unknown button payload gets a clear reply, never a crash', async () => {
    const { engine, answerer } = setup();
    for (const data of ['rp:area:II.9.z', 'fb:maybe:1', 'q:99', '\u0000\uffff', 'x'.repeat(300)]) {
      const [reply] = await engine.handle(message('', { callbackData: data }));
      expect(reply?.text, data).toContain('Nút này không còn hiệu lực');
    }
    expect(answerer.calls).toHaveLength(0);
  });

  it('unknown command gets a Vietnamese message with the command list', async () => {
    const { engine, answerer } = setup();
    const [reply] = await engine.handle(message('/abc'));
    expect(reply?.kind).toBe('error');
    expect(reply?.text).toContain('Không có lệnh /abc');
    expect(reply?.text).toContain('/help');
    expect(answerer.calls).toHaveLength(0);
  });

  it('accepts Telegram /cmd@botname', async () => {
    const { engine } = setup();
    const [reply] = await engine.handle(message('/start@cchc_bot'));
    expect(reply?.buttons?.length).toBeGreaterThan(0);
  });

  it('/huy with nothing pending says so', async () => {
    const { engine } = setup();
    const [reply] = await engine.handle(message('/huy'));
    expect(reply?.text).toBe('Không có thao tác nào đang chờ để hủy.');
  });
});

describe('questions', () => {
  it('answers with sources, exchange id and feedback buttons', async () => {
    const { engine, store } = setup();
    const [reply] = await engine.handle(message('Văn phòng Sở làm gì?'));
    expect(reply?.kind).toBe('answer');
    expect(reply?.abstained).toBe(false);
    expect(reply?.sources?.[0]?.doc).toBe('DOC-1');
    const id = reply?.exchangeId as string;
    expect(id).toMatch(/^[0-9a-f]{16}$/);
    expect(reply?.buttons?.[0]?.map((b) => b.data)).toEqual([`fb:up:${id}`, `fb:down:${id}`]);
    expect(store.getExchange(id)?.question).toBe('Văn phòng Sở làm gì?');
  });

  it('passes the previous question of the same chat for follow-ups', async () => {
    const { engine, answerer } = setup();
    await engine.handle(message('Chỉ số PAPI gồm gì?'));
    await engine.handle(message('còn PCI thì sao?'));
    await engine.handle(message('Câu khác', { chatId: 'other' }));
    expect(answerer.calls[0]?.options?.previousQuestion).toBeUndefined();
    expect(answerer.calls[1]?.options?.previousQuestion).toBe('Chỉ số PAPI gồm gì?');
    expect(answerer.calls[2]?.options?.previousQuestion).toBeUndefined();
  });

  it('appends department contacts when abstaining', async () => {
    const { engine } = setup();
    const [reply] = await engine.handle(message('câu hỏi ngoài phạm vi'));
    expect(reply?.abstained).toBe(true);
    expect(reply?.text).toContain(department.phone);
  });

  it('rejects over-long input without calling the answerer or losing state', async () => {
    const { engine, answerer, store } = setup();
    await engine.handle(message('Câu đầu'));
    const [reply] = await engine.handle(message('a'.repeat(1001)));
    expect(reply?.kind).toBe('error');
    expect(reply?.text).toContain('1001');
    expect(answerer.calls).toHaveLength(1);
    expect(store.getChatState('telegram', 'c1').lastQuestion).toBe('Câu đầu');
  });

  it('empty text gets a help hint', async () => {
    const { engine, answerer } = setup();
    const [reply] = await engine.handle(message('   '));
    expect(reply?.text).toContain('/help');
    expect(answerer.calls).toHaveLength(0);
  });

  it('an answerer failure becomes an apology, not a throw', async () => {
    const { engine, answerer } = setup();
    answerer.fail = true;
    const [reply] = await engine.handle(message('Hỏi gì đó'));
    expect(reply?.kind).toBe('error');
    expect(reply?.text).toContain('Xin lỗi');
  });
});

describe('feedback', () => {
  it('stores the vote against the exchange and thanks the user', async () => {
    const { engine, store } = setup();
    const [answer] = await engine.handle(message('câu hỏi ngoài phạm vi nào đó'));
    const id = answer?.exchangeId as string;
    const [thanks] = await engine.handle(message('', { callbackData: `fb:down:${id}` }));
    expect(thanks?.text).toContain('Cảm ơn bạn đã góp ý');
    const gaps = store.listGapRows();
    expect(gaps).toHaveLength(1);
    expect(gaps[0]).toMatchObject({ question: 'câu hỏi ngoài phạm vi nào đó', abstained: true, vote: 'down' });
  });

  it('an unknown exchange id is reported, not stored', async () => {
    const { engine, store } = setup();
    const [reply] = await engine.handle(message('', { callbackData: 'fb:up:ffffffffffffffff' }));
    expect(reply?.text).toContain('Không tìm thấy');
    expect(store.listGapRows()).toHaveLength(0);
  });
});

describe('roles, invites and report routing', () => {
  it('a citizen is refused report commands politely', async () => {
    const flow = new FakeReportFlow();
    const { engine } = setup({ reportFlow: flow });
    for (const cmd of ['/baocao', '/baocaocuatoi', '/tonghop', '/xuat', '/xoa']) {
      const [reply] = await engine.handle(message(cmd));
      expect(reply?.text).toContain('dành cho cán bộ của Sở');
      expect(reply?.text).toContain('/dangky');
    }
    const [btn] = await engine.handle(message('', { callbackData: 'rp:save' }));
    expect(btn?.text).toContain('dành cho cán bộ');
    expect(flow.handled).toHaveLength(0);
  });

  it('a citizen report-like text is a question, not a report', async () => {
    const flow = new FakeReportFlow();
    const { engine, answerer } = setup({ reportFlow: flow });
    await engine.handle(message('BC: đăng 2 bài'));
    expect(flow.handled).toHaveLength(0);
    expect(answerer.calls).toHaveLength(1);
  });

  it('/dangky with a valid code makes the user staff; the code cannot be reused', async () => {
    const { engine, store } = setup();
    const invite = store.createInvite({ unit: 'Văn phòng Sở', role: 'staff' }, new Date());
    const [ok] = await engine.handle(message(`/dangky ${invite.code.toLowerCase()}`));
    expect(ok?.text).toContain('Đăng ký thành công');
    expect(ok?.text).toContain('Văn phòng Sở');
    expect(store.getIdentity('telegram', 'u1')).toMatchObject({ role: 'staff', unit: 'Văn phòng Sở' });
    const [again] = await engine.handle(message(`/dangky ${invite.code}`, { userId: 'u2', chatId: 'c2' }));
    expect(again?.text).toContain('đã được sử dụng');
    expect(store.getIdentity('telegram', 'u2')?.role).toBe('citizen');
  });

  it('/dangky without a code waits for it; /huy cancels the wait', async () => {
    const { engine, store, answerer } = setup();
    const [ask] = await engine.handle(message('/dangky'));
    expect(ask?.text).toContain('mã mời');
    const [bad] = await engine.handle(message('ZZZZZZZZ'));
    expect(bad?.text).toContain('Mã mời không đúng');
    const [cancel] = await engine.handle(message('/huy'));
    expect(cancel?.text).toBe('Đã hủy thao tác đang dở.');
    const invite = store.createInvite({ unit: 'Phòng Quản lý Thương mại', role: 'admin' }, new Date());
    await engine.handle(message('/dangky'));
    const [ok] = await engine.handle(message(invite.code));
    expect(ok?.text).toContain('quản trị viên');
    expect(store.getIdentity('telegram', 'u1')?.role).toBe('admin');
    expect(answerer.calls).toHaveLength(0);
  });

  it('routes staff report commands, buttons, report-like text and open drafts to the flow', async () => {
    const flow = new FakeReportFlow();
    const { engine, store, answerer } = setup({ reportFlow: flow });
    makeStaff(store);
    const [r1] = await engine.handle(message('/baocao'));
    expect(r1?.kind).toBe('report');
    const [r2] = await engine.handle(message('hôm qua đăng 1 bài lên cổng'));
    expect(r2?.text).toContain('Nháp: hôm qua');
    const [r3] = await engine.handle(message('', { callbackData: 'rp:save' }));
    expect(r3?.text).toBe('Nháp: rp:save');
    expect(flow.handled.map((h) => h.identity.role)).toEqual(['staff', 'staff', 'staff']);
    expect(answerer.calls).toHaveLength(0);
  });

  it('/huy goes to the flow first when a draft is open', async () => {
    const flow = new FakeReportFlow();
    const { engine, store } = setup({ reportFlow: flow });
    makeStaff(store);
    await engine.handle(message('BC: 3 tờ rơi'));
    const [reply] = await engine.handle(message('/huy'));
    expect(reply?.text).toBe('Đã hủy bản nháp báo cáo.');
    expect(flow.drafts.size).toBe(0);
  });

  it('staff questions still reach the answerer', async () => {
    const flow = new FakeReportFlow();
    const { engine, store, answerer } = setup({ reportFlow: flow });
    makeStaff(store);
    const [reply] = await engine.handle(message('PCI là gì?'));
    expect(reply?.kind).toBe('answer');
    expect(answerer.calls).toHaveLength(1);
    expect(flow.handled).toHaveLength(0);
  });

  it('without a report flow, staff get a clear placeholder', async () => {
    const { engine, store } = setup();
    makeStaff(store);
    const [reply] = await engine.handle(message('/baocao'));
    expect(reply?.text).toContain('chưa được bật');
  });

  it('a failing report flow does not crash the engine', async () => {
    const flow = new FakeReportFlow();
    flow.handle = async () => {
      throw new Error('boom');
    };
    const { engine, store } = setup({ reportFlow: flow });
    makeStaff(store);
    const [reply] = await engine.handle(message('/baocao'));
    expect(reply?.kind).toBe('error');
  });
});

describe('persistence', () => {
  let dir: string;
  let dbs: Db[] = [];
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chat-'));
  });
  afterEach(() => {
    for (const db of dbs) if (db.open) db.close();
    dbs = [];
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('state, roles, exchanges and votes survive re-opening the SQLite file', async () => {
    const file = path.join(dir, 'cchc-bot.sqlite');
    const db1 = openDatabase(file);
    dbs.push(db1);
    const first = setup({ store: new SqliteChatStore(db1) });
    makeStaff(first.store, 'u1');
    const [answer] = await first.engine.handle(message('Câu hỏi trước khi khởi động lại'));
    await first.engine.handle(message('/dangky', { userId: 'u9', chatId: 'c9' }));
    await first.engine.handle(message('', { callbackData: `fb:down:${answer?.exchangeId}` }));
    db1.close();

    const db2 = openDatabase(file);
    dbs.push(db2);
    const second = setup({ store: new SqliteChatStore(db2) });
    await second.engine.handle(message('còn PCI thì sao?'));
    expect(second.answerer.calls[0]?.options?.previousQuestion).toBe('Câu hỏi trước khi khởi động lại');
    expect(second.store.getIdentity('telegram', 'u1')?.role).toBe('staff');
    expect(second.store.getChatState('telegram', 'c9').pending).toEqual({ kind: 'await_invite_code' });
    expect(second.store.listGapRows()[0]?.vote).toBe('down');
  });

  it('updates last_seen_at and display name on every message', async () => {
    const db = openDatabase(path.join(dir, 'x.sqlite'));
    dbs.push(db);
    let t = new Date('2025-03-01T08:00:00Z');
    const engine = createConversationEngine({
      answerer: new FakeAnswerer(),
      store: new SqliteChatStore(db),
      logger: silentLogger,
      department,
      now: () => t,
    });
    await engine.handle(message('/start', { userName: 'Lan' }));
    t = new Date('2025-03-02T09:30:00Z');
    await engine.handle(message('/help'));
    const row = db.prepare('SELECT role, display_name, last_seen_at, created_at FROM identities WHERE user_id = ?').get('u1');
    expect(row).toEqual({
      role: 'citizen',
      display_name: 'Lan',
      last_seen_at: '2025-03-02T09:30:00.000Z',
      created_at: '2025-03-01T08:00:00.000Z',
    });
  });
});
