/**
 * `cli report <sub-command>`: activity reports (Kế hoạch 1523/KH-SCT,
 * section IV). Each sub-command lives in its own handler; add new ones to
 * {@link REPORT_SUBCOMMANDS}.
 */
import type { CliCommand, CliContext } from '../command.js';
import { runReportExport, runReportList } from './report-admin.js';
import { runReportParse } from './report-parse.js';

type SubcommandHandler = (args: string[], ctx: CliContext) => Promise<number>;

/** Sub-commands of `report`, by name, with a one-line Vietnamese summary. */
export const REPORT_SUBCOMMANDS: Record<string, { summary: string; run: SubcommandHandler }> = {
  parse: {
    summary: 'Phân tích một tin nhắn báo cáo (--json, --now YYYY-MM-DD, --unit, --batch FILE)',
    run: runReportParse,
  },
  list: {
    summary: 'Liệt kê báo cáo đã lưu (--json, --year YYYY)',
    run: runReportList,
  },
  export: {
    summary: 'Xuất báo cáo (--format csv|xlsx|docx, --year YYYY, --out FILE)',
    run: runReportExport,
  },
};

function usage(): string {
  const lines = Object.entries(REPORT_SUBCOMMANDS).map(([name, s]) => `  report ${name.padEnd(8)} ${s.summary}`);
  return `Cách dùng: npm run -s cli -- report <lệnh con> [tham số]\n${lines.join('\n')}\n`;
}

export const reportCommand: CliCommand = {
  name: 'report',
  summary: `Báo cáo hoạt động truyền thông: ${Object.keys(REPORT_SUBCOMMANDS).join(', ')}`,
  async run(args, ctx) {
    const [sub, ...rest] = args;
    const handler = sub ? REPORT_SUBCOMMANDS[sub] : undefined;
    if (!handler) {
      process.stderr.write(sub ? `Lệnh con không tồn tại: ${sub}\n${usage()}` : usage());
      return 2;
    }
    return handler.run(rest, ctx);
  },
};
