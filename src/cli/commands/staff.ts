/**
 * `cli staff invite --unit "Văn phòng Sở" [--admin] [--json]` prints a
 * one-time invite code; `cli staff list [--json]` lists registered staff.
 */
import { SqliteChatStore } from '../../chat/sqlite-chat-store.js';
import { openDatabase } from '../../store/database.js';
import { databasePath } from '../../store/paths.js';
import { type CliCommand, type CliContext, parseArgs } from '../command.js';

const USAGE = [
  'Cách dùng:',
  '  staff invite --unit "<tên phòng, đơn vị>" [--admin] [--json]   Tạo mã mời dùng một lần',
  '  staff list [--json]                                           Liệt kê cán bộ đã đăng ký',
  '',
].join('\n');

function invite(store: SqliteChatStore, flags: Record<string, string | true>, ctx: CliContext): number {
  const unit = typeof flags.unit === 'string' ? flags.unit.trim() : '';
  if (!unit) {
    process.stderr.write(`Thiếu --unit (tên phòng, đơn vị của cán bộ).\n${USAGE}`);
    return 2;
  }
  const role = flags.admin === true ? 'admin' : 'staff';
  const inv = store.createInvite({ unit, role }, new Date());
  if (flags.json === true) {
    ctx.out(`${JSON.stringify(inv)}\n`);
  } else {
    ctx.out(`${inv.code}\n`);
    ctx.out(`Mã mời dùng một lần cho ${role === 'admin' ? 'quản trị viên' : 'cán bộ'} thuộc ${unit}. ` + `Người nhận gửi cho bot: /dangky ${inv.code}\n`);
  }
  return 0;
}

function list(store: SqliteChatStore, flags: Record<string, string | true>, ctx: CliContext): number {
  const staff = store.listStaff();
  if (flags.json === true) {
    ctx.out(`${JSON.stringify(staff, null, 2)}\n`);
    return 0;
  }
  if (staff.length === 0) {
    ctx.out('Chưa có cán bộ nào đăng ký.\n');
    return 0;
  }
  for (const s of staff) {
    const who = s.displayName ? `${s.displayName} ` : '';
    ctx.out(`${s.role.padEnd(5)}  ${s.unit ?? '-'}  ${who}(${s.channel}:${s.userId})  lần cuối: ${s.lastSeenAt ?? '-'}\n`);
  }
  return 0;
}

export const staffCommand: CliCommand = {
  name: 'staff',
  summary: 'Quản lý cán bộ: tạo mã mời (staff invite --unit ...), xem danh sách (staff list)',
  async run(args, ctx) {
    const { flags, positionals } = parseArgs(args, ['unit']);
    const sub = positionals[0];
    if (sub !== 'invite' && sub !== 'list') {
      process.stderr.write(USAGE);
      return 2;
    }
    const db = openDatabase(databasePath(ctx.config));
    try {
      const store = new SqliteChatStore(db);
      return sub === 'invite' ? invite(store, flags, ctx) : list(store, flags, ctx);
    } finally {
      db.close();
    }
  },
};
