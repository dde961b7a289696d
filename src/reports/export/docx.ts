/**
 * DOCX export: "Báo cáo kết quả thực hiện Kế hoạch 1523/KH-SCT năm YYYY",
 * organised like section II of the plan (indicator → content area → number
 * of activities and a few examples). Areas with nothing reported say so, so
 * Văn phòng Sở can see the gaps before sending the report (before 30/11).
 */
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { CHANNEL_SHORT, INDICATOR_HEADINGS, areaLetter, formatDateVi, indicatorOfArea, sortAreas } from '../labels.js';
import { summarizeReports } from '../summary.js';
import type { ContentAreaInfo, ReportRecord } from '../types.js';
import { INDICATORS } from '../types.js';

/** Options of the Word report. */
export interface DocxReportOptions {
  year: number;
  /** Issuing body shown at the top, e.g. the department name from config. */
  departmentName?: string;
  /** Examples listed per content area (default 3). */
  examplesPerArea?: number;
}

/** The report title for a year. */
export function docxTitle(year: number): string {
  return `Báo cáo kết quả thực hiện Kế hoạch 1523/KH-SCT năm ${year}`;
}

const NOTHING = 'Chưa có hoạt động nào được báo cáo.';

function example(r: ReportRecord): Paragraph {
  const parts = [formatDateVi(r.date), r.unit ?? '', r.channel ? CHANNEL_SHORT[r.channel] : ''].filter(Boolean);
  const runs = [new TextRun({ text: `${parts.join(' – ')}: `, bold: true }), new TextRun(r.description.replace(/\s+/g, ' '))];
  if (r.count !== null) runs.push(new TextRun(` (số lượng: ${r.count})`));
  if (r.link) runs.push(new TextRun(` ${r.link}`));
  return new Paragraph({ children: runs, bullet: { level: 0 } });
}

/** Build the Word document for one year's reports. */
export async function reportsToDocx(
  reports: readonly ReportRecord[],
  areas: readonly ContentAreaInfo[],
  opts: DocxReportOptions,
): Promise<Buffer> {
  const perArea = opts.examplesPerArea ?? 3;
  const all = summarizeReports(reports).all;
  const children: Paragraph[] = [];
  if (opts.departmentName) {
    children.push(new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: opts.departmentName.toUpperCase(), bold: true })] }));
  }
  children.push(new Paragraph({ text: docxTitle(opts.year), heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER }));
  children.push(
    new Paragraph(
      `Tổng hợp từ báo cáo của các phòng, đơn vị thuộc Sở: ${all.activities} hoạt động truyền thông, tổng số lượng ${all.total}.`,
    ),
  );
  children.push(new Paragraph({ text: 'Kết quả theo nội dung truyền thông (mục II của Kế hoạch)', heading: HeadingLevel.HEADING_1 }));

  const sorted = sortAreas(areas);
  INDICATORS.forEach((ind, i) => {
    children.push(new Paragraph({ text: `${i + 1}. ${INDICATOR_HEADINGS[ind]}`, heading: HeadingLevel.HEADING_2 }));
    const own = sorted.filter((a) => (indicatorOfArea(a.code) ?? a.indicator) === ind);
    for (const area of own) {
      children.push(new Paragraph({ text: `${areaLetter(area.code)}) ${area.title}`, heading: HeadingLevel.HEADING_3 }));
      const rs = reports.filter((r) => r.area === area.code);
      if (rs.length === 0) {
        children.push(new Paragraph({ children: [new TextRun({ text: NOTHING, italics: true })] }));
        continue;
      }
      const total = rs.reduce((s, r) => s + (r.count ?? 0), 0);
      children.push(new Paragraph(`Số hoạt động: ${rs.length}; tổng số lượng: ${total}.`));
      for (const r of rs.slice(0, perArea)) children.push(example(r));
      if (rs.length > perArea) children.push(new Paragraph(`… và ${rs.length - perArea} hoạt động khác (xem bảng tổng hợp kèm theo).`));
    }
  });

  const other = reports.filter((r) => !areas.some((a) => a.code === r.area));
  if (other.length > 0) {
    children.push(new Paragraph({ text: 'Hoạt động chưa xác định nội dung', heading: HeadingLevel.HEADING_2 }));
    children.push(new Paragraph(`Số hoạt động: ${other.length}.`));
    for (const r of other.slice(0, perArea)) children.push(example(r));
  }

  const covered = new Set(reports.map((r) => r.area));
  const empty = sorted.filter((a) => !covered.has(a.code));
  children.push(new Paragraph({ text: 'Nội dung chưa có hoạt động', heading: HeadingLevel.HEADING_1 }));
  children.push(
    new Paragraph(
      empty.length === 0
        ? `Tất cả nội dung của Kế hoạch đều đã có hoạt động trong năm ${opts.year}.`
        : `${empty.length} nội dung chưa có hoạt động: ${empty.map((a) => a.code).join(', ')}.`,
    ),
  );

  const doc = new Document({
    creator: 'cchc-bot',
    title: docxTitle(opts.year),
    sections: [{ children }],
  });
  return Packer.toBuffer(doc);
}
