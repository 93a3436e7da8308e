/**
 * The page's whole stylesheet, inlined with the CSP nonce. Colours meet WCAG AA contrast on white;
 * `--brand` is the merchant's colour when it set one (checked for contrast before it gets here).
 */
export const CHECKOUT_CSS = `*{box-sizing:border-box}
:root{--brand:#0a5c36}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1b1f;background:#f4f5f7}
main{max-width:30rem;margin:0 auto;padding:1rem;background:#fff;min-height:100vh}
@media(min-width:34rem){main{margin:1.5rem auto 2rem;min-height:0;border-radius:12px;box-shadow:0 1px 4px #0002;padding:1.5rem}}
.bar{text-align:center}.bar:empty{display:none}
.test{background:#fff3cd;color:#5c4400;margin:0;padding:.5rem;font-weight:600;border-bottom:1px solid #e0c872}
.logo{display:block;max-height:48px;max-width:12rem;margin:0 0 .5rem}
.merchant{font-size:1.1rem;font-weight:600;margin:0}.desc{margin:.25rem 0;color:#44474e}
.amount{font-size:2rem;font-weight:700;margin:.25rem 0}
.charge{margin:0;color:#1b1b1f;font-weight:500}.charge:empty{display:none}
.countdown{margin:.25rem 0 1rem;color:#44474e}
fieldset{border:0;padding:0;margin:0 0 1rem;min-width:0}legend{font-weight:600;margin-bottom:.5rem;padding:0}
label{display:block;margin:.5rem 0 .25rem;font-weight:500}
input,select,textarea{width:100%;font:inherit;padding:.6rem .7rem;border:1px solid #74777f;border-radius:8px;background:#fff;color:inherit}
[aria-invalid=true]{border-color:#b3261e;box-shadow:0 0 0 1px #b3261e}
.method,.plan{display:flex;flex-wrap:wrap;align-items:center;gap:.25rem .6rem;border:1px solid #c4c6cf;border-radius:8px;padding:.6rem .7rem;margin:.4rem 0;font-weight:500;cursor:pointer}
.method input,.plan input{width:auto;margin:0}
.method .price{margin-left:auto;text-align:right;color:#1b1b1f}
.adj{display:block;color:#0a5c36;font-weight:600}
.method:has(input:checked),.plan:has(input:checked){border-color:var(--brand);box-shadow:0 0 0 1px var(--brand)}
.plan .note{flex-basis:100%;padding-left:1.6rem;color:#44474e;font-weight:400;font-size:.9rem}
.mark{flex:none;vertical-align:middle}
.brands{display:flex;flex-wrap:wrap;gap:.3rem;margin:0 0 .25rem}.brands.known svg:not(.on){opacity:.25}
.row{display:flex;flex-wrap:wrap;gap:0 .75rem}.row>div{flex:1 1 6rem}
.err{color:#b3261e;font-size:.9rem;margin:.25rem 0 0}
button{font:inherit;font-weight:600;border:0;border-radius:8px;padding:.8rem 1rem;cursor:pointer}
.primary{width:100%;background:var(--brand);color:#fff;font-size:1.05rem;margin-top:.5rem}
.primary:disabled{background:#74777f;cursor:progress}
.secondary{background:#e3e7ee;color:#1b1b1f;margin:.5rem .5rem 0 0}
.link{background:none;color:#1a4fa3;text-decoration:underline;padding:.5rem 0;margin-top:1rem}
a{color:#1a4fa3}
:focus-visible{outline:3px solid #1a73e8;outline-offset:2px}
.notice{padding:.75rem;border-radius:8px;margin:0 0 1rem;background:#fde7e9;color:#8c1d18}
h2{font-size:1.25rem;margin:.5rem 0}
.pix img{display:block;width:220px;height:220px;margin:.5rem auto;image-rendering:pixelated}
.pix textarea{font-family:ui-monospace,monospace;font-size:.8rem;word-break:break-all}
.async dl{display:grid;grid-template-columns:minmax(6rem,auto) 1fr;gap:.35rem .75rem;margin:1rem 0}.async dt{color:#44474e}
.async dd{margin:0;font-weight:600;overflow-wrap:break-word;min-width:0}.async img{display:block;width:100%;height:64px;margin:.5rem 0}
.nw{white-space:nowrap}
.copy{margin-left:.5rem;padding:.2rem .5rem;font-size:.85rem;background:#e3e7ee;color:#1b1b1f}
.vh{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.result{text-align:center;padding:2rem 0}
[hidden]{display:none!important}`;
