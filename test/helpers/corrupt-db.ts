/** Build a real database file and damage one table's root page on disk, for health and start-up tests. */
import { closeSync, openSync, writeSync } from 'node:fs';
import { SqliteChatStore } from '../../src/chat/sqlite-chat-store.js';
import { openDatabase } from '../../src/store/database.js';

/**
 * Create `file` with the chat schema and a few rows, close it (WAL
 * checkpointed), then overwrite the first bytes of `table`'s root page.
 */
export function writeDatabaseWithDamagedTable(file: string, table = 'chat_state'): void {
  const db = openDatabase(file);
  const store = new SqliteChatStore(db);
  for (let i = 0; i < 20; i++) store.setLastQuestion('web', `session-${i}`, `câu hỏi ${i}`, new Date());
  const { rootpage } = db.prepare('SELECT rootpage FROM sqlite_master WHERE name = ?').get(table) as { rootpage: number };
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  db.close();
  const fd = openSync(file, 'r+');
  writeSync(fd, Buffer.alloc(64, 0xa5), 0, 64, (rootpage - 1) * pageSize);
  closeSync(fd);
}
