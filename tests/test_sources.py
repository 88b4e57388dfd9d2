"""Discovery on real files in tmp_path: order, kinds, sidecars, JSON Lines, and inputs that cannot be read."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from flows.sources import batched, discover
from transforms.model import RawSource, Rejection

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def split(items: list) -> tuple[list[RawSource], list[Rejection]]:
    sources = [item for item in items if isinstance(item, RawSource)]
    rejections = [item for item in items if isinstance(item, Rejection)]
    assert len(sources) + len(rejections) == len(items)
    return sources, rejections


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


# --- batching --------------------------------------------------------------------------------------


def test_batched() -> None:
    assert list(batched(range(7), 3)) == [[0, 1, 2], [3, 4, 5], [6]]
    assert list(batched([], 3)) == []
    with pytest.raises(ValueError):
        list(batched([1], 0))


def test_a_batch_ends_at_its_byte_limit_or_its_count_whichever_comes_first() -> None:
    def source(size: int) -> RawSource:
        return RawSource("a.txt", f"a{size}", "txt", b"x" * size, {})

    items = [source(10), source(10), Rejection("r", "ingest", "why"), source(30), source(1), source(1)]
    cut = list(batched(items, 100, max_bytes=25))
    assert [[len(i.data) if isinstance(i, RawSource) else "r" for i in b] for b in cut] == [
        [10, 10, "r", 30],  # a rejection holds no data; a large document ends its batch
        [1, 1],
    ]
    assert [len(b) for b in batched(items, 2, max_bytes=10**6)] == [2, 2, 2]


# --- files and folders -----------------------------------------------------------------------------


def test_seeds_folder() -> None:
    sources, rejections = split(list(discover([SEEDS])))
    assert rejections == []
    assert [s.source_name for s in sources] == sorted(p.name for p in SEEDS.glob("*.txt"))
    first = sources[0]
    assert first.source_name == "000_644458f05d8138fc.txt"
    assert first.source_key == str((SEEDS / first.source_name).resolve())
    assert first.kind == "txt"
    assert first.data == (SEEDS / first.source_name).read_bytes()
    assert isinstance(first.data, bytes)


def test_folder_recursive_sorted_kinds_and_ignored_files(tmp_path: Path) -> None:
    write(tmp_path / "b.txt", "b")
    write(tmp_path / "a" / "z.md", "z")
    write(tmp_path / "a" / "y.HTML", "<p>y</p>")
    write(tmp_path / "a" / "x.htm", "<p>x</p>")
    write(tmp_path / "c.pdf", b"%PDF-1.4")  # unsupported inside a folder: ignored silently
    write(tmp_path / "notes", "no extension")
    write(tmp_path / ".hidden" / "h.txt", "hidden")
    write(tmp_path / "b.txt.meta.json", '{"title": "B"}')  # a sidecar is not a document
    sources, rejections = split(list(discover([tmp_path])))
    assert rejections == []
    assert [(s.source_name, s.kind) for s in sources] == [
        ("x.htm", "html"),
        ("y.HTML", "html"),
        ("z.md", "md"),
        ("b.txt", "txt"),
    ]
    assert sources[-1].meta == {"title": "B"}


def test_discovery_is_deterministic(tmp_path: Path) -> None:
    for name in ["q.txt", "a.txt", "m.md", "sub/k.txt"]:
        write(tmp_path / name, name)
    first = [s.source_key for s in discover([tmp_path])]
    assert first == [s.source_key for s in discover([tmp_path])]
    assert first == sorted(first)


def test_explicit_files_and_unsupported_extension(tmp_path: Path) -> None:
    doc = write(tmp_path / "doc.txt", "tekst")
    pdf = write(tmp_path / "doc.pdf", b"%PDF-1.4")
    sources, rejections = split(list(discover([str(doc), pdf, tmp_path / "missing.txt"])))
    assert [s.source_name for s in sources] == ["doc.txt"]
    assert [(r.source_name, r.stage) for r in rejections] == [
        ("doc.pdf", "ingest"),
        ("missing.txt", "ingest"),
    ]
    assert "unsupported file type '.pdf'" in rejections[0].reason
    assert "no such file" in rejections[1].reason


def test_a_file_reached_twice_is_taken_once(tmp_path: Path) -> None:
    doc = write(tmp_path / "doc.txt", "tekst")
    sources, _ = split(list(discover([tmp_path, doc])))
    assert len(sources) == 1


# --- sidecars --------------------------------------------------------------------------------------


@pytest.mark.parametrize("sidecar_name", ["a.txt.meta.json", "a.meta.json"])
def test_sidecar_both_names(tmp_path: Path, sidecar_name: str) -> None:
    write(tmp_path / "a.txt", "tekst")
    meta = {"title": "T", "url": "https://x.org", "published": "2024-09", "language": "nl", "id": 7}
    write(tmp_path / sidecar_name, json.dumps(meta))
    (source,) = discover([tmp_path / "a.txt"])
    assert source.meta == {
        "title": "T",
        "url": "https://x.org",
        "published": "2024-09",
        "language": "nl",
        "id": "7",
    }


def test_sidecar_malformed_date_and_unknown_keys(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", "tekst")
    write(
        tmp_path / "a.meta.json",
        json.dumps({"title": "T", "published": "3 sept", "author": "X", "tags": [1]}),
    )
    (source,), warnings = split(list(discover([tmp_path])))
    assert source.meta["title"] == "T"
    assert "published" not in source.meta
    assert "author" not in source.meta and "tags" not in source.meta
    assert any("3 sept" in warning for warning in source.meta["_warnings"])
    # each dropped value is reported, as a problem with part of the document (which still loads)
    assert [(w.source_name, w.whole_document) for w in warnings] == [("a.txt", False), ("a.txt", False)]
    assert any("'author'" in w.reason and "'tags'" in w.reason for w in warnings)


def test_sidecar_bad_json_is_rejected_but_the_document_loads(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", "tekst")
    write(tmp_path / "a.txt.meta.json", '{"title": "T",')
    sources, rejections = split(list(discover([tmp_path])))
    assert [(s.source_name, s.meta) for s in sources] == [("a.txt", {})]
    assert [(r.source_name, r.stage) for r in rejections] == [("a.txt.meta.json", "ingest")]
    assert "malformed sidecar" in rejections[0].reason


# --- JSON Lines ------------------------------------------------------------------------------------


def test_jsonl_good_and_broken_lines(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "n1", "text": "Eerste tekst.", "title": "Een", "published": "2024-01-02", "x": 1}),
        '{"text": "broken',
        "",
        json.dumps({"text": "Zonder id.", "published": "nooit"}),
        json.dumps({"id": "n3"}),
        json.dumps({"text": "   "}),
        json.dumps(["text", "a list"]),
        json.dumps({"id": "n1", "text": "Dubbele id."}),
    ]
    path = write(tmp_path / "docs.jsonl", "\n".join(lines) + "\n")
    sources, rejections = split(list(discover([tmp_path])))
    real = str(path.resolve())
    assert [(s.source_name, s.source_key, s.kind, s.data) for s in sources] == [
        ("docs.jsonl#n1", f"{real}#n1", "jsonl", "Eerste tekst."),
        ("docs.jsonl#L4", f"{real}#L4", "jsonl", "Zonder id."),
    ]
    assert {k: v for k, v in sources[0].meta.items() if k != "_warnings"} == {
        "id": "n1",
        "title": "Een",
        "published": "2024-01-02",
    }
    assert "published" not in sources[1].meta and sources[1].meta["_warnings"]
    notes = [r for r in rejections if not r.whole_document]  # the unknown key 'x', the date 'nooit'
    assert [r.source_name for r in notes] == ["docs.jsonl#n1", "docs.jsonl#L4"]
    rejections = [r for r in rejections if r.whole_document]
    assert [r.source_name for r in rejections] == [
        "docs.jsonl#L2",
        "docs.jsonl#L5",
        "docs.jsonl#L6",
        "docs.jsonl#L7",
        "docs.jsonl#L8",
    ]
    assert all(r.stage == "ingest" for r in rejections)
    assert "not valid JSON" in rejections[0].reason
    assert '"text"' in rejections[1].reason
    assert "duplicate id" in rejections[-1].reason


def test_jsonl_invalid_utf8_line(tmp_path: Path) -> None:
    path = write(tmp_path / "d.jsonl", b'{"text": "caf\xe9"}\n{"text": "ok"}\n')
    sources, rejections = split(list(discover([path])))
    assert [s.source_name for s in sources] == ["d.jsonl#L2"]
    assert [r.source_name for r in rejections] == ["d.jsonl#L1"]


# --- unreadable input ------------------------------------------------------------------------------


def test_unreadable_file(tmp_path: Path) -> None:
    path = write(tmp_path / "secret.txt", "geheim")
    path.chmod(0)
    try:
        if os.access(path, os.R_OK):
            pytest.skip("running as a user who can read a chmod 000 file (root)")
        sources, rejections = split(list(discover([tmp_path])))
        assert sources == []
        assert [(r.source_name, r.stage) for r in rejections] == [("secret.txt", "ingest")]
        assert "permission denied" in rejections[0].reason
    finally:
        path.chmod(0o644)


def test_symlink_loop_is_rejected_and_the_rest_loads(tmp_path: Path) -> None:
    write(tmp_path / "d" / "a.txt", "a")
    (tmp_path / "d" / "loop").symlink_to(tmp_path / "d", target_is_directory=True)
    sources, rejections = split(list(discover([tmp_path])))
    assert [s.source_name for s in sources] == ["a.txt"]
    assert [r.source_name for r in rejections] == ["loop"]
    assert "symbolic link loop" in rejections[0].reason


def test_self_referencing_symlinks(tmp_path: Path) -> None:
    (tmp_path / "x.txt").symlink_to(tmp_path / "y.txt")
    (tmp_path / "y.txt").symlink_to(tmp_path / "x.txt")
    sources, rejections = split(list(discover([tmp_path])))
    assert sources == []
    assert sorted(r.source_name for r in rejections) == ["x.txt", "y.txt"]
    assert all("loop" in r.reason for r in rejections)


def test_broken_symlink(tmp_path: Path) -> None:
    (tmp_path / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    sources, rejections = split(list(discover([tmp_path])))
    assert sources == []
    assert [r.source_name for r in rejections] == ["gone.txt"]
    assert "broken symbolic link" in rejections[0].reason


def test_a_folder_linked_twice_is_walked_once(tmp_path: Path) -> None:
    write(tmp_path / "real" / "a.txt", "a")
    (tmp_path / "alias").symlink_to(tmp_path / "real", target_is_directory=True)
    sources, rejections = split(list(discover([tmp_path])))
    assert [s.source_key for s in sources] == [str((tmp_path / "real" / "a.txt").resolve())]
    assert rejections == []


def test_read_error_is_a_rejection_even_as_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # chmod 000 does not stop root, so the same path is also exercised with the error the OS would give.
    write(tmp_path / "secret.txt", "geheim")
    write(tmp_path / "open.txt", "open")
    real_read_bytes = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        if self.name == "secret.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real_read_bytes(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    sources, rejections = split(list(discover([tmp_path])))
    assert [s.source_name for s in sources] == ["open.txt"]
    assert [r.source_name for r in rejections] == ["secret.txt"]
    assert rejections[0].reason == "cannot read file: permission denied"
