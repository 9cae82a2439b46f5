// The playground's look. Everything is scoped to the element's shadow root, and the
// element's own typography is set on its inner `.root`, so neither the host page's rules
// nor its inherited text styles (font, letter-spacing, text-transform…) reach inside. The
// host themes it only through the documented CSS custom properties below, set on the
// element or on any ancestor (`:root` too); each falls back to the default shown.
import { css } from 'lit';

/** The element's shadow-root styles (Lit `css`). */
export const styles = css`
  :host {
    --_accent: var(--ip-accent, #1f5eff);
    --_accent-soft: var(--ip-accent-soft, #e8efff);
    --_bg: var(--ip-bg, #f5f7fb);
    --_panel: var(--ip-panel, #ffffff);
    --_text: var(--ip-text, #1b2430);
    --_muted: var(--ip-muted, #5d687c);
    --_border: var(--ip-border, #e3e8ef);
    --_error: var(--ip-error, #c0262d);
    --_error-soft: var(--ip-error-soft, #fdecec);
    --_warn-soft: var(--ip-warn-soft, #fff6e0);
    --_error-border: var(--ip-error-border, #f3c2c4);
    --_warn: var(--ip-warn, #8a5300);
    --_warn-border: var(--ip-warn-border, #f1d48a);
    --_ok: var(--ip-ok, #17803d);
    --_ok-soft: var(--ip-ok-soft, #eefaf2);
    --_on-accent: var(--ip-on-accent, #ffffff);
    /* Tints of the panel towards the text: table heads, totals, badges. They follow a dark
       panel and light text as they follow the defaults. */
    --_subtle: color-mix(in srgb, var(--_text) 3%, var(--_panel));
    --_subtle-2: color-mix(in srgb, var(--_text) 6%, var(--_panel));
    --_radius: var(--ip-radius, 10px);
    --_font: var(--ip-font, system-ui, -apple-system, 'Segoe UI', 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif);
    --_font-size: var(--ip-font-size, 14px);
    display: block;
    background: var(--_bg);
  }
  :host([hidden]) { display: none; }
  /* Inherited text properties start from their initial values here, whatever the host sets. */
  .root {
    all: initial;
    display: block;
    font-family: var(--_font);
    font-size: var(--_font-size);
    line-height: 1.4;
    color: var(--_text);
    /* The layout answers to the element's own width, not the window's: a portal may give it
       less room than the window has. */
    container: playground / inline-size;
  }
  * { box-sizing: border-box; }
  /* Read by screen readers, not shown (a column heading whose cells say what they are). */
  .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
  h1 { font-size: 20px; margin: 0; letter-spacing: -0.01em; }
  h2 { font-size: 15px; margin: 0 0 12px; }
  .bar {
    display: flex; justify-content: space-between; align-items: center; gap: 16px; flex-wrap: wrap;
    padding: 14px 24px; background: var(--_panel); border-bottom: 1px solid var(--_border);
  }
  .brand p { margin: 2px 0 0; color: var(--_muted); font-size: 13px; }
  .controls { display: flex; gap: 16px; align-items: center; }
  .controls label { display: flex; gap: 8px; align-items: center; color: var(--_muted); }
  select, input, button { font: inherit; color: inherit; }
  /* Fields on the panel's colour, not the browser's white (a dark theme's text would vanish). */
  :where(input, textarea) { background-color: var(--_panel); }
  select { padding: 5px 8px; border: 1px solid var(--_border); border-radius: 6px; background: var(--_panel); }
  .lang { display: inline-flex; border: 1px solid var(--_border); border-radius: 6px; overflow: hidden; }
  .lang button { border: 0; background: var(--_panel); padding: 5px 12px; cursor: pointer; }
  .lang button[aria-pressed='true'] { background: var(--_accent); color: var(--_on-accent); }
  .layout { display: grid; grid-template-columns: minmax(380px, 440px) minmax(0, 1fr); gap: 16px; padding: 16px 24px 32px; align-items: start; }
  /* Below this width the results table and the editor side by side would cut the table. */
  @container playground (max-width: 1180px) { .layout { grid-template-columns: 1fr; } }
  /* One column (a phone, a narrow portal): the plan editor comes after the results, the
     table and the charts; a link at the top of each jumps to the other. */
  .jump { display: none; }
  @container playground (max-width: 1180px) { .jump { display: block; min-height: 28px; margin: 0 16px 8px auto; } .panel.editor > .jump { margin: 0 0 8px auto; } }
  /* The results and the backdrop of an open statement share the second column's cell (the
     backdrop over the results): both placed there, or the backdrop would push the results down. */
  .panel.results { position: sticky; top: 8px; max-height: calc(100vh - 16px); overflow: auto; grid-column: 2; grid-row: 1; }
  /* The results panel scrolls on its own: the table's head stays in view in a frame of its own
     height (a frame that scrolls sideways would otherwise hold it), and the What-if bar covers
     the panel's padding as it sticks. */
  .panel.results .table-wrap { max-height: calc(100vh - 56px); }
  .panel.results .lever-effect { top: -16px; }
  @container playground (max-width: 1180px) { .panel.results { position: static; max-height: none; order: -1; grid-column: auto; grid-row: auto; } .panel.results .table-wrap { max-height: none; } .panel.results .lever-effect { top: 0; } }
  .detail-buttons .secondary { white-space: nowrap; }
  .panel { background: var(--_panel); border: 1px solid var(--_border); border-radius: var(--_radius); padding: 16px; min-width: 0; }
  /* min-width 0: a fieldset is otherwise as wide as its widest content (a select's longest
     option), and spilled out of the editor column. */
  .block { border: 1px solid var(--_border); border-radius: 8px; margin: 0 0 14px; padding: 10px 12px 12px; min-width: 0; }
  legend { font-weight: 600; padding: 0 6px; }
  .grid { width: 100%; border-collapse: collapse; margin-bottom: 8px; }
  .grid th, .grid td { text-align: left; padding: 4px 4px; vertical-align: top; font-weight: normal; }
  .grid.kpis { table-layout: fixed; }
  .grid .c-target { width: 140px; }
  .grid .c-num { width: 58px; }
  .grid.explain th:first-child { width: 34%; }
  .grid thead th { color: var(--_muted); font-size: 12px; }
  .grid tbody th { font-weight: 500; }
  .cell-input { width: 100%; min-width: 0; padding: 5px 7px; border: 1px solid var(--_border); border-radius: 6px; background: var(--_panel); color: var(--_text); }
  /* A default shown in an empty field is lighter and in italics: not to be taken for a value typed. */
  .cell-input::placeholder { color: var(--_muted); font-style: italic; opacity: 0.85; }
  .cell-input.narrow { width: 76px; text-align: right; }
  .cell-input:focus, select:focus, button:focus-visible { outline: 2px solid var(--_accent); outline-offset: 1px; }
  .cell-input[aria-invalid='true'] { border-color: var(--_error); background: var(--_error-soft); }
  .field-error { color: var(--_error); font-size: 12px; margin-top: 3px; }
  /* What the form did not take, or still needs: an emptied name kept, tier bounds to enter again. */
  .field-warn { color: var(--_warn); font-size: 12px; margin-top: 3px; }
  td.reenter { white-space: nowrap; }
  td.reenter .cell-input { border-color: var(--_warn-border); background: var(--_warn-soft); }
  .reenter-mark { color: var(--_warn); margin-left: 4px; cursor: help; }
  .hint { color: var(--_muted); font-size: 12px; font-weight: normal; }
  .sum { font-weight: 600; text-align: right; padding-right: 10px !important; }
  .sum.ok { color: var(--_ok); }
  .sum.bad { color: var(--_error); }
  .row { display: flex; gap: 8px; align-items: center; margin-bottom: 8px; color: var(--_muted); }
  .row select { flex: 1; min-width: 0; }
  .cell-input.formula { min-width: 96px; text-overflow: ellipsis; font-family: ui-monospace, 'SFMono-Regular', Menlo, monospace; font-size: 12px; }
  button.secondary { border: 1px dashed var(--_border); background: var(--_panel); border-radius: 6px; padding: 4px 10px; cursor: pointer; color: var(--_accent); }
  button.icon { border: 0; background: none; cursor: pointer; color: var(--_muted); font-size: 16px; }
  .banner { border-radius: 8px; padding: 10px 14px; margin-bottom: 12px; background: var(--_error-soft); border: 1px solid var(--_error-border); }
  .banner.warn { background: var(--_warn-soft); border-color: var(--_warn-border); }
  .banner ul { margin: 6px 0 0; padding-left: 18px; }
  .banner code { font-size: 12px; color: var(--_muted); }
  .status { padding: 24px; color: var(--_muted); }
  .status.error { color: var(--_error); }
  .summary { display: grid; grid-template-columns: repeat(4, minmax(0, 1fr)); gap: 12px; margin-bottom: 14px; }
  .kpi-card { border: 1px solid var(--_border); border-radius: 8px; padding: 10px 12px; background: linear-gradient(180deg, var(--_panel), var(--_subtle)); }
  .kpi-card span { display: block; color: var(--_muted); font-size: 12px; }
  .kpi-card strong { font-size: 18px; font-variant-numeric: tabular-nums; }
  /* The cost's parts break between parts, not inside a Chinese word (退回). */
  .kpi-card small { word-break: keep-all; }
  .kpi-card .grades { display: flex; gap: 4px; flex-wrap: wrap; font-size: 13px; }
  .table-wrap { overflow: auto; border: 1px solid var(--_border); border-radius: 8px; }
  .results-table { width: 100%; border-collapse: collapse; font-size: 13px; font-variant-numeric: tabular-nums; }
  .results-table th, .results-table td { padding: 5px 6px; border-bottom: 1px solid var(--_border); text-align: left; white-space: nowrap; }
  .results-table thead th { position: sticky; top: 0; background: var(--_subtle); font-size: 12px; color: var(--_muted); font-weight: 600; z-index: 1; }
  /* A very long name wraps instead of pushing the pay columns out of view. */
  .results-table tbody th { font-weight: 500; white-space: normal; overflow-wrap: anywhere; max-width: 22ch; }
  /* Narrower than the table: it scrolls sideways with the rep's name kept in view. */
  .results-table tbody th, .results-table tfoot th { position: sticky; left: 0; background: var(--_panel); z-index: 1; }
  .results-table tbody tr:hover th, .results-table tbody tr[aria-current='true'] th { background: var(--_accent-soft); }
  .results-table .num { text-align: right; }
  .results-table tbody tr:hover { background: var(--_accent-soft); }
  /* The row the keyboard is on, as plain to see as the one under the mouse. */
  .results-table tbody tr:focus-visible { outline: 2px solid var(--_accent); outline-offset: -2px; background: var(--_accent-soft); }
  .results-table tbody tr:focus-visible th { background: var(--_accent-soft); }
  /* The corner head stays over the names when the table scrolls sideways. */
  .results-table thead th:first-child { left: 0; z-index: 2; }
  .results-table tfoot tr.subtotal th, .results-table tfoot tr.subtotal td { background: var(--_subtle); color: var(--_muted); }
  .results-table tfoot tr.grand th, .results-table tfoot tr.grand td { font-weight: 700; background: var(--_subtle-2); }
  .preset select { flex: 1; min-width: 0; font-weight: 600; }
  .plan-name .cell-input { flex: 1; min-width: 0; text-align: left; }
  .description { margin: -4px 0 12px; line-height: 1.5; }
  .tabs { display: flex; gap: 4px; flex-wrap: wrap; margin: 2px 0 10px; }
  .tabs button { border: 1px solid var(--_border); background: var(--_panel); border-radius: 16px; padding: 3px 10px; cursor: pointer; font-size: 13px; }
  .tabs button[aria-selected='true'] { background: var(--_accent); border-color: var(--_accent); color: var(--_on-accent); }
  tr.category th, tr.category td { background: var(--_subtle); font-weight: 600; font-size: 12px; padding-top: 6px; }
  .grid code { font-size: 11px; }
  label.check { display: inline-flex; gap: 6px; align-items: center; cursor: pointer; }
  .results-table tbody tr { cursor: pointer; }
  .results-table tbody tr[aria-current='true'] { background: var(--_accent-soft); box-shadow: inset 3px 0 0 var(--_accent); }
  .flag { color: var(--_error); font-size: 12px; }
  .detail {
    position: fixed; top: 0; right: 0; bottom: 0; width: min(560px, 100vw); z-index: 10; overflow: auto;
    background: var(--_panel); border-left: 1px solid var(--_border); box-shadow: -12px 0 32px rgba(16, 24, 40, 0.14); padding: 18px 20px;
  }
  /* Dims the results behind an open statement (a click there closes it); the editor stays usable. */
  .backdrop { grid-column: 2; grid-row: 1; align-self: stretch; z-index: 5; position: relative; background: rgba(16, 24, 40, 0.14); border-radius: var(--_radius); }
  @container playground (max-width: 1180px) { .backdrop { position: fixed; inset: 0; } }
  .detail-head { display: flex; justify-content: space-between; gap: 8px; }
  .detail h2 { margin: 0 0 4px; font-size: 15px; }
  .verdict { margin: 4px 0 8px; }
  .flag-line { color: var(--_error); margin: 2px 0 8px; font-size: 13px; }
  .grid.explain { margin: 8px 0 12px; font-variant-numeric: tabular-nums; }
  .grid.explain thead th { border-bottom: 1px solid var(--_border); }
  .grid.explain .num { text-align: right; }
  .grid.explain tr.steps td { padding-top: 0; padding-bottom: 8px; border-bottom: 1px dashed var(--_border); }
  .step { display: inline-block; font-size: 12px; color: var(--_muted); margin-right: 10px; }
  .note { display: inline-block; font-size: 11px; background: var(--_warn-soft); color: var(--_warn); border-radius: 8px; padding: 0 6px; margin-right: 6px; }
  .grid.explain tr.grand td, .grid.explain tr.grand th { border-top: 1px solid var(--_border); }
  .empty-detail { padding: 8px 2px; }
  .secondary-figure { color: var(--_muted); font-size: 12px; white-space: nowrap; }
  .hints { font-size: 12px; background: var(--_warn-soft); border: 1px solid var(--_warn-border); border-radius: 6px; padding: 6px 10px; margin: 6px 0; }
  .hints ul { margin: 4px 0 0; padding-left: 18px; }
  .hint.ok { color: var(--_ok); }
  .signals { margin: 0 0 12px; }
  .signal-tabs { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; }
  .chip { border: 1px solid var(--_border); background: var(--_panel); border-radius: 999px; padding: 3px 10px; font: inherit; font-size: 12px; cursor: pointer; color: inherit; }
  .chip[aria-expanded='true'] { background: var(--_accent-soft); border-color: var(--_accent); }
  .chip.critical { border-color: var(--_error); color: var(--_error); }
  .chip[disabled] { opacity: 0.5; cursor: default; }
  .signal-list { margin: 8px 0 0; padding: 8px 10px 8px 26px; font-size: 13px; background: var(--_panel); border: 1px solid var(--_border); border-radius: 8px; max-height: 220px; overflow: auto; }
  .signal-list:focus-visible { outline: 2px solid var(--_accent); outline-offset: 1px; }
  .signal-list li { margin: 2px 0; }
  .signal-list li.critical, .alert-line.critical, .alert-mark.critical { color: var(--_error); }
  .signal-list.health { list-style: none; padding-left: 10px; }
  .signal-list.health li.warning { color: var(--_warn); }
  .signal-list.health li.ok .mark { color: var(--_ok); }
  .signal-list .linklike { vertical-align: top; line-height: inherit; text-align: left; font-size: inherit; padding: 0; font-weight: 400; color: inherit; }
  .alert-mark { color: var(--_warn); font-size: 12px; cursor: help; }
  .potential-mark { color: var(--_warn); font-size: 12px; cursor: help; }
  .alert-line { margin: 2px 0 6px; font-size: 13px; color: var(--_warn); }
  .potential-line { margin: 2px 0 6px; font-size: 13px; color: var(--_warn); }
  .note.strength { background: var(--_ok-soft); color: var(--_ok); }
  .note.weakness { background: var(--_error-soft); color: var(--_error); }
  .improvements { margin: 4px 0 10px; padding-left: 18px; font-size: 13px; }
  .improvements li.met { color: var(--_ok); }
  .improvements li.missed { color: var(--_error); }
  .more-rows { display: flex; flex-wrap: wrap; align-items: center; gap: 8px; margin: 8px 2px 0; color: var(--_muted); }
  .legend { display: flex; flex-wrap: wrap; gap: 4px 16px; margin: 6px 2px 12px; }
  .legend b { color: var(--_text); }
  .source-name { border-bottom: 1px dotted currentColor; cursor: help; }
  .group-label { color: var(--_muted); font-size: 12px; margin-right: -2px; }
  .kpi-card small { display: block; color: var(--_muted); font-size: 11px; margin-top: 2px; }
  .row.pair { gap: 14px; flex-wrap: wrap; }
  .row.pair label { display: inline-flex; gap: 6px; align-items: center; }
  .cell-input.medium { width: 108px; text-align: right; }
  .bonus { border-top: 1px dashed var(--_border); padding: 8px 0 2px; }
  .bonus:first-of-type { border-top: 0; }
  .bonus-head { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; }
  .bonus-head .bonus-name { display: inline-flex; gap: 6px; align-items: center; font-weight: 600; flex: 1; min-width: 0; }
  .bonus-head .bonus-name .cell-input, .target-head label .cell-input { flex: 1; min-width: 0; }
  .bonus-head .icon { margin-left: auto; }
  .bonus label { white-space: nowrap; }
  .target-head { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; }
  .target-head label { display: inline-flex; gap: 6px; align-items: center; white-space: nowrap; flex: 1; min-width: 0; }
  .target-head .hint { flex-basis: 100%; order: 3; }
  .target-head .icon { margin-left: auto; }
  .target td .hint { white-space: nowrap; margin-left: 4px; }
  .grades-eligible { gap: 8px; }
  .grades-eligible .check { display: inline-flex; gap: 3px; align-items: center; }
  .bonuses > select { margin-top: 8px; }
  .toolbar { display: flex; gap: 10px; align-items: center; margin: 0 0 10px; }
  button.secondary[disabled] { opacity: 0.5; cursor: not-allowed; }
  .compare-note { grid-column: 1 / -1; margin: 0; }
  .compare { display: grid; grid-template-columns: repeat(4, minmax(0, 1fr)); gap: 10px; margin-bottom: 12px; padding: 10px 12px; border-radius: 8px; background: var(--_accent-soft); border: 1px solid color-mix(in srgb, var(--_accent) 22%, var(--_panel)); }
  /* On the accent's tint the muted grey is darkened to keep 4.5:1. */
  .compare span, .compare .compare-note, .compare .secondary-figure { color: color-mix(in srgb, var(--_muted) 78%, var(--_text)); }
  .compare span { display: block; font-size: 12px; }
  .compare strong { font-variant-numeric: tabular-nums; }
  /* The last valid plan's comparison while the plan in the editor has errors: greyed, labelled. */
  .compare.stale { background: var(--_subtle-2); border-color: var(--_border); }
  .compare.stale strong { color: var(--_muted); }
  .compare .stale-note { grid-column: 1 / -1; margin: 0; font-size: 12px; color: var(--_muted); font-style: italic; }
  .up { color: var(--_ok); }
  .down { color: var(--_error); }
  .delta.up, .delta.down { font-weight: 600; }
  /* A plan's cost is not good or bad by its sign: a rise is a cost to weigh (amber), a fall a saving paid by the reps. */
  .cost-up { color: var(--_warn); }
  .cost-down { color: var(--_accent); }
  td[data-mark]::after { content: attr(data-mark); margin-left: 4px; color: var(--_warn); font-size: 11px; cursor: help; }
  .warnings { margin: 4px 0 0; padding-left: 18px; color: var(--_warn); font-size: 12px; }
  .total-line { border-top: 1px solid var(--_border); padding-top: 8px; }
  .charts-block { margin: 0 0 12px; }
  button.linklike { border: 0; background: none; color: var(--_accent); cursor: pointer; padding: 2px 0; font-weight: 600; }
  button.go-to code { text-decoration: underline dotted; text-underline-offset: 2px; }
  button.go-to:hover code { text-decoration-style: solid; }
  /* The chart colours, resolved by the browser for the charts to read (chartTheme): the accent,
     the muted text, the grid (no border is drawn). */
  .charts { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 12px; margin-top: 6px; color: var(--_accent); text-decoration-color: var(--_muted); border-top-color: var(--_border); }
  @container playground (max-width: 1300px) { .charts { grid-template-columns: minmax(0, 1fr); } }
  /* min-width 0: a canvas sized before (300 px wide by default) must not hold its figure wider than the column. */
  .charts figure { margin: 0; min-width: 0; border: 1px solid var(--_border); border-radius: 8px; padding: 8px 10px; background: var(--_panel); color: var(--_text); }
  .charts figcaption { font-size: 12px; font-weight: 600; color: var(--_muted); margin-bottom: 4px; }
  .chart-box { position: relative; height: 200px; min-width: 0; }
  .filters { display: flex; gap: 10px; flex-wrap: wrap; align-items: center; margin: 0 0 8px; }
  .filters label { display: inline-flex; gap: 6px; align-items: center; color: var(--_muted); font-size: 13px; }
  .filters input[type='search'] { padding: 5px 8px; border: 1px solid var(--_border); border-radius: 6px; min-width: 180px; }
  button.sort { border: 0; background: none; font: inherit; color: inherit; cursor: pointer; padding: 0; font-weight: 600; }
  th.num button.sort { text-align: right; width: 100%; }
  .actions { display: flex; gap: 6px; align-items: center; flex-wrap: wrap; padding: 8px 24px; background: var(--_panel); border-bottom: 1px solid var(--_border); }
  .actions button { border: 1px solid var(--_border); background: var(--_panel); border-radius: 6px; padding: 4px 9px; cursor: pointer; }
  .actions button:hover:not([disabled]) { border-color: var(--_accent); color: var(--_accent); }
  .actions button[disabled] { opacity: 0.5; cursor: not-allowed; }
  .actions .source { color: var(--_muted); font-size: 13px; margin-right: 6px; }
  .actions .sep { width: 1px; height: 20px; background: var(--_border); }
  /* A load button and its template's download, joined: which template is which is plain. */
  .actions .split { display: inline-flex; }
  /* A label and its buttons wrap as one ("Export CSV Excel" never splits over two lines). */
  .actions .group { display: inline-flex; gap: 6px; align-items: center; }
  .actions .split button:first-child { border-top-right-radius: 0; border-bottom-right-radius: 0; }
  .actions .split button + button { border-left: 0; border-top-left-radius: 0; border-bottom-left-radius: 0; color: var(--_muted); }
  /* Laptop widths: the file actions stay on one line. */
  @container playground (max-width: 1420px) {
    .actions { gap: 4px; padding: 8px 16px; }
    .actions button { padding: 3px 7px; font-size: 13px; }
    .actions .source { font-size: 12px; }
  }
  .notice { color: var(--_ok); font-size: 13px; }
  .notice.warn { color: var(--_warn); }
  .reset-ask { display: inline-flex; flex-wrap: wrap; gap: 4px 8px; align-items: center; padding: 3px 8px; border: 1px solid var(--_warn-border); border-radius: 6px; background: var(--_warn-soft); color: var(--_warn); }
  .share-link { flex: 1 1 260px; min-width: 200px; padding: 4px 8px; border: 1px solid var(--_border); border-radius: 6px; font-size: 12px; color: var(--_muted); }
  .load-report { position: relative; margin: 12px 24px 0; padding: 10px 14px; border-radius: 8px; border: 1px solid var(--_border); background: var(--_panel); }
  .load-report.warn { background: var(--_warn-soft); border-color: var(--_warn-border); }
  .load-report.ok { background: var(--_ok-soft); border-color: color-mix(in srgb, var(--_ok) 30%, var(--_panel)); }
  .load-report p { margin: 4px 0; }
  .load-report .close { position: absolute; top: 6px; right: 8px; }
  .load-report table { max-width: 100%; }
  .grid.problems { font-size: 13px; }
  .grid.problems thead th { border-bottom: 1px solid color-mix(in srgb, var(--_warn) 20%, transparent); }
  .grid.problems code { font-size: 12px; white-space: nowrap; }
  .grid.problems td:first-child { white-space: nowrap; }
  /* What a message quotes (an id, a value as the file has it), set apart without backticks. */
  .msg code, .field-error code, .grid.problems td:last-child code { font-size: 0.92em; color: inherit; background: color-mix(in srgb, var(--_text) 6%, transparent); padding: 0 3px; border-radius: 3px; white-space: normal; overflow-wrap: anywhere; }
  .load-report li code { font-size: 12px; color: var(--_muted); margin-right: 4px; }
  /* Tier bounds marked since a switch of basis: one line over the results, each line's name a way to it. */
  .marked-bounds { margin: 0 0 12px; padding: 6px 12px; border-radius: 8px; border: 1px solid var(--_warn-border); background: var(--_warn-soft); color: var(--_warn); font-size: 13px; font-weight: 600; }
  .marked-bounds .linklike { padding: 0; font-size: inherit; text-align: left; }
  /* What the results leave out: one quiet line that opens the list. */
  .left-out { margin: -2px 0 12px; }
  .left-out summary {
    display: inline-flex; align-items: center; gap: 6px; cursor: pointer; list-style: none; user-select: none;
    padding: 3px 12px; border-radius: 999px; border: 1px solid var(--_warn-border); background: var(--_warn-soft); color: var(--_warn); font-size: 12px; font-weight: 600;
  }
  .left-out summary::-webkit-details-marker { display: none; }
  .left-out summary::after { content: '▸'; font-size: 10px; }
  .left-out[open] summary::after { content: '▾'; }
  .left-out summary:hover { border-color: var(--_warn); }
  .left-out summary:focus-visible { outline: 2px solid var(--_accent); outline-offset: 1px; }
  .left-out-list { margin-top: 8px; padding: 8px 12px 4px; border: 1px solid var(--_warn-border); border-radius: 8px; background: var(--_warn-soft); max-height: 280px; overflow: auto; }
  .left-out-list p { margin: 0 0 6px; }
  .left-out-list table { margin-bottom: 4px; }
  /* What if: sliders beside the results they move. */
  .what-if { margin: 0 0 12px; border: 1px solid var(--_border); border-radius: 8px; background: var(--_panel); }
  .what-if summary { display: flex; flex-wrap: wrap; gap: 4px 8px; align-items: baseline; cursor: pointer; list-style: none; user-select: none; padding: 8px 12px; font-size: 13px; font-weight: 600; }
  .what-if summary::-webkit-details-marker { display: none; }
  .what-if summary::before { content: '▸'; font-size: 10px; color: var(--_muted); }
  .what-if[open] summary::before { content: '▾'; }
  .what-if summary:focus-visible { outline: 2px solid var(--_accent); outline-offset: -2px; }
  .levers { display: grid; grid-template-columns: repeat(auto-fit, minmax(250px, 1fr)); gap: 10px 20px; padding: 0 12px 4px; }
  .lever-group { border: 0; margin: 0; padding: 0; min-width: 0; }
  .lever-group legend { padding: 0; margin-bottom: 2px; font-size: 12px; font-weight: 600; color: var(--_muted); }
  .lever { display: grid; grid-template-columns: minmax(0, 10em) minmax(72px, 1fr) 3.6em; gap: 8px; align-items: center; min-height: 26px; padding: 2px 0; font-size: 12px; }
  .lever-name { display: -webkit-box; -webkit-line-clamp: 2; -webkit-box-orient: vertical; overflow: hidden; line-height: 1.25; overflow-wrap: anywhere; }
  .lever input[type='range'] { width: 100%; height: 24px; margin: 0; accent-color: var(--_accent); } /* a target a finger can hit (WCAG 2.5.8) */
  .lever output { text-align: right; font-variant-numeric: tabular-nums; font-weight: 600; }
  .lever-group[data-lever-group='weights'] { grid-row: span 3; }
  .lever-cards { display: flex; flex-wrap: wrap; gap: 4px; margin: 2px 0 6px; }
  .lever-cards .chip { font-size: 11px; padding: 2px 8px; min-height: 24px; }
  .lever-cards .chip[aria-pressed='true'] { background: var(--_accent); border-color: var(--_accent); color: var(--_on-accent); }
  .lever-effect { position: sticky; top: 0; z-index: 1; display: flex; flex-wrap: wrap; gap: 4px 14px; margin: 0 12px 8px; padding: 6px 10px; border: 1px solid var(--_border); border-radius: 6px; background: var(--_subtle); box-shadow: 0 4px 12px color-mix(in srgb, var(--_text) 8%, transparent); font-size: 12px; font-variant-numeric: tabular-nums; }
  .lever.category-lever { margin-top: 6px; border-top: 1px solid var(--_border); padding-top: 6px; }
  .lever-group legend + .category-lever { margin-top: 0; border-top: 0; padding-top: 2px; }
  .lever-foot .hint.warn { color: var(--_warn); }
  .lever-group .hint { margin: 4px 0 0; }
  .lever-foot { display: flex; flex-wrap: wrap; gap: 6px 10px; align-items: center; padding: 4px 12px 10px; }
  .statement-title { margin: 0 0 6px; font-size: 12px; color: var(--_muted); letter-spacing: 0.02em; }
  .detail-buttons { display: flex; gap: 6px; align-items: flex-start; margin-left: auto; }
  /* The statement's title, then its buttons (language, print, close) on its right, or under it when narrow. */
  .statement-top { display: flex; flex-wrap: wrap; gap: 6px 8px; align-items: flex-start; margin-bottom: 6px; }
  /* Its buttons (close above all) stay in reach however far the statement is scrolled. */
  .detail .statement-top { position: sticky; top: -18px; z-index: 2; margin: -18px -20px 6px; padding: 12px 20px 8px; background: var(--_panel); border-bottom: 1px solid var(--_border); }
  .statement-top .statement-title { flex: 1 1 220px; margin: 4px 0 0; }
  .lang button { white-space: nowrap; }
  .statement-foot { margin-top: 12px; }
  /* Printing shows the open statement alone, as a page; with none open, the results: summary, table and charts. */
  @media print {
    /* Paper: a dark theme prints dark text on white; the accent stays the host's. */
    :host {
      background: #fff;
      --_bg: #fff; --_panel: #fff; --_text: #1b2430; --_muted: #5d687c; --_border: #e3e8ef;
      --_warn: #8a5300; --_ok: #17803d; --_error: #c0262d; --_on-accent: #fff;
      --_warn-soft: #fff6e0; --_warn-border: #f1d48a; --_error-soft: #fdecec; --_error-border: #f3c2c4;
      --_ok-soft: #eefaf2; --_accent-soft: #e8efff;
    }
    .bar, .actions, .load-report, .editor, .no-print, .what-if, .layout.with-statement .results, .results .filters, .results .toolbar, .scroll-hint { display: none !important; }
    .layout { display: block; padding: 0; }
    .panel.results { position: static; max-height: none; overflow: visible; border: 0; box-shadow: none; padding: 0; }
    .table-wrap { overflow: visible; max-height: none; }
    .table-wrap tfoot { display: table-row-group; } /* the totals once, at the end, not on every page */
    .detail { position: static; width: auto; max-height: none; overflow: visible; box-shadow: none; border: 0; padding: 0; }
  }
  .kpi-toggle { border: 0; background: none; padding: 0; font: inherit; font-weight: 500; cursor: pointer; text-align: left; color: inherit; }
  tr.kpi-details td { background: var(--_subtle); border-radius: 6px; }
  .detail-grid { display: flex; flex-wrap: wrap; gap: 8px 14px; align-items: flex-end; padding: 4px 2px 8px; }
  .detail-field { display: flex; flex-direction: column; gap: 3px; font-size: 12px; color: var(--_muted); }
  .detail-field.wide { flex-basis: 100%; }
  .detail-field .pair { display: inline-flex; gap: 4px; align-items: center; margin-right: 10px; }
  button.danger { border: 1px solid var(--_error-border); background: var(--_panel); color: var(--_error); border-radius: 6px; padding: 4px 10px; cursor: pointer; }
  .cell-input.tiny { width: 56px; text-align: right; }
  /* Laptop widths: a narrower editor so that the results table keeps every column in view. */
  @container playground (min-width: 1181px) and (max-width: 1360px) { .layout { grid-template-columns: minmax(360px, 384px) minmax(0, 1fr); } .grid .c-target { width: 126px; } .grid .c-num { width: 50px; } .cell-input.tiny { width: 50px; } .cell-input.formula { min-width: 0; font-size: 11px; padding: 5px 4px; } }
  .tier-buttons { white-space: nowrap; }
  .tiers thead th:first-child { white-space: nowrap; }
  .line-base > label { white-space: nowrap; }
  .line-head { display: flex; gap: 8px; align-items: center; }
  .pair-title { flex-basis: 100%; }
  .line-head label { display: inline-flex; gap: 6px; align-items: center; white-space: nowrap; }
  .line-head .icon { margin-left: auto; }
  .target { border-top: 1px dashed var(--_border); padding-top: 6px; margin-top: 6px; }
  .target:first-of-type { border-top: 0; margin-top: 0; }
  .add-value select { max-width: 220px; }
  details.json summary { cursor: pointer; font-weight: 600; }
  details.json textarea { width: 100%; min-height: 320px; font-family: ui-monospace, 'SFMono-Regular', Menlo, monospace; font-size: 12px; border: 1px solid var(--_border); border-radius: 6px; padding: 8px; margin: 8px 0; }
  .badge { display: inline-block; min-width: 22px; text-align: center; padding: 1px 6px; border-radius: 10px; font-size: 12px; font-weight: 700; background: var(--_subtle-2); }
  .badge.g-S { background: var(--_ok-soft); color: var(--_ok); }
  .badge.g-A { background: var(--_accent-soft); color: color-mix(in srgb, var(--_accent) 80%, var(--_text)); } /* the accent towards the text: 4.5:1 on its soft tint */
  .badge.g-B { background: var(--_warn-soft); color: var(--_warn); }
  .badge.g-C { background: var(--_error-soft); color: var(--_error); }
  .badge .guide-mark { font-size: 10px; margin-left: 1px; }
  .explain td.changed { font-weight: 700; }
  .explain thead th { white-space: nowrap; } /* 权重 on one line in a narrow statement */
  .explain .was { font-weight: 400; }
  .vs-baseline { margin: 4px 0 0; font-size: 13px; }
  /* The results panel answers to its own width (the element may be embedded narrower than the window). */
  .panel.results { container-type: inline-size; }
  @container (max-width: 720px) { .summary, .compare { grid-template-columns: repeat(2, minmax(0, 1fr)); } }
  /* A results panel too narrow for every column folds the region and role into the rep's cell
     (and the footer's counts into its labels): the sooner, the more optional columns (base,
     bonuses, returns, the comparison) the table has; '3' stands for three or more. */
  .results-table .inline-region { display: none; }
  @container (max-width: 1000px) {
    [data-optional-columns='3'] .col-region { display: none; }
    [data-optional-columns='3'] .inline-region { display: block; }
    .results-table[data-optional-columns='3'] { font-size: 12px; }
    [data-optional-columns='3'] :is(th, td) { padding-left: 4px; padding-right: 4px; }
    /* Four optional columns or more (base, bonuses, returns, the comparison): tighter still. */
    .results-table[data-crowded] { font-size: 11.5px; }
    [data-crowded] :is(th, td) { padding-left: 3px; padding-right: 3px; }
    [data-crowded] thead th { font-size: 11px; }
  }
  @container (max-width: 900px) { [data-optional-columns='2'] .col-region { display: none; } [data-optional-columns='2'] .inline-region { display: block; } }
  @container (max-width: 800px) { [data-optional-columns='1'] .col-region { display: none; } [data-optional-columns='1'] .inline-region { display: block; } }
  @container (max-width: 700px) { .col-region { display: none; } .inline-region { display: block; } }
  /* A table wider than the panel says that it scrolls sideways (set by the element when it does). */
  .scroll-hint { display: none; margin: 0 0 4px; text-align: right; }
  .results:has(.table-wrap[data-scrolls]) .scroll-hint { display: block; }
  /* …and a shadow on its right edge while there is more to the right (a cover that scrolls with
     the content hides it at the end). */
  .table-wrap[data-scrolls] {
    background: linear-gradient(to left, var(--_panel) 40%, transparent) right / 48px 100% no-repeat local,
      radial-gradient(farthest-side at 100% 50%, rgba(16, 24, 40, 0.3), rgba(16, 24, 40, 0)) right / 14px 100% no-repeat scroll;
  }
  /* A phone (or a portal's narrow column): less padding, the controls wrapped, the plan's cost
     on a card of its own, the editor's columns narrower and its names wrapped inside their own
     column, the statement's weight left to its steps line (which repeats it). */
  @container playground (max-width: 560px) {
    .bar { padding: 10px 12px; gap: 8px; }
    .controls { flex-wrap: wrap; gap: 8px 12px; }
    .lang button { white-space: nowrap; }
    .layout { padding: 10px 8px 24px; gap: 10px; }
    .panel { padding: 12px 10px; }
    .block { padding: 8px 8px 10px; }
    .summary .kpi-card:is(:first-child, :last-child) { grid-column: 1 / -1; }
    .grid .c-target { width: 84px; }
    .grid .c-num { width: 54px; }
    .grid.kpis tbody th { overflow-wrap: anywhere; }
    .cell-input.formula { min-width: 0; }
    .detail { padding: 14px 12px; }
    .detail .statement-top { top: -14px; margin: -14px -12px 6px; padding: 8px 12px; }
    /* The table scrolls in its own box, so its head stays above the rows and the names beside them. */
    .table-wrap { max-height: 78vh; }
    .grid.explain { font-size: 12px; }
    .grid.explain :is(th, td) { padding: 3px 2px; }
    .grid.explain .c-weight { display: none; }
    .grid.explain tbody th { overflow-wrap: anywhere; }
    /* Targets a finger can hit: 40 px high (the close button 44 px square), checkboxes 24 px
       with their label around them. */
    /* (.lever-cards .chip named for its specificity: the cards' own rule sets 24 px.) */
    :is(button, select, summary, .linklike, .chip, .lever-cards .chip) { min-height: 40px; }
    :is(input:not([type='checkbox'], [type='range']), .cell-input) { min-height: 40px; }
    button.sort { min-width: 40px; }
    .detail-buttons button.icon { min-width: 44px; min-height: 44px; font-size: 22px; }
    input[type='checkbox'] { width: 24px; height: 24px; }
    label.check { min-height: 40px; }
    input[type='range'] { min-height: 32px; }
  }
`;
