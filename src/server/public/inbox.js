// Staff replies on the web chat (handoff to a person). Polls
// GET /api/chat/inbox for the page's session while the page is open, shows
// each reply in the conversation and flags the tab title until the citizen
// looks at it. Plain JS; text rendered with textContent only.
'use strict';
(function () {
  var SESSION_KEY = 'cchc-session';
  var SESSION_RE = /^[A-Za-z0-9_-]{8,64}$/;
  var VISIBLE_MS = 5000;
  var HIDDEN_MS = 30000;
  var messages = document.getElementById('messages');
  var baseTitle = document.title;
  var unseen = 0;
  var timer;

  function session() {
    try {
      var s = localStorage.getItem(SESSION_KEY);
      return s && SESSION_RE.test(s) ? s : undefined;
    } catch (_e) {
      return undefined;
    }
  }
  function flag(n) {
    unseen = n;
    document.title = n > 0 ? '(' + n + ') 💬 Cán bộ đã trả lời – ' + baseTitle : baseTitle;
  }
  function show(m) {
    var row = document.createElement('div');
    row.className = 'msg bot system staff-reply';
    var bubble = document.createElement('div');
    bubble.className = 'bubble';
    var text = document.createElement('div');
    text.className = 'text';
    text.textContent = String(m.text);
    bubble.appendChild(text);
    row.appendChild(bubble);
    messages.appendChild(row);
    messages.scrollTop = messages.scrollHeight;
  }
  function poll() {
    var s = session();
    var next = function () {
      timer = setTimeout(poll, document.hidden ? HIDDEN_MS : VISIBLE_MS);
    };
    if (!s) return next();
    fetch('/api/chat/inbox?sessionId=' + encodeURIComponent(s), { headers: { accept: 'application/json' } })
      .then(function (res) {
        return res.ok ? res.json() : { messages: [] };
      })
      .then(function (data) {
        var list = (data && data.messages) || [];
        list.forEach(show);
        if (list.length > 0) flag(unseen + list.length);
      })
      .catch(function () {
        /* offline: try again at the next tick */
      })
      .then(next);
  }
  function seen() {
    if (unseen > 0 && !document.hidden) flag(0);
  }
  document.addEventListener('visibilitychange', function () {
    if (!document.hidden) {
      clearTimeout(timer);
      poll();
    }
  });
  ['click', 'keydown', 'focus'].forEach(function (ev) {
    window.addEventListener(ev, seen);
  });
  timer = setTimeout(poll, 1000);
})();
