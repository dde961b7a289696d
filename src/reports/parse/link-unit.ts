/**
 * Link and reporting-unit extraction, on the clean (accented) text so the
 * user's own wording is kept.
 */

const URL_RE = /\b(?:https?:\/\/|www\.)[^\s<>"'()]+/i;

/** Span of the first link, or null. */
export function findLink(clean: string): { link: string; start: number; end: number } | null {
  const m = URL_RE.exec(clean);
  if (!m) return null;
  const link = m[0].replace(/[.,;:!?…]+$/, '');
  return { link, start: m.index, end: m.index + link.length };
}

/**
 * The text with every link blanked out, so a `?` inside a URL
 * (`permalink.php?story_fbid=…`, `watch?v=…`) is not read as a question mark.
 */
export function stripLinks(text: string): string {
  return text.replace(new RegExp(URL_RE.source, 'gi'), ' ');
}

/** First URL (http/https or www.) in the text, trailing punctuation removed. */
export function extractLink(clean: string): string | null {
  return findLink(clean)?.link ?? null;
}

/** Names that start a unit of the department. */
const HEADS = String.raw`(?:[Vv]ăn\s+phòng|[Vv]an\s+phong|[Pp]hòng|[Pp]hong|[Tt]hanh\s+tra|[Tt]rung\s+tâm|[Tt]rung\s+tam|[Cc]hi\s+cục|[Cc]hi\s+cuc|[Cc]hi\s+đoàn|[Cc]hi\s+doan|[Cc]ông\s+đoàn|[Cc]ong\s+doan|[Bb]an\s+[Bb]iên\s+tập|[Bb]an\s+[Bb]ien\s+tap)`;
/** Fixed units whose name ends with "Sở". */
const FIXED = new RegExp(String.raw`\b(?:[Vv](?:ă|a)n\s+ph(?:ò|o)ng|[Tt]hanh\s+tra)\s+(?:[Ss](?:ở|o))\b`);
const HEAD_RE = new RegExp(String.raw`(?<![\p{L}])${HEADS}(?![\p{L}])`, 'gu');

/** An abbreviation such as "QLTM", "KH-TC-TH" (no Vietnamese syllable). */
function isAbbreviation(token: string): boolean {
  if (!/^[\p{L}&-]{2,12}$/u.test(token)) return false;
  if (/^[\p{Lu}&-]+$/u.test(token) && token.length <= 10) return true;
  const plain = token
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
  return !/[aeiouy]/.test(plain.replace(/-/g, ''));
}

const CAPITALISED = /^\p{Lu}[\p{L}-]*$/u;
const JOINERS = new Set(['và', 'va', '-', '–']);
/** Words (folded) that end a unit name: verbs, prepositions, time words. */
const STOP = new Set(
  (
    'da dang vua se to phoi dua phat in treo huong chia thuc tham ve tren tai ngay hom cho voi co gui trien len pho tuyen ' +
    'ho tu giai tiep niem xay cap cung lam chu dong moi sang chieu toi thu qua nay theo cua nham de o tap hop kiem ra trao ky khao bao'
  ).split(' '),
);
const MAX_NAME_WORDS = 7;

/**
 * A unit named in the text ("phòng QLTM", "Văn phòng Sở", "Phòng Quản lý
 * Thương mại"), in the user's wording; otherwise null.
 */
export function extractUnit(clean: string): string | null {
  return findUnit(clean)?.unit ?? null;
}

/** The unit named in the text with its span, or null. */
export function findUnit(clean: string): { unit: string; start: number; end: number } | null {
  const found = (unit: string, start: number) => ({ unit, start, end: start + unit.length });
  const fixed = FIXED.exec(clean);
  for (const m of clean.matchAll(HEAD_RE)) {
    if (fixed && fixed.index <= m.index) break;
    const before = clean.slice(Math.max(0, m.index - 6), m.index).toLowerCase();
    if (/(?:^|\s)(?:tại|tai|về|ve|của|cua|với|voi|cho|trên|tren|đến|den)\s+$/.test(before)) continue;
    const rest = clean
      .slice(m.index + m[0].length)
      .split(/\s+/)
      .filter(Boolean);
    const taken: string[] = [];
    for (const raw of rest) {
      const tok = raw.replace(/[,.;:!?)]+$/, '');
      const ended = tok !== raw;
      const folded = tok
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .replace(/đ/gi, 'd')
        .toLowerCase();
      const first = taken.length === 0;
      const ok = first
        ? isAbbreviation(tok) || CAPITALISED.test(tok)
        : tok !== '' && !STOP.has(folded) && !/\d/.test(tok) && (JOINERS.has(folded) || /^[\p{L}-]+$/u.test(tok));
      if (!ok || taken.length >= MAX_NAME_WORDS) break;
      taken.push(tok);
      if (ended || /^s[oở]$/i.test(folded)) break;
    }
    while (taken.length > 0 && JOINERS.has((taken[taken.length - 1] ?? '').toLowerCase())) taken.pop();
    if (taken.length > 0) {
      const unit = `${m[0]} ${taken.join(' ')}`;
      return clean.startsWith(unit, m.index) ? found(unit, m.index) : { unit: unit.replace(/\s+/g, ' '), start: m.index, end: m.index + m[0].length };
    }
  }
  return fixed ? found(fixed[0], fixed.index) : null;
}
