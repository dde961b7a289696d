/**
 * The web channel's wire format: engine replies → JSON for the chat page.
 */
import type { SourceRef } from '../core/answer.js';
import { type SourceItem, selectSources } from '../core/cited-sources.js';
import type { OutgoingReply, ReplyButton } from '../core/messages.js';
import { decodePayload, type Payload } from '../core/payload.js';

/** A button as the page gets it: `kind` is the decoded payload's kind, so the page never parses payloads. */
export interface WebButton extends ReplyButton {
  kind: Payload['kind'] | 'unknown';
}

const webButtons = (rows: readonly ReplyButton[][]): WebButton[][] =>
  rows.map((row) => row.map((b) => ({ ...b, kind: decodePayload(b.data)?.kind ?? 'unknown' })));

/** One reply as the web page renders it. */
export interface WebReply {
  text: string;
  kind: NonNullable<OutgoingReply['kind']>;
  abstained: boolean;
  sources: SourceRef[];
  /** The sources the text cites, duplicates merged, one-line labels: shown by default. */
  citedSources: SourceItem[];
  /** Retrieved passages the text does not cite: behind "Xem thêm nguồn". */
  otherSources: SourceItem[];
  exchangeId?: string;
  buttons?: WebButton[][];
  /** Files (report exports) as base64, for download links. */
  attachments?: Array<{ filename: string; mimeType: string; base64: string }>;
}

/** Response of `POST /api/chat`. The top-level fields mirror the main reply. */
export interface ChatResponse {
  sessionId: string;
  answer: string;
  abstained: boolean;
  sources: SourceRef[];
  exchangeId?: string;
  buttons?: WebButton[][];
  replies: WebReply[];
}

/** Convert one engine reply. */
export function toWebReply(r: OutgoingReply): WebReply {
  const sources = r.sources ?? [];
  const selection = selectSources(r.text, sources);
  return {
    text: r.text,
    kind: r.kind ?? 'system',
    abstained: r.abstained ?? false,
    sources,
    citedSources: selection.cited,
    otherSources: selection.other,
    ...(r.exchangeId ? { exchangeId: r.exchangeId } : {}),
    ...(r.buttons && r.buttons.length > 0 ? { buttons: webButtons(r.buttons) } : {}),
    ...(r.attachments && r.attachments.length > 0
      ? {
          attachments: r.attachments.map((a) => ({
            filename: a.filename,
            mimeType: a.mimeType,
            base64: a.content.toString('base64'),
          })),
        }
      : {}),
  };
}

/** Build the response: the main reply is the first answer, else the first reply. */
export function toChatResponse(sessionId: string, replies: readonly OutgoingReply[]): ChatResponse {
  const web = replies.map(toWebReply);
  const main = web.find((r) => r.kind === 'answer') ?? web[0];
  return {
    sessionId,
    answer: main?.text ?? '',
    abstained: main?.abstained ?? false,
    sources: main?.sources ?? [],
    ...(main?.exchangeId ? { exchangeId: main.exchangeId } : {}),
    ...(main?.buttons ? { buttons: main.buttons } : {}),
    replies: web,
  };
}
