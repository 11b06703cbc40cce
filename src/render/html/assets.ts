/**
 * The page's own stylesheet and script, inlined into every report (no network, opens from
 * file://). The script never writes markup: it reads the JSON data blocks and sets
 * textContent, toggles `hidden` and classes, and scrolls.
 */
import { type Asset, asset } from "./dom.js";

export const STYLE: Asset = asset(`
:root{--fg:#1d2433;--muted:#5b6577;--line:#d8dde6;--bg:#fff;--panel:#f6f7f9;
--target:#1c64c8;--target-bg:#e3eefc;--achieved:#1f7a3f;--achieved-bg:#e1f3e6;
--doubt:#a05a00;--doubt-bg:#fdf0d8;--deadline:#7a3fb0;--sel:#ffd84d}
*{box-sizing:border-box}
body{margin:0;font:15px/1.6 system-ui,"PingFang SC","Noto Sans CJK SC","Microsoft YaHei",sans-serif;color:var(--fg);background:var(--bg)}
header.top{padding:14px 22px;border-bottom:1px solid var(--line);background:var(--panel)}
header.top h1{margin:0 0 4px;font-size:20px}
.meta{color:var(--muted);font-size:13px;margin:0}
.meta span+span::before{content:" · "}
.legend{font-size:13px;margin:6px 0 0;display:flex;gap:14px;flex-wrap:wrap;align-items:center}
.toolbar{display:flex;gap:8px;margin:8px 0}
button{font:inherit;font-size:13px;padding:2px 10px;border:1px solid var(--line);border-radius:4px;background:#fff;cursor:pointer}
.doc-block{border-bottom:1px solid var(--line)}
.doc-block>summary{padding:10px 22px;font-weight:600;cursor:pointer;background:var(--panel)}
.layout{display:grid;grid-template-columns:250px minmax(0,1fr) 330px;gap:0}
.layout>nav,.layout>aside{position:sticky;top:0;align-self:start;max-height:100vh;overflow:auto;padding:12px 14px;font-size:13px}
.layout>nav{border-right:1px solid var(--line)}
.layout>aside{border-left:1px solid var(--line);background:var(--panel)}
.layout>.text{padding:12px 26px;min-width:0}
@media (max-width:1000px){.layout{grid-template-columns:1fr}.layout>nav,.layout>aside{position:static;max-height:none;border:0}}
nav h2,aside h2{font-size:13px;text-transform:uppercase;letter-spacing:.04em;color:var(--muted);margin:8px 0 4px}
nav ul{list-style:none;margin:0;padding-left:12px}
nav>ul{padding-left:0}
nav a{color:var(--fg);text-decoration:none;display:block;padding:1px 0}
nav a:hover{color:var(--target)}
.doc{white-space:pre-wrap;line-height:1.9;overflow-wrap:anywhere}
.doc .gap{display:block;height:.45em}
.doc .h{font-weight:700}
.doc .h1{font-size:17px}
.fig{border-radius:3px;padding:0 2px;cursor:pointer;color:inherit;border-bottom:2px solid}
.fig.target{background:var(--target-bg);border-color:var(--target)}
.fig.achieved{background:var(--achieved-bg);border-color:var(--achieved)}
.fig.doubtful{background:var(--doubt-bg);border-color:var(--doubt);border-bottom-style:dashed}
.fig:empty::after{content:"\\25C6"}
.fig.selected{outline:2px solid var(--sel);outline-offset:1px}
.fig.dim{background:none;border-color:transparent}
.fig.headline{font-weight:700}
.star{color:#c28a00}
.deadline{cursor:pointer}
.deadline{text-decoration:underline wavy var(--deadline);text-underline-offset:4px}
.key{display:inline-block;padding:0 6px;border-radius:3px}
.key.deadline{padding:0}
.panel{background:#fff;border:1px solid var(--line);border-radius:6px;padding:8px 10px;margin-bottom:10px}
.panel h3{margin:0 0 4px;font-size:14px}
.panel dl{display:grid;grid-template-columns:auto 1fr;gap:2px 10px;margin:0}
.panel dt{color:var(--muted)}
.panel dd{margin:0;overflow-wrap:anywhere}
.filters{display:grid;grid-template-columns:auto 1fr;gap:4px 8px;align-items:center;margin-bottom:6px}
.filters select{font:inherit;font-size:13px;max-width:100%}
.figlist{list-style:none;margin:0;padding:0}
.figlist li{border-bottom:1px solid var(--line)}
.figlist a{display:block;padding:3px 2px;color:var(--fg);text-decoration:none}
.figlist a:hover{background:#fff}
.figlist .v{font-weight:600;white-space:nowrap}
.dot{display:inline-block;width:8px;height:8px;border-radius:50%;margin-right:5px;vertical-align:middle}
.dot.target{background:var(--target)}.dot.achieved{background:var(--achieved)}.dot.doubtful{background:var(--doubt)}
.count{color:var(--muted)}
.wrap{padding:12px 22px}
details.block{border:1px solid var(--line);border-radius:6px;margin:10px 0;background:#fff}
details.block>summary{padding:8px 12px;cursor:pointer;font-weight:600}
details.block>div{padding:0 12px 12px}
.scroll{overflow-x:auto}
table{border-collapse:collapse;font-size:13px}
th,td{border:1px solid var(--line);padding:3px 7px;vertical-align:top;text-align:left}
thead th{background:var(--panel);position:sticky;top:0}
tbody th{background:#fbfbfc;font-weight:600;position:sticky;left:0;min-width:9em}
td.none{color:#b0b6c0;text-align:center}
td .achieved{color:var(--achieved)}
td>span{white-space:nowrap}
table.diff{width:100%;table-layout:fixed}
table.diff col.k{width:6em}table.diff col.m{width:14em}
.charts{display:flex;flex-wrap:wrap;gap:14px;margin-top:10px}
figure.chart{margin:0;border:1px solid var(--line);border-radius:6px;padding:6px 8px;background:#fff}
figure.chart figcaption{font-size:13px;font-weight:600;margin-bottom:2px}
svg text{font-size:11px;fill:var(--fg)}
svg .axis{stroke:#9aa3b2;stroke-width:1}
svg .grid{stroke:#eceff3;stroke-width:1}
svg .bar.target{fill:var(--target)}svg .bar.achieved{fill:var(--achieved)}
svg .muted{fill:var(--muted)}
.side{display:grid;grid-template-columns:1fr 1fr;gap:10px}
.side>div{border:1px solid var(--line);border-radius:6px;padding:6px 10px;min-width:0}
.side h4{margin:0 0 2px;font-size:12px;color:var(--muted);font-weight:600}
.old{background:#fff1f0}.new{background:#eefaf0}
del{color:#b42318}ins{color:#1f7a3f;text-decoration:none}
.clause{color:var(--muted);font-size:13px}
.empty{color:var(--muted)}
`);

export const SCRIPT: Asset = asset(`
(function () {
  "use strict";
  function data(id) {
    var el = document.getElementById(id);
    return el ? JSON.parse(el.textContent || "null") : null;
  }
  var figures = data("pp-figures") || {};
  var selected = null;
  function openAncestors(el) {
    for (var p = el.parentElement; p; p = p.parentElement) if (p.tagName === "DETAILS") p.open = true;
  }
  function show(el) {
    var fields = figures[el.id];
    var block = el.closest(".doc-block") || document;
    var panel = block.querySelector(".panel");
    var heading = panel ? panel.querySelector("h3") : null;
    if (heading) heading.textContent = el.hasAttribute("data-deadline") ? "Deadline" : "Figure";
    if (!fields || !panel) return;
    if (selected) selected.classList.remove("selected");
    selected = el;
    el.classList.add("selected");
    var dl = document.createElement("dl");
    fields.forEach(function (kv) {
      var dt = document.createElement("dt");
      dt.textContent = kv[0];
      var dd = document.createElement("dd");
      dd.textContent = kv[1];
      dl.append(dt, dd);
    });
    var body = panel.querySelector(".panel-body");
    body.replaceChildren(dl);
    panel.hidden = false;
  }
  document.addEventListener("click", function (e) {
    var t = e.target instanceof Element ? e.target : null;
    if (!t) return;
    var fig = t.closest("[data-target], [data-deadline]");
    if (fig) { show(fig); return; }
    var ref = t.closest("a[data-ref]");
    if (ref) {
      var el = document.getElementById(ref.getAttribute("data-ref"));
      if (el) {
        e.preventDefault();
        openAncestors(el);
        el.scrollIntoView({ block: "center" });
        show(el);
      }
      return;
    }
    var all = t.closest("[data-toggle-all]");
    if (all) {
      var open = all.getAttribute("data-toggle-all") === "open";
      document.querySelectorAll("details.block").forEach(function (d) { d.open = open; });
    }
  });
  document.addEventListener("keydown", function (e) {
    var t = e.target instanceof Element ? e.target.closest("[data-target], [data-deadline]") : null;
    if (t && (e.key === "Enter" || e.key === " ")) { e.preventDefault(); show(t); }
  });
  function applyFilters(box) {
    var block = box.closest(".doc-block") || document;
    var get = function (name) { var s = box.querySelector("select[data-filter=" + name + "]"); return s ? s.value : ""; };
    var status = get("status"), topic = get("topic"), indicator = get("indicator");
    var shown = 0, items = block.querySelectorAll(".figlist li");
    items.forEach(function (li) {
      var ok = (!status || (status === "doubtful" ? li.dataset.doubtful === "1" : li.dataset.status === status)) &&
        (!topic || (li.dataset.topics || "").split("|").indexOf(topic) >= 0) &&
        (!indicator || li.dataset.indicator === indicator);
      li.hidden = !ok;
      if (ok) shown++;
      var a = li.querySelector("a[data-ref]");
      var fig = a ? document.getElementById(a.getAttribute("data-ref")) : null;
      if (fig) fig.classList.toggle("dim", !ok);
    });
    var count = box.querySelector(".shown");
    if (count) count.textContent = shown + " / " + items.length;
  }
  document.querySelectorAll(".filters").forEach(function (box) {
    box.addEventListener("change", function () { applyFilters(box); });
  });
})();
`);
