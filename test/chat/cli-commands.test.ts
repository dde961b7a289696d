import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createConversationEngine } from '../../src/chat/engine.js';
import { SqliteChatStore } from '../../src/chat/sqlite-chat-store.js';
import type { CliContext } from '../../src/cli/command.js';
import { gapsCommand } from '../../src/cli/commands/gaps.js';
import { staffCommand } from '../../src/cli/commands/staff.js';
import { createConfig } from '../../src/config.js';
import { openDatabase } from '../../src/store/database.js';
import { databasePath } from '../../src/store/paths.js';
import { department, FakeAnswerer, message, silentLogger } from './fakes.js';

describe('cli staff and gaps', () => {
  let dir: string;
  let ctx: CliContext;
  let out: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-'));
    out = '';
    ctx = { config: createConfig({ DATA_DIR: dir }), logger: silentLogger, out: (t) => (out += t) };
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('databasePath is <DATA_DIR>/cchc-bot.sqlite', () => {
    expect(databasePath(ctx.config)).toBe(path.join(dir, 'cchc-bot.sqlite'));
  });

  it('staff invite prints a one-time code that registers a bot user', async () => {
    expect(await staffCommand.run(['invite', '--unit', 'Văn phòng Sở'], ctx)).toBe(0);
    const code = out.split('\n')[0] as string;
    expect(code).toMatch(/^[A-Z2-9]{8}$/);

    const db = openDatabase(databasePath(ctx.config));
    const engine = createConversationEngine({
      answerer: new FakeAnswerer(),
      store: new SqliteChatStore(db),
      logger: silentLogger,
      department,
    });
    const [reply] = await engine.handle(message(`/dangky ${code}`, { userName: 'Hà' }));
    db.close();
    expect(reply?.text).toContain('Đăng ký thành công');

    out = '';
    expect(await staffCommand.run(['list', '--json'], ctx)).toBe(0);
    expect(JSON.parse(out)).toEqual([expect.objectContaining({ channel: 'telegram', userId: 'u1', role: 'staff', unit: 'Văn phòng Sở', displayName: 'Hà' })]);
  });

  it('staff invite without --unit is a usage error', async () => {
    expect(await staffCommand.run(['invite'], ctx)).toBe(2);
    expect(out).toBe('');
  });

  it('gaps --json lists abstained and down-voted questions, most frequent first', async () => {
    const db = openDatabase(databasePath(ctx.config));
    const engine = createConversationEngine({
      answerer: new FakeAnswerer(),
      store: new SqliteChatStore(db),
      logger: silentLogger,
      department,
    });
    await engine.handle(message('Hỏi ngoài phạm vi A'));
    await engine.handle(message('hỏi  ngoài phạm vi a?'));
    const [ok] = await engine.handle(message('Câu được trả lời'));
    await engine.handle(message('Câu được trả lời tốt'));
    await engine.handle(message('', { callbackData: `fb:down:${ok?.exchangeId}` }));
    db.close();

    expect(await gapsCommand.run(['--json'], ctx)).toBe(0);
    const groups = JSON.parse(out) as Array<{ question: string; count: number; downVotes: number }>;
    expect(groups.map((g) => [g.count, g.downVotes])).toEqual([
      [2, 0],
      [1, 1],
    ]);
    expect(groups[1]?.question).toBe('Câu được trả lời');
  });
});
