// Renders the audit as one self-contained HTML file: inline CSS, inline SVG charts drawn by inline JS, no network.
import { clusterLabel } from "./aggregate.js";
import type { AuditReport } from "./report.js";
import { FACET_LABELS, counted, formatCount, formatPercent, levelsWithoutFindings, notes, onePeriodNote, shortDate } from "./report.js";

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

/** JSON safe inside a <script> element: no `</script>`, no `<!--`, no line separators. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

const STYLE = `
:root{--fg:#1d2433;--muted:#5b6475;--line:#e3e6ec;--bg:#fff;--panel:#f7f8fa;--accent:#3b6fd8;--bad:#c8453a;--warn:#d08b1c;--good:#2f8a4c}
*{box-sizing:border-box}
body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg)}
main{max-width:1100px;margin:0 auto;padding:24px}
h1{font-size:22px;margin:0 0 4px}h2{font-size:16px;margin:28px 0 10px}.panel>h2:first-child{margin-top:2px}
.sub{color:var(--muted);margin:0 0 16px}
.notes{background:#fff7e6;border:1px solid #f2d49b;border-radius:6px;padding:8px 12px;margin:12px 0}
.notes p{margin:4px 0}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(120px,1fr));gap:10px;margin-bottom:20px}
.card{background:var(--panel);border:1px solid var(--line);border-radius:8px;padding:10px 12px}
.card .v{font-size:24px;font-weight:600}.card .l{color:var(--muted);font-size:12px}
.grid{display:grid;grid-template-columns:1fr 1fr;gap:20px}
@media (max-width:800px){.grid{grid-template-columns:1fr}}
.panel{border:1px solid var(--line);border-radius:8px;padding:12px}
svg{display:block;width:100%;height:auto}
#chart-rules svg{max-width:1000px}
svg text{font:11px system-ui,sans-serif;fill:var(--muted)}
.bar{fill:var(--accent)}.bar:hover{opacity:.8}
.legend{display:flex;gap:14px;flex-wrap:wrap;font-size:12px;color:var(--muted);margin-top:6px}
.legend svg.swatch{display:inline-block;width:26px;height:10px;margin-right:5px;vertical-align:0}
table{border-collapse:collapse;width:100%}
th,td{text-align:left;padding:6px 8px;border-bottom:1px solid var(--line);vertical-align:top}
th{font-size:12px;color:var(--muted);font-weight:600;white-space:nowrap}
th[data-key]{cursor:pointer;user-select:none}th[data-key]:hover{color:var(--fg)}
th.asc::after{content:" ▲"}th.desc::after{content:" ▼"}
td.num,th.num{text-align:right}
#worst td:nth-child(3){white-space:nowrap}
#worst td:nth-child(4),#worst td:nth-child(5){overflow-wrap:anywhere}
code{font:12px ui-monospace,SFMono-Regular,Menlo,monospace}
.score{font-weight:600;color:var(--bad)}.score.pass{color:var(--good)}
.findings{margin:0;padding-left:16px;color:var(--muted);font-size:12px}
.controls{display:flex;gap:8px;margin-bottom:8px;flex-wrap:wrap;align-items:center}
input,select{font:inherit;padding:4px 8px;border:1px solid var(--line);border-radius:6px;max-width:100%}
#worst-filter{width:17em}
#worst-count{margin:0}
footer{color:var(--muted);font-size:12px;margin-top:32px}
h1,.sub,.notes,footer{overflow-wrap:anywhere}
.scroll{overflow-x:auto}
@media (max-width:640px){
main{padding:16px 12px}
.panel{padding:10px 8px}
th,td{padding:6px 4px}
th{white-space:normal}
table:not(#worst) td:not(.num){overflow-wrap:anywhere}
}
@media (max-width:800px){
#worst,#worst thead,#worst tbody{display:block}
#worst thead tr{display:flex;flex-wrap:wrap;gap:0 14px;border-bottom:1px solid var(--line)}
#worst th{border:0;padding:6px 0}
body[data-rendered] #worst thead tr::before{content:"Sort by";font-size:12px;color:var(--muted);padding:6px 0}
#worst tbody tr{display:grid;grid-template-columns:auto auto minmax(0,1fr);gap:2px 12px;padding:8px 0;border-bottom:1px solid var(--line)}
#worst td{border:0;padding:0}
#worst td:nth-child(4){grid-column:1/-1;font-weight:600}
#worst td:nth-child(5){grid-column:1/-1}
}
`;

// A plain template literal: a backslash in it is eaten (write [0-9], not \d).
const SCRIPT = `
"use strict";
const data = JSON.parse(document.getElementById("audit-data").textContent);
const S = data.summary;
const NS = "http://www.w3.org/2000/svg";
function el(tag, attrs, text) {
  const node = document.createElementNS(NS, tag);
  for (const k in attrs || {}) node.setAttribute(k, String(attrs[k]));
  if (text !== undefined) node.textContent = text;
  return node;
}
function pct(v) { return v === null || v === undefined ? "–" : (v * 100).toFixed(1) + "%"; }
function count(v) { return Number(v).toLocaleString("en-US"); }
// 1, "commit" → "1 commit"; 2 → "2 commits", as counted() in report.ts says it.
function counted(v, noun) { return count(v) + " " + noun + (v === 1 ? "" : "s"); }
// A chart's viewBox is as wide as its box, so its 11px text shows at 11px on a phone as on a
// desktop (a 1000-wide drawing shrunk to a phone's 330 pixels has 4px text). A box with no
// layout yet (0 wide) gets the width the chart was designed at.
function widthOf(target, designed) {
  const style = getComputedStyle(target);
  const width = Math.floor(target.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight));
  return width > 0 ? Math.max(240, width) : designed;
}

function histogram(target) {
  target.replaceChildren();
  const W = widthOf(target, 480), H = 220, B = 28, T = 10;
  const svg = el("svg", { viewBox: "0 0 " + W + " " + H, role: "img", "aria-label": "Score distribution" });
  // In the page from the start, so the tick labels can be measured before the chart is laid out.
  target.appendChild(svg);
  const buckets = S.score.histogram;
  // Ticks at a whole step of 1, 2, 2.5 or 5 times a power of ten (2.5 only from 25 up), at
  // most four of them above 0: a largest bucket of 2 gets 0, 1, 2, never 0, 1, 1, 2, 2. The
  // axis ends at the last tick and the bars scale to it, so each gridline means its label.
  const largest = Math.max(1, ...buckets.map(b => b.count));
  let step = 0;
  for (let unit = 1; !step; unit *= 10) step = [1, 2, 2.5, 5].map(m => m * unit).find(s => Number.isInteger(s) && s * 4 >= largest) || 0;
  const ticks = Math.ceil(largest / step), max = ticks * step;
  const yAt = i => T + (H - T - B) * (1 - i / ticks);
  const labels = [];
  for (let i = 0; i <= ticks; i++) labels.push(svg.appendChild(el("text", { y: yAt(i) + 4, "text-anchor": "end" }, count(i * step))));
  // The left margin fits the widest label: "100,000" of a big history needs more than 44.
  const L = Math.max(44, Math.ceil(Math.max(...labels.map(t => t.getComputedTextLength()))) + 10);
  for (const t of labels) t.setAttribute("x", L - 6);
  for (let i = 0; i <= ticks; i++) svg.appendChild(el("line", { x1: L, x2: W - 4, y1: yAt(i), y2: yAt(i), stroke: "#e3e6ec" }));
  const bw = (W - L - 8) / buckets.length;
  buckets.forEach((b, i) => {
    const h = (H - T - B) * b.count / max;
    const x = L + i * bw + 3, y = H - B - h;
    // A bucket the threshold cuts through is split: the part below it red, the rest blue.
    const below = b.below;
    const hb = b.count ? h * below / b.count : 0;
    const label = b.from + "–" + b.to + ": " + counted(b.count, "commit") + (below && below < b.count ? ", " + count(below) + " below the threshold" : "");
    for (const [part, top, colour] of [[h - hb, y, "#3b6fd8"], [hb, y + h - hb, "#c8453a"]]) {
      if (part <= 0) continue;
      const rect = el("rect", { class: "bar", x, y: top, width: bw - 6, height: part, rx: 2, style: "fill:" + colour });
      rect.appendChild(el("title", {}, label));
      svg.appendChild(rect);
    }
    svg.appendChild(el("text", { x: x + (bw - 6) / 2, y: H - B + 14, "text-anchor": "middle" }, String(b.from)));
  });
  svg.appendChild(el("text", { x: W / 2, y: H - 2, "text-anchor": "middle" }, "score (red: below the pass threshold of " + S.threshold + ")"));
}

// Each series has its own dash and dot size as well as its colour: shares are often equal (every
// commit with a body explains why), and a line drawn over an equal one would hide it. Dashes
// over a solid line show both; dots shrink in drawing order, so equal ones show as rings.
const SERIES = [["body", ${JSON.stringify(FACET_LABELS.body.one)}, "#3b6fd8", "none", 7], ["whyExplained", ${JSON.stringify(FACET_LABELS.whyExplained.one)}, "#2f8a4c", "9 5", 5.5], ["whatExplained", ${JSON.stringify(FACET_LABELS.whatExplained.one)}, "#d08b1c", "3 4", 4.5], ["refs", ${JSON.stringify(FACET_LABELS.refs.one)}, "#8a4fc8", "12 4 2 4", 3.5], ["passRate", "passes", "#c8453a", "1 5", 2.5]];
function trend(target, legend) {
  target.replaceChildren();
  legend.replaceChildren();
  const periods = S.trend.periods.filter(p => p.judged > 0);
  // B leaves room for the period labels below the "0%" of the y-axis, clear of it: the first
  // period's label is centred on the axis, right under that text.
  const W = widthOf(target, 480), H = 220, L = 40, B = 32, T = 10, R = 24;
  const svg = el("svg", { viewBox: "0 0 " + W + " " + H, role: "img", "aria-label": "Facet shares over time" });
  for (let i = 0; i <= 4; i++) {
    const y = T + (H - T - B) * (1 - i / 4);
    svg.appendChild(el("line", { x1: L, x2: W - R, y1: y, y2: y, stroke: "#e3e6ec" }));
    svg.appendChild(el("text", { x: L - 6, y: y + 4, "text-anchor": "end" }, (i * 25) + "%"));
  }
  const n = periods.length;
  // Periods sit on a time axis ("2024-03", "2024-Q1", "2024"): a gap of empty months stays a
  // gap, and lines break across it instead of joining distant periods as if they were next.
  const ordinal = p => { const m = /^([0-9]{4})(?:-Q([1-4])|-([0-9]{2}))?$/.exec(p.period); if (!m) return 0; return m[2] ? m[1] * 4 + (m[2] - 1) : m[3] ? m[1] * 12 + (m[3] - 1) : Number(m[1]); };
  const first = n ? ordinal(periods[0]) : 0, span = n ? ordinal(periods[n - 1]) - first : 0;
  const xAt = i => span <= 0 ? (L + W - R) / 2 : L + (W - L - R) * (ordinal(periods[i]) - first) / span;
  const yAt = v => T + (H - T - B) * (1 - v);
  // Labels left to right, each at least a label's width from the one before; the last period
  // is always labelled, and the label before it gives way when the two would overlap.
  const GAP = 48, labelled = [];
  periods.forEach((p, i) => {
    if (i === n - 1) while (labelled.length && xAt(i) - xAt(labelled[labelled.length - 1]) < GAP) labelled.pop();
    if (i === n - 1 || !labelled.length || xAt(i) - xAt(labelled[labelled.length - 1]) >= GAP) labelled.push(i);
  });
  for (const i of labelled) svg.appendChild(el("text", { x: xAt(i), y: H - B + 18, "text-anchor": "middle" }, periods[i].period));
  const runs = [];
  periods.forEach((p, i) => { if (i === 0 || ordinal(p) - ordinal(periods[i - 1]) > 1) runs.push([]); runs[runs.length - 1].push(i); });
  for (const [key, label, colour, dash, radius] of SERIES) {
    for (const run of runs) {
      if (run.length === 1) {
        const dot = el("circle", { class: "series", cx: xAt(run[0]), cy: yAt(periods[run[0]][key] || 0), r: radius, fill: colour, stroke: "#fff", "stroke-width": 1 });
        dot.appendChild(el("title", {}, label));
        svg.appendChild(dot);
        continue;
      }
      const line = el("polyline", { class: "series", points: run.map(i => xAt(i).toFixed(1) + "," + yAt(periods[i][key] || 0).toFixed(1)).join(" "), fill: "none", stroke: colour, "stroke-width": 2, "stroke-dasharray": dash, "stroke-linecap": dash === "1 5" ? "round" : "butt" });
      line.appendChild(el("title", {}, label));
      svg.appendChild(line);
    }
    // The legend's swatch is a short stretch of the series' line, dash included.
    const item = document.createElement("span");
    const swatch = el("svg", { class: "swatch", width: 26, height: 10, "aria-hidden": "true" });
    swatch.appendChild(el("line", { x1: 1, x2: 25, y1: 5, y2: 5, stroke: colour, "stroke-width": 3, "stroke-dasharray": dash, "stroke-linecap": dash === "1 5" ? "round" : "butt" }));
    item.append(swatch, label);
    legend.appendChild(item);
  }
  target.appendChild(svg);
}

function rules(target) {
  target.replaceChildren();
  const list = S.rules.slice(0, 15);
  if (!list.length) { target.textContent = "No findings."; return; }
  if (S.rules.length > list.length) {
    const note = document.createElement("p");
    note.className = "sub";
    note.textContent = "The 15 rules with the most commits; " + (S.rules.length - list.length) + " more in the JSON report.";
    target.appendChild(note);
  }
  // Rule names left of the bars; on a narrow screen, where they would leave the bars no room,
  // each name above its bar.
  const W = Math.min(1000, widthOf(target, 1000)), narrow = W < 560;
  const row = narrow ? 36 : 22, L = narrow ? 0 : 260, H = list.length * row + 8;
  const svg = el("svg", { viewBox: "0 0 " + W + " " + H, role: "img", "aria-label": "Findings by rule" });
  const max = Math.max(1, ...list.map(r => r.commits));
  list.forEach((r, i) => {
    const y = 4 + i * row, top = narrow ? y + 16 : y + 3;
    svg.appendChild(narrow ? el("text", { x: 0, y: y + 11 }, r.ruleId) : el("text", { x: L - 8, y: y + 14, "text-anchor": "end" }, r.ruleId));
    const w = (W - L - 70) * r.commits / max;
    const rect = el("rect", { class: "bar", x: L, y: top, width: Math.max(w, 1), height: 14, rx: 2, style: "fill:" + (r.errors ? "#c8453a" : "#d08b1c") });
    rect.appendChild(el("title", {}, r.ruleId + ": " + counted(r.commits, "commit") + ", " + counted(r.findings, "finding")));
    svg.appendChild(rect);
    svg.appendChild(el("text", { x: L + w + 6, y: top + 11 }, count(r.commits)));
  });
  target.appendChild(svg);
}

function worstTable() {
  const table = document.getElementById("worst");
  const body = table.tBodies[0];
  const filter = document.getElementById("worst-filter");
  const ruleSelect = document.getElementById("worst-rule");
  const shown = document.getElementById("worst-count");
  // levels: what a commit without findings lost points on ("no findings; why evident, what named").
  // The rows are in the page already (renderHtml writes them, so the table reads without
  // JavaScript); sorting and filtering only reorder and pick them.
  const drawn = [...body.rows];
  const rows = S.worst.map((c, i) => ({ c, rules: [...new Set(c.findings.map(f => f.ruleId))], levels: data.levels[i], tr: drawn[i] }));
  for (const id of [...new Set(rows.flatMap(r => r.rules))].sort()) {
    const option = document.createElement("option");
    option.value = id; option.textContent = id;
    ruleSelect.appendChild(option);
  }
  let sortKey = "score", dir = 1;
  function render() {
    const q = filter.value.trim().toLowerCase();
    const rule = ruleSelect.value;
    const list = rows.filter(r => (!rule || r.rules.includes(rule)) &&
      (!q || (r.c.summary + " " + r.c.sha + " " + r.rules.join(" ") + " " + r.c.findings.map(f => f.message).join(" ") + " " + (r.levels || "")).toLowerCase().includes(q)));
    list.sort((a, b) => {
      const x = sortKey === "findings" ? a.c.findings.length : a.c[sortKey], y = sortKey === "findings" ? b.c.findings.length : b.c[sortKey];
      // Text sorts as people read it ("doc: …" next to "Doc: …"), numbers as numbers.
      const order = typeof x === "string" && typeof y === "string" ? x.localeCompare(y, undefined, { sensitivity: "base", numeric: true }) : x < y ? -1 : x > y ? 1 : 0;
      return order * dir;
    });
    body.replaceChildren(...list.map(r => r.tr));
    shown.textContent = list.length + " of " + rows.length;
    for (const th of table.tHead.rows[0].cells) {
      th.classList.remove("asc", "desc");
      if (th.dataset.key === sortKey) th.classList.add(dir > 0 ? "asc" : "desc");
    }
  }
  for (const th of table.tHead.rows[0].cells) {
    if (!th.dataset.key) continue;
    th.addEventListener("click", () => {
      if (sortKey === th.dataset.key) dir = -dir; else { sortKey = th.dataset.key; dir = 1; }
      render();
    });
  }
  filter.addEventListener("input", render);
  ruleSelect.addEventListener("change", render);
  render();
}

// The charts and tables are on the page only when there is something to draw in them.
function drawCharts() {
  if (S.judged > 0) {
    histogram(document.getElementById("chart-histogram"));
    trend(document.getElementById("chart-trend"), document.getElementById("trend-legend"));
  }
  if (S.commits > 0) rules(document.getElementById("chart-rules"));
}
drawCharts();
// Each chart is laid out for its box's width: drawn again when that changes (a phone turned,
// a window narrowed), at most once a frame.
let drawnFor = document.documentElement.clientWidth, pending = 0;
addEventListener("resize", () => {
  if (pending) return;
  pending = requestAnimationFrame(() => {
    pending = 0;
    if (document.documentElement.clientWidth === drawnFor) return;
    drawnFor = document.documentElement.clientWidth;
    drawCharts();
  });
});
if (S.worst.length > 0) worstTable();
document.body.dataset.rendered = "true";
`;

function card(value: string, label: string): string {
  return `<div class="card"><div class="v">${escapeHtml(value)}</div><div class="l">${escapeHtml(label)}</div></div>`;
}

/** The HTML report: a single file with its data, styles and chart code inline. */
export function renderHtml(report: AuditReport): string {
  const { summary: s, meta } = report;
  const span = s.span ? ` from ${shortDate(s.span.from)} to ${shortDate(s.span.to)}` : "";
  const noteHtml = notes(report).map((n) => `<p>${escapeHtml(n)}</p>`).join("");
  // With nothing scored there are no shares: "–" as for the mean, not a misleading "0.0%".
  const share = (fraction: number) => (s.judged === 0 ? "–" : formatPercent(fraction));
  const cards = [
    card(formatCount(s.commits), "commits"),
    card(s.score.mean === null ? "–" : String(s.score.mean), "mean score"),
    card(share(s.pass.share), `pass (threshold ${s.threshold})`),
    ...(["body", "whyExplained", "whatExplained", "refs"] as const).map((facet) => card(share(s.facets[facet].share), FACET_LABELS[facet].many)),
  ].join("");
  const vague = s.vagueSummaries
    .map((v) => `<tr><td class="num">${formatCount(v.count)}</td><td>${escapeHtml(clusterLabel(v))}</td><td class="num">${formatCount(v.withoutBody)}</td></tr>`)
    .join("");
  // The worst commits in the order of s.worst (by score, then git log order), so the table reads
  // without JavaScript; the script sorts and filters these rows, matching them to s.worst by position.
  const worstRows = s.worst
    .map((c) => {
      const levels = levelsWithoutFindings(c);
      const items = c.findings.slice(0, 5).map((f) => `<li>${escapeHtml(`${f.line}:${f.column} ${f.message} (${f.ruleId})`)}</li>`);
      if (c.findings.length > 5) items.push(`<li>… ${c.findings.length - 5} more</li>`);
      if (levels) items.push(`<li>${escapeHtml(levels)}</li>`);
      return (
        `<tr data-sha="${escapeHtml(c.sha)}"><td class="num score ${c.pass ? "pass" : "fail"}">${c.score}</td><td><code title="${escapeHtml(c.sha)}">${escapeHtml(c.sha.slice(0, 10))}</code></td>` +
        `<td>${escapeHtml(c.date.slice(0, 10))}</td><td>${escapeHtml(c.summary || "(empty)")}</td><td><ul class="findings">${items.join("")}</ul></td></tr>`
      );
    })
    .join("\n");
  const ruleRows = s.rules
    .map((r) => `<tr><td>${escapeHtml(r.ruleId)}</td><td class="num">${formatCount(r.commits)}</td><td class="num">${formatPercent(r.share)}</td><td class="num">${formatCount(r.errors)}</td><td class="num">${formatCount(r.warnings)}</td></tr>`)
    .join("");
  const areas = s.areas
    .map((a) => `<tr><td>${escapeHtml(a.area)}</td><td class="num">${formatCount(a.commits)}</td><td class="num">${a.meanScore}</td><td class="num">${formatPercent(a.passRate, 0)}</td><td class="num">${formatPercent(a.whyExplained, 0)}</td></tr>`)
    .join("");
  // A single period is one dot per series: say, as the text and Markdown reports do, that a trend needs two.
  const onePeriod = s.trend.periods.length === 1 ? `<p class="sub" id="trend-note">${escapeHtml(onePeriodNote(s.trend.unit))}</p>` : "";
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:">
<title>Commit message audit: ${escapeHtml(meta.target)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>Commit message audit: ${escapeHtml(meta.target)}</h1>
<p class="sub">${counted(s.commits, "commit")}${escapeHtml(span)}; ${formatCount(s.judged)} scored, ${formatCount(s.skipped.count)} skipped.</p>
${noteHtml ? `<div class="notes">${noteHtml}</div>` : ""}
${s.commits === 0 ? "<p>No commits matched the selection.</p>" : `<noscript><style>.controls{display:none}</style><div class="notes"><p>The charts, and sorting and filtering the worst commits, need JavaScript; the tables, and the findings by rule below as a table, are complete without it.</p></div></noscript>
<div class="cards">${cards}</div>
${
  // The charts need scored commits; without any, say so instead of showing empty panels.
  s.judged === 0
    ? `<p>No commit was scored (${escapeHtml(counted(s.skipped.count, "commit"))} skipped), so there is no score distribution or trend to chart.</p>`
    : `<div class="grid">
<section class="panel"><h2>Score distribution</h2><div id="chart-histogram"></div></section>
<section class="panel"><h2>Context carried over time (by ${escapeHtml(s.trend.unit)})</h2><div id="chart-trend"></div><div class="legend" id="trend-legend"></div>${onePeriod}</section>
</div>`
}
<section><h2>Findings by rule (commits with the finding)</h2><div class="panel" id="chart-rules"></div>
<noscript><div class="scroll"><table><thead><tr><th>Rule</th><th class="num">Commits</th><th class="num">Share of scored</th><th class="num">Errors</th><th class="num">Warnings</th></tr></thead><tbody>${ruleRows}</tbody></table></div></noscript></section>
${worstRows ? `<section>
<h2>Worst commits</h2>
<div class="controls"><input id="worst-filter" type="search" placeholder="Filter by text, sha or rule" aria-label="Filter"><select id="worst-rule" aria-label="Rule"><option value="">All rules</option></select><span id="worst-count" class="sub"></span></div>
<div class="scroll"><table id="worst"><thead><tr><th class="num" data-key="score">Score</th><th data-key="sha">Commit</th><th data-key="date">Date</th><th data-key="summary">Summary</th><th data-key="findings">Findings</th></tr></thead><tbody>
${worstRows}
</tbody></table></div>
</section>` : ""}`}
${vague ? `<section><h2>Most repeated vague or body-less summaries</h2><div class="scroll"><table><thead><tr><th class="num">Times</th><th>Summary</th><th class="num">Without a body</th></tr></thead><tbody>${vague}</tbody></table></div></section>` : ""}
${areas ? `<section><h2>Areas (by summary prefix)</h2><div class="scroll"><table><thead><tr><th>Area</th><th class="num">Commits</th><th class="num">Mean score</th><th class="num">Pass</th><th class="num">Explains why</th></tr></thead><tbody>${areas}</tbody></table></div></section>` : ""}
<footer>Generated by rationale audit on ${escapeHtml(shortDate(meta.generatedAt))}. This file works offline; it loads nothing from the network.</footer>
</main>
<script type="application/json" id="audit-data">${scriptJson({ summary: s, levels: s.worst.map(levelsWithoutFindings) })}</script>
<script>${SCRIPT}</script>
</body>
</html>
`;
}
