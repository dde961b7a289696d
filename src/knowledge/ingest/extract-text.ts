/**
 * Plain text out of a knowledge file, by extension: `.docx` (mammoth),
 * `.pdf` (pdf-parse 2), `.html` / `.htm` (html-to-text), `.txt` (UTF-8).
 * The result is NFC with `\n` line endings; PDF pages are separated by a
 * blank line, their running headers and footers removed.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { htmlToText } from 'html-to-text';
import mammoth from 'mammoth';
import { AppError, isAppError } from '../../errors.js';
import { stripRunningHeaders } from './pdf-pages.js';

/** Fail with `KNOWLEDGE_FILE_UNREADABLE`, naming the file. */
const unreadable = (name: string, reason: string, cause?: unknown): AppError => new AppError('KNOWLEDGE_FILE_UNREADABLE', `${name}: ${reason}`, { cause });

async function readBytes(file: string, name: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch (err) {
    throw unreadable(name, 'không mở được tệp', err);
  }
}

async function fromDocx(data: Buffer, name: string): Promise<string> {
  try {
    return (await mammoth.extractRawText({ buffer: data })).value;
  } catch (err) {
    throw unreadable(name, 'tệp DOCX bị hỏng hoặc không đúng định dạng', err);
  }
}

let pdfParse: Promise<typeof import('pdf-parse')> | undefined;

/**
 * pdf-parse, loaded on first use. Its pdfjs build installs core-js polyfills
 * that replace the native `Array.prototype.push` and `JSON.parse` for the
 * whole process (pushes about 3× slower everywhere, the answer path
 * included): the natives are put back once it is loaded.
 */
function loadPdfParse(): Promise<typeof import('pdf-parse')> {
  pdfParse ??= (async () => {
    const { push } = Array.prototype;
    const { parse } = JSON;
    try {
      return await import('pdf-parse');
    } finally {
      Array.prototype.push = push;
      JSON.parse = parse;
    }
  })();
  return pdfParse;
}

async function fromPdf(data: Buffer, name: string): Promise<string> {
  const { PDFParse } = await loadPdfParse();
  const parser = new PDFParse({ data: new Uint8Array(data) });
  try {
    const result = await parser.getText({ pageJoiner: '' });
    return stripRunningHeaders(result.pages.map((p) => p.text.trim())).join('\n\n');
  } catch (err) {
    const kind = err instanceof Error ? err.name : '';
    if (kind === 'PasswordException') throw unreadable(name, 'tệp PDF được bảo vệ bằng mật khẩu', err);
    throw unreadable(name, 'tệp PDF bị hỏng hoặc không đúng định dạng', err);
  } finally {
    await parser.destroy().catch(() => undefined);
  }
}

/** Block-level elements that become their own lines; scripts, navigation and media are dropped. */
const HTML_OPTIONS = {
  wordwrap: false as const,
  selectors: [
    ...['script', 'style', 'noscript', 'nav', 'img', 'svg', 'iframe', 'form', 'button', 'select', 'template'].map((selector) => ({
      selector,
      format: 'skip',
    })),
    { selector: 'a', options: { ignoreHref: true } },
    ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((selector) => ({ selector, options: { uppercase: false } })),
    { selector: 'table', format: 'dataTable', options: { uppercaseHeaderCells: false } },
  ],
};

function fromHtml(data: Buffer, name: string): string {
  try {
    return htmlToText(decodeUtf8(data, name), HTML_OPTIONS);
  } catch (err) {
    if (isAppError(err)) throw err;
    throw unreadable(name, 'không đọc được nội dung HTML', err);
  }
}

function decodeUtf8(data: Buffer, name: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data).replace(/^\uFEFF/, '');
  } catch (err) {
    throw unreadable(name, 'tệp không phải văn bản UTF-8', err);
  }
}

/** Extensions {@link extractText} understands. */
export type TextExtension = '.pdf' | '.docx' | '.html' | '.htm' | '.txt';

/**
 * Extract the plain text of a `.pdf`, `.docx`, `.html`/`.htm` or `.txt` file.
 * @param file path to read
 * @param displayName how the file is named in error messages (default: `file`)
 * @throws AppError `KNOWLEDGE_FILE_UNREADABLE` (`<file>: <lý do>`) for a missing,
 *   corrupt, encrypted or unsupported file, or one with no text (e.g. a scanned PDF)
 */
export async function extractText(file: string, displayName: string = file): Promise<string> {
  const ext = path.extname(file).toLowerCase();
  let text: string;
  switch (ext) {
    case '.docx':
      text = await fromDocx(await readBytes(file, displayName), displayName);
      break;
    case '.pdf':
      text = await fromPdf(await readBytes(file, displayName), displayName);
      break;
    case '.html':
    case '.htm':
      text = fromHtml(await readBytes(file, displayName), displayName);
      break;
    case '.txt':
      text = decodeUtf8(await readBytes(file, displayName), displayName);
      break;
    default:
      throw unreadable(displayName, `định dạng "${ext || '(không có phần mở rộng)'}" không được hỗ trợ`);
  }
  const out = text
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/\u00a0/g, ' ')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  if (out.replace(/[\s\p{P}]/gu, '') === '') {
    const hint = ext === '.pdf' ? ' (có thể là bản scan, cần nhận dạng ký tự OCR)' : '';
    throw unreadable(displayName, `không có nội dung văn bản${hint}`);
  }
  return out;
}
