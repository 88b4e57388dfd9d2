"""Actors and locations against the devnews reference, before the clause-level event extractor lands.

For every reference event, the candidate spans are the sentences (`transforms.sentences`) that hold one
of its cues; each is asked for its (actors, locations) and scored against the event's `actors` and
`locations` with the scorer's own matching rule (`same_name` of `../shared/tools/score_timeline.py`:
one name contains the other, case and quotes folded). Two readings of "the candidate":

- first: the sentence of the first cue the text holds (what a one-row-per-event extractor gives);
- best: of the cue sentences, the one whose names score best for that event (the scorer picks the best
  candidate row too, by its date; without dates this is the optimistic bound).

    .venv/bin/python bench/entities_eval.py            # document-level reading (read_entities)
    .venv/bin/python bench/entities_eval.py --sentence # the per-sentence extract_entities alone
    .venv/bin/python bench/entities_eval.py -v         # each event: wanted, got

Reads ../shared at run time; not part of the runtime code.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpora" / "devnews"
sys.path.insert(0, str(ROOT))

from transforms import entities  # noqa: E402
from transforms.documents import parse_document  # noqa: E402
from transforms.model import RawSource  # noqa: E402
from transforms.sentences import split_sentences  # noqa: E402


def load_scorer():
    spec = importlib.util.spec_from_file_location("score_timeline", SHARED / "tools" / "score_timeline.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def read_documents() -> dict[str, tuple[str, str]]:
    """name -> (text as the pipeline sees it, language)."""
    manifest = {m["file"]: m for m in json.loads((CORPUS / "manifest.json").read_text(encoding="utf-8"))}
    docs = {}
    for path in sorted(CORPUS.glob("*.txt")):
        meta = {"language": manifest.get(path.name, {}).get("language")}
        raw = RawSource(path.name, str(path), "txt", path.read_bytes(), {k: v for k, v in meta.items() if v})
        doc = parse_document(raw)
        docs[path.name] = (doc.text, doc.language)
    return docs


def cue_spans(text: str, language: str, cues: list[str], norm) -> list[tuple[int, int]]:
    """The sentences holding each cue, in cue order (a cue across two sentences gets both)."""
    segments = [(s.start, s.end, norm(s.text)) for s in split_sentences(text, language)]
    spans: list[tuple[int, int]] = []
    for cue in cues:
        want = norm(cue)
        found = [(s, e) for s, e, t in segments if want in t]
        if not found:
            found = [
                (a[0], b[1])
                for a, b in zip(segments, segments[1:], strict=False)
                if want in norm(text[a[0] : b[1]])
            ]
        spans.extend(span for span in found[:1] if span not in spans)
    return spans


def counts(want: list[str], have: list[str], same_name) -> tuple[int, int, int, int]:
    return (
        sum(any(same_name(w, h) for h in have) for w in want),
        len(want),
        sum(any(same_name(w, h) for w in want) for h in have),
        len(have),
    )


def f1(c: tuple[int, int, int, int]) -> float:
    p = c[2] / c[3] if c[3] else 0.0
    r = c[0] / c[1] if c[1] else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sentence", action="store_true", help="score extract_entities on each sentence")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    scorer = load_scorer()
    gold = json.loads((CORPUS / "gold" / "timeline.json").read_text(encoding="utf-8"))["documents"]
    docs = read_documents()
    use_document = not args.sentence and hasattr(entities, "read_entities")
    totals = {(mode, key): [0, 0, 0, 0] for mode in ("first", "best") for key in ("actors", "locations")}
    for name, ref in gold.items():
        text, language = docs[name]
        reader = entities.read_entities(text, language) if use_document else None
        for ev in ref["events"]:
            spans = cue_spans(text, language, ev["cues"], scorer.norm)
            if not spans:
                print(f"NO CUE {ev['id']}")
                continue
            answers = []
            for s, e in spans:
                got = reader.in_span(s, e) if reader else entities.extract_entities(text[s:e], language)
                scored = {}
                for key, have in zip(("actors", "locations"), got, strict=True):
                    want = ev.get(key)
                    if want is not None:
                        scored[key] = counts(want, have, scorer.same_name)
                answers.append((got, scored))

            def merit(answer):
                scored = answer[1].values()
                return (sum(f1(c) for c in scored), -sum(c[3] - c[2] for c in scored))

            for mode, (got, scored) in (("first", answers[0]), ("best", max(answers, key=merit))):
                for key, c in scored.items():
                    totals[mode, key] = [a + b for a, b in zip(totals[mode, key], c, strict=True)]
                if args.verbose and mode == "first":
                    print(f"{ev['id']:36s} A want {ev.get('actors')} got {got[0]}")
                    print(f"{'':36s} L want {ev.get('locations')} got {got[1]}")
    reading = "read_entities(text).in_span" if use_document else "extract_entities(sentence)"
    print(f"reading: {reading}")
    for mode in ("first", "best"):
        parts = []
        for key in ("actors", "locations"):
            c = totals[mode, key]
            parts.append(f"{key} {scorer.prf(*c)}")
        print(f"{mode:5s}: " + "; ".join(parts))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
