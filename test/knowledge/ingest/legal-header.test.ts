import { describe, expect, it } from 'vitest';
import type { DocMeta } from '../../../src/knowledge/document.js';
import { formatAgency, issuerFromLines } from '../../../src/knowledge/ingest/issuer-name.js';
import { findDate, parseLegalHeader } from '../../../src/knowledge/ingest/legal-header.js';

interface Case {
  name: string;
  text: string;
  expected: Partial<DocMeta>;
}

// All documents below are made up; layouts follow real ones.
const cases: Case[] = [
  {
    name: 'UBND decision, columns one after the other (DOCX table)',
    text: [
      'ỦY BAN NHÂN DÂN',
      '',
      'TỈNH QUẢNG NGÃI',
      '',
      '-------',
      '',
      'Số: 123/2024/QĐ-UBND',
      '',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      '',
      'Độc lập - Tự do - Hạnh phúc',
      '',
      '---------------',
      '',
      'Quảng Ngãi, ngày 05 tháng 3 năm 2024',
      '',
      'QUYẾT ĐỊNH',
      '',
      'Về việc ban hành Quy chế phối hợp tiếp công dân',
      '',
      'trên địa bàn tỉnh Quảng Ngãi',
      '',
      '-----------',
      '',
      'CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI',
      '',
      'Căn cứ Luật Tiếp công dân ngày 25 tháng 11 năm 2013;',
    ].join('\n'),
    expected: {
      number: '123/2024/QĐ-UBND',
      date: '2024-03-05',
      issuer: 'UBND tỉnh Quảng Ngãi',
      type: 'quyết định',
      title: 'Về việc ban hành Quy chế phối hợp tiếp công dân trên địa bàn tỉnh Quảng Ngãi',
    },
  },
  {
    name: 'UBND decision, columns merged line by line (PDF)',
    text: [
      'ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'TỈNH QUẢNG NGÃI Độc lập - Tự do - Hạnh phúc',
      '------- ---------------',
      'Số: 7/QĐ-UBND Quảng Ngãi, ngày 9 tháng 1 năm 2025',
      'QUYẾT ĐỊNH',
      'Ban hành danh mục thủ tục hành chính thuộc thẩm quyền giải quyết',
      'của Sở Công Thương',
      'CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI',
      'Căn cứ Nghị định số 63/2010/NĐ-CP ngày 08 tháng 6 năm 2010;',
    ].join('\n'),
    expected: {
      number: '7/QĐ-UBND',
      date: '2025-01-09',
      issuer: 'UBND tỉnh Quảng Ngãi',
      type: 'quyết định',
      title: 'Ban hành danh mục thủ tục hành chính thuộc thẩm quyền giải quyết của Sở Công Thương',
    },
  },
  {
    name: 'Law: Luật số, capitalised title, no date in the header',
    text: [
      'QUỐC HỘI',
      '--------',
      'Luật số: 02/2011/QH13',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      '',
      'LUẬT',
      'KHIẾU NẠI',
      '',
      'Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam năm 1992;',
    ].join('\n'),
    expected: { number: '02/2011/QH13', issuer: 'Quốc hội', type: 'luật', title: 'Luật Khiếu nại' },
  },
  {
    name: 'Government decree with tab-separated columns and capitalised title',
    text: [
      'CHÍNH PHỦ\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      '--------\tĐộc lập – Tự do – Hạnh phúc',
      'Số: 124/2020/NĐ-CP\tHà Nội, ngày 19 tháng 10 năm 2020',
      '',
      'NGHỊ ĐỊNH',
      'QUY ĐỊNH CHI TIẾT MỘT SỐ ĐIỀU VÀ BIỆN PHÁP THI HÀNH LUẬT KHIẾU NẠI',
      'Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;',
    ].join('\n'),
    expected: {
      number: '124/2020/NĐ-CP',
      date: '2020-10-19',
      issuer: 'Chính phủ',
      type: 'nghị định',
      title: 'Quy định chi tiết một số điều và biện pháp thi hành luật khiếu nại',
    },
  },
  {
    name: 'Plan of a Sở under the province, numeric date, Roman-numbered body',
    text: [
      'UBND TỈNH QUẢNG NGÃI',
      'SỞ CÔNG THƯƠNG',
      '-------',
      'Số: 45/KH-SCT      Quảng Ngãi, ngày 12/6/2024',
      '',
      'KẾ HOẠCH',
      'Tiếp nhận và xử lý phản ánh, kiến nghị năm 2024',
      'I. MỤC ĐÍCH, YÊU CẦU',
    ].join('\n'),
    expected: {
      number: '45/KH-SCT',
      date: '2024-06-12',
      issuer: 'Sở Công Thương tỉnh Quảng Ngãi',
      type: 'kế hoạch',
      title: 'Tiếp nhận và xử lý phản ánh, kiến nghị năm 2024',
    },
  },
  {
    name: 'Official letter: Số without colon, V/v subject, date after it',
    text: [
      'SỞ CÔNG THƯƠNG',
      'Số 45/SCT-VP',
      'V/v hướng dẫn nộp hồ sơ trực tuyến',
      'Quảng Ngãi, ngày 3 tháng 4 năm 2024',
      'Kính gửi: Các doanh nghiệp trên địa bàn tỉnh.',
    ].join('\n'),
    expected: {
      number: '45/SCT-VP',
      date: '2024-04-03',
      issuer: 'Sở Công Thương',
      type: 'công văn',
      title: 'Về việc hướng dẫn nộp hồ sơ trực tuyến',
    },
  },
  {
    name: 'HĐND resolution: authority lines after the title are not title',
    text: [
      'HỘI ĐỒNG NHÂN DÂN',
      'TỈNH QUẢNG NGÃI',
      'Số: 10/2023/NQ-HĐND',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Quảng Ngãi, ngày 14 tháng 7 năm 2023',
      'NGHỊ QUYẾT',
      'Quy định mức chi hỗ trợ công tác tiếp công dân',
      'HỘI ĐỒNG NHÂN DÂN TỈNH QUẢNG NGÃI',
      'KHÓA XIII, KỲ HỌP THỨ 17',
    ].join('\n'),
    expected: {
      number: '10/2023/NQ-HĐND',
      date: '2023-07-14',
      issuer: 'HĐND tỉnh Quảng Ngãi',
      type: 'nghị quyết',
      title: 'Quy định mức chi hỗ trợ công tác tiếp công dân',
    },
  },
  {
    name: 'Motto column first, old tone placement (UỶ), ministry circular',
    text: [
      'CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Hà Nội, ngày 30 tháng 6 năm 2022',
      'BỘ TÀI CHÍNH',
      'Số: 15/2022/TT-BTC',
      'THÔNG TƯ',
      'Hướng dẫn quản lý kinh phí bảo đảm trật tự an toàn giao thông',
      'Căn cứ Luật Ngân sách nhà nước ngày 25 tháng 6 năm 2015;',
    ].join('\n'),
    expected: {
      number: '15/2022/TT-BTC',
      date: '2022-06-30',
      issuer: 'Bộ Tài chính',
      type: 'thông tư',
      title: 'Hướng dẫn quản lý kinh phí bảo đảm trật tự an toàn giao thông',
    },
  },
  {
    name: 'No type heading: type from the code of the số hiệu',
    text: ['UỶ BAN NHÂN DÂN', 'HUYỆN SƠN TỊNH', 'Số: 321/QĐ-UBND', 'Căn cứ Luật Tổ chức chính quyền địa phương;'].join('\n'),
    expected: { number: '321/QĐ-UBND', issuer: 'UBND huyện Sơn Tịnh', type: 'quyết định' },
  },
];

describe('parseLegalHeader', () => {
  it.each(cases)('$name', ({ text, expected }) => {
    const meta = parseLegalHeader(text);
    expect(meta).toEqual(expect.objectContaining(expected));
    for (const key of ['number', 'date', 'issuer', 'type', 'title'] as const) {
      if (!(key in expected)) expect(meta[key], key).toBeUndefined();
    }
  });

  it('does not take a date or number from the căn cứ lines after the type heading', () => {
    const meta = parseLegalHeader('QUYẾT ĐỊNH\nVề việc thử nghiệm\nCăn cứ Nghị định số 63/2010/NĐ-CP ngày 08 tháng 6 năm 2010;');
    expect(meta.date).toBeUndefined();
    expect(meta.number).toBeUndefined();
    expect(meta.type).toBe('quyết định');
  });

  it('joins a số hiệu typed with a space before the slash', () => {
    expect(parseLegalHeader('SỞ CÔNG THƯƠNG\nSố: 12 /QĐ-SCT\nQUYẾT ĐỊNH\nVề việc thử').number).toBe('12/QĐ-SCT');
  });

  it('returns nothing for text without a header', () => {
    expect(parseLegalHeader('Xin chào. Đây là một ghi chú nội bộ không có tiêu đề văn bản.')).toEqual({});
  });
});

describe('findDate', () => {
  it.each([
    ['Quảng Ngãi, ngày 05 tháng 3 năm 2024', '2024-03-05'],
    ['Hà Nội, ngày 1 tháng 12 năm 2019', '2019-12-01'],
    ['ngày 07/11/2023', '2023-11-07'],
    ['ngày 31 tháng 2 năm 2024', null],
    ['45/2024/QĐ-UBND', null],
  ])('%s → %s', (line, iso) => {
    expect(findDate(line)).toBe(iso);
  });
});

describe('issuer names', () => {
  it.each([
    ['ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI', 'UBND tỉnh Quảng Ngãi'],
    ['ỦY BAN NHÂN DÂN THÀNH PHỐ QUẢNG NGÃI', 'UBND thành phố Quảng Ngãi'],
    ['SỞ CÔNG THƯƠNG', 'Sở Công Thương'],
    ['SỞ KẾ HOẠCH VÀ ĐẦU TƯ', 'Sở Kế hoạch và đầu tư'],
    ['CHÍNH PHỦ', 'Chính phủ'],
    ['QUỐC HỘI', 'Quốc hội'],
  ])('%s → %s', (raw, name) => {
    expect(formatAgency(raw)).toBe(name);
  });

  it('joins a locality line to its agency and appends the parent locality to a child agency', () => {
    expect(issuerFromLines(['ỦY BAN NHÂN DÂN', 'TỈNH QUẢNG NGÃI'])).toBe('UBND tỉnh Quảng Ngãi');
    expect(issuerFromLines(['UBND TỈNH QUẢNG NGÃI', 'SỞ CÔNG THƯƠNG'])).toBe('Sở Công Thương tỉnh Quảng Ngãi');
    expect(issuerFromLines([])).toBeNull();
  });
});
