/**
 * Plain-text rendering shared by the chat channels (Telegram, Zalo): the
 * answer followed by a short "Nguồn:" list of the sources it cites. Channels escape the result for
 * their own markup.
 */
import { type SourceItem, selectSources } from '../core/cited-sources.js';
import type { OutgoingReply, ReplyButton } from '../core/messages.js';

/** At most this many sources are listed under an answer. */
export const MAX_LISTED_SOURCES = 5;

/** One line per source: `• 1523/KH-SCT, II.3.b` (the short label, never a heading paragraph). */
export function formatSourceLine(source: Pick<SourceItem, 'label'>): string {
  return `• ${source.label}`;
}

/**
 * The reply text plus the sources it cites as a short list (duplicates
 * merged, same rule as the web page: src/core/cited-sources.ts), NFC-normalised.
 * @returns plain text (not escaped)
 */
export function composeReplyText(reply: OutgoingReply): string {
  const parts = [reply.text.trim()];
  const sources = selectSources(reply.text, reply.sources ?? []).cited.slice(0, MAX_LISTED_SOURCES);
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
