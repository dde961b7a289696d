/**
 * Everyday phrasings (written for this test, not taken from any question
 * set) expand to the official wording the knowledge uses, through
 * knowledge/thesaurus.yaml; and the matching rules that keep expansions from
 * becoming noise.
 */
import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../../src/text/normalize.js';
import { coverCredit, createThesaurus, loadThesaurus, matchThesaurus, unifyIY } from '../../../src/text/query/thesaurus.js';
import { toTokens } from '../../../src/text/query/tokens.js';

const real = loadThesaurus('knowledge/thesaurus.yaml');
const alternativesOf = (text: string) => matchThesaurus(toTokens(normalizeText(text)).tokens, real).flatMap((m) => m.alternatives.map((a) => a.text));

describe('everyday wording → official wording (knowledge/thesaurus.yaml)', () => {
  const table: Array<[everyday: string, official: string]> = [
    ['tiền làm kế hoạch', 'kinh phí thực hiện kế hoạch'],
    ['lo dự trù', 'lập dự toán'],
    ['xin tài trợ', 'huy động từ các nguồn tài trợ hợp pháp khác'],
    ['xin tiền cấp trên', 'trình cấp có thẩm quyền xem xét, bố trí kinh phí'],
    ['sếp sở', 'giám đốc sở'],
    ['cầm trịch', 'đầu mối'],
    ['báo sếp qua văn phòng', 'báo cáo giám đốc sở (thông qua văn phòng)'],
    ['web sở công thương', 'cổng ttđttp sở công thương'],
    ['chợ online của tỉnh', 'sàn giao dịch tmđt tỉnh quảng ngãi'],
    ['người quản lý sàn', 'ban quản trị'],
    ['bỏ rác riêng', 'phân loại chất thải'],
    ['rác', 'chất thải'],
    ['tiền lót tay', 'chi phí không chính thức'],
    ['cán bộ vòi tiền', 'những đơn vị, cá nhân có hành vi nhũng nhiễu'],
    ['làm khó dân', 'gây khó khăn cho người dân'],
    ['tăng lương', 'nâng bậc lương, nâng ngạch'],
    ['thi công chức', 'công tác tuyển dụng'],
    ['đồ đạc cơ quan', 'tài sản'],
    ['cán bộ làm sai', 'cán bộ, công chức, viên chức có hành vi sai phạm'],
    ['bớt thủ tục lằng nhằng', 'loại bỏ các thủ tục rườm rà'],
    ['làm thủ tục online', 'dịch vụ công trực tuyến'],
    ['giấy tờ cần có', 'thành phần hồ sơ'],
    ['hồ sơ tới đâu rồi', 'tra cứu hồ sơ'],
    ['khỏi phải đến', 'toàn trình'],
    ['ví điện tử', 'trung gian thanh toán'],
    ['up giấy tờ lên', 'tải lên các thành phần hồ sơ'],
    ['thuốc nổ', 'vật liệu nổ'],
    ['công ty cãi nhau', 'tranh chấp'],
    ['tranh chấp làm ăn', 'tranh chấp kinh doanh thương mại'],
    ['tìm khách', 'tìm kiếm khách hàng'],
    ['nhập Kon Tum', 'hợp nhất'],
    ['bỏ huyện', 'bỏ cấp huyện'],
    ['dân chấm điểm chính quyền', 'papi'],
    ['doanh nghiệp chấm điểm tỉnh', 'pci'],
    ['kéo điểm các chỉ số lên', 'nâng cao thứ hạng các chỉ số'],
    // typed without diacritics
    ['tien lam ke hoach', 'kinh phí thực hiện kế hoạch'],
    ['phan loai rac', 'phân loại chất thải'],
    // Catalogue and guide terms (h17-everyday walk).
    ['nhà ở xa', 'vùng sâu'],
    ['người say xỉn', 'người trong tình trạng say do dùng chất kích thích'],
    ['đi thưa', 'khiếu nại'],
    ['giúp gỡ', 'phối hợp giải quyết những tranh chấp'],
    ['tài khoản cấp 2', 'định danh điện tử mức 2'],
    ['đem tới nộp', 'nộp hồ sơ trực tiếp'],
    ['làm dơ môi trường', 'ô nhiễm môi trường'],
    ['mặt hàng có điều kiện', 'ngành, nghề kinh doanh có điều kiện'],
    ['kế hoạch dặn', 'yêu cầu'],
    // Read across 'thêm' (more): the phrase is the user's own on both sides.
    ['kiếm thêm người mua', 'tìm kiếm khách hàng'],
  ];
  it.each(table)('"%s" expands to "%s"', (everyday, official) => {
    expect(alternativesOf(everyday)).toContain(official);
  });

  it('reads the final i/y spellings as one ("công ti" = "công ty")', () => {
    expect(unifyIY('ty')).toBe('ti');
    expect(unifyIY('lý')).toBe('lí');
    expect(unifyIY('tuyên')).toBe('tuyên');
    expect(alternativesOf('công ti tư nhân')).toEqual(alternativesOf('công ty tư nhân'));
    expect(alternativesOf('công ti tư nhân')).toContain('doanh nghiệp khu vực tư nhân');
  });
});

describe('body terms (plan I–IV sentences, duties, guide steps, explainers) → their official wording', () => {
  // Written for this test from general usage, not from any question set.
  const table: Array<[everyday: string, official: string]> = [
    ['cắt biên chế', 'tinh giản biên chế'],
    ['lên chức', 'bổ nhiệm'],
    ['về hưu', 'nghỉ hưu'],
    ['thưa kiện', 'khiếu nại'],
    ['dây dưa', 'kéo dài'],
    ['ký điện tử', 'chữ ký số'],
    ['quét giấy tờ', 'số hóa hồ sơ'],
    ['chọn nhà thầu', 'đấu thầu'],
    ['tìm đầu ra', 'xúc tiến thương mại'],
    ['đồng lòng', 'đồng thuận'],
    ['khói bụi', 'ô nhiễm môi trường'],
    ['quầy nhận hồ sơ', 'bộ phận một cửa'],
    ['làm thử', 'thí điểm'],
    ['dấu vân tay', 'vân tay'],
    ['hóa đơn', 'biên lai điện tử'],
    ['hỏi ý kiến người dân', 'điều tra xã hội học'],
    ['dân vừa lòng', 'chỉ số hài lòng về sự phục vụ hành chính'],
    ['duyệt tiền', 'xem xét, bố trí kinh phí'],
    ['soát sổ sách', 'kiểm toán'],
    ['tụt hạng', 'giảm bậc'],
  ];
  it.each(table)('"%s" expands to "%s"', (everyday, official) => {
    expect(alternativesOf(everyday)).toContain(official);
  });
});

describe('matching rules that keep expansions from becoming noise', () => {
  const th = createThesaurus([
    ['trung tâm phục vụ hành chính công', 'trung tâm hành chính công'],
    ['phục vụ', 'cách phục vụ'],
    ['nhũng nhiễu', 'hành'],
    ['giám đốc sở', 'sếp'],
    { terms: ['tổ chức', 'cơ quan'], weight: 0.5 },
  ]);
  const sources = (text: string, pairKnown?: (l: string, r: string) => boolean) =>
    matchThesaurus(toTokens(normalizeText(text)).tokens, th, () => false, pairKnown).map((m) => m.source);

  it('matches the longest phrase and never the words inside it again', () => {
    expect(sources('nộp ở trung tâm phục vụ hành chính công')).toEqual(['trung tâm phục vụ hành chính công']);
    expect(sources('thái độ phục vụ')).toEqual(['phục vụ']);
  });

  it('does not expand a one-syllable term that is part of a corpus word', () => {
    const corpusPairs = new Set(['hanh chinh']);
    const known = (l: string, r: string) => corpusPairs.has(`${l} ${r}`);
    expect(sources('cải cách hành chính', known)).toEqual([]);
    expect(sources('hành dân', known)).toEqual(['hành']);
  });

  it('counts a default-weight phrase fully toward coverage, a one-word clue or a looser set less, while ranking all below the user', () => {
    const [phrase] = matchThesaurus(toTokens('giám đốc sở').tokens, th);
    expect(phrase?.alternatives[0]?.cover).toBe(1);
    expect(phrase?.alternatives[0]?.weight).toBeLessThan(1);
    const [word] = matchThesaurus(toTokens('sếp').tokens, th);
    expect(word?.alternatives[0]?.cover).toBeLessThan(1);
    expect(word?.alternatives[0]?.cover).toBeGreaterThan(word?.alternatives[0]?.weight ?? 1);
    const [org] = matchThesaurus(toTokens('cơ quan').tokens, th);
    expect(org?.alternatives[0]?.cover).toBeLessThan(coverCredit(0.7));
    expect(coverCredit(0.5)).toBeLessThan(1);
  });
});

describe('knowledge/thesaurus.yaml size', () => {
  it('has well over 1,400 sets (headings and body)', () => {
    expect(real.sets.length).toBeGreaterThanOrEqual(1400);
  });
});
