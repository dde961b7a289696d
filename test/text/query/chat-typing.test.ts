/**
 * Table tests of the query stages on chat typing as people write it on
 * Zalo: typos against the corpus vocabulary, chat shorthand, framing.
 * The vocabulary here is a small hand-made one, so each case shows which
 * corpus evidence the stage relies on.
 */
import { describe, expect, it } from 'vitest';
import { expandAbbreviations, loadChatAbbreviations } from '../../../src/text/query/abbreviations.js';
import { stripFraming } from '../../../src/text/query/framing.js';
import { fromTokens, toTokens } from '../../../src/text/query/tokens.js';
import { isSyllableShape, repairTypos } from '../../../src/text/query/typos.js';
import { accentedPairsOf, buildVocabulary } from '../../../src/text/query/vocabulary.js';

const tokens = (s: string) => toTokens(s).tokens;

// A corpus of a few sentences, counted as the retriever counts them (chunks containing each syllable).
const CORPUS = [
  'Nộp hồ sơ trực tuyến trên cổng dịch vụ công',
  'Tra cứu hồ sơ bằng mã hồ sơ',
  'Thanh toán phí, lệ phí trực tuyến',
  'Thủ tục hành chính do Sở Công Thương giải quyết',
  'Kết quả do Bộ Nội vụ công bố',
  'Số điện thoại của Sở; số hồ sơ; nộp qua mạng',
  'Thực hiện dịch vụ công mức độ 4',
  'PAPI đo lường sự hài lòng, đo lường hằng năm',
  'Hồ sơ nộp cho cơ quan; kết quả trả qua bưu chính',
  'Hồ sơ gồm mấy mục',
];

function corpusVocabulary() {
  const folded = new Map<string, number>();
  const accented = new Map<string, number>();
  const pairs = new Set<string>();
  const fold = (w: string) =>
    w
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/đ/g, 'd')
      .normalize('NFC');
  for (const text of CORPUS) {
    const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
    for (const w of new Set(words)) accented.set(w, (accented.get(w) ?? 0) + 1);
    for (const w of new Set(words.map(fold))) folded.set(w, (folded.get(w) ?? 0) + 1);
    for (let i = 0; i + 1 < words.length; i++) pairs.add(`${fold(words[i] as string)} ${fold(words[i + 1] as string)}`);
  }
  return buildVocabulary(folded, accented, pairs, () => accentedPairsOf(CORPUS));
}

describe('typo repair on chat typing', () => {
  const vocab = corpusVocabulary();
  const protect = (f: string) => ['do', 'cua', 'qua'].includes(f);
  const fix = (s: string, accented = true) => fromTokens(repairTypos(tokens(s), vocab, { accented, protect }).tokens);

  it.each([
    // A word that cannot be a Vietnamese syllable is fixed with no neighbour to confirm it.
    ['nộp hồ sơ qua mạg', 'nộp hồ sơ qua mạng'],
    ['nop ho so qua mag', 'nop ho so qua mang', false],
    // Telex tone keys left at the end of a word give their tone.
    ['thực hienj dịch vụ công', 'thực hiện dịch vụ công'],
    ['thuc hien dichj vu cong', 'thuc hien dich vu cong', false],
    // Words typed together are split into syllables known side by side, accented as the corpus pairs them.
    ['hoso trực tuyến', 'hồ sơ trực tuyến'],
    ['tra cuu hoso', 'tra cuu ho so', false],
    ['thutuc hành chính', 'thủ tục hành chính'],
    // Chat spellings of letters.
    ['lệ fí trực tuyến', 'lệ phí trực tuyến'],
    // A markless syllable between accented words gets the marks its neighbours pair with.
    ['nộp ho sơ trực tuyến', 'nộp hồ sơ trực tuyến'],
  ])('%s → %s', (q, want, accented = true) => expect(fix(q, accented as boolean)).toBe(want));

  it('leaves a markless word of its own alone ("do" is not "đo")', () => {
    expect(fix('kết quả do Bộ Nội vụ công bố')).toBe('kết quả do Bộ Nội vụ công bố');
  });

  it('never changes a word the corpus knows as typed', () => {
    expect(fix('tra cứu mã hồ sơ')).toBe('tra cứu mã hồ sơ');
    expect(repairTypos(tokens('tra cứu mã hồ sơ'), vocab, { accented: true }).rewrites).toEqual([]);
  });

  it('leaves a well-formed unknown word without support (it may be a word the corpus lacks)', () => {
    expect(fix('giá xăng hôm nay')).toBe('giá xăng hôm nay');
  });

  it('takes support from an accented neighbour only through an accented pair ("máy mọc" is not "máy mục")', () => {
    // "mấy mục" is a pair of the corpus; folded it is also "may muc", which must not vouch for "máy".
    expect(fix('máy mọc')).toBe('máy mọc');
    expect(fix('mấy mọc')).toBe('mấy mục');
    // A slip changes letters, rarely the tone too: a typed tone is kept ("móc" is no "mục").
    expect(fix('mấy móc')).toBe('mấy móc');
    expect(fix('may moc', false)).toBe('may muc');
  });

  it('reports a split as one rewrite', () => {
    const r = repairTypos(tokens('hoso trực tuyến'), vocab, { accented: true });
    expect(r.rewrites).toEqual([{ from: 'hoso', to: 'hồ sơ', origin: 'typo-fix' }]);
    expect(r.tokens.map((t) => t.word)).toEqual(['hồ', 'sơ', 'trực', 'tuyến']);
  });

  it.each([
    ['thuong', true],
    ['nghieng', true],
    ['khuyen', true],
    ['cap', true],
    ['mag', false],
    ['hoso', false],
    ['bnah', false],
    ['tuyenn', false],
    ['dichj', false],
  ])('syllable shape of %s: %s', (w, ok) => expect(isSyllableShape(w)).toBe(ok));
});

describe('chat shorthand', () => {
  const abbr = loadChatAbbreviations('knowledge/chat-abbreviations.yaml');
  const expand = (s: string, pairKnown?: (l: string, r: string) => boolean) =>
    fromTokens(expandAbbreviations(tokens(s), abbr, { accented: true, ...(pairKnown ? { pairKnown } : {}) }).tokens);

  it.each([
    ['hs bj trả lại thì lm s', 'hồ sơ bị trả lại thì làm sao'],
    ['e mún đky tk dvc', 'em muốn đăng ký tài khoản dvc'],
    ['mn ơi cho hỏi', 'mọi người ơi cho hỏi'],
    ['đóng phí qua bank dc k', 'đóng phí qua ngân hàng được không'],
    ['submit hs xong thì tracking ở đâu', 'nộp hồ sơ xong thì tra cứu ở đâu'],
    ['phí bn nhìu z', 'phí bao nhiêu nhiều vậy'],
  ])('%s → %s', (q, want) => expect(expand(q)).toBe(want));

  it('replaces "s" only at the end of a sentence', () => {
    expect(expand('s nộp hồ sơ')).toBe('s nộp hồ sơ');
  });

  it('chooses the meaning of "đk" by the pairs it forms once its neighbour is expanded', () => {
    // "được không" is a known pair; "ký không" is not.
    const known = (l: string, r: string) => `${l} ${r}` === 'duoc khong';
    expect(expand('nộp online dk ko', known)).toBe('nộp online được không');
    expect(expand('dk tk vneid', known)).toBe('đăng ký tài khoản vneid');
  });
});

describe('framing as people type it', () => {
  const strip = (s: string) => fromTokens(stripFraming(tokens(s)).tokens);
  it.each([
    ['hi anh chị 😊 cho mình hỏi tí, đăng nhập vneid kiểu gì', 'đăng nhập vneid kiểu gì'],
    ['Dạ chào anh chị, mình là doanh nghiệp nhỏ, mình muốn hỏi chỉ số PCI là gì vậy ạ? cảm ơn anh chị nhiều', 'chỉ số PCI là gì?'],
    ['xin lỗi làm phiền, em mới làm cán bộ, cho em hỏi kế hoạch 1523 do ai ký ạ', 'kế hoạch 1523 do ai ký'],
    ['em có việc này muốn hỏi, nộp hồ sơ online ở đâu', 'nộp hồ sơ online ở đâu'],
    ['không biết là thanh toán phí online được không ạ', 'thanh toán phí online được không'],
    ['bên mình là công ty nhỏ ở Tư Nghĩa, mình muốn biết pci là gì', 'pci là gì'],
    ['nhờ anh chị chỉ giúp cách tra cứu hồ sơ với ạ', 'cách tra cứu hồ sơ'],
    ['hồ sơ em nộp rồi giờ tra cứu ở đâu', 'hồ sơ em nộp tra cứu ở đâu'],
  ])('%s → %s', (q, want) => expect(strip(q)).toBe(want));

  it('keeps a hedge that is the question itself', () => {
    expect(strip('không biết mã hồ sơ thì tra cứu thế nào')).toBe('không biết mã hồ sơ thì tra cứu thế nào');
    expect(strip('giờ làm việc của sở')).toBe('giờ làm việc của sở');
  });
});
