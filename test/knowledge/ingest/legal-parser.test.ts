import { describe, expect, it } from 'vitest';
import { MAX_SECTION_CHARS, parseLegalDocument, parseLegalStructure } from '../../../src/knowledge/ingest/legal-parser.js';
import { cleanLines } from '../../../src/knowledge/ingest/lines.js';

const TITLE = 'Luật Thử nghiệm (hư cấu)';

/** A sentence of about `n` characters, unique through `tag`. */
const filler = (tag: string, n: number): string => {
  const words: string[] = [];
  while (words.join(' ').length < n) words.push(`nội dung ${tag} số ${words.length}`);
  return `${words.join(' ')}.`;
};

const LAW = [
  'QUỐC HỘI',
  'Luật số: 99/2030/QH99',
  'LUẬT',
  'THỬ NGHIỆM',
  'Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;',
  'Quốc hội ban hành Luật Thử nghiệm.',
  '',
  'Chương I',
  'NHỮNG QUY ĐỊNH CHUNG',
  '',
  'Điều 1. Phạm vi điều chỉnh',
  'Luật này quy định về việc thử nghiệm bộ phân tích văn bản.',
  '',
  'Điều 2. Giải thích từ ngữ',
  '1. Văn bản là tài liệu có số hiệu.',
  '2. Bộ phân tích là chương trình đọc văn bản.',
  '',
  'Chương II. QUYỀN VÀ NGHĨA VỤ',
  '',
  'Mục 1. QUYỀN',
  '',
  'Điều 3. Quyền của người khiếu nại',
  `1. ${filler('khoản một', 500)}`,
  `2. Người khiếu nại có quyền rút khiếu nại bất cứ lúc nào. ${filler('khoản hai', 400)}`,
  `3. ${filler('khoản ba', 600)}`,
  '',
  'Điều 4. Nghĩa vụ của người bị khiếu nại',
  '1. Người bị khiếu nại có các nghĩa vụ sau đây:',
  `a) ${filler('điểm a', 400)}`,
  `b) ${filler('điểm b', 400)}`,
  `c) ${filler('điểm c', 400)}`,
  `d) ${filler('điểm d', 300)}`,
  'đ) Bồi thường thiệt hại do quyết định hành chính trái pháp luật gây ra.',
  '2. Nghĩa vụ khác theo quy định của pháp luật.',
  '',
  'Luật này đã được Quốc hội thông qua.',
  'CHỦ TỊCH QUỐC HỘI',
  'Nguyễn Văn Giả',
].join('\n');

const find = (sections: ReturnType<typeof parseLegalStructure>, path: string) => {
  const s = sections.find((x) => x.path === path);
  if (!s) throw new Error(`no section ${path}; have ${sections.map((x) => x.path).join(' | ')}`);
  return s;
};

describe('parseLegalStructure', () => {
  const { structure, sections } = parseLegalDocument(LAW, TITLE);

  it('recognises the legal structure', () => {
    expect(structure).toBe('legal');
  });

  it('puts the text before the first heading into Phần mở đầu', () => {
    const pre = find(sections, 'Phần mở đầu');
    expect(pre.text).toContain('Căn cứ Hiến pháp');
    expect(pre.text).not.toContain('Điều 1');
    expect(sections[0]?.path).toBe('Phần mở đầu');
  });

  it('makes one section for a short Điều without Khoản, with the Chương in the trail', () => {
    const s = find(sections, 'Điều 1');
    expect(s.text.startsWith('Điều 1. Phạm vi điều chỉnh\n')).toBe(true);
    expect(s.trail).toEqual([TITLE, 'Chương I. NHỮNG QUY ĐỊNH CHUNG', 'Điều 1. Phạm vi điều chỉnh']);
    expect(s.kind).toBe('passage');
  });

  it('keeps a short Điều with Khoản whole', () => {
    const s = find(sections, 'Điều 2');
    expect(s.text).toContain('1. Văn bản là tài liệu có số hiệu.');
    expect(s.text).toContain('2. Bộ phân tích là chương trình đọc văn bản.');
    expect(sections.some((x) => x.path.startsWith('Điều 2, Khoản'))).toBe(false);
  });

  it('splits a long Điều into Khoản, each prefixed with the Điều heading', () => {
    expect(sections.some((x) => x.path === 'Điều 3')).toBe(false);
    const k2 = find(sections, 'Điều 3, Khoản 2');
    expect(k2.text.startsWith('Điều 3. Quyền của người khiếu nại\n2. Người khiếu nại có quyền rút khiếu nại')).toBe(true);
    expect(k2.trail).toEqual([TITLE, 'Chương II. QUYỀN VÀ NGHĨA VỤ', 'Mục 1. QUYỀN', 'Điều 3. Quyền của người khiếu nại', 'Khoản 2']);
    expect(find(sections, 'Điều 3, Khoản 1').text).not.toContain('khoản hai');
    expect(find(sections, 'Điều 3, Khoản 3').text).toContain('khoản ba');
  });

  it('splits a long Khoản into Điểm including đ, repeating the Khoản lead-in', () => {
    const d = find(sections, 'Điều 4, Khoản 1, Điểm đ');
    expect(d.text).toBe(
      'Điều 4. Nghĩa vụ của người bị khiếu nại\n1. Người bị khiếu nại có các nghĩa vụ sau đây:\nđ) Bồi thường thiệt hại do quyết định hành chính trái pháp luật gây ra.',
    );
    expect(d.trail.slice(-2)).toEqual(['Khoản 1', 'Điểm đ']);
    expect(find(sections, 'Điều 4, Khoản 1, Điểm a').text).toContain('điểm a');
    expect(find(sections, 'Điều 4, Khoản 2').text).toContain('Nghĩa vụ khác');
  });

  it('keeps every passage within the limit when Khoản/Điểm allow it', () => {
    for (const s of sections.filter((x) => x.kind === 'passage' && x.path.startsWith('Điều'))) {
      expect(s.text.length, s.path).toBeLessThanOrEqual(MAX_SECTION_CHARS);
    }
  });

  it('moves the signature block after the last Điều into Nơi nhận', () => {
    const tail = find(sections, 'Nơi nhận');
    expect(tail.text).toContain('CHỦ TỊCH QUỐC HỘI');
    expect(find(sections, 'Điều 4, Khoản 2').text).not.toContain('CHỦ TỊCH QUỐC HỘI');
    expect(sections[sections.length - 1]?.path).toBe('Nơi nhận');
  });

  it('adds outline sections for Chương and Mục listing their children', () => {
    const ch2 = find(sections, 'Chương II');
    expect(ch2.kind).toBe('outline');
    expect(ch2.text.split('\n')).toEqual(['Chương II. QUYỀN VÀ NGHĨA VỤ', 'Mục 1. QUYỀN']);
    const muc = find(sections, 'Chương II, Mục 1');
    expect(muc.text).toContain('Điều 3. Quyền của người khiếu nại');
    expect(muc.text).toContain('Điều 4. Nghĩa vụ của người bị khiếu nại');
  });

  it('starts a recipients block at Nơi nhận and keeps Điểm/Khoản sequencing strict', () => {
    const text = [
      'Điều 1. Hiệu lực',
      'Quyết định này có hiệu lực kể từ ngày ký.',
      '2024. Dòng này bắt đầu bằng một con số nhưng không phải khoản.',
      'Nơi nhận:',
      '- Như Điều 1;',
      '- Lưu: VT.',
    ].join('\n');
    const s = parseLegalStructure(text, 'QĐ');
    expect(s.map((x) => x.path)).toEqual(['Điều 1', 'Nơi nhận']);
    expect(s[0]?.text).toContain('2024. Dòng này');
    expect(s[1]?.text).toBe('Nơi nhận:\n- Như Điều 1;\n- Lưu: VT.');
  });

  it('handles Phần thứ…, Arabic Chương numbers and a capitalised Chương title wrapped onto two lines', () => {
    const text = [
      'PHẦN THỨ NHẤT',
      'QUY ĐỊNH CHUNG',
      'Chương 1: QUYỀN, NGHĨA VỤ CỦA NGƯỜI KHIẾU NẠI,',
      'NGƯỜI BỊ KHIẾU NẠI',
      'Điều 1. Quyền',
      'Người khiếu nại có quyền tự mình khiếu nại.',
    ].join('\n');
    const s = parseLegalStructure(text, 'L');
    expect(s.map((x) => x.path)).toEqual(['Phần thứ nhất', 'Chương 1', 'Điều 1']);
    expect(s[2]?.trail).toEqual(['L', 'Phần thứ nhất. QUY ĐỊNH CHUNG', 'Chương 1. QUYỀN, NGHĨA VỤ CỦA NGƯỜI KHIẾU NẠI, NGƯỜI BỊ KHIẾU NẠI', 'Điều 1. Quyền']);
  });

  it('shortens a long untitled Điều heading in the trail but keeps it whole in the text', () => {
    const first = `Điều 1. ${filler('câu đầu', 200)}`;
    const [s] = parseLegalStructure(`${first}\nCâu thứ hai.`, 'QĐ');
    expect(s?.text.startsWith(`${first}\n`)).toBe(true);
    const label = s?.trail[1] ?? '';
    expect(label.length).toBeLessThanOrEqual(122);
    expect(label.endsWith(' …')).toBe(true);
    expect(first.startsWith(label.slice(0, -2))).toBe(true);
  });

  it('does not take prose mentioning a Chương for a heading', () => {
    const s = parseLegalStructure('Điều 1. Áp dụng\nChương II của Luật này áp dụng cho mọi cơ quan.', 'X');
    expect(s.map((x) => x.path)).toEqual(['Điều 1']);
    expect(s[0]?.text).toContain('Chương II của Luật này');
  });

  it('repairs page-break artefacts: page numbers dropped, broken sentence joined', () => {
    const text = ['Điều 7. Tiếp nhận', '1. Hồ sơ được tiếp nhận tại bộ phận', '', '12', '', 'một cửa của Sở Công Thương.', '2. Kết quả trả qua bưu điện.'].join(
      '\n',
    );
    const [s] = parseLegalStructure(text, 'X');
    expect(s?.text).toBe('Điều 7. Tiếp nhận\n1. Hồ sơ được tiếp nhận tại bộ phận một cửa của Sở Công Thương.\n2. Kết quả trả qua bưu điện.');
  });
});

describe('attached texts', () => {
  const DECISION = [
    'QUYẾT ĐỊNH',
    'Về việc ban hành Quy chế tiếp nhận phản ánh (hư cấu)',
    'QUYẾT ĐỊNH:',
    'Điều 1. Ban hành kèm theo Quyết định này Quy chế tiếp nhận phản ánh.',
    'Điều 2. Quyết định này có hiệu lực kể từ ngày ký.',
    'Nơi nhận:',
    '- Như Điều 2;',
    '- Lưu: VT.',
    'CHỦ TỊCH',
    'Nguyễn Văn Hư',
    'QUY CHẾ',
    'Tiếp nhận phản ánh của người dân',
    '(Ban hành kèm theo Quyết định số 99/QĐ-THU ngày 05/3/2024)',
    'Chương I',
    'QUY ĐỊNH CHUNG',
    'Điều 1. Phạm vi điều chỉnh',
    'Quy chế này áp dụng cho bộ phận một cửa.',
    'Điều 2. Thời hạn',
    'Phản ánh được trả lời trong 7 ngày.',
    'PHỤ LỤC I',
    'MẪU PHIẾU PHẢN ÁNH',
    'Họ và tên người phản ánh: ...',
  ].join('\n');
  const sections = parseLegalStructure(DECISION, 'QĐ 99');
  const paths = sections.map((x) => x.path);

  it('keeps the decision, its Nơi nhận and the attached Quy chế apart, with prefixed paths', () => {
    expect(paths).toEqual(['Phần mở đầu', 'Điều 1', 'Điều 2', 'Nơi nhận', 'Quy chế', 'Quy chế, Chương I', 'Quy chế, Điều 1', 'Quy chế, Điều 2', 'Phụ lục I']);
    expect(find(sections, 'Nơi nhận').text).toBe('Nơi nhận:\n- Như Điều 2;\n- Lưu: VT.\nCHỦ TỊCH\nNguyễn Văn Hư');
    expect(find(sections, 'Quy chế').text).toContain('(Ban hành kèm theo Quyết định số 99/QĐ-THU');
    const d1 = find(sections, 'Quy chế, Điều 1');
    expect(d1.text).toBe('Điều 1. Phạm vi điều chỉnh\nQuy chế này áp dụng cho bộ phận một cửa.');
    expect(d1.trail).toEqual(['QĐ 99', 'Quy chế', 'Chương I. QUY ĐỊNH CHUNG', 'Điều 1. Phạm vi điều chỉnh']);
    expect(find(sections, 'Phụ lục I').text).toContain('MẪU PHIẾU PHẢN ÁNH');
    expect(find(sections, 'Quy chế, Điều 2').text).not.toContain('PHỤ LỤC');
  });

  it('treats a signature-like line followed by the next Điều as ordinary text', () => {
    const s = parseLegalStructure(
      ['Điều 1. Trách nhiệm', 'GIÁM ĐỐC SỞ chịu trách nhiệm chung.', 'Điều 2. Hiệu lực', 'Có hiệu lực từ ngày ký.'].join('\n'),
      'X',
    );
    expect(s.map((x) => x.path)).toEqual(['Điều 1', 'Điều 2']);
    expect(s[0]?.text).toBe('Điều 1. Trách nhiệm\nGIÁM ĐỐC SỞ chịu trách nhiệm chung.');
  });
});

describe('plain fallback', () => {
  it('groups paragraphs into ≤ 1400-char sections Đoạn 1, Đoạn 2… when there is no Điều', () => {
    const paras = Array.from({ length: 6 }, (_, i) => filler(`đoạn ${i}`, 500));
    const { structure, sections } = parseLegalDocument(paras.join('\n\n'), 'Ghi chú');
    expect(structure).toBe('plain');
    expect(sections.map((s) => s.path)).toEqual(['Đoạn 1', 'Đoạn 2', 'Đoạn 3']);
    for (const s of sections) expect(s.text.length).toBeLessThanOrEqual(MAX_SECTION_CHARS);
    expect(sections[0]?.trail).toEqual(['Ghi chú']);
    expect(sections.map((s) => s.text).join('\n\n')).toBe(paras.join('\n\n'));
  });

  it('cuts one over-long paragraph at sentence boundaries', () => {
    const long = Array.from({ length: 40 }, (_, i) => `Câu thứ ${i} nói về thủ tục hành chính công.`).join(' ');
    const { sections } = parseLegalDocument(long, 'Dài');
    expect(sections.length).toBeGreaterThan(1);
    for (const s of sections) {
      expect(s.text.length).toBeLessThanOrEqual(MAX_SECTION_CHARS);
      expect(s.text.endsWith('.')).toBe(true);
    }
  });
});

describe('cleanLines', () => {
  it('keeps Điểm lines that start in lower case as their own lines', () => {
    expect(cleanLines('Các trường hợp sau đây\na) thứ nhất;\nb) thứ hai.')).toEqual(['Các trường hợp sau đây', 'a) thứ nhất;', 'b) thứ hai.']);
  });

  it('drops running page numbers such as "- 3 -" and "Trang 2/5"', () => {
    expect(cleanLines('Câu một.\n- 3 -\nCâu hai.\nTrang 2/5\nCâu ba.').filter((l) => l !== '')).toEqual(['Câu một.', 'Câu hai.', 'Câu ba.']);
  });
});
