/**
 * Configuration schema. Parsed once, at start-up, from the environment.
 * A wrong value fails fast with an error that names the variable.
 */
import { z } from 'zod';
import { AppError } from './errors.js';

const emptyToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optionalString = z.preprocess(emptyToUndefined, z.string().optional());
const optionalUrl = z.preprocess(emptyToUndefined, z.string().url().optional());

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

const envSchema = z.object({
  KNOWLEDGE_DIR: z.preprocess(emptyToUndefined, z.string().default('./knowledge')),
  DATA_DIR: z.preprocess(emptyToUndefined, z.string().default('./data')),
  /** `cli knowledge review` lists "as of" facts older than this many days. */
  KNOWLEDGE_FACT_MAX_AGE_DAYS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(36_500).default(365)),
  LOG_LEVEL: z.preprocess(
    emptyToUndefined,
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ),
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
  /** Set to true behind a reverse proxy (nginx) so rate limits key on the client IP, not the proxy's. */
  TRUST_PROXY: z.preprocess(emptyToUndefined, z.enum(['true', 'false', '1', '0']).default('false')),

  TELEGRAM_BOT_TOKEN: optionalString,
  TELEGRAM_WEBHOOK_SECRET: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^[A-Za-z0-9_-]{12,256}$/, 'must be 12-256 characters of A-Z, a-z, 0-9, _ or -')
      .optional(),
  ),
  TELEGRAM_API_ROOT: optionalUrl,

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

  REMINDER_DAYS: z.preprocess(emptyToUndefined, z.string().regex(/^(\d{1,2}\/\d{1,2})(,\s*\d{1,2}\/\d{1,2})*$/).default('15/11,25/11')),
});

export type RawEnv = z.infer<typeof envSchema>;

/** Parsed configuration, grouped by concern. */
export interface Config {
  knowledgeDir: string;
  /** Age in days after which an "as of" fact is listed by the knowledge review. */
  knowledgeFactMaxAgeDays: number;
  dataDir: string;
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
  };
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
    throw new AppError('CONFIG_INVALID', `Cấu hình không hợp lệ (invalid configuration):\n  ${lines.join('\n  ')}`, {
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
  if (e.TELEGRAM_WEBHOOK_SECRET && !e.TELEGRAM_BOT_TOKEN) {
    problems.push('TELEGRAM_BOT_TOKEN: required when TELEGRAM_WEBHOOK_SECRET is set');
  }
  if (problems.length > 0) {
    throw new AppError('CONFIG_INVALID', `Cấu hình không hợp lệ (invalid configuration):\n  ${problems.join('\n  ')}`);
  }

  const apiKey = e.OPENAI_API_KEY ?? 'not-needed';
  return {
    knowledgeDir: e.KNOWLEDGE_DIR,
    knowledgeFactMaxAgeDays: e.KNOWLEDGE_FACT_MAX_AGE_DAYS,
    dataDir: e.DATA_DIR,
    logLevel: e.LOG_LEVEL,
    llm: llmOn && e.OPENAI_MODEL
      ? { apiKey, baseURL: e.OPENAI_BASE_URL, model: e.OPENAI_MODEL, timeoutMs: e.OPENAI_TIMEOUT_MS }
      : undefined,
    embeddings: embeddingsOn && e.OPENAI_EMBEDDING_MODEL
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
    },
    telegram: e.TELEGRAM_BOT_TOKEN
      ? { token: e.TELEGRAM_BOT_TOKEN, webhookSecret: e.TELEGRAM_WEBHOOK_SECRET, apiRoot: e.TELEGRAM_API_ROOT }
      : undefined,
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
