/**
 * Diacritic restoration (src/text/query/diacritics.ts): on a small corpus,
 * the mechanism (pairs choose the spelling, all or nothing, the user's marks
 * and every number kept); on the project corpus, unaccented questions and
 * their accented twins analysed the same, and questions the corpus cannot
 * place left as typed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KnowledgeBase } from '../../../src/rag/knowledge-base.js';
import { analyzeQuery } from '../../../src/rag/query/analyze.js';
import { normalizeText } from '../../../src/text/normalize.js';
import { buildDiacriticModel, restoreDiacritics } from '../../../src/text/query/diacritics.js';
import { fromTokens, type Token, toTokens } from '../../../src/text/query/tokens.js';
import { accentedPairsOf } from '../../../src/text/query/vocabulary.js';
import { openTestKnowledgeBase } from '../../helpers/knowledge-base.js';

const CORPUS = [
  'Người dân nộp hồ sơ trực tuyến trên Cổng Dịch vụ công quốc gia.',
  'Tra cứu hồ sơ bằng mã số hồ sơ sau khi nộp.',
  'Hồ sơ được tiếp nhận tại Bộ phận một cửa.',
  'Họ và tên người nộp hồ sơ.',
  'Hồ chứa nước, hồ Thạch Nham.',
  'Hỗ trợ doanh nghiệp; hỗ trợ người dân nộp hồ sơ.',
  'Kế hoạch ban hành ngày 22/7/2022, có hiệu lực từ ngày 01/7/2025.',
  'Nghị định 42/2022/NĐ-CP có hiệu lực từ ngày 15/8/2022.',
  'Năm 2019 tỉnh đạt 64,33 điểm. Số điện thoại của Sở.',
  'Sở Công Thương phối hợp với các cơ quan.',
  'Xem https://dichvucong.gov.vn/tin-tuc/ho-so-nop-ho-so-o-dau để biết thêm.',
];
const model = buildDiacriticModel(CORPUS);
const typedTokens = (q: string): Token[] => toTokens(normalizeText(q)).tokens;
const restore = (q: string, reserved?: ReadonlySet<string>) => {
  const r = restoreDiacritics(typedTokens(q), model, reserved ? { reserved } : {});
  return r ? fromTokens(r.tokens) : undefined;
};

describe('restoreDiacritics on a small corpus', () => {
  it.each([
    ['nop ho so truc tuyen', 'nộp hồ sơ trực tuyến'],
    ['tra cuu ho so bang ma so ho so', 'tra cứu hồ sơ bằng mã số hồ sơ'],
    ['ho tro doanh nghiep', 'hỗ trợ doanh nghiệp'],
    ['ho va ten nguoi nop', 'họ và tên người nộp'],
    // Question words take their question spelling ("ở đâu", "khi nào", "là gì").
    ['nop ho so o dau', 'nộp hồ sơ ở đâu'],
    ['ho so la gi', 'hồ sơ là gì'],
    ['co hieu luc khi nao', 'có hiệu lực khi nào'],
  ])('%s → %s', (q, want) => {
    expect(restore(q)).toBe(want);
  });

  it.each([
    ['ke hoach ban hanh ngay 22/7/2022', 'kế hoạch ban hành ngày 22/7/2022'],
    ['hieu luc tu ngay 01/7/2025', 'hiệu lực từ ngày 01/7/2025'],
    ['nghi dinh 42/2022/NĐ-CP co hieu luc', 'nghị định 42/2022/NĐ-CP có hiệu lực'],
    ['nam 2019 tinh dat 64,33 diem', 'năm 2019 tỉnh đạt 64,33 điểm'],
  ])('numbers, dates and document numbers stay as typed: %s', (q, want) => {
    const got = restore(q);
    expect(got).toBe(want);
    const digits = (s: string) => s.match(/[\d/,.-]+[\dA-ZĐ]/gu) ?? [];
    expect(digits(got as string)).toEqual(digits(q));
  });

  it('keeps what the user typed with marks', () => {
    expect(restore('nộp ho so trực tuyến')).toBe('nộp hồ sơ trực tuyến');
    // A chat abbreviation's meaning (token.accent) is its own spelling.
    const tokens = typedTokens('nop ho so');
    (tokens[0] as Token).accent = 'nộp';
    expect(fromTokens(restoreDiacritics(tokens, model)?.tokens ?? [])).toBe('nộp hồ sơ');
  });

  it('is all or nothing: a content syllable the corpus does not know keeps the question as typed', () => {
    expect(restore('nop ho so ket hon')).toBeUndefined();
    expect(restore('ho so xe may')).toBeUndefined();
  });

  it('keeps tokens no syllable spells ("online", "vneid") and names the glossary reserves', () => {
    expect(restore('nop ho so online')).toBe('nộp hồ sơ online');
    expect(restore('khtc nop ho so', new Set(['khtc']))).toBe('khtc nộp hồ sơ');
  });

  it('does not learn spellings from web addresses', () => {
    // "o dau" and "ho-so" in the address are not spellings: "ở đâu" comes from the question phrasing.
    expect(model.forms('dau').some((f) => f.form === 'dau')).toBe(false);
  });

  it('counts pairs only inside a sentence part and answers `has` for the corpus alone', () => {
    expect(model.pairCount('hồ', 'sơ')).toBeGreaterThan(2);
    expect(model.has('hồ sơ')).toBe(true);
    // A question phrase counts for the spelling choice, but is not a corpus pair.
    expect(model.pairCount('ở', 'đâu')).toBeGreaterThan(0);
    expect(model.has('ở đâu')).toBe(false);
  });

  it('answers `has` exactly as accentedPairsOf for typo repair', () => {
    const pairs = accentedPairsOf(CORPUS);
    for (const p of pairs) expect(model.has(p)).toBe(true);
    for (const p of ['ở đâu', 'là gì', 'hồ số', 'sơ hồ']) expect(model.has(p)).toBe(pairs.has(p));
  });

  it('analyzeQuery restores with the model, and without it leaves the question folded', () => {
    const restored = analyzeQuery('nop ho so o dau', { diacritics: model });
    expect(restored.accented).toBe(true);
    expect(restored.restoredFrom).toBe('nop ho so o dau');
    expect(restored.intent.kind).toBe(analyzeQuery('nộp hồ sơ ở đâu', { diacritics: model }).intent.kind);
    const plain = analyzeQuery('nop ho so o dau');
    expect(plain.accented).toBe(false);
    expect(plain.restoredFrom).toBeUndefined();
    expect(analyzeQuery('nop ho so ket hon', { diacritics: model }).accented).toBe(false);
  });
});

describe('diacritic restoration on the project corpus', () => {
  let kb: KnowledgeBase;
  beforeAll(async () => {
    kb = await openTestKnowledgeBase();
  });
  afterAll(async () => {
    await kb.close();
  });
  const analyse = (q: string) => kb.retriever.analyze(normalizeText(q));

  // Unaccented (chat) typing and the same question with its marks.
  it.each([
    ['nop ho so tren mang thi lam nhung buoc nao', 'nộp hồ sơ trên mạng thì làm những bước nào'],
    ['gui ho so qua buu dien duoc khong', 'gửi hồ sơ qua bưu điện được không'],
    ['tra cuu tinh trang ho so can nhap nhung gi', 'tra cứu tình trạng hồ sơ cần nhập những gì'],
    ['cong dich vu cong quoc gia dia chi web la gi', 'cổng dịch vụ công quốc gia địa chỉ web là gì'],
    ['kh 1523 ban hanh ngay nao vay', 'kh 1523 ban hành ngày nào vậy'],
    ['luat tiep cong dan co hieu luc khi nao', 'luật tiếp công dân có hiệu lực khi nào'],
    ['nghi dinh 42 co hieu luc tu ngay nao', 'nghị định 42 có hiệu lực từ ngày nào'],
    ['pci gom bao nhieu chi so thanh phan', 'pci gồm bao nhiêu chỉ số thành phần'],
    ['diem pci cua quang ngai nam 2019', 'điểm pci của quảng ngãi năm 2019'],
    ['ai lap du toan kinh phi cho ke hoach', 'ai lập dự toán kinh phí cho kế hoạch'],
    ['giai quyet to cao toi da bao nhieu ngay', 'giải quyết tố cáo tối đa bao nhiêu ngày'],
    ['khieu nai lan dau giai quyet mat bao lau', 'khiếu nại lần đầu giải quyết mất bao lâu'],
    ['tai khoan dinh danh muc 2 co them gi so voi muc 1', 'tài khoản định danh mức 2 có thêm gì so với mức 1'],
    ['ban bien tap cong thong tin cua so lam gi', 'ban biên tập cổng thông tin của sở làm gì'],
    ['sap xep don vi su nghiep theo nghi dinh nao', 'sắp xếp đơn vị sự nghiệp theo nghị định nào'],
    ['bo cap huyen roi thi nop giay to o dau', 'bỏ cấp huyện rồi thì nộp giấy tờ ở đâu'],
    ['van phong so phu trach gi trong ke hoach nay', 'văn phòng sở phụ trách gì trong kế hoạch này'],
    ['lam sao biet ho so cua minh dang xu ly toi dau roi', 'làm sao biết hồ sơ của mình đang xử lý tới đâu rồi'],
    // A syllable that is a function word too: its content reading only where it pairs on both sides.
    ['cong doan co phai tham gia ko', 'công đoàn có phải tham gia ko'],
    ['ko con cap huyen thi nop ho so o dau', 'ko còn cấp huyện thì nộp hồ sơ ở đâu'],
    ['ke hoach can cu quyet dinh nao', 'kế hoạch căn cứ quyết định nào'],
    ['papi gom may chi so noi dung', 'papi gồm mấy chỉ số nội dung'],
    ['kh 1523 ban hanh ngay nao', 'kh 1523 ban hành ngày nào'],
  ])('%s analyses like "%s"', (typed, twin) => {
    const a = analyse(typed);
    const b = analyse(twin);
    expect(a.restoredFrom).toBeDefined();
    expect(a.accented).toBe(true);
    expect(a.cleaned).toBe(b.cleaned);
    expect(a.content).toBe(b.content);
    expect(a.intent.kind).toBe(b.intent.kind);
    expect(a.terms.map((t) => t.text).sort()).toEqual(b.terms.map((t) => t.text).sort());
  });

  it.each([
    // Digits and dates survive restoration exactly.
    ['tinh xu ly bao nhieu ho so truc tuyen thang 8/2025', '8/2025'],
    ['hieu luc tu ngay 01/7/2025', '01/7/2025'],
    ['qd 845/QĐ-UBND ban hanh ngay nao', '845'],
  ])('never changes numbers: %s', (q, kept) => {
    expect(analyse(q).cleaned).toContain(kept);
  });

  it.each([
    // Words the sources and the thesaurus never write ("cá", "xe"): left as typed, matched folded as before.
    // ("rượu" was one until the thesaurus learnt "say rượu"; then the question is restored, as it should be.)
    'nguoi ban ca ngoai cho co phai dang ky kinh doanh ko',
    'phi cap doi bang lai xe bao nhieu tien',
  ])('leaves a question with a word the corpus lacks as typed: %s', (q) => {
    const a = analyse(q);
    expect(a.restoredFrom).toBeUndefined();
    expect(a.accented).toBe(false);
  });
});
