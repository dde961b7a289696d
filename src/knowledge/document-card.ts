/**
 * A "document card": one passage stating a loaded document's own metadata
 * (number, issuer, date, title, status) in words, so questions like "ban
 * hành ngày nào?", "do ai ban hành?" find a passage that says it. Built only
 * from the document's metadata, never from guesses.
 */
import type { DocMeta, DocSection } from './document.js';
import { STATUS_WORDS, shortDate } from './validity.js';

export const CARD_SECTION = 'Thông tin văn bản';

/** `2022-07-22` → `ngày 22 tháng 7 năm 2022 (22/7/2022)` */
export function vietnameseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `ngày ${d} tháng ${m} năm ${y} (${d}/${m}/${y})`;
}

/** The card, or null for documents without a number or date. */
export function documentCard(meta: DocMeta): DocSection | null {
  if (!meta.fulltext || (!meta.number && !meta.date)) return null;
  const type = meta.type.charAt(0).toUpperCase() + meta.type.slice(1);
  const parts = [`${type}${meta.number ? ` số ${meta.number}` : ''}: ${meta.title}.`];
  if (meta.issuer) parts.push(`Cơ quan ban hành: ${meta.issuer}.`);
  if (meta.date) parts.push(`Ban hành ${vietnameseDate(meta.date)}.`);
  parts.push(`Tình trạng hiệu lực: ${STATUS_WORDS[meta.status]}.`);
  if (meta.effective) parts.push(`Có hiệu lực từ ${shortDate(meta.effective)}.`);
  if (meta.replacedBy) parts.push(`Được thay thế bởi: ${meta.replacedBy}${meta.validUntil ? ` (áp dụng đến hết ${shortDate(meta.validUntil)})` : ''}.`);
  if (meta.amendedBy.length > 0) parts.push(`Được sửa đổi, bổ sung bởi: ${meta.amendedBy.join(', ')}.`);
  if (meta.source) parts.push(`Nguồn: ${meta.source}`);
  return { path: CARD_SECTION, trail: [meta.title, CARD_SECTION], text: `${CARD_SECTION}\n${parts.join('\n')}`, kind: 'passage' };
}
