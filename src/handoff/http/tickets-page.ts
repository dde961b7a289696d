/**
 * HTML of the Tickets page (`/admin/tickets`). No inline script or style
 * (CSP `script-src 'self'`): it loads /admin/assets/admin.css, its own
 * /admin/assets/tickets.css and /admin/assets/tickets.js.
 */
import { consoleNavHtml } from '../../admin/console-pages.js';
import { escapeHtml } from '../../text/escape-html.js';

/** The page; the list is filled by tickets.js from `GET /admin/api/tickets`. */
export function ticketsPageHtml(opts: { departmentName?: string }): string {
  const dept = opts.departmentName ? escapeHtml(opts.departmentName) : 'Sở Công Thương';
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="referrer" content="no-referrer"><title>Yêu cầu hỏi cán bộ</title><link rel="icon" href="data:,">
<link rel="stylesheet" href="/admin/assets/admin.css"><link rel="stylesheet" href="/admin/assets/tickets.css">
<script src="/admin/assets/tickets.js" defer></script></head>
<body>
<header><div class="title"><h1>Yêu cầu hỏi cán bộ</h1><p>${dept} · người dân hỏi qua trang web, Telegram, Zalo</p></div>
<form class="logout" method="post" action="/admin/logout"><button type="submit">Đăng xuất</button></form></header>
${consoleNavHtml('tickets')}
<main>
<section><h2>Bộ lọc</h2>
<form id="ticket-filters">
<label>Trạng thái<select name="status"><option value="">Tất cả</option><option value="open">Đang chờ trả lời</option><option value="answered">Đã trả lời</option><option value="closed">Đã đóng</option></select></label>
<label>Kênh<select name="channel"><option value="">Tất cả</option><option value="web">Trang web</option><option value="telegram">Telegram</option><option value="zalo">Zalo</option></select></label>
<label>Đơn vị<input name="unit" maxlength="200" placeholder="Tên đơn vị"></label>
<label class="inline"><span><input type="checkbox" name="undeliverable" value="true"> Chỉ yêu cầu không gửi được trả lời</span></label>
<button type="submit">Lọc</button>
</form>
<p id="ticket-counts" aria-live="polite"></p>
</section>
<section><h2>Danh sách yêu cầu <small class="muted" id="ticket-count"></small></h2>
<p class="muted">Mỗi yêu cầu chỉ gồm những gì người dân đã gửi. Trả lời qua Zalo chỉ gửi được trong 48 giờ kể từ tin nhắn cuối của người dân.</p>
<div id="tickets"></div>
</section>
</main>
</body></html>`;
}
