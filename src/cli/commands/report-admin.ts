/**
 * `cli report list` and `cli report export`: read the saved activity reports
 * from `<DATA_DIR>/cchc-bot.sqlite`.
 */
import { writeFileSync } from 'node:fs';
import { AppError } from '../../errors.js';
import { buildExport, isExportFormat } from '../../reports/export/index.js';
import { recordLine } from '../../reports/flow/card.js';
import { loadContentAreas } from '../../reports/parse/index.js';
import { localDate } from '../../reports/period.js';
import { SqliteReportStore } from '../../reports/store/sqlite-report-store.js';
import { openDatabase } from '../../store/database.js';
import { databasePath } from '../../store/paths.js';
import { type CliContext, parseArgs } from '../command.js';

function yearFlag(value: string | true | undefined): number {
  if (value === undefined || value === true) return Number(localDate(new Date()).slice(0, 4));
  if (!/^\d{4}$/.test(value)) throw new AppError('INPUT_INVALID', `--year: cần năm dạng YYYY, nhận "${value}"`);
  return Number(value);
}

function withStore<T>(ctx: CliContext, fn: (store: SqliteReportStore) => T): T {
  const db = openDatabase(databasePath(ctx.config));
  try {
    return fn(new SqliteReportStore(db));
  } finally {
    db.close();
  }
}

/** `report list [--json] [--year YYYY]`: one year's reports (JSON array with `--json`). */
export async function runReportList(args: string[], ctx: CliContext): Promise<number> {
  const { flags } = parseArgs(args, ['year']);
  const year = yearFlag(flags.year);
  const reports = withStore(ctx, (s) => s.list({ year }));
  if (flags.json) {
    ctx.out(`${JSON.stringify(reports, null, 2)}\n`);
  } else {
    ctx.out(`Năm ${year}: ${reports.length} báo cáo\n${reports.map(recordLine).join('\n')}${reports.length ? '\n' : ''}`);
  }
  return 0;
}

/** `report export --format csv|xlsx|docx [--year YYYY] --out FILE`. */
export async function runReportExport(args: string[], ctx: CliContext): Promise<number> {
  const { flags } = parseArgs(args, ['format', 'year', 'out']);
  const format = typeof flags.format === 'string' ? flags.format : '';
  if (!isExportFormat(format)) throw new AppError('INPUT_INVALID', '--format: cần csv, xlsx hoặc docx');
  if (typeof flags.out !== 'string') throw new AppError('INPUT_INVALID', '--out: cần đường dẫn tệp đầu ra');
  const year = yearFlag(flags.year);
  const areas = loadContentAreas(ctx.config.knowledgeDir);
  const reports = withStore(ctx, (s) => s.list({ year }));
  const file = await buildExport(format, reports, areas, { year, departmentName: ctx.config.department.name });
  writeFileSync(flags.out, file.content);
  ctx.logger.info({ format, year, reports: reports.length, out: flags.out }, 'report export written');
  ctx.out(`Đã ghi ${flags.out} (${reports.length} báo cáo năm ${year}).\n`);
  return 0;
}
