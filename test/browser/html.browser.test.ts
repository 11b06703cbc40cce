/**
 * The HTML reports in a real browser: headless Chromium (Debian's `chromium`, or the binary
 * named by $CHROMIUM) driven by playwright-core. Checks that every target has its highlight,
 * that the page logs no error and asks for nothing over the network, that hostile text leaves
 * document.title and the DOM untouched, and that compare of the corpus' work reports opens
 * fast. Screenshots go to .tmp/browser/. Skipped, with a message, when Chromium is missing.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { comparePlans, diffPlans } from "../../src/compare/index.js";
import { parsePlan } from "../../src/pipeline.js";
import { renderCompareHtml, renderDiffHtml, renderDocumentsHtml } from "../../src/render/html/index.js";
import type { PlanDocument } from "../../src/types.js";

const ROOT = resolve(import.meta.dirname, "../..");
const OUT = join(ROOT, ".tmp/browser");
const CHROMIUM = [process.env.CHROMIUM, "/usr/bin/chromium", "/usr/bin/chromium-browser"].find(
  (p): p is string => typeof p === "string" && p !== "" && existsSync(p),
);
const CORPUS = resolve(ROOT, "../shared/corpus/docs");
/** The flags that work in containers run as root; playwright adds a fresh, empty profile. */
const FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

let playwright: typeof import("playwright-core") | null = null;
try {
  playwright = await import("playwright-core");
} catch {
  playwright = null;
}
const why = !CHROMIUM
  ? "no Chromium found (install it: apt-get install -y chromium; or set CHROMIUM=/path/to/chromium)"
  : !playwright
    ? "playwright-core is not installed (npm ci installs it)"
    : null;
if (why) console.warn(`browser tests skipped: ${why}`);

function parsed(path: string): { doc: PlanDocument; text: string } {
  const text = readFileSync(resolve(ROOT, path), "utf8");
  return { doc: parsePlan(Buffer.from(text, "utf8"), { path }), text };
}

interface Loaded {
  page: Page;
  errors: string[];
  requests: string[];
  dialogs: string[];
  loadMs: number;
}

describe.skipIf(why !== null)("HTML reports in headless Chromium", () => {
  let browser: Browser;
  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    browser = await (playwright as typeof import("playwright-core")).chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: FLAGS,
    });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  async function open(name: string, html: string, viewport = { width: 1400, height: 900 }): Promise<Loaded> {
    const file = join(OUT, `${name}.html`);
    writeFileSync(file, html);
    const page = await browser.newPage({ viewport });
    const errors: string[] = [];
    const requests: string[] = [];
    const dialogs: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error") errors.push(m.text());
    });
    page.on("pageerror", (e) => errors.push(`uncaught: ${e.message}`));
    page.on("dialog", (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    // anything but the page itself is recorded and refused
    await page.route("**/*", (route) => {
      const url = route.request().url();
      if (url === pathToFileURL(file).href) return route.continue();
      requests.push(url);
      return route.abort();
    });
    await page.goto(pathToFileURL(file).href, { waitUntil: "load" });
    // (in-page code as strings: this project's TypeScript lib has no DOM)
    const loadMs = await page.evaluate<number>(
      `(() => { const nav = performance.getEntriesByType("navigation")[0]; return nav ? nav.loadEventEnd - nav.startTime : NaN; })()`,
    );
    return { page, errors, requests, dialogs, loadMs };
  }

  it("parse: one highlight per target, the panel shows a figure's fields, filters work", async () => {
    const { doc, text } = parsed("fixtures/plans/binzhou-2024-report/input.txt");
    const l = await open("parse", renderDocumentsHtml([{ doc, text }]));
    const { page } = l;
    expect(await page.locator("[data-target]").count()).toBe(doc.targets.length);
    const ids = await page.locator("[data-target]").evaluateAll((els) => els.map((e) => e.getAttribute("data-target")));
    expect(new Set(ids)).toEqual(new Set(doc.targets.map((t) => t.id)));
    const target = doc.targets[Math.min(5, doc.targets.length - 1)];
    if (!target) throw new Error("the fixture has no target");
    await page.locator(`[data-target="${target.id}"]`).click();
    const panel = page.locator(".panel");
    await expect.poll(() => panel.isVisible()).toBe(true);
    expect(await panel.textContent()).toContain(target.metric);
    const achieved = doc.targets.filter((t) => t.status === "achieved").length;
    await page.locator("select[data-filter=status]").selectOption("achieved");
    expect(await page.locator(".figlist li:not([hidden])").count()).toBeLessThanOrEqual(achieved);
    await page.locator("select[data-filter=status]").selectOption("");
    expect(await page.locator(".figlist li:not([hidden])").count()).toBe(doc.targets.length);
    await page.screenshot({ path: join(OUT, "parse.png") });
    expect(l.errors).toEqual([]);
    expect(l.requests).toEqual([]);
  });

  it("several documents: one block each, the panel and filters work inside each", async () => {
    const items = ["dinghai-2024", "shijiazhuang-2021"].map((n) => parsed(`fixtures/compare/${n}.txt`));
    const l = await open("parse-several", renderDocumentsHtml(items));
    const { page } = l;
    const total = items.reduce((n, i) => n + i.doc.targets.length, 0);
    expect(await page.locator("[data-target]").count()).toBe(total);
    const second = page.locator("details.doc-block").nth(1);
    await second.locator("summary").click();
    await second.locator("[data-target]").first().click();
    expect(await second.locator(".panel").isVisible()).toBe(true);
    expect(await page.locator("details.doc-block").first().locator(".panel").isVisible()).toBe(false);
    await second.locator("select[data-filter=status]").selectOption("doubtful");
    const doubtful = await second.locator(".figlist li:not([hidden])").count();
    expect(doubtful).toBeLessThan(items[1]?.doc.targets.length ?? 0);
    expect(await page.locator("details.doc-block").first().locator(".figlist li:not([hidden])").count()).toBe(
      items[0]?.doc.targets.length,
    );
    expect(l.errors).toEqual([]);
    expect(l.requests).toEqual([]);
  });

  it("hostile text renders as text: document.title and the DOM stay untouched", async () => {
    const { doc, text } = parsed("fixtures/html/hostile.txt");
    const l = await open("hostile", renderDocumentsHtml([{ doc, text }]), { width: 1300, height: 800 });
    const { page } = l;
    expect(await page.title()).toBe(doc.meta.title ?? "fixtures/html/hostile.txt");
    const state = await page.evaluate<{
      pwned: unknown;
      scripts: number;
      foreign: number;
      handlers: number;
      inText: string[];
      text: string;
    }>(`({
      pwned: window.pwned,
      scripts: document.scripts.length,
      foreign: document.querySelectorAll("img, iframe, link, a[href^=javascript], textarea, svg, body meta").length,
      handlers: [...document.querySelectorAll("*")].filter((e) => [...e.attributes].some((a) => /^on/i.test(a.name))).length,
      inText: [...new Set([...document.querySelectorAll(".doc *")].map((e) => e.tagName))].sort(),
      text: document.querySelector(".doc")?.textContent ?? "",
    })`);
    expect(state.pwned).toBeUndefined();
    expect(state.scripts).toBe(2);
    expect(state.foreign).toBe(0);
    expect(state.handlers).toBe(0);
    expect(state.inText.every((t) => t === "MARK" || t === "SPAN")).toBe(true);
    expect(state.text).toContain('<script>document.title="pwned";window.pwned=1</script>');
    expect(state.text).toContain('<a href="javascript:alert(1)">');
    expect(await page.locator("[data-target]").count()).toBe(doc.targets.length);
    await page.locator("[data-target]").first().click();
    expect(await page.locator(".panel").textContent()).toContain("<script>");
    // a deadline shows its fields too
    const deadline = doc.deadlines[0];
    if (!deadline) throw new Error("the hostile fixture has no deadline");
    await page.locator(`[data-deadline="${deadline.id}"]`).click();
    expect(await page.locator(".panel h3").textContent()).toBe("Deadline");
    expect(await page.locator(".panel").textContent()).toContain(deadline.date ?? "unresolved");
    await page.screenshot({ path: join(OUT, "hostile.png") });
    expect(l.dialogs).toEqual([]);
    expect(l.errors).toEqual([]);
    expect(l.requests).toEqual([]);
  });

  it("compare: tables per topic and a chart; diff: the changed figures side by side", async () => {
    const docs = ["dinghai-2024", "shijiazhuang-2021", "shijiazhuang-2022-edited"].map(
      (n) => parsed(`fixtures/compare/${n}.txt`).doc,
    );
    const c = await open("compare", renderCompareHtml(comparePlans(docs)), { width: 1300, height: 1200 });
    expect(await c.page.locator("figure.chart svg").count()).toBeGreaterThan(0);
    await c.page.screenshot({ path: join(OUT, "compare.png") });
    expect(c.errors).toEqual([]);
    expect(c.requests).toEqual([]);

    const [a, b] = ["dinghai-2024", "dinghai-2025-edited"].map((n) => parsed(`fixtures/compare/${n}.txt`).doc);
    const result = diffPlans(a as PlanDocument, b as PlanDocument);
    const d = await open("diff", renderDiffHtml(result), { width: 1300, height: 1000 });
    expect(await d.page.locator('tr[data-change="changed"]').count()).toBe(result.targets.changed.length);
    const first = result.targets.changed[0];
    if (first) {
      const row = d.page.locator(`td[data-new-target="${first.new.id}"]`).first();
      expect(await row.isVisible()).toBe(true);
    }
    await d.page.screenshot({ path: join(OUT, "diff.png") });
    expect(d.errors).toEqual([]);
    expect(d.requests).toEqual([]);
  });

  it.skipIf(!existsSync(CORPUS))("compare of the corpus' work reports: a few MB, opens in under 2 s", async () => {
    const files = readdirSync(CORPUS).filter((f) => f.includes("gov_report")).sort();
    expect(files.length).toBeGreaterThanOrEqual(20);
    const docs = files.map((f) => parsePlan(readFileSync(join(CORPUS, f)), { path: f }));
    const html = renderCompareHtml(comparePlans(docs));
    const mb = Buffer.byteLength(html) / 1024 ** 2;
    expect(mb).toBeLessThan(8);
    const l = await open("compare-corpus", html, { width: 1400, height: 1000 });
    console.log(`compare of ${files.length} work reports: ${mb.toFixed(1)} MB, load ${Math.round(l.loadMs)} ms`);
    expect(l.loadMs).toBeLessThan(2000);
    await l.page.locator("[data-toggle-all=open]").click();
    expect(await l.page.locator("details.block[open]").count()).toBeGreaterThan(1);
    expect(l.errors).toEqual([]);
    expect(l.requests).toEqual([]);
  }, 120_000);
});

if (!existsSync(CORPUS) && !why) console.warn(`corpus compare in the browser skipped: ${CORPUS} not found`);
