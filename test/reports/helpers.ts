/** Shared fixtures for the report tests: real plan areas, a fake parser, temp databases. */
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import type { Identity, IncomingMessage } from '../../src/core/messages.js';
import { splitFrontMatter } from '../../src/knowledge/front-matter.js';
import { contentAreas, parsePlan } from '../../src/knowledge/plan-parser.js';
import type { ContentAreaInfo, NewReport, ParsedReportLike, ReportParser, ReportRecord } from '../../src/reports/types.js';
import { type Db, openDatabase } from '../../src/store/database.js';

/** The 22 content areas of the real plan file. */
export function planAreas(): ContentAreaInfo[] {
  const raw = readFileSync(path.join(import.meta.dirname, '../../knowledge/ke-hoach-1523-KH-SCT.md'), 'utf8');
  return contentAreas(parsePlan(splitFrontMatter(raw).body));
}

export const silentLogger = pino({ level: 'silent' });

/** A fresh database file in a temp dir. */
export function tempDb(): { db: Db; file: string; dir: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'reports-'));
  const file = path.join(dir, 'cchc-bot.sqlite');
  return { db: openDatabase(file), file, dir };
}

/**
 * A small deterministic stand-in for the real parser: finds `dd/mm`, a few
 * channel words, `N tin|bài|người`, `số lượng N`, an area code or keywords, a URL.
 */
export const fakeParse: ReportParser = (text, { now, reporterUnit }) => {
  const t = text.toLowerCase();
  const d = /(\d{1,2})\/(\d{1,2})(?:\/(\d{4}))?/.exec(t);
  const date = d ? `${d[3] ?? now.getUTCFullYear()}-${d[2]!.padStart(2, '0')}-${d[1]!.padStart(2, '0')}` : null;
  const channel = /zalo|facebook|fanpage/.test(t)
    ? 'social'
    : /cổng|website/.test(t)
      ? 'website'
      : /hội nghị|tập huấn/.test(t)
        ? 'meeting'
        : /tờ rơi/.test(t)
          ? 'print'
          : null;
  const c = /số lượng\s*(\d+)/.exec(t) ?? /(\d+)\s*(tin|bài|người|tờ)/.exec(t);
  const a = /ii\.[123]\.[a-hđ]/.exec(t);
  const area = a
    ? a[0]
        .toUpperCase()
        .replace('Đ', 'đ')
        .replace(/\.([A-H])$/, (_, l: string) => `.${l.toLowerCase()}`)
    : /điện tử/.test(t)
      ? 'II.2.h'
      : null;
  const link = /https?:\/\/\S+/.exec(text)?.[0] ?? null;
  const out: ParsedReportLike = {
    date,
    channel,
    count: c ? Number(c[1]) : null,
    countKind: c ? (/người/.test(c[2] ?? '') ? 'person' : /tờ/.test(c[2] ?? '') ? 'printed' : 'post') : null,
    indicator: null,
    area,
    link,
    unit: reporterUnit ?? null,
    description: text.trim(),
    missing: [],
    areaCandidates: area
      ? []
      : [
          { code: 'II.1.c', title: 'Truyền thông cải cách thủ tục hành chính', score: 0.5 },
          { code: 'II.2.đ', title: 'Truyền thông nội dung "thủ tục hành chính công"', score: 0.4 },
          { code: 'II.3.a', title: 'Truyền thông về chỉ số "Gia nhập thị trường"', score: 0.3 },
        ],
  };
  return out;
};

let seq = 0;
/** A message from one test user. */
export function message(text: string, extra: Partial<IncomingMessage> = {}): IncomingMessage {
  seq += 1;
  return {
    channel: 'telegram',
    userId: '1001',
    chatId: '1001',
    messageId: `m${seq}`,
    text,
    time: new Date('2026-11-25T03:00:00Z'),
    ...extra,
  };
}

/** A button press. */
export function press(data: string, extra: Partial<IncomingMessage> = {}): IncomingMessage {
  return message('', { callbackData: data, ...extra });
}

export const staff: Identity = { channel: 'telegram', userId: '1001', role: 'staff', unit: 'Phòng Thử nghiệm A' };
export const admin: Identity = { channel: 'telegram', userId: '9009', role: 'admin', unit: 'Văn phòng Sở' };
export const citizen: Identity = { channel: 'telegram', userId: '5005', role: 'citizen' };

/** A complete report for store-level tests. */
export function newReport(over: Partial<NewReport> = {}): NewReport {
  seq += 1;
  return {
    reporterChannel: 'telegram',
    reporterId: '1001',
    sourceMessageId: `src${seq}`,
    date: '2026-11-20',
    channel: 'website',
    count: 2,
    countKind: 'post',
    indicator: 'PAR INDEX',
    area: 'II.1.c',
    link: null,
    unit: 'Phòng Thử nghiệm A',
    description: 'Đăng tin thử nghiệm',
    ...over,
  };
}

let recordId = 0;
/** A confirmed report as the store returns it, for export and summary tests. */
export function reportRecord(over: Partial<ReportRecord> = {}): ReportRecord {
  recordId += 1;
  return {
    ...newReport({ sourceMessageId: `s${recordId}` }),
    id: recordId,
    reporterName: 'Nguyễn Thị Thử',
    reporterUnit: null,
    status: 'confirmed',
    createdAt: '2026-11-20T02:00:00.000Z',
    confirmedAt: '2026-11-20T02:00:00.000Z',
    deletedAt: null,
    ...over,
  };
}
