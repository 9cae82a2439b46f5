// Printing one element of a host page alone: for the print only, everything else on the page
// is left out and the element's ancestors lay it out as a plain page. Constructed sheets
// (which a `style-src 'self'` policy allows) are adopted by the document and by every shadow
// root on the way up, and the ancestors are marked; all of it is removed when printing ends,
// when the browser ignores the print (a sandboxed frame sends no print events), or before the
// next print.

/** The rules for one tree: its other elements left out, the element and its ancestors plain blocks. */
const rules = (scope) => `@media print {
  ${scope}*:not([data-ip-print-path]):not([data-ip-printing]) { display: none !important; }
  [data-ip-print-path], [data-ip-printing] {
    display: block !important; position: static !important; margin: 0 !important; padding: 0 !important; border: 0 !important;
    width: auto !important; max-width: none !important; height: auto !important; max-height: none !important; overflow: visible !important;
    box-shadow: none !important; background: none !important;
  }
}`;

/** The clean-up of the print under way, if any. */
let pending = null;

/** The element's parent, or the host of the shadow root it is in (null at the top). */
const up = (e) => e.parentElement ?? e.getRootNode().host ?? null;

/**
 * Prints `el` alone (the page's print dialog), whatever page and shadow roots it sits in.
 * @param {HTMLElement} el the element to print
 */
export function printAlone(el) {
  pending?.();
  const ancestors = [];
  for (let e = up(el); e && e !== document.body && e !== document.documentElement; e = up(e)) ancestors.push(e);
  const sheets = new Map([el, ...ancestors].map((e) => e.getRootNode()).map((root) => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(rules(root === document ? 'body ' : ''));
    return [root, sheet];
  }));
  for (const [root, sheet] of sheets) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  for (const e of ancestors) e.setAttribute('data-ip-print-path', '');
  el.setAttribute('data-ip-printing', '');

  let started = false;
  const media = matchMedia('print');
  const begin = () => (started = true);
  const ended = (e) => !e.matches && started && done();
  const done = () => {
    if (pending !== done) return;
    pending = null;
    for (const [root, sheet] of sheets) root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s !== sheet);
    for (const e of ancestors) e.removeAttribute('data-ip-print-path');
    el.removeAttribute('data-ip-printing');
    window.removeEventListener('beforeprint', begin);
    window.removeEventListener('afterprint', done);
    media.removeEventListener('change', ended);
  };
  pending = done;
  window.addEventListener('beforeprint', begin);
  window.addEventListener('afterprint', done);
  media.addEventListener('change', ended);
  window.print();
  // A print the browser ignored started nothing: nothing to wait for.
  if (!started) done();
}
