// Web chat client. Plain JS, no dependencies. All user and answer text is
// rendered with textContent, never parsed as HTML.
'use strict';
(function () {
  var SESSION_KEY = 'cchc-session';
  var SESSION_RE = /^[A-Za-z0-9_-]{8,64}$/;
  var MAX = 1000;
  var messages = document.getElementById('messages');
  var form = document.getElementById('composer');
  var input = document.getElementById('input');
  var sendBtn = document.getElementById('send');
  var counter = document.getElementById('counter');
  var newChat = document.getElementById('new-chat');
  var busy = false;

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

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function scrollDown() {
    messages.scrollTop = messages.scrollHeight;
  }
  function addUser(text) {
    var m = el('div', 'msg user');
    m.appendChild(el('div', 'bubble', text));
    messages.appendChild(m);
    scrollDown();
  }
  function addError(text) {
    addBot({ text: text, kind: 'error', sources: [] });
  }

  function renderSources(sources) {
    var box = el('div', 'sources');
    box.appendChild(el('div', 'sources-title', 'Nguồn trích dẫn (' + sources.length + ')'));
    sources.forEach(function (s, i) {
      var d = el('details', 'source');
      var label = '[' + (i + 1) + '] ' + s.doc + (s.section ? ', ' + s.section : '') + (s.title ? ' — ' + s.title : '');
      d.appendChild(el('summary', null, label));
      d.appendChild(el('p', 'passage', s.text));
      box.appendChild(d);
    });
    return box;
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
          var isVote = b.kind === 'feedback';
          if (isVote) {
            // One vote per answer: lock this answer's vote buttons.
            Array.prototype.forEach.call(wrap.querySelectorAll('.chip'), function (c) {
              if (c.getAttribute('data-kind') === 'feedback') c.disabled = true;
            });
            chip.classList.add('chosen');
          }
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

  function addBot(r) {
    var m = el('div', 'msg bot ' + (r.kind || 'system') + (r.abstained ? ' abstained' : ''));
    var bubble = el('div', 'bubble');
    bubble.appendChild(el('div', 'text', r.text));
    if (r.sources && r.sources.length) bubble.appendChild(renderSources(r.sources));
    (r.attachments || []).forEach(function (a) {
      bubble.appendChild(renderAttachment(a));
    });
    m.appendChild(bubble);
    if (r.buttons && r.buttons.length) m.appendChild(renderButtons(r.buttons));
    messages.appendChild(m);
    scrollDown();
  }

  function setBusy(on) {
    busy = on;
    sendBtn.disabled = on;
    var t = document.getElementById('typing');
    if (on && !t) {
      t = el('div', 'msg bot typing');
      t.id = 'typing';
      t.appendChild(el('div', 'bubble', 'Đang tìm câu trả lời…'));
      messages.appendChild(t);
      scrollDown();
    } else if (!on && t) {
      t.remove();
    }
  }

  function send(payload, echo) {
    if (busy) return Promise.resolve();
    if (echo) addUser(echo);
    setBusy(true);
    var body = { text: payload.text, callbackData: payload.callbackData, sessionId: sessionId };
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
          addError(r.data && r.data.message ? r.data.message : 'Máy chủ không phản hồi đúng (mã ' + r.status + '). Vui lòng thử lại.');
          return;
        }
        sessionId = r.data.sessionId;
        saveSession(sessionId);
        (r.data.replies || []).forEach(addBot);
      })
      .catch(function () {
        setBusy(false);
        addError('Không kết nối được tới máy chủ. Vui lòng kiểm tra mạng và thử lại.');
      })
      .then(function () {
        input.focus();
      });
  }

  function updateCounter() {
    var n = input.value.length;
    counter.textContent = n + '/' + MAX;
    counter.classList.toggle('near', n > MAX * 0.9);
    input.style.height = 'auto';
    input.style.height = Math.min(input.scrollHeight, 160) + 'px';
  }

  form.addEventListener('submit', function (ev) {
    ev.preventDefault();
    var text = input.value.trim();
    if (!text || busy) return;
    input.value = '';
    updateCounter();
    send({ text: text }, text);
  });
  input.addEventListener('keydown', function (ev) {
    if (ev.key === 'Enter' && !ev.shiftKey && !ev.isComposing) {
      ev.preventDefault();
      form.requestSubmit();
    }
  });
  input.addEventListener('input', updateCounter);
  newChat.addEventListener('click', function () {
    if (busy) return;
    sessionId = undefined;
    saveSession(undefined);
    messages.textContent = '';
    send({ text: '/start' });
  });

  updateCounter();
  send({ text: '/start' });
})();
