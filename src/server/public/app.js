// Web chat client. Plain JS, no dependencies. All user and answer text is
// rendered with textContent, never parsed as HTML.
//
// Sections: config and session · rendering (messages, sources, buttons) ·
// answer-first scrolling · sending (busy state, retry) · history · composer
// (input limits) · embedding (widget iframe) · start.
// Other features hook in through `buttonActions` (what a reply button does
// before it is sent) without touching the rest.
'use strict';
(function () {
  // === config and session
  var SESSION_KEY = 'cchc-session';
  var SESSION_RE = /^[A-Za-z0-9_-]{8,64}$/;
  var MAX = 1000;
  var messages = document.getElementById('messages');
  var statusBox = document.getElementById('status');
  var form = document.getElementById('composer');
  var input = document.getElementById('input');
  var sendBtn = document.getElementById('send');
  var counter = document.getElementById('counter');
  var limitNote = document.getElementById('limit-note');
  var newChat = document.getElementById('new-chat');
  var busy = false;
  var idSeq = 0;
  var params = new URLSearchParams(location.search);
  var embedded = params.get('embed') === '1';

  function loadSession() {
    try {
      var s = localStorage.getItem(SESSION_KEY);
      return s && SESSION_RE.test(s) ? s : undefined;
    } catch (_e) {
      return undefined;
    }
  }
  function saveSession(s) {
    try {
      if (s) localStorage.setItem(SESSION_KEY, s);
      else localStorage.removeItem(SESSION_KEY);
    } catch (_e) {
      /* storage disabled: the session lasts for this page only */
    }
  }
  var sessionId = loadSession();
  // The last answer this page shows: the server resolves a follow-up against it and nothing else.
  var shownExchangeId = null;

  // === rendering
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function nextId(prefix) {
    idSeq += 1;
    return prefix + '-' + idSeq;
  }
  function announce(text) {
    // Cleared first so the same text twice is announced twice.
    statusBox.textContent = '';
    window.setTimeout(function () {
      statusBox.textContent = text;
    }, 30);
  }
  function addUser(text, note) {
    var m = el('div', 'msg user');
    m.appendChild(el('span', 'visually-hidden', 'Bạn hỏi: '));
    m.appendChild(el('div', 'bubble', text));
    if (note) m.appendChild(el('div', 'msg-note', note));
    messages.appendChild(m);
    return m;
  }

  /** One row of source chips; a chip opens its passage in the shared panel below. */
  function sourceChips(items, startAt, panel) {
    var row = el('div', 'source-chips');
    items.forEach(function (s, i) {
      var chip = el('button', 'source-chip', '[' + (startAt + i) + '] ' + s.label);
      chip.type = 'button';
      chip.title = s.label;
      chip.setAttribute('aria-expanded', 'false');
      chip.setAttribute('aria-controls', panel.id);
      chip.addEventListener('click', function () {
        var wasOpen = chip.getAttribute('aria-expanded') === 'true';
        panel.parentNode.querySelectorAll('.source-chip').forEach(function (c) {
          c.setAttribute('aria-expanded', 'false');
        });
        panel.textContent = '';
        panel.hidden = wasOpen;
        if (wasOpen) return;
        chip.setAttribute('aria-expanded', 'true');
        panel.appendChild(el('div', 'passage-label', '[' + (startAt + i) + '] ' + s.label));
        if (s.heading) panel.appendChild(el('div', 'passage-heading', s.heading));
        panel.appendChild(el('p', 'passage', s.text));
      });
      row.appendChild(chip);
    });
    return row;
  }

  /** Cited sources as chips; the other retrieved passages behind "Xem thêm nguồn". */
  function renderSources(cited, other) {
    var box = el('div', 'sources');
    var panel = el('div', 'passage-panel');
    panel.id = nextId('passage');
    panel.hidden = true;
    panel.tabIndex = 0;
    panel.setAttribute('role', 'region');
    panel.setAttribute('aria-label', 'Đoạn văn bản nguồn');
    if (cited.length) {
      box.appendChild(el('div', 'sources-title', 'Nguồn trích dẫn'));
      box.appendChild(sourceChips(cited, 1, panel));
    }
    if (other.length) {
      var more = el('button', 'more-sources', 'Xem thêm nguồn (' + other.length + ')');
      more.type = 'button';
      var extra = sourceChips(other, cited.length + 1, panel);
      extra.id = nextId('more');
      extra.hidden = true;
      more.setAttribute('aria-expanded', 'false');
      more.setAttribute('aria-controls', extra.id);
      more.addEventListener('click', function () {
        var show = extra.hidden;
        extra.hidden = !show;
        more.setAttribute('aria-expanded', show ? 'true' : 'false');
        more.textContent = (show ? 'Ẩn bớt nguồn (' : 'Xem thêm nguồn (') + other.length + ')';
      });
      box.appendChild(more);
      box.appendChild(extra);
    }
    box.appendChild(panel);
    return box;
  }

  /**
   * What a reply button does besides sending its payload, by payload kind
   * (the server names each button's kind). feedback (👍/👎): one vote per
   * answer, so the answer's vote buttons lock.
   */
  var buttonActions = {
    feedback: function (chip, wrap) {
      lockVotes(wrap, chip.getAttribute('data-callback'));
    },
  };
  function lockVotes(wrap, chosenData) {
    wrap.querySelectorAll('.chip').forEach(function (c) {
      if (c.getAttribute('data-kind') !== 'feedback') return;
      c.disabled = true;
      if (c.getAttribute('data-callback') === chosenData) c.classList.add('chosen');
    });
  }
  function renderButtons(rows) {
    var wrap = el('div', 'chips');
    rows.forEach(function (row) {
      row.forEach(function (b) {
        var chip = el('button', 'chip', b.label);
        chip.type = 'button';
        chip.setAttribute('data-callback', b.data);
        chip.setAttribute('data-kind', b.kind || 'unknown');
        chip.addEventListener('click', function () {
          if (busy) return;
          var action = buttonActions[b.kind];
          if (action) action(chip, wrap, b);
          send({ callbackData: b.data }, b.label);
        });
        wrap.appendChild(chip);
      });
    });
    return wrap;
  }

  function renderAttachment(a) {
    var bytes = Uint8Array.from(atob(a.base64), function (c) {
      return c.charCodeAt(0);
    });
    var link = el('a', 'attachment', '📎 Tải về ' + a.filename);
    link.href = URL.createObjectURL(new Blob([bytes], { type: a.mimeType }));
    link.download = a.filename;
    return link;
  }

  function botMessage(r) {
    var m = el('div', 'msg bot ' + (r.kind || 'system') + (r.abstained ? ' abstained' : ''));
    m.appendChild(el('span', 'visually-hidden', 'Trợ lý trả lời: '));
    var bubble = el('div', 'bubble');
    bubble.appendChild(el('div', 'text', r.text));
    var cited = r.citedSources || [];
    var other = r.otherSources || [];
    if (cited.length || other.length) bubble.appendChild(renderSources(cited, other));
    (r.attachments || []).forEach(function (a) {
      bubble.appendChild(renderAttachment(a));
    });
    m.appendChild(bubble);
    if (r.buttons && r.buttons.length) m.appendChild(renderButtons(r.buttons));
    return m;
  }

  // === answer-first scrolling
  /**
   * Show a new reply from its first line: the question stays just above it
   * (or, for a long question, only its end). Nothing scrolls afterwards.
   */
  function revealReply(question, reply) {
    if (!reply) return;
    var top = question ? question.offsetTop - 8 : reply.offsetTop - 8;
    // A long question must not push the answer's first line out of view.
    var room = messages.clientHeight * 0.4;
    if (reply.offsetTop - top > room) top = reply.offsetTop - Math.min(room, 72);
    messages.scrollTop = Math.max(0, top);
  }
  function scrollToEnd() {
    messages.scrollTop = messages.scrollHeight;
  }

  // === sending
  function setBusy(on, anchor) {
    busy = on;
    sendBtn.disabled = on;
    sendBtn.setAttribute('aria-busy', on ? 'true' : 'false');
    var t = document.getElementById('typing');
    if (on && !t) {
      t = el('div', 'msg bot typing');
      t.id = 'typing';
      t.appendChild(el('div', 'bubble', 'Đang trả lời…'));
      if (anchor && anchor.nextSibling) messages.insertBefore(t, anchor.nextSibling);
      else messages.appendChild(t);
      scrollToEnd();
      announce('Đang trả lời…');
    } else if (!on && t) {
      t.remove();
    }
  }

  function retryable(status) {
    return status === 0 || status === 408 || status === 429 || status >= 500;
  }

  /** An error bubble; with `retry`, a "Thử lại" button that sends the same request again. */
  function addError(text, retry) {
    var m = botMessage({ text: text, kind: 'error' });
    if (retry) {
      var b = el('button', 'chip retry', 'Thử lại');
      b.type = 'button';
      b.addEventListener('click', function () {
        if (busy) return;
        m.remove();
        retry();
      });
      m.appendChild(b);
    }
    messages.appendChild(m);
    announce(text);
    return m;
  }

  /**
   * Send one request. `echo` is the user's bubble text (omitted for /start and retries).
   * @returns a promise that always resolves
   */
  function send(payload, echo, note) {
    if (busy) return Promise.resolve();
    var question = echo ? addUser(echo, note) : null;
    return post(payload, question);
  }

  function post(payload, question) {
    setBusy(true, question);
    var body = { text: payload.text, callbackData: payload.callbackData, sessionId: sessionId, shownExchangeId: shownExchangeId };
    return fetch('/api/chat', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
      .then(function (res) {
        return res.json().then(
          function (data) {
            return { ok: res.ok, status: res.status, data: data };
          },
          function () {
            return { ok: false, status: res.status, data: null };
          },
        );
      })
      .then(function (r) {
        setBusy(false);
        if (!r.ok) {
          var msg = r.data && r.data.message ? r.data.message : 'Máy chủ không phản hồi đúng (mã ' + r.status + '). Vui lòng thử lại.';
          addError(
            msg,
            retryable(r.status)
              ? function () {
                  post(payload, question);
                }
              : null,
          );
          revealReply(question, messages.lastElementChild);
          return;
        }
        sessionId = r.data.sessionId;
        saveSession(sessionId);
        var first = null;
        (r.data.replies || []).forEach(function (reply) {
          var m = botMessage(reply);
          messages.appendChild(m);
          if (!first) first = m;
          if (reply.kind === 'answer' && reply.exchangeId) shownExchangeId = reply.exchangeId;
        });
        revealReply(question, first);
        var main = (r.data.replies || [])[0];
        if (main) announce('Trợ lý trả lời: ' + main.text);
      })
      .catch(function () {
        setBusy(false);
        addError('Không kết nối được tới máy chủ. Vui lòng kiểm tra mạng rồi bấm “Thử lại”.', function () {
          post(payload, question);
        });
        revealReply(question, messages.lastElementChild);
      })
      .then(function () {
        // Back to the composer after the user's own request (not on page load: no keyboard pops up unasked on a phone).
        if (question || payload.callbackData) input.focus({ preventScroll: true });
      });
  }

  // === history
  /** Show the session's recent exchanges (the context the next follow-up uses), or greet. */
  function start() {
    if (!sessionId) return send({ text: '/start' });
    return fetch('/api/chat/history?sessionId=' + encodeURIComponent(sessionId), { headers: { accept: 'application/json' } })
      .then(function (res) {
        return res.ok ? res.json() : null;
      })
      .catch(function () {
        return null;
      })
      .then(function (h) {
        if (!h || !h.exchanges || h.exchanges.length === 0) return send({ text: '/start' });
        messages.appendChild(
          el(
            'p',
            'history-note',
            'Cuộc trò chuyện của bạn trong ' + h.windowHours + ' giờ qua. Câu hỏi tiếp nối sẽ dựa trên các câu hỏi này; bấm “Trò chuyện mới” để bắt đầu lại.',
          ),
        );
        var lastQuestion = null;
        var lastReply = null;
        h.exchanges.forEach(function (e) {
          lastQuestion = addUser(e.question);
          lastReply = botMessage(e.reply);
          messages.appendChild(lastReply);
          if (e.reply.exchangeId) shownExchangeId = e.reply.exchangeId;
          if (e.vote && e.reply.exchangeId) {
            var wrap = lastReply.querySelector('.chips');
            if (wrap) lockVotes(wrap, 'fb:' + e.vote + ':' + e.reply.exchangeId);
          }
        });
        revealReply(lastQuestion, lastReply);
        announce('Đã tải ' + h.exchanges.length + ' câu hỏi trước của bạn.');
      });
  }

  // === composer (honest input limits)
  /** What will be sent for `text`: all of it, or the first MAX characters cut at a word. */
  function clip(text) {
    if (text.length <= MAX) return { text: text, cut: false };
    var head = text.slice(0, MAX);
    var space = head.lastIndexOf(' ');
    if (space > MAX * 0.8) head = head.slice(0, space);
    return { text: head.trim(), cut: true };
  }
  function fmt(n) {
    return n.toLocaleString('vi-VN');
  }
  /** The last few words of what will be sent (at most 40 characters). */
  function tail(s) {
    var words = s.split(/\s+/).slice(-6).join(' ');
    return '…' + words.slice(-40);
  }
  function updateComposer() {
    var raw = input.value.trim();
    var n = raw.length;
    counter.textContent = fmt(n) + '/' + fmt(MAX);
    counter.classList.toggle('near', n > MAX * 0.9 && n <= MAX);
    counter.classList.toggle('over', n > MAX);
    var c = clip(raw);
    if (c.cut) {
      limitNote.hidden = false;
      limitNote.textContent =
        'Câu hỏi dài ' +
        fmt(n) +
        ' ký tự, vượt giới hạn ' +
        fmt(MAX) +
        '. Nếu bấm Gửi, chỉ ' +
        fmt(c.text.length) +
        ' ký tự đầu được gửi, kết thúc ở “' +
        tail(c.text) +
        '”. Bạn nên rút gọn câu hỏi.';
    } else {
      limitNote.hidden = true;
      limitNote.textContent = '';
    }
    input.style.height = 'auto';
    input.style.height = Math.min(input.scrollHeight, 160) + 'px';
  }

  form.addEventListener('submit', function (ev) {
    ev.preventDefault();
    var raw = input.value.trim();
    if (!raw || busy) return;
    var c = clip(raw);
    input.value = '';
    updateComposer();
    send({ text: c.text }, c.text, c.cut ? 'Đã gửi ' + fmt(c.text.length) + ' / ' + fmt(raw.length) + ' ký tự đầu của câu hỏi.' : null);
  });
  input.addEventListener('keydown', function (ev) {
    if (ev.key === 'Enter' && !ev.shiftKey && !ev.isComposing) {
      ev.preventDefault();
      form.requestSubmit();
    }
  });
  input.addEventListener('input', updateComposer);
  newChat.addEventListener('click', function () {
    if (busy) return;
    sessionId = undefined;
    shownExchangeId = null;
    saveSession(undefined);
    messages.querySelectorAll('.msg, .history-note').forEach(function (n) {
      n.remove();
    });
    send({ text: '/start' }).then(function () {
      input.focus({ preventScroll: true });
    });
  });

  // === embedding (the /widget.js iframe on another site)
  function setupEmbed() {
    if (!embedded) return;
    document.body.classList.add('embed');
    var title = (params.get('title') || '').trim().slice(0, 80);
    if (title) {
      document.getElementById('title').textContent = title;
      document.title = title;
    }
    var color = params.get('color') || '';
    if (/^#([0-9a-f]{3}|[0-9a-f]{6})$/i.test(color)) document.documentElement.style.setProperty('--brand', color);
    var close = document.getElementById('close-embed');
    close.hidden = false;
    function requestClose() {
      // The host's origin is unknown (no referrer); the message carries no data.
      window.parent.postMessage({ type: 'cchc:close' }, '*');
    }
    close.addEventListener('click', requestClose);
    document.addEventListener('keydown', function (ev) {
      if (ev.key === 'Escape') requestClose();
    });
    window.addEventListener('message', function (ev) {
      if (ev.source === window.parent && ev.data && ev.data.type === 'cchc:opened') input.focus({ preventScroll: true });
    });
    // The frame is created when the user opens the bubble: the composer is where they go next.
    input.focus({ preventScroll: true });
  }

  // === start
  setupEmbed();
  updateComposer();
  start();
})();
