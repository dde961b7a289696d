/**
 * A "document card": one passage stating a loaded document's own metadata
 * (number, issuer, date, title, status, and for a plan its signer,
 * recipients and period) in words, so questions like "ban hành ngày nào?",
 * "ai ký?", "gửi những nơi nào?" find a passage that says it. Built only from
 * the document's metadata and its own signature / recipients blocks, never
 * from guesses.
 */
import type { DocMeta, DocSection } from './document.js';
import { STATUS_WORDS, shortDate } from './validity.js';

export const CARD_SECTION = 'Thông tin văn bản';
/** Section paths of the blocks the card reads (see plan-sections.ts). */
export const SIGNATURE_SECTION = 'Chữ ký';
export const RECIPIENTS_SECTION = 'Nơi nhận';

/** `2022-07-22` → `ngày 22 tháng 7 năm 2022 (22/7/2022)` */
export function vietnameseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `ngày ${d} tháng ${m} năm ${y} (${d}/${m}/${y})`;
}

/** Who signed a document, as printed in its signature block. */
export interface Signer {
  /** e.g. `Giám đốc` (from `GIÁM ĐỐC`, `KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC` kept as printed, lower-cased). */
  title: string;
  name: string;
}

/** Everything the sources state about a document itself. */
export interface DocumentFacts {
  id: string;
  number: string | null;
  type: string;
  title: string;
  issuer: string | null;
  date: string | null;
  status: DocMeta['status'];
  signer: Signer | null;
  /** The recipients as listed under "Nơi nhận" (filing lines excluded), or null. */
  recipients: string[] | null;
  /** The period named in the title, e.g. `2022 - 2025`, or null. */
  period: string | null;
  /** Where it was issued, from its heading line ("Quảng Ngãi, ngày …"), or null. */
  place: string | null;
}

/** Section path of a plan's heading block. */
export const PREAMBLE_SECTION = 'Phần mở đầu';

/** "Quảng Ngãi, ngày 22 tháng 7 năm 2022" → `Quảng Ngãi`. */
export function issuePlace(text: string): string | null {
  const m = /^\s*([\p{L} .'-]{2,40}?),\s*ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}/mu.exec(text);
  return m?.[1]?.trim() ?? null;
}

const UPPER_WORD = /^[\p{Lu}.]+$/u;

function capitalise(s: string): string {
  const lower = s.toLocaleLowerCase('vi');
  return lower.charAt(0).toLocaleUpperCase('vi') + lower.slice(1);
}

/** `Chữ ký\nNgười ký: GIÁM ĐỐC Võ Văn Rân` → `{ title: 'Giám đốc', name: 'Võ Văn Rân' }`. */
export function parseSigner(text: string): Signer | null {
  const line = text.split('\n').find((l) => /^Người ký\s*:/.test(l.trim())) ?? '';
  const words = line
    .replace(/^\s*Người ký\s*:\s*/, '')
    .split(/\s+/)
    .filter(Boolean);
  const at = words.findIndex((w) => !UPPER_WORD.test(w));
  if (at <= 0) return null;
  const name = words.slice(at).join(' ');
  return name ? { title: capitalise(words.slice(0, at).join(' ')), name } : null;
}

/** Lines of a "Nơi nhận" block, without the heading and the filing line ("Lưu: …"). */
export function parseRecipients(text: string): string[] {
  return text
    .split('\n')
    .map((l) =>
      l
        .trim()
        .replace(/^[-•+*]\s*/, '')
        .replace(/[;.,]+$/, '')
        .trim(),
    )
    .filter((l) => l && !/^Nơi nhận\s*:?$/i.test(l) && !/^Lưu\s*:/i.test(l));
}

/** The period a title names: "… giai đoạn 2022 - 2025" → `2022 - 2025`. */
export function titlePeriod(title: string): string | null {
  const m = /giai đoạn\s+(\d{4})\s*[-–—]\s*(\d{4})/i.exec(title) ?? /(?:năm|đến năm)\s+(\d{4})(?:\s*[-–—]\s*(\d{4}))?/i.exec(title);
  if (!m) return null;
  return m[2] ? `${m[1]} - ${m[2]}` : (m[1] ?? null);
}

/**
 * The facts of a document: its metadata, plus the signer and the recipients
 * read from its own blocks.
 * @param sectionText the text of one of the document's sections, by path
 */
export function documentFacts(meta: DocMeta, sectionText: (path: string) => string | undefined): DocumentFacts {
  const sig = sectionText(SIGNATURE_SECTION);
  const rec = sectionText(RECIPIENTS_SECTION);
  const recipients = rec ? parseRecipients(rec) : [];
  return {
    id: meta.id,
    number: meta.number,
    type: meta.type,
    title: meta.title,
    issuer: meta.issuer,
    date: meta.date,
    status: meta.status,
    signer: sig ? parseSigner(sig) : null,
    recipients: recipients.length > 0 ? recipients : null,
    period: titlePeriod(meta.title),
    place: issuePlace(sectionText(PREAMBLE_SECTION) ?? ''),
  };
}

/**
 * The card, or null for documents without a number or date.
 * @param sections the document's own sections (for the signer and the recipients)
 */
export function documentCard(meta: DocMeta, sections: readonly DocSection[] = []): DocSection | null {
  if (!meta.fulltext || (!meta.number && !meta.date)) return null;
  const facts = documentFacts(meta, (path) => sections.find((s) => s.path === path)?.text);
  const type = meta.type.charAt(0).toUpperCase() + meta.type.slice(1);
  const parts = [`${type}${meta.number ? ` số ${meta.number}` : ''}: ${meta.title}.`];
  if (meta.issuer) parts.push(`Cơ quan ban hành: ${meta.issuer}.`);
  if (meta.date) parts.push(`Ban hành ${vietnameseDate(meta.date)}${facts.place ? ` tại ${facts.place}` : ''}.`);
  if (facts.period) parts.push(`Giai đoạn thực hiện: ${facts.period}.`);
  if (facts.signer) parts.push(`Người ký: ${facts.signer.name} (${facts.signer.title}).`);
  if (facts.recipients) parts.push(`Nơi nhận: ${facts.recipients.join('; ')}.`);
  parts.push(`Tình trạng hiệu lực: ${STATUS_WORDS[meta.status]}.`);
  if (meta.effective) parts.push(`Có hiệu lực từ ${shortDate(meta.effective)}.`);
  if (meta.replacedBy) parts.push(`Được thay thế bởi: ${meta.replacedBy}${meta.validUntil ? ` (áp dụng đến hết ${shortDate(meta.validUntil)})` : ''}.`);
  if (meta.amendedBy.length > 0) parts.push(`Được sửa đổi, bổ sung bởi: ${meta.amendedBy.join(', ')}.`);
  if (meta.source) parts.push(`Nguồn: ${meta.source}`);
  return { path: CARD_SECTION, trail: [meta.title, CARD_SECTION], text: `${CARD_SECTION}\n${parts.join('\n')}`, kind: 'passage' };
}
