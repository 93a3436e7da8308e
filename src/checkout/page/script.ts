import { LIVE_JS } from './script-live';
import { PANELS_JS } from './script-panels';

/**
 * The page's only script, inlined with the CSP nonce. Plain JavaScript, no framework: it reads the
 * JSON data block, shows what each choice charges (every amount comes formatted from the server's
 * pricing, the script does no money arithmetic), validates as the customer types, formats the card
 * number and shows its brand, posts the payment to the client API and shows what was issued; the
 * live half (script-live.ts) follows the status the session's object pushes.
 * The server validates everything again; nothing here is trusted.
 *
 * This is the readable source: the page ships script.min.ts, which `npm run page-script` writes from
 * it (minified by esbuild). Run it after editing this file, script-live.ts or script-panels.ts.
 */
const FORM_JS = String.raw`
function selectedMethod() {
  var r = form.querySelector('input[name=method]:checked');
  return r ? r.value : null;
}
function methodInfo(m) {
  for (var i = 0; i < data.methods.length; i++) if (data.methods[i].method === m) return data.methods[i];
  return null;
}
function selectedCount() {
  var r = form.querySelector('input[name=installments]:checked');
  return r ? parseInt(r.value, 10) : 1;
}
function charge(info) {
  if (info.method !== 'card') return info.amount_formatted;
  var n = selectedCount();
  for (var i = 0; i < info.plans.length; i++) if (info.plans[i].count === n) return info.plans[i].total_formatted;
  return info.amount_formatted;
}
function documentNeeded(m) { return !!data.document && (data.document.methods === 'all' || m !== 'card'); }
function syncMethod() {
  var m = selectedMethod(), info = methodInfo(m);
  show($('card-fields'), m === 'card');
  show($('document-field'), documentNeeded(m));
  if (!info) return;
  var amount = charge(info);
  $('charge-line').textContent = info.label + (info.adjustment_label ? ' · ' + info.adjustment_label : '') + ': ' + amount;
  if (!S.busy) button.textContent = msg('pay', { amount: amount });
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
  if (data.document.kind !== 'cpf_cnpj') return /^[0-9A-Z]{5,20}$/.test(d);
  return d.length === 11 ? cpfOk(d) : d.length === 14 ? cnpjOk(d) : false;
}

function brandOf(digits) {
  for (var i = 0; i < data.brands.length; i++) {
    var ranges = data.brands[i][1];
    for (var j = 0; j < ranges.length; j++) {
      var lh = ranges[j].split('-'), low = lh[0], high = lh[1] || low, pre = digits.slice(0, low.length);
      if (pre.length === low.length && pre >= low && pre <= high) {
        var b = data.brands[i][0];
        // Hiper's BINs settle as Hipercard, but the customer knows the card by its own name.
        return b === 'hipercard' && /^637/.test(digits) ? 'hiper' : b;
      }
    }
  }
  return null;
}
function groupCard(d, brand) {
  var sizes = brand === 'amex' ? [4, 6, 5] : [4, 4, 4, 4, 3], out = [], at = 0;
  for (var i = 0; i < sizes.length && at < d.length; i++) { out.push(d.slice(at, at + sizes[i])); at += sizes[i]; }
  return out.join(' ');
}
function onCardInput() {
  var el = $('card-number'), caret = el.selectionStart || 0;
  var before = el.value.slice(0, caret).replace(/\D/g, '').length;
  var d = el.value.replace(/\D/g, '').slice(0, 19), brand = brandOf(d);
  el.value = groupCard(d, brand);
  var pos = 0, seen = 0;
  while (pos < el.value.length && seen < before) { if (/\d/.test(el.value[pos])) seen++; pos++; }
  if (document.activeElement === el) el.setSelectionRange(pos, pos);
  var marks = $('card-brands');
  marks.className = 'brands' + (brand ? ' known' : '');
  var svgs = marks.querySelectorAll('svg');
  for (var i = 0; i < svgs.length; i++) svgs[i].classList.toggle('on', svgs[i].classList.contains('brand-' + brand));
}

function fieldError(id, text) {
  var input = $(id), err = $(id + '-err');
  if (!input) return;
  input.setAttribute('aria-invalid', text ? 'true' : 'false');
  if (err) err.textContent = text || '';
}
function validate() {
  var first = null, m = selectedMethod();
  function check(id, bad, key) {
    fieldError(id, bad ? msg(key) : '');
    if (bad && !first) first = $(id);
  }
  check('name', $('name').value.trim().length < 2, 'error.required');
  check('email', !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test($('email').value.trim()), 'error.invalid_email');
  if ($('phone')) check('phone', !/^\+?[0-9 ().-]{8,24}$/.test($('phone').value.trim()), 'error.required');
  if (documentNeeded(m)) check('document', !documentOk($('document').value), data.document.kind === 'cpf_cnpj' ? 'error.invalid_document' : 'error.required');
  if (m === 'card') {
    check('card-number', digitsOf($('card-number').value).length < 12, 'decline.invalid_number');
    check('holder-name', $('holder-name').value.trim().length < 2, 'decline.invalid_holder_name');
    check('exp-month', !$('exp-month').value, 'error.choose');
    check('exp-year', !$('exp-year').value, 'error.choose');
    check('cvc', !/^\d{3,4}$/.test($('cvc').value.trim()), 'decline.invalid_cvc');
  }
  if (first) first.focus();
  return !first;
}

var FIELD_IDS = {
  'customer.name': 'name', 'customer.email': 'email', 'customer.document': 'document', 'customer.phone': 'phone',
  'card.number': 'card-number', 'card.holder_name': 'holder-name', 'card.cvc': 'cvc',
  'card.exp_month': 'exp-month', 'card.exp_year': 'exp-year'
};
var DECLINE_FIELD = { incorrect_cvc: 'cvc', invalid_cvc: 'cvc', expired_card: 'exp-month', invalid_expiry: 'exp-month' };
function showFailure(p) {
  if (p.method === 'card') {
    // Next to the card, announced, and focused; the CVC is kept so a retry is one click.
    var id = DECLINE_FIELD[p.failure_code] || 'card-number';
    fieldError(id, p.failure_message);
    $(id).focus();
  } else {
    say(p.failure_message);
  }
}
function handleProblem(p) {
  var first = null;
  (p.errors || []).forEach(function (e) {
    var key = M['decline.' + e.code] ? 'decline.' + e.code : M['error.' + e.code] ? 'error.' + e.code : 'decline.generic';
    var id = FIELD_IDS[e.field];
    if (id && $(id)) { fieldError(id, msg(key)); first = first || $(id); }
  });
  if (first) first.focus();
  say(M['decline.' + p.code] || (p.errors ? '' : M['decline.generic']));
  if (/^session_/.test(p.code || '')) poll();
}
function enable() {
  S.busy = false;
  button.disabled = false;
  syncMethod();
}

form.addEventListener('submit', function (e) {
  e.preventDefault();
  if (S.busy || S.finished) return;
  say('');
  if (!validate()) return;
  var m = selectedMethod();
  var body = { method: m, customer: { name: $('name').value.trim(), email: $('email').value.trim() } };
  if (documentNeeded(m)) body.customer.document = $('document').value;
  if ($('phone')) body.customer.phone = $('phone').value.trim();
  if (m === 'card') {
    body.card = {
      number: $('card-number').value, holder_name: $('holder-name').value.trim(),
      exp_month: parseInt($('exp-month').value, 10), exp_year: parseInt($('exp-year').value, 10), cvc: $('cvc').value.trim()
    };
    body.installments = selectedCount();
  }
  S.busy = true;
  button.disabled = true;
  button.textContent = msg('page.processing');
  // The socket may show the new payment before this answer comes, and the customer may switch away
  // from it in between: that choice stands. Otherwise the answer's payment is shown.
  var switchedBefore = S.switched;
  api('/payments', body).then(function (r) {
    S.busy = false;
    if (r.status === 201) {
      var p = r.body.payment;
      if (S.switched === switchedBefore) S.switched = null;
      if (p.status === 'denied') { S.shownFailure = p.id; enable(); showFailure(p); }
      else render({ status: r.body.status, payment: p, redirect_url: r.body.redirect_url });
    } else {
      enable();
      handleProblem(r.body);
    }
  }, function () { say(msg('page.network_error')); enable(); });
});
form.addEventListener('change', function (e) {
  if (e.target.name === 'method' || e.target.name === 'installments') syncMethod();
});
if ($('card-number')) $('card-number').addEventListener('input', onCardInput);
form.addEventListener('input', function (e) {
  // A field being corrected is no longer wrong; the document has its own live check.
  var el = e.target;
  if (el.id !== 'document' && el.getAttribute('aria-invalid') === 'true') fieldError(el.id, '');
});
if ($('document')) $('document').addEventListener('input', function () {
  var n = digitsOf(this.value).length;
  var cpf = data.document.kind === 'cpf_cnpj';
  fieldError('document', cpf && n >= 11 && !documentOk(this.value) && n !== 12 && n !== 13 ? msg('error.invalid_document') : '');
});
$('switch').addEventListener('click', function () {
  S.switched = S.issued ? S.issued.id : null;
  showForm();
  var r = form.querySelector('input[name=method]:checked');
  if (r) r.focus();
});
if ($('simulate')) $('simulate').addEventListener('click', function () { api('/simulate', { outcome: 'paid' }); });
if ($('cancel')) $('cancel').addEventListener('click', function () {
  api('/cancel', {}).then(function (r) { if (r.status === 200) finish('canceled', r.body.redirect_url, null); else handleProblem(r.body); });
});
`;

const CORE_JS = `
'use strict';
var data = JSON.parse(document.getElementById('borda-data').textContent);
var M = data.messages;
var base = '/c/v1/sessions/' + encodeURIComponent(data.token);
function $(id) { return document.getElementById(id); }
var form = $('pay-form'), button = $('pay-button'), notice = $('notice');
var S = { finished: false, busy: false, shownFailure: null, focused: null, switched: null, issued: null };
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
`;

export const CHECKOUT_JS = `(function () {${CORE_JS}${FORM_JS}${PANELS_JS}${LIVE_JS}
syncMethod();
button.disabled = true;
connect();
})();`;
