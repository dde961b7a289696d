/** Schema of the `reports` namespace (same SQLite file as the rest of the bot). */
import type { Migration } from '../../store/database.js';

/** Numbered migrations; never edit an applied one, append a new one. */
export const REPORT_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    sql: `
      CREATE TABLE reports (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        reporter_channel TEXT NOT NULL,
        reporter_id TEXT NOT NULL,
        unit TEXT,
        date TEXT,
        channel TEXT,
        count INTEGER,
        indicator TEXT,
        area TEXT,
        link TEXT,
        description TEXT NOT NULL DEFAULT '',
        source_message_id TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'confirmed' CHECK (status IN ('confirmed', 'deleted')),
        created_at TEXT NOT NULL,
        confirmed_at TEXT,
        deleted_at TEXT,
        UNIQUE (reporter_channel, reporter_id, source_message_id)
      );
      CREATE INDEX reports_date ON reports (date);
      CREATE INDEX reports_reporter ON reports (reporter_channel, reporter_id);
      CREATE TABLE report_drafts (
        chat_key TEXT PRIMARY KEY,
        fields_json TEXT NOT NULL,
        source_message_id TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
    `,
  },
];
