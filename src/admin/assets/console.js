// Admin console pages (/admin/documents, /admin/retrieval, /admin/answers, /admin/gaps,
// /admin/staff, /admin/usage). Served as a static file (CSP script-src 'self'); every value
// from the server is inserted with textContent, never as HTML.

(() => {
  const page = document.body.dataset.page;
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

  // === Documents
  function documentsPage() {
    const tbody = $('#docs-table tbody');
    const result = $('#upload-result');
    const form = $('#upload-form');
    const input = $('#upload-file');
    const zone = $('#drop-zone');
    let openId = null;
    let timer = null;

    function statusCell(d) {
      const s = el('span', { class: `status ${d.status}`, text: STATUS[d.status] || d.status });
      const extra = d.status === 'ready' ? ` ${d.passages} đoạn` : d.status === 'rejected' && d.reason ? ` ${d.reason}` : '';
      return el('td', {}, s, extra);
    }

    async function load() {
      const { items } = await api('GET', '/admin/api/documents');
      tbody.replaceChildren(
        ...(items.length === 0
          ? [el('tr', {}, el('td', { colspan: 6, class: 'muted', text: 'Chưa có tài liệu nào được tải lên.' }))]
          : items.map((d) =>
              el(
                'tr',
                { 'data-id': d.id, 'data-status': d.status },
                el('td', { text: d.meta.title || d.originalName }, el('br'), el('small', { class: 'muted', text: d.originalName })),
                el('td', { text: d.docId || '–' }),
                statusCell(d),
                el('td', { text: VALIDITY[d.meta.status] || 'Chưa rõ' }),
                el('td', { text: fmtTime(d.uploadedAt) }),
                el(
                  'td',
                  {},
                  el('button', { type: 'button', class: 'small secondary', text: 'Xem', 'aria-label': `Xem ${d.originalName}`, onclick: () => open(d.id) }),
                  el('button', { type: 'button', class: 'small danger', text: 'Xóa', 'aria-label': `Xóa ${d.originalName}`, onclick: () => remove(d) }),
                ),
              ),
            )),
      );
      clearTimeout(timer);
      if (items.some((d) => d.status === 'indexing')) timer = setTimeout(() => load().catch(() => {}), 1000);
      if (openId && items.some((d) => d.id === openId && d.status !== 'indexing')) open(openId, true).catch(() => {});
    }

    async function open(id, quiet) {
      const d = await api('GET', `/admin/api/documents/${id}`);
      openId = id;
      const box = $('#doc-detail');
      box.hidden = false;
      $('#doc-h').textContent = `Chi tiết: ${d.meta.title || d.originalName}`;
      const mf = $('#meta-form');
      for (const k of ['title', 'number', 'issuer', 'date', 'status', 'source']) mf.elements[k].value = d.meta[k] || '';
      $('#passages').replaceChildren(
        ...(d.passages.length === 0
          ? [el('li', { class: 'muted', text: d.status === 'indexing' ? 'Đang lập chỉ mục…' : 'Không có đoạn nào trong kho đang phục vụ.' })]
          : d.passages.map((p) =>
              el('li', {}, el('span', { class: 'cite', text: p.citation }), ' ', el('span', { class: 'muted', text: p.title }), el('pre', { text: p.text })),
            )),
      );
      if (!quiet) box.scrollIntoView({ behavior: 'smooth', block: 'start' });
    }

    async function remove(d) {
      if (!window.confirm(`Xóa tài liệu "${d.originalName}"? Bot sẽ không dùng tài liệu này để trả lời nữa.`)) return;
      try {
        say(result, 'Đang xóa và lập lại chỉ mục…', true);
        await api('DELETE', `/admin/api/documents/${d.id}`);
        say(result, `Đã xóa "${d.originalName}".`, true);
        if (openId === d.id) {
          openId = null;
          $('#doc-detail').hidden = true;
        }
        await load();
      } catch (e) {
        say(result, e.message, false);
      }
    }

    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      const fd = new FormData(form);
      for (const [k, v] of [...fd.entries()]) if (k !== 'file' && v === '') fd.delete(k);
      try {
        say(result, 'Đang tải lên…', true);
        const r = await api('POST', '/admin/api/documents', fd);
        say(result, `Đã nhận ${r.documents.length} tệp; đang lập chỉ mục.`, true);
        form.reset();
        await load();
      } catch (e) {
        say(result, e.message, false);
      }
    });
    for (const t of ['dragenter', 'dragover']) zone.addEventListener(t, (e) => (e.preventDefault(), zone.classList.add('over')));
    for (const t of ['dragleave', 'drop']) zone.addEventListener(t, () => zone.classList.remove('over'));
    zone.addEventListener('drop', (e) => {
      e.preventDefault();
      if (e.dataTransfer && e.dataTransfer.files.length > 0) input.files = e.dataTransfer.files;
    });
    $('#meta-form').addEventListener('submit', async (ev) => {
      ev.preventDefault();
      if (!openId) return;
      const body = {};
      for (const [k, v] of new FormData(ev.target).entries()) if (v !== '') body[k] = v;
      try {
        await api('PATCH', `/admin/api/documents/${openId}`, body);
        say($('#meta-result'), 'Đã lưu; đang lập lại chỉ mục.', true);
        await load();
      } catch (e) {
        say($('#meta-result'), e.message, false);
      }
    });
    load().catch((e) => say(result, e.message, false));
  }

  // === Retrieval test (also used by the gap queue to pick a passage)
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

  function retrievalPage() {
    $('#retrieval-form').addEventListener('submit', async (ev) => {
      ev.preventDefault();
      const q = ev.target.elements.question.value;
      const verdict = $('#rt-verdict');
      try {
        const r = await retrieve(q);
        $('#rt-answer-box').hidden = false;
        $('#rt-hits-box').hidden = false;
        verdict.textContent = r.refused
          ? 'Bot sẽ từ chối trả lời (không đủ căn cứ trong nguồn).'
          : r.curated
            ? `Bot trả lời bằng câu trả lời đã duyệt (${r.curated.entryId}, độ giống ${r.curated.score}).`
            : 'Bot sẽ trả lời.';
        verdict.className = r.refused ? 'verdict-refuse' : 'verdict-answer';
        $('#rt-answer').textContent = r.answer.text;
        const f = r.features;
        const rows = [
          ['Từ của câu hỏi có trong kho (vocabulary)', `${f.vocabulary} (ngưỡng ${r.policy.minVocabulary})`],
          ['Bằng chứng của đoạn tốt nhất (evidence)', `${f.evidence} (ngưỡng ${r.policy.minEvidence})`],
          ['Chênh lệch với đoạn thứ hai (margin)', String(f.margin)],
          ['Đoạn chứa được loại thông tin được hỏi', f.typeSatisfied ? 'Có' : 'Không'],
          ['Truy xuất một mình sẽ từ chối', r.retrievalWouldRefuse ? 'Có' : 'Không'],
          ['Ý định nhận ra', r.intent && r.intent.kind ? r.intent.kind : '–'],
          ['Thời gian trả lời', `${r.answer.ms} ms`],
        ];
        $('#rt-features tbody').replaceChildren(...rows.map(([k, v]) => el('tr', {}, el('th', { scope: 'row', text: k }), el('td', { text: v }))));
        $('#rt-hits').replaceChildren(...(r.hits.length ? r.hits.map((h) => hitItem(h)) : [el('li', { class: 'muted', text: 'Không tìm được đoạn nào.' })]));
      } catch (e) {
        $('#rt-answer-box').hidden = false;
        verdict.textContent = e.message;
        verdict.className = 'error';
      }
    });
  }

  // === Curated answers
  function answersPage() {
    const result = $('#answer-result');
    const lines = (s) =>
      s
        .split('\n')
        .map((x) => x.trim())
        .filter(Boolean);

    function editRow(a, tr) {
      const q = el('textarea', { rows: 3, 'aria-label': 'Các cách hỏi, mỗi dòng một câu' });
      q.value = a.questions.join('\n');
      const ans = el('textarea', { rows: 4, 'aria-label': 'Câu trả lời' });
      ans.value = a.answer;
      const src = el('input', { 'aria-label': 'Nguồn', value: a.source || '' });
      const save = el('button', {
        type: 'button',
        class: 'small',
        text: 'Lưu',
        onclick: async () => {
          try {
            await api('PATCH', `/admin/api/answers/${a.id}`, { questions: lines(q.value), answer: ans.value, source: src.value });
            say(result, 'Đã lưu; áp dụng ngay cho câu hỏi tiếp theo.', true);
            await load();
          } catch (e) {
            say(result, e.message, false);
          }
        },
      });
      tr.replaceChildren(el('td', {}, q), el('td', {}, ans), el('td', {}, src), el('td', { class: 'num', text: a.hits }), el('td', {}, save));
    }

    async function load() {
      const { items, files } = await api('GET', '/admin/api/answers');
      $('#answers-table tbody').replaceChildren(
        ...(items.length === 0
          ? [el('tr', {}, el('td', { colspan: 5, class: 'muted', text: 'Chưa có câu trả lời nào được thêm trong trang quản trị.' }))]
          : items.map((a) => {
              const tr = el('tr', { 'data-id': a.id, class: a.retired ? 'muted' : null });
              tr.append(
                el('td', {}, el('ul', {}, ...a.questions.map((x) => el('li', { text: x })))),
                el('td', { text: a.answer }),
                el('td', { text: a.source || '–' }),
                el('td', { class: 'num', text: a.hits }),
                el(
                  'td',
                  {},
                  a.retired ? el('span', { class: 'muted', text: 'Đã ngừng dùng ' }) : null,
                  el('button', { type: 'button', class: 'small secondary', text: 'Sửa', onclick: () => editRow(a, tr) }),
                  el('button', {
                    type: 'button',
                    class: a.retired ? 'small' : 'small danger',
                    text: a.retired ? 'Dùng lại' : 'Ngừng dùng',
                    onclick: async () => {
                      try {
                        await api('PATCH', `/admin/api/answers/${a.id}`, { retired: !a.retired });
                        await load();
                      } catch (e) {
                        say(result, e.message, false);
                      }
                    },
                  }),
                ),
              );
              return tr;
            })),
      );
      $('#files-table tbody').replaceChildren(
        ...files.map((f) => el('tr', {}, el('td', { text: f.entryId }), el('td', { text: f.questions.join(' · ') }), el('td', { class: 'num', text: f.hits }))),
      );
    }

    $('#answer-form').addEventListener('submit', async (ev) => {
      ev.preventDefault();
      const f = ev.target.elements;
      try {
        const body = { questions: lines(f.questions.value), answer: f.answer.value };
        if (f.source.value.trim()) body.source = f.source.value.trim();
        await api('POST', '/admin/api/answers', body);
        say(result, 'Đã lưu; bot dùng câu trả lời này ngay từ câu hỏi tiếp theo.', true);
        ev.target.reset();
        await load();
      } catch (e) {
        say(result, e.message, false);
      }
    });
    load().catch((e) => say(result, e.message, false));
  }

  // === Gap queue
  function gapsPage() {
    const result = $('#gap-result');
    const ACTIONS = { answer: 'Đã viết câu trả lời', attach: 'Đã gắn đoạn văn bản', out_of_scope: 'Ngoài phạm vi', dismiss: 'Bỏ qua' };

    async function act(g, body, label) {
      try {
        await api('POST', '/admin/api/gaps/action', { key: g.key, ...body });
        say(result, `${label}: "${g.question}".`, true);
        await load();
      } catch (e) {
        say(result, e.message, false);
      }
    }

    function groupCard(g, i) {
      const ans = el('textarea', { id: `gap-answer-${i}`, rows: 3, minlength: 10, maxlength: 4000 });
      const src = el('input', { id: `gap-source-${i}`, maxlength: 500 });
      const candidates = el('ol', { class: 'passages candidates' });
      const form = el(
        'form',
        {
          class: 'stack',
          onsubmit: (ev) => (
            ev.preventDefault(), act(g, { action: 'answer', answer: ans.value, ...(src.value.trim() ? { source: src.value.trim() } : {}) }, ACTIONS.answer)
          ),
        },
        el('label', { for: `gap-answer-${i}`, text: 'Câu trả lời' }, ans),
        el('label', { for: `gap-source-${i}`, text: 'Nguồn (không bắt buộc)' }, src),
        el('div', {}, el('button', { type: 'submit', text: 'Lưu câu trả lời' })),
      );
      const tags = `${g.count} lượt hỏi${g.abstained ? ` · ${g.abstained} lần bot từ chối` : ''}${g.downVotes ? ` · ${g.downVotes} lượt đánh giá không hữu ích` : ''} · gần nhất ${fmtTime(g.lastAskedAt)}`;
      return el(
        'article',
        { class: 'gap', 'data-key': g.key },
        el('h3', { text: g.question }),
        el('p', { class: 'muted', text: tags }),
        g.variants.length > 1 ? el('p', { class: 'variants', text: `Các cách hỏi: ${g.variants.map((v) => `${v.question} (${v.count})`).join(' · ')}` }) : null,
        form,
        el(
          'div',
          {},
          el('button', {
            type: 'button',
            class: 'small secondary',
            text: 'Tìm đoạn văn bản để gắn',
            onclick: async () => {
              try {
                const r = await retrieve(g.question);
                candidates.replaceChildren(
                  ...r.hits.slice(0, 5).map((h) =>
                    hitItem(
                      h,
                      el('button', {
                        type: 'button',
                        class: 'small',
                        text: 'Gắn đoạn này',
                        onclick: () => act(g, { action: 'attach', passageId: h.id || h.citation }, ACTIONS.attach),
                      }),
                    ),
                  ),
                );
              } catch (e) {
                say(result, e.message, false);
              }
            },
          }),
          el('button', {
            type: 'button',
            class: 'small secondary',
            text: 'Ngoài phạm vi',
            onclick: () => act(g, { action: 'out_of_scope' }, ACTIONS.out_of_scope),
          }),
          el('button', { type: 'button', class: 'small secondary', text: 'Bỏ qua', onclick: () => act(g, { action: 'dismiss' }, ACTIONS.dismiss) }),
        ),
        candidates,
      );
    }

    async function load() {
      const { groups, history } = await api('GET', '/admin/api/gaps');
      $('#gap-groups').replaceChildren(...(groups.length ? groups.map(groupCard) : [el('p', { class: 'muted', text: 'Không còn câu hỏi nào cần xử lý.' })]));
      $('#gap-history').replaceChildren(
        ...(history.length === 0 ? [el('li', { class: 'muted', text: 'Chưa có.' })] : []),
        ...history.map((h) => el('li', { text: `${fmtTime(h.createdAt)} · ${ACTIONS[h.action] || h.action}: ${h.question}` })),
      );
    }
    load().catch((e) => say(result, e.message, false));
  }

  // === Staff
  function staffPage() {
    const result = $('#invite-result');
    async function load() {
      const { units, staff, invites } = await api('GET', '/admin/api/staff');
      const sel = $('#inv-unit');
      if (sel.options.length === 0) sel.replaceChildren(...units.map((u) => el('option', { value: u.name, text: u.name })));
      $('#invites-table tbody').replaceChildren(
        ...(invites.length === 0
          ? [el('tr', {}, el('td', { colspan: 5, class: 'muted', text: 'Không có mã mời nào đang chờ.' }))]
          : invites.map((i) =>
              el(
                'tr',
                {},
                el('td', {}, el('span', { class: 'code', text: i.code })),
                el('td', { text: i.unit }),
                el('td', { text: i.role === 'admin' ? 'Quản trị viên' : 'Cán bộ' }),
                el('td', { text: fmtTime(i.createdAt) }),
                el(
                  'td',
                  {},
                  el('button', {
                    type: 'button',
                    class: 'small danger',
                    text: 'Thu hồi',
                    onclick: () => api('DELETE', `/admin/api/invites/${i.code}`).then(load, (e) => say(result, e.message, false)),
                  }),
                ),
              ),
            )),
      );
      $('#staff-table tbody').replaceChildren(
        ...(staff.length === 0
          ? [el('tr', {}, el('td', { colspan: 6, class: 'muted', text: 'Chưa có cán bộ nào đăng ký.' }))]
          : staff.map((s) => {
              const url = `/admin/api/staff/${encodeURIComponent(s.channel)}/${encodeURIComponent(s.userId)}`;
              const role = el(
                'select',
                { 'aria-label': `Vai trò của ${s.displayName || s.userId}` },
                el('option', { value: 'staff', text: 'Cán bộ' }),
                el('option', { value: 'admin', text: 'Quản trị viên' }),
              );
              role.value = s.role;
              role.addEventListener('change', () => api('PATCH', url, { role: role.value }).then(load, (e) => say(result, e.message, false)));
              return el(
                'tr',
                {},
                el('td', { text: s.displayName || s.userId }),
                el('td', { text: CHANNELS[s.channel] || s.channel }),
                el('td', { text: s.unit || '–' }),
                el('td', { text: fmtTime(s.lastSeenAt) }),
                el('td', {}, role),
                el(
                  'td',
                  {},
                  el('button', {
                    type: 'button',
                    class: 'small danger',
                    text: 'Thu hồi quyền',
                    onclick: () => window.confirm('Thu hồi quyền cán bộ của người này?') && api('DELETE', url).then(load, (e) => say(result, e.message, false)),
                  }),
                ),
              );
            })),
      );
    }
    $('#invite-form').addEventListener('submit', async (ev) => {
      ev.preventDefault();
      const f = ev.target.elements;
      try {
        const inv = await api('POST', '/admin/api/invites', { unit: f.unit.value, role: f.role.value });
        result.className = 'ok';
        result.replaceChildren('Mã mời: ', el('span', { class: 'code', id: 'invite-code', text: inv.code }), ` — ${inv.howTo}`);
        await load();
      } catch (e) {
        say(result, e.message, false);
      }
    });
    load().catch((e) => say(result, e.message, false));
  }

  // === Usage
  function usagePage() {
    const pct = (x) => (x === null ? '–' : `${Math.round(x * 1000) / 10}%`);
    async function load() {
      const days = $('#us-days').value;
      const s = await api('GET', `/admin/api/usage?days=${days}`);
      $('#usage-csv').href = `/admin/usage.csv?days=${days}`;
      $('#usage-daily').src = `/admin/usage/daily.svg?days=${days}`;
      $('#usage-rates').src = `/admin/usage/rates.svg?days=${days}`;
      const stats = [
        ['Số câu hỏi', s.questions],
        ['Tỷ lệ từ chối', pct(s.refusalRate)],
        ['Đánh giá hữu ích', pct(s.upRate)],
        ['Đánh giá không hữu ích', pct(s.downRate)],
        ['Thời gian trả lời trung vị', s.medianAnswerMs === null ? '–' : `${s.medianAnswerMs} ms`],
      ];
      $('#usage-stats').replaceChildren(...stats.map(([k, v]) => el('div', {}, el('dt', { text: k }), el('dd', { text: v }))));
      $('#usage-top').replaceChildren(
        ...(s.topQuestions.length
          ? s.topQuestions.map((t) => el('li', { text: `${t.question} (${t.count})` }))
          : [el('li', { class: 'muted', text: 'Chưa có câu hỏi.' })]),
      );
    }
    $('#us-days').addEventListener('change', () => load().catch(() => {}));
    load().catch(() => {});
  }

  const PAGES = { documents: documentsPage, retrieval: retrievalPage, answers: answersPage, gaps: gapsPage, staff: staffPage, usage: usagePage };
  if (PAGES[page]) PAGES[page]();
})();
