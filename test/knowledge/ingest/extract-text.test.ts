import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../src/errors.js';
import { extractText } from '../../../src/knowledge/ingest/extract-text.js';
import { buildDecisionDocx, buildDecisionPdf, buildEmptyDocx, sampleDecisionSpec } from './fixtures.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'x-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const write = (name: string, data: string | Buffer): string => {
  const p = path.join(dir, name);
  fs.writeFileSync(p, data);
  return p;
};

/** Expect `extractText` to reject with KNOWLEDGE_FILE_UNREADABLE naming the file. */
async function expectUnreadable(file: string, name = path.basename(file)): Promise<AppError> {
  const err = await extractText(file, name).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  const appErr = err as AppError;
  expect(appErr.code).toBe('KNOWLEDGE_FILE_UNREADABLE');
  expect(appErr.message.startsWith(`${name}: `)).toBe(true);
  return appErr;
}

describe('extractText', () => {
  it('reads a DOCX with Vietnamese text', async () => {
    const text = await extractText(write('qd.docx', await buildDecisionDocx(sampleDecisionSpec())));
    expect(text).toContain('Số: 99/QĐ-THU');
    expect(text).toContain('Điều 3. Tổ chức thực hiện');
    expect(text).toBe(text.normalize('NFC'));
  });

  it('reads a PDF and keeps page breaks as blank lines', async () => {
    const spec = sampleDecisionSpec();
    spec.articles[0]?.paragraphs.push('\f', 'Trang sau có đoạn này.');
    const text = await extractText(write('qd.pdf', await buildDecisionPdf(spec)));
    expect(text).toContain('Số: 99/QĐ-THU');
    expect(text).toContain('sổ theo dõi màu xanh lam');
    expect(text).toMatch(/\n\n2\nTrang sau có đoạn này\./u);
  });

  it('leaves the native Array.prototype.push and JSON.parse in place after reading a PDF (pdfjs polyfills them)', async () => {
    const native = (f: unknown) => Function.prototype.toString.call(f).includes('[native code]');
    await extractText(write('native.pdf', await buildDecisionPdf(sampleDecisionSpec())));
    expect(native(Array.prototype.push)).toBe(true);
    expect(native(JSON.parse)).toBe(true);
    const a: number[] = [];
    a.push(1, 2);
    expect(a).toEqual([1, 2]);
  });

  it('drops a running header repeated on the top of most PDF pages', async () => {
    const spec = sampleDecisionSpec();
    spec.runningHeader = 'CÔNG BÁO TỈNH THU/Số 7/Ngày 05-3-2024';
    spec.articles[1]?.paragraphs.push('\f', 'Đoạn ở trang hai.', '\f', 'Đoạn ở trang ba.', '\f', 'Đoạn ở trang bốn.');
    const text = await extractText(write('cong-bao.pdf', await buildDecisionPdf(spec)));
    expect(text).toContain('Đoạn ở trang bốn.');
    expect(text).not.toContain('CÔNG BÁO');
  });

  it('reads HTML without scripts, styles, navigation or images, headings as lines', async () => {
    const html = `<!doctype html><html><head><meta charset="utf-8"><title>t</title><style>p{color:red}</style>
      <script>var bienBiMat = 1;</script></head><body>
      <nav><a href="/">Trang chủ</a> | <a href="/tin">Tin tức</a></nav>
      <h1>Quyết định số 12/QĐ-THU</h1><img src="logo.png" alt="Logo Sở">
      <p>Điều 1. Phạm vi <a href="http://example.test/x">điều chỉnh</a></p>
      <p>Nội dung&nbsp;điều một.</p><noscript>Bật JavaScript</noscript></body></html>`;
    const text = await extractText(write('qd.html', html));
    const lines = text.split('\n').filter((l) => l.trim() !== '');
    expect(lines).toEqual(['Quyết định số 12/QĐ-THU', 'Điều 1. Phạm vi điều chỉnh', 'Nội dung điều một.']);
  });

  it('reads .htm like .html', async () => {
    expect(await extractText(write('a.htm', '<p>Xin chào</p>'))).toBe('Xin chào');
  });

  it('reads UTF-8 text, strips the BOM and normalises to NFC and \\n', async () => {
    const nfd = 'Điều 1. Quyết định'.normalize('NFD');
    const text = await extractText(write('a.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${nfd}\r\nDòng hai`)])));
    expect(text).toBe('Điều 1. Quyết định\nDòng hai');
  });

  it('rejects a corrupt PDF naming the file', async () => {
    const err = await expectUnreadable(write('hong.pdf', Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 7919) % 256))));
    expect(err.message).toContain('PDF');
  });

  it('rejects a password-protected PDF naming the file', async () => {
    const err = await expectUnreadable(write('mat-khau.pdf', await buildDecisionPdf(sampleDecisionSpec(), { userPassword: 'bimat' })));
    expect(err.message).toContain('mật khẩu');
  });

  it('rejects an empty DOCX naming the file', async () => {
    const err = await expectUnreadable(write('trong.docx', await buildEmptyDocx()));
    expect(err.message).toContain('không có nội dung');
  });

  it('rejects a corrupt DOCX, a non-UTF-8 TXT, a missing file and an unsupported extension', async () => {
    await expectUnreadable(write('hong.docx', 'not a zip'));
    await expectUnreadable(write('cp1258.txt', Buffer.from([0x44, 0xd0, 0xec, 0x75])));
    await expectUnreadable(path.join(dir, 'khong-co.pdf'), 'khong-co.pdf');
    const err = await expectUnreadable(write('bang.xlsx', 'x'));
    expect(err.message).toContain('.xlsx');
  });

  it('uses the display name in messages', async () => {
    const file = write('rong.txt', '  \n\n ');
    await expectUnreadable(file, 'thu-muc/rong.txt');
  });
});
