/**
 * The page's only script, inlined with the CSP nonce. Plain JavaScript, no framework: it reads the
 * JSON data block, validates as the customer types, posts the payment to the client API, shows the
 * PIX code, polls the status every 2 s while a payment is pending and follows redirect_url.
 * The server validates everything again; nothing here is trusted.
 */
export const CHECKOUT_JS = String.raw`(function () {
'use strict';
var data = JSON.parse(document.getElementById('borda-data').textContent);
var M = data.messages;
var base = '/c/v1/sessions/' + encodeURIComponent(data.token);
function $(id) { return document.getElementById(id); }
var form = $('pay-form'), button = $('pay-button'), notice = $('notice');
var pollTimer = null, finished = false, busy = false, shownFailure = null, pixShown = false;
// The widget frames the page with ?embed=1&origin=<its origin>; CSP frame-ancestors already limits
// who may frame it to the merchant's allowed origins, and messages go to that origin only.
var query = new URLSearchParams(window.location.search);
var embedder = window.parent !== window && query.get('embed') === '1' ? query.get('origin') : null;

function show(el, on) { if (el) el.hidden = !on; }
function say(text) { notice.textContent = text || ''; show(notice, !!text); }
function msg(key, vars) {
  var text = M[key] || key;
  for (var k in vars || {}) text = text.split('{' + k + '}').join(vars[k]);
  return text;
}
function api(path, body) {
  var opts = body === undefined
    ? { headers: { accept: 'application/json' } }
    : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
  return fetch(base + path, opts).then(function (r) {
    return r.json().catch(function () { return {}; }).then(function (j) { return { status: r.status, body: j }; });
  });
}

function selectedMethod() {
  var r = form.querySelector('input[name=method]:checked');
  return r ? r.value : null;
}
function methodInfo(m) {
  for (var i = 0; i < data.methods.length; i++) if (data.methods[i].method === m) return data.methods[i];
  return null;
}
function syncMethod() {
  var m = selectedMethod();
  show($('card-fields'), m === 'card');
  var info = methodInfo(m);
  if (!busy) button.textContent = msg('pay', { amount: info ? info.amount_formatted : data.amount_formatted });
}

function digitsOf(v) { return v.replace(/[.\-\/\s]/g, '').toUpperCase(); }
function cpfOk(d) {
  if (!/^\d{11}$/.test(d) || /^(\d)\1{10}$/.test(d)) return false;
  for (var t = 9; t < 11; t++) {
    var s = 0;
    for (var i = 0; i < t; i++) s += +d[i] * (t + 1 - i);
    if (((s * 10) % 11) % 10 !== +d[t]) return false;
  }
  return true;
}
function cnpjOk(d) {
  if (!/^[0-9A-Z]{12}\d{2}$/.test(d) || /^(.)\1{13}$/.test(d)) return false;
  var w = [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];
  for (var t = 12; t < 14; t++) {
    var s = 0;
    for (var i = 0; i < t; i++) s += (d.charCodeAt(i) - 48) * w[i + 13 - t];
    var r = s % 11, dv = r < 2 ? 0 : 11 - r;
    if (dv !== +d[t]) return false;
  }
  return true;
}
function documentOk(v) {
  var d = digitsOf(v);
  return d.length === 11 ? cpfOk(d) : d.length === 14 ? cnpjOk(d) : false;
}

function fieldError(id, text) {
  var input = $(id), err = $(id + '-err');
  if (!input) return;
  input.setAttribute('aria-invalid', text ? 'true' : 'false');
  if (err) err.textContent = text || '';
}
function validate() {
  var first = null;
  function check(id, bad, key) {
    fieldError(id, bad ? msg(key) : '');
    if (bad && !first) first = $(id);
  }
  check('name', $('name').value.trim().length < 2, 'error.required');
  check('email', !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test($('email').value.trim()), 'error.invalid_email');
  if ($('document')) check('document', !documentOk($('document').value), 'error.invalid_document');
  if (selectedMethod() === 'card') {
    check('card-number', digitsOf($('card-number').value).length < 12, 'decline.invalid_number');
    check('holder-name', $('holder-name').value.trim().length < 2, 'decline.invalid_holder_name');
    check('cvc', !/^\d{3,4}$/.test($('cvc').value.trim()), 'decline.invalid_cvc');
  }
  if (first) first.focus();
  return !first;
}

var FIELD_IDS = {
  'customer.name': 'name', 'customer.email': 'email', 'customer.document': 'document',
  'card.number': 'card-number', 'card.holder_name': 'holder-name', 'card.cvc': 'cvc',
  'card.exp_month': 'exp-month', 'card.exp_year': 'exp-year'
};
function handleProblem(p) {
  (p.errors || []).forEach(function (e) {
    var key = M['decline.' + e.code] ? 'decline.' + e.code : M['error.' + e.code] ? 'error.' + e.code : 'decline.generic';
    if (FIELD_IDS[e.field]) fieldError(FIELD_IDS[e.field], msg(key));
  });
  say(M['decline.' + p.code] || (p.errors ? '' : M['decline.generic']));
  if (/^session_/.test(p.code || '')) poll();
}

function enable() {
  busy = false;
  button.disabled = false;
  syncMethod();
}
function finish(kind, url) {
  if (finished) return;
  finished = true;
  stopPolling();
  show(form, false); show($('pix-panel'), false); show($('async-panel'), false); show($('simulate'), false);
  show($('cancel'), false); say('');
  $('result-title').textContent = msg('status.' + kind);
  $('result-text').textContent = url && !embedder ? msg('page.redirecting') : msg('page.done');
  show($('result'), true);
  $('result').focus();
  if (embedder) {
    // Embedded by the widget: tell the embedding page (and only it) instead of navigating the frame.
    try {
      window.parent.postMessage({ type: kind === 'paid' ? 'borda:success' : 'borda:exit', session: data.token, status: kind }, embedder);
    } catch (e) { /* an origin that is not a URL: nobody to tell */ }
    return;
  }
  if (url) setTimeout(function () { window.location.assign(url); }, 600);
}
function showPix(p) {
  show(form, false);
  show($('pix-panel'), true);
  $('pix-qr').src = p.pix.qr_svg_url;
  $('pix-code').value = p.pix.qr_code;
  var time = new Date(p.pix.expires_at).toLocaleTimeString(data.locale, { hour: '2-digit', minute: '2-digit' });
  $('pix-expires').textContent = msg('pix.expires', { time: time });
  if (!pixShown) { pixShown = true; $('pix-code').focus(); }
}
function fmtDate(iso) { return new Date(iso + 'T12:00:00Z').toLocaleDateString(data.locale, { timeZone: 'UTC' }); }
function fmtMoney(cents) {
  return new Intl.NumberFormat(data.locale, { style: 'currency', currency: data.currency }).format(cents / 100);
}
function asyncRows(p) {
  var b = p.boleto, t = p.bank_transfer, s = p.spei, v = p.voucher;
  if (b) {
    var rows = [['boleto.line', b.line_formatted, b.line], ['boleto.due', fmtDate(b.due_date)]];
    if (b.fine_cents !== null) rows.push(['boleto.fine', fmtMoney(b.fine_cents)]);
    if (b.interest_per_day_cents !== null) rows.push(['boleto.interest', b.interest_monthly_percent !== null
      ? msg('boleto.per_month', { rate: b.interest_monthly_percent }) : msg('boleto.per_day', { amount: fmtMoney(b.interest_per_day_cents) })]);
    rows.push(['boleto.void', fmtDate(b.void_date)]);
    return { title: 'boleto.title', text: 'boleto.instructions', rows: rows };
  }
  if (t) return { title: 'bank.title', text: 'bank.instructions', rows: [
    ['bank.bank', t.bank_name + ' (' + t.bank_code + ')'], ['bank.agency', t.agency],
    ['bank.account', t.account + '-' + t.account_digit, t.account + t.account_digit],
    ['bank.type', msg('account.' + t.account_type)], ['bank.beneficiary', t.beneficiary],
    ['bank.document', t.document], ['bank.reference', t.reference, t.reference]] };
  if (s) return { title: 'spei.title', text: 'spei.instructions', rows: [
    ['spei.clabe', s.clabe_formatted, s.clabe], ['bank.bank', s.bank_name], ['bank.beneficiary', s.beneficiary],
    ['bank.reference', s.reference, s.reference]] };
  return { title: 'voucher.title', text: v.kind === 'redirect' ? 'voucher.redirect_instructions' : 'voucher.instructions', rows: [
    ['voucher.reference', v.reference, v.reference],
    ['voucher.expires', new Date(v.expires_at).toLocaleString(data.locale, { dateStyle: 'short', timeStyle: 'short' })]] };
}
function showAsync(p) {
  show(form, false);
  show($('pix-panel'), false);
  show($('async-panel'), true);
  var spec = asyncRows(p), dl = $('async-details');
  $('async-title').textContent = msg(spec.title);
  $('async-instructions').textContent = msg(spec.text);
  dl.textContent = '';
  spec.rows.forEach(function (r) {
    var dt = document.createElement('dt'), dd = document.createElement('dd');
    dt.textContent = r[0] === 'boleto.void' ? msg(r[0], { date: '' }).replace(/\s*$/, '') : msg(r[0]);
    dd.textContent = r[1];
    if (r[2]) {
      var copy = document.createElement('button');
      copy.type = 'button';
      copy.className = 'copy';
      copy.textContent = msg('copy');
      copy.setAttribute('data-copy', r[2]);
      copy.setAttribute('aria-label', msg('copy') + ': ' + msg(r[0]));
      dd.appendChild(copy);
    }
    dl.appendChild(dt);
    dl.appendChild(dd);
  });
  var barcode = $('async-barcode'), print = $('async-print');
  show(barcode, !!p.boleto);
  show(print, !!p.boleto);
  if (p.boleto) { barcode.src = p.boleto.barcode_svg_url; print.href = p.boleto.print_url; }
  if (!pixShown) { pixShown = true; $('async-title').setAttribute('tabindex', '-1'); $('async-title').focus(); }
}
function render(st) {
  if (finished) return;
  var p = st.payment;
  if (st.status === 'paid' || st.status === 'expired' || st.status === 'canceled') return finish(st.status, st.redirect_url);
  if (st.status === 'pending' && p && p.status === 'pending' && p.method !== 'card') {
    if (p.pix) showPix(p); else showAsync(p);
    show($('simulate'), true);
    startPolling();
    return;
  }
  stopPolling();
  pixShown = false;
  show($('pix-panel'), false);
  show($('async-panel'), false);
  show($('simulate'), false);
  show(form, true);
  if (!busy) enable();
  if (p && p.status !== 'paid' && p.status !== 'pending' && p.failure_message && shownFailure !== p.id) {
    shownFailure = p.id;
    say(p.failure_message);
  }
}
function poll() {
  return api('/status').then(function (r) { if (r.status === 200) render(r.body); }, function () {});
}
function startPolling() { if (!pollTimer) pollTimer = setInterval(poll, 2000); }
function stopPolling() { if (pollTimer) { clearInterval(pollTimer); pollTimer = null; } }

form.addEventListener('submit', function (e) {
  e.preventDefault();
  if (busy || finished) return;
  say('');
  if (!validate()) return;
  var body = { method: selectedMethod(), customer: { name: $('name').value.trim(), email: $('email').value.trim() } };
  if ($('document')) body.customer.document = $('document').value;
  if (body.method === 'card') {
    body.card = {
      number: $('card-number').value, holder_name: $('holder-name').value.trim(),
      exp_month: parseInt($('exp-month').value, 10), exp_year: parseInt($('exp-year').value, 10), cvc: $('cvc').value.trim()
    };
    body.installments = parseInt($('installments').value, 10);
  }
  busy = true;
  button.disabled = true;
  button.textContent = msg('page.processing');
  api('/payments', body).then(function (r) {
    busy = false;
    if (body.method === 'card') $('cvc').value = '';
    if (r.status === 201) {
      var p = r.body.payment;
      if (p.status === 'denied') { shownFailure = p.id; say(p.failure_message); enable(); $('card-number').focus(); }
      else render({ status: r.body.status, payment: p, redirect_url: r.body.redirect_url });
    } else {
      handleProblem(r.body);
      enable();
    }
  }, function () { say(msg('page.network_error')); enable(); });
});
form.addEventListener('change', function (e) { if (e.target.name === 'method') syncMethod(); });
if ($('document')) $('document').addEventListener('input', function () {
  var n = digitsOf(this.value).length;
  fieldError('document', n >= 11 && !documentOk(this.value) && n !== 12 && n !== 13 ? msg('error.invalid_document') : '');
});
$('pix-copy').addEventListener('click', function () {
  var code = $('pix-code'), btn = this;
  function done() { btn.textContent = msg('pix.copied'); setTimeout(function () { btn.textContent = msg('pix.copy'); }, 2000); }
  if (navigator.clipboard) navigator.clipboard.writeText(code.value).then(done, function () { code.select(); });
  else { code.select(); document.execCommand('copy'); done(); }
});
$('async-details').addEventListener('click', function (e) {
  var btn = e.target.closest && e.target.closest('button.copy');
  if (!btn) return;
  var value = btn.getAttribute('data-copy');
  function done() { btn.textContent = msg('pix.copied'); setTimeout(function () { btn.textContent = msg('copy'); }, 2000); }
  if (navigator.clipboard) navigator.clipboard.writeText(value).then(done, function () {}); else done();
});
if ($('simulate')) $('simulate').addEventListener('click', function () { api('/simulate', { outcome: 'paid' }).then(poll); });
if ($('cancel')) $('cancel').addEventListener('click', function () {
  api('/cancel', {}).then(function (r) { if (r.status === 200) finish('canceled', r.body.redirect_url); else handleProblem(r.body); });
});

var end = Date.parse(data.expires_at);
function tick() {
  var left = Math.max(0, Math.floor((end - Date.now()) / 1000));
  var h = Math.floor(left / 3600), m = Math.floor((left % 3600) / 60), s = left % 60;
  $('countdown').textContent = (h ? h + ':' : '') + (m < 10 && h ? '0' : '') + m + ':' + (s < 10 ? '0' : '') + s;
  if (left === 0 && !finished) { clearInterval(clock); poll(); }
}
var clock = setInterval(tick, 1000);
tick();
syncMethod();
button.disabled = true;
poll();
})();`;
