/**
 * HTML of the console pages (server-rendered shells, Vietnamese). No inline
 * script or style (CSP `script-src 'self'; style-src 'self'`): each page
 * loads /admin/assets/admin.css, /admin/assets/console.css, the shared
 * /admin/assets/console-core.js and the page's own console-<page>.js. Every
 * inserted value is HTML-escaped.
 */

import { DOC_STATUSES, STATUS_WORDS } from '../knowledge/validity.js';
import { escapeHtml } from '../text/escape-html.js';

/** The console's pages, in navigation order. */
export const CONSOLE_PAGES = [
  { id: 'documents', path: '/admin/documents', label: 'Tài liệu' },
  { id: 'retrieval', path: '/admin/retrieval', label: 'Kiểm tra truy xuất' },
  { id: 'answers', path: '/admin/answers', label: 'Câu trả lời đã duyệt' },
  { id: 'gaps', path: '/admin/gaps', label: 'Câu hỏi cần xử lý' },
  { id: 'staff', path: '/admin/staff', label: 'Cán bộ' },
  { id: 'usage', path: '/admin/usage', label: 'Thống kê sử dụng' },
] as const;
/** The handoff's Tickets page (src/handoff/http), in the same navigation. */
const TICKETS_PAGE = { id: 'tickets', path: '/admin/tickets', label: 'Yêu cầu hỏi cán bộ' } as const;
export type ConsolePageId = (typeof CONSOLE_PAGES)[number]['id'];

/** Where the console's static files are served. */
export const CONSOLE_ASSETS = {
  core: '/admin/assets/console-core.js',
  page: (page: ConsolePageId) => `/admin/assets/console-${page}.js`,
  style: '/admin/assets/console.css',
} as const;

/** The navigation bar of the admin area; `active` is marked with aria-current. */
export function consoleNavHtml(active: ConsolePageId | 'reports' | 'tickets'): string {
  const items = [{ id: 'reports', path: '/admin', label: 'Báo cáo' }, ...CONSOLE_PAGES, TICKETS_PAGE]
    .map((p) => `<li><a href="${p.path}"${p.id === active ? ' aria-current="page"' : ''}>${escapeHtml(p.label)}</a></li>`)
    .join('');
  return `<nav class="console-nav" aria-label="Các trang quản trị"><ul>${items}</ul></nav>`;
}

const statusOptions = (withEmpty: boolean): string =>
  (withEmpty ? '<option value="">(không đổi / chưa rõ)</option>' : '') +
  DOC_STATUSES.filter((s) => s !== 'unknown')
    .map((s) => `<option value="${escapeHtml(s)}">${escapeHtml(STATUS_WORDS[s])}</option>`)
    .join('');

const metaFields = (prefix: string): string => `
<label for="${prefix}-title">Tiêu đề<input id="${prefix}-title" name="title" maxlength="300"></label>
<label for="${prefix}-number">Số hiệu<input id="${prefix}-number" name="number" maxlength="100" placeholder="ví dụ 12/QĐ-UBND"></label>
<label for="${prefix}-issuer">Cơ quan ban hành<input id="${prefix}-issuer" name="issuer" maxlength="200"></label>
<label for="${prefix}-date">Ngày ban hành<input id="${prefix}-date" name="date" type="date"></label>
<label for="${prefix}-status">Hiệu lực<select id="${prefix}-status" name="status">${statusOptions(true)}</select></label>
<label for="${prefix}-source">Nguồn (địa chỉ web)<input id="${prefix}-source" name="source" type="url" maxlength="500" placeholder="https://"></label>`;

const BODIES: Record<ConsolePageId, { title: string; body: string }> = {
  documents: {
    title: 'Tài liệu của kho tri thức',
    body: `
<section aria-labelledby="upload-h"><h2 id="upload-h">Tải tài liệu lên</h2>
<form id="upload-form" class="stack" enctype="multipart/form-data">
<div id="drop-zone" class="drop-zone"><label for="upload-file">Chọn hoặc kéo thả tệp PDF, DOCX, HTML, TXT (nhiều tệp cùng lúc, tối đa 20 MB mỗi tệp)
<input id="upload-file" name="file" type="file" multiple required accept=".pdf,.docx,.html,.htm,.txt"></label></div>
<details><summary>Thông tin văn bản (không bắt buộc)</summary><div class="fields">${metaFields('up')}</div></details>
<button type="submit" id="upload-submit">Tải lên và lập chỉ mục</button>
</form>
<p id="upload-result" role="status" aria-live="polite"></p>
</section>
<section aria-labelledby="docs-h"><h2 id="docs-h">Tài liệu đã tải lên</h2>
<p class="muted">Tài liệu có sẵn trong thư mục knowledge/ chỉ đọc, không sửa ở đây. Trong khi lập chỉ mục, bot vẫn trả lời bằng kho hiện tại.</p>
<div class="table-wrap"><table id="docs-table"><thead><tr><th scope="col">Tệp</th><th scope="col">Mã trích dẫn</th><th scope="col">Trạng thái</th><th scope="col">Hiệu lực</th><th scope="col">Tải lên</th><th scope="col">Thao tác</th></tr></thead><tbody></tbody></table></div>
</section>
<section aria-labelledby="doc-h" id="doc-detail" hidden><h2 id="doc-h">Chi tiết tài liệu</h2>
<form id="meta-form" class="fields">${metaFields('ed')}<button type="submit">Lưu thông tin và lập lại chỉ mục</button></form>
<p id="meta-result" role="status" aria-live="polite"></p>
<h3>Các đoạn, đúng như khi được trích dẫn</h3><ol id="passages" class="passages"></ol>
</section>`,
  },
  retrieval: {
    title: 'Kiểm tra truy xuất',
    body: `
<section aria-labelledby="rt-h"><h2 id="rt-h">Đặt câu hỏi thử</h2>
<form id="retrieval-form"><label for="rt-q" class="grow">Câu hỏi<input id="rt-q" name="question" required minlength="2" maxlength="1000" placeholder="ví dụ: Thời hạn xử lý phản ánh là bao lâu?"></label>
<button type="submit">Kiểm tra</button></form>
<p class="muted">Câu hỏi thử không được ghi vào thống kê sử dụng.</p>
</section>
<section aria-labelledby="rt-a" id="rt-answer-box" hidden><h2 id="rt-a">Bot sẽ trả lời</h2><p id="rt-verdict"></p><div id="rt-answer" class="answer"></div>
<h3>Đặc trưng bằng chứng</h3><div class="table-wrap"><table id="rt-features"><tbody></tbody></table></div></section>
<section aria-labelledby="rt-p" id="rt-hits-box" hidden><h2 id="rt-p">Các đoạn tìm được (xếp hạng)</h2><ol id="rt-hits" class="passages"></ol></section>`,
  },
  answers: {
    title: 'Câu trả lời đã duyệt',
    body: `
<section aria-labelledby="add-h"><h2 id="add-h">Thêm câu trả lời</h2>
<form id="answer-form" class="stack">
<label for="an-q">Các cách hỏi (mỗi dòng một câu)<textarea id="an-q" name="questions" rows="3" required></textarea></label>
<label for="an-a">Câu trả lời<textarea id="an-a" name="answer" rows="4" required minlength="10" maxlength="4000"></textarea></label>
<label for="an-s">Nguồn (mã văn bản, "mã văn bản, mục" hoặc địa chỉ web; không bắt buộc)<input id="an-s" name="source" maxlength="500"></label>
<button type="submit">Lưu câu trả lời</button></form>
<p id="answer-result" role="status" aria-live="polite"></p>
</section>
<section aria-labelledby="list-h"><h2 id="list-h">Câu trả lời đang dùng</h2>
<div class="table-wrap"><table id="answers-table"><thead><tr><th scope="col">Cách hỏi</th><th scope="col">Câu trả lời</th><th scope="col">Nguồn</th><th scope="col">Lượt dùng</th><th scope="col">Thao tác</th></tr></thead><tbody></tbody></table></div>
</section>
<section aria-labelledby="files-h"><h2 id="files-h">Câu trả lời trong thư mục knowledge/answers (chỉ đọc)</h2>
<div class="table-wrap"><table id="files-table"><thead><tr><th scope="col">Mã</th><th scope="col">Cách hỏi</th><th scope="col">Lượt dùng</th></tr></thead><tbody></tbody></table></div></section>`,
  },
  gaps: {
    title: 'Câu hỏi cần xử lý',
    body: `
<section aria-labelledby="gq-h"><h2 id="gq-h">Câu hỏi bot chưa trả lời được hoặc bị đánh giá không hữu ích</h2>
<p class="muted">Các câu hỏi giống nhau được gộp thành nhóm. Sau khi xử lý, nhóm rời khỏi hàng chờ.</p>
<p id="gap-result" role="status" aria-live="polite"></p>
<div id="gap-groups"></div></section>
<section aria-labelledby="gh-h"><h2 id="gh-h">Đã xử lý gần đây</h2><ul id="gap-history"></ul></section>`,
  },
  staff: {
    title: 'Cán bộ',
    body: `
<section aria-labelledby="inv-h"><h2 id="inv-h">Mời cán bộ</h2>
<form id="invite-form"><label for="inv-unit">Đơn vị<select id="inv-unit" name="unit" required></select></label>
<label for="inv-role">Vai trò<select id="inv-role" name="role"><option value="staff">Cán bộ</option><option value="admin">Quản trị viên</option></select></label>
<button type="submit">Tạo mã mời</button></form>
<p id="invite-result" role="status" aria-live="polite"></p>
<h3>Mã mời chưa dùng</h3><div class="table-wrap"><table id="invites-table"><thead><tr><th scope="col">Mã</th><th scope="col">Đơn vị</th><th scope="col">Vai trò</th><th scope="col">Tạo lúc</th><th scope="col">Thao tác</th></tr></thead><tbody></tbody></table></div>
</section>
<section aria-labelledby="st-h"><h2 id="st-h">Cán bộ đã đăng ký</h2>
<div class="table-wrap"><table id="staff-table"><thead><tr><th scope="col">Tên</th><th scope="col">Kênh</th><th scope="col">Đơn vị</th><th scope="col">Hoạt động gần nhất</th><th scope="col">Vai trò</th><th scope="col">Thao tác</th></tr></thead><tbody></tbody></table></div>
</section>`,
  },
  usage: {
    title: 'Thống kê sử dụng',
    body: `
<section aria-labelledby="us-h"><h2 id="us-h">Tổng quan</h2>
<form id="usage-form"><label for="us-days">Giai đoạn<select id="us-days" name="days"><option value="7">7 ngày</option><option value="30" selected>30 ngày</option><option value="90">90 ngày</option><option value="365">365 ngày</option></select></label>
<a class="btn secondary" id="usage-csv" href="/admin/usage.csv?days=30">Tải CSV</a></form>
<dl id="usage-stats" class="stats"></dl></section>
<section aria-labelledby="ud-h"><h2 id="ud-h">Câu hỏi mỗi ngày theo kênh</h2><img id="usage-daily" class="chart-img" src="/admin/usage/daily.svg?days=30" alt="Biểu đồ số câu hỏi mỗi ngày theo kênh"></section>
<section aria-labelledby="ur-h"><h2 id="ur-h">Tỷ lệ từ chối và đánh giá</h2><img id="usage-rates" class="chart-img" src="/admin/usage/rates.svg?days=30" alt="Biểu đồ tỷ lệ từ chối trả lời và tỷ lệ đánh giá hữu ích, không hữu ích"></section>
<section aria-labelledby="ut-h"><h2 id="ut-h">Câu hỏi nhiều nhất</h2><ol id="usage-top"></ol></section>`,
  },
};

/** The full HTML of one console page (shown only with a valid session). */
export function consolePageHtml(page: ConsolePageId, opts: { departmentName?: string } = {}): string {
  const { title, body } = BODIES[page];
  const dept = opts.departmentName ? escapeHtml(opts.departmentName) : 'Sở Công Thương';
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="referrer" content="no-referrer"><title>${escapeHtml(title)} – Quản trị chatbot</title><link rel="icon" href="data:,">
<link rel="stylesheet" href="/admin/assets/admin.css"><link rel="stylesheet" href="${CONSOLE_ASSETS.style}"></head>
<body data-page="${page}">
<a class="skip" href="#main">Bỏ qua thanh điều hướng</a>
<header><div class="title"><h1>${escapeHtml(title)}</h1><p>${dept} · Quản trị chatbot</p></div>
<form class="logout" method="post" action="/admin/logout"><button type="submit">Đăng xuất</button></form></header>
${consoleNavHtml(page)}
<main id="main">${body}
</main>
<script src="${CONSOLE_ASSETS.core}" defer></script>
<script src="${CONSOLE_ASSETS.page(page)}" defer></script>
</body></html>`;
}
