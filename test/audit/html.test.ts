// The HTML report in real headless Chromium: loads offline with no console errors, charts render, table sorts and filters.
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AuditAggregator } from "../../src/audit/aggregate.js";
import { Flag } from "../../src/audit/judge.js";
import { renderHtml } from "../../src/audit/report-html.js";
import { GOOD_MESSAGE, makeRepo, runCli, tempDir } from "./helpers.js";

const chromium = "/usr/bin/chromium";
const haveChromium = existsSync(chromium);
if (!haveChromium) console.warn(`\n*** SKIPPING the HTML report browser tests: ${chromium} is absent (apt-get install chromium) ***\n`);

const HOSTILE = `<img src=x onerror="window.__pwned=1"></script><script>window.__pwned=2</script>`;

describe.skipIf(!haveChromium)("html report in headless Chromium", () => {
  let dir: string;
  let file: string;
  let browser: import("playwright-core").Browser;

  beforeAll(async () => {
    dir = tempDir();
    const messages = [GOOD_MESSAGE, "Fix bug\n", "WIP\n", `${HOSTILE}\n`, "update\n", "parser: Accept tabs in indentation\n\nTabs were rejected, so files from editors that indent with tabs failed to load.\n"];
    const repo = makeRepo(
      messages.map((message, i) => ({ message, date: `2024-0${(i % 6) + 1}-15T09:00:00+00:00` })),
      join(dir, "repo"),
    );
    file = join(dir, "report.html");
    const result = runCli(["audit", "--format", "html", "--output", file], repo);
    expect(result.status).toBe(0);
    const { chromium: launcher } = await import("playwright-core");
    browser = await launcher.launch({
      executablePath: chromium,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("loads without console errors or network requests and draws every chart", async () => {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    const errors: string[] = [];
    const requests: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error" || message.type() === "warning") errors.push(message.text());
    });
    page.on("pageerror", (error) => errors.push(error.message));
    page.on("request", (request) => {
      if (!request.url().startsWith("file:")) requests.push(request.url());
    });
    page.on("dialog", (dialog) => errors.push(`dialog: ${dialog.message()}`));
    await page.goto(pathToFileURL(file).href);
    await page.waitForSelector("body[data-rendered=true]");
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);

    // One bar part per non-empty side of the threshold in each bucket, none for empty buckets.
    const data = JSON.parse(readFileSync(file, "utf8").match(/<script type="application\/json" id="audit-data">(.*?)<\/script>/s)![1]) as {
      summary: { score: { histogram: { count: number; below: number }[] } };
    };
    const parts = data.summary.score.histogram.reduce((sum, b) => sum + (b.below > 0 ? 1 : 0) + (b.count - b.below > 0 ? 1 : 0), 0);
    expect(await page.locator("#chart-histogram svg rect.bar").count()).toBe(parts);
    const heights = await page.locator("#chart-histogram svg rect.bar").evaluateAll((bars) => bars.map((bar) => Number(bar.getAttribute("height"))));
    expect(heights.every((h) => h > 0)).toBe(true);
    expect(await page.locator("#chart-trend svg polyline.series").count()).toBe(5);
    expect(await page.locator("#trend-legend span").count()).toBe(5);
    expect(await page.locator("#chart-rules svg rect.bar").count()).toBeGreaterThan(1);
    const box = await page.locator("#chart-histogram svg").boundingBox();
    expect(box!.width).toBeGreaterThan(200);
    expect(box!.height).toBeGreaterThan(80);
    await page.close();
  }, 60_000);

  it("shows commit text as text: a hostile summary neither runs nor breaks the page", async () => {
    const page = await browser.newPage();
    await page.goto(pathToFileURL(file).href);
    await page.waitForSelector("body[data-rendered=true]");
    expect(await page.evaluate("window.__pwned")).toBeUndefined();
    expect(await page.locator("#worst tbody td", { hasText: HOSTILE }).count()).toBe(1);
    expect(await page.locator("#worst img").count()).toBe(0);
    expect(readFileSync(file, "utf8")).not.toContain(HOSTILE);
    await page.close();
  }, 60_000);

  it("reads without JavaScript: the worst commits as the script draws them, controls hidden, a note on the charts", async () => {
    const withScript = await browser.newPage();
    await withScript.goto(pathToFileURL(file).href);
    await withScript.waitForSelector("body[data-rendered=true]");
    const drawn = await withScript.locator("#worst tbody tr").allTextContents();
    await withScript.close();

    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(pathToFileURL(file).href);
    expect(await page.locator("body[data-rendered=true]").count()).toBe(0);
    expect(drawn.length).toBeGreaterThan(3);
    expect(await page.locator("#worst tbody tr").allTextContents()).toEqual(drawn);
    expect(await page.locator("#worst tbody td", { hasText: HOSTILE }).count()).toBe(1);
    expect(await page.locator("#worst img").count()).toBe(0);
    expect(await page.locator(".controls").isVisible()).toBe(false);
    const note = page.locator("noscript .notes");
    expect(await note.isVisible()).toBe(true);
    expect(await note.textContent()).toContain("need JavaScript; the tables, and the findings by rule below as a table, are complete without it");
    // The findings by rule, which the page otherwise only draws, as a table.
    const ruleRows = await page.locator("noscript table tbody tr").allTextContents();
    expect(ruleRows.length).toBeGreaterThan(1);
    expect(ruleRows.some((row) => row.startsWith("summary-vague"))).toBe(true);
    await context.close();
  });

  it("puts trend periods on a time axis and breaks the lines across empty months", async () => {
    const repo = makeRepo(
      ["2024-01-10", "2024-02-10", "2024-09-10"].map((day) => ({ message: GOOD_MESSAGE, date: `${day}T09:00:00+00:00` })),
      join(dir, "gap-repo"),
    );
    const gapFile = join(dir, "gap.html");
    expect(runCli(["audit", "--format", "html", "--trend", "month", "--output", gapFile], repo).status).toBe(0);
    const page = await browser.newPage();
    await page.goto(pathToFileURL(gapFile).href);
    await page.waitForSelector("body[data-rendered=true]");
    // January-February is one line per series; September stands alone as a point.
    expect(await page.locator("#chart-trend svg polyline.series").count()).toBe(5);
    expect(await page.locator("#chart-trend svg circle.series").count()).toBe(5);
    // Every commit has a body and explains why and what: equal shares, drawn over each other.
    // Each series keeps its own dash and dot size, so one never hides another.
    const dashes = await page.locator("#chart-trend svg polyline.series").evaluateAll((lines) => lines.map((line) => line.getAttribute("stroke-dasharray")));
    expect(new Set(dashes).size).toBe(5);
    const radii = await page.locator("#chart-trend svg circle.series").evaluateAll((dots) => dots.map((dot) => Number(dot.getAttribute("r"))));
    expect(radii).toEqual([...radii].sort((a, b) => b - a));
    expect(new Set(radii).size).toBe(5);
    const swatches = await page.locator("#trend-legend svg.swatch line").evaluateAll((lines) => lines.map((line) => line.getAttribute("stroke-dasharray")));
    expect(swatches).toEqual(dashes);
    const x = async (label: string) => Number(await page.locator("#chart-trend svg text", { hasText: label }).first().getAttribute("x"));
    const [jan, feb, sep] = [await x("2024-01"), await x("2024-02"), await x("2024-09")];
    // Eight months apart, not one step.
    expect((sep - jan) / (feb - jan)).toBeCloseTo(8, 5);
    await page.close();
  }, 60_000);

  it("labels the histogram's y-axis with distinct integer ticks that match the bars", async () => {
    const ticksOf = async (counts: number[]) => {
      // counts[i] commits of messages[i]; their scores (100, 25, 15) fall in three buckets.
      const messages = [GOOD_MESSAGE, "Fix bug\n", "WIP\n"];
      const commits = counts.flatMap((n, i) => Array.from({ length: n }, () => ({ message: messages[i] })));
      const repo = makeRepo(commits, join(dir, `ticks-${counts.join("-")}`));
      const out = join(dir, `ticks-${counts.join("-")}.html`);
      expect(runCli(["audit", "--format", "html", "--output", out], repo).status).toBe(0);
      const page = await browser.newPage();
      await page.goto(pathToFileURL(out).href);
      await page.waitForSelector("body[data-rendered=true]");
      const labels = await page.locator('#chart-histogram svg text[text-anchor="end"]').evaluateAll((texts) =>
        texts.map((text) => ({ value: Number(text.textContent!.replace(/,/g, "")), y: Number(text.getAttribute("y")) - 4 })),
      );
      const bars = await page.locator("#chart-histogram svg rect.bar").evaluateAll((rects) => rects.map((r) => Number(r.getAttribute("y"))));
      await page.close();
      return { labels, top: Math.min(...bars) };
    };
    for (const counts of [[2], [1], [3, 1], [7, 2, 1], [13]]) {
      const { labels, top } = await ticksOf(counts);
      const values = labels.map((l) => l.value);
      if (counts.length === 1 && counts[0] === 2) expect(values).toEqual([0, 1, 2]);
      const max = Math.max(...counts);
      expect(values[0], `${counts}`).toBe(0);
      expect(values.every((v, i) => Number.isInteger(v) && (i === 0 || v > values[i - 1])), `${counts}: ${values}`).toBe(true);
      expect(values.at(-1)!, `${counts}: ${values}`).toBeGreaterThanOrEqual(max);
      expect(values.length).toBeLessThanOrEqual(5);
      // The tallest bar reaches the height its tick label stands for.
      const yAt = (v: number) => labels[0].y + (labels.at(-1)!.y - labels[0].y) * (v / values.at(-1)!);
      expect(top, `${counts}`).toBeCloseTo(yAt(max), 5);
    }
  }, 120_000);

  it("makes room for the histogram's y-axis labels of a big history", async () => {
    for (const commits of [123_456, 1_234_567]) {
      // A history this size takes minutes to build with git; the report sees only the summary.
      const aggregator = new AuditAggregator({ threshold: 60, worst: 10, trendUnit: "auto", maxJudgedBytes: 1024 });
      for (let i = 0; i < commits; i++) {
        aggregator.add({ sha: i.toString(16).padStart(40, "0"), date: "2024-01-15T09:00:00+00:00", score: 95, kind: "normal", flags: Flag.judged | Flag.pass | Flag.body, summary: "Retry uploads when the storage node times out", ruleIds: [], severities: "", bytes: 300, invalidSequences: 0 });
      }
      const out = join(dir, `big-${commits}.html`);
      const meta = { target: "big (HEAD)", repository: "big", selection: { revisions: [], paths: [] }, generatedAt: "2024-02-01T00:00:00Z" };
      writeFileSync(out, renderHtml({ summary: aggregator.summary(), meta }));
      const page = await browser.newPage();
      await page.goto(pathToFileURL(out).href);
      await page.waitForSelector("body[data-rendered=true]");
      const chart = "#chart-histogram svg";
      const labels = await page.locator(`${chart} text[text-anchor="end"]`).evaluateAll((texts) =>
        texts.map((text) => ({ text: text.textContent!, left: text.getBBox().x, right: text.getBBox().x + text.getBBox().width })),
      );
      const gridLeft = Math.min(...(await page.locator(`${chart} line`).evaluateAll((lines) => lines.map((line) => Number(line.getAttribute("x1"))))));
      const barsLeft = Math.min(...(await page.locator(`${chart} rect.bar`).evaluateAll((rects) => rects.map((rect) => Number(rect.getAttribute("x"))))));
      await page.close();
      expect(labels.at(-1)!.text).toBe(commits < 1_000_000 ? "150,000" : "1,500,000");
      // Every label is inside the chart, left of the gridlines and the bars: none is clipped.
      for (const label of labels) {
        expect(label.left, `${label.text}`).toBeGreaterThanOrEqual(0);
        expect(label.right, `${label.text}`).toBeLessThanOrEqual(gridLeft);
      }
      expect(barsLeft).toBeGreaterThan(gridLeft);
    }
  }, 60_000);

  it("shows the why and what levels of a worst commit that lost points without a finding", async () => {
    const repo = makeRepo([{ message: GOOD_MESSAGE }, { message: "Fix typo\n" }, { message: "WIP\n" }], join(dir, "typo-repo"));
    const out = join(dir, "typo.html");
    expect(runCli(["audit", "--format", "html", "--output", out], repo).status).toBe(0);
    const page = await browser.newPage();
    await page.goto(pathToFileURL(out).href);
    await page.waitForSelector("body[data-rendered=true]");
    const cell = (summary: string) => page.locator("#worst tbody tr", { hasText: summary }).locator("td:nth-child(5)").textContent();
    expect(await cell("Fix typo")).toBe("no findings; why evident, what named");
    expect(await cell("WIP")).toContain("summary-vague");
    expect(await cell("WIP")).not.toContain("no findings");
    await page.fill("#worst-filter", "evident");
    expect(await page.locator("#worst tbody tr").allTextContents()).toEqual([expect.stringContaining("Fix typo")]);
    await page.close();
  }, 60_000);

  it("wraps a summary with no spaces inside the table instead of widening the page", async () => {
    const word = "Refactor" + "averyveryverylongidentifierwithoutspaces".repeat(40);
    const repo = makeRepo([{ message: `${word}\n` }, { message: "WIP\n" }], join(dir, "long-repo"));
    const out = join(dir, "long.html");
    expect(runCli(["audit", "--format", "html", "--output", out], repo).status).toBe(0);
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    await page.goto(pathToFileURL(out).href);
    await page.waitForSelector("body[data-rendered=true]");
    const [scrollWidth, clientWidth] = (await page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")) as number[];
    expect(scrollWidth).toBe(clientWidth);
    // The findings keep a readable column rather than one word a line.
    const findings = await page.locator("#worst tbody tr", { hasText: "Refactor" }).locator("td:nth-child(5)").boundingBox();
    expect(findings!.width).toBeGreaterThan(200);
    await page.close();
  }, 60_000);

  it("fits a phone's width: no sideways scroll, findings in readable lines, charts drawn at their size", async () => {
    const word = "Refactor" + "averyveryverylongidentifierwithoutspaces".repeat(40);
    const repo = makeRepo([{ message: `${word}\n` }, { message: "WIP\n" }, { message: "Fix bug\n" }], join(dir, "phone-repo"));
    const long = join(dir, "phone.html");
    expect(runCli(["audit", "--format", "html", "--output", long], repo).status).toBe(0);
    /** Each chart's drawn width over its viewBox's (1: its 11px text shows at 11px), and any text outside its viewBox (the legend's swatches are no chart). */
    const charts = (page: import("playwright-core").Page) =>
      page.locator("main [id^=chart-] > svg").evaluateAll((svgs) =>
        svgs.map((svg) => {
          const width = Number(svg.getAttribute("viewBox")!.split(" ")[2]);
          const outside = [...svg.querySelectorAll("text")].filter((text) => {
            const b = text.getBBox();
            return b.x < -0.5 || b.x + b.width > width + 0.5;
          });
          return { id: svg.parentElement!.id, scale: svg.getBoundingClientRect().width / width, outside: outside.map((text) => text.textContent) };
        }),
      );
    for (const [out, width] of [[file, 380], [file, 360], [long, 380]] as const) {
      const page = await browser.newPage({ viewport: { width, height: 800 } });
      await page.goto(pathToFileURL(out).href);
      await page.waitForSelector("body[data-rendered=true]");
      const where = `${out} at ${width}px`;
      const [scrollWidth, innerWidth] = (await page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")) as number[];
      expect(scrollWidth, where).toBeLessThanOrEqual(innerWidth);
      // Each worst commit's findings get the width of the screen, not a column of a few letters.
      const cells = await page.locator("#worst tbody td:nth-child(5)").evaluateAll((tds) => tds.map((td) => td.getBoundingClientRect().width));
      expect(cells.length, where).toBeGreaterThan(1);
      for (const cell of cells) expect(cell, where).toBeGreaterThan(width * 0.8);
      const drawn = await charts(page);
      expect(drawn.map((chart) => chart.id).sort(), where).toEqual(["chart-histogram", "chart-rules", "chart-trend"]);
      for (const chart of drawn) {
        expect(chart.scale, `${where}: ${chart.id}`).toBeGreaterThan(0.95);
        expect(chart.outside, `${where}: ${chart.id}`).toEqual([]);
      }
      // The columns still sort: the score heading is there to tap.
      await page.click("#worst th[data-key=score]");
      const scores = await page.locator("#worst tbody td.score").allTextContents().then((texts) => texts.map(Number));
      expect(scores, where).toEqual([...scores].sort((a, b) => b - a));
      await page.close();
    }

    // A window narrowed after the page is drawn gets its charts drawn again for the new width.
    const page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
    await page.goto(pathToFileURL(file).href);
    await page.waitForSelector("body[data-rendered=true]");
    await page.setViewportSize({ width: 380, height: 800 });
    await expect.poll(async () => Math.min(...(await charts(page)).map((chart) => chart.scale))).toBeGreaterThan(0.95);
    expect((await charts(page)).flatMap((chart) => chart.outside)).toEqual([]);
    expect(await page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")).toBe(true);
    await page.close();
  }, 120_000);

  it("shows the filter's whole placeholder, on a wide screen and a phone's, with the count in line", async () => {
    const page = await browser.newPage();
    await page.goto(pathToFileURL(file).href);
    await page.waitForSelector("body[data-rendered=true]");
    for (const width of [1280, 380]) {
      await page.setViewportSize({ width, height: 800 });
      // The placeholder typed in as text lays out as the placeholder does (beside the search
      // field's clear button): the field scrolls when it does not fit.
      const placeholder = (await page.getAttribute("#worst-filter", "placeholder"))!;
      await page.fill("#worst-filter", placeholder);
      const [scrolled, shown] = (await page.evaluate('[document.querySelector("#worst-filter").scrollWidth, document.querySelector("#worst-filter").clientWidth]')) as number[];
      expect(scrolled, `at ${width} px`).toBeLessThanOrEqual(shown);
      await page.fill("#worst-filter", "");
      // The count ("6 of 6") reads on the line of the field and the select beside it.
      // Measured on the text itself, not the span's box, which a flex row may stretch.
      const [text, select] = (await page.evaluate(
        '[document.createRange(), document.querySelector("#worst-rule").getBoundingClientRect()].map((box, i) => { if (i === 0) { box.selectNodeContents(document.querySelector("#worst-count")); box = box.getBoundingClientRect(); } return box.y + box.height / 2; })',
      )) as number[];
      if (width === 1280) expect(Math.abs(text - select)).toBeLessThanOrEqual(2);
    }
    await page.close();
  }, 60_000);

  it("sorts the worst-commits table by a column and filters it by text and rule", async () => {
    const page = await browser.newPage();
    await page.goto(pathToFileURL(file).href);
    await page.waitForSelector("body[data-rendered=true]");
    const scores = () => page.locator("#worst tbody tr td.score").allTextContents().then((t) => t.map(Number));
    const initial = await scores();
    expect(initial.length).toBe(6);
    expect(initial).toEqual([...initial].sort((a, b) => a - b));
    await page.click("#worst th[data-key=score]");
    const descending = await scores();
    expect(descending).toEqual([...initial].sort((a, b) => b - a));
    expect(await page.getAttribute("#worst th[data-key=score]", "class")).toContain("desc");
    await page.click("#worst th[data-key=date]");
    const dates = await page.locator("#worst tbody tr td:nth-child(3)").allTextContents();
    expect(dates).toEqual([...dates].sort());

    // Text sorts regardless of case: "parser: …", "update", "WIP" in reading order.
    await page.click("#worst th[data-key=summary]");
    const summaries = await page.locator("#worst tbody tr td:nth-child(4)").allTextContents();
    expect(summaries).toEqual([...summaries].sort((a, b) => a.localeCompare(b, undefined, { sensitivity: "base", numeric: true })));
    expect(summaries.indexOf("update")).toBeLessThan(summaries.indexOf("WIP"));

    await page.fill("#worst-filter", "wip");
    expect(await page.locator("#worst tbody tr").count()).toBe(1);
    expect(await page.textContent("#worst-count")).toBe("1 of 6");
    await page.fill("#worst-filter", "");
    await page.selectOption("#worst-rule", "summary-vague");
    const vagueRows = await page.locator("#worst tbody tr").count();
    expect(vagueRows).toBeGreaterThan(0);
    expect(vagueRows).toBeLessThan(6);
    await page.close();
  }, 60_000);

  it("says so instead of drawing empty panels when no commit matched or none was scored", async () => {
    const repo = makeRepo([{ message: GOOD_MESSAGE }, { message: "fixup! Retry uploads when the storage node times out\n" }], join(dir, "nothing-repo"));
    const open = async (range: string, name: string) => {
      const out = join(dir, name);
      expect(runCli(["audit", range, "--format", "html", "--output", out], repo).status).toBe(0);
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on("pageerror", (error) => errors.push(error.message));
      page.on("console", (message) => {
        if (message.type() === "error") errors.push(message.text());
      });
      await page.goto(pathToFileURL(out).href);
      await page.waitForSelector("body[data-rendered=true]");
      expect(errors).toEqual([]);
      return page;
    };

    // An empty range: the line the text and Markdown reports give, and nothing else to show.
    const empty = await open("HEAD..HEAD", "nothing.html");
    expect(await empty.locator("main").textContent()).toContain("No commits matched the selection.");
    for (const part of ["#chart-histogram", "#chart-trend", "#chart-rules", "#worst", ".cards"]) expect(await empty.locator(part).count(), part).toBe(0);
    await empty.close();

    // Only a fixup! commit: it is counted, but there is no score to chart and no worst commit.
    const skipped = await open("HEAD~1..HEAD", "skipped.html");
    expect(await skipped.locator("main").textContent()).toContain("No commit was scored (1 commit skipped), so there is no score distribution or trend to chart.");
    expect(await skipped.locator(".cards").count()).toBe(1);
    for (const part of ["#chart-histogram", "#chart-trend", "#worst"]) expect(await skipped.locator(part).count(), part).toBe(0);
    await skipped.close();
  }, 60_000);

  it("notes under a trend of one period that a trend needs two, and counts one commit in the singular", async () => {
    const repo = makeRepo([{ message: "Fix bug\n", date: "2025-03-10T10:00:00+00:00" }], join(dir, "one-commit-repo"));
    const out = join(dir, "one-commit.html");
    expect(runCli(["audit", "--format", "html", "--output", out], repo).status).toBe(0);
    const page = await browser.newPage();
    await page.goto(pathToFileURL(out).href);
    await page.waitForSelector("body[data-rendered=true]");
    expect(await page.locator("#chart-trend svg circle.series").count()).toBe(5);
    expect(await page.locator("#trend-note").allTextContents()).toEqual(["All commits fall in one month: a trend needs two or more."]);
    // The charts' tooltips count one commit and one finding in the singular, as the page's text does.
    expect(await page.locator("#chart-histogram svg rect.bar title").allTextContents()).toEqual(["10–19: 1 commit"]);
    expect(await page.locator("#chart-rules svg rect.bar title").first().textContent()).toBe("body-required: 1 commit, 1 finding");
    await page.close();
    // Two periods make a trend: no note.
    expect(readFileSync(file, "utf8")).not.toContain("a trend needs two");
  }, 60_000);

  it("labels the trend's time axis without overlapping labels, always naming the last period", async () => {
    // Fourteen months in a row, like a year and a bit of history, and a cluster of close months far from the rest.
    const months = (list: string[]) => list.map((month) => ({ message: GOOD_MESSAGE, date: `${month}-10T09:00:00+00:00` }));
    const row = Array.from({ length: 14 }, (_, i) => `${2005 + Math.floor((i + 3) / 12)}-${String(((i + 3) % 12) + 1).padStart(2, "0")}`);
    for (const [name, list] of [["row", row], ["cluster", ["2020-01", "2021-06", "2021-07", "2021-08", "2021-09"]]] as const) {
      const repo = makeRepo(months([...list]), join(dir, `axis-${name}`));
      const out = join(dir, `axis-${name}.html`);
      expect(runCli(["audit", "--format", "html", "--trend", "month", "--output", out], repo).status).toBe(0);
      const page = await browser.newPage();
      await page.goto(pathToFileURL(out).href);
      await page.waitForSelector("body[data-rendered=true]");
      const boxes = (selector: string) =>
        page.locator(selector).evaluateAll((texts) =>
          texts.map((text) => {
            const box = text.getBBox();
            return { text: text.textContent!, left: box.x, right: box.x + box.width, top: box.y, bottom: box.y + box.height };
          }),
        );
      const labels = await boxes('#chart-trend svg text[text-anchor="middle"]');
      const percents = await boxes('#chart-trend svg text[text-anchor="end"]');
      await page.close();
      expect(labels.at(-1)!.text, name).toBe(list.at(-1));
      expect(labels[0].text, name).toBe(list[0]);
      for (let i = 1; i < labels.length; i++) expect(labels[i].left, `${name}: ${labels[i - 1].text} and ${labels[i].text}`).toBeGreaterThan(labels[i - 1].right);
      // The first period's label sits below the "0%" of the y-axis, not on it.
      expect(percents.map((label) => label.text)).toEqual(["0%", "25%", "50%", "75%", "100%"]);
      for (const label of labels) {
        for (const percent of percents) {
          const apart = label.right <= percent.left || percent.right <= label.left || label.bottom <= percent.top || percent.bottom <= label.top;
          expect(apart, `${name}: ${label.text} overlaps ${percent.text}`).toBe(true);
        }
      }
    }
  }, 60_000);
});
