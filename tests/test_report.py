"""The HTML report: written at the end of every run, self-contained, and what a person sees in a real
headless Chromium (events shown, a filter narrowing them, the evidence, the Data Docs, not blank)."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import duckdb
import pytest

from flows.report import write_report
from flows.report.page import render
from tests.browser import chromium, distinct_colours, open_report
from tests.reliability import cli
from warehouse.report import EVENT_FIELDS, ReportData

ROOT = Path(__file__).resolve().parents[1]


def rows(data: Path, sql: str) -> list[tuple]:
    con = duckdb.connect(str(data / "timeline.duckdb"), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


@pytest.fixture(scope="module")
def seeded(prefect_harness, tmp_path_factory) -> tuple[Path, object]:
    """The seeds and one empty file (rejected), run through the flow."""
    from flows.pipeline import timeline_flow

    inputs = tmp_path_factory.mktemp("inputs")
    for seed in (ROOT / "seeds").glob("*.txt"):
        shutil.copy(seed, inputs)
    (inputs / "empty.txt").write_text("", encoding="utf-8")
    data = tmp_path_factory.mktemp("data")
    summary = timeline_flow([str(inputs)], str(data), 200, 30)
    return data, summary


def test_every_run_writes_the_report_and_the_data_docs(seeded) -> None:
    data, summary = seeded
    report = data / "report" / "index.html"
    assert summary.report == str(report) and report.is_file()
    pages = rows(data, "select validation_docs from runs")[0][0]
    assert summary.validation_docs == pages and len(pages) == 2
    for page in pages:  # built by GX itself: its page, about this run
        text = (data / page).read_text(encoding="utf-8")
        assert summary.run_id in text and "values must never be null" in text and "Succeeded" in text
    assert (data / "validation" / "index.html").is_file()


def test_the_report_is_self_contained(seeded) -> None:
    html = (seeded[0] / "report" / "index.html").read_text(encoding="utf-8")
    # nothing is loaded from anywhere: no src or stylesheet link, no URL but SVG's XML namespaces
    assert not re.search(r"<(script|img|iframe)[^>]*\ssrc=", html)
    assert not re.search(r"<link[^>]*stylesheet", html)
    urls = set(re.findall(r"https?://[^\s\"'<>)]+", html))
    assert urls <= {"http://www.w3.org/2000/svg", "http://www.w3.org/1999/xlink"}
    assert "<svg" in html  # the chart, drawn when the page was written


def test_cli_report_writes_where_asked_and_says_where(prefect_harness, seeded, tmp_path: Path) -> None:
    out = tmp_path / "elsewhere" / "timeline.html"
    done = cli("report", "--data-dir", str(seeded[0]), "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"report: {out}"
    html = out.read_text(encoding="utf-8")
    # the link to the run's Data Docs still leads to them from where the page now is
    href = re.search(r'<dd id="data-docs"><a href="([^"]+)"', html).group(1)
    assert (out.parent / href).resolve().is_file()


def test_text_cannot_break_out_of_the_page() -> None:
    event = dict.fromkeys(EVENT_FIELDS)
    event |= {"sentence": "A </script><script>alert(1)</script> <!-- x", "type": "OTHER", "doc": 0}
    event |= {"status": "happened", "language": "en", "precision": "unknown", "date_source": "unresolved"}
    data = ReportData(
        events_json=json.dumps([[event[f] for f in EVENT_FIELDS]]),
        events_total=1,
        documents=[["a.txt", "<b>T</b>", None, "/a.txt", "en", None, 1]],
    )
    html = render(data, "x.duckdb", "now", [])
    island = html.split('<script type="application/json" id="report-data">', 1)[1]
    assert island.index("</script>") > island.index("alert(1)")  # the first </script> is the island's own
    scripts = ScriptCounter()
    scripts.feed(html)
    assert scripts.count == 2  # the data and the page's script: the text made none of its own
    data_text = island.split("</script>", 1)[0]
    assert json.loads(data_text)["events"][0][EVENT_FIELDS.index("sentence")] == event["sentence"]


class ScriptCounter(HTMLParser):
    count = 0

    def handle_starttag(self, tag, attrs) -> None:
        self.count += tag == "script"


# ---------------------------------------------------------------- in a real browser


def test_the_report_in_chromium(seeded, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    data, _ = seeded
    report = data / "report" / "index.html"
    total = rows(data, "select count(*) from events")[0][0]
    dated = rows(data, "select count(*) from events where date_start is not null")[0][0]
    (top_type, of_type), *_ = rows(
        data, "select event_type, count(*) from events group by 1 order by 2 desc, 1 limit 1"
    )
    assert 0 < of_type < total
    with chromium() as browser:
        open_report(browser, report)
        shown = lambda: browser.find_elements(By.CSS_SELECTOR, "#dated .event, #undated-list .event")  # noqa: E731

        # every event is on the screen, dated ones by month and the undated apart
        assert len(shown()) == total
        assert len(browser.find_elements(By.CSS_SELECTOR, "#dated .event")) == dated
        assert len(browser.find_elements(By.CSS_SELECTOR, "#undated-list .event")) == total - dated
        assert browser.find_element(By.ID, "count").text.startswith(f"{total} of {total} events")

        # the evidence: the sentence with its date expression marked, visible
        sentence, date_text = rows(
            data,
            "select sentence, date_text from events where date_text is not null and contains(sentence, date_text) "
            "order by date_start, event_id limit 1",
        )[0]
        marks = [m for m in browser.find_elements(By.CSS_SELECTOR, "#dated mark.date") if m.text == date_text]
        assert marks and marks[0].is_displayed()
        evidence = marks[0].find_element(By.XPATH, "./ancestor::p[@class='evidence']")
        assert " ".join(evidence.text.split()) == " ".join(sentence.split())

        # a filter narrows what is shown to what it asks for
        Select(browser.find_element(By.ID, "filter-type")).select_by_value(top_type)
        assert len(shown()) == of_type
        assert {e.text for e in browser.find_elements(By.CSS_SELECTOR, ".event .type")} == {top_type}
        browser.find_element(By.ID, "filter-reset").click()
        assert len(shown()) == total
        actor = rows(
            data,
            "select a from (select unnest(actors) as a from events) group by a order by count(*) desc, a limit 1",
        )[0][0]
        with_actor = rows(data, f"select count(*) from events where list_contains(actors, '{actor}')")[0][0]
        browser.find_element(By.ID, "filter-actor").send_keys(actor)
        assert with_actor <= len(shown()) < total

        # documents read and inputs rejected, with the reason
        assert len(browser.find_elements(By.CSS_SELECTOR, "#documents-body tr")) == 5
        rejected = browser.find_element(By.ID, "rejected-body").text
        assert "empty.txt" in rejected and "empty document" in rejected

        # not a blank page
        browser.find_element(By.ID, "filter-reset").click()
        png = browser.get_screenshot_as_png()
        assert distinct_colours(png) > 50

        # the run's Data Docs open from their link
        browser.find_element(By.CSS_SELECTOR, "#data-docs a").click()
        assert "Validation" in browser.page_source and seeded[1].run_id in browser.page_source


def test_the_report_is_written_atomically_and_rewritten(seeded) -> None:
    data, _ = seeded
    out = write_report(data)
    assert out == data / "report" / "index.html"
    assert [p.name for p in out.parent.iterdir()] == ["index.html"]  # no temporary file left
    stamp = re.search(r"written ([^.]+)\.", out.read_text(encoding="utf-8")).group(1)
    assert stamp.startswith(dt.date.today().isoformat()[:4])


def test_a_report_that_cannot_be_written_does_not_fail_the_run(
    prefect_harness, tmp_path: Path, capfd
) -> None:
    from flows.pipeline import timeline_flow

    data = tmp_path / "data"
    data.mkdir()
    (data / "report").write_text("a file where the report's folder goes", encoding="utf-8")
    summary = timeline_flow([str(ROOT / "seeds" / "000_644458f05d8138fc.txt")], str(data), 200, 30)
    assert summary.report is None and summary.status == "completed"
    assert rows(data, "select status, events_loaded > 0 from runs") == [("completed", True)]
    err = capfd.readouterr().err
    assert "warning: writing the report failed" in err and "the run's data is loaded" in err


def test_the_chart_keeps_to_where_the_events_are() -> None:
    from flows.report.chart import monthly_chart, window

    counts = [("1900-01", "OTHER", 1)] + [(f"2024-{m:02d}", "ARREST", 50) for m in range(1, 13)]
    assert window(counts) == ("2024-01", "2024-12")  # one stray year does not stretch the axis
    svg, note = monthly_chart(counts)
    assert svg.startswith("<svg") and "month" in note and "1 events before 2024-01" in note
    decades = [(f"{y}-06", "FUNDING", 10) for y in range(1990, 2026)]
    svg, note = monthly_chart(decades)
    assert note.startswith("year") and ">1990<" in svg and ">2025<" in svg
    assert monthly_chart([]) == ("", "month their period starts in")


def test_the_chart_counts_in_whole_numbers() -> None:
    import re

    from flows.report.chart import monthly_chart

    svg, _ = monthly_chart([("2024-01", "ARREST", 2), ("2024-01", "MEETING", 1), ("2024-03", "ARREST", 1)])
    ticks = re.findall(r'class="axis y[^"]*".*?</g></g>', svg, re.S)
    labels = set(re.findall(r">(\d+(?:\.\d+)?)</text>", ticks[0])) if ticks else set()
    assert labels == {"0", "1", "2", "3"}


def test_an_unchanged_rerun_links_the_last_validation(seeded) -> None:
    """Runs last in this module: it adds a run to the seeded warehouse."""
    from flows.pipeline import timeline_flow

    data, first = seeded
    inputs = rows(data, "select inputs from runs")[0][0].split(" ")
    again = timeline_flow(inputs, str(data), 200, 30)
    assert again.documents_skipped == 5 and again.validation_docs == []  # nothing new was validated
    html = (data / "report" / "index.html").read_text(encoding="utf-8")
    links = re.findall(
        r'<a href="([^"]+)">([^<]+)</a>', html.split('id="data-docs">', 1)[1].split("</dd>", 1)[0]
    )
    assert [label for _, label in links[:2]] == [
        f"documents-1 (run {first.run_id[:12]})",
        f"events-1 (run {first.run_id[:12]})",
    ]
    assert all((data / "report" / href).resolve().is_file() for href, _ in links)
