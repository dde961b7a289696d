// Admin console, shared helpers (served as /admin/assets/console-core.js, CSP script-src 'self').
// Each console page loads this file, then its own script (console-<page>.js), which reads
// window.cchcConsole. Every value from the server is inserted with textContent, never as HTML.

(() => {
  const $ = (sel) => document.querySelector(sel);

  /** Create an element with text and attributes. */
  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === undefined || v === null || v === false) continue;
      if (k === 'class') e.className = v;
      else if (k === 'text') e.textContent = v;
      else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
      else e.setAttribute(k, v === true ? '' : String(v));
    }
    for (const c of children) if (c !== null && c !== undefined) e.append(c instanceof Node ? c : document.createTextNode(String(c)));
    return e;
  }

  /** fetch + JSON; throws an Error carrying the server's Vietnamese message. */
  async function api(method, url, body) {
    const init = { method, headers: { accept: 'application/json' }, credentials: 'same-origin' };
    if (body instanceof FormData) init.body = body;
    else if (body !== undefined) {
      init.headers['content-type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    const res = await fetch(url, init);
    if (res.status === 401) {
      window.location.href = '/admin';
      throw new Error('Phiên đăng nhập đã hết hạn.');
    }
    const data = await res.json().catch(() => ({}));
    if (!res.ok) throw new Error(data.message || `Lỗi ${res.status}`);
    return data;
  }

  function say(target, text, ok) {
    target.textContent = text;
    target.className = ok ? 'ok' : 'error';
  }

  const fmtTime = (iso) => (iso ? new Date(iso).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' }) : '–');
  const STATUS = { indexing: 'Đang lập chỉ mục…', ready: 'Sẵn sàng', rejected: 'Bị từ chối' };
  const VALIDITY = {
    'in force': 'Đang có hiệu lực',
    amended: 'Đã sửa đổi, bổ sung',
    replaced: 'Đã được thay thế',
    expired: 'Hết thời hạn',
    historical: 'Tham khảo lịch sử',
  };
  const CHANNELS = { web: 'Web', telegram: 'Telegram', zalo: 'Zalo OA', cli: 'Dòng lệnh' };

  // === Retrieval test (the retrieval page, and the gap queue to pick a passage)
  async function retrieve(question) {
    return api('POST', '/admin/api/retrieval-test', { question });
  }

  function hitItem(h, action) {
    const feats = `điểm ${h.score} · RRF ${h.rrf} · phủ từ ${h.coverage} · phủ cụm ${h.phraseCoverage} · phủ tiêu đề ${h.headingCoverage}`;
    return el(
      'li',
      {},
      el('span', { class: 'cite', text: h.citation }),
      ' ',
      el('span', { class: 'muted', text: h.title }),
      el('div', { class: 'feat', text: feats }),
      el('pre', { text: h.text }),
      action || null,
    );
  }

  window.cchcConsole = { $, el, api, say, fmtTime, STATUS, VALIDITY, CHANNELS, retrieve, hitItem };
})();
