"""Our evaluation commands agree with the shared scorers the acceptance checks use."""

from __future__ import annotations

import json
import re
import subprocess
import sys

from tests.conftest import ROOT, shared_path


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
