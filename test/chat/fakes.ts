/** Test doubles for the conversation engine. */
import pino from 'pino';
import type { Answer, AskOptions, QuestionAnswerer, SourceRef } from '../../src/core/answer.js';
import type { Identity, IncomingMessage, OutgoingReply, ReportFlow, ReportTurn } from '../../src/core/messages.js';

export const silentLogger = pino({ level: 'silent' });

export const department = { name: 'Sở Thử Nghiệm', phone: '0000 000 000' };

/** Answers by echoing the question; records every call. "ngoài phạm vi" questions abstain. */
export class FakeAnswerer implements QuestionAnswerer {
  calls: Array<{ question: string; options?: AskOptions }> = [];
  fail = false;
  async ask(question: string, options?: AskOptions): Promise<Answer> {
    this.calls.push({ question, ...(options ? { options } : {}) });
    if (this.fail) throw new Error('llm down');
    const abstained = question.includes('ngoài phạm vi');
    const source: SourceRef = { doc: 'DOC-1', section: 'II.1', title: 'Mục thử', text: `Đoạn về ${question}`, score: 1 };
    return {
      answer: abstained ? 'Tôi chưa tìm thấy thông tin.' : `Trả lời: ${question} [DOC-1, II.1]`,
      abstained,
      sources: abstained ? [] : [source],
      ms: 1,
    };
  }
}

/** A report flow that takes texts starting with "BC:" and keeps one draft per chat. */
export class FakeReportFlow implements ReportFlow {
  handled: Array<{ msg: IncomingMessage; identity: Identity }> = [];
  drafts = new Set<string>();
  looksLikeReport(text: string): boolean {
    return text.startsWith('BC:');
  }
  hasOpenDraft(msg: IncomingMessage): boolean {
    return this.drafts.has(msg.chatId);
  }
  /** A draft takes everything except texts ending with "?"; "BC:" opens one. */
  classify(msg: IncomingMessage): ReportTurn {
    if (this.drafts.has(msg.chatId)) {
      return msg.text.trim().endsWith('?') ? { kind: 'question', evidence: 'fake: ends with ?' } : { kind: 'unclear', evidence: 'fake: draft open' };
    }
    return this.looksLikeReport(msg.text) ? { kind: 'new-report', evidence: 'fake: BC:' } : { kind: 'not-report', evidence: 'fake' };
  }
  async handle(msg: IncomingMessage, identity: Identity): Promise<OutgoingReply[] | null> {
    this.handled.push({ msg, identity });
    if (msg.text.trim() === '/huy') {
      this.drafts.delete(msg.chatId);
      return [{ text: 'Đã hủy bản nháp báo cáo.', kind: 'report' }];
    }
    this.drafts.add(msg.chatId);
    return [{ text: `Nháp: ${msg.callbackData ?? msg.text}`, kind: 'report', buttons: [[{ label: 'Lưu', data: 'rp:save' }]] }];
  }
}

let seq = 0;
/** Build an incoming message. */
export function message(text: string, over: Partial<IncomingMessage> = {}): IncomingMessage {
  seq++;
  return {
    channel: 'telegram',
    userId: 'u1',
    chatId: 'c1',
    messageId: `m${seq}`,
    text,
    time: new Date('2025-01-01T00:00:00Z'),
    ...over,
  };
}
