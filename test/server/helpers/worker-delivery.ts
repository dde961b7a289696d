/**
 * One "HTTP worker" for the cluster exactly-once test: opens the shared
 * service database as a worker does (migrations included), waits for the
 * start signal, then receives the same deliveries as its sibling: each
 * webhook update goes through the durable dedupe store, and each report
 * confirmation through the report store. Prints what it won, as JSON.
 *
 *   node --import tsx test/server/helpers/worker-delivery.ts <db> <go-file> <n>
 */
import { existsSync } from 'node:fs';
import { createDedupeStore } from '../../../src/channels/dedupe-store.js';
import { SqliteReportStore } from '../../../src/reports/store/sqlite-report-store.js';
import { openServiceDatabase } from '../../../src/store/open-service-database.js';

const [dbFile, goFile, count] = process.argv.slice(2) as [string, string, string];
const db = openServiceDatabase(dbFile);
const dedupe = createDedupeStore(db);
const reports = new SqliteReportStore(db);
process.stdout.write('ready\n');
while (!existsSync(goFile)) await new Promise((r) => setTimeout(r, 2));

const answered: number[] = [];
const created: number[] = [];
for (let k = 0; k < Number(count); k++) {
  if (dedupe.firstSeen('zalo', `event-${k}`)) answered.push(k);
  const { created: fresh } = reports.confirm(
    {
      reporterChannel: 'zalo',
      reporterId: 'staff-1',
      sourceMessageId: `message-${k}`,
      date: '2026-11-20',
      channel: 'website',
      count: 1,
      countKind: 'post',
      indicator: 'PAR INDEX',
      area: 'II.1.c',
      link: null,
      unit: 'Phòng Thử nghiệm',
      description: `Báo cáo thử ${k}`,
    },
    new Date(),
  );
  if (fresh) created.push(k);
}
db.close();
process.stdout.write(`${JSON.stringify({ answered, created })}\n`);
