/**
 * Zalo OA webhook signature: `X-ZEvent-Signature: mac=<hex>` where
 * hex = sha256(appId + rawBody + timestamp + oaSecretKey), a plain SHA-256
 * digest (not an HMAC). `timestamp` is the body's `timestamp` field and the
 * key is the OA Secret Key (not the App Secret). See docs/channels.md.
 *
 * The check runs on the raw bytes before any JSON parsing: the timestamp
 * term is read from the bytes with a pattern (see {@link timestampCandidates}).
 * Neither the expected nor the received MAC is ever logged, not even in part.
 */
import { createHash } from 'node:crypto';
import { constantTimeEqual } from '../constant-time.js';

/**
 * Compute the expected header value, `mac=` included.
 * @param rawBody - the request body exactly as received (bytes, or the same bytes as UTF-8 text)
 */
export function computeZaloSignature(appId: string, rawBody: string | Uint8Array, timestamp: string, oaSecretKey: string): string {
  const hash = createHash('sha256').update(appId, 'utf8');
  if (typeof rawBody === 'string') hash.update(rawBody, 'utf8');
  else hash.update(rawBody);
  return 'mac=' + hash.update(timestamp + oaSecretKey, 'utf8').digest('hex');
}

/** Constant-time check of a received `X-ZEvent-Signature` header. */
export function verifyZaloSignature(header: string, params: { appId: string; rawBody: string | Uint8Array; timestamp: string; oaSecretKey: string }): boolean {
  const expected = computeZaloSignature(params.appId, params.rawBody, params.timestamp, params.oaSecretKey);
  return constantTimeEqual(header.trim(), expected);
}

// `"timestamp": "1699003881354"` or `"timestamp": 1699003881354`. Inside a JSON
// string a quote is escaped (`\"timestamp\"`), so text a user typed cannot match.
const TIMESTAMP_FIELD = /"timestamp"\s*:\s*(?:"(\d{1,20})"|(\d{1,20})(?![\d.eE]))/g;
const MAX_CANDIDATES = 3;

/**
 * The values of `"timestamp"` members found in the raw body, in order, at
 * most three distinct ones. The top-level field is normally the only one; a
 * wrong pick can only make the check fail (the MAC covers every byte of the
 * body), never pass.
 */
export function timestampCandidates(rawBody: string): string[] {
  const out: string[] = [];
  for (const m of rawBody.matchAll(TIMESTAMP_FIELD)) {
    const value = m[1] ?? m[2];
    if (value !== undefined && !out.includes(value)) out.push(value);
    if (out.length >= MAX_CANDIDATES) break;
  }
  return out;
}

/**
 * Verify a request: header present and equal (constant time) to the MAC
 * computed with one of the body's timestamp candidates.
 */
export function verifyZaloRequest(header: string, rawBody: Buffer, keys: { appId: string; oaSecretKey: string }): boolean {
  const candidates = timestampCandidates(rawBody.toString('latin1'));
  let ok = false;
  // Every candidate is checked, so the time taken does not depend on which one matched.
  for (const timestamp of candidates) {
    if (verifyZaloSignature(header, { appId: keys.appId, rawBody, timestamp, oaSecretKey: keys.oaSecretKey })) ok = true;
  }
  return ok;
}
