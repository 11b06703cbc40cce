/**
 * The HTML reports (src/render/html): escaping by construction, hostile text, one highlight per
 * target, and every page valid for html-validate. The browser checks are in test/browser/.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { HtmlValidate } from "html-validate";
import { describe, expect, it } from "vitest";
import { comparePlans, diffPlans } from "../src/compare/index.js";
import { parsePlan } from "../src/pipeline.js";
import { escapeAttr, escapeText, h, jsonScriptText, renderFragment, safeId } from "../src/render/html/dom.js";
import { renderCompareHtml, renderDiffHtml, renderDocumentsHtml } from "../src/render/html/index.js";
import { rowChart } from "../src/render/html/chart.js";
import { markText } from "../src/render/html/marks.js";
import type { PlanDocument } from "../src/types.js";

const ROOT = resolve(import.meta.dirname, "..");
const read = (p: string) => readFileSync(join(ROOT, p), "utf8");
const HOSTILE = "fixtures/html/hostile.txt";
const COMPARE = ["dinghai-2024", "shijiazhuang-2021", "shijiazhuang-2022-edited"].map((n) => `fixtures/compare/${n}.txt`);

function parsed(path: string): { doc: PlanDocument; text: string } {
  const text = read(path);
  return { doc: parsePlan(Buffer.from(text, "utf8"), { path }), text };
}

/**
 * html-validate's recommended rules, but trailing whitespace: the document text is shown as
 * written (white-space: pre-wrap), and its lines may end in spaces (6 lines in the corpus do).
 */
const validator = new HtmlValidate({
  extends: ["html-validate:recommended"],
  rules: { "no-trailing-whitespace": "off" },
});
async function problems(html: string): Promise<string[]> {
  const report = await validator.validateString(html);
  return report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId} ${m.line}:${m.column} ${m.message}`));
}

function count(html: string, re: RegExp): number {
  return [...html.matchAll(re)].length;
}

describe("dom: escaping by construction", () => {
  it("escapes text and attribute values", () => {
    expect(escapeText(`<b>&"x"</b>`)).toBe("&lt;b&gt;&amp;\"x\"&lt;/b&gt;");
    expect(escapeAttr(`" onmouseover="x`)).toBe("&quot; onmouseover=&quot;x");
    expect(renderFragment(h("p", { title: `"><script>` }, "<script>alert(1)</script>"))).toBe(
      '<p title="&quot;&gt;&lt;script&gt;">&lt;script&gt;alert(1)&lt;/script&gt;</p>',
    );
  });
  it("replaces characters that are parse errors in HTML", () => {
    expect(escapeText("a\u0000b\u0007c\ud800d\tf\n")).toBe("a\ufffdb\ufffdc\ufffdd\tf\n");
    expect(escapeText("😀")).toBe("😀");
  });
  it("refuses event handlers, style and non-fragment URLs", () => {
    expect(() => renderFragment(h("div", { onclick: "x" }))).toThrow(/not allowed/);
    expect(() => renderFragment(h("div", { ONLOAD: "x" }))).toThrow(/not allowed/);
    expect(() => renderFragment(h("div", { style: "color:red" }))).toThrow(/not allowed/);
    expect(() => renderFragment(h("a", { href: "javascript:alert(1)" }))).toThrow(/fragment/);
    expect(() => renderFragment(h("div", { 'x" y': "1" }))).toThrow(/not allowed/);
    expect(renderFragment(h("a", { href: "#s-1" }, "ok"))).toBe('<a href="#s-1">ok</a>');
  });
  it("never writes a string into <script> or <style> raw", () => {
    expect(() => renderFragment(h("script", null, "alert(1)"))).toThrow(/assets only/);
  });
  it("writes JSON that cannot end its script element", () => {
    const text = jsonScriptText({ a: "</script><!--<script>", b: "\u2028" });
    expect(text).not.toMatch(/[<>]/);
    expect(JSON.parse(text)).toEqual({ a: "</script><!--<script>", b: "\u2028" });
  });
  it("makes ids of letters, digits, - and _ only, without collisions", () => {
    expect(safeId("1.2")).toBe("1_2e2");
    expect(safeId("1_2e")).not.toBe(safeId("1.2"));
    expect(safeId("t12")).toBe("t12");
  });
});

describe("marks: one element per mark", () => {
  const el = (name: string) => (children: unknown[]) => h("em", { class: name }, children as never[]);
  const render = (text: string, marks: [number, number, string][]) =>
    renderFragment(markText(text, marks.map(([start, end, name], rank) => ({ start, end, rank, element: el(name) }))));
  it("nests a mark inside another", () => {
    expect(render("abcdef", [[1, 5, "x"], [2, 3, "y"]])).toBe('a<em class="x">b<em class="y">c</em>de</em>f');
  });
  it("cuts a crossing mark at the end of the one it starts in", () => {
    expect(render("abcdef", [[1, 3, "x"], [2, 5, "y"]])).toBe('a<em class="x">bc</em><em class="y">de</em>f');
  });
  it("keeps identical and empty ranges, and clamps ranges past the end", () => {
    const out = render("abc", [[1, 2, "x"], [1, 2, "y"], [2, 2, "z"], [2, 9, "w"]]);
    expect(count(out, /<em /g)).toBe(4);
    expect(out).toBe('a<em class="x"><em class="y">b</em></em><em class="w"><em class="z"></em>c</em>');
  });
});

describe("parse page", () => {
  it("marks every target once, and the hostile text stays text", async () => {
    const { doc, text } = parsed(HOSTILE);
    expect(doc.targets.length).toBeGreaterThanOrEqual(4);
    const html = renderDocumentsHtml([{ doc, text }]);
    expect(count(html, /\sdata-target="/g)).toBe(doc.targets.length);
    for (const t of doc.targets) expect(html).toContain(`data-target="${t.id}"`);
    expect(count(html, /\sdata-deadline="/g)).toBe(doc.deadlines.length);
    // the page's own two script elements only (data + code); no handler, no link out
    expect(count(html, /<script/gi)).toBe(2);
    expect(html).not.toMatch(/<(?:img|svg|iframe|link|a href="javascript)/i);
    expect(html).not.toMatch(/<[^>]+\son[a-z]+=/i);
    expect(html).toContain('&lt;script&gt;document.title="pwned";window.pwned=1&lt;/script&gt;');
    expect(await problems(html)).toEqual([]);
  });
  it("turns blank lines into gaps without losing a figure", async () => {
    const text = "一、目标\n\n到2024年底，养老机构床位达到5000张。\n \u3000\n\n护理型床位占比不低于60%。\n";
    const doc = parsePlan(Buffer.from(text, "utf8"), { path: "gaps.txt" });
    expect(doc.targets.length).toBe(2);
    const html = renderDocumentsHtml([{ doc, text }]);
    expect(count(html, /<span class="gap"><\/span>/g)).toBe(2);
    expect(count(html, /\sdata-target="/g)).toBe(2);
    expect(html).toContain("。\n<span class=\"gap\"></span>");
    expect(await problems(html)).toEqual([]);
  });
  it("shows the figures in their clauses when the text is missing (saved JSON)", async () => {
    const { doc } = parsed(HOSTILE);
    const html = renderDocumentsHtml([{ doc, text: null }]);
    expect(count(html, /\sdata-target="/g)).toBe(doc.targets.length);
    expect(html).toContain("not in the input");
    expect(await problems(html)).toEqual([]);
  });
  it("puts several documents on one page with unique element ids", async () => {
    const items = COMPARE.map(parsed);
    const html = renderDocumentsHtml(items);
    const total = items.reduce((n, i) => n + i.doc.targets.length, 0);
    expect(count(html, /\sdata-target="/g)).toBe(total);
    expect(await problems(html)).toEqual([]);
  });
  it("styles doubtful figures apart and lists their topics and fields", () => {
    const { doc, text } = parsed(HOSTILE);
    const low = { ...doc, targets: doc.targets.map((t, i) => (i === 0 ? { ...t, confidence: 0.3 } : t)) };
    const html = renderDocumentsHtml([{ doc: low, text }]);
    expect(html).toMatch(/class="fig doubtful" id="d1-t-t1"/);
    const data = JSON.parse(/<script type="application\/json" id="pp-figures">(.*?)<\/script>/s.exec(html)?.[1] ?? "{}");
    const keys = (data["d1-t-t1"] as [string, string][]).map(([k]) => k);
    for (const k of ["metric", "comparator", "value", "unit", "change", "status", "indicator", "pattern", "confidence"]) {
      expect(keys).toContain(k);
    }
  });
});

describe("compare and diff pages", () => {
  it("compare: a table per topic and a chart for rows in two or more documents", async () => {
    const result = comparePlans(COMPARE.map((p) => parsed(p).doc));
    const html = renderCompareHtml(result);
    expect(count(html, /<details class="block"/g)).toBeGreaterThanOrEqual(result.topics.length);
    expect(html).toMatch(/<figure class="chart">/);
    // 石家庄 appears in 2021 and 2022: lines across years
    expect(html).toMatch(/aria-label="lines across years/);
    expect(await problems(html)).toEqual([]);
  });
  it("diff: changed figures with old and new side by side", async () => {
    const [a, b] = ["fixtures/compare/dinghai-2024.txt", "fixtures/compare/dinghai-2025-edited.txt"].map((p) => parsed(p).doc);
    const result = diffPlans(a as PlanDocument, b as PlanDocument);
    expect(result.targets.changed.length).toBeGreaterThan(0);
    const html = renderDiffHtml(result);
    const first = result.targets.changed[0];
    expect(html).toContain(`data-old-target="${first?.old.id}"`);
    expect(html).toContain(`data-new-target="${first?.new.id}"`);
    expect(count(html, /<tr data-change="changed"/g)).toBe(result.targets.changed.length);
    expect(await problems(html)).toEqual([]);
  });
  it("hostile text in titles and clauses stays text in compare and diff", async () => {
    const { doc } = parsed(HOSTILE);
    const renamed = { ...doc, meta: { ...doc.meta, title: "<script>alert(1)</script>", region: "<img src=x onerror=alert(1)>" } };
    for (const html of [renderCompareHtml(comparePlans([renamed, doc])), renderDiffHtml(diffPlans(doc, renamed))]) {
      expect(count(html, /<script/gi)).toBe(2);
      expect(html).not.toMatch(/<[^>]+\son[a-z]+=/i);
      expect(await problems(html)).toEqual([]);
    }
  });
});

describe("charts", () => {
  it("draws a stated decrease below zero and names the unit once", () => {
    const { doc } = parsed(HOSTILE);
    const t = doc.targets.find((x) => x.unit === "%") as PlanDocument["targets"][number];
    const chart = renderFragment(
      rowChart("事故起数（%）", [
        { label: "A", region: "A", year: 2024, target: { ...t, value: 20, change: "decrease" } },
        { label: "B", region: "B", year: 2024, target: { ...t, value: 10, change: "increase" } },
      ]),
    );
    expect(chart).toContain(">-20%</text>");
    expect(chart).toContain(">10%</text>");
    expect(chart).toContain("<figcaption>事故起数（%）<small");
    expect(rowChart("x", [{ label: "A", region: null, year: null, target: t }])).toBeNull();
  });
});

const BIN = join(ROOT, "dist/bin/plan-parse.js");
if (!existsSync(BIN)) console.warn(`html CLI checks skipped: ${BIN} is missing; run \`npm run build\``);

describe.skipIf(!existsSync(BIN))("--format html on the command line", () => {
  const run = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: "utf8" });
  it("parse, targets (with filters), compare and diff write one page each", () => {
    const parse = run(HOSTILE, "--format", "html");
    expect(parse.status).toBe(0);
    const { doc } = parsed(HOSTILE);
    expect(count(parse.stdout, /\sdata-target="/g)).toBe(doc.targets.length);
    expect(parse.stdout).toContain('class="doc"');
    const targets = run("targets", HOSTILE, "--format", "html", "--unit", "%");
    expect(targets.status).toBe(0);
    expect(count(targets.stdout, /\sdata-target="/g)).toBe(doc.targets.filter((t) => t.unit === "%").length);
    const compare = run("compare", ...COMPARE, "--format", "html", "-q");
    expect(compare.status).toBe(0);
    expect(compare.stdout).toMatch(/^<!DOCTYPE html>/);
    const diff = run("diff", "fixtures/compare/dinghai-2024.txt", "fixtures/compare/dinghai-2025-edited.txt", "--format", "html");
    expect(diff.status).toBe(0);
    expect(diff.stdout).toContain('data-change="changed"');
    expect(run("deadlines", HOSTILE, "--format", "html").status).toBe(2);
  });
  it("saved JSON has no text: the figures are shown in their clauses", () => {
    const dir = mkdtempSync(join(tmpdir(), "pp-html-"));
    try {
      const json = join(dir, "doc.json");
      writeFileSync(json, run(HOSTILE, "--format", "json").stdout);
      const page = run(json, "--format", "html");
      expect(page.status).toBe(0);
      expect(page.stdout).toContain("not in the input");
      expect(count(page.stdout, /\sdata-target="/g)).toBe(parsed(HOSTILE).doc.targets.length);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
