/**
 * A refusal from the Zalo API (HTTP 200 with `error != 0`, or a failed token
 * refresh), carrying Zalo's numeric code.
 */
import { AppError } from '../../errors.js';

/** Codes that mean "refresh the access token and retry once". */
export const ZALO_TOKEN_ERRORS: ReadonlySet<number> = new Set([-216, -220]);
/** Rate limit: back off and retry a bounded number of times. */
export const ZALO_RATE_LIMITED = -32;
/** Outside the 7-day interaction window: never retry. */
export const ZALO_OUTSIDE_WINDOW: ReadonlySet<number> = new Set([-230, -232]);

/** `AppError('CHANNEL_API_ERROR')` with the Zalo error code and message. */
export class ZaloApiError extends AppError {
  readonly zaloCode: number;
  readonly zaloMessage: string;
  constructor(zaloCode: number, zaloMessage: string) {
    super('CHANNEL_API_ERROR', `Zalo API error ${zaloCode}: ${zaloMessage}`);
    this.name = 'ZaloApiError';
    this.zaloCode = zaloCode;
    this.zaloMessage = zaloMessage;
  }
}
