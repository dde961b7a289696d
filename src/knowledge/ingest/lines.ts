/**
 * Line-level clean-up of text extracted from PDF, DOCX, HTML or TXT files:
 * page numbers are dropped and sentences broken by a page or a wrapped line
 * are joined again.
 */

/** A line that is only a page number or running counter: `2`, `- 2 -`, `Trang 2`, `2/10`. */
const PAGE_NUMBER = /^(?:[-–—]?\s*\d{1,4}\s*[-–—]?|trang\s+\d{1,4}(?:\s*\/\s*\d{1,4})?|\d{1,4}\s*\/\s*\d{1,4})$/iu;

/** A Điểm marker (`a)`, `đ)`), which starts in lower case but begins a new item. */
const POINT_MARKER = /^[a-zđ]\)/u;

/** Characters after which a line is a complete sentence or a heading. */
const SENTENCE_END = /[.:;!?…)"'”»]$/u;

/** Lower-case letter (any script) at the start of a line. */
const STARTS_LOWER = /^\p{Ll}/u;

/** True when a line is a page number or a counter with nothing else on it. */
export function isPageNumberLine(line: string): boolean {
  return PAGE_NUMBER.test(line.trim());
}

/**
 * Split text into trimmed lines, drop page-number lines and join broken
 * sentences: a non-empty line that does not end a sentence, followed
 * (possibly after blank lines) by a line that starts in lower case and is not
 * a Điểm marker, is one sentence. Blank lines are kept as `''` otherwise.
 */
export function cleanLines(text: string): string[] {
  const raw = text.replace(/\r\n?/g, '\n').replace(/\f/g, '\n\n').split('\n');
  const out: string[] = [];
  for (const rawLine of raw) {
    const line = rawLine.replace(/[ \t\u00a0]+/g, ' ').trim();
    if (line !== '' && isPageNumberLine(line)) {
      if (out[out.length - 1] !== '') out.push('');
      continue;
    }
    if (line !== '' && STARTS_LOWER.test(line) && !POINT_MARKER.test(line)) {
      // Find the last non-empty line before the blank lines.
      let k = out.length - 1;
      while (k >= 0 && out[k] === '') k--;
      const prev = k >= 0 ? (out[k] as string) : undefined;
      if (prev !== undefined && !SENTENCE_END.test(prev) && !isHeadingLike(prev)) {
        out.length = k + 1;
        out[k] = `${prev} ${line}`;
        continue;
      }
    }
    out.push(line);
  }
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  while (out.length > 0 && out[0] === '') out.shift();
  return out;
}

/**
 * Lines that end without punctuation but must not absorb the next line:
 * structural headings in capitals (`CHƯƠNG II`, `QUYẾT ĐỊNH`).
 */
function isHeadingLike(line: string): boolean {
  const letters = line.replace(/[^\p{L}]/gu, '');
  return letters.length >= 2 && letters === letters.toUpperCase();
}

/** Group lines into paragraphs separated by blank lines. */
export function paragraphs(lines: string[]): string[] {
  const out: string[] = [];
  let cur: string[] = [];
  for (const l of lines) {
    if (l === '') {
      if (cur.length > 0) out.push(cur.join('\n'));
      cur = [];
    } else cur.push(l);
  }
  if (cur.length > 0) out.push(cur.join('\n'));
  return out;
}
