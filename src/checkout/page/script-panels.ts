/**
 * What an issued asynchronous payment shows: the Pix code and QR, or the rows of a boleto, bank
 * transfer, SPEI or voucher, each with its amount and the values to copy. Long values are split into
 * the groups they are written in (the boleto line as Febraban writes it, the CLABE in its blocks), and
 * a group never breaks across lines. Runs inside the IIFE of script.ts.
 */
export const PANELS_JS = `
function copyButton(value, labelKey) {
  var btn = document.createElement('button'), text = document.createElement('span'), extra = document.createElement('span');
  btn.type = 'button';
  btn.className = 'copy';
  btn.setAttribute('data-copy', value);
  text.className = 'copy-text';
  text.textContent = msg('copy');
  // The visible word starts the accessible name, so voice control users can say what they see.
  extra.className = 'vh';
  extra.textContent = ' ' + msg(labelKey);
  btn.appendChild(text);
  btn.appendChild(extra);
  return btn;
}
function copied(btn, restoreKey) {
  var text = btn.querySelector('.copy-text');
  text.textContent = msg('pix.copied');
  setTimeout(function () { text.textContent = msg(restoreKey); }, 2000);
}
function groups(text) {
  var frag = document.createDocumentFragment();
  String(text).split(' ').forEach(function (g, i) {
    if (i) frag.appendChild(document.createTextNode(' '));
    var span = document.createElement('span');
    span.className = 'nw';
    span.textContent = g;
    frag.appendChild(span);
  });
  return frag;
}
function showPix(p) {
  show($('async-panel'), false);
  show($('pix-panel'), true);
  $('pix-qr').src = p.pix.qr_svg_url;
  $('pix-code').value = p.pix.qr_code;
  $('pix-expires').textContent = msg('pix.expires', { time: fmtTime(p.pix.expires_at) }) + ' · ' + p.amount_formatted;
}
function asyncSpec(p) {
  var b = p.boleto, t = p.bank_transfer, s = p.spei, v = p.voucher;
  if (b) {
    var rows = [['boleto.amount', p.amount_formatted], ['boleto.line', b.line_formatted, b.line], ['boleto.due', fmtDate(b.due_date)]];
    if (b.fine_formatted) rows.push(['boleto.fine', b.fine_formatted]);
    if (b.interest_per_day_formatted) rows.push(['boleto.interest', b.interest_monthly_percent !== null
      ? msg('boleto.per_month', { rate: b.interest_monthly_percent.toLocaleString(data.locale) })
      : msg('boleto.per_day', { amount: b.interest_per_day_formatted })]);
    return { title: 'boleto.title', text: 'boleto.instructions', rows: rows, after: msg('boleto.void', { date: fmtDate(b.void_date) }) };
  }
  if (t) return { title: 'bank.title', text: 'bank.instructions', rows: [
    ['bank.amount', p.amount_formatted],
    ['bank.bank', t.bank_name + ' (' + t.bank_code + ')'], ['bank.agency', t.agency],
    ['bank.account', t.account + '-' + t.account_digit, t.account + t.account_digit],
    ['bank.type', msg('account.' + t.account_type)], ['bank.beneficiary', t.beneficiary],
    [data.tax_id || 'bank.document', t.document], ['bank.reference', t.reference, t.reference]] };
  if (s) return { title: 'spei.title', text: 'spei.instructions', rows: [
    ['bank.amount', p.amount_formatted],
    ['spei.clabe', s.clabe_formatted, s.clabe], ['bank.bank', s.bank_name], ['bank.beneficiary', s.beneficiary],
    ['bank.reference', s.reference, s.reference]] };
  return { title: 'voucher.title', text: v.kind === 'redirect' ? 'voucher.redirect_instructions' : 'voucher.instructions', rows: [
    ['boleto.amount', p.amount_formatted], ['voucher.reference', v.reference, v.reference]],
    after: msg('voucher.expires', { time: fmtDateTime(v.expires_at) }) };
}
function showAsync(p) {
  show($('pix-panel'), false);
  show($('async-panel'), true);
  var spec = asyncSpec(p), dl = $('async-details');
  $('async-title').textContent = msg(spec.title);
  $('async-instructions').textContent = msg(spec.text);
  dl.textContent = '';
  spec.rows.forEach(function (r) {
    var dt = document.createElement('dt'), dd = document.createElement('dd');
    dt.textContent = M[r[0]] ? msg(r[0]) : r[0];
    dd.appendChild(groups(r[1]));
    if (r[2]) dd.appendChild(copyButton(r[2], r[0]));
    dl.appendChild(dt);
    dl.appendChild(dd);
  });
  $('async-after').textContent = spec.after || '';
  var barcode = $('async-barcode'), print = $('async-print');
  show(barcode, !!p.boleto);
  show(print, !!p.boleto);
  if (p.boleto) { barcode.src = p.boleto.barcode_svg_url; print.href = p.boleto.print_url; }
}
document.addEventListener('click', function (e) {
  var btn = e.target.closest && e.target.closest('button.copy, #pix-copy');
  if (!btn) return;
  var pix = btn.id === 'pix-copy', value = pix ? $('pix-code').value : btn.getAttribute('data-copy');
  var restore = pix ? 'pix.copy' : 'copy';
  if (navigator.clipboard) navigator.clipboard.writeText(value).then(function () { copied(btn, restore); }, function () { if (pix) $('pix-code').select(); });
  else if (pix) { $('pix-code').select(); document.execCommand('copy'); copied(btn, restore); }
});
`;
