/**
 * One reading of staff text: a question asked while a draft is open is
 * answered and leaves the draft as it was; a report whose link holds a `?`
 * is still a report.
 */
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createConversationEngine } from '../../src/chat/engine.js';
import { SqliteChatStore } from '../../src/chat/sqlite-chat-store.js';
import { createConfig } from '../../src/config.js';
import type { Answer, QuestionAnswerer } from '../../src/core/answer.js';
import type { IncomingMessage } from '../../src/core/messages.js';
import { classifyReportTurn } from '../../src/reports/flow/classify.js';
import { createReportsModule } from '../../src/reports/index.js';
import { isQuestion, looksLikeReport } from '../../src/reports/parse/index.js';
import type { DraftState, ReportDraft } from '../../src/reports/types.js';
import type { Db } from '../../src/store/database.js';
import { silentLogger, tempDb } from './helpers.js';

const dbs: Db[] = [];
afterEach(() => {
  for (const d of dbs.splice(0)) d.close();
});

function draft(awaiting: DraftState['awaiting'] = null): ReportDraft {
  return {
    chatKey: 'k',
    sourceMessageId: 'm0',
    updatedAt: new Date().toISOString(),
    state: {
      fields: {
        date: '2026-11-20',
        channel: 'website',
        count: 3,
        countKind: 'post',
        indicator: 'PCI',
        area: 'II.3.a',
        link: null,
        unit: null,
        description: 'x',
      },
      awaiting,
      candidates: [],
      reporterChannel: 'telegram',
      reporterId: 's1',
    },
  };
}

const turn = (text: string, d: ReportDraft | null = draft()) => classifyReportTurn({ text, messageId: 'm1', draft: d, looksLikeReport });

describe('classifyReportTurn', () => {
  it.each([
    ['Văn phòng Sở có nhiệm vụ gì?', 'question'],
    ['PAPI gồm những nội dung nào?', 'question'],
    ['cho em hỏi hạn gửi báo cáo năm là ngày nào', 'question'],
    ['phòng nào lập dự toán kinh phí', 'question'],
    ['sửa đơn vị thành Văn phòng Sở', 'correction'],
    ['ngày 21/11', 'correction'],
    ['số lượng 4', 'correction'],
    ['lưu', 'save'],
    ['Lưu.', 'save'],
    ['hủy', 'cancel'],
    ['abc xyz', 'unclear'],
  ])('%s → %s (draft open)', (text, kind) => {
    expect(turn(text).kind).toBe(kind);
  });

  it('takes a bare value as the answer to the awaited field', () => {
    expect(turn('Zalo', draft('channel'))).toMatchObject({ kind: 'field-answer', field: 'channel' });
    expect(turn('Phòng Quản lý thương mại', draft('unit'))).toMatchObject({ kind: 'correction', fields: ['unit'] });
    expect(turn('ngày nào thì phải gửi báo cáo năm?', draft('date')).kind).toBe('question');
    expect(turn('hôm qua', draft('date'))).toMatchObject({ kind: 'correction', fields: ['date'] });
  });

  it('without a draft: a report opens one, a question is not the flow’s, "lưu" is still a save', () => {
    expect(turn('Đã đăng 3 tin về DVC trực tuyến trên Cổng TTĐT ngày 20/11', null).kind).toBe('new-report');
    expect(turn('Ai theo dõi việc thực hiện kế hoạch?', null).kind).toBe('not-report');
    expect(turn('lưu', null).kind).toBe('save');
    expect(turn('ok', null).kind).toBe('not-report');
  });

  it('a link with ? does not make a report a question', () => {
    const text = 'Hôm qua đã đăng 1 bài về TTHC trên fanpage https://www.facebook.com/permalink.php?story_fbid=123&id=456';
    expect(isQuestion(text)).toBe(false);
    expect(looksLikeReport(text)).toBe(true);
    expect(turn(text, null).kind).toBe('new-report');
    expect(isQuestion('video này https://www.youtube.com/watch?v=abc có đúng không?')).toBe(true);
  });

  it('the same delivery again is a repeat, not a correction', () => {
    expect(classifyReportTurn({ text: 'ngày 21/11', messageId: 'm0', draft: draft(), looksLikeReport }).kind).toBe('repeat');
  });
});

let seq = 0;
const msg = (text: string, callbackData?: string): IncomingMessage => ({
  channel: 'telegram',
  userId: 's1',
  chatId: 's1',
  messageId: `t${++seq}`,
  text,
  time: new Date('2026-11-25T03:00:00Z'),
  ...(callbackData ? { callbackData } : {}),
});

describe('through the real engine and flow', () => {
  function setup() {
    const { db, dir } = tempDb();
    dbs.push(db);
    const config = createConfig({ KNOWLEDGE_DIR: path.join(import.meta.dirname, '../../knowledge'), DATA_DIR: dir });
    const chat = new SqliteChatStore(db);
    const reports = createReportsModule({ db, config, logger: silentLogger });
    const asked: string[] = [];
    const answerer: QuestionAnswerer = {
      async ask(q): Promise<Answer> {
        asked.push(q);
        return { answer: `Trả lời: ${q}`, abstained: false, sources: [], ms: 1 };
      },
    };
    const engine = createConversationEngine({ answerer, store: chat, logger: silentLogger, department: config.department, reportFlow: reports.flow });
    const invite = chat.createInvite({ unit: 'Phòng Thử nghiệm A', role: 'staff' }, new Date());
    chat.redeemInvite(invite.code, { channel: 'telegram', userId: 's1' }, new Date());
    return { engine, reports, asked };
  }

  it('answers a question asked during a draft and leaves the draft unchanged', async () => {
    const { engine, reports, asked } = setup();
    await engine.handle(msg('Đã đăng 2 bài về đơn giản hóa thủ tục hành chính lên Cổng thông tin điện tử của Sở hôm 12/11/2026'));
    const before = reports.store.getDraft('telegram:s1:s1')?.state.fields;
    expect(before?.unit).toBe('Phòng Thử nghiệm A');

    for (const q of ['Văn phòng Sở có nhiệm vụ gì?', 'PAPI gồm những nội dung nào?']) {
      const replies = await engine.handle(msg(q));
      expect(replies[0]?.kind).toBe('answer');
      expect(replies[0]?.text).toBe(`Trả lời: ${q}`);
      expect(replies.at(-1)?.text).toMatch(/Bản nháp báo cáo của bạn vẫn đang mở/);
    }
    expect(asked).toEqual(['Văn phòng Sở có nhiệm vụ gì?', 'PAPI gồm những nội dung nào?']);
    expect(reports.store.getDraft('telegram:s1:s1')?.state.fields).toEqual(before);

    expect((await engine.handle(msg('lưu')))[0]?.text).toMatch(/Đã lưu báo cáo #1/);
    expect(reports.store.list()[0]?.unit).toBe('Phòng Thử nghiệm A');
  });

  it('opens a draft for a report whose Facebook or YouTube link holds a ?', async () => {
    const { engine, reports, asked } = setup();
    const replies = await engine.handle(msg('Ngày 20/11 đã đăng video hướng dẫn nộp hồ sơ trực tuyến lên https://www.youtube.com/watch?v=dQw4w9WgXcQ'));
    expect(asked).toEqual([]);
    expect(replies[0]?.kind).toBe('report');
    expect(reports.store.getDraft('telegram:s1:s1')?.state.fields.link).toBe('https://www.youtube.com/watch?v=dQw4w9WgXcQ');
  });

  it('"lưu" with no draft says so instead of answering it as a question', async () => {
    const { engine, asked } = setup();
    const replies = await engine.handle(msg('lưu'));
    expect(asked).toEqual([]);
    expect(replies[0]?.text).toMatch(/Không có bản nháp nào đang mở/);
  });
});
