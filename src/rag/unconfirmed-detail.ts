/**
 * Details the knowledge marks as not confirmed: the knowledge files say
 * "X … là chưa có thông tin được xác nhận" where a fact is not known
 * ("Trọng số hiện hành của từng chỉ số thành phần là chưa có thông tin được
 * xác nhận"). A question that asks for that X ("Trọng số của chỉ số … là bao
 * nhiêu?") is not answered by the passage around it: it is refused with the
 * detail-gap message, which names the passage and the detail it lacks.
 *
 * The asked detail is matched by two-syllable words: a pair of the
 * question's syllables that the marked clause's subject writes, that the
 * passage's headings do not (a heading names the topic, not the missing
 * detail), and that no other clause of the passage writes without the mark.
 */
import { foldText, normalizeText } from '../text/normalize.js';

/** A passage as the check reads it. */
export interface DetailPassage {
  text: string;
  docTitle: string;
  trail: readonly string[];
}

const UNCONFIRMED = /(?:là\s+)?(?:chưa có thông tin được xác nhận|chưa được xác nhận|unverified)/iu;
/** Syllables too common to name a detail on their own. */
const COMMON = new Set(
  'la cua va cac nhung co duoc thi cho ve tu den nay tren theo mot hai ba nam chi tinh quang ngai thong tin xac nhan chua nao gi bao nhieu may ai o dau the ra sao khi sau truoc sang hien tung moi'.split(
    ' ',
  ),
);

/** Two-syllable words too general to name the missing detail ("hồ sơ", "văn bản", "áp dụng"). */
const GENERAL_PAIRS = new Set([
  'ho so',
  'van ban',
  'ap dung',
  'thuc hien',
  'trung tam',
  'co quan',
  'don vi',
  'nguoi dan',
  'doanh nghiep',
  'hien nay',
  'sap xep',
]);
/** "xem ở đâu", "tra cứu ở đâu": where to look a detail up; the passage's pointer answers it. */
const ASKS_WHERE_TO_LOOK = /(?<![\p{L}])(?:xem|tra cứu|tra cuu|tìm|tim|hỏi|hoi)\s+(?:\p{L}+\s+){0,2}?(?:ở đâu|o dau|đâu|dau)(?![\p{L}])/iu;

/** Folded syllables. */
function syllables(text: string): string[] {
  return foldText(normalizeText(text))
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
}

/** Adjacent syllable pairs of two uncommon syllables. */
function pairs(text: string): Set<string> {
  const s = syllables(text);
  const out = new Set<string>();
  for (let i = 0; i + 1 < s.length; i++) {
    const a = s[i] ?? '';
    const b = s[i + 1] ?? '';
    if (COMMON.has(a) || COMMON.has(b)) continue;
    if (/^\d+$/.test(a) || /^\d+$/.test(b) || GENERAL_PAIRS.has(`${a} ${b}`)) continue;
    out.add(`${a} ${b}`);
  }
  return out;
}

/** Clauses of a passage: sentences, semicolon parts, lines. */
function clauses(text: string): string[] {
  return text
    .split(/;|\n|(?<=[^\d\s])\.\s+|\.\s+(?=\p{Lu})/u)
    .map((c) => c.trim())
    .filter(Boolean);
}

/** The detail asked that the passage marks as not confirmed ("trọng số"), as the passage writes its subject; null otherwise. */
export function unconfirmedDetail(question: string, passage: DetailPassage): string | null {
  // Most passages mark nothing as unconfirmed: nothing to compare then.
  if (!UNCONFIRMED.test(passage.text)) return null;
  if (ASKS_WHERE_TO_LOOK.test(normalizeText(question))) return null;
  const asked = pairs(question);
  if (asked.size === 0) return null;
  const heading = pairs(`${passage.docTitle} ${passage.trail.join(' ')}`);
  // Document numbers and long numbers the question names ("1150/QĐ-BNV" → "1150").
  const numbers = [...normalizeText(question).matchAll(/(?<!\d)(\d{3,})(?!\d)/g)].map((m) => m[1] ?? '');
  const parts = clauses(passage.text);
  const stated = new Set<string>();
  const marked: Array<{ subject: string; pairs: Set<string> }> = [];
  for (const c of parts) {
    const m = UNCONFIRMED.exec(c);
    if (!m) {
      for (const p of pairs(c)) stated.add(p);
      continue;
    }
    // The subject: the words before the mark, back to the clause start (at most 20 words).
    // A clause about another numbered document (or figure) than the question's is not the asked detail.
    if (numbers.length > 0 && !numbers.some((n) => c.includes(n))) continue;
    const subject = c.slice(0, m.index).trim().split(/\s+/).slice(-20).join(' ');
    marked.push({ subject, pairs: pairs(subject) });
  }
  for (const { subject, pairs: sp } of marked) {
    const shared = [...sp].filter((p) => asked.has(p) && !heading.has(p) && !stated.has(p));
    if (shared.length > 0) return subject.replace(/^[,(:\s-]+/u, '');
  }
  return null;
}
