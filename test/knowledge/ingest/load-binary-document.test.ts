import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../src/errors.js';
import type { LoadedDocument } from '../../../src/knowledge/document.js';
import { isSupportedBinaryFile, loadBinaryDocument, SUPPORTED_BINARY_EXTENSIONS } from '../../../src/knowledge/ingest/load-binary-document.js';
import { buildDecisionDocx, buildDecisionPdf, buildEmptyDocx, type DecisionSpec, sampleDecisionSpec } from './fixtures.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'x-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const write = (name: string, data: string | Buffer): string => {
  const p = path.join(dir, name);
  fs.mkdirSync(path.dirname(p), { recursive: true });
  fs.writeFileSync(p, data);
  return p;
};

const UNIQUE = 'sổ theo dõi màu xanh lam';

/** The sample decision with Điều 3's unique sentence broken across a page (PDF) or paragraphs (DOCX). */
function spec(): DecisionSpec {
  const s = sampleDecisionSpec();
  const d3 = s.articles[2];
  if (d3)
    d3.paragraphs = [
      d3.paragraphs[0] as string,
      '2. Mỗi phản ánh được ghi vào sổ theo dõi',
      '\f',
      'màu xanh lam của bộ phận một cửa.',
      d3.paragraphs[2] as string,
    ];
  return s;
}

function expectDecision(doc: LoadedDocument, rel: string): void {
  expect(doc.file).toBe(rel);
  expect(doc.meta).toMatchObject({
    id: '99/QĐ-THU',
    number: '99/QĐ-THU',
    date: '2024-03-05',
    issuer: 'UBND tỉnh Thu',
    type: 'quyết định',
    title: 'Về việc ban hành Quy chế tiếp nhận phản ánh của người dân trên địa bàn tỉnh Thu (hư cấu)',
    structure: 'legal',
    fulltext: true,
    verified: false,
  });
  const d3 = doc.sections.filter((s) => s.path === 'Điều 3' || s.path.startsWith('Điều 3,'));
  expect(d3.length).toBeGreaterThan(0);
  expect(d3.some((s) => s.text.includes(`${UNIQUE} của bộ phận một cửa`))).toBe(true);
  expect(doc.sections.filter((s) => s.text.includes(UNIQUE)).map((s) => s.path)).toEqual(d3.filter((s) => s.text.includes(UNIQUE)).map((s) => s.path));
  expect(doc.sections.map((s) => s.path)).toEqual(expect.arrayContaining(['Phần mở đầu', 'Điều 1', 'Điều 2', 'Nơi nhận']));
  expect(doc.sections.find((s) => s.path === 'Nơi nhận')?.text).toContain('Lưu: VT.');
}

describe('loadBinaryDocument', () => {
  it('ingests a DOCX decision', async () => {
    const rel = 'qd/quyet-dinh-99.docx';
    expectDecision(await loadBinaryDocument(write(rel, await buildDecisionDocx(spec())), rel), rel);
  });

  it('ingests a PDF decision (two-column header, sentence broken by a page)', async () => {
    const rel = 'quyet-dinh-99.pdf';
    expectDecision(await loadBinaryDocument(write(rel, await buildDecisionPdf(spec())), rel), rel);
  });

  it('lets the sidecar override header values and set verified', async () => {
    const rel = 'luat-thu.pdf';
    const file = write(rel, await buildDecisionPdf(spec()));
    write(`${rel}.meta.yaml`, 'id: Quy chế phản ánh tỉnh Thu\nissuer: UBND tỉnh Thu (hư cấu)\nverified: true\nstatus: in force\n');
    const doc = await loadBinaryDocument(file, rel);
    expect(doc.meta).toMatchObject({
      id: 'Quy chế phản ánh tỉnh Thu',
      issuer: 'UBND tỉnh Thu (hư cấu)',
      verified: true,
      status: 'in force',
      number: '99/QĐ-THU',
      date: '2024-03-05',
    });
    expect(doc.meta.aliases).toContain('99/QĐ-THU');
  });

  it('rejects a bad sidecar with KNOWLEDGE_INVALID', async () => {
    const rel = 'sidecar-hong.docx';
    const file = write(rel, await buildDecisionDocx(spec()));
    write(`${rel}.meta.yaml`, 'date: hôm qua\n');
    await expect(loadBinaryDocument(file, rel)).rejects.toMatchObject({
      code: 'KNOWLEDGE_INVALID',
      message: expect.stringContaining(`${rel}.meta.yaml: date:`),
    });
  });

  it('uses the file name as id and the plain fallback for a text without header or Điều', async () => {
    const rel = 'ghi-chu/huong-dan-noi-bo.txt';
    const doc = await loadBinaryDocument(write(rel, 'Đoạn thứ nhất về giờ làm việc.\n\nĐoạn thứ hai về nơi nộp hồ sơ.'), rel);
    expect(doc.meta).toMatchObject({ id: 'huong-dan-noi-bo', title: 'huong-dan-noi-bo', number: null, type: 'khác', structure: 'plain' });
    expect(doc.sections.map((s) => s.path)).toEqual(['Đoạn 1']);
  });

  it('derives a law alias from its title and year', async () => {
    const rel = 'luat.txt';
    const text = 'QUỐC HỘI\nLuật số: 02/2011/QH13\nLUẬT\nKHIẾU NẠI\nCăn cứ Hiến pháp;\nĐiều 9. Thời hiệu khiếu nại\nThời hiệu khiếu nại là 90 ngày.';
    const doc = await loadBinaryDocument(write(rel, text), rel);
    expect(doc.meta).toMatchObject({ id: '02/2011/QH13', title: 'Luật Khiếu nại', type: 'luật', aliases: ['Luật Khiếu nại 2011'] });
    expect(doc.sections.find((s) => s.path === 'Điều 9')?.trail).toEqual(['Luật Khiếu nại', 'Điều 9. Thời hiệu khiếu nại']);
  });

  it('strips navigation and scripts from HTML before parsing', async () => {
    const rel = 'web/qd-12.html';
    const html = `<html><body><nav>Trang chủ | Văn bản | Liên hệ</nav><script>alert("x")</script>
      <p>ỦY BAN NHÂN DÂN TỈNH THU</p><p>Số: 12/QĐ-UBND</p><h2>QUYẾT ĐỊNH</h2><p>Về việc thử nghiệm trang web</p>
      <p>Điều 1. Hiệu lực</p><p>Quyết định có hiệu lực từ ngày ký.</p></body></html>`;
    const doc = await loadBinaryDocument(write(rel, html), rel);
    expect(doc.meta).toMatchObject({ id: '12/QĐ-UBND', issuer: 'UBND tỉnh Thu', type: 'quyết định', title: 'Về việc thử nghiệm trang web' });
    const all = doc.sections.map((s) => s.text).join('\n');
    expect(all).not.toMatch(/Trang chủ|alert/u);
    expect(doc.sections.find((s) => s.path === 'Điều 1')?.text).toBe('Điều 1. Hiệu lực\nQuyết định có hiệu lực từ ngày ký.');
  });

  it('rejects a corrupt PDF and an empty DOCX with KNOWLEDGE_FILE_UNREADABLE naming the relative path', async () => {
    for (const [rel, data] of [
      ['hong/ngau-nhien.pdf', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 2654435761) % 251))],
      ['hong/trong.docx', await buildEmptyDocx()],
    ] as const) {
      const err = await loadBinaryDocument(write(rel, data), rel).then(
        () => null,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).code).toBe('KNOWLEDGE_FILE_UNREADABLE');
      expect((err as AppError).message.startsWith(`${rel}: `)).toBe(true);
    }
  });
});

describe('supported extensions', () => {
  it('lists the binary formats and matches them case-insensitively', () => {
    expect(SUPPORTED_BINARY_EXTENSIONS).toEqual(['.pdf', '.docx', '.html', '.htm', '.txt']);
    expect(isSupportedBinaryFile('a/B.PDF')).toBe(true);
    expect(isSupportedBinaryFile('ke-hoach.md')).toBe(false);
  });
});
