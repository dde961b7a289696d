/**
 * Test-time builders for DOCX and PDF fixtures of a made-up decision.
 * Nothing binary is committed: each test builds the file it needs.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import PDFDocument from 'pdfkit';

/** One Điều of the fixture decision. */
export interface ArticleSpec {
  /** Heading line, e.g. `Điều 3. Tổ chức thực hiện`. */
  heading: string;
  /** Paragraphs (Khoản `1. …`, Điểm `a) …`, or plain text). A paragraph equal to `\f` forces a page break in the PDF. */
  paragraphs: string[];
}

/** A made-up decision, laid out the way real ones are. */
export interface DecisionSpec {
  /** Agency lines of the left header column, e.g. `['ỦY BAN NHÂN DÂN', 'TỈNH THU']`. */
  agencyLines: string[];
  /** Số hiệu line, e.g. `Số: 99/QĐ-THU`. */
  numberLine: string;
  /** Place and date line, e.g. `Thu, ngày 05 tháng 3 năm 2024`. */
  dateLine: string;
  /** Type heading, e.g. `QUYẾT ĐỊNH`. */
  typeHeading: string;
  /** Title lines under the type heading. */
  titleLines: string[];
  /** Authority line and căn cứ paragraphs before the articles. */
  preamble: string[];
  articles: ArticleSpec[];
  /** `Nơi nhận:` block lines. */
  recipients: string[];
  /** Signature lines. */
  signature: string[];
  /** Optional running header printed at the top of every page after the first (PDF only). */
  runningHeader?: string;
}

/** A fictional decision (số 99/QĐ-THU) with three Điều; Điều 3 carries a unique sentence. */
export function sampleDecisionSpec(): DecisionSpec {
  return {
    agencyLines: ['ỦY BAN NHÂN DÂN', 'TỈNH THU'],
    numberLine: 'Số: 99/QĐ-THU',
    dateLine: 'Thu, ngày 05 tháng 3 năm 2024',
    typeHeading: 'QUYẾT ĐỊNH',
    titleLines: ['Về việc ban hành Quy chế tiếp nhận phản ánh', 'của người dân trên địa bàn tỉnh Thu (hư cấu)'],
    preamble: [
      'CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH THU',
      'Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;',
      'Căn cứ Luật Khiếu nại ngày 11 tháng 11 năm 2011;',
      'Theo đề nghị của Giám đốc Sở Công Thương.',
      'QUYẾT ĐỊNH:',
    ],
    articles: [
      {
        heading: 'Điều 1. Phạm vi điều chỉnh',
        paragraphs: ['Quyết định này quy định việc tiếp nhận phản ánh của người dân tại các cơ quan hành chính của tỉnh Thu.'],
      },
      {
        heading: 'Điều 2. Thời hạn xử lý',
        paragraphs: [
          '1. Phản ánh được xử lý trong thời hạn 10 ngày làm việc kể từ ngày tiếp nhận.',
          '2. Trường hợp phức tạp, thời hạn có thể kéo dài nhưng không quá 20 ngày làm việc.',
        ],
      },
      {
        heading: 'Điều 3. Tổ chức thực hiện',
        paragraphs: [
          '1. Sở Công Thương chủ trì, phối hợp với các sở, ngành triển khai Quyết định này.',
          '2. Mỗi phản ánh được ghi vào sổ theo dõi màu xanh lam của bộ phận một cửa.',
          '3. Chánh Văn phòng, Giám đốc các sở và Chủ tịch UBND các huyện chịu trách nhiệm thi hành Quyết định này.',
        ],
      },
    ],
    recipients: ['Nơi nhận:', '- Như Điều 3;', '- Lưu: VT.'],
    signature: ['CHỦ TỊCH', 'Nguyễn Văn Hư'],
  };
}

const center = (text: string, bold = false): Paragraph => new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text, bold })] });

const cell = (lines: string[]): TableCell => new TableCell({ width: { size: 50, type: WidthType.PERCENTAGE }, children: lines.map((l) => center(l, true)) });

/** Build a DOCX of the decision: a two-column header table, title, căn cứ, articles, recipients. */
export async function buildDecisionDocx(spec: DecisionSpec): Promise<Buffer> {
  const header = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({
        children: [
          cell([...spec.agencyLines, '-------', spec.numberLine]),
          cell(['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', '---------------', spec.dateLine]),
        ],
      }),
    ],
  });
  const body: Paragraph[] = [center(spec.typeHeading, true), ...spec.titleLines.map((l) => center(l, true)), center('-----------')];
  for (const line of spec.preamble) body.push(new Paragraph(line));
  for (const a of spec.articles) {
    body.push(new Paragraph({ children: [new TextRun({ text: a.heading, bold: true })] }));
    for (const p of a.paragraphs) if (p !== '\f') body.push(new Paragraph(p));
  }
  for (const line of [...spec.recipients, ...spec.signature]) body.push(new Paragraph(line));
  const doc = new Document({ sections: [{ children: [header, ...body] }] });
  return Packer.toBuffer(doc);
}

/** An empty but valid DOCX (one empty paragraph). */
export async function buildEmptyDocx(): Promise<Buffer> {
  return Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('')] }] }));
}

/** Path of a Unicode TTF font that can encode Vietnamese (from the `dejavu-fonts-ttf` devDependency). */
export function unicodeFontPath(): string {
  const require = createRequire(import.meta.url);
  const pkg = require.resolve('dejavu-fonts-ttf/package.json');
  return path.join(path.dirname(pkg), 'ttf', 'DejaVuSans.ttf');
}

/**
 * Build a PDF of the decision with pdfkit: the header in two columns side by
 * side (as in real documents), flowing body text, and a page number at the
 * top of every page after a `\f` paragraph (a page-break artefact).
 * With `userPassword` the PDF is encrypted.
 */
export async function buildDecisionPdf(spec: DecisionSpec, options: { userPassword?: string } = {}): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 56, ...(options.userPassword ? { userPassword: options.userPassword, pdfVersion: '1.7' as const } : {}) });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.font(unicodeFontPath()).fontSize(11);

  const top = doc.y;
  const left = [...spec.agencyLines, '-------', spec.numberLine];
  const right = ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', '---------------', spec.dateLine];
  const lineHeight = 16;
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const y = top + i * lineHeight;
    const l = left[i];
    const r = right[i];
    if (l !== undefined) doc.text(l, 56, y, { width: 190, align: 'center', lineBreak: false });
    if (r !== undefined) doc.text(r, 280, y, { width: 260, align: 'center', lineBreak: false });
  }
  doc.x = 56;
  doc.y = top + Math.max(left.length, right.length) * lineHeight + 20;
  const width = 483;
  doc.text(spec.typeHeading, { width, align: 'center' });
  for (const l of spec.titleLines) doc.text(l, { width, align: 'center' });
  doc.moveDown();
  for (const p of spec.preamble) doc.text(p, { width });
  let page = 1;
  for (const a of spec.articles) {
    doc.moveDown(0.5);
    doc.text(a.heading, { width });
    for (const p of a.paragraphs) {
      if (p === '\f') {
        doc.addPage();
        page++;
        if (spec.runningHeader) doc.text(spec.runningHeader, { width, align: 'center' });
        doc.text(String(page), { width, align: 'center' });
        continue;
      }
      doc.text(p, { width });
    }
  }
  doc.moveDown();
  for (const l of [...spec.recipients, ...spec.signature]) doc.text(l, { width });
  doc.end();
  return done;
}
