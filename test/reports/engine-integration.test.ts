import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createConversationEngine } from '../../src/chat/engine.js';
import { SqliteChatStore } from '../../src/chat/sqlite-chat-store.js';
import { createConfig } from '../../src/config.js';
import type { Answer, QuestionAnswerer } from '../../src/core/answer.js';
import type { IncomingMessage } from '../../src/core/messages.js';
import { createReportsModule } from '../../src/reports/index.js';
import { readUnansweredQuestions } from '../../src/reports/store/unanswered-questions.js';
import type { Db } from '../../src/store/database.js';
import { silentLogger, tempDb } from './helpers.js';

const dbs: Db[] = [];
afterEach(() => {
  for (const d of dbs.splice(0)) d.close();
});

/** Always abstains, so every question lands in the admin queue. */
const abstainer: QuestionAnswerer = {
  async ask(): Promise<Answer> {
    return { answer: 'Tôi chưa có thông tin về nội dung này.', abstained: true, sources: [], ms: 1 };
  },
};

let seq = 0;
const msg = (userId: string, text: string, callbackData?: string): IncomingMessage => ({
  channel: 'telegram',
  userId,
  chatId: userId,
  messageId: `e${++seq}`,
  text,
  time: new Date('2026-11-25T03:00:00Z'),
  ...(callbackData ? { callbackData } : {}),
});

describe('reports behind the real conversation engine (same database)', () => {
  it('routes a staff report to the flow, keeps citizens out, and feeds the unanswered queue', async () => {
    const { db, dir } = tempDb();
    dbs.push(db);
    const config = createConfig({ KNOWLEDGE_DIR: path.join(import.meta.dirname, '../../knowledge'), DATA_DIR: dir });
    const chat = new SqliteChatStore(db);
    const reports = createReportsModule({ db, config, logger: silentLogger });
    const engine = createConversationEngine({
      answerer: abstainer,
      store: chat,
      logger: silentLogger,
      department: config.department,
      reportFlow: reports.flow,
    });
    const invite = chat.createInvite({ unit: 'Phòng Thử nghiệm A', role: 'staff' }, new Date());
    expect(chat.redeemInvite(invite.code, { channel: 'telegram', userId: 's1' }, new Date()).ok).toBe(true);

    const report = 'Đã đăng 2 bài về đơn giản hóa thủ tục hành chính lên Cổng thông tin điện tử của Sở hôm 12/11/2026';
    const card = await engine.handle(msg('s1', report));
    expect(card[0]?.text).toContain('II.1.c');
    expect(card[0]?.text).toContain('Đơn vị: Phòng Thử nghiệm A');
    const saved = await engine.handle(msg('s1', '', 'rp:save'));
    expect(saved[0]?.text).toMatch(/Đã lưu báo cáo #1/);
    expect(reports.store.list()[0]).toMatchObject({ unit: 'Phòng Thử nghiệm A', area: 'II.1.c', count: 2, date: '2026-11-12' });
    expect((await engine.handle(msg('s1', '/baocaocuatoi')))[0]?.text).toContain('#1');

    // A citizen's report-like text is a question, not a report.
    await engine.handle(msg('c1', report));
    expect(reports.store.list()).toHaveLength(1);
    const queue = readUnansweredQuestions(db);
    expect(queue?.map((q) => q.question)).toEqual([report]);
  });
});
