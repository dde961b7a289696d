/**
 * Pure parts of the console: gap grouping, the Origin rule, usage
 * aggregation and CSV, the thesaurus-canonical curated matching, the
 * answer-source parser, median.
 */

import { join } from 'node:path';
import type { FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import { ConsoleAnswerStore, readConsoleAnswerEntries } from '../../src/admin/answer-store.js';
import { median } from '../../src/admin/answer-timer.js';
import { fileSlug } from '../../src/admin/document-library.js';
import { groupSimilarGaps } from '../../src/admin/gap-queue.js';
import { sameOrigin } from '../../src/admin/origin-check.js';
import { usageCsv } from '../../src/admin/usage.js';
import { dailyChartSvg } from '../../src/admin/usage-chart.js';
import { summarise } from '../../src/admin/usage-data.js';
import { CuratedAnswerStore } from '../../src/rag/curated-answers.js';
import { thesaurusCanonicalizer } from '../../src/rag/curated-canonical.js';
import { openDatabase } from '../../src/store/database.js';
import { createThesaurus } from '../../src/text/query/thesaurus.js';
import { tempDir } from '../helpers/knowledge-base.js';

const at = (iso: string) => iso;

describe('groupSimilarGaps', () => {
  it('groups the same folded wording, then similar wordings, most asked first', () => {
    const groups = groupSimilarGaps([
      { question: 'Thủ tục đăng ký khuyến mại cần giấy tờ gì?', abstained: true, createdAt: at('2026-11-01T01:00:00Z') },
      { question: 'thu tuc dang ky khuyen mai can giay to gi', abstained: true, createdAt: at('2026-11-02T01:00:00Z') },
      { question: 'Thủ tục đăng ký khuyến mại cần giấy tờ gì ạ?', abstained: false, vote: 'down', createdAt: at('2026-11-03T01:00:00Z') },
      { question: 'Thời tiết hôm nay thế nào?', abstained: true, createdAt: at('2026-11-04T01:00:00Z') },
    ]);
    expect(groups).toHaveLength(2);
    expect(groups[0]).toMatchObject({ count: 3, abstained: 2, downVotes: 1, lastAskedAt: '2026-11-03T01:00:00Z' });
    expect(groups[0]?.variants.map((v) => v.count)).toEqual([2, 1]);
    expect(groups[0]?.question).toBe('thu tuc dang ky khuyen mai can giay to gi');
    expect(groups[1]).toMatchObject({ question: 'Thời tiết hôm nay thế nào?', count: 1 });
  });

  it('keeps different questions apart and skips empty wordings', () => {
    const groups = groupSimilarGaps([
      { question: 'Giờ làm việc của Sở?', abstained: true, createdAt: at('2026-11-01T01:00:00Z') },
      { question: 'Địa chỉ của Sở ở đâu?', abstained: true, createdAt: at('2026-11-01T02:00:00Z') },
      { question: '???', abstained: true, createdAt: at('2026-11-01T03:00:00Z') },
    ]);
    expect(groups.map((g) => g.count)).toEqual([1, 1]);
  });
});

describe('sameOrigin', () => {
  const req = (headers: Record<string, string>) => ({ headers: { host: '127.0.0.1:3000', ...headers } }) as unknown as FastifyRequest;
  const none = new Set<string>();
  it.each([
    [{}, true],
    [{ origin: 'http://127.0.0.1:3000' }, true],
    [{ origin: 'https://127.0.0.1:3000' }, true],
    [{ referer: 'http://127.0.0.1:3000/admin/documents' }, true],
    [{ origin: 'null', 'sec-fetch-site': 'same-origin' }, true],
    [{ origin: 'http://evil.example' }, false],
    [{ origin: 'http://127.0.0.1:3001' }, false],
    [{ referer: 'http://evil.example/x' }, false],
    [{ origin: 'null' }, false],
    [{ origin: 'not a url' }, false],
    [{ 'sec-fetch-site': 'cross-site' }, false],
    [{ 'sec-fetch-site': 'same-site', origin: 'http://127.0.0.1:3000' }, false],
  ])('%o → %s', (headers, expected) => {
    expect(sameOrigin(req(headers as Record<string, string>), none)).toBe(expected);
  });
  it('accepts a configured public origin', () => {
    expect(sameOrigin(req({ origin: 'https://bot.example.gov.vn' }), new Set(['bot.example.gov.vn']))).toBe(true);
  });
  it('treats the default port as the same host', () => {
    expect(sameOrigin({ headers: { host: 'localhost:80', origin: 'http://localhost' } } as unknown as FastifyRequest, none)).toBe(true);
  });
});

describe('usage', () => {
  const now = new Date('2026-11-30T05:00:00Z'); // 12:00 in Việt Nam
  const rows = [
    { channel: 'web', question: 'Câu A?', abstained: 0, created_at: '2026-11-29T18:30:00Z', vote: 'up' }, // 30/11 01:30 VN
    { channel: 'web', question: 'câu a', abstained: 1, created_at: '2026-11-29T16:30:00Z', vote: null }, // 29/11 23:30 VN
    { channel: 'telegram', question: 'Câu B?', abstained: 0, created_at: '2026-11-30T02:00:00Z', vote: 'down' },
    { channel: 'zalo', question: 'Câu C?', abstained: 0, created_at: '2026-11-20T02:00:00Z', vote: null }, // outside 3 days
  ];

  it('counts per Việt Nam day and channel, rates and top questions', () => {
    const s = summarise(rows, 3, now, { median: 120, count: 3 });
    expect(s.days.map((d) => d.date)).toEqual(['2026-11-28', '2026-11-29', '2026-11-30']);
    expect(s.days[1]).toEqual({ date: '2026-11-29', total: 1, byChannel: { web: 1 } });
    expect(s.days[2]).toEqual({ date: '2026-11-30', total: 2, byChannel: { web: 1, telegram: 1 } });
    expect(s).toMatchObject({ questions: 3, refused: 1, refusalRate: 0.3333, votesUp: 1, votesDown: 1, upRate: 0.5, downRate: 0.5, medianAnswerMs: 120 });
    expect(s.channels).toEqual(['telegram', 'web']);
    expect(s.topQuestions[0]).toEqual({ question: 'Câu A?', count: 2 });
  });

  it('no data: null rates, an empty chart that says so', () => {
    const s = summarise([], 7, now, { median: null, count: 0 });
    expect(s).toMatchObject({ questions: 0, refusalRate: null, upRate: null, medianAnswerMs: null });
    expect(dailyChartSvg(s)).toContain('Chưa có câu hỏi nào');
  });

  it('CSV: BOM, header by channel, formulas neutralised', () => {
    const s = summarise([{ channel: 'web', question: '=HYPERLINK("x")', abstained: 0, created_at: '2026-11-30T02:00:00Z', vote: null }], 1, now, {
      median: 50,
      count: 1,
    });
    const text = usageCsv(s).toString('utf8');
    expect(text.startsWith('\uFEFFNgày,Web,Tổng\r\n2026-11-30,1,1\r\n')).toBe(true);
    expect(text).toContain("'=HYPERLINK");
  });

  it('median', () => {
    expect(median([])).toBeNull();
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(3);
  });
});

describe('curated answers from the console: thesaurus-canonical matching', () => {
  const thesaurus = createThesaurus([
    ['hồ sơ', 'giấy tờ', 'đơn từ'],
    ['thành phần hồ sơ', 'cần những giấy tờ gì'],
  ]);
  const canonicalize = thesaurusCanonicalizer(thesaurus);

  it('rewrites everyday phrases to the official term, longest first', () => {
    expect(canonicalize('Cần những giấy tờ gì?')).toBe('thanh phan ho so');
    expect(canonicalize('nộp giấy tờ ở đâu')).toBe('nop ho so o dau');
  });

  it('a reworded question matches a console entry, not a file entry', () => {
    const entry = {
      id: 'console-1',
      questions: ['Đăng ký khuyến mại cần nộp hồ sơ gì?'],
      answer: 'Câu trả lời thử nghiệm đủ dài.',
      source: { doc: 'Sở Thử Nghiệm' },
    };
    const withCanon = new CuratedAnswerStore({ dir: '/nonexistent', extra: () => [entry], canonicalize });
    withCanon.reload();
    const without = new CuratedAnswerStore({ dir: '/nonexistent', extra: () => [entry] });
    without.reload();
    const reworded = 'đăng ký khuyến mại cần nộp những giấy tờ gì vậy';
    expect(without.match(reworded)).toBeNull();
    expect(withCanon.match(reworded)?.entry.id).toBe('console-1');
    expect(withCanon.match('Khuyến mại kéo dài tối đa bao lâu?')).toBeNull();
  });
});

describe('fileSlug', () => {
  it.each([
    ['Quyết định 12-QĐ.pdf', 'quyet-dinh-12-qd'],
    ['../../etc/passwd.txt', 'passwd'],
    ['Đường dẫn   nhiều   khoảng.docx', 'duong-dan-nhieu-khoang'],
    ['%%%.pdf', 'tai-lieu'],
  ])('%s → %s', (name, slug) => {
    expect(fileSlug(name)).toBe(slug);
  });
});

describe('readConsoleAnswerEntries (for the CLI)', () => {
  it('reads the answers in service from the database file, none when it is missing', () => {
    const file = join(tempDir(), 'db.sqlite');
    expect(readConsoleAnswerEntries(file, 'Sở Thử Nghiệm')).toEqual([]);
    const db = openDatabase(file);
    const store = new ConsoleAnswerStore(db, 'Sở Thử Nghiệm');
    store.add({ questions: ['Câu hỏi một?'], answer: 'Câu trả lời thứ nhất.', source: null }, new Date());
    const two = store.add({ questions: ['Câu hỏi hai?'], answer: 'Câu trả lời thứ hai.', source: { url: 'https://example.test/a' } }, new Date());
    store.update(two.id, { retired: true }, new Date());
    db.close();
    expect(readConsoleAnswerEntries(file, 'Sở Thử Nghiệm')).toEqual([
      { id: 'console-1', questions: ['Câu hỏi một?'], answer: 'Câu trả lời thứ nhất.', source: { doc: 'Sở Thử Nghiệm' } },
    ]);
  });
});
