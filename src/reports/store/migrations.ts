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
  {
    // Each count carries its unit of measure. Existing rows: from the text's
    // unit noun where it is plain, else from the channel, else 'unknown'.
    // The reporter's display name and own unit are kept for the exports (null for old rows).
    version: 2,
    sql: `
      ALTER TABLE reports ADD COLUMN count_kind TEXT;
      ALTER TABLE reports ADD COLUMN reporter_name TEXT;
      ALTER TABLE reports ADD COLUMN reporter_unit TEXT;
      UPDATE reports SET count_kind = CASE
        WHEN count IS NULL THEN NULL
        WHEN lower(description) GLOB '*[0-9] tờ*' OR lower(description) GLOB '*[0-9] to *' THEN 'printed'
        WHEN lower(description) GLOB '*[0-9] lượt tư vấn*' OR lower(description) GLOB '*[0-9] lượt hướng dẫn*' THEN 'consultation'
        WHEN lower(description) GLOB '*[0-9] người*' OR lower(description) GLOB '*[0-9] doanh nghiệp*'
          OR lower(description) GLOB '*[0-9] đại biểu*' OR lower(description) GLOB '*[0-9] lượt người*' THEN 'person'
        WHEN lower(description) GLOB '*[0-9] tin*' OR lower(description) GLOB '*[0-9] bài*' THEN 'post'
        WHEN channel IN ('website', 'social', 'press') THEN 'post'
        WHEN channel = 'print' THEN 'printed'
        WHEN channel = 'meeting' THEN 'person'
        WHEN channel = 'direct' THEN 'consultation'
        ELSE 'unknown'
      END;
    `,
  },
];
