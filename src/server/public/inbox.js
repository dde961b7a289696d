// Staff replies on the web chat (handoff to a person). Polls
// GET /api/chat/inbox for the page's session while the page is open, shows
// each reply in the conversation and flags the tab title until the citizen
// looks at it. The last few sessions of this browser are polled too, so a
// reply still arrives after "Trò chuyện mới". Plain JS; text rendered with
// textContent only.
'use strict';
(function () {
  var SESSION_KEY = 'cchc-session';
  var SESSION_RE = /^[A-Za-z0-9_-]{8,64}$/;
  var KNOWN_KEY = 'cchc-inbox-sessions';
  var MAX_KNOWN = 3;
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
  /** The current session first, then the previous ones (kept in localStorage). */
  function sessions() {
    var known = [];
    try {
      known = JSON.parse(localStorage.getItem(KNOWN_KEY) || '[]');
    } catch (_e) {
      known = [];
    }
    if (!Array.isArray(known)) known = [];
    var current = session();
    var list = (current ? [current] : []).concat(
      known.filter(function (s) {
        return typeof s === 'string' && SESSION_RE.test(s) && s !== current;
      }),
    );
    list = list.slice(0, MAX_KNOWN);
    try {
      localStorage.setItem(KNOWN_KEY, JSON.stringify(list));
    } catch (_e) {
      /* storage disabled: only this page's session */
    }
    return list;
  }
  function fetchOne(s) {
    return fetch('/api/chat/inbox?sessionId=' + encodeURIComponent(s), { headers: { accept: 'application/json' } })
      .then(function (res) {
        return res.ok ? res.json() : { messages: [] };
      })
      .then(function (data) {
        return (data && data.messages) || [];
      })
      .catch(function () {
        return []; /* offline: try again at the next tick */
      });
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
    var next = function () {
      timer = setTimeout(poll, document.hidden ? HIDDEN_MS : VISIBLE_MS);
    };
    Promise.all(sessions().map(fetchOne)).then(function (lists) {
      var all = [].concat.apply([], lists);
      all.sort(function (a, b) {
        return String(a.at).localeCompare(String(b.at));
      });
      all.forEach(show);
      if (all.length > 0) flag(unseen + all.length);
      next();
    });
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
