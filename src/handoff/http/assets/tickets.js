// Tickets page (/admin/tickets). Plain JS, no dependencies; every text is
// rendered with textContent, never parsed as HTML.

(() => {
  var STATUS = { open: 'Đang chờ trả lời', answered: 'Đã trả lời', closed: 'Đã đóng' };
  var CHANNEL = { web: 'Trang web', telegram: 'Telegram', zalo: 'Zalo', cli: 'Dòng lệnh' };
  var DELIVERY = { pending: 'chờ hiển thị / đang gửi', sent: 'đã gửi', failed: 'gửi không thành công', undeliverable: 'không gửi được' };
  var list = document.getElementById('tickets');
  var filters = document.getElementById('ticket-filters');
  var countsEl = document.getElementById('ticket-counts');
  var countEl = document.getElementById('ticket-count');
  var BASE_TITLE = document.title;
  var REFRESH_MS = 30000;

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function when(iso) {
    try {
      return new Date(iso).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' });
    } catch (_e) {
      return iso;
    }
  }
  function query() {
    var p = new URLSearchParams();
    var data = new FormData(filters);
    data.forEach((v, k) => {
      if (v) p.set(k, String(v));
    });
    return p.toString();
  }
  function call(method, url, body) {
    return fetch(url, {
      method: method,
      credentials: 'same-origin',
      headers: body ? { 'content-type': 'application/json' } : {},
      body: body ? JSON.stringify(body) : undefined,
    }).then((res) =>
      res.json().then(
        (data) => {
          if (!res.ok) throw new Error((data && data.message) || 'Lỗi ' + res.status);
          return data;
        },
        () => {
          throw new Error('Máy chủ trả lời không đúng (mã ' + res.status + ').');
        },
      ),
    );
  }

  function renderLine(m) {
    var line = el('div', 'line ' + m.author);
    var who = m.author === 'citizen' ? 'Người dân' : 'Cán bộ' + (m.staffName ? ' (' + m.staffName + ')' : '');
    var meta = who + ' · ' + when(m.at);
    if (m.author === 'staff' && m.delivery) meta += ' · ' + (DELIVERY[m.delivery] || m.delivery);
    if (m.deliveryNote) meta += ': ' + m.deliveryNote;
    line.appendChild(el('span', 'meta', meta));
    line.appendChild(document.createTextNode(m.text));
    return line;
  }

  function renderTicket(t) {
    var box = el('article', 'ticket');
    box.setAttribute('data-ticket', String(t.id));
    var h = el('h3');
    h.appendChild(el('span', null, 'Yêu cầu #' + t.id));
    h.appendChild(el('span', 'status ' + t.status, STATUS[t.status] || t.status));
    h.appendChild(el('span', 'muted', (CHANNEL[t.channel] || t.channel) + (t.displayName ? ' · ' + t.displayName : '') + ' · ' + when(t.createdAt)));
    if (t.unit) h.appendChild(el('span', 'muted', 'Đơn vị: ' + t.unit));
    box.appendChild(h);
    var last;
    if (t.undeliverable) {
      last = t.messages.filter((m) => m.author === 'staff').pop();
      box.appendChild(el('p', 'warn', 'Câu trả lời ' + ((last && last.deliveryNote) || 'không gửi được')));
    } else if (t.channel === 'zalo' && t.replyWindowOpen === false) {
      box.appendChild(el('p', 'warn', 'Đã quá 48 giờ kể từ tin nhắn cuối của người dân: Zalo không cho gửi trả lời.'));
    }
    t.messages.forEach((m) => {
      box.appendChild(renderLine(m));
    });

    var form = el('form', 'reply-form');
    var area = el('textarea');
    area.name = 'text';
    area.maxLength = 2000;
    area.required = true;
    area.placeholder = 'Nội dung trả lời người dân…';
    area.setAttribute('aria-label', 'Trả lời yêu cầu #' + t.id);
    form.appendChild(area);
    var row = el('div', 'row');
    var save = el('label', 'inline');
    var check = el('input');
    check.type = 'checkbox';
    check.name = 'saveAsAnswer';
    save.appendChild(check);
    save.appendChild(document.createTextNode(' Lưu làm câu trả lời mẫu'));
    row.appendChild(save);
    var send = el('button', null, 'Gửi trả lời');
    send.type = 'submit';
    row.appendChild(send);
    var close = el('button', 'btn secondary', 'Đóng yêu cầu');
    close.type = 'button';
    close.disabled = t.status === 'closed';
    row.appendChild(close);
    var unit = el('input');
    unit.name = 'unit';
    unit.placeholder = 'Giao cho đơn vị…';
    unit.value = t.unit || '';
    unit.maxLength = 200;
    unit.setAttribute('aria-label', 'Đơn vị xử lý yêu cầu #' + t.id);
    row.appendChild(unit);
    var assign = el('button', 'btn secondary', 'Giao');
    assign.type = 'button';
    row.appendChild(assign);
    form.appendChild(row);
    var result = el('p', 'result');
    result.setAttribute('aria-live', 'polite');

    form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      var text = area.value.trim();
      if (!text) return;
      send.disabled = true;
      call('POST', '/admin/api/tickets/' + t.id + '/reply', { text: text, saveAsAnswer: check.checked })
        .then((r) => {
          var msg =
            r.delivery === 'sent'
              ? 'Đã gửi cho người dân.'
              : r.delivery === 'pending'
                ? 'Đã lưu; trang web của người dân sẽ hiện câu trả lời.'
                : 'Chưa gửi được: ' + (r.note || r.delivery) + '.';
          if (check.checked) msg += r.savedAsAnswer ? ' Đã lưu làm câu trả lời mẫu.' : ' Chưa lưu được làm câu trả lời mẫu.';
          load(msg, t.id);
        })
        .catch((e) => {
          send.disabled = false;
          result.textContent = e.message;
        });
    });
    close.addEventListener('click', () => {
      call('POST', '/admin/api/tickets/' + t.id + '/close').then(
        () => {
          load('Đã đóng yêu cầu.', t.id);
        },
        (e) => {
          result.textContent = e.message;
        },
      );
    });
    assign.addEventListener('click', () => {
      call('POST', '/admin/api/tickets/' + t.id + '/assign', { unit: unit.value.trim() || null }).then(
        () => {
          load('Đã giao yêu cầu.', t.id);
        },
        (e) => {
          result.textContent = e.message;
        },
      );
    });
    box.appendChild(form);
    box.appendChild(result);
    return box;
  }

  function load(message, ticketId) {
    return call('GET', '/admin/api/tickets?' + query())
      .then((data) => {
        var c = data.counts;
        countsEl.textContent =
          'Đang chờ trả lời: ' + c.open + ' · Đã trả lời: ' + c.answered + ' · Đã đóng: ' + c.closed + ' · Không gửi được: ' + c.undeliverable;
        countEl.textContent = '(' + data.count + ')';
        document.title = (c.open > 0 ? '(' + c.open + ') ' : '') + BASE_TITLE;
        list.textContent = '';
        if (data.tickets.length === 0) list.appendChild(el('p', 'muted', 'Không có yêu cầu nào.'));
        data.tickets.forEach((t) => {
          var node = renderTicket(t);
          if (message && t.id === ticketId) node.querySelector('.result').textContent = message;
          list.appendChild(node);
        });
      })
      .catch((e) => {
        list.textContent = '';
        list.appendChild(el('p', 'warn', 'Không tải được danh sách: ' + e.message));
      });
  }

  // New tickets show up without a reload, unless a staff member is typing a reply.
  function busyTyping() {
    var fields = Array.prototype.slice.call(list.querySelectorAll('textarea, input[name="unit"]'));
    return fields.some((f) => f === document.activeElement || (f.tagName === 'TEXTAREA' && f.value.trim() !== ''));
  }
  setInterval(() => {
    if (!document.hidden && !busyTyping()) load();
  }, REFRESH_MS);

  filters.addEventListener('submit', (ev) => {
    ev.preventDefault();
    load();
  });
  load();
})();
