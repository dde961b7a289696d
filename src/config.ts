/**
 * Configuration schema. Parsed once, at start-up, from the environment.
 * A wrong value fails fast with an error that names the variable.
 */
import { availableParallelism } from 'node:os';
import { z } from 'zod';
import { AppError } from './errors.js';
import { DEFAULT_OFFICE_HOURS, type OfficeHours, parseOfficeHours } from './handoff/office-hours.js';

const emptyToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optionalString = z.preprocess(emptyToUndefined, z.string().optional());
const optionalUrl = z.preprocess(emptyToUndefined, z.string().url().optional());
/** An integer variable with bounds and a default. */
const intVar = (min: number, max: number, dflt: number) => z.preprocess(emptyToUndefined, z.coerce.number().int().min(min).max(max).default(dflt));

/** Telegram bot tokens look like `123456789:AAF…` (digits, colon, 30+ URL-safe characters). */
export const TELEGRAM_TOKEN_PATTERN = /^\d+:[A-Za-z0-9_-]{30,}$/;

/** Days per month for yearly reminders; 29/2 is left out because it does not come every year. */
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/** Whether `day/month` is a date that comes every year. */
export function isYearlyCalendarDay(day: number, month: number): boolean {
  const max = DAYS_IN_MONTH[month - 1];
  return max !== undefined && Number.isInteger(day) && day >= 1 && day <= max;
}

/** Shortest `ADMIN_TOKEN` accepted: the admin area holds every staff report. */
export const ADMIN_TOKEN_MIN_LENGTH = 24;

const adminToken = z.preprocess(
  emptyToUndefined,
  z
    .string()
    .min(
      ADMIN_TOKEN_MIN_LENGTH,
      `must be at least ${ADMIN_TOKEN_MIN_LENGTH} characters (mã quản trị phải dài ít nhất ${ADMIN_TOKEN_MIN_LENGTH} ký tự); make one with: openssl rand -hex 24`,
    )
    .regex(/^\S+$/, 'must not contain spaces (không được chứa khoảng trắng); make one with: openssl rand -hex 24')
    .optional(),
);

/** A `frame-ancestors` source: `*`, or an origin such as `https://congthuong.quangngai.gov.vn` (`*.` and `:*` allowed). */
export const WIDGET_ORIGIN_PATTERN = /^(\*|https?:\/\/(\*\.)?[A-Za-z0-9.-]+(:(\d{1,5}|\*))?)$/;

/** `WIDGET_ALLOWED_ORIGINS`: origins separated by commas or spaces; empty = any (`*`). */
const widgetOrigins = z.preprocess(
  (v) => (typeof v === 'string' && v.trim() !== '' ? v.split(/[\s,]+/).filter((o) => o !== '') : ['*']),
  z
    .array(
      z
        .string()
        .transform((o) => o.replace(/\/$/, ''))
        .pipe(z.string().regex(WIDGET_ORIGIN_PATTERN, 'mỗi giá trị phải là "*" hoặc một origin như https://congthuong.quangngai.gov.vn (không có đường dẫn)')),
    )
    .min(1),
);

const envSchema = z.object({
  KNOWLEDGE_DIR: z.preprocess(emptyToUndefined, z.string().default('./knowledge')),
  DATA_DIR: z.preprocess(emptyToUndefined, z.string().default('./data')),
  /** `cli knowledge review` lists "as of" facts older than this many days. */
  KNOWLEDGE_FACT_MAX_AGE_DAYS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(36_500).default(365)),
  LOG_LEVEL: z.preprocess(emptyToUndefined, z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info')),
  OPENAI_API_KEY: optionalString,
  OPENAI_BASE_URL: optionalUrl,
  OPENAI_MODEL: optionalString,
  OPENAI_EMBEDDING_MODEL: optionalString,
  /** Embedding server when it is not the chat server (vLLM and TEI serve one model each). */
  OPENAI_EMBEDDING_BASE_URL: optionalUrl,
  OPENAI_TIMEOUT_MS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(100).max(300_000).default(20_000)),

  HOST: z.preprocess(emptyToUndefined, z.string().default('127.0.0.1')),
  PORT: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(65_535).default(3000)),
  PUBLIC_URL: optionalUrl,
  ADMIN_TOKEN: adminToken,
  RATE_LIMIT_PER_MINUTE: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).default(30)),
  /** Node HTTP server limits (slow clients are cut off). */
  HTTP_HEADERS_TIMEOUT_MS: intVar(100, 600_000, 10_000),
  HTTP_REQUEST_TIMEOUT_MS: intVar(100, 600_000, 15_000),
  HTTP_IDLE_TIMEOUT_MS: intVar(100, 600_000, 60_000),
  HTTP_KEEP_ALIVE_TIMEOUT_MS: intVar(100, 600_000, 5_000),
  /** Load shedding (503 + Retry-After); 0 turns a check off. */
  OVERLOAD_MAX_EVENT_LOOP_DELAY_MS: intVar(0, 60_000, 200),
  OVERLOAD_MAX_HEAP_MB: intVar(0, 1_000_000, 1024),
  OVERLOAD_RETRY_AFTER_S: intVar(1, 3600, 5),
  OVERLOAD_MAX_IN_FLIGHT: intVar(0, 10_000, 8),
  /** Anonymous web chats (citizen sessions and their history) are deleted after this many days. */
  WEB_CHAT_RETENTION_DAYS: intVar(1, 36_500, 90),
  /** Pages allowed to embed the chat (the /widget.js bubble's iframe); the admin area is never frameable. */
  WIDGET_ALLOWED_ORIGINS: widgetOrigins,
  /** Set to true behind a reverse proxy (nginx) so rate limits key on the client IP, not the proxy's. */
  /** HTTP worker processes (node:cluster); default: the number of cores. 1 = a single process. */
  WORKERS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(64).optional()),
  /** Set by the cluster primary on each worker it forks (0 … WORKERS-1); worker 0 runs the single-process jobs. */
  CCHC_WORKER_INDEX: intVar(0, 63, 0),
  /** How often the server checks the index's CURRENT pointer for a new snapshot, ms; 0 = never. */
  INDEX_WATCH_MS: intVar(0, 3_600_000, 2000),
  /** With WORKERS > 1: how long a console upload or delete waits for every worker to load the new index, ms. */
  INDEX_SYNC_TIMEOUT_MS: intVar(1000, 3_600_000, 60_000),
  TRUST_PROXY: z.preprocess(emptyToUndefined, z.enum(['true', 'false', '1', '0']).default('false')),

  TELEGRAM_BOT_TOKEN: z.preprocess(
    emptyToUndefined,
    z.string().regex(TELEGRAM_TOKEN_PATTERN, 'không đúng dạng token của BotFather (số:chuỗi ≥ 30 ký tự), hãy sao chép lại từ @BotFather').optional(),
  ),
  TELEGRAM_WEBHOOK_SECRET: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^[A-Za-z0-9_-]{12,256}$/, 'must be 12-256 characters of A-Z, a-z, 0-9, _ or -')
      .optional(),
  ),
  TELEGRAM_API_ROOT: optionalUrl,
  /** Telegram group where new handoff tickets are posted (staff reply there). */
  TELEGRAM_STAFF_CHAT_ID: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^-?\d{1,20}$/, 'phải là mã số của nhóm Telegram, ví dụ -1001234567890')
      .optional(),
  ),

  /** When staff usually answer handoff tickets, e.g. "7:30–11:30, 13:30–17:00, thứ Hai–thứ Sáu". */
  HANDOFF_OFFICE_HOURS: z.preprocess(emptyToUndefined, z.string().max(200).default(DEFAULT_OFFICE_HOURS)),
  /** Answered and closed handoff tickets are deleted after this many days without change. */
  HANDOFF_RETENTION_DAYS: intVar(1, 36_500, 180),

  ZALO_APP_ID: optionalString,
  ZALO_APP_SECRET: optionalString,
  ZALO_OA_SECRET_KEY: optionalString,
  ZALO_OA_ACCESS_TOKEN: optionalString,
  ZALO_OA_REFRESH_TOKEN: optionalString,
  ZALO_API_BASE: z.preprocess(emptyToUndefined, z.string().url().default('https://openapi.zalo.me')),
  ZALO_OAUTH_BASE: z.preprocess(emptyToUndefined, z.string().url().default('https://oauth.zaloapp.com')),
  /** Webhook events whose `timestamp` is further than this from now are dropped (replay window). */
  ZALO_EVENT_MAX_AGE_SECONDS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(10).max(86_400).default(300)),

  DEPARTMENT_NAME: z.preprocess(emptyToUndefined, z.string().default('Sở Công Thương tỉnh Quảng Ngãi')),
  DEPARTMENT_PHONE: optionalString,
  DEPARTMENT_ADDRESS: optionalString,
  DEPARTMENT_PORTAL_URL: optionalUrl,
  DEPARTMENT_EMAIL: optionalString,

  REMINDER_DAYS: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^(\d{1,2}\/\d{1,2})(,\s*\d{1,2}\/\d{1,2})*$/, 'cần dạng ngày/tháng, cách nhau bằng dấu phẩy, ví dụ 15/11,25/11')
      .refine(
        (v) =>
          v.split(',').every((d) => {
            const [day, month] = d.trim().split('/').map(Number);
            return isYearlyCalendarDay(day ?? 0, month ?? 0);
          }),
        'có ngày không tồn tại (ví dụ 31/11, 32/13; 29/2 không có mỗi năm)',
      )
      .default('15/11,25/11'),
  ),
});

export type RawEnv = z.infer<typeof envSchema>;

/** Parsed configuration, grouped by concern. */
export interface Config {
  knowledgeDir: string;
  /** Age in days after which an "as of" fact is listed by the knowledge review. */
  knowledgeFactMaxAgeDays: number;
  dataDir: string;
  /** Poll interval of the index's CURRENT pointer (a new snapshot is swapped in), ms; 0 = off. */
  indexWatchMs: number;
  /** With several workers: how long a console change waits for every worker to load the new index, ms. */
  indexSyncTimeoutMs: number;
  logLevel: RawEnv['LOG_LEVEL'];
  llm?: { apiKey: string; baseURL?: string; model: string; timeoutMs: number };
  embeddings?: { apiKey: string; baseURL?: string; model: string; timeoutMs: number };
  server: {
    host: string;
    port: number;
    publicUrl?: string;
    adminToken?: string;
    rateLimitPerMinute: number;
    trustProxy?: boolean;
    /** HTTP worker processes; more than 1 runs the server under node:cluster. */
    workers: number;
    /** This worker's index (0 in a single process); worker 0 runs polling, reminders and retention. */
    workerIndex: number;
    /** Node HTTP server timeouts, ms. */
    timeouts: { headersMs: number; requestMs: number; idleMs: number; keepAliveMs: number };
    /** Load shedding thresholds; 0 = that check is off. */
    overload: { maxEventLoopDelayMs: number; maxHeapMb: number; retryAfterSeconds: number; maxInFlight: number };
    /** `frame-ancestors` sources allowed to embed the chat page (`['*']` = any). */
    widgetAllowedOrigins?: string[];
  };
  /** Days anonymous web chats are kept. */
  webChatRetentionDays: number;
  /** Handoff to a person (tickets). */
  handoff: { officeHours: OfficeHours; retentionDays: number; telegramStaffChatId?: string };
  telegram?: { token: string; webhookSecret?: string; apiRoot?: string };
  zalo?: {
    appId: string;
    appSecret: string;
    oaSecretKey: string;
    accessToken: string;
    refreshToken?: string;
    apiBase: string;
    oauthBase: string;
    /** Freshness window of webhook events, seconds. */
    eventMaxAgeSeconds: number;
  };
  department: { name: string; phone?: string; address?: string; portalUrl?: string; email?: string };
  reminderDays: Array<{ day: number; month: number }>;
}

/**
 * Build a {@link Config} from an environment snapshot.
 * @throws AppError CONFIG_INVALID naming every offending variable.
 */
export function createConfig(env: Record<string, string | undefined>): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new AppError('CONFIG_INVALID', `Cấu hình không hợp lệ (invalid configuration): ${lines.join('; ')}`, {
      cause: parsed.error,
    });
  }
  const e = parsed.data;
  const problems: string[] = [];

  // An OpenAI-compatible endpoint is "on" when a key or a base URL is given.
  // Local servers (Ollama, vLLM) often need no key: any placeholder works.
  // OPENAI_MODEL may be left out only to use remote embeddings alone.
  const llmOn = Boolean(e.OPENAI_API_KEY || e.OPENAI_BASE_URL);
  const embeddingsOn = Boolean(e.OPENAI_EMBEDDING_MODEL && (llmOn || e.OPENAI_EMBEDDING_BASE_URL));
  if (llmOn && !e.OPENAI_MODEL && !e.OPENAI_EMBEDDING_MODEL) {
    problems.push('OPENAI_MODEL: required when OPENAI_API_KEY or OPENAI_BASE_URL is set');
  }
  if (e.OPENAI_EMBEDDING_MODEL && !embeddingsOn) {
    problems.push('OPENAI_EMBEDDING_MODEL: needs OPENAI_API_KEY, OPENAI_BASE_URL or OPENAI_EMBEDDING_BASE_URL');
  }
  if (e.OPENAI_EMBEDDING_BASE_URL && !e.OPENAI_EMBEDDING_MODEL) {
    problems.push('OPENAI_EMBEDDING_MODEL: required when OPENAI_EMBEDDING_BASE_URL is set');
  }

  const zaloKeys = ['ZALO_APP_ID', 'ZALO_APP_SECRET', 'ZALO_OA_SECRET_KEY', 'ZALO_OA_ACCESS_TOKEN'] as const;
  const zaloGiven = zaloKeys.filter((k) => e[k]);
  if (zaloGiven.length > 0 && zaloGiven.length < zaloKeys.length) {
    const missing = zaloKeys.filter((k) => !e[k]);
    problems.push(`${missing.join(', ')}: required when any Zalo OA setting is given`);
  }
  if (e.HTTP_HEADERS_TIMEOUT_MS > e.HTTP_REQUEST_TIMEOUT_MS) {
    problems.push('HTTP_HEADERS_TIMEOUT_MS: must not exceed HTTP_REQUEST_TIMEOUT_MS');
  }
  if (e.TELEGRAM_WEBHOOK_SECRET && !e.TELEGRAM_BOT_TOKEN) {
    problems.push('TELEGRAM_BOT_TOKEN: required when TELEGRAM_WEBHOOK_SECRET is set');
  }
  const officeHours = parseOfficeHours(e.HANDOFF_OFFICE_HOURS);
  if ('error' in officeHours) problems.push(`HANDOFF_OFFICE_HOURS: ${officeHours.error}`);
  if (e.TELEGRAM_STAFF_CHAT_ID && !e.TELEGRAM_BOT_TOKEN) {
    problems.push('TELEGRAM_BOT_TOKEN: required when TELEGRAM_STAFF_CHAT_ID is set');
  }
  if (problems.length > 0 || 'error' in officeHours) {
    throw new AppError('CONFIG_INVALID', `Cấu hình không hợp lệ (invalid configuration): ${problems.join('; ')}`);
  }

  const apiKey = e.OPENAI_API_KEY ?? 'not-needed';
  return {
    knowledgeDir: e.KNOWLEDGE_DIR,
    knowledgeFactMaxAgeDays: e.KNOWLEDGE_FACT_MAX_AGE_DAYS,
    dataDir: e.DATA_DIR,
    indexWatchMs: e.INDEX_WATCH_MS,
    indexSyncTimeoutMs: e.INDEX_SYNC_TIMEOUT_MS,
    logLevel: e.LOG_LEVEL,
    llm: llmOn && e.OPENAI_MODEL ? { apiKey, baseURL: e.OPENAI_BASE_URL, model: e.OPENAI_MODEL, timeoutMs: e.OPENAI_TIMEOUT_MS } : undefined,
    embeddings:
      embeddingsOn && e.OPENAI_EMBEDDING_MODEL
        ? {
            apiKey,
            baseURL: e.OPENAI_EMBEDDING_BASE_URL ?? e.OPENAI_BASE_URL,
            model: e.OPENAI_EMBEDDING_MODEL,
            timeoutMs: e.OPENAI_TIMEOUT_MS,
          }
        : undefined,
    server: {
      host: e.HOST,
      port: e.PORT,
      publicUrl: e.PUBLIC_URL,
      adminToken: e.ADMIN_TOKEN,
      rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
      trustProxy: e.TRUST_PROXY === 'true' || e.TRUST_PROXY === '1',
      // Every core serves (two workers: 1.8× one on this 2-core machine, docs/performance.md); a console
      // upload or delete is loaded by every worker before its reply (src/server/knowledge-sync.ts).
      workers: e.WORKERS ?? availableParallelism(),
      workerIndex: e.CCHC_WORKER_INDEX,
      timeouts: {
        headersMs: e.HTTP_HEADERS_TIMEOUT_MS,
        requestMs: e.HTTP_REQUEST_TIMEOUT_MS,
        idleMs: e.HTTP_IDLE_TIMEOUT_MS,
        keepAliveMs: e.HTTP_KEEP_ALIVE_TIMEOUT_MS,
      },
      overload: {
        maxEventLoopDelayMs: e.OVERLOAD_MAX_EVENT_LOOP_DELAY_MS,
        maxHeapMb: e.OVERLOAD_MAX_HEAP_MB,
        retryAfterSeconds: e.OVERLOAD_RETRY_AFTER_S,
        maxInFlight: e.OVERLOAD_MAX_IN_FLIGHT,
      },
      widgetAllowedOrigins: e.WIDGET_ALLOWED_ORIGINS,
    },
    webChatRetentionDays: e.WEB_CHAT_RETENTION_DAYS,
    handoff: {
      officeHours,
      retentionDays: e.HANDOFF_RETENTION_DAYS,
      ...(e.TELEGRAM_STAFF_CHAT_ID ? { telegramStaffChatId: e.TELEGRAM_STAFF_CHAT_ID } : {}),
    },
    telegram: e.TELEGRAM_BOT_TOKEN ? { token: e.TELEGRAM_BOT_TOKEN, webhookSecret: e.TELEGRAM_WEBHOOK_SECRET, apiRoot: e.TELEGRAM_API_ROOT } : undefined,
    zalo:
      e.ZALO_APP_ID && e.ZALO_APP_SECRET && e.ZALO_OA_SECRET_KEY && e.ZALO_OA_ACCESS_TOKEN
        ? {
            appId: e.ZALO_APP_ID,
            appSecret: e.ZALO_APP_SECRET,
            oaSecretKey: e.ZALO_OA_SECRET_KEY,
            accessToken: e.ZALO_OA_ACCESS_TOKEN,
            refreshToken: e.ZALO_OA_REFRESH_TOKEN,
            apiBase: e.ZALO_API_BASE.replace(/\/+$/, ''),
            oauthBase: e.ZALO_OAUTH_BASE.replace(/\/+$/, ''),
            eventMaxAgeSeconds: e.ZALO_EVENT_MAX_AGE_SECONDS,
          }
        : undefined,
    department: {
      name: e.DEPARTMENT_NAME,
      phone: e.DEPARTMENT_PHONE,
      address: e.DEPARTMENT_ADDRESS,
      portalUrl: e.DEPARTMENT_PORTAL_URL,
      email: e.DEPARTMENT_EMAIL,
    },
    reminderDays: e.REMINDER_DAYS.split(',').map((s) => {
      const [d, m] = s.trim().split('/').map(Number);
      return { day: d ?? 1, month: m ?? 1 };
    }),
  };
}
