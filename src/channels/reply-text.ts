/**
 * Plain-text rendering shared by the chat channels (Telegram, Zalo): the
 * answer followed by a short "Nguồn:" list. Channels escape the result for
 * their own markup.
 */
import type { SourceRef } from '../core/answer.js';
import type { OutgoingReply, ReplyButton } from '../core/messages.js';

/** At most this many sources are listed under an answer. */
export const MAX_LISTED_SOURCES = 5;

/** One line per source: `• 1523/KH-SCT, II.3.b — Tính minh bạch`. */
export function formatSourceLine(source: SourceRef): string {
  const where = source.section ? `${source.doc}, ${source.section}` : source.doc;
  const title = lastTitlePart(source.title);
  return title ? `• ${where} — ${title}` : `• ${where}`;
}

/**
 * The reply text plus its sources as a short list, NFC-normalised.
 * @returns plain text (not escaped)
 */
export function composeReplyText(reply: OutgoingReply): string {
  const parts = [reply.text.trim()];
  const sources = dedupeSources(reply.sources ?? []).slice(0, MAX_LISTED_SOURCES);
  if (sources.length > 0) parts.push(['Nguồn:', ...sources.map(formatSourceLine)].join('\n'));
  return parts
    .filter((p) => p !== '')
    .join('\n\n')
    .normalize('NFC');
}

/** All buttons of a reply in reading order (rows flattened). */
export function flattenButtons(reply: OutgoingReply): ReplyButton[] {
  return (reply.buttons ?? []).flat();
}

/** Keep only the last, most specific part of a heading trail like `II › 3 › b) …`. */
function lastTitlePart(title: string): string {
  const parts = title
    .split('›')
    .map((p) => p.trim())
    .filter((p) => p !== '');
  return parts[parts.length - 1] ?? '';
}

function dedupeSources(sources: SourceRef[]): SourceRef[] {
  const seen = new Set<string>();
  return sources.filter((s) => {
    const key = `${s.doc}|${s.section}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
