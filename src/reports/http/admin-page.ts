/**
 * HTML of the admin area: the login form and the admin page. No inline
 * script or style (CSP `script-src 'self'; style-src 'self'`): the page loads
 * /admin/assets/admin.css and /admin/assets/admin.js, nothing from a CDN.
 * Every inserted value is HTML-escaped.
 */

import { consoleNavHtml } from '../../admin/console-pages.js';

import { COUNT_KIND_UNITS } from '../../core/vocabulary.js';
import { escapeHtml } from '../../text/escape-html.js';
import { CHANNEL_SHORT } from '../labels.js';

/** Where the page's static files are served (see admin-routes.ts). */
export const ADMIN_ASSETS = { script: '/admin/assets/admin.js', style: '/admin/assets/admin.css' } as const;

/** Options of the admin page. */
export interface AdminPageOptions {
  departmentName?: string;
  currentYear: number;
  /** The portal snippet for the chat bubble (src/server/widget-snippet.ts), shown as code. */
  widgetSnippet?: string;
}

/** Options of the login page. */
export interface LoginPageOptions {
  departmentName?: string;
  /** A Vietnamese message shown above the form (wrong token, too many attempts). */
  error?: string;
}

const head = (title: string): string => `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="referrer" content="no-referrer"><title>${escapeHtml(title)}</title><link rel="icon" href="data:,">
<link rel="stylesheet" href="${ADMIN_ASSETS.style}"></head>`;

/** The login form (`POST /admin/login`, field `token`). */
export function loginPageHtml(opts: LoginPageOptions = {}): string {
  const dept = opts.departmentName ? escapeHtml(opts.departmentName) : 'Sở Công Thương';
  const error = opts.error ? `<p class="error" role="alert">${escapeHtml(opts.error)}</p>` : '';
  return `${head('Đăng nhập quản trị – Kế hoạch 1523/KH-SCT')}
<body>
<header><div class="title"><h1>Quản trị báo cáo – Kế hoạch 1523/KH-SCT</h1><p>${dept}</p></div></header>
<main class="login"><section>
<h2>Đăng nhập</h2>
${error}<form method="post" action="/admin/login" id="login">
<label>Mã quản trị (ADMIN_TOKEN)<input name="token" type="password" autocomplete="current-password" required minlength="1" maxlength="512" autofocus></label>
<button type="submit">Đăng nhập</button>
</form>
<p class="hint muted">Phiên đăng nhập kéo dài 8 giờ. Không gửi mã quản trị qua đường dẫn (URL) hay tin nhắn.</p>
</section></main>
</body></html>`;
}

/** The full HTML of the admin page (shown only with a valid session). */
export function adminPageHtml(opts: AdminPageOptions): string {
  const channelOptions = Object.entries(CHANNEL_SHORT)
    .map(([k, v]) => `<option value="${k}">${escapeHtml(v)}</option>`)
    .join('');
  const dept = opts.departmentName ? escapeHtml(opts.departmentName) : 'Sở Công Thương';
  return `${head('Quản trị báo cáo – Kế hoạch 1523/KH-SCT')}
<body>
<header><div class="title"><h1>Báo cáo hoạt động truyền thông – Kế hoạch 1523/KH-SCT</h1><p>${dept} · tổng hợp kết quả gửi UBND tỉnh trước ngày 30/11 hằng năm</p></div>
<form class="logout" method="post" action="/admin/logout"><button type="submit" id="logout">Đăng xuất</button></form></header>
${consoleNavHtml('reports')}
<main>
<section><h2>Bộ lọc</h2>
<form id="filters">
<label>Năm<input name="year" type="number" min="2000" max="2999" value="${opts.currentYear}"></label>
<label>Chỉ số<select name="indicator"><option value="">Tất cả</option><option>PAR INDEX</option><option>PAPI</option><option>PCI</option></select></label>
<label>Nội dung<select name="area"><option value="">Tất cả</option></select></label>
<label>Đơn vị<select name="unit"><option value="">Tất cả</option></select></label>
<label>Kênh<select name="channel"><option value="">Tất cả</option>${channelOptions}</select></label>
<button type="submit">Lọc</button>
<span class="spacer"></span>
<a class="btn secondary" id="export-csv" href="#">Tải CSV</a>
<a class="btn secondary" id="export-xlsx" href="#">Tải Excel</a>
<a class="btn" id="export-docx" href="#">Tải báo cáo Word</a>
</form>
<p id="stats"></p><p id="breakdown" class="muted breakdown"></p>
</section>
<section><h2>Hoạt động theo nội dung và tháng</h2>
<div class="legend"><span><i class="sw-covered"></i>Có hoạt động (đậm hơn = nhiều hơn)</span><span><i class="sw-empty"></i>Tháng không có hoạt động</span><span><i class="sw-uncovered"></i>Nội dung chưa có hoạt động nào trong năm</span></div>
<div id="chart" class="chart"></div>
</section>
<section><h2>Danh sách báo cáo <small class="muted" id="row-count"></small></h2>
<table id="reports-table"><thead><tr><th>Mã</th><th>Ngày</th><th>Đơn vị</th><th>Chỉ số</th><th>Nội dung</th><th>Kênh</th><th>Số lượng</th><th>Mô tả</th><th>Liên kết</th></tr></thead><tbody></tbody></table>
</section>
<section><h2>Câu hỏi cần xem lại</h2><div id="unanswered"></div><p><a href="/admin/gaps">Trả lời, gắn đoạn văn bản hoặc bỏ qua trong trang Câu hỏi cần xử lý</a></p></section>
<section><h2>Rà soát tính hiện hành của tri thức</h2><div id="knowledge-review"></div></section>
${opts.widgetSnippet ? widgetSection(opts.widgetSnippet) : ''}</main>
<script type="application/json" id="channel-labels">${JSON.stringify(CHANNEL_SHORT).replace(/</g, '\\u003c')}</script>
<script type="application/json" id="count-kind-labels">${JSON.stringify(COUNT_KIND_UNITS).replace(/</g, '\\u003c')}</script>
<script src="${ADMIN_ASSETS.script}" defer></script>
</body></html>`;
}

/** The "put the bot on the portal" block: the snippet to paste before `</body>`. */
function widgetSection(snippet: string): string {
  return `<section id="widget-snippet"><h2>Nhúng trợ lý vào cổng thông tin</h2>
<p class="muted">Dán dòng mã sau vào trang của cổng thông tin (trước thẻ <code>&lt;/body&gt;</code>) để hiện bong bóng trò chuyện. Có thể đổi <code>data-title</code>, <code>data-color</code> (mã màu #rrggbb) và <code>data-position</code> (<code>right</code> hoặc <code>left</code>). Trang được phép nhúng: biến <code>WIDGET_ALLOWED_ORIGINS</code>.</p>
<pre class="snippet"><code>${escapeHtml(snippet)}</code></pre></section>
`;
}
