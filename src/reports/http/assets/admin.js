/*
 * Admin page script, served as /admin/assets/admin.js (CSP script-src 'self').
 * It holds no secret: /admin/api/* is called same-origin with the HttpOnly
 * session cookie, and export links carry no token. User text is inserted
 * with textContent only.
 */
(function () {
  var CH = JSON.parse(document.getElementById('channel-labels').textContent);
  var KIND = JSON.parse(document.getElementById('count-kind-labels').textContent);
  var form = document.getElementById('filters');
  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    for (var k in attrs || {}) e.setAttribute(k, attrs[k]);
    if (text != null) e.textContent = String(text);
    return e;
  }
  function svg(tag, attrs, text) {
    var e = document.createElementNS('http://www.w3.org/2000/svg', tag);
    for (var k in attrs || {}) e.setAttribute(k, attrs[k]);
    if (text != null) e.textContent = String(text);
    return e;
  }
  function params() {
    var p = new URLSearchParams();
    new FormData(form).forEach(function (v, k) {
      if (v) p.set(k, v);
    });
    return p;
  }
  function api(path) {
    return fetch(path, { credentials: 'same-origin', headers: { Accept: 'application/json' } }).then(function (r) {
      if (r.status === 401) {
        location.reload();
        throw new Error('Phiên đăng nhập đã hết hạn');
      }
      if (!r.ok)
        return r.json().then(
          function (b) {
            throw new Error(b && b.message ? b.message : 'HTTP ' + r.status);
          },
          function () {
            throw new Error('HTTP ' + r.status);
          },
        );
      return r.json();
    });
  }
  function fmtDate(d) {
    if (!d) return '';
    var p = d.split('-');
    return p[2] + '/' + p[1] + '/' + p[0];
  }
  function fillSelect(sel, items, keep) {
    var cur = sel.value;
    while (sel.options.length > 1) sel.remove(1);
    items.forEach(function (it) {
      var o = el('option', { value: it[0] }, it[1]);
      sel.appendChild(o);
    });
    if (keep) sel.value = cur;
  }
  function renderTable(rows) {
    var tb = document.querySelector('#reports-table tbody');
    tb.textContent = '';
    rows.forEach(function (r) {
      var tr = el('tr', { 'data-id': r.id });
      [
        ['#' + r.id],
        [fmtDate(r.date)],
        [r.unit || ''],
        [r.indicator || ''],
        [r.area || ''],
        [CH[r.channel] || r.channel || ''],
        [r.count == null ? '' : r.count + (r.countKind && r.countKind !== 'unknown' ? ' ' + KIND[r.countKind] : ''), 'num'],
        [r.description],
      ].forEach(function (c) {
        var td = el('td', c[1] ? { class: c[1] } : {}, c[0]);
        tr.appendChild(td);
      });
      var td = el('td');
      if (r.link && /^https?:\/\//.test(r.link)) {
        var a = el('a', { href: r.link, target: '_blank', rel: 'noopener noreferrer' }, 'mở');
        td.appendChild(a);
      }
      tr.appendChild(td);
      tb.appendChild(tr);
    });
    document.getElementById('row-count').textContent = rows.length + ' báo cáo';
  }
  function renderChart(s) {
    var box = document.getElementById('chart');
    box.textContent = '';
    var rowH = 22,
      labelW = 300,
      cellW = 44,
      top = 26,
      totalW = 150,
      w = labelW + 12 * cellW + totalW + 20,
      h = top + s.areas.length * rowH + 10;
    var root = svg('svg', {
      id: 'coverage-chart',
      width: w,
      height: h,
      viewBox: '0 0 ' + w + ' ' + h,
      role: 'img',
      'aria-label': 'Số hoạt động theo nội dung và tháng',
    });
    var max = 1;
    s.areas.forEach(function (a) {
      a.months.forEach(function (n) {
        if (n > max) max = n;
      });
    });
    var maxTotal = 1;
    s.areas.forEach(function (a) {
      if (a.activities > maxTotal) maxTotal = a.activities;
    });
    for (var m = 0; m < 12; m++)
      root.appendChild(svg('text', { x: labelW + m * cellW + cellW / 2, y: 16, 'text-anchor': 'middle', 'font-size': 12, fill: '#334' }, 'T' + (m + 1)));
    root.appendChild(svg('text', { x: labelW + 12 * cellW + 8, y: 16, 'font-size': 12, fill: '#334' }, 'Cả năm'));
    s.areas.forEach(function (a, i) {
      var y = top + i * rowH,
        covered = a.activities > 0;
      var g = svg('g', { class: 'area-row', 'data-code': a.code, 'data-covered': covered ? 'true' : 'false', 'data-activities': a.activities });
      var label = svg(
        'text',
        { x: labelW - 8, y: y + 15, 'text-anchor': 'end', 'font-size': 12, fill: covered ? '#14532d' : '#a3262a', 'font-weight': covered ? 'normal' : 'bold' },
        a.code + ' ' + (a.title.length > 34 ? a.title.slice(0, 33) + '…' : a.title),
      );
      label.appendChild(svg('title', {}, a.code + ' – ' + a.title));
      g.appendChild(label);
      a.months.forEach(function (n, m) {
        var alpha = n === 0 ? 0 : 0.25 + (0.75 * n) / max;
        var r = svg('rect', {
          x: labelW + m * cellW + 1,
          y: y + 1,
          width: cellW - 2,
          height: rowH - 2,
          rx: 3,
          fill: n === 0 ? (covered ? '#eef2f7' : '#fbeaea') : 'rgba(11,79,138,' + alpha.toFixed(2) + ')',
          'data-month': m + 1,
          'data-count': n,
        });
        r.appendChild(svg('title', {}, a.code + ', tháng ' + (m + 1) + ': ' + n + ' hoạt động'));
        g.appendChild(r);
        if (n > 0)
          g.appendChild(
            svg('text', { x: labelW + m * cellW + cellW / 2, y: y + 15, 'text-anchor': 'middle', 'font-size': 11, fill: alpha > 0.6 ? '#fff' : '#0b2d4d' }, n),
          );
      });
      var bw = a.activities === 0 ? 0 : Math.max(3, ((totalW - 40) * a.activities) / maxTotal);
      g.appendChild(svg('rect', { class: 'total-bar', x: labelW + 12 * cellW + 8, y: y + 4, width: bw, height: rowH - 8, fill: '#2f855a' }));
      g.appendChild(
        svg(
          'text',
          { x: labelW + 12 * cellW + 12 + bw, y: y + 15, 'font-size': 11, fill: covered ? '#14532d' : '#a3262a' },
          covered ? a.activities : 'chưa có',
        ),
      );
      root.appendChild(g);
    });
    box.appendChild(root);
    var covered = s.areas.length - s.uncovered.length;
    var fmt = function (xs, lab) {
      return (
        xs
          .map(function (e) {
            return (lab ? lab(e.key) : e.key) + ' (' + e.activities + ')';
          })
          .join(', ') || '—'
      );
    };
    document.getElementById('breakdown').textContent =
      'Theo chỉ số: ' +
      fmt(s.byIndicator) +
      ' · Theo đơn vị: ' +
      fmt(s.byUnit) +
      ' · Theo kênh: ' +
      fmt(s.byChannel, function (k) {
        return CH[k] || k;
      });
    document.getElementById('stats').textContent =
      'Năm ' +
      s.year +
      ': ' +
      s.activities +
      ' hoạt động' +
      (s.totalsText ? ' (tổng số lượng theo loại: ' + s.totalsText + ')' : '') +
      '; ' +
      covered +
      '/' +
      s.areas.length +
      ' nội dung đã có hoạt động' +
      (s.uncovered.length ? ' (chưa có: ' + s.uncovered.join(', ') + ').' : '.');
  }
  function renderUnanswered(d) {
    var box = document.getElementById('unanswered');
    box.textContent = '';
    if (!d.available) {
      box.appendChild(el('p', { class: 'muted' }, 'Chưa có dữ liệu hỏi đáp (mô-đun hội thoại chưa kết nối).'));
      return;
    }
    if (d.items.length === 0) {
      box.appendChild(el('p', { class: 'muted' }, 'Không có câu hỏi nào cần xem lại.'));
      return;
    }
    var ul = el('ul');
    d.items.forEach(function (q) {
      var li = el('li');
      li.appendChild(el('span', { class: 'tag ' + q.reason }, q.reason === 'downvoted' ? 'bị đánh giá chưa tốt' : 'chưa trả lời được'));
      li.appendChild(el('span', {}, q.question));
      li.appendChild(el('div', { class: 'muted' }, fmtDate(q.createdAt.slice(0, 10)) + ' · ' + q.channel));
      ul.appendChild(li);
    });
    box.appendChild(ul);
  }
  function renderReview(d) {
    var box = document.getElementById('knowledge-review');
    box.textContent = '';
    if (!d.available) {
      box.appendChild(el('p', { class: 'muted' }, 'Kho tri thức chưa được nạp.'));
      return;
    }
    box.appendChild(el('p', {}, d.items.length + ' mục, ' + d.actionable + ' mục cần xử lý ngay (các mục còn lại đang chờ xác nhận từ nguồn công khai).'));
    var ul = el('ul');
    d.items.forEach(function (i) {
      var li = el('li');
      li.appendChild(
        el('span', { class: 'tag ' + (i.awaitingConfirmation ? 'abstained' : 'downvoted') }, i.awaitingConfirmation ? 'chờ xác nhận' : 'cần xử lý'),
      );
      li.appendChild(el('strong', {}, i.target + ': '));
      li.appendChild(el('span', {}, i.message));
      if (i.file) li.appendChild(el('div', { class: 'muted' }, i.file));
      ul.appendChild(li);
    });
    box.appendChild(ul);
  }
  function setExports() {
    var y = form.elements.year.value;
    ['csv', 'xlsx', 'docx'].forEach(function (f) {
      document.getElementById('export-' + f).href = '/admin/export?format=' + f + '&year=' + encodeURIComponent(y);
    });
  }
  function load() {
    var p = params().toString();
    setExports();
    return Promise.all([api('/admin/api/summary?' + p), api('/admin/api/reports?' + p), api('/admin/api/unanswered'), api('/admin/api/knowledge-review')])
      .then(function (res) {
        var s = res[0];
        fillSelect(
          form.elements.area,
          s.areas.map(function (a) {
            return [a.code, a.code + ' ' + a.title];
          }),
          true,
        );
        fillSelect(
          form.elements.unit,
          s.units.map(function (u) {
            return [u, u];
          }),
          true,
        );
        renderChart(s);
        renderTable(res[1].reports);
        renderUnanswered(res[2]);
        renderReview(res[3]);
        document.body.setAttribute('data-loaded', 'true');
      })
      .catch(function (e) {
        document.getElementById('stats').textContent = 'Lỗi tải dữ liệu: ' + e.message;
      });
  }
  form.addEventListener('submit', function (e) {
    e.preventDefault();
    load();
  });
  load();
})();
