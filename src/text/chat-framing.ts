/**
 * Words that frame a chat question without carrying its topic (greetings,
 * forms of address, politeness particles: "Dạ em chào anh chị, cho em hỏi …
 * ạ"), and chat shorthand as typed on Zalo ("ko", "dc", "j", "ntn"), both in
 * folded form (see {@link foldText}). Used where a question is compared with
 * a stored question, so that framing does not change the comparison.
 */

/** Folded framing words: dropped before comparing questions. */
export const FRAMING_WORDS_FOLDED: ReadonlySet<string> = new Set(
  `a ah ak ad admin bot da chao xin kinh oi anh chi em ban minh mk toi tui chau con co chu bac
   cho hoi voi nhe nha nhen nghen giup gium dum vay v z ha hen
   cam on thanks thank hello hi alo`
    .split(/\s+/)
    .filter(Boolean),
);

/** Folded chat shorthand → folded full form (may be several syllables). */
export const CHAT_SHORTHAND_FOLDED: ReadonlyMap<string, string> = new Map([
  ['ko', 'khong'],
  ['k', 'khong'],
  ['kh', 'ke hoach'],
  ['bc', 'bao cao'],
  ['ki', 'ky'],
  ['deadline', 'han'],
  ['dc', 'duoc'],
  ['j', 'gi'],
  ['ntn', 'nhu the nao'],
  ['bn', 'bao nhieu'],
  ['vs', 'voi'],
  ['hs', 'ho so'],
  ['tk', 'tai khoan'],
  ['sdt', 'so dien thoai'],
  ['trc', 'truoc'],
  ['r', 'roi'],
  ['lm', 'lam'],
  ['onl', 'truc tuyen'],
  ['online', 'truc tuyen'],
]);
