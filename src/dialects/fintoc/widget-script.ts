/**
 * The embeddable widget, served at /js/v1/checkout.js. Plain ES5-style JavaScript, no framework, no
 * build step: it must run on any merchant page. `Borda.create({ sessionToken, publicKey, onSuccess,
 * onExit }).open()` checks the token with Borda, then shows the hosted checkout in a full-screen
 * iframe (a full-page redirect on narrow screens) and relays the page's borda:success / borda:exit
 * messages, accepted only from Borda's own origin and from that iframe.
 * Any change to this text changes its SRI hash and breaks pages that pinned it: change /js/v2 instead.
 */
export const WIDGET_JS = String.raw`(function () {
'use strict';
if (window.Borda && window.Borda.create) return;
var script = document.currentScript;
// Borda's origin is where this script came from; the session check and the iframe both go there.
var BASE = script && script.src ? new URL(script.src).origin : '';
var NARROW_PX = 600;

function noop() {}

function create(opts) {
  opts = opts || {};
  var onSuccess = typeof opts.onSuccess === 'function' ? opts.onSuccess : noop;
  var onExit = typeof opts.onExit === 'function' ? opts.onExit : noop;
  var overlay = null, frame = null, done = false, prevOverflow = '';

  function close() {
    window.removeEventListener('message', onMessage);
    document.removeEventListener('keydown', onKey);
    if (overlay && overlay.parentNode) overlay.parentNode.removeChild(overlay);
    if (overlay) document.documentElement.style.overflow = prevOverflow;
    overlay = null; frame = null;
  }
  function finish(cb, detail) {
    if (done) return;
    done = true;
    close();
    try { cb(detail); } catch (e) { setTimeout(function () { throw e; }); }
  }
  function onMessage(event) {
    // Only the checkout page we framed may end the widget: same origin as this script, same window.
    if (event.origin !== BASE || !frame || event.source !== frame.contentWindow) return;
    var d = event.data;
    if (!d || typeof d !== 'object') return;
    var detail = { session: d.session, status: d.status };
    if (d.type === 'borda:success') finish(onSuccess, detail);
    else if (d.type === 'borda:exit') finish(onExit, detail);
  }
  function onKey(e) { if (e.key === 'Escape') finish(onExit, { status: 'closed' }); }

  function show(url) {
    overlay = document.createElement('div');
    overlay.setAttribute('role', 'dialog');
    overlay.setAttribute('aria-modal', 'true');
    overlay.style.cssText = 'position:fixed;inset:0;z-index:2147483647;background:rgba(15,23,42,.55);' +
      'display:flex;align-items:center;justify-content:center;';
    frame = document.createElement('iframe');
    frame.src = url;
    frame.title = 'Borda checkout';
    frame.allow = 'payment; clipboard-write';
    frame.style.cssText = 'width:100%;height:100%;border:0;background:#fff;';
    var x = document.createElement('button');
    x.type = 'button';
    x.setAttribute('aria-label', 'Close');
    x.textContent = '\u00d7';
    x.style.cssText = 'position:absolute;top:8px;right:12px;width:36px;height:36px;border:0;border-radius:18px;' +
      'background:rgba(0,0,0,.6);color:#fff;font:24px/36px sans-serif;cursor:pointer;';
    x.addEventListener('click', function () { finish(onExit, { status: 'closed' }); });
    overlay.appendChild(frame);
    overlay.appendChild(x);
    prevOverflow = document.documentElement.style.overflow;
    document.documentElement.style.overflow = 'hidden';
    document.body.appendChild(overlay);
    window.addEventListener('message', onMessage);
    document.addEventListener('keydown', onKey);
    frame.focus();
  }

  function open() {
    if (overlay || done) return;
    var q = '?token=' + encodeURIComponent(opts.sessionToken || '') +
      '&public_key=' + encodeURIComponent(opts.publicKey || '');
    fetch(BASE + '/c/v1/widget/session' + q, { headers: { accept: 'application/json' }, credentials: 'omit' })
      .then(function (r) { return r.json().then(function (j) { return { ok: r.ok, body: j }; }); })
      .then(function (r) {
        if (!r.ok) return finish(onExit, { status: 'error', error: r.body && r.body.code, message: r.body && r.body.detail });
        var page = BASE + '/checkout/' + encodeURIComponent(r.body.session_id);
        // Small screens get the page itself: a modal iframe there is cramped and traps the back button.
        if (window.innerWidth < NARROW_PX) { window.location.assign(page); return; }
        show(page + '?embed=1&origin=' + encodeURIComponent(window.location.origin));
      })
      .catch(function () { finish(onExit, { status: 'error', error: 'network_error' }); });
  }

  return { open: open, close: function () { finish(onExit, { status: 'closed' }); } };
}

window.Borda = { create: create, version: 'v1' };
})();
`;
