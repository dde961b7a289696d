/**
 * Partial document numbers: "qd 1523", "ke hoach 1523", "kh 444" name a
 * document by its leading number only. When that number leads exactly one
 * document's number in the corpus, the question is taken to name it.
 */
import { foldText } from '../../text/normalize.js';

/**
 * A number standing alone, or glued to a type word ("kh1523", "qd845"):
 * folded text; the match is the number itself.
 */
const NUMBER = /(?<=^|[^\p{L}\p{N}/]|(?:^|\s)(?:qd|nd|nq|kh|tt))(\d{2,5})(?=$|[^\p{L}\p{N}/])/gu;
const YEAR = /^(19|20)\d\d$/;
/** Digits a number needs before a wrong type word is overlooked. */
const WRONG_TYPE_MIN_DIGITS = 3;
const TYPE_WORDS: Array<[RegExp, string]> = [
  [/(^|\s)(qd|quyet dinh)\s*$/, 'qd'],
  [/(^|\s)(nd|nghi dinh)\s*$/, 'nd'],
  [/(^|\s)(nq|nghi quyet)\s*$/, 'nq'],
  [/(^|\s)(kh|ke hoach)\s*$/, 'kh'],
  [/(^|\s)(tt|thong tu)\s*$/, 'tt'],
];

/** Two digit strings one typo apart: adjacent digits swapped, or one digit changed (same length). */
function oneDigitTypo(a: string, b: string): boolean {
  if (a.length !== b.length || a === b) return false;
  const diff = [...a].flatMap((c, i) => (c === b[i] ? [] : [i]));
  if (diff.length === 1) return true;
  const [i, j] = diff;
  return diff.length === 2 && i !== undefined && j === i + 1 && a[i] === b[j] && a[j] === b[i];
}

/** Whether the corpus writes a number anywhere (a document it cites but does not hold, "Quyết định 2157"). */
export type WrittenNumber = (num: string) => boolean;

/**
 * The documents a number typed after a document-type word leads: exactly, or
 * — when none does — within one digit typo ("kế hoạch 1532" → 1523/KH-SCT),
 * the type word vouching that a document is meant. A number the corpus
 * writes is not a typo: it names the document the corpus cites by it.
 */
function docsFor(num: string, type: string | undefined, index: ReadonlyMap<string, readonly string[]>, written?: WrittenNumber): string[] {
  const ofType = (ds: readonly string[]) => (type ? ds.filter((d) => d.split('/').some((part) => part === type)) : [...ds]);
  const exact = ofType(index.get(num) ?? []);
  if (exact.length > 0 || !type || num.length < 3) return exact;
  const typo = written?.(num) ? [] : [...index].filter(([lead]) => oneDigitTypo(num, lead)).flatMap(([, ds]) => ofType(ds));
  if (typo.length > 0) return typo;
  // The wrong type word ("qd 1523" for Kế hoạch 1523/KH-SCT): people call many documents "quyết định".
  // A number of three digits or more, typed exactly, is specific enough to mean the one document it
  // leads; a short one ("qd 60" beside Nghị định 60) may well be another document the corpus lacks.
  return num.length >= WRONG_TYPE_MIN_DIGITS ? [...(index.get(num) ?? [])] : [];
}

/**
 * Document numbers (folded, `/`-separated, as in `QueryIntent.docNumbers`)
 * named in full or by their leading number.
 * @param index leading number → folded ids of the documents it leads
 */
export function resolvePartialDocNumbers(
  text: string,
  full: readonly string[],
  index: ReadonlyMap<string, readonly string[]>,
  written?: WrittenNumber,
): string[] {
  const out = new Set(full);
  const folded = foldText(text);
  for (const m of folded.matchAll(NUMBER)) {
    const num = m[1] as string;
    const before = folded.slice(0, m.index + m[0].indexOf(num));
    const type = TYPE_WORDS.find(([re]) => re.test(before))?.[1];
    if (YEAR.test(num) && !type) continue;
    const docs = docsFor(num, type, index, written);
    if (docs.length === 1) out.add(docs[0] as string);
  }
  return [...out];
}

/**
 * The text with each partial document reference ("qd 649", "nđ 60",
 * "kế hoạch 1523") written as the document's full number ("649/QĐ-UBND"),
 * when it names exactly one document. Coverage then measures the reference
 * as the corpus writes it, not as two stray tokens.
 * @param index leading number → folded ids of the documents it leads
 * @param display folded id → the id as written
 */
export function expandPartialDocNumbers(
  text: string,
  index: ReadonlyMap<string, readonly string[]>,
  display: (folded: string) => string | undefined,
  written?: WrittenNumber,
): string {
  const folded = foldText(text);
  // Folding is one character for one character on NFC text; otherwise leave the text alone.
  if (folded.length !== text.length) return text;
  let out = '';
  let from = 0;
  for (const m of folded.matchAll(NUMBER)) {
    const num = m[1] as string;
    const numAt = (m.index ?? 0) + m[0].indexOf(num);
    const before = folded.slice(0, numAt);
    const typeMatch = TYPE_WORDS.map(([re, type]) => ({ type, hit: re.exec(before) })).find((x) => x.hit);
    const type = typeMatch?.type;
    if (YEAR.test(num) && !type) continue;
    const docs = docsFor(num, type, index, written);
    const id = docs.length === 1 ? display(docs[0] as string) : undefined;
    if (!id) continue;
    // A number already written in full ("649/QĐ-UBND") is left as it is.
    if (/^[/-]/.test(folded.slice(numAt + num.length))) continue;
    const hit = typeMatch?.hit;
    const start = hit ? hit.index + (hit[1]?.length ?? 0) : numAt;
    out += `${text.slice(from, start)}${id}`;
    from = numAt + num.length;
  }
  return out + text.slice(from);
}
