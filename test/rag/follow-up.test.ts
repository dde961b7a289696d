import { describe, expect, it } from 'vitest';
import { frameOf, frameSlots, isFollowUp, ordinalAsked, pointsBack, resolveFollowUp, resolveFollowUpFrame, subjectOf } from '../../src/rag/follow-up.js';

describe('a follow-up keeps the previous frame and swaps the subject', () => {
  it.each([
    ['PCI có những nội dung truyền thông nào?', 'vậy còn PAPI thì sao?', 'PAPI có những nội dung truyền thông nào?'],
    ['Điểm II.2.c nói về gì?', 'còn điểm d?', 'Điểm II.2.d nói về gì?'],
    ['Mục IV.2 giao việc gì?', 'còn mục 3 thì sao', 'Mục IV.3 giao việc gì?'],
    ['Nghị định 60/2021/NĐ-CP ban hành ngày nào?', 'còn Nghị định 120/2020/NĐ-CP?', 'Nghị định 120/2020/NĐ-CP ban hành ngày nào?'],
    ['Điểm PCI năm 2019 của tỉnh là bao nhiêu?', 'con nam 2021?', 'Điểm PCI năm 2021 của tỉnh là bao nhiêu?'],
    ['Hồ sơ nộp qua bưu điện gồm những gì?', 'còn nộp trực tuyến thì sao?', 'nộp trực tuyến gồm những gì?'],
  ])('%s + %s', (prev, q, expected) => {
    expect(resolveFollowUp(q, prev)).toBe(expected);
  });

  it('without a same-kind subject, the old subject is dropped and the frame kept', () => {
    const out = resolveFollowUp('còn đăng ký tài khoản?', 'Các bước tra cứu hồ sơ là gì?');
    expect(out).toContain('đăng ký tài khoản');
    expect(out).toContain('bước');
    expect(out).not.toContain('tra cứu');
  });

  it('the frame is the question words, not the subject', () => {
    expect(frameOf('Ai phụ trách cập nhật cổng thông tin?')).toContain('Ai');
    expect(frameOf('Ai phụ trách cập nhật cổng thông tin?')).not.toContain('cổng');
  });

  it('a standalone question is not a follow-up', () => {
    expect(isFollowUp('Kinh phí thực hiện kế hoạch lấy từ đâu?')).toBe(false);
    expect(resolveFollowUp('Kinh phí lấy từ đâu?', 'PAPI là gì?')).toBe('Kinh phí lấy từ đâu?');
  });

  it.each([
    ['pci gồm mấy chỉ số thành phần', 'z còn papi thì s', 'papi gồm mấy chỉ số thành phần'],
    ['PCI có bao nhiêu chỉ số thành phần?', 'còn PAR INDEX thì sao ad', 'PAR INDEX có bao nhiêu chỉ số thành phần?'],
    ['pci la gi', 'ok con papi thi sao', 'papi la gi'],
  ])('chat openers and closers: %s + %s', (prev, q, expected) => {
    expect(resolveFollowUp(q, prev)).toBe(expected);
  });

  it.each([
    ['truyền thông PCI', 'ai phụ trách cái này', 'ai phụ trách truyền thông PCI'],
    ['Báo cáo kết quả truyền thông', 'việc này hạn khi nào', 'Báo cáo kết quả truyền thông hạn khi nào'],
    ['PCI là gì', 'nó có mấy chỉ số', 'PCI có mấy chỉ số'],
  ])('an anaphor takes the previous subject: %s + %s', (prev, q, expected) => {
    expect(resolveFollowUp(q, prev)).toBe(expected);
  });

  it.each(['vậy bước tiếp theo?', 'rồi sau đó làm gì', 'tiếp theo là gì', 'xong rồi làm gì'])('a next-step question keeps the previous question: %s', (q) => {
    expect(pointsBack(q)).toBe(true);
    expect(resolveFollowUp(q, 'Làm sao nộp hồ sơ trực tuyến?')).toBe('Làm sao nộp hồ sơ trực tuyến?');
  });

  it('the subject keeps compound words and drops question words', () => {
    expect(subjectOf('Truyền thông về chỉ số Gia nhập thị trường thuộc mục nào?')).toBe('Truyền thông chỉ số Gia nhập thị trường mục');
  });

  it('a long question that mentions "đó" is not a pointer', () => {
    expect(pointsBack('Sau khi nộp hồ sơ trực tuyến thì mã hồ sơ đó dùng để tra cứu tình trạng ở trang nào vậy')).toBe(false);
    expect(resolveFollowUp('Kinh phí lấy từ đâu?', 'Nộp hồ sơ thế nào?')).toBe('Kinh phí lấy từ đâu?');
  });
});

describe('follow-ups that swap a unit, keep a subject or point at an item', () => {
  it.each([
    ['Văn phòng Sở có nhiệm vụ gì?', 'thế Ban Biên tập?', 'Ban Biên tập có nhiệm vụ gì?'],
    ['Kế hoạch 1523 giao việc gì cho Văn phòng Sở?', 'còn Chi đoàn thì s', 'Kế hoạch 1523 giao việc gì cho Chi đoàn?'],
    ['van phong so phai lam gi', 'con cong doan thi sao', 'cong doan phai lam gi'],
    ['PAPI của Quảng Ngãi năm 2021 được bao nhiêu điểm?', 'thế năm 2022?', 'PAPI của Quảng Ngãi năm 2022 được bao nhiêu điểm?'],
    ['PAPI có mấy chỉ số nội dung?', 'thế còn PCI?', 'PCI có mấy chỉ số nội dung?'],
  ])('a unit, a year, an indicator: %s + %s', (prev, q, expected) => {
    expect(resolveFollowUp(q, prev)).toBe(expected);
  });

  it('a new frame for the same subject keeps the subject', () => {
    expect(resolveFollowUp('còn ngày ban hành?', 'Ai ký Kế hoạch 1523?')).toBe('ngày ban hành Kế hoạch 1523');
  });

  it.each([
    ['PCI gồm những chỉ số thành phần nào?', 'cái thứ 3 là gì?', 'PCI gồm những chỉ số thành phần nào — thứ 3', 3],
    ['PAPI gồm những chỉ số nội dung nào?', 'chỉ số thứ năm là gì', 'PAPI gồm những chỉ số nội dung nào — thứ 5', 5],
    ['Các bước nộp hồ sơ trực tuyến là gì?', 'bước 3 làm sao', 'Các bước nộp hồ sơ trực tuyến là gì — bước 3', 3],
  ])('an item of the list just given: %s + %s', (prev, q, expected, n) => {
    const out = resolveFollowUp(q, prev);
    expect(out).toBe(expected);
    expect(ordinalAsked(out)).toBe(n);
  });

  it('not an item of the previous list', () => {
    // "bước 3" after a question that was not about steps; an ordinal with its own subject.
    expect(resolveFollowUp('bước 3 làm sao', 'PAPI là gì?')).toBe('bước 3 làm sao');
    expect(resolveFollowUp('PAPI xếp thứ 3 năm nào?', 'PCI là gì?')).toBe('PAPI xếp thứ 3 năm nào?');
    // "thế nào là …" is a question of its own, "vậy bước tiếp theo?" a pointer.
    expect(isFollowUp('thế nào là PCI?')).toBe(false);
    expect(resolveFollowUp('vậy bước tiếp theo?', 'nộp hồ sơ trực tuyến bước đầu là gì')).toBe('nộp hồ sơ trực tuyến bước đầu là gì');
  });
});

describe('the previous frame fills the slots a follow-up leaves empty', () => {
  it.each([
    // Ellipsis: only what is asked, the previous subject fills the subject slot (its frame words dropped).
    ['Kế hoạch 1523 do ai ký?', 'ký ngày nào?', 'ký ngày nào Kế hoạch 1523'],
    ['Ai ký Kế hoạch 1523?', 'gửi cho những ai?', 'gửi cho những ai Kế hoạch 1523'],
    ['Ai làm đầu mối triển khai kế hoạch?', 'thế ai làm?', 'ai làm triển khai kế hoạch'],
    ['PAPI là gì?', 'ai ký?', 'ai ký PAPI'],
    ['Ai chịu trách nhiệm báo cáo UBND tỉnh hằng năm?', 'hạn chót là lúc nào?', 'hạn chót là lúc nào chịu báo cáo UBND tỉnh hằng'],
    // A question of its own about a new subject stands; its empty slots are filled.
    ['PCI có bao nhiêu chỉ số thành phần?', 'còn PAPI có mấy chỉ số nội dung?', 'PAPI có mấy chỉ số nội dung'],
    ['PAPI năm 2021 được bao nhiêu điểm?', 'còn PCI năm đó xếp thứ mấy?', 'PCI năm 2021 xếp thứ mấy'],
    ['PAPI năm 2021 được bao nhiêu điểm?', 'còn PCI thì do ai xây dựng?', 'PCI thì do ai xây dựng'],
    ['PAPI năm 2021 được bao nhiêu điểm?', 'còn PCI được mấy điểm?', 'PCI năm 2021 được bao nhiêu điểm?'],
    ['Văn phòng Sở làm gì?', 'còn Văn phòng Sở báo cáo cho ai?', 'Văn phòng Sở báo cáo cho ai'],
    ['Văn phòng Sở phải làm gì?', 'thế còn việc báo cáo thì ai làm?', 'việc báo cáo thì ai làm'],
    // The filled name goes first, as it would be typed.
    ['PAPI là gì?', 'còn việc khảo sát thì ai làm?', 'PAPI việc khảo sát thì ai làm'],
    ['Nghị định 60/2021/NĐ-CP nói gì?', 'còn việc tự chủ thì ai lo?', 'Nghị định 60/2021/NĐ-CP việc tự chủ thì ai lo'],
    // A bare cue after the new subject ("… thì ai?") asks what the previous question asked, as "thì sao" does.
    ['Văn phòng Sở báo cáo cho ai?', 'còn Ban Biên tập thì ai?', 'Ban Biên tập báo cáo cho ai?'],
    // … of another kind, the cue stays with the new subject.
    ['Văn phòng Sở có nhiệm vụ gì?', 'còn Ban Biên tập thì ai?', 'Ban Biên tập thì ai có nhiệm vụ gì?'],
    ['PAPI năm 2021 được bao nhiêu điểm?', 'còn PCI thì bao nhiêu?', 'PCI năm 2021 được bao nhiêu điểm?'],
    // "năm đó", "nghị định này": the year or the document of the previous question.
    ['PAPI năm 2021 được bao nhiêu điểm?', 'năm đó PCI xếp thứ mấy?', 'năm 2021 PCI xếp thứ mấy?'],
    ['Nghị định 120/2020/NĐ-CP nói về việc gì?', 'nghị định này do ai ban hành?', 'Nghị định 120/2020/NĐ-CP do ai ban hành?'],
    ['Kế hoạch dựa trên Quyết định 845/QĐ-UBND phải không?', 'quyết định đó ký ngày nào?', 'Quyết định 845/QĐ-UBND ký ngày nào?'],
    // A swapped indicator keeps the year; "năm đó" is the previous year.
    ['PAR INDEX năm 2021 Quảng Ngãi đứng hạng bao nhiêu?', 'thế PAPI năm đó?', 'PAPI năm 2021 Quảng Ngãi đứng hạng bao nhiêu?'],
  ])('%s + %s', (prev, q, expected) => {
    expect(resolveFollowUp(q, prev)).toBe(expected);
  });

  it.each([
    ['PAPI là gì?', 'Kinh phí lấy từ đâu?'],
    ['PAPI là gì?', 'xin chào'],
    ['PAPI là gì?', 'Ai ký Kế hoạch 1523?'],
    ['Ai ký Kế hoạch 1523?', 'PCI năm 2020 xếp thứ mấy?'],
  ])('a question with its own subject is not rewritten: %s + %s', (prev, q) => {
    expect(resolveFollowUpFrame(q, prev)).toEqual({ question: q, focus: '' });
  });

  it('the frame of a question: its slots and whether it asks', () => {
    expect(frameSlots('PAPI năm 2021 được bao nhiêu điểm?')).toEqual({ indicator: 'PAPI', year: '2021', asks: true });
    expect(frameSlots('Văn phòng Sở làm gì?')).toMatchObject({ unit: 'van phong so', asks: true });
    expect(frameSlots('Nghị định 60/2021/NĐ-CP')).toMatchObject({ doc: 'Nghị định 60/2021/NĐ-CP', asks: false });
  });

  it('an opening "còn" carries a longer subject, the old subject dropped', () => {
    const out = resolveFollowUpFrame('thế còn trên sàn thương mại điện tử thì ai?', 'Ai phụ trách cập nhật tin trên cổng thông tin?');
    expect(out.question).toContain('sàn thương mại điện tử');
    expect(out.question).not.toContain('cổng');
    expect(out.focus).toBe('trên sàn thương mại điện tử');
  });

  it('a swapped subject is returned as the focus retrieval weighs', () => {
    expect(resolveFollowUpFrame('còn PCI thì sao?', 'PAPI gồm những nội dung nào?')).toEqual({ question: 'PCI gồm những nội dung nào?', focus: 'PCI' });
    expect(resolveFollowUpFrame('thế Ban Biên tập?', 'Văn phòng Sở có nhiệm vụ gì?').focus).toBe('Ban Biên tập');
  });
});

describe('more frame shapes: a level, a round, a grade, a named item, an own question', () => {
  it.each([
    // A head noun with another value: the value is swapped in the previous frame.
    ['Chủ tịch UBND cấp tỉnh tiếp công dân mấy ngày một tháng?', 'cấp xã thì sao?', 'Chủ tịch UBND cấp xã tiếp công dân mấy ngày một tháng?'],
    [
      'Vùng sâu vùng xa thì thời hạn giải quyết khiếu nại lần đầu là bao lâu?',
      'lần hai thì sao?',
      'Vùng sâu vùng xa thì thời hạn giải quyết khiếu nại lần hai là bao lâu?',
    ],
    ['Tài khoản định danh mức 1 gồm những thông tin gì?', 'mức 2 thì sao?', 'Tài khoản định danh mức 2 gồm những thông tin gì?'],
    ['Dịch vụ công trực tuyến mức độ 3 là gì?', 'còn mức độ 4?', 'Dịch vụ công trực tuyến mức độ 4 là gì?'],
    ['Bộ chỉ số cấp tỉnh có bao nhiêu lĩnh vực?', 'còn cấp bộ?', 'Bộ chỉ số cấp bộ có bao nhiêu lĩnh vực?'],
    // A bare name for the item the previous question asked of (its quoted name, or its run of content words).
    ['PAPI năm 2023 điểm quản trị môi trường là bao nhiêu?', 'còn quản trị điện tử?', 'PAPI năm 2023 điểm quản trị điện tử là bao nhiêu?'],
    ['Kế hoạch nói gì về truyền thông cải cách thể chế?', 'còn cải cách tài chính công thì sao?', 'Kế hoạch nói gì về truyền thông cải cách tài chính công?'],
    [
      'Nội dung “trách nhiệm giải trình với người dân” trong kế hoạch là gì?',
      'thế còn kiểm soát tham nhũng?',
      'Nội dung “kiểm soát tham nhũng” trong kế hoạch là gì?',
    ],
    [
      'Truyền thông PAR INDEX về cải cách tổ chức bộ máy có nội dung gì?',
      'thế cải cách chế độ công vụ thì sao?',
      'Truyền thông PAR INDEX về cải cách chế độ công vụ có nội dung gì?',
    ],
    // A named subject asked of another kind of answer stands ("có bao nhiêu điều" after "khi nào").
    ['Luật Phổ biến, giáo dục pháp luật có hiệu lực từ khi nào?', 'còn Luật Tiếp công dân có bao nhiêu điều?', 'Luật Tiếp công dân có bao nhiêu điều'],
    // "vậy …" and a question of its own: its empty slots filled, the name first.
    ['PCI 2020 điểm gia nhập thị trường mấy?', 'vậy tính minh bạch được bao nhiêu', 'PCI tính minh bạch được bao nhiêu năm 2020'],
    ['PAR INDEX của Quảng Ngãi năm 2021 được bao nhiêu phần trăm?', 'còn năm 2024 xếp thứ mấy?', 'PAR INDEX năm 2024 xếp thứ mấy'],
  ])('%s + %s', (prev, q, expected) => {
    expect(resolveFollowUp(q, prev)).toBe(expected);
  });

  it.each([
    // "mục" is no "mức": a section follow-up keeps its section swap.
    ['Mục II.1.a nói gì?', 'còn mục b thì sao?', 'Mục II.1.b nói gì?'],
    // After a how-to or a who question the new subject is an action, not an item: the frame fallback as before.
    ['Đăng nhập dịch vụ công bằng VNeID thế nào?', 'vậy tra cứu hồ sơ thì làm sao?', 'tra cứu hồ sơ vụ bằng thế nào?'],
    // Another province is no item of the previous question.
    ['Kết quả PAPI của Quảng Ngãi thế nào?', 'vậy tỉnh Bình Định thì sao?', 'tỉnh Bình Định của thế nào?'],
  ])('not swapped as an item or a head value: %s + %s', (prev, q, expected) => {
    expect(resolveFollowUp(q, prev)).toBe(expected);
  });
});
