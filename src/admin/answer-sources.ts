/**
 * The source of a console answer, as staff type it: a web address, a
 * document id (`1523/KH-SCT`) or "document id, section" (`99/QĐ-THU, Điều 2`).
 * Document ids must be in the knowledge base; nothing is guessed.
 */
import type { CuratedSource } from '../rag/curated-answers.js';
import { sourceLabel } from '../rag/curated-answers.js';
import type { KnowledgeBase } from '../rag/knowledge-base.js';
import { ConsoleError } from './console-errors.js';

/** Parse a typed source against the base answering now; throws a 400 naming the problem. */
export function parseAnswerSource(text: string | undefined, kb: KnowledgeBase | undefined): CuratedSource | null {
  const s = (text ?? '').trim();
  if (s === '') return null;
  if (/^https?:\/\//i.test(s)) {
    try {
      return { url: new URL(s).toString() };
    } catch {
      throw new ConsoleError(400, 'INPUT_INVALID', `Nguồn "${s}" không phải địa chỉ web hợp lệ.`);
    }
  }
  const docs = new Set(kb?.snapshot.documents.map((d) => d.id) ?? []);
  if (docs.has(s)) return { doc: s };
  const comma = s.indexOf(',');
  if (comma > 0) {
    const doc = s.slice(0, comma).trim();
    const section = s.slice(comma + 1).trim();
    if (docs.has(doc) && section) return { doc, section };
  }
  throw new ConsoleError(
    400,
    'INPUT_INVALID',
    `Nguồn "${s}" không có trong kho tri thức. Ghi mã văn bản (ví dụ số hiệu), "mã văn bản, mục" hoặc một địa chỉ web bắt đầu bằng https://.`,
  );
}

/** How a source is shown in the console (`—` when none). */
export const sourceText = (s: CuratedSource | null): string => (s ? sourceLabel(s) : '');
