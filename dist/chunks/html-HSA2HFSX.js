#!/usr/bin/env node
import { createRequire as __tollgateCreateRequire } from 'node:module';
import { fileURLToPath as __tollgateFileURLToPath } from 'node:url';
import { dirname as __tollgateDirname } from 'node:path';
const require = __tollgateCreateRequire(import.meta.url);
const __filename = __tollgateFileURLToPath(import.meta.url);
const __dirname = __tollgateDirname(__filename);
import {
  findingCounts,
  locationText
} from "./chunk-45LHAMRQ.js";
import {
  formatDuration
} from "./chunk-RSC3HFTQ.js";
import {
  SEVERITIES
} from "./chunk-CXJQTCH4.js";
import "./chunk-2GVBCIT7.js";

// src/reporters/html/index.ts
function escapeHtml(text) {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;").replaceAll("'", "&#39;");
}
function isPercentMetric(gate, name, value) {
  if (!Number.isFinite(value) || value < 0 || value > 100) return false;
  if (/(pct|percent|coverage)$/i.test(name)) return true;
  return gate === "coverage" && /^(lines|branches|functions|statements)$/i.test(name);
}
function barLabel(name) {
  return name.replace(/[_-]?(pct|percent)$/i, "").replaceAll("_", " ") || name;
}
function formatMetric(value) {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}
function card(g) {
  const bars = [];
  const metrics = [];
  for (const [name, value] of Object.entries(g.metrics).sort((a, b) => a[0] < b[0] ? -1 : 1)) {
    if (isPercentMetric(g.gate, name, value)) {
      bars.push(
        `<div class="bar" data-metric="${escapeHtml(name)}"><span class="bar-label">${escapeHtml(barLabel(name))}</span><span class="bar-track"><span class="bar-fill" style="width:${value.toFixed(1)}%"></span></span><span class="bar-value">${value.toFixed(1)}%</span></div>`
      );
    } else {
      metrics.push(`<dt>${escapeHtml(name)}</dt><dd>${escapeHtml(formatMetric(value))}</dd>`);
    }
  }
  const reason = g.reason ? `<p class="reason">${escapeHtml(g.reason)}</p>` : "";
  const notes = (g.notes ?? []).map((n) => `<li>${escapeHtml(n)}</li>`).join("");
  return `<article class="card status-${g.status}" data-gate="${escapeHtml(g.gate)}" data-status="${g.status}">
<header><h2>${escapeHtml(g.gate)}</h2><span class="badge">${g.status}</span></header>
<p class="summary">${escapeHtml(g.summary)}</p>${reason}
${bars.length > 0 ? `<div class="bars">${bars.join("")}</div>` : ""}
<dl class="metrics"><dt>findings</dt><dd>${escapeHtml(findingCounts(g))}</dd>${metrics.join("")}<dt>duration</dt><dd>${formatDuration(g.durationMs)}</dd></dl>
${notes ? `<ul class="notes">${notes}</ul>` : ""}
</article>`;
}
function row(f) {
  const suppressed = f.suppression ? `${f.suppression.kind}: ${f.suppression.reason}` : "";
  const help = f.helpUri && /^https?:\/\//.test(f.helpUri) ? ` <a href="${escapeHtml(f.helpUri)}" rel="noreferrer">help</a>` : "";
  return `<tr data-gate="${escapeHtml(f.gate)}" data-severity="${f.severity}" data-suppressed="${f.suppression ? "yes" : "no"}">
<td><span class="sev sev-${f.severity}">${f.severity}</span></td><td>${escapeHtml(f.gate)}</td><td><code>${escapeHtml(f.ruleId)}</code>${help}</td>
<td><code>${escapeHtml(locationText(f))}</code></td><td>${escapeHtml(f.message)}${suppressed ? `<div class="suppressed">suppressed (${escapeHtml(suppressed)})</div>` : ""}</td></tr>`;
}
var STYLE = `
:root{--ok:#1a7f37;--warn:#9a6700;--bad:#cf222e;--muted:#57606a;--line:#d0d7de;--bg:#f6f8fa;font-family:system-ui,-apple-system,"Segoe UI",sans-serif}
body{margin:0;padding:24px;color:#1f2328;background:#fff}
h1{font-size:1.4rem;margin:0 0 4px}.facts{color:var(--muted);margin:0 0 20px}
.verdict-passed{color:var(--ok)}.verdict-failed{color:var(--bad)}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(260px,1fr));gap:12px;margin-bottom:28px}
.card{border:1px solid var(--line);border-left:6px solid var(--muted);border-radius:6px;padding:12px;background:#fff}
.card header{display:flex;justify-content:space-between;align-items:center}.card h2{font-size:1.05rem;margin:0}
.status-passed{border-left-color:var(--ok)}.status-warned{border-left-color:var(--warn)}.status-failed,.status-errored{border-left-color:var(--bad)}
.badge{font-size:.75rem;padding:2px 8px;border-radius:10px;background:var(--bg);border:1px solid var(--line)}
.status-passed .badge{color:var(--ok)}.status-warned .badge{color:var(--warn)}.status-failed .badge,.status-errored .badge{color:var(--bad)}
.summary{margin:8px 0}.reason{color:var(--muted);margin:4px 0}
.metrics{display:grid;grid-template-columns:auto 1fr;gap:2px 12px;font-size:.85rem;margin:8px 0 0}.metrics dt{color:var(--muted)}.metrics dd{margin:0}
.bar{display:grid;grid-template-columns:80px 1fr 52px;align-items:center;gap:6px;font-size:.85rem;margin:4px 0}
.bar-track{height:10px;background:var(--bg);border:1px solid var(--line);border-radius:5px;overflow:hidden}.bar-fill{display:block;height:100%;background:var(--ok)}
.bar-value{text-align:right}.notes{font-size:.8rem;color:var(--muted);padding-left:18px}
.filters{display:flex;gap:8px;flex-wrap:wrap;margin:8px 0 12px}.filters select,.filters input{padding:4px 6px;font:inherit}
table{border-collapse:collapse;width:100%;font-size:.9rem}th,td{border-bottom:1px solid var(--line);padding:6px;text-align:left;vertical-align:top}
th{background:var(--bg)}code{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:.85em;word-break:break-all}
.sev{font-weight:600}.sev-critical,.sev-high{color:var(--bad)}.sev-medium{color:var(--warn)}.sev-low,.sev-info{color:var(--muted)}
.suppressed{color:var(--muted);font-size:.8rem}tr[data-suppressed=yes]{opacity:.65}#count{color:var(--muted)}
`;
var SCRIPT = `
(function(){
  var gate=document.getElementById("filter-gate"),sev=document.getElementById("filter-severity"),
      text=document.getElementById("filter-text"),count=document.getElementById("count"),
      rows=Array.prototype.slice.call(document.querySelectorAll("#findings tbody tr"));
  function apply(){
    var g=gate.value,s=sev.value,t=text.value.trim().toLowerCase(),shown=0;
    rows.forEach(function(r){
      var ok=(!g||r.getAttribute("data-gate")===g)&&(!s||r.getAttribute("data-severity")===s)&&(!t||r.textContent.toLowerCase().indexOf(t)!==-1);
      r.hidden=!ok;if(ok)shown++;
    });
    count.textContent=shown+" of "+rows.length+" findings";
  }
  gate.addEventListener("change",apply);sev.addEventListener("change",apply);text.addEventListener("input",apply);
  document.querySelectorAll(".card").forEach(function(c){c.addEventListener("click",function(){gate.value=c.getAttribute("data-gate");apply();});});
  apply();
})();
`;
function renderHtml(report) {
  const findings = report.gates.flatMap((g) => g.findings);
  const gates = report.gates.map((g) => g.gate);
  const facts = [`policy ${report.policy}`, `${formatDuration(report.durationMs)}`, `started ${report.startedAt}`];
  if (report.changed) facts.push(`${report.changed.files} changed files against ${report.changed.base.slice(0, 12)}`);
  if (report.ci?.commit) facts.push(`commit ${report.ci.commit.slice(0, 12)}`);
  const ciLink = report.ci?.url && /^https?:\/\//.test(report.ci.url) ? ` \xB7 <a href="${escapeHtml(report.ci.url)}">build</a>` : "";
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>tollgate ${report.status}</title>
<style>${STYLE}</style>
</head>
<body>
<h1 class="verdict-${report.status}">tollgate ${report.status}</h1>
<p class="facts">${escapeHtml(facts.join(" \xB7 "))} \xB7 tollgate ${escapeHtml(report.tool.version)}${ciLink}</p>
${report.warnings.map((w) => `<p class="reason">\u26A0 ${escapeHtml(w)}</p>`).join("\n")}
<section class="cards">
${report.gates.map(card).join("\n")}
</section>
<section>
<h2>Findings</h2>
<div class="filters">
<label>Gate <select id="filter-gate"><option value="">all</option>${gates.map((g) => `<option value="${escapeHtml(g)}">${escapeHtml(g)}</option>`).join("")}</select></label>
<label>Severity <select id="filter-severity"><option value="">all</option>${SEVERITIES.map((s) => `<option value="${s}">${s}</option>`).join("")}</select></label>
<label>Text <input id="filter-text" type="search" placeholder="rule, path or message"></label>
<span id="count">${findings.length} findings</span>
</div>
<table id="findings">
<thead><tr><th>Severity</th><th>Gate</th><th>Rule</th><th>Location</th><th>Message</th></tr></thead>
<tbody>
${findings.map(row).join("\n")}
</tbody>
</table>
</section>
<script>${SCRIPT}</script>
</body>
</html>
`;
}
var reporter = {
  id: "html",
  description: "self-contained HTML page: a card per gate, coverage bars and a filterable findings table",
  defaultFile: "tollgate.html",
  render: renderHtml
};
export {
  escapeHtml,
  isPercentMetric,
  renderHtml,
  reporter
};
