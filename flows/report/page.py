"""The report page: ReportData in, one self-contained HTML string out (styles, script, chart and data
inlined; nothing is fetched when it is viewed). Pure."""

from __future__ import annotations

import html
import json
from collections import Counter
from functools import cache
from pathlib import Path

from flows.report.chart import monthly_chart
from warehouse.report import DOCUMENT_FIELDS, EVENT_FIELDS, ReportData

HERE = Path(__file__).parent
# Suggestions offered in the actor, place and source filters (the most frequent ones).
MAX_SUGGESTIONS = 400
RUN_COUNTS = (
    ("documents_seen", "documents read"),
    ("documents_skipped", "unchanged (skipped)"),
    ("documents_loaded", "loaded"),
    ("documents_rejected", "rejected"),
    ("events_loaded", "events loaded"),
    ("events_dated", "dated"),
    ("events_undated", "undated"),
    ("events_rejected", "event rows rejected"),
)


@cache
def asset(name: str) -> str:
    return (HERE / name).read_text(encoding="utf-8")


def e(value: object) -> str:
    return html.escape("" if value is None else str(value))


def data_island(data: ReportData) -> str:
    """The page's data as JSON inside <script type="application/json">, safe from a `</script>` or
    `<!--` in a text (JSON reads `<\\/` as `</`, and `\\u003c` as `<`)."""
    payload = {
        "event_fields": EVENT_FIELDS,
        "document_fields": DOCUMENT_FIELDS,
        "documents": data.documents,
        "rejected": data.rejected,
    }
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"), default=str)
    text = text[:-1] + ',"events":' + data.events_json + "}"  # the events come as JSON already
    return text.replace("</", "<\\/").replace("<!--", "\\u003c!--")


def options(counts: list[tuple[str, int]], label: str) -> str:
    items = "".join(f'<option value="{e(v)}">{e(v)} ({n})</option>' for v, n in counts)
    return f'<option value="">all {e(label)}</option>{items}'


def suggestions(counts: list[tuple[str, int]]) -> str:
    return "".join(f'<option value="{e(v)}">' for v, _ in counts[:MAX_SUGGESTIONS])


def filters(data: ReportData) -> str:
    facets = data.facets
    column = lambda name: facets.get(name, [])  # noqa: E731
    many = {"actors": column("actor"), "locations": column("place")}.__getitem__
    sources = Counter(doc[0] for doc in data.documents).most_common(MAX_SUGGESTIONS)
    return f"""
<section class="filters" aria-label="filters"><form onsubmit="return false">
<label>type<select id="filter-type">{options(column("type"), "types")}</select></label>
<label>status<select id="filter-status">{options(column("status"), "statuses")}</select></label>
<label>language<select id="filter-language">{options(column("language"), "languages")}</select></label>
<label>actor<input id="filter-actor" list="actors" placeholder="any actor"></label>
<label>place<input id="filter-place" list="places" placeholder="any place"></label>
<label>source<input id="filter-source" list="sources" placeholder="any document"></label>
<button type="button" id="filter-reset">reset</button>
</form>
<datalist id="actors">{suggestions(many("actors"))}</datalist>
<datalist id="places">{suggestions(many("locations"))}</datalist>
<datalist id="sources">{suggestions(sources)}</datalist>
<p id="count" role="status"></p></section>"""


def last_run(run: dict | None, validation_links: list[tuple[str, str]]) -> str:
    if run is None:
        return '<section class="run"><p>No run recorded yet.</p></section>'
    ok = run.get("validation_success")
    verdict = (
        '<span class="ok">passed</span>'
        if ok
        else '<span class="bad">failed</span>: ' + e(", ".join(run.get("failed_expectations") or []))
        if ok is not None
        else "not recorded"
    )
    if run.get("batches_refused"):
        verdict += f" ({e(run['batches_refused'])} batches refused whole)"
    links = " · ".join(f'<a href="{e(href)}">{e(label)}</a>' for label, href in validation_links)
    counts = ", ".join(f"{e(run.get(k))} {label}" for k, label in RUN_COUNTS if run.get(k) is not None)
    seconds = run.get("seconds_total")
    return f"""
<section class="run" id="last-run"><h2>Last run</h2><dl>
<dt>run</dt><dd><code>{e(run.get("run_id", "")[:12])}</code> {e(run.get("status"))},
started {e(str(run.get("started_at") or "")[:19].replace("T", " "))} UTC{f", {seconds:.1f} s" if seconds is not None else ""}</dd>
<dt>inputs</dt><dd>{e(run.get("inputs"))}</dd>
<dt>counts</dt><dd>{counts}</dd>
<dt>validation</dt><dd>{verdict}</dd>
<dt>Data Docs</dt><dd id="data-docs">{links or "none for this run"}</dd>
</dl></section>"""


def render(data: ReportData, source: str, generated_at: str, validation_links: list[tuple[str, str]]) -> str:
    """The whole page. `source` names the warehouse; `validation_links` are (label, href) of the
    Great Expectations Data Docs of the last run."""
    total, dated = data.events_total, data.events_dated
    chart, chart_note = monthly_chart(data.monthly)
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Timeline: {total} events from {len(data.documents)} documents</title>
<style>{asset("report.css")}</style></head>
<body>
<header><h1>Timeline</h1>
<p class="generated">{total} events ({dated} dated, {total - dated} undated) from
{len(data.documents)} documents in <code>{e(source)}</code>, written {e(generated_at)}.</p></header>
{last_run(data.last_run, validation_links)}
<section><h2>Events per month and type</h2>
<div class="chart">{chart or '<p class="muted">No dated events.</p>'}</div>
<p class="muted">Dated events by the {e(chart_note)}.</p></section>
{filters(data)}
<section id="timeline"><h2>Dated events <span class="muted" id="count-dated"></span></h2>
<div id="dated"></div><button type="button" id="more-dated" hidden>show more</button></section>
<section id="undated"><h2>Undated events <span class="muted" id="count-undated"></span></h2>
<p class="muted">Events whose date cannot be honestly resolved (for example a relative date in a document
without a date of its own).</p>
<div id="undated-list"></div><button type="button" id="more-undated" hidden>show more</button></section>
<section id="documents"><h2>Documents read ({len(data.documents)})</h2><div class="scroll"><table>
<thead><tr><th>source</th><th>title</th><th>published</th><th>language</th><th>events</th><th>link</th></tr></thead>
<tbody id="documents-body"></tbody></table></div>
<button type="button" id="more-documents" hidden>show all documents</button></section>
<section id="rejected"><h2>Inputs rejected ({data.rejected_total})</h2>
{rejected_note(data)}<div class="scroll"><table>
<thead><tr><th>source</th><th>stage</th><th>reason</th><th>when</th></tr></thead>
<tbody id="rejected-body"></tbody></table></div></section>
<script type="application/json" id="report-data">{data_island(data)}</script>
<script>{asset("report.js")}</script>
</body></html>
"""


def rejected_note(data: ReportData) -> str:
    if data.rejected_total > len(data.rejected):
        return (
            f'<p class="muted">The newest {len(data.rejected)} are listed; all of them: '
            '<code>timeline query "select * from rejected"</code></p>'
        )
    return "" if data.rejected_total else '<p class="muted">Nothing was rejected.</p>'
