"""Our evaluation commands agree with the shared scorers the acceptance checks use."""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, shared_path
from tests.test_warehouse import document_row, event_row, load
from transforms.evaluation.timeline import score_timeline
from warehouse.export import export_parquet
from warehouse.store import Warehouse


def last_line(out: str) -> str:
    return out.strip().splitlines()[-1]


def test_evaluate_timeml_agrees_with_the_shared_scorer(tmp_path):
    corpus = shared_path("corpora", "tempeval3", "train", "TimeBank")
    gold = tmp_path / "gold"
    gold.mkdir()
    for path in sorted(corpus.glob("*.tml"))[:8]:
        (gold / path.name).write_bytes(path.read_bytes())
    out = tmp_path / "out"
    subprocess.run(
        [sys.executable, "-m", "flows.cli", "timeml", str(gold), str(out)],
        check=True,
        cwd=ROOT,
        capture_output=True,
    )
    shared = subprocess.run(
        [sys.executable, str(shared_path("tools", "score_timeml.py")), str(gold), str(out)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    ours = subprocess.run(
        [sys.executable, "-m", "flows.cli", "evaluate", "timeml", str(gold)],
        check=True,
        cwd=ROOT,
        capture_output=True,
        text=True,
    ).stdout
    assert last_line(ours) == last_line(shared)
    assert re.search(r"relaxed F1 0\.[5-9]", last_line(ours))


MODEL_SPEC = [
    {
        "Input": "Ik ben van 2014 tot en met 2018 weg",
        "Context": {"ReferenceDateTime": "2016-11-07T00:00:00"},
        "Results": [
            {
                "Text": "van 2014 tot en met 2018",
                "Start": 7,
                "End": 30,
                "TypeName": "datetimeV2.daterange",
                "Resolution": {
                    "values": [
                        {
                            "timex": "(2014-01-01,2019-01-01,P5Y)",
                            "type": "daterange",
                            "start": "2014-01-01",
                            "end": "2019-01-01",
                        }
                    ]
                },
            }
        ],
    },
    {
        "Input": "Ik kwam gisteren terug",
        "Context": {"ReferenceDateTime": "2016-11-07T00:00:00"},
        "Results": [
            {
                "Text": "gisteren",
                "Start": 8,
                "End": 15,
                "TypeName": "datetimeV2.date",
                "Resolution": {"values": [{"timex": "2016-11-06", "type": "date", "value": "2016-11-06"}]},
            }
        ],
    },
    {
        "Input": "Het was in mei",
        "Context": {"ReferenceDateTime": "2016-11-07T00:00:00"},
        "Results": [
            {
                "Text": "mei",
                "Start": 11,
                "End": 13,
                "TypeName": "datetimeV2.daterange",
                "Resolution": {
                    "values": [
                        {"timex": "XXXX-05", "type": "daterange", "start": "2016-05-01", "end": "2016-06-01"},
                        {"timex": "XXXX-05", "type": "daterange", "start": "2017-05-01", "end": "2017-06-01"},
                    ]
                },
            }
        ],
    },
    {
        "Input": "Ik ben drie dagen weg",
        "Context": {"ReferenceDateTime": "2016-11-07T00:00:00"},
        "Results": [
            {
                "Text": "drie dagen",
                "Start": 7,
                "End": 16,
                "TypeName": "datetimeV2.duration",
                "Resolution": {"values": [{"timex": "P3D", "type": "duration", "value": "259200"}]},
            }
        ],
    },
]


def test_evaluate_specs_agrees_with_the_shared_scorer(tmp_path):
    scorer = shared_path("tools", "score_specs.py")
    spec = tmp_path / "DateTimeModel.json"
    spec.write_text(json.dumps(MODEL_SPEC), encoding="utf-8-sig")
    lines = [
        json.dumps(
            {"id": i, "text": c["Input"], "dct": c["Context"]["ReferenceDateTime"][:10], "language": "nl"}
        )
        for i, c in enumerate(MODEL_SPEC)
    ]
    tagged = subprocess.run(
        [sys.executable, "-m", "flows.cli", "tag"],
        input="\n".join(lines),
        check=True,
        cwd=ROOT,
        capture_output=True,
        text=True,
    ).stdout
    system = tmp_path / "system.jsonl"
    system.write_text(tagged, encoding="utf-8")
    shared = last_line(
        subprocess.run(
            [sys.executable, str(scorer), str(spec), str(system)], check=True, capture_output=True, text=True
        ).stdout
    )
    ours = last_line(
        subprocess.run(
            [sys.executable, "-m", "flows.cli", "evaluate", "specs", str(spec), "--language", "nl"],
            check=True,
            cwd=ROOT,
            capture_output=True,
            text=True,
        ).stdout
    )

    def figures(line: str) -> dict[str, str]:
        return dict(re.findall(r"(relaxed F1|strict F1|value F1) ([0-9.]+)", line))

    assert figures(ours) == figures(shared)
    # the gold's end-exclusive 2019-01-01 is our inclusive 2018-12-31: all three dates are right
    assert figures(ours)["value F1"] == "1.000"


# ---------------------------------------------------------------- the reference timeline

A_TEXT = (
    "De minister sprak maandag met Frontex en bezoekt vrijdag Calais. Er waren meer dan 36.800 aankomsten. "
    "Lees ook: cookies accepteren."
)
B_TEXT = (
    "Talks in Dover did not take place in April 2025. Talks in Lille took place in April 2025. "
    "Talks resumed in May 2025. See case 2025/123 for details."
)
APRIL = {"date_start": dt.date(2025, 4, 1), "date_end": dt.date(2025, 4, 30), "date_precision": "month"}
UNDATED = {"date_start": None, "date_end": None, "date_precision": "unknown", "date_source": "unresolved"}


def day(d: int, month: int = 5) -> dict:
    return {
        "date_start": dt.date(2025, month, d),
        "date_end": dt.date(2025, month, d),
        "date_precision": "day",
    }


def row(event_id: str, doc: str, sentence: str, trigger: str, event_type: str, **fields: object) -> dict:
    """An exported event of A_TEXT (doc "a") or B_TEXT ("b") with true offsets."""
    text = A_TEXT if doc == "a" else B_TEXT
    start = text.index(sentence)
    at = text.index(trigger, start)
    base = {
        "source_name": f"{doc}.txt",
        "sentence": sentence,
        "char_start": start,
        "char_end": start + len(sentence),
        "clause_start": start,
        "clause_end": start + len(sentence),
        "trigger": trigger,
        "trigger_start": at,
        "trigger_end": at + len(trigger),
        "event_type": event_type,
        "actors": [],
        "locations": [],
        "quantities": [],
    }
    return event_row(event_id, f"d{doc}", **(base | fields))


S1 = "De minister sprak maandag met Frontex en bezoekt vrijdag Calais."
S5 = "Talks in Lille took place in April 2025."
QUANTITIES = [
    {
        "value": 36800.0,
        "unit": "people",
        "text": "meer dan 36.800",
        "qualifier": "more than",
        "what": "aankomsten",
    },
    {"value": 2.0, "unit": "", "text": "twee"},
]
# Two rows of one sentence (S1) whose dates are swapped: each reference event is judged on the row whose
# trigger lies in its cue, so both are dated wrong (with every row of the sentence both would be right).
# Two rows of S5 whose triggers both lie in the cue, equally good: the first row decides.
ROWS = [
    row("e1", "a", S1, "sprak", "MEETING", actors=["minister", "Frontex"], **day(9)),
    row("e2", "a", S1, "bezoekt", "MEETING", status="planned", actors=["minister", "Calais council"],
        locations=["Calais"], **day(5)),
    row("e3", "a", "Er waren meer dan 36.800 aankomsten.", "aankomsten", "OTHER", quantities=QUANTITIES,
        **UNDATED),
    row("e4", "a", "Lees ook: cookies accepteren.", "Lees", "OTHER", **UNDATED),  # a non-event
    row("e5", "b", "Talks in Dover did not take place in April 2025.", "Talks", "NEGOTIATION",
        locations=["Dover"], **APRIL),
    row("e6", "b", S5, "Talks", "NEGOTIATION", locations=["Lille"], **APRIL),
    row("e7", "b", S5, "took place", "NEGOTIATION", actors=["Lille council"], **day(10, 4)),
    row("e8", "b", "Talks resumed in May 2025.", "resumed", "NEGOTIATION",
        **day(1) | {"date_end": dt.date(2025, 5, 31), "date_precision": "month"}),
    row("e9", "b", "See case 2025/123 for details.", "See", "PUBLICATION",
        **day(1, 1) | {"date_end": dt.date(2025, 12, 31), "date_precision": "year"}),
]  # fmt: skip
GOLD = {
    "documents": {
        "a.txt": {
            "published": {"start": "2025-05-01", "end": "2025-05-31"},
            "events": [
                {"id": "meeting", "cues": ["sprak maandag met Frontex"], "type": "MEETING", "status": "happened",
                 "accept": [["2025-05-05", "2025-05-05"]], "required": True,
                 "actors": ["Frontex", "de minister"], "locations": ["Den Haag"]},
                {"id": "visit", "cues": ["bezoekt vrijdag Calais"], "type": "MEETING", "status": "planned",
                 "accept": [["2025-05-09", "2025-05-09"]], "required": True,
                 "actors": ["minister"], "locations": ["Calais"]},
                {"id": "arrivals", "cues": ["36.800 aankomsten"], "type": "CROSSING_STATISTIC",
                 "status": "happened", "accept": None,
                 "quantities": [{"value": 36800, "unit": "people", "what": "aankomsten", "qualifier": "more than"}]},
                {"id": "missing", "cues": ["niet in de tekst"], "type": "OTHER",
                 "accept": [["2025-01-01", "2025-12-31"]], "required": True},
            ],
            "not_events": ["Lees ook: cookies"],
        },
        "b.txt": {
            "published": None,
            "events": [
                {"id": "dover", "cues": ["Talks in Dover did not take place"], "type": "NEGOTIATION",
                 "status": "negated", "accept": [["2025-04-01", "2025-04-30"]], "required": True,
                 "locations": ["Dover"]},
                {"id": "lille", "cues": ["Talks in Lille took place"], "type": "NEGOTIATION",
                 "status": "happened", "accept": [["2025-04-01", "2025-04-30"]], "actors": [],
                 "locations": ["Lille"]},
                {"id": "case", "cues": ["for details"], "type": "PUBLICATION", "accept": None},
            ],
            "must_not": ["2025/123"],
        },
    }
}  # fmt: skip
EVENTS_LINE = (
    "events: type 5/6 right; status 4/5 right (1/2 of the not happened); actors P 0.75 R 1.00 F1 0.86; "
    "locations P 1.00 R 0.75 F1 0.86; quantities P 0.50 R 1.00 F1 0.67; "
    "rows 9, 2 match no reference event (1 dated), 1 non-events"
)
TIMELINE_LINE = "timeline: required 1/4, all 3/7 dated right; invented 1; traps 1; dct 2/2"


@pytest.fixture
def small_export(tmp_path: Path) -> tuple[Path, Path]:
    """(the data dir of a warehouse holding ROWS, exported; the reference timeline GOLD as a file)."""
    data = tmp_path / "data"
    documents = [
        document_row("da", "in/a.txt", text=A_TEXT),
        document_row(
            "db", "in/b.txt", text=B_TEXT, language="en", published_start=None, published_end=None,
            published_precision="unknown", published_source="unknown",
        ),
    ]  # fmt: skip
    with Warehouse.open(data / "timeline.duckdb") as wh:
        load(wh, documents, ROWS)
        export_parquet(wh, data / "exports")
    gold = tmp_path / "gold.json"
    gold.write_text(json.dumps(GOLD), encoding="utf-8")
    return data, gold


def our_lines(data: Path, gold: Path) -> list[str]:
    return subprocess.run(
        [sys.executable, "-m", "flows.cli", "evaluate", "timeline", str(gold), "--data-dir", str(data)],
        check=True,
        cwd=ROOT,
        capture_output=True,
        text=True,
    ).stdout.splitlines()


def test_evaluate_timeline_scores_what_the_rows_say_and_when(small_export: tuple[Path, Path]) -> None:
    lines = our_lines(*small_export)
    assert lines[-2:] == [EVENTS_LINE, TIMELINE_LINE]
    assert "NOTEV a.txt: 1 row(s) from 'Lees ook: cookies'" in lines
    assert "TRAP b.txt: 1 dated event(s) from text containing '2025/123'" in lines


def test_evaluate_timeline_prints_the_shared_scorers_two_lines(small_export: tuple[Path, Path]) -> None:
    scorer = shared_path("tools", "score_timeline.py")
    data, gold = small_export
    shared = subprocess.run(
        [sys.executable, str(scorer), str(gold), str(data / "exports")],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.splitlines()
    ours = our_lines(data, gold)
    assert ours[-2:] == shared[-2:]
    assert ours == shared  # and every line before them


def test_rows_of_one_sentence_are_judged_by_the_trigger_in_the_cue() -> None:
    events = [
        {"source_name": "a.txt", "sentence": S1, "trigger": trigger, "status": status} | dates
        for trigger, status, dates in (("sprak", "happened", day(5)), ("bezoekt", "planned", day(9)))
    ]
    visit = GOLD["documents"]["a.txt"]["events"][1]
    gold = {"documents": {"a.txt": {"events": [visit | {"required": True}]}}}
    score = score_timeline(gold, events, [])
    assert (score.required, score.status_right, score.other_status_right) == (1, 1, 1)
    # without triggers (an older export), every row of the sentence is a candidate; the best is dated right
    untriggered = score_timeline(gold, [{k: v for k, v in e.items() if k != "trigger"} for e in events], [])
    assert (untriggered.required, untriggered.status_right) == (1, 1)
    swapped = [events[0] | day(9), events[1] | day(5)]
    assert score_timeline(gold, swapped, []).required == 0
    assert (
        score_timeline(gold, [{k: v for k, v in e.items() if k != "trigger"} for e in swapped], []).required
        == 1
    )
