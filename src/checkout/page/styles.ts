/** The page's whole stylesheet, inlined with the CSP nonce. Colours meet WCAG AA contrast on white. */
export const CHECKOUT_CSS = `*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1b1f;background:#f4f5f7}
main{max-width:30rem;margin:0 auto;padding:1rem;background:#fff;min-height:100vh}
@media(min-width:34rem){main{margin:2rem auto;min-height:0;border-radius:12px;box-shadow:0 1px 4px #0002;padding:1.5rem}}
.test{background:#fff3cd;color:#5c4400;text-align:center;padding:.5rem;font-weight:600;border-bottom:1px solid #e0c872}
.merchant{font-weight:600;margin:0}.desc{margin:.25rem 0;color:#44474e}
.amount{font-size:2rem;font-weight:700;margin:.5rem 0}
.countdown{margin:0 0 1rem;color:#44474e}
fieldset{border:0;padding:0;margin:0 0 1rem}legend{font-weight:600;margin-bottom:.5rem;padding:0}
label{display:block;margin:.5rem 0 .25rem;font-weight:500}
input,select,textarea{width:100%;font:inherit;padding:.6rem .7rem;border:1px solid #74777f;border-radius:8px;background:#fff;color:inherit}
input[aria-invalid=true]{border-color:#b3261e;box-shadow:0 0 0 1px #b3261e}
.method{display:flex;align-items:center;gap:.6rem;border:1px solid #c4c6cf;border-radius:8px;padding:.7rem;margin:.4rem 0;font-weight:500;cursor:pointer}
.method input{width:auto;margin:0}.method span{margin-left:auto;color:#44474e}
.method:has(input:checked){border-color:#0a5c36;box-shadow:0 0 0 1px #0a5c36}
.row{display:flex;gap:.75rem}.row>div{flex:1}
.err{color:#b3261e;font-size:.9rem;margin:.25rem 0 0;min-height:0}
button{font:inherit;font-weight:600;border:0;border-radius:8px;padding:.8rem 1rem;cursor:pointer}
.primary{width:100%;background:#0a5c36;color:#fff;font-size:1.05rem;margin-top:.5rem}
.primary:disabled{background:#74777f;cursor:progress}
.secondary{background:#e3e7ee;color:#1b1b1f;margin-top:.5rem}
.link{background:none;color:#1a4fa3;text-decoration:underline;padding:.5rem 0;margin-top:1rem}
:focus-visible{outline:3px solid #1a73e8;outline-offset:2px}
.notice{padding:.75rem;border-radius:8px;margin:0 0 1rem;background:#fde7e9;color:#8c1d18}
.pix img{display:block;width:220px;height:220px;margin:.5rem auto;image-rendering:pixelated}
.pix textarea{font-family:ui-monospace,monospace;font-size:.8rem;word-break:break-all}
.async dl{display:grid;grid-template-columns:auto 1fr;gap:.35rem .75rem;margin:1rem 0}.async dt{color:#44474e}
.async dd{margin:0;font-weight:600;word-break:break-all}.async img{display:block;width:100%;height:64px;margin:.5rem 0}
.copy{margin-left:.5rem;padding:.2rem .5rem;font-size:.85rem;background:#e3e7ee;color:#1b1b1f}
.result{text-align:center;padding:2rem 0}.result h1{font-size:1.4rem}
[hidden]{display:none!important}`;
