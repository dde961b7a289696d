/**
 * The snippet a portal pastes to get the chat bubble (served as /widget.js),
 * built in one place so the admin console and the docs show the same thing.
 */

/** Where the bubble sits on the host page. */
export type WidgetPosition = 'right' | 'left';

/** Options of {@link widgetSnippet}. */
export interface WidgetSnippetOptions {
  /** The bot's public address, e.g. `https://chatbot.socongthuong.quangngai.gov.vn` (PUBLIC_URL). */
  baseUrl: string;
  /** Title of the chat panel. */
  title?: string;
  /** Brand colour `#rgb` or `#rrggbb`; others are left out (the widget uses its default). */
  color?: string;
  position?: WidgetPosition;
}

/** Default title of the chat panel. */
export const DEFAULT_WIDGET_TITLE = 'Trợ lý cải cách hành chính';

/** Colours the widget accepts (anything else falls back to its default). */
export const WIDGET_COLOR_PATTERN = /^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/;

const escapeAttr = (s: string): string => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/**
 * The `<script>` tag for a host page.
 * @example
 * widgetSnippet({ baseUrl: 'https://chatbot.example.gov.vn', title: 'Hỏi đáp CCHC', color: '#0b5cad', position: 'right' })
 * // <script src="https://chatbot.example.gov.vn/widget.js" data-title="Hỏi đáp CCHC" data-color="#0b5cad" data-position="right" defer></script>
 */
export function widgetSnippet(opts: WidgetSnippetOptions): string {
  const base = opts.baseUrl.replace(/\/+$/, '');
  const attrs = [`src="${escapeAttr(`${base}/widget.js`)}"`, `data-title="${escapeAttr(opts.title?.trim() || DEFAULT_WIDGET_TITLE)}"`];
  if (opts.color && WIDGET_COLOR_PATTERN.test(opts.color)) attrs.push(`data-color="${opts.color}"`);
  attrs.push(`data-position="${opts.position === 'left' ? 'left' : 'right'}"`);
  return `<script ${attrs.join(' ')} defer></script>`;
}
