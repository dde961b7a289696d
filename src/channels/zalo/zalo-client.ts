/**
 * Minimal Zalo OA API client on axios (no SDK): consultation messages
 * (`/v3.0/oa/message/cs`) and OAuth v4 token refresh.
 *
 * Zalo answers HTTP 200 even on failure; the body's `error` decides.
 * -216/-220 → refresh the token once (single flight, new pair saved first)
 * and retry; -32 → back off and retry a bounded number of times; anything
 * else (notably -230/-232, outside the 7-day window) → fail without retry.
 */
import axios, { type AxiosInstance } from 'axios';
import { AppError } from '../../errors.js';
import type { Logger } from '../../logger.js';
import type { TokenStore, ZaloTokenPair } from './token-store.js';
import { ZALO_OUTSIDE_WINDOW, ZALO_RATE_LIMITED, ZALO_TOKEN_ERRORS, ZaloApiError } from './zalo-api-error.js';

/** The `message` object of a consultation message. */
export interface ZaloOutgoingMessage {
  text: string;
  attachment?: {
    type: 'template';
    payload: { buttons: Array<{ title: string; type: 'oa.query.show'; payload: string }> };
  };
}

export interface ZaloClientOptions {
  appId: string;
  /** App Secret Key (header `secret_key` on the token endpoint). */
  appSecret: string;
  /** e.g. `https://openapi.zalo.me` (no trailing slash). */
  apiBase: string;
  /** e.g. `https://oauth.zaloapp.com` (no trailing slash). */
  oauthBase: string;
  tokenStore: TokenStore;
  logger: Logger;
  /** Waits before each retry after -32, ms. Default [1000, 3000, 10000]. */
  rateLimitDelaysMs?: number[];
  /** Refresh ahead when the token expires within this many ms. Default 1 hour. */
  refreshAheadMs?: number;
  /** HTTP timeout, ms. Default 10 000. */
  timeoutMs?: number;
  now?: () => number;
}

export interface ZaloClient {
  /** Send a consultation message; resolves with Zalo's `data` (message_id, …). */
  sendMessage(userId: string, message: ZaloOutgoingMessage): Promise<Record<string, unknown>>;
  /** Refresh the token pair (single flight). `stale` = the access token that failed. */
  refreshAccessToken(stale?: string): Promise<ZaloTokenPair>;
}

interface ZaloEnvelope {
  error?: number;
  message?: string;
  data?: Record<string, unknown>;
}

/** Create the client. No network call happens until a method is used. */
export function createZaloClient(options: ZaloClientOptions): ZaloClient {
  const { tokenStore, logger } = options;
  const now = options.now ?? Date.now;
  const delays = options.rateLimitDelaysMs ?? [1000, 3000, 10_000];
  const refreshAheadMs = options.refreshAheadMs ?? 3600_000;
  const http: AxiosInstance = axios.create({ timeout: options.timeoutMs ?? 10_000, validateStatus: () => true });
  let refreshing: Promise<ZaloTokenPair> | undefined;

  const current = (): ZaloTokenPair => {
    const pair = tokenStore.load();
    if (!pair) throw new AppError('CONFIG_INVALID', 'Zalo OA access token missing (set ZALO_OA_ACCESS_TOKEN)');
    return pair;
  };

  const doRefresh = async (pair: ZaloTokenPair): Promise<ZaloTokenPair> => {
    if (!pair.refreshToken) {
      throw new AppError('CHANNEL_API_ERROR', 'Zalo access token rejected and no refresh token is available; re-authorise the OA');
    }
    const form = new URLSearchParams({ refresh_token: pair.refreshToken, app_id: options.appId, grant_type: 'refresh_token' });
    const res = await post(`${options.oauthBase}/v4/oa/access_token`, form, { secret_key: options.appSecret });
    const body = res as Record<string, unknown>;
    if (typeof body.access_token !== 'string' || typeof body.refresh_token !== 'string') {
      const code = typeof body.error === 'number' ? body.error : -1;
      const message = String(body.message ?? body.error_description ?? body.error_name ?? 'no token in response');
      logger.error({ zaloCode: code }, 'zalo: token refresh failed; an OA admin may need to authorise the app again');
      throw new ZaloApiError(code, message);
    }
    const seconds = Number(body.expires_in);
    const fresh: ZaloTokenPair = { accessToken: body.access_token, refreshToken: body.refresh_token };
    if (pair.seededFrom) fresh.seededFrom = pair.seededFrom;
    if (Number.isFinite(seconds) && seconds > 0) fresh.expiresAt = now() + seconds * 1000;
    // The old refresh token is spent now: persist the new pair before anything else.
    tokenStore.save(fresh);
    logger.info('zalo: access token refreshed');
    return fresh;
  };

  const refreshAccessToken = (stale?: string): Promise<ZaloTokenPair> => {
    if (refreshing) return refreshing;
    const pair = current();
    // Someone else already replaced the token that failed.
    if (stale !== undefined && pair.accessToken !== stale) return Promise.resolve(pair);
    refreshing = doRefresh(pair).finally(() => {
      refreshing = undefined;
    });
    return refreshing;
  };

  async function post(url: string, body: unknown, headers: Record<string, string>): Promise<ZaloEnvelope> {
    try {
      const res = await http.post<unknown>(url, body, { headers });
      if (res.status >= 400 || typeof res.data !== 'object' || res.data === null) {
        throw new AppError('CHANNEL_UNREACHABLE', `Zalo answered HTTP ${res.status} without a JSON body`);
      }
      return res.data as ZaloEnvelope;
    } catch (err) {
      if (err instanceof AppError) throw err;
      throw new AppError('CHANNEL_UNREACHABLE', 'Zalo API unreachable', { cause: err });
    }
  }

  const validToken = async (): Promise<ZaloTokenPair> => {
    const pair = current();
    if (pair.expiresAt !== undefined && pair.refreshToken && pair.expiresAt - now() < refreshAheadMs) {
      try {
        return await refreshAccessToken(pair.accessToken);
      } catch (err) {
        logger.warn({ err }, 'zalo: early token refresh failed; trying the current token');
      }
    }
    return pair;
  };

  return {
    refreshAccessToken,
    async sendMessage(userId, message) {
      const url = `${options.apiBase}/v3.0/oa/message/cs`;
      const body = { recipient: { user_id: userId }, message };
      let token = await validToken();
      let refreshed = false;
      let rateRetries = 0;
      for (;;) {
        const res = await post(url, body, { 'content-type': 'application/json', access_token: token.accessToken });
        const code = typeof res.error === 'number' ? res.error : Number(res.error ?? 0);
        if (code === 0) return res.data ?? {};
        if (ZALO_TOKEN_ERRORS.has(code) && !refreshed) {
          refreshed = true;
          logger.info({ zaloCode: code }, 'zalo: access token rejected, refreshing');
          token = await refreshAccessToken(token.accessToken);
          continue;
        }
        const delay = delays[rateRetries];
        if (code === ZALO_RATE_LIMITED && delay !== undefined) {
          rateRetries++;
          logger.warn({ zaloCode: code, delay }, 'zalo: rate limited, backing off');
          await new Promise((r) => setTimeout(r, delay));
          continue;
        }
        if (ZALO_OUTSIDE_WINDOW.has(code)) {
          logger.warn({ zaloCode: code, userId }, 'zalo: user outside the 7-day interaction window; not retrying');
        }
        throw new ZaloApiError(code, String(res.message ?? ''));
      }
    },
  };
}
