import { describe, expect, it } from 'vitest';
import { foldText } from '../../../src/text/normalize.js';
import { createChatAbbreviations, expandAbbreviations, loadChatAbbreviations } from '../../../src/text/query/abbreviations.js';
import { stripFraming } from '../../../src/text/query/framing.js';
import { fromTokens, toTokens } from '../../../src/text/query/tokens.js';
import { repairTypos } from '../../../src/text/query/typos.js';
import { buildVocabulary, withinOneEdit } from '../../../src/text/query/vocabulary.js';

const tokens = (s: string) => toTokens(s).tokens;

describe('chat abbreviations', () => {
  const abbr = loadChatAbbreviations('knowledge/chat-abbreviations.yaml');
  const expand = (s: string, accented = true, pairKnown?: (l: string, r: string) => boolean) =>
    fromTokens(expandAbbreviations(tokens(s), abbr, { accented, pairKnown }).tokens);
  it.each([
    ['nộp hs qua mạng dc ko', 'nộp hồ sơ qua mạng được không'],
    ['đăng ký tk ntn', 'đăng ký tài khoản như thế nào'],
    ['phí bn vs mk', 'phí bao nhiêu với mình'],
    ['cty e cần j', 'công ty em cần gì'],
    ['hạn nộp là khi nào z', 'hạn nộp là khi nào vậy'],
    ['deadline báo cáo', 'thời hạn báo cáo'],
    ['login ko dc', 'đăng nhập không được'],
    ['log in ko dc', 'đăng nhập không được'],
  ])('%s → %s', (q, want) => expect(expand(q)).toBe(want));

  it('writes folded expansions into an unaccented question', () => {
    expect(expand('nop hs ko dc', false)).toBe('nop ho so khong duoc');
  });

  it('leaves official upper-case short forms to the glossary', () => {
    expect(expand('DN cần gì')).toBe('DN cần gì');
    expect(expand('dn cần gì')).toBe('doanh nghiệp cần gì');
  });

  it('replaces a sentence-final-only form only at the end', () => {
    expect(expand('z là sao')).toBe('z là sao');
    expect(expand('là sao z')).toBe('là sao vậy');
  });

  it('does not rewrite an accented word that folds to a chat form', () => {
    expect(expand('hồng')).toBe('hồng');
    expect(expand('hông')).toBe('không');
  });

  it('resolves an ambiguous form by the pair it makes with a neighbour', () => {
    const known = (l: string, r: string) => `${l} ${r}` === 'tuc hanh';
    const r = expandAbbreviations(tokens('tt hành chính'), abbr, { accented: true, pairKnown: known });
    expect(fromTokens(r.tokens)).toBe('thủ tục hành chính');
    expect(r.alternatives).toEqual([{ source: 'thủ tục', text: 'thông tin' }]);
    const other = expandAbbreviations(tokens('tt tài khoản'), abbr, { accented: true, pairKnown: (l, r2) => `${l} ${r2}` === 'tin tai' });
    expect(fromTokens(other.tokens)).toBe('thông tin tài khoản');
  });

  it('leaves an only-with-context form as typed when no neighbour chooses a meaning', () => {
    const table = createChatAbbreviations([{ abbr: 'kn', full: ['khiếu nại', 'kết nối'], only_with_context: true }]);
    const known = (l: string, r: string) => `${l} ${r}` === 'nai lan' || `${l} ${r}` === 'noi tai';
    const run = (q: string) => fromTokens(expandAbbreviations(tokens(q), table, { accented: true, pairKnown: known }).tokens);
    expect(run('kn lần hai')).toBe('khiếu nại lần hai');
    expect(run('kn tài khoản')).toBe('kết nối tài khoản');
    expect(run('kn ở đâu')).toBe('kn ở đâu');
    expect(run('kn')).toBe('kn');
  });

  it('records every rewrite with its origin', () => {
    const r = expandAbbreviations(tokens('hs ok'), abbr, { accented: true });
    expect(r.rewrites).toEqual([{ from: 'hs', to: 'hồ sơ', origin: 'abbreviation' }]);
    expect(r.tokens[0]?.origin).toBe('abbreviation');
  });

  it('rejects a short form listed twice', () => {
    expect(() =>
      createChatAbbreviations([
        { abbr: 'ko', full: 'không' },
        { abbr: 'k', full: 'không', also: ['ko'] },
      ]),
    ).toThrow(/"ko" có hai lần/);
  });
});

describe('typo repair', () => {
  const folded = new Map(Object.entries({ thu: 5, tuc: 5, hanh: 9, chinh: 9, ho: 4, so: 8, nop: 3, truc: 2, tuyen: 2, nang: 3, cao: 3 }));
  const accented = new Map(Object.entries({ thủ: 5, tục: 5, hành: 9, chính: 9, hồ: 4, sơ: 4, số: 6, nộp: 3, trực: 2, tuyến: 2, nâng: 3, cao: 3 }));
  const pairs = new Set(['thu tuc', 'tuc hanh', 'hanh chinh', 'ho so', 'nop ho', 'truc tuyen', 'nang cao']);
  // As the retriever builds it: the accented pairs of the same texts beside the folded ones.
  const accentedPairs = new Set(['thủ tục', 'tục hành', 'hành chính', 'hồ sơ', 'nộp hồ', 'trực tuyến', 'nâng cao']);
  const vocab = buildVocabulary(folded, accented, pairs, () => accentedPairs);
  const fix = (s: string, acc = true) => fromTokens(repairTypos(tokens(s), vocab, { accented: acc }).tokens);

  it.each([
    ['thủ tcụ hành chính', 'thủ tục hành chính'], // swapped letters
    ['thủ tụcc hành chính', 'thủ tục hành chính'], // doubled letter
    ['thủ tụ hành chính', 'thủ tụ hành chính'], // too short to guess
    ['nộp hồ sơơ', 'nộp hồ sơ'],
    ['nộp hồ sợ', 'nộp hồ sơ'], // wrong tone mark, known pair
    ['nộp ho sơ', 'nộp hồ sơ'], // missing marks in an accented question
    ['thu tuc hanhh chinh', 'thu tuc hanh chinh'],
  ])('%s → %s', (q, want) => expect(fix(q, /[^\x00-\x7f]/.test(q))).toBe(want));

  it('keeps a typed tone mark beside an unknown word, and on a capitalised title', () => {
    // "sổ đỏ": neither word is known as typed, so "số" is not forced on it.
    expect(fix('nộp sổ đỏ')).toBe('nộp sổ đỏ');
    expect(fix('nộp Hộ sơ')).toBe('nộp Hộ sơ');
  });

  it('a marked spelling in a few chunks of a large corpus does not replace a markless function word', () => {
    const f = new Map(Object.entries({ nguoi: 50, ta: 12, biet: 50 }));
    const a = new Map(Object.entries({ người: 50, tả: 12, biết: 50 }));
    // "ta" is protected (a function word): only a neighbour or a dominant spelling gives it marks.
    const opts = { accented: true, protect: (fold: string) => fold === 'ta' };
    const fixIn = (chunks: number) =>
      fromTokens(
        repairTypos(
          tokens('cho người ta biết'),
          buildVocabulary(f, a, new Set(), () => new Set(), chunks),
          opts,
        ).tokens,
      );
    // Twelve chunks of a hundred write "tả": it dominates the corpus.
    expect(fixIn(100)).toBe('cho người tả biết');
    // Twelve of ten thousand: too few to say the markless word is a slip.
    expect(fixIn(10_000)).toBe('cho người ta biết');
  });

  it('gives the tone to a word typed with its shape marks only, when one spelling dominates', () => {
    // No known pair with a neighbour ("tục nộp" is not in the corpus): the dominant spelling decides.
    expect(fix('thủ tục nôp')).toBe('thủ tục nộp');
  });

  it('takes the other i/y spelling when only that one is known', () => {
    const v = buildVocabulary(new Map([['ky', 3]]), new Map([['ký', 3]]), new Set());
    expect(fromTokens(repairTypos(tokens('ai kí'), v, { accented: true }).tokens)).toBe('ai ký');
    expect(fromTokens(repairTypos(tokens('ai ki'), v, { accented: false }).tokens)).toBe('ai ky');
  });

  it('keeps the first letter: a different initial is a different word', () => {
    expect(fix('giá vàng nâng cao')).toBe('giá vàng nâng cao');
  });

  it('needs a known pair with a neighbour unless the word stands alone or is no Vietnamese syllable', () => {
    // "cap" is a well-formed syllable the corpus lacks: it may be another word.
    expect(fix('cap hom nay', false)).toBe('cap hom nay');
    // "tuyenn" cannot be a syllable: it is a typo for sure.
    expect(fix('tuyenn hôm nay')).toBe('tuyến hôm nay');
    expect(fix('tuyenn', false)).toBe('tuyen');
  });

  it('leaves protected words alone and reports fixes', () => {
    const r = repairTypos(tokens('thu tcu'), vocab, { accented: false, protect: (f) => f === 'tcu' });
    expect(r.rewrites).toEqual([]);
    const r2 = repairTypos(tokens('thu tcu'), vocab, { accented: false });
    expect(r2.rewrites).toEqual([{ from: 'tcu', to: 'tuc', origin: 'typo-fix' }]);
  });

  it('measures one edit with swaps', () => {
    expect(withinOneEdit('tuc', 'tcu')).toBe(true);
    expect(withinOneEdit('tuc', 'tucc')).toBe(true);
    expect(withinOneEdit('tuc', 'ctu')).toBe(false);
    expect(withinOneEdit('hanh', 'hinh')).toBe(true);
    expect(vocab.neighbours('tcu')).toContain('tuc');
    expect(vocab.accentedForms('so')).toEqual(['số', 'sơ']);
    expect(foldText('sơ')).toBe('so');
  });
});

describe('framing', () => {
  const strip = (s: string) => {
    const r = stripFraming(tokens(s));
    return { text: fromTokens(r.tokens), framing: r.framing };
  };
  it.each([
    ['Dạ em chào anh chị, em ở phường Trần Phú, cho em hỏi chút là nộp hồ sơ ở đâu ạ?', 'nộp hồ sơ ở đâu?'],
    ['ad ơi cho mình hỏi lệ phí bao nhiêu vậy', 'lệ phí bao nhiêu'],
    ['Xin chào. Tôi là cán bộ văn phòng. Kế hoạch giao việc gì cho văn phòng?', 'Kế hoạch giao việc gì cho văn phòng?'],
    ['cho em hỏi tra cứu hồ sơ thế nào nhé', 'tra cứu hồ sơ thế nào'],
    ['anh chị ơi giúp em với, đăng nhập VNeID không được ạ', 'đăng nhập VNeID không được'],
    ['cam on ad. Han nop bao cao la khi nao a', 'Han nop bao cao la khi nao'],
    ['Dạ cho cháu hỏi chút ạ, thanh toán lệ phí trên mạng thì vào mục nào ạ?', 'thanh toán lệ phí trên mạng thì vào mục nào?'],
    ['Xin chào. Luật Tiếp công dân có hiệu lực từ ngày nào. Cảm ơn.', 'Luật Tiếp công dân có hiệu lực từ ngày nào.'],
    ['Dạ con chào cô chú, con muốn hỏi tra cứu hồ sơ thế nào ạ', 'tra cứu hồ sơ thế nào'],
    ['Chào chị, chị cho em hỏi là phòng em phải làm gì ạ?', 'phòng em phải làm gì?'],
    ['Cho em hỏi nhanh xíu nha: ai làm đầu mối?', 'ai làm đầu mối?'],
    ['kế hoạch căn cứ quyết định nào vậy ạ? Em cảm ơn nhiều ạ', 'kế hoạch căn cứ quyết định nào?'],
  ])('%s → %s', (q, want) => expect(strip(q).text).toBe(want));

  it('a word typed with marks is framing only in its framing spelling (homographs after folding)', () => {
    // "hỏi thử" is framing; the "thủ" of "thủ tục" folds the same and is not.
    expect(strip('cho em hỏi thủ tục đăng ký khuyến mại').text).toBe('thủ tục đăng ký khuyến mại');
    expect(strip('cho em hỏi thử thủ tục đăng ký khuyến mại').text).toBe('thủ tục đăng ký khuyến mại');
    // Unaccented typing stays ambiguous and keeps the folded match.
    expect(strip('cho em hoi thu tuc dang ky').text).not.toContain('hoi');
  });

  it('keeps a question that is all substance', () => {
    expect(strip('Ai phụ trách cập nhật nội dung?').text).toBe('Ai phụ trách cập nhật nội dung?');
    expect(strip('Chi đoàn TNCS Hồ Chí Minh làm gì').text).toBe('Chi đoàn TNCS Hồ Chí Minh làm gì');
  });

  it('keeps a self-introduction when it is the only clause', () => {
    expect(strip('tôi là doanh nghiệp').text).toBe('tôi là doanh nghiệp');
  });

  it('reports what it removed', () => {
    expect(strip('chào ad, phí bao nhiêu ạ').framing).toEqual(['chào ad', 'ạ']);
  });
});
