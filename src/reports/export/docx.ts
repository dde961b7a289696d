/**
 * DOCX export: the yearly "Báo cáo kết quả thực hiện Kế hoạch 1523/KH-SCT"
 * in the form of an administrative document (Nghị định 30/2020/NĐ-CP, Phụ lục
 * I): issuing body and Quốc hiệu – Tiêu ngữ side by side, số/ký hiệu with a
 * blank to fill, place and date, BÁO CÁO and its subject, the body organised
 * like section II of the plan, Nơi nhận and the signature block. Times New
 * Roman 13 on A4 with the decree's margins. Activities are described from
 * their structured fields, never from the raw chat text, so Văn phòng Sở can
 * sign it after a read (the numbers and the gaps are the bot's, the wording of
 * the assessment is the office's).
 */
import {
  AlignmentType,
  BorderStyle,
  convertMillimetersToTwip,
  Document,
  LineRuleType,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { areaLetter, CHANNEL_LABELS, formatDateVi, INDICATOR_HEADINGS, indicatorOfArea, sortAreas } from '../labels.js';
import { formatTotals, totalsByKind } from '../summary.js';
import type { ContentAreaInfo, ReportRecord } from '../types.js';
import { INDICATORS } from '../types.js';

/** Options of the Word report. */
export interface DocxReportOptions {
  year: number;
  /** Issuing body, e.g. "Sở Công Thương tỉnh Quảng Ngãi" (config `DEPARTMENT_NAME`). */
  departmentName?: string;
  /** Activities described per content area (default 3). */
  examplesPerArea?: number;
}

/** The report title for a year. */
export function docxTitle(year: number): string {
  return `Báo cáo kết quả thực hiện Kế hoạch 1523/KH-SCT năm ${year}`;
}

/** Body text size in half-points: 13 pt (the decree allows 13–14). */
const BODY = 26;
const FONT = 'Times New Roman';
/** A4 in twips (1 mm = 56.7 twips). */
const A4_TWIPS = { width: 11906, height: 16838 } as const;
/** The decree's margins: top and bottom 20 mm, left 30 mm, right 15 mm. */
const MARGINS_TWIPS = { top: 1134, bottom: 1134, left: 1701, right: 851 } as const;
const NOTHING = 'Chưa có hoạt động nào được báo cáo.';

/** "Sở Công Thương tỉnh Quảng Ngãi" → the body above it ("UBND TỈNH QUẢNG NGÃI") and the body itself. */
export function issuingBodies(departmentName: string): { parent: string | null; body: string } {
  const m = /^(.*?)\s+(tỉnh|thành phố)\s+(.+)$/iu.exec(departmentName.trim());
  if (!m) return { parent: null, body: departmentName.trim() };
  return { parent: `Ủy ban nhân dân ${m[2]} ${m[3]}`, body: m[1] ?? departmentName };
}

const run = (text: string, o: { bold?: boolean; italics?: boolean; size?: number; underline?: boolean } = {}) =>
  new TextRun({
    text,
    font: FONT,
    size: o.size ?? BODY,
    ...(o.bold ? { bold: true } : {}),
    ...(o.italics ? { italics: true } : {}),
    ...(o.underline ? { underline: {} } : {}),
  });

const centered = (...runs: TextRun[]) => new Paragraph({ alignment: AlignmentType.CENTER, children: runs });
const body = (text: string, o: { bold?: boolean; italics?: boolean; keepNext?: boolean } = {}) =>
  new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: convertMillimetersToTwip(10) },
    spacing: { after: 80 },
    ...(o.keepNext ? { keepNext: true, keepLines: true } : {}),
    children: [run(text, o)],
  });

const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;
const NO_BORDERS = { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER, insideHorizontal: NO_BORDER, insideVertical: NO_BORDER };

/** Two side-by-side columns without borders (header and signature block). */
function twoColumns(left: Paragraph[], right: Paragraph[], leftShare = 40): Table {
  const cell = (children: Paragraph[], pct: number) =>
    new TableCell({
      children,
      width: { size: pct, type: WidthType.PERCENTAGE },
      borders: { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER },
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: NO_BORDERS,
    // Never split across pages (a signature block with "Lưu: VT" alone on the next page).
    rows: [new TableRow({ cantSplit: true, children: [cell(left, leftShare), cell(right, 100 - leftShare)] })],
  });
}

/** One activity, in words built from its fields. */
function activitySentence(r: ReportRecord): string {
  const parts: string[] = [];
  if (r.date) parts.push(`ngày ${formatDateVi(r.date)}`);
  if (r.unit) parts.push(r.unit);
  const how = r.channel ? CHANNEL_LABELS[r.channel].replace(/\s*\(.*\)$/, '').toLowerCase() : null;
  const amount = r.count !== null ? formatTotals([{ kind: r.countKind ?? 'unknown', count: r.count }]) : null;
  const what = [how ? `hình thức: ${how}` : null, amount ? `số lượng: ${amount}` : null].filter(Boolean).join('; ');
  const head = parts.join(', ');
  const sentence = `${head ? `${head.charAt(0).toUpperCase()}${head.slice(1)}` : 'Hoạt động'}${what ? ` (${what})` : ''}`;
  return r.link ? `${sentence}; đường dẫn: ${r.link}.` : `${sentence}.`;
}

/** Counts of activities, per kind of count, never adding unlike kinds. */
function countsByKind(rs: readonly ReportRecord[]): string {
  return formatTotals(totalsByKind(rs));
}

function header(opts: DocxReportOptions): Table {
  const { parent, body: issuer } = issuingBodies(opts.departmentName ?? 'Sở Công Thương tỉnh Quảng Ngãi');
  const left = [
    ...(parent ? [centered(run(parent.toUpperCase(), { size: 24 }))] : []),
    centered(run(issuer.toUpperCase(), { bold: true, size: 24 })),
    // The short rule under the issuing body's name (NĐ 30, Phụ lục I).
    new Paragraph({
      indent: { left: convertMillimetersToTwip(22), right: convertMillimetersToTwip(22) },
      border: { top: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
      spacing: { before: 20, after: 80, line: 100, lineRule: LineRuleType.EXACT },
      children: [run('', { size: 4 })],
    }),
    centered(run('Số:        /BC-SCT', { size: BODY })),
  ];
  const right = [
    centered(run('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, size: 24 })),
    centered(run('Độc lập - Tự do - Hạnh phúc', { bold: true, underline: true })),
    centered(run(`Quảng Ngãi, ngày      tháng      năm ${opts.year}`, { italics: true })),
  ];
  return twoColumns(left, right, 42);
}

function signature(): Table {
  const recipients = [
    new Paragraph({ children: [run('Nơi nhận:', { bold: true, italics: true, size: 24 })] }),
    ...[
      '- UBND tỉnh (báo cáo);',
      '- Sở Khoa học và Công nghệ (Sở Thông tin và Truyền thông đã hợp nhất vào từ 01/3/2025);',
      '- Giám đốc, các Phó Giám đốc Sở;',
      '- Các phòng, đơn vị thuộc Sở;',
      '- Lưu: VT, VP.',
    ].map((t) => new Paragraph({ children: [run(t, { size: 22 })] })),
  ];
  const signer = [
    centered(run('GIÁM ĐỐC', { bold: true })),
    centered(run('(Ký, ghi rõ họ tên và đóng dấu)', { italics: true, size: 24 })),
    new Paragraph({ children: [] }),
    new Paragraph({ children: [] }),
    new Paragraph({ children: [] }),
    centered(run('……………………………', { bold: true })),
  ];
  return twoColumns(recipients, signer, 55);
}

/** Build the Word document for one year's reports. */
export async function reportsToDocx(reports: readonly ReportRecord[], areas: readonly ContentAreaInfo[], opts: DocxReportOptions): Promise<Buffer> {
  const perArea = opts.examplesPerArea ?? 3;
  const sorted = sortAreas(areas);
  const covered = new Set(reports.map((r) => r.area));
  const empty = sorted.filter((a) => !covered.has(a.code));
  const children: Array<Paragraph | Table> = [header(opts), new Paragraph({ children: [] })];

  children.push(centered(run('BÁO CÁO', { bold: true, size: 28 })));
  children.push(
    centered(run(`Kết quả thực hiện Kế hoạch số 1523/KH-SCT về truyền thông nâng cao các chỉ số PAR INDEX, PAPI, PCI năm ${opts.year}`, { bold: true })),
  );
  children.push(centered(run('______________', { bold: true })));
  children.push(
    body(
      `Thực hiện Kế hoạch số 1523/KH-SCT ngày 22/7/2022 của Sở Công Thương, trên cơ sở báo cáo của các phòng, đơn vị thuộc Sở, Sở Công Thương báo cáo kết quả thực hiện năm ${opts.year} như sau:`,
    ),
  );

  children.push(body('I. KẾT QUẢ THỰC HIỆN', { bold: true }));
  const totals = countsByKind(reports);
  children.push(
    body(
      `Trong năm ${opts.year}, các phòng, đơn vị đã báo cáo ${reports.length} hoạt động truyền thông${totals ? ` (${totals})` : ''}; ` +
        `${sorted.length - empty.length}/${sorted.length} nội dung của mục II Kế hoạch đã có hoạt động.`,
    ),
  );

  INDICATORS.forEach((ind, i) => {
    children.push(body(`${i + 1}. ${INDICATOR_HEADINGS[ind]}`, { bold: true }));
    for (const area of sorted.filter((a) => (indicatorOfArea(a.code) ?? a.indicator) === ind)) {
      children.push(body(`${areaLetter(area.code)}) ${area.title}`, { italics: true }));
      const rs = reports.filter((r) => r.area === area.code);
      if (rs.length === 0) {
        children.push(body(NOTHING));
        continue;
      }
      const kinds = countsByKind(rs);
      children.push(body(`Số hoạt động: ${rs.length}${kinds ? `; số lượng: ${kinds}` : ''}.`));
      for (const r of rs.slice(0, perArea)) children.push(body(`- ${activitySentence(r)}`));
      if (rs.length > perArea) children.push(body(`- Và ${rs.length - perArea} hoạt động khác (chi tiết tại bảng tổng hợp kèm theo).`));
    }
  });

  const other = reports.filter((r) => !areas.some((a) => a.code === r.area));
  if (other.length > 0) {
    children.push(body(`${INDICATORS.length + 1}. Hoạt động chưa xác định nội dung`, { bold: true }));
    children.push(body(`Số hoạt động: ${other.length}.`));
    for (const r of other.slice(0, perArea)) children.push(body(`- ${activitySentence(r)}`));
  }

  children.push(body('II. NỘI DUNG CHƯA CÓ HOẠT ĐỘNG', { bold: true }));
  children.push(
    body(
      empty.length === 0
        ? `Tất cả nội dung của Kế hoạch đều đã có hoạt động trong năm ${opts.year}.`
        : `${empty.length} nội dung chưa có hoạt động: ${empty.map((a) => a.code).join(', ')}.`,
    ),
  );
  children.push(body('III. ĐÁNH GIÁ, KIẾN NGHỊ', { bold: true }));
  children.push(body('(Văn phòng Sở bổ sung nhận xét, khó khăn, vướng mắc và kiến nghị trước khi trình ký.)', { italics: true }));
  // The closing sentence stays on the page of the signature block.
  children.push(body(`Trên đây là báo cáo kết quả thực hiện Kế hoạch số 1523/KH-SCT năm ${opts.year} của Sở Công Thương./.`, { keepNext: true }));
  children.push(new Paragraph({ keepNext: true, children: [] }));
  children.push(signature());

  const doc = new Document({
    creator: 'cchc-bot',
    title: docxTitle(opts.year),
    styles: { default: { document: { run: { font: FONT, size: BODY } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: A4_TWIPS.width, height: A4_TWIPS.height },
            margin: MARGINS_TWIPS,
          },
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
