/** The yearly DOCX in the form of an administrative document (NĐ 30/2020/NĐ-CP, Phụ lục I). */
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { issuingBodies, reportsToDocx } from '../../src/reports/export/docx.js';
import type { ReportRecord } from '../../src/reports/types.js';
import { planAreas, reportRecord } from './helpers.js';

const areas = planAreas();
/** Records whose description is raw chat text, which the report must never quote. */
const rec = (over: Partial<ReportRecord>): ReportRecord => reportRecord({ description: 'hom qua phong thu nghiem dang 2 tin sáng nay', ...over });
const reports = [
  rec({}),
  rec({ count: 3, date: '2026-10-02' }),
  rec({ area: 'II.3.đ', indicator: 'PCI', channel: 'meeting', count: 45, countKind: 'person', unit: 'Phòng Thử nghiệm B', description: 'hoi nghi sang nay' }),
  rec({ area: 'II.3.đ', indicator: 'PCI', channel: 'print', count: 200, countKind: 'printed', description: 'phat to roi' }),
];

async function parts(buf: Buffer): Promise<{ xml: string; lines: string[]; styles: string }> {
  const zip = await JSZip.loadAsync(buf);
  const xml = await zip.file('word/document.xml')!.async('string');
  const styles = await zip.file('word/styles.xml')!.async('string');
  const lines = xml
    .split('</w:p>')
    .map((p) => [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''))
    .map((s) => s.replace(/&quot;/g, '"').replace(/&amp;/g, '&'))
    .filter((s) => s.length > 0);
  return { xml, lines, styles };
}

describe('yearly report DOCX', () => {
  it('has the components of an administrative document, in order', async () => {
    const { lines } = await parts(await reportsToDocx(reports, areas, { year: 2026, departmentName: 'Sở Công Thương tỉnh Quảng Ngãi' }));
    const order = [
      'ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI',
      'SỞ CÔNG THƯƠNG',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'BÁO CÁO',
      'I. KẾT QUẢ THỰC HIỆN',
      'II. NỘI DUNG CHƯA CÓ HOẠT ĐỘNG',
      'Nơi nhận:',
      'GIÁM ĐỐC',
    ];
    const at = order.map((l) => lines.indexOf(l));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(lines.some((l) => /^Số:\s+\/BC-SCT$/.test(l))).toBe(true);
    expect(lines).toContain('Quảng Ngãi, ngày      tháng      năm 2026');
    expect(lines.some((l) => l.startsWith('- UBND tỉnh'))).toBe(true);
  });

  it('describes activities from their fields, never the raw chat text, and never adds unlike counts', async () => {
    const { lines } = await parts(await reportsToDocx(reports, areas, { year: 2026 }));
    const text = lines.join('\n');
    expect(text).not.toMatch(/hom qua|sáng nay|sang nay|phat to roi/);
    expect(lines).toContain('- Ngày 20/11/2026, Phòng Thử nghiệm A (hình thức: cổng/trang thông tin điện tử; số lượng: 2 tin/bài).');
    const dd = lines.indexOf('đ) Truyền thông về chỉ số "Chi phí không chính thức"');
    expect(lines[dd + 1]).toBe('Số hoạt động: 2; số lượng: 200 tờ/ấn phẩm, 45 lượt người.');
    expect(text).not.toMatch(/245/);
    const a = lines.indexOf('a) Truyền thông công tác chỉ đạo, điều hành');
    expect(lines[a + 1]).toBe('Chưa có hoạt động nào được báo cáo.');
  });

  it('is Times New Roman 13 on A4 with the decree margins, with no Word heading styles', async () => {
    const { xml, styles } = await parts(await reportsToDocx(reports, areas, { year: 2026 }));
    expect(styles).toContain('w:ascii="Times New Roman"');
    expect(xml).not.toMatch(/w:rFonts w:ascii="(?!Times New Roman)/);
    expect(xml).not.toContain('w:val="Heading');
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toMatch(/<w:pgMar w:top="1134" w:right="851" w:bottom="1134" w:left="1701"/);
    // Header and signature block never split over two pages; the closing sentence keeps with the signature.
    expect(xml.match(/<w:cantSplit\/>/g)).toHaveLength(2);
    expect(xml).toMatch(/<w:keepNext\/>(?:(?!<\/w:p>).)*Trên đây là báo cáo/s);
    expect(xml).toMatch(/<w:sz w:val="26"\/>/);
  });

  it('splits the issuing body from the body above it', () => {
    expect(issuingBodies('Sở Công Thương tỉnh Quảng Ngãi')).toEqual({ parent: 'Ủy ban nhân dân tỉnh Quảng Ngãi', body: 'Sở Công Thương' });
    expect(issuingBodies('Sở Thử nghiệm')).toEqual({ parent: null, body: 'Sở Thử nghiệm' });
  });
});
