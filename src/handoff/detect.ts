/**
 * Does a message ask for a person? A small grammar over the folded text
 * (no diacritics, chat shorthand expanded with the one chat vocabulary,
 * `knowledge/chat-abbreviations.yaml`), not a list of sample phrases:
 * a *request verb* (gặp, hỏi, nói chuyện, liên hệ, kết nối, chuyển…) a few
 * words before a *person* (cán bộ, nhân viên, chuyên viên, người trực…), or
 * an unmistakable person ("người thật", "con người") after any request
 * marker. Questions *about* staff ("cán bộ phụ trách PCI là ai?", "hồ sơ
 * được chuyển cho cán bộ nào?") do not match; negated requests ("không cần gặp cán bộ")
 * and yes/no questions about a procedure ("có cần gặp cán bộ không?") do
 * not either.
 */

import { foldText } from '../text/normalize.js';
import type { ChatAbbreviations } from '../text/query/abbreviations.js';
import { FRAMING_WORDS as FRAMING_WORDS_FOLDED } from '../text/query/framing.js';

/** Chat shorthand for the handoff grammar: folded short form → folded full form. */
export type HandoffShorthand = ReadonlyMap<string, string>;

const NO_SHORTHAND: HandoffShorthand = new Map();

/** People a citizen may ask for; each entry is a folded word sequence. */
const PEOPLE: ReadonlyArray<readonly string[]> = [
  ['can', 'bo'],
  ['nhan', 'vien'],
  ['chuyen', 'vien'],
  ['tu', 'van', 'vien'],
  ['tong', 'dai', 'vien'],
  ['admin'],
  ['quan', 'tri', 'vien'],
  ['nguoi', 'truc'],
  ['nguoi', 'ho', 'tro'],
  ['nguoi', 'tu', 'van'],
  ['nguoi', 'phu', 'trach'],
  ['bo', 'phan', 'ho', 'tro'],
  ['cham', 'soc', 'khach', 'hang'],
];

/** People that leave no doubt: any request marker (or none, in a short message) is enough. */
const REAL_PEOPLE: ReadonlyArray<readonly string[]> = [
  ['nguoi', 'that'],
  ['con', 'nguoi'],
  ['nguoi', 'song'],
];

/** Verbs that make a person the object of a request. */
const REQUEST_VERBS: ReadonlySet<string> = new Set([
  'gap',
  'hoi',
  'noi',
  'chat',
  'lien',
  'ket',
  'chuyen',
  'trao',
  'nhan',
  'goi',
  'tro',
  'can',
  'muon',
  'xin',
  'cho',
]);
/** Strong verbs: enough on their own before an ordinary person word. */
const STRONG_VERBS: ReadonlySet<string> = new Set(['gap', 'hoi', 'noi', 'chat', 'lien', 'ket', 'chuyen', 'trao', 'nhan', 'goi']);
/** Words that may sit between the verb and the person ("gặp trực tiếp một cán bộ"). */
const FILLERS: ReadonlySet<string> = new Set([
  'voi',
  'mot',
  'truc',
  'tiep',
  'toi',
  'em',
  'minh',
  'duoc',
  'chuyen',
  'ho',
  'tro',
  'sang',
  'den',
  'tin',
  'he',
  'noi',
  'chuyen',
  'doi',
  'cac',
  'nhung',
  'vi',
  'nao',
  'cua',
  'so',
  'ben',
  'anh',
  'chi',
  'co',
]);
/** Question words right after the person: the message asks *which* person ("chuyển cho cán bộ nào?"). */
const WHICH: ReadonlySet<string> = new Set(['nao', 'ai']);
/** Negations and yes/no framings right before the verb. */
const BLOCKERS: ReadonlySet<string> = new Set(['khong', 'chua', 'dung', 'phai']);

/** Words that do not describe a problem (besides chat framing). */
const NOT_CONTENT: ReadonlySet<string> = new Set([
  ...FILLERS,
  ...REQUEST_VERBS,
  'la',
  'thi',
  'de',
  've',
  'viec',
  'chut',
  'nhe',
  'oi',
  'that',
  'song',
  'nguoi',
  'voi',
  'ak',
  'a',
]);

/**
 * The handoff's view of the chat abbreviations: one-word short forms, each
 * with the meaning that names a person when it has one ("ad" → "quản trị
 * viên", "cv" → "chuyên viên"), else its first meaning. Forms that stand
 * only at the end of a sentence ("v", "z") are left out.
 */
export function handoffShorthand(abbreviations: ChatAbbreviations | undefined): HandoffShorthand {
  const out = new Map<string, string>();
  for (const [key, { meanings, onlyAtEnd }] of abbreviations?.byForm ?? []) {
    const form = foldText(key.replace(/^a:/, ''));
    if (onlyAtEnd || form.includes(' ') || out.has(form)) continue;
    const folded = meanings.map((m) => foldText(m));
    const person = folded.find((m) => PEOPLE.some((seq) => seq.join(' ') === m));
    out.set(form, person ?? (folded[0] as string));
  }
  return out;
}

/** The folded, shorthand-expanded words of a message. */
export function handoffWords(text: string, shorthand: HandoffShorthand = NO_SHORTHAND): string[] {
  return foldText(text)
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .flatMap((w) => (shorthand.get(w) ?? w).split(' '));
}

function findSeq(words: readonly string[], seqs: ReadonlyArray<readonly string[]>): { start: number; end: number } | undefined {
  for (let i = 0; i < words.length; i++) {
    for (const seq of seqs) {
      if (seq.every((w, k) => words[i + k] === w)) return { start: i, end: i + seq.length };
    }
  }
  return undefined;
}

/** The request verb before `start` (skipping fillers, at most 4 words back), or -1. */
function verbBefore(words: readonly string[], start: number, verbs: ReadonlySet<string>): number {
  for (let i = start - 1, skipped = 0; i >= 0 && skipped <= 4; i--, skipped++) {
    const w = words[i] as string;
    if (verbs.has(w) && !(w === 'cho' && i === start - 1)) return i;
    if (!FILLERS.has(w) && !FRAMING_WORDS_FOLDED.has(w)) return -1;
  }
  return -1;
}

/** A negation or yes/no framing in the two words before the verb. */
function blocked(words: readonly string[], verb: number): boolean {
  for (let i = Math.max(0, verb - 2); i < verb; i++) if (BLOCKERS.has(words[i] as string)) return true;
  // "có cần gặp cán bộ không?": a question about the procedure.
  return words[verb - 1] === 'can' && words[verb - 2] === 'co';
}

/** What {@link detectHandoffRequest} found. */
export interface HandoffRequest {
  /** Whether the message also says what the problem is (three content words or more besides the request). */
  hasProblem: boolean;
}

/**
 * Detect a request for a person in a citizen's message.
 * @param shorthand chat short forms ({@link handoffShorthand}); without it only full words are read
 * @example detectHandoffRequest('cho tôi gặp cán bộ') // { hasProblem: false }
 * @example detectHandoffRequest('toi muon hoi nguoi that ve ho so bi cham') // { hasProblem: true }
 * @example detectHandoffRequest('Cán bộ phụ trách PCI là ai?') // undefined
 */
export function detectHandoffRequest(text: string, shorthand: HandoffShorthand = NO_SHORTHAND): HandoffRequest | undefined {
  const words = handoffWords(text, shorthand);
  if (words.length === 0 || words.length > 60) return undefined;
  let span: { start: number; end: number } | undefined;
  const real = findSeq(words, REAL_PEOPLE);
  if (real) {
    const verb = verbBefore(words, real.start, REQUEST_VERBS);
    if (verb >= 0 && !blocked(words, verb)) span = { start: verb, end: real.end };
    else if (verb < 0 && words.length <= 4) span = real;
  }
  if (!span) {
    const person = findSeq(words, PEOPLE);
    if (person) {
      const verb = verbBefore(words, person.start, STRONG_VERBS);
      const which = WHICH.has(words[person.end] ?? '');
      if (verb >= 0 && !which && !blocked(words, verb)) span = { start: verb, end: person.end };
    }
  }
  if (!span) return undefined;
  const content = words.filter((w, i) => (i < span.start || i >= span.end) && !NOT_CONTENT.has(w) && !FRAMING_WORDS_FOLDED.has(w));
  return { hasProblem: content.length >= 3 };
}
