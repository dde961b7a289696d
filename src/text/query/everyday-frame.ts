/**
 * Everyday function words: spoken Vietnamese frames a question with words
 * that say how it is asked, not what about ("mấy cái chỉ số này", "chuyện
 * tinh giản biên chế", "giờ vào trang nào", "bao lâu", "hồi nào", "đóng tiền
 * xong", "hiểu liền", "kế hoạch nói gì", "gọi là gì"). Administrative text
 * never writes them, or not beside the question's topic, so as question
 * words they look like the rarest words there are: the best passage lacks
 * them, the question looks uncovered, and the expansions of its real words
 * are not credited (the decision credits translations only when the passage
 * holds every untranslated word). They are left out of the question's
 * evidence, like the stopwords, but only in the contexts where they frame:
 * "giờ" before "làm việc" asks for office hours, "hồi" alone is "hội"
 * mistyped. A word a thesaurus entry translates is the entry's business,
 * not a frame word (callers keep words with alternatives).
 */
import { foldText, hasDiacritics, normalizeText } from '../normalize.js';

/** Always a frame word when typed with these marks (the corpus never writes them). */
const ALWAYS = new Set(['mấy', 'chuyện', 'xong', 'liền']);
/** Folded forms safe without marks ("may" is also "máy", "chuyen" also "chuyển"). */
const ALWAYS_FOLDED = new Set(['xong']);
/** "giờ" = "now" at the start of a clause or after these words ("rồi giờ", "vậy giờ", "bây giờ"). */
const NOW_AFTER = new Set(['thi', 'roi', 'vay', 'bay', 'con', 'ma', 'nen', 'the']);
/** "giờ" before these words is the clock ("giờ làm việc", "giờ mở cửa", "giờ nào", "giờ hành chính"). */
const CLOCK_BEFORE = new Set(['lam', 'mo', 'dong', 'hanh', 'giac', 'nao', 'may', 'hen', 'tiep', 'truc', 'hop']);
/** "nói" / "gọi" asking what a text says or how a thing is called: "kế hoạch nói gì", "nói sao", "gọi là gì". */
const SAY_BEFORE = new Set(['gi', 'sao', 'the', 'nhu', 'ra']);
/** "hồi" (a time, "hồi nào" = when, "hồi trước" = before) before these words. */
const HOI_BEFORE = new Set(['nao', 'truoc', 'xua', 'do', 'day', 'ay', 'nay']);

/** Lower-case words of each punctuation-delimited segment. */
function segments(text: string): string[][] {
  return normalizeText(text)
    .toLowerCase()
    .split(/[,.;:!?()[\]"“”]+/)
    .map((s) => s.split(/[^\p{L}\p{N}/-]+/u).filter(Boolean));
}

/**
 * The folded syllables of `text` that are everyday frame words where they
 * stand (see the module comment), with the spellings they were typed in.
 * @example everydayFrameWords('Giờ vào trang nào, mấy cái đó bao lâu?').folded
 * // → Set { 'gio', 'may', 'lau' }
 */
export function everydayFrameWords(text: string): { folded: Set<string>; typed: Set<string> } {
  const folded = new Set<string>();
  const typed = new Set<string>();
  const accented = hasDiacritics(text);
  for (const words of segments(text)) {
    words.forEach((w, i) => {
      const f = foldText(w);
      const prev = i > 0 ? foldText(words[i - 1] as string) : '';
      const next = i + 1 < words.length ? foldText(words[i + 1] as string) : '';
      // Typed with marks, a word frames only as spelled ("máy" is a machine); without, by its folded form.
      const is = (spelling: string) => (accented ? w === spelling : f === foldText(spelling));
      let frame = false;
      if (accented ? ALWAYS.has(w) : ALWAYS_FOLDED.has(f)) frame = w !== 'liền' || i > 0;
      else if (is('giờ')) frame = (i === 0 || NOW_AFTER.has(prev)) && !CLOCK_BEFORE.has(next);
      else if (is('bây')) frame = next === 'gio';
      else if (is('lâu')) frame = prev === 'bao';
      else if (is('hồi')) frame = HOI_BEFORE.has(next);
      else if (is('nói')) frame = SAY_BEFORE.has(next);
      else if (is('gọi')) frame = next === 'la' && i + 2 < words.length && ['gi', 'sao'].includes(foldText(words[i + 2] as string));
      if (frame) {
        folded.add(f);
        typed.add(w);
      }
    });
  }
  return { folded, typed };
}

/** Before a "mấy" that points at things rather than counting them ("về mấy chỉ số", "cho mấy công ty"). */
const POINTING_AFTER = new Set(['về', 'cho', 'của', 'với', 'giúp', 'mà', 'thì', 'để', 'tới', 'đến', 'trong', 'bên', 'ở', 'và']);
/** A demonstrative closing the noun phrase "mấy cái chỉ số này": the things are pointed at. */
const DEMONSTRATIVE = new Set(['này', 'đó', 'kia', 'ấy', 'đấy', 'nọ']);

/**
 * Whether a "mấy" of a question typed with marks asks for a number ("có mấy
 * người", "mấy bữa một tháng", "ngày mấy") rather than pointing at things
 * as a plural determiner ("Mấy phòng ban trong sở …", "về mấy cái chỉ số
 * này", "cho mấy công ty"): at the start of a clause, after a preposition,
 * before "cái", or closed by a demonstrative, it points.
 */
export function countingMay(text: string): boolean {
  for (const words of segments(text)) {
    for (let i = 0; i < words.length; i++) {
      if (words[i] !== 'mấy') continue;
      const pointing =
        i === 0 || POINTING_AFTER.has(words[i - 1] as string) || words[i + 1] === 'cái' || words.slice(i + 2, i + 5).some((w) => DEMONSTRATIVE.has(w));
      if (!pointing) return true;
    }
  }
  return false;
}

/**
 * The question without its pointing "mấy" (see {@link countingMay}): "Mấy
 * phòng ban có phải coi mấy chỉ số này là việc lâu dài không?" asks yes or
 * no about the units and the indices, not how many of them there are.
 * Typed without marks, "may" stays (it may count, or be "máy").
 */
export function withoutPointingMay(text: string): string {
  if (!/mấy/iu.test(text)) return text;
  return normalizeText(text)
    .split(/([,.;:!?()[\]"“”]+)/)
    .map((segment, k) => {
      if (k % 2 === 1) return segment;
      const words = segment.split(/\s+/);
      const lower = words.map((w) => w.toLowerCase());
      return words
        .filter((_, i) => {
          if (lower[i] !== 'mấy') return true;
          const content = lower.slice(0, i).filter(Boolean);
          const prev = content.at(-1);
          const pointing =
            prev === undefined || POINTING_AFTER.has(prev) || lower[i + 1] === 'cái' || lower.slice(i + 2, i + 5).some((w) => DEMONSTRATIVE.has(w));
          return !pointing;
        })
        .join(' ');
    })
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}
