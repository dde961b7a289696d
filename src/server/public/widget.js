// Embeddable chat bubble for another site (the department's portal):
//   <script src="https://<bot>/widget.js" data-title="…" data-color="#0b5cad" data-position="right" defer></script>
// It adds one button and, when opened, an iframe of the bot's own chat page
// (/?embed=1) from the bot's origin. Plain JS, no dependencies, no CDN; it
// reads and writes no cookies or storage of the host page, and its styles are
// set through the CSSOM inside a shadow root, so a strict host CSP and the
// host's own CSS do not interfere.
'use strict';
(function () {
  var script = document.currentScript;
  if (!script || !script.src || window.__cchcChatWidget) return;
  window.__cchcChatWidget = true;

  var origin = new URL(script.src, location.href).origin;
  var title = (script.getAttribute('data-title') || '').trim().slice(0, 80) || 'Trợ lý cải cách hành chính';
  var colorAttr = (script.getAttribute('data-color') || '').trim();
  var color = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.test(colorAttr) ? colorAttr : '#0b5cad';
  var side = script.getAttribute('data-position') === 'left' ? 'left' : 'right';
  var SVG = 'http://www.w3.org/2000/svg';

  function css(el, styles) {
    for (var k in styles) el.style.setProperty(k, styles[k]);
    return el;
  }
  function icon(paths) {
    var svg = document.createElementNS(SVG, 'svg');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('width', '28');
    svg.setAttribute('height', '28');
    svg.setAttribute('aria-hidden', 'true');
    svg.setAttribute('focusable', 'false');
    paths.forEach(function (d) {
      var p = document.createElementNS(SVG, 'path');
      p.setAttribute('d', d);
      p.setAttribute('fill', 'currentColor');
      svg.appendChild(p);
    });
    return svg;
  }
  var CHAT_ICON = ['M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H8l-5 4V5a2 2 0 0 1 1-2zm3 6v2h10V9H7zm0-3v2h10V6H7zm0 6v2h7v-2H7z'];
  var CLOSE_ICON = ['M18.3 5.7 12 12l6.3 6.3-1.4 1.4L10.6 13.4 4.3 19.7 2.9 18.3 9.2 12 2.9 5.7 4.3 4.3l6.3 6.3 6.3-6.3z'];

  var hostEl = document.createElement('div');
  hostEl.setAttribute('data-cchc-chat-widget', '');
  var root = hostEl.attachShadow ? hostEl.attachShadow({ mode: 'open' }) : hostEl;

  var bubble = document.createElement('button');
  bubble.type = 'button';
  bubble.setAttribute('aria-label', 'Mở ' + title);
  bubble.setAttribute('aria-expanded', 'false');
  bubble.setAttribute('aria-haspopup', 'dialog');
  bubble.title = title;
  css(bubble, {
    position: 'fixed',
    bottom: 'calc(20px + env(safe-area-inset-bottom, 0px))',
    width: '60px',
    height: '60px',
    'border-radius': '50%',
    border: '0',
    background: color,
    color: '#fff',
    cursor: 'pointer',
    'box-shadow': '0 4px 14px rgba(0,0,0,.28)',
    display: 'flex',
    'align-items': 'center',
    'justify-content': 'center',
    'z-index': '2147483000',
    padding: '0',
    margin: '0',
  });
  bubble.style.setProperty(side, '20px');
  bubble.appendChild(icon(CHAT_ICON));

  var panel = document.createElement('div');
  panel.setAttribute('role', 'dialog');
  panel.setAttribute('aria-label', title);
  panel.id = 'cchc-chat-panel';
  bubble.setAttribute('aria-controls', panel.id);
  css(panel, {
    position: 'fixed',
    display: 'none',
    'z-index': '2147483001',
    background: '#fff',
    overflow: 'hidden',
    'box-shadow': '0 8px 30px rgba(0,0,0,.3)',
  });

  var frame = null;
  var open = false;

  function layout() {
    var phone = window.innerWidth <= 520;
    if (phone) {
      css(panel, { top: '0', bottom: '0', left: '0', right: '0', width: '100%', height: '100%', 'border-radius': '0' });
    } else {
      css(panel, {
        top: 'auto',
        bottom: '92px',
        width: '390px',
        height: 'min(640px, calc(100vh - 120px))',
        'border-radius': '14px',
      });
      panel.style.setProperty(side, '20px');
      panel.style.setProperty(side === 'right' ? 'left' : 'right', 'auto');
    }
    // On a phone the panel covers the screen and has its own close button.
    bubble.style.setProperty('display', open && phone ? 'none' : 'flex');
  }

  function ensureFrame() {
    if (frame) return;
    frame = document.createElement('iframe');
    var q = '?embed=1&title=' + encodeURIComponent(title) + '&color=' + encodeURIComponent(color);
    frame.src = origin + '/' + q;
    frame.title = title;
    frame.setAttribute('referrerpolicy', 'no-referrer');
    // Scripts and same-origin storage for the chat itself; no top navigation of the host page.
    frame.setAttribute('sandbox', 'allow-scripts allow-same-origin allow-forms allow-downloads allow-popups allow-popups-to-escape-sandbox');
    css(frame, { border: '0', width: '100%', height: '100%', display: 'block' });
    panel.appendChild(frame);
  }

  function setOpen(next) {
    open = next;
    if (open) ensureFrame();
    panel.style.setProperty('display', open ? 'block' : 'none');
    bubble.setAttribute('aria-expanded', open ? 'true' : 'false');
    bubble.setAttribute('aria-label', (open ? 'Đóng ' : 'Mở ') + title);
    bubble.textContent = '';
    bubble.appendChild(icon(open ? CLOSE_ICON : CHAT_ICON));
    layout();
    if (open && frame) {
      frame.focus();
      if (frame.contentWindow) frame.contentWindow.postMessage({ type: 'cchc:opened' }, origin);
    } else if (!open) {
      bubble.focus();
    }
  }

  bubble.addEventListener('click', function () {
    setOpen(!open);
  });
  window.addEventListener('message', function (ev) {
    if (ev.origin !== origin || !frame || ev.source !== frame.contentWindow) return;
    if (ev.data && ev.data.type === 'cchc:close') setOpen(false);
  });
  window.addEventListener('resize', layout);

  root.appendChild(panel);
  root.appendChild(bubble);
  layout();
  (document.body || document.documentElement).appendChild(hostEl);
})();
