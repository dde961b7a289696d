/**
 * The yearly DOCX rendered the way an office would open it: LibreOffice
 * (headless, from Debian) converts it to PDF, which must have pages and the
 * document's key lines; page 1 is rendered to PNG (poppler's pdftoppm) into
 * docs/screenshots/report-docx-page1.png for people to look at.
 * Skipped, with the reason printed, when `soffice` or `pdftoppm` is missing
 * (`apt-get install -y libreoffice-writer poppler-utils`).
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { reportsToDocx } from '../../src/reports/export/docx.js';
import type { ReportRecord } from '../../src/reports/types.js';
import { screenshotDir } from '../helpers/screenshots.js';
import { planAreas, reportRecord } from './helpers.js';

const SOFFICE = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p));
const PDFTOPPM = ['/usr/bin/pdftoppm'].find((p) => existsSync(p));
const PDFTOTEXT = ['/usr/bin/pdftotext'].find((p) => existsSync(p));
const SCREENSHOT = path.join(screenshotDir(), 'report-docx-page1.png');
const missing = [SOFFICE ? null : 'soffice (libreoffice-writer)', PDFTOPPM && PDFTOTEXT ? null : 'pdftoppm/pdftotext (poppler-utils)'].filter(Boolean);
if (missing.length > 0) console.warn(`skipping the DOCX → PDF render: ${missing.join(', ')} not installed`);

const areas = planAreas();
const rec = (over: Partial<ReportRecord>) => reportRecord({ description: 'tin nhắn gốc', ...over });
const reports: ReportRecord[] = [
  rec({ date: '2026-03-12', area: 'II.1.c', count: 4, countKind: 'post', unit: 'Văn phòng Sở', link: 'https://soct.quangngai.gov.vn/tin-tuc/1' }),
  rec({ date: '2026-05-20', area: 'II.1.c', channel: 'meeting', count: 60, countKind: 'person', unit: 'Phòng Quản lý thương mại' }),
  rec({ date: '2026-06-02', area: 'II.2.h', indicator: 'PAPI', channel: 'social', count: 3, countKind: 'post', unit: 'Văn phòng Sở' }),
  rec({ date: '2026-09-15', area: 'II.3.đ', indicator: 'PCI', channel: 'print', count: 200, countKind: 'printed', unit: 'Thanh tra Sở' }),
  rec({ date: '2026-10-08', area: 'II.3.đ', indicator: 'PCI', channel: 'meeting', count: 45, countKind: 'person', unit: 'Phòng Quản lý công nghiệp' }),
];

describe.skipIf(missing.length > 0)('yearly DOCX rendered by LibreOffice', () => {
  it('converts to a PDF with pages holding the document, and page 1 to a PNG', { timeout: 120_000 }, async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'docx-render-'));
    const docx = path.join(dir, 'bao-cao-2026.docx');
    writeFileSync(docx, await reportsToDocx(reports, areas, { year: 2026, departmentName: 'Sở Công Thương tỉnh Quảng Ngãi' }));
    // Own profile directory: no clash with another LibreOffice running on the machine.
    execFileSync(SOFFICE as string, [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, docx], {
      stdio: 'ignore',
      timeout: 110_000,
    });
    const pdf = path.join(dir, 'bao-cao-2026.pdf');
    expect(existsSync(pdf)).toBe(true);
    const bytes = readFileSync(pdf);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const pages = Number(/\/Type\s*\/Pages\b[^>]*\/Count\s+(\d+)/.exec(bytes.toString('latin1'))?.[1] ?? 0);
    expect(pages).toBeGreaterThanOrEqual(2);

    const text = execFileSync(PDFTOTEXT as string, ['-layout', pdf, '-'], { encoding: 'utf8' });
    for (const line of ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'BÁO CÁO', 'Nơi nhận:', 'GIÁM ĐỐC']) {
      expect(text, line).toContain(line);
    }
    expect(text).toMatch(/Số:\s+\/BC-SCT/);
    expect(text).toContain('200 tờ/ấn phẩm, 45 lượt người');

    execFileSync(PDFTOPPM as string, ['-png', '-r', '100', '-f', '1', '-l', '1', '-singlefile', pdf, path.join(dir, 'page1')]);
    const png = path.join(dir, 'page1.png');
    expect(readFileSync(png).subarray(1, 4).toString()).toBe('PNG');
    copyFileSync(png, SCREENSHOT);
  });
});
