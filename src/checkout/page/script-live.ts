/**
 * The live half of the page's script: the status pushed by the session's Durable Object over a
 * WebSocket (polling every 2 s only while the socket is down and something is pending), rendering
 * each status, the countdown, and the end states. Runs inside the IIFE of script.ts, sharing its
 * helpers ($, msg, api, show, say, S).
 */
export const LIVE_JS = `
var socket = null, pollTimer = null, retryTimer = null, clock = null;
var end = Date.parse(data.expires_at);

function live() { return !!socket && socket.readyState === 1; }
function poll() {
  return api('/status').then(function (r) { if (r.status === 200) render(r.body); }, function () {});
}
function startPolling() { if (!pollTimer) pollTimer = setInterval(poll, 2000); }
function stopPolling() { if (pollTimer) { clearInterval(pollTimer); pollTimer = null; } }
function fallback() {
  if (S.finished) return;
  poll();
  if (!retryTimer) retryTimer = setTimeout(function () { retryTimer = null; connect(); }, 10000);
}
function connect() {
  if (S.finished || socket) return;
  var ws;
  try {
    ws = new WebSocket((location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + base + '/live');
  } catch (e) { return fallback(); }
  socket = ws;
  var pinger = null;
  ws.onopen = function () {
    stopPolling();
    pinger = setInterval(function () { try { ws.send('ping'); } catch (e) { /* closing */ } }, 30000);
  };
  ws.onmessage = function (e) {
    if (e.data === 'pong') return;
    var st = null;
    try { st = JSON.parse(e.data); } catch (x) { return; }
    render(st);
  };
  ws.onclose = function () {
    clearInterval(pinger);
    if (socket === ws) socket = null;
    fallback();
  };
}

function fmtDate(iso) { return new Date(iso + 'T12:00:00Z').toLocaleDateString(data.locale, { timeZone: 'UTC' }); }
function fmtTime(iso) { return new Date(iso).toLocaleTimeString(data.locale, { hour: '2-digit', minute: '2-digit' }); }
function fmtDateTime(iso) { return new Date(iso).toLocaleString(data.locale, { dateStyle: 'short', timeStyle: 'short' }); }

function clockMode(p) {
  // A boleto is paid by its due date, days away: the 30-minute countdown does not apply to it.
  var boleto = p && p.boleto;
  $('clock-label').textContent = boleto ? msg('due_on', { date: fmtDate(boleto.due_date) }) : msg('countdown');
  show($('countdown'), !boleto);
}
function showForm() {
  show($('pix-panel'), false); show($('async-panel'), false);
  show($('simulate'), false); show($('switch'), false);
  show(form, true);
  clockMode(null);
  if (!S.busy) enable();
}
function showIssued(p) {
  show(form, false);
  if (p.pix) showPix(p); else showAsync(p);
  clockMode(p);
  show($('simulate'), true);
  show($('switch'), Date.now() < end);
  if (S.focused !== p.id) { S.focused = p.id; (p.pix ? $('pix-title') : $('async-title')).focus(); }
}
function render(st) {
  if (S.finished || !st) return;
  var p = st.payment;
  if (st.status === 'paid' || st.status === 'expired' || st.status === 'canceled') return finish(st.status, st.redirect_url, p);
  var issued = st.status === 'pending' && p && p.status === 'pending' && p.method !== 'card' ? p : null;
  S.issued = issued;
  if (issued && !live()) startPolling(); else stopPolling();
  if (issued && S.switched !== issued.id) return showIssued(issued);
  showForm();
  if (p && p.failure_message && p.status !== 'paid' && p.status !== 'pending' && S.shownFailure !== p.id) {
    S.shownFailure = p.id;
    showFailure(p);
  }
}
function finish(kind, url, p) {
  if (S.finished) return;
  S.finished = true;
  stopPolling();
  if (clock) { clearInterval(clock); clock = null; }
  if (socket) { var ws = socket; socket = null; ws.onclose = null; ws.close(); }
  ['clock-line', 'charge-line', 'pix-panel', 'async-panel', 'simulate', 'switch', 'cancel'].forEach(function (id) { show($(id), false); });
  show(form, false);
  say('');
  $('result-title').textContent = msg('status.' + kind);
  $('result-amount').textContent = kind === 'paid' && p
    ? msg('result.amount', { amount: p.amount_formatted + (p.installments_formatted ? ' (' + p.installments_formatted + ')' : '') })
    : '';
  $('result-text').textContent = embedder ? msg('page.done') : url ? msg('page.redirecting') : '';
  var back = url || data.store_url, link = $('result-link');
  if (back && !embedder) link.href = back;
  show(link, !!back && !embedder);
  show($('result'), true);
  $('result-title').focus();
  if (embedder) {
    // Embedded by the widget: tell the embedding page (and only it) instead of navigating the frame.
    try {
      window.parent.postMessage({ type: kind === 'paid' ? 'borda:success' : 'borda:exit', session: data.token, status: kind }, embedder);
    } catch (e) { /* an origin that is not a URL: nobody to tell */ }
    return;
  }
  if (url) window.location.assign(url);
}

function tick() {
  var left = Math.max(0, Math.floor((end - Date.now()) / 1000));
  var h = Math.floor(left / 3600), m = Math.floor((left % 3600) / 60), s = left % 60;
  $('countdown').textContent = (h ? h + ':' : '') + (m < 10 && h ? '0' : '') + m + ':' + (s < 10 ? '0' : '') + s;
  if (left > 0 || S.finished) return;
  clearInterval(clock);
  clock = null;
  show($('switch'), false);
  // An issued boleto outlives the session's time; anything else ends here, whatever the network does.
  if (S.issued && S.issued.boleto) return;
  poll().then(function () { if (!S.finished && !(S.issued && S.issued.boleto)) finish('expired', null, null); });
}
clock = setInterval(tick, 1000);
tick();
`;
