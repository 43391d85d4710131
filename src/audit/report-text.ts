// Renders the audit summary as a plain-text report for the terminal.
import { docsPath } from "../docs-path.js";
import { clusterLabel } from "./aggregate.js";
import type { AuditReport } from "./report.js";
import { FACET_LABELS, counted, formatCount, formatPercent, levelsWithoutFindings, notes, onePeriodNote, shortDate, trendTitle, worstTitle } from "./report.js";

/** Colour functions; identity when colour is off. */
export interface Paint {
  bold(text: string): string;
  dim(text: string): string;
  red(text: string): string;
  yellow(text: string): string;
  green(text: string): string;
}

export const noPaint: Paint = { bold: (t) => t, dim: (t) => t, red: (t) => t, yellow: (t) => t, green: (t) => t };

function bar(fraction: number, width: number): string {
  const cells = Math.max(0, Math.min(width * 8, Math.round(fraction * width * 8)));
  const full = Math.floor(cells / 8);
  const partial = cells % 8;
  return "█".repeat(full) + (partial ? "▏▎▍▌▋▊▉"[partial - 1] : "") + " ".repeat(width - full - (partial ? 1 : 0));
}

const pad = (text: string, width: number) => text + " ".repeat(Math.max(0, width - [...text].length));
const padStart = (text: string, width: number) => " ".repeat(Math.max(0, width - text.length)) + text;

/** The text report: totals, distribution, facet shares, rules, worst commits, clusters, areas, trend. */
export function renderText(report: AuditReport, paint: Paint = noPaint): string {
  const { summary: s } = report;
  const out: string[] = [];
  const span = s.span ? ` from ${shortDate(s.span.from)} to ${shortDate(s.span.to)}` : "";
  out.push(paint.bold(`rationale audit of ${report.meta.target}`));
  out.push(`${counted(s.commits, "commit")}${span}; ${formatCount(s.judged)} scored, ${formatCount(s.skipped.count)} skipped`);
  for (const note of notes(report)) out.push(paint.yellow(`note: ${note}`));
  if (s.commits === 0) {
    out.push("", "No commits matched the selection.");
    return out.join("\n") + "\n";
  }
  if (s.judged > 0) {
    const sc = s.score;
    const passColour = s.pass.share >= 0.8 ? paint.green : s.pass.share >= 0.5 ? paint.yellow : paint.red;
    out.push(
      `Score: mean ${sc.mean}, median ${sc.median}, p10 ${sc.p10}, p90 ${sc.p90}; ` +
        passColour(`${formatPercent(s.pass.share)} pass`) +
        ` (${formatCount(s.pass.count)} at threshold ${s.threshold})`,
    );

    out.push("", paint.bold("Score distribution"));
    const most = Math.max(1, ...sc.histogram.map((b) => b.count));
    for (const bucket of sc.histogram) {
      const label = padStart(`${bucket.from}-${bucket.to}`, 6);
      out.push(`  ${label}  ${bar(bucket.count / most, 30)}  ${padStart(formatCount(bucket.count), 7)}  ${padStart(formatPercent(bucket.count / s.judged), 6)}`);
    }

    out.push("", paint.bold(`Context carried (share of ${counted(s.judged, "scored commit")})`));
    const facets = (["body", "whyExplained", "whatExplained", "refs"] as const).map((facet): [string, { count: number; share: number }] => [FACET_LABELS[facet].one, s.facets[facet]]);
    const labelWidth = Math.max(...facets.map(([label]) => label.length));
    for (const [label, share] of facets) {
      out.push(`  ${pad(label, labelWidth)}  ${bar(share.share, 30)}  ${padStart(formatPercent(share.share), 6)}  ${padStart(formatCount(share.count), 7)}`);
    }
    if (s.facets.unjudged) out.push(paint.dim(`  ${counted(s.facets.unjudged, "message")} could not be judged for why/what (e.g. not English)`));
  }

  if (s.rules.length) {
    out.push("", paint.bold("Findings by rule (commits with the finding, share of scored commits)"));
    const width = Math.max(...s.rules.map((r) => r.ruleId.length));
    for (const rule of s.rules) {
      const severity = rule.errors ? paint.red(counted(rule.errors, "error")) : paint.yellow(counted(rule.warnings, "warning"));
      out.push(`  ${pad(rule.ruleId, width)}  ${padStart(formatCount(rule.commits), 7)}  ${padStart(formatPercent(rule.share), 6)}  ${severity}`);
    }
  }

  if (s.worst.length) {
    out.push("", paint.bold(worstTitle(s, report.meta.worstLimit)));
    // The scoring page is named once, on the first row that needs it: ten rows repeating a long
    // path bury the commits they sit under.
    let scoringNamed = false;
    for (const commit of s.worst) {
      // Coloured by verdict, as lint colours PASS and FAIL: a worst commit may still pass.
      const score = (commit.pass ? paint.green : paint.red)(padStart(String(commit.score), 3));
      out.push(`  ${score}  ${paint.dim(commit.sha.slice(0, 10))}  ${shortDate(commit.date)}  ${commit.summary || paint.dim("(empty)")}`);
      for (const finding of commit.findings.slice(0, 4)) {
        const sev = finding.severity === "error" ? paint.red("error") : paint.yellow("warn ");
        out.push(`       ${padStart(`${finding.line}:${finding.column}`, 6)}  ${sev}  ${finding.message}  ${paint.dim(finding.ruleId)}`);
      }
      if (commit.findings.length > 4) out.push(paint.dim(`       … ${commit.findings.length - 4} more`));
      // Points lost without a finding: a why or what that is only named, linked or evident.
      const levels = levelsWithoutFindings(commit);
      if (levels) out.push(paint.dim(`       ${levels}${scoringNamed ? "" : ` (see ${docsPath("docs/scoring.md")})`}`));
      if (levels) scoringNamed = true;
    }
  }

  if (s.vagueSummaries.length) {
    out.push("", paint.bold("Most repeated vague or body-less summaries"));
    for (const cluster of s.vagueSummaries) {
      out.push(`  ${padStart(formatCount(cluster.count), 6)}×  ${clusterLabel(cluster)}  ${paint.dim(`(${formatCount(cluster.withoutBody)} without a body)`)}`);
    }
  }

  if (s.areas.length) {
    out.push("", paint.bold("Areas (by summary prefix, most commits first)"));
    const width = Math.max(4, ...s.areas.map((a) => [...a.area].length));
    out.push(paint.dim(`  ${pad("area", width)}  commits  mean  pass  why`));
    for (const area of s.areas) {
      out.push(`  ${pad(area.area, width)}  ${padStart(formatCount(area.commits), 7)}  ${padStart(String(area.meanScore), 4)}  ${padStart(formatPercent(area.passRate, 0), 4)}  ${padStart(formatPercent(area.whyExplained, 0), 4)}`);
    }
  }

  const periods = s.trend.periods;
  if (periods.length > 0) {
    out.push("", paint.bold(trendTitle(s.trend.unit)));
    out.push(paint.dim(`  ${pad(s.trend.unit, 8)}  commits  mean score                  pass  body   why  what  refs`));
    for (const p of periods) {
      const mean = p.meanScore ?? 0;
      const pct = (v: number | null) => padStart(v === null ? "-" : formatPercent(v, 0), 4);
      out.push(
        `  ${pad(p.period, 8)}  ${padStart(formatCount(p.commits), 7)}  ${padStart(p.meanScore === null ? "-" : String(p.meanScore), 5)} ${bar(mean / 100, 20)}  ${pct(p.passRate)}  ${pct(p.body)}  ${pct(p.whyExplained)}  ${pct(p.whatExplained)}  ${pct(p.refs)}`,
      );
    }
    if (periods.length === 1) out.push(paint.dim(`  ${onePeriodNote(s.trend.unit)}`));
  }
  return out.join("\n") + "\n";
}

/** "1 warning", "2,345 warnings". */
