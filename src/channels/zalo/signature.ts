/**
 * Zalo OA webhook signature: `X-ZEvent-Signature: mac=<hex>` where
 * hex = sha256(appId + rawBody + timestamp + oaSecretKey), a plain SHA-256
 * digest (not an HMAC). `timestamp` is the body's `timestamp` field and the
 * key is the OA Secret Key (not the App Secret). See docs/channels.md.
 */
import { createHash } from 'node:crypto';
import { constantTimeEqual } from '../constant-time.js';

/**
 * Compute the expected header value, `mac=` included.
 * @param rawBody - the request body exactly as received (UTF-8 text)
 */
export function computeZaloSignature(appId: string, rawBody: string, timestamp: string, oaSecretKey: string): string {
  return 'mac=' + createHash('sha256').update(appId + rawBody + timestamp + oaSecretKey, 'utf8').digest('hex');
}

/** Constant-time check of a received `X-ZEvent-Signature` header. */
export function verifyZaloSignature(
  header: string,
  params: { appId: string; rawBody: string; timestamp: string; oaSecretKey: string },
): boolean {
  const expected = computeZaloSignature(params.appId, params.rawBody, params.timestamp, params.oaSecretKey);
  return constantTimeEqual(header.trim(), expected);
}
