"""Quantities on devnews: `extract_quantities` on the sentences of each reference event, P/R/F1 by value.

For every event of `../shared/corpora/devnews/gold/timeline.json` (each has a `quantities` list, often
empty), the story sentences that contain one of its cues (compared as the scorer compares them) are run
through `extract_quantities`; the values found are matched against the event's reference values with the
scorer's rule (equal within 0.5%, `score_content` in `../shared/tools/score_timeline.py`). A value found
for an event whose reference list is empty is a false positive.

Two views:
- `event`: the scorer's view, per event. A sentence that states two events (one with a count, one
  without) charges the count to both: the event extractor's clauses, not this module, separate them.
- `sentence`: this module's own job. Each sentence once; a value found there is right when some event
  stated in that sentence has it (precision); recall as in the event view (a reference value is found
  when one of its event's sentences yields it).

`--show` lists every false positive and every miss, with its sentence.
Usage: `.venv/bin/python -m bench.quantities_eval [--show]`. Not runtime code: it reads ../shared.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from pathlib import Path

from transforms.documents import parse_document
from transforms.model import RawSource
from transforms.quantities import extract_quantities
from transforms.sentences import split_sentences

ROOT = Path(__file__).resolve().parents[1]
DEVNEWS = ROOT.parent / "shared" / "corpora" / "devnews"
QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-"})


def norm(text: str) -> str:
    """As the scorer compares texts: NFKC, quotes and dashes folded, white space and case ignored."""
    text = unicodedata.normalize("NFKC", text or "").translate(QUOTES)
    return re.sub(r"\s+", " ", text).strip().casefold()


def close(a: float, b: float) -> bool:
    return abs(a - b) <= 0.005 * max(abs(a), abs(b), 1)


def read_sentences(path: Path, language: str) -> list[str]:
    raw = RawSource(path.name, str(path), "txt", path.read_bytes())
    doc = parse_document(raw)
    text = getattr(doc, "text", "")
    return [seg.text for seg in split_sentences(text, language, getattr(doc, "title", None))]


class Counts:
    def __init__(self) -> None:
        self.found = self.found_right = self.wanted = self.wanted_hit = 0

    def add(self, have: list[float], want: list[float]) -> tuple[list[float], list[float]]:
        """Count one unit; return (false positives, misses)."""
        wrong = [h for h in have if not any(close(h, w) for w in want)]
        missed = [w for w in want if not any(close(h, w) for h in have)]
        self.found += len(have)
        self.found_right += len(have) - len(wrong)
        self.wanted += len(want)
        self.wanted_hit += len(want) - len(missed)
        return wrong, missed

    def line(self, name: str) -> str:
        p = self.found_right / self.found if self.found else 0.0
        r = self.wanted_hit / self.wanted if self.wanted else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return (
            f"{name}: P {p:.2f} ({self.found_right}/{self.found}) R {r:.2f} ({self.wanted_hit}/{self.wanted})"
            f" F1 {f:.2f}"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="store_true", help="list false positives and misses")
    args = parser.parse_args()
    if not DEVNEWS.exists():
        print(f"{DEVNEWS} is not available")
        return 1
    gold = json.loads((DEVNEWS / "gold" / "timeline.json").read_text(encoding="utf-8"))["documents"]
    languages = {m["file"]: m["language"] for m in json.loads((DEVNEWS / "manifest.json").read_text())}
    by_event, by_sentence = Counts(), Counts()
    for name, doc in gold.items():
        language = languages[name]
        sentences = read_sentences(DEVNEWS / name, language)
        normed = [norm(s) for s in sentences]
        found = {}  # sentence index -> values
        stated: dict[int, list[float]] = {}  # sentence index -> the reference values of its events
        for event in doc["events"]:
            want_q = event.get("quantities")
            if want_q is None:
                continue
            want = [q["value"] for q in want_q if q.get("value") is not None]
            cues = [norm(c) for c in event["cues"]]
            mine = [i for i, s in enumerate(normed) if any(c in s for c in cues)]
            have = []
            for i in mine:
                if i not in found:
                    found[i] = [q.value for _, _, q in extract_quantities(sentences[i], language)]
                have += found[i]
                stated.setdefault(i, []).extend(want)
            wrong, missed = by_event.add(have, want)
            if args.show and (wrong or missed):
                print(f"{event['id']}: false {wrong} missed {missed}")
                for i in mine:
                    print(f"    | {sentences[i][:300]}")
        for i, values in found.items():
            wrong, _ = by_sentence.add(values, sorted(set(stated[i])))
            if args.show and wrong:
                print(f"[sentence] {name[:2]} false {wrong} | {sentences[i][:200]}")
    by_sentence.wanted, by_sentence.wanted_hit = by_event.wanted, by_event.wanted_hit
    print(by_event.line("event"))
    print(by_sentence.line("sentence"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
