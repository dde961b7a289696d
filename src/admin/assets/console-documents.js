// Admin console page /admin/documents (served as /admin/assets/console-documents.js after console-core.js).

(() => {
  const { $, el, api, say, fmtTime, STATUS, VALIDITY } = window.cchcConsole;

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

  documentsPage();
})();
