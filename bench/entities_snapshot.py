"""Snapshot of what the entity reader and the layout give on every text we have, to prove a change for
speed changed nothing.

    python -m bench.entities_snapshot save  SNAPSHOT.jsonl   # before the change
    python -m bench.entities_snapshot check SNAPSHOT.jsonl   # after: lists every document that differs

Per document: `read_entities`' resolved mentions, roles and dateline place, its `in_span` answer for every
sentence and for the whole text (read with and without the caller's sentences, where `read_entities`
takes them), and `layout.metadata_lines`, `layout.title_span` and `layout.opening_lines`. Texts: the
seeds, the devnews corpus and 500 documents of the benchmark corpus, as `parse_document` gives them.
Needs ../shared for devnews and the benchmark's paragraphs.
"""

from __future__ import annotations

import inspect
import json
import sys
from collections.abc import Iterator
from pathlib import Path

from bench.corpus import SHARED, document
from bench.snapshots import run
from transforms import layout
from transforms.documents import parse_document
from transforms.entities import read_entities
from transforms.model import RawSource
from transforms.sentences import split_sentences

ROOT = Path(__file__).resolve().parents[1]
BENCH_DOCS = 500


def texts() -> Iterator[tuple[str, str, str]]:
    """(key, text, language) of every document in the snapshot."""
    for folder in (ROOT / "seeds", SHARED / "devnews"):
        for path in sorted(folder.glob("*.txt")):
            doc = parse_document(RawSource(path.name, str(path), "txt", path.read_bytes()))
            if hasattr(doc, "text"):
                yield f"{folder.name}/{path.name}", doc.text, doc.language
    for i in range(BENCH_DOCS):
        rel, text = document(i)
        doc = parse_document(RawSource(rel, rel, "txt", text.encode("utf-8")))
        yield f"bench/{rel}", doc.text, doc.language


def entities_record(entities, segments) -> dict:
    return {
        "mentions": [[m.start, m.end, m.name, m.actor, m.location] for m in entities.mentions],
        "roles": [entities.roles.sender, entities.roles.addressee],
        "issued_at": entities.issued_at,
        "spans": [entities.in_span(s.start, s.end) for s in segments]
        + [entities.in_span(0, segments[-1].end if segments else 0)],
    }


def takes_sentences() -> bool:
    return "sentences" in inspect.signature(read_entities).parameters


def clear_layout_caches() -> None:
    """A fresh read of the next text's lines (the layout keeps the last texts' lines)."""
    layout.opening_lines.cache_clear()
    if hasattr(layout, "line_reader"):
        layout.line_reader.cache_clear()


def record(text: str, language: str) -> dict:
    segments = split_sentences(text, language)
    row = {"entities": entities_record(read_entities(text, language), segments)}
    if takes_sentences():  # the caller's sentences give the same answers
        given = read_entities(text, language, sentences=segments)
        row["entities_given"] = entities_record(given, segments)
    clear_layout_caches()
    row["title"] = layout.title_span(text, language)
    row["metadata"] = layout.metadata_lines(text, language)
    row["opening"] = [[x.start, x.end, x.kind, x.span, x.prose] for x in layout.opening_lines(text, language)]
    clear_layout_caches()
    row["metadata_first"] = layout.metadata_lines(text, language)  # in the other order
    row["title_second"] = layout.title_span(text, language)
    return json.loads(json.dumps(row, ensure_ascii=False))  # tuples as lists, as the saved file has them


def rows() -> Iterator[tuple[str, dict]]:
    for key, text, language in texts():
        yield key, record(text, language)


def differs(key: str, old: dict | None, new: dict, shown: int) -> bool:
    """The reading with the caller's sentences is compared with the one without, not with the file."""
    if "entities_given" in new:
        given = new.pop("entities_given")
        if given != new["entities"]:
            new["entities_given_differs"] = given
    old = old and {k: v for k, v in old.items() if k != "entities_given"}
    if old == new:
        return False
    if shown < 10:
        keys = sorted(k for k in set(old or {}) | set(new) if (old or {}).get(k) != new.get(k))
        print(f"DIFF {key}: {keys}")
    return True


def main(argv: list[str]) -> int:
    return run(argv, __doc__, rows, differs, "documents")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
