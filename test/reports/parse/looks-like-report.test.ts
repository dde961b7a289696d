import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { looksLikeReport } from '../../../src/reports/parse/index.js';
import { ROOT } from './helpers.js';
import { OWN_REPORTS } from './own-reports.js';

const jsonl = (file: string) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);

describe('looksLikeReport', () => {
  it.each([
    'Đã đăng 3 tin về DVC trực tuyến trên Cổng TTĐT ngày 20/11',
    'hom qua to chuc hoi nghi doi thoai, 45 doanh nghiep du',
    'Phát 100 tờ rơi về bảo vệ môi trường',
    'tổ chức hội nghị tập huấn cho cán bộ',
    'Chia sẻ 2 bài trên Facebook',
    'vừa treo 5 băng rôn tại trụ sở',
    '/baocao xong rồi',
    'Em đã đăng 3 tin trên Zalo rồi ạ',
  ])('report: %s', (text) => {
    expect(looksLikeReport(text)).toBe(true);
  });

  it.each([
    'ai phụ trách đăng tin?',
    'Đăng tin trên Cổng TTĐT thì gửi cho ai',
    'Làm sao để đăng tin lên Zalo?',
    'thủ tục cấp giấy phép kinh doanh rượu như thế nào',
    'Kế hoạch 1523 có mấy nội dung?',
    'hội nghị đối thoại doanh nghiệp tổ chức từ bao giờ',
    'tap huan dvc truc tuyen to chuc bh',
    // A chat "vậy" closing the question.
    'hội nghị đối thoại tổ chức mấy lần 1 năm zị',
    'xin chào',
    'cảm ơn',
    'có phải tổ chức hội nghị hằng năm không',
    'Viết giúp tôi 2 bài về cải cách hành chính',
    'Hãy đăng 3 tin lên Zalo',
  ])('not a report: %s', (text) => {
    expect(looksLikeReport(text)).toBe(false);
  });

  it('accepts every report message of our own set', () => {
    const texts = OWN_REPORTS.map((r) => r.text);
    expect(texts.filter((t) => !looksLikeReport(t))).toEqual([]);
  });

  it("rejects every question of the project's own question sets", () => {
    const dir = resolve(ROOT, 'bench', 'data', 'questions');
    const questions = [
      resolve(ROOT, 'bench', 'data', 'own-questions.jsonl'),
      ...readdirSync(dir)
        .filter((f) => f.endsWith('.jsonl'))
        .map((f) => resolve(dir, f)),
    ]
      .flatMap((f) => jsonl(f))
      .map((r) => String(r.q));
    expect(questions.length).toBeGreaterThan(0);
    expect(questions.filter((q) => looksLikeReport(q))).toEqual([]);
  });
});
