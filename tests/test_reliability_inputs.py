"""Reliability, item 1: every kind of bad document beside good ones in one run. Each good document loads,
each bad one lands in `rejected` with a reason a person understands, the summary counts them, and the
exit code says whether anything was rejected."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from tests.faults import BAD_INPUTS, DUTCH, GOOD_SEED, SEEDS, jsonl_lines, write_bad_corpus
from tests.reliability import cli, cli_env, rows, run_flow
from transforms.documents import MAX_INPUT_BYTES
from transforms.sentences import MAX_SENTENCE_CHARS

HUGE_BYTES = 50_000_000
RUN_ON_CHARS = 200_000

GOOD = {
    GOOD_SEED, "utf16_bom.txt", "cp1252.txt", "latin1.txt", "mojibake.txt", "stray_script.txt", "page.html",
    "invalid_utf8.txt", "feed.jsonl#good1", "feed.jsonl#good2", "dated.txt", "broken_meta.txt", "inner.txt",
    "run_on.txt",
}  # fmt: skip
# name -> words its reason must contain (besides the BAD_INPUTS ones)
REJECTED = {
    **{name: words for name, (_, words) in BAD_INPUTS.items() if words},
    "feed.jsonl#L2": "not valid JSON",
    "feed.jsonl#L3": 'no non-empty string "text"',
    "feed.jsonl#L5": 'no non-empty string "text"',
    "feed.jsonl#L6": "not a JSON object",
    "broken_meta.txt.meta.json": "malformed sidecar",
    "dated.txt": "metadata:",
    "secret.txt": "permission denied",
    "self.txt": "symbolic link loop",
    "loop": "symbolic link loop",
    "huge.txt": "document too large",
}


def write_run_on(path: Path) -> None:
    """A 200 KB "sentence": words without a single punctuation mark, with one date in the middle."""
    words = "de minister sprak met de burgemeester over de boot en de haven "
    half = (words * (RUN_ON_CHARS // len(words) // 2 + 1))[: RUN_ON_CHARS // 2]
    path.write_text(half + "op 7 maart 2024 " + half, encoding="utf-8")


def write_huge(path: Path) -> None:
    """A single 50 MB document (sparse writes would not be read faster: it is real text)."""
    block = (DUTCH + "\n").encode() * 8192
    with path.open("wb") as handle:
        written = 0
        while written < HUGE_BYTES:
            handle.write(block)
            written += len(block)
        handle.truncate(HUGE_BYTES)


@pytest.fixture(scope="module")
def bad_run(prefect_harness, tmp_path_factory):
    folder = tmp_path_factory.mktemp("in")
    write_bad_corpus(folder)
    write_run_on(folder / "run_on.txt")
    write_huge(folder / "huge.txt")
    data = tmp_path_factory.mktemp("data")
    secret = folder / "secret.txt"
    real_read_bytes = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        # chmod 000 does not stop root (CI may run as root): the OS error a user would get, for this file.
        if self.name == "secret.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real_read_bytes(self)

    secret.chmod(0)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(Path, "read_bytes", read_bytes)
        summary = run_flow([folder], data)
    secret.chmod(0o644)
    return folder, data, summary


def test_every_good_document_loads(bad_run) -> None:
    _, data, summary = bad_run
    loaded = {name for (name,) in rows(data, "select source_name from documents")}
    assert loaded == GOOD
    assert summary.documents_loaded == len(GOOD)
    (orphans,) = rows(data, "select count(*) from events where doc_id not in (select doc_id from documents)")[
        0
    ]
    assert orphans == 0


def test_every_bad_input_is_rejected_with_a_reason_a_person_understands(bad_run) -> None:
    _, data, _ = bad_run
    rejected = dict(rows(data, "select source_name, reason from rejected"))
    assert set(rejected) == set(REJECTED)
    for name, words in REJECTED.items():
        assert words in rejected[name], (name, rejected[name])
    assert "50.0 MB" in rejected["huge.txt"] and "split it" in rejected["huge.txt"]


# sidecar problems are reported, but their documents load: they are not rejected documents
SIDECAR_PROBLEMS = {"broken_meta.txt.meta.json", "dated.txt"}


def test_the_summary_counts_the_rejections(bad_run) -> None:
    _, data, summary = bad_run
    assert {r.source_name for r in summary.rejections} == set(REJECTED)
    rejected_documents = len(set(REJECTED) - SIDECAR_PROBLEMS)
    assert summary.documents_rejected == rejected_documents
    assert summary.documents_seen == summary.documents_loaded + summary.documents_rejected
    assert rows(data, "select status, documents_loaded, documents_rejected from runs") == [
        ("completed_with_rejections", len(GOOD), rejected_documents)
    ]


def test_text_is_decoded_and_repaired_as_written(bad_run) -> None:
    _, data, _ = bad_run
    text = dict(rows(data, "select source_name, text from documents"))
    assert text["utf16_bom.txt"].startswith("Op 5 maart 2024 tekende")
    assert "“café, naïve, één keer €5”" in text["cp1252.txt"]
    assert "réfugiés" in text["latin1.txt"]
    assert "het café in Calais één keer" in text["mojibake.txt"] and "Ã" not in text["mojibake.txt"]
    assert "één keer" in text["invalid_utf8.txt"] and "\ufffd" in text["invalid_utf8.txt"]
    # Characters of another script stay as written: the offsets of the evidence point into this text.
    assert "Հայաստան" in text["stray_script.txt"] and "東京" in text["stray_script.txt"]
    seed = (SEEDS / GOOD_SEED).read_text(encoding="utf-8")
    assert any("\u0530" <= ch <= "\u058f" for ch in seed)  # the seed does hold Armenian letters
    assert text[GOOD_SEED] in seed


def test_evidence_offsets_point_into_the_stored_text(bad_run) -> None:
    _, data, _ = bad_run
    found = rows(
        data,
        "select e.source_name, e.sentence, substring(d.text, e.char_start + 1, e.char_end - e.char_start) "
        "from events e join documents d using (doc_id)",
    )
    assert found and all(sentence == span for _, sentence, span in found)


def test_html_scripts_and_styles_are_not_text(bad_run) -> None:
    _, data, _ = bad_run
    ((text,),) = rows(data, "select text from documents where source_name = 'page.html'")
    assert "tekenden de ministers in Parijs" in text
    for hidden in ("alert", "document.write", "color: red", "1999", "verborgen"):
        assert hidden not in text
    assert rows(data, "select count(*) from events where year(date_start) = 1999") == [(0,)]
    assert rows(data, "select min(date_start) from events where source_name = 'page.html'") == [
        (__import__("datetime").date(2025, 2, 14),)
    ]


def test_a_200_kb_sentence_is_cut_into_readable_evidence(bad_run) -> None:
    _, data, _ = bad_run
    found = rows(data, "select length(sentence), date_start from events where source_name = 'run_on.txt'")
    assert found and max(length for length, _ in found) <= MAX_SENTENCE_CHARS
    assert any(str(start) == "2024-03-07" for _, start in found)


def test_the_50_mb_document_is_refused_before_decoding() -> None:
    import time

    from transforms.documents import parse_document
    from transforms.model import RawSource

    data = b"x" * (MAX_INPUT_BYTES + 1)
    started = time.perf_counter()
    result = parse_document(RawSource("big.txt", "big.txt", "txt", data, {}))
    assert time.perf_counter() - started < 1.0
    assert result.reason.startswith("document too large")


def test_jsonl_good_lines_load_and_broken_ones_are_rejected(bad_run) -> None:
    _, data, _ = bad_run
    _, good, bad = jsonl_lines()
    names = {
        n for (n,) in rows(data, "select source_name from documents where source_name like 'feed.jsonl#%'")
    }
    assert names == set(good)
    stages = dict(rows(data, "select source_name, stage from rejected where source_name like 'feed.jsonl#%'"))
    assert stages == dict.fromkeys(bad, "ingest")


def test_a_sidecar_with_a_malformed_date_or_unknown_keys_is_reported(bad_run) -> None:
    _, data, _ = bad_run
    assert rows(data, "select published_source from documents where source_name = 'dated.txt'") != [
        ("sidecar",)
    ]
    reasons = [r for (r,) in rows(data, "select reason from rejected where source_name like 'dated%'")]
    assert any("31-02-2024" in r for r in reasons)
    assert any("author" in r for r in reasons)


def test_the_sidecar_date_is_not_used_but_the_document_and_its_title_load(bad_run) -> None:
    _, data, _ = bad_run
    assert rows(data, "select title, published_source from documents where source_name = 'dated.txt'") == [
        ("Dated", "unknown")
    ]


def test_a_second_run_over_the_bad_input_adds_nothing(bad_run, prefect_harness) -> None:
    folder, data, _ = bad_run
    before = rows(data, "select count(*) from documents"), rows(data, "select count(*) from events")
    rejected_before = rows(data, "select count(*) from rejected")
    secret = folder / "secret.txt"
    secret.rename(folder.parent / f"{folder.name}-secret.txt")  # root could read it now
    try:
        summary = run_flow([folder], data)
    finally:
        shutil.move(folder.parent / f"{folder.name}-secret.txt", secret)
    assert (summary.documents_loaded, summary.events_loaded) == (0, 0)
    assert (rows(data, "select count(*) from documents"), rows(data, "select count(*) from events")) == before
    assert rows(data, "select count(*) from rejected") == rejected_before  # the same problems, not again


# --- the command line: exit codes ------------------------------------------------------------------


def test_help_documents_the_exit_codes() -> None:
    for args in (["--help"], ["run", "--help"]):
        out = cli(*args).stdout
        for code, words in [
            ("0", "nothing was rejected"),
            ("1", "failed"),
            ("2", "bad command line"),
            ("3", "rejected"),
            ("4", "lock"),
        ]:
            assert any(line.strip().startswith(code) and words in line for line in out.splitlines()), (
                code,
                out,
            )


def test_exit_code_says_whether_anything_was_rejected(prefect_harness, tmp_path: Path) -> None:
    clean, dirty = tmp_path / "clean", tmp_path / "dirty"
    clean.mkdir()
    dirty.mkdir()
    shutil.copy(SEEDS / GOOD_SEED, clean)
    shutil.copy(SEEDS / GOOD_SEED, dirty)
    (dirty / "empty.txt").write_bytes(b"")
    (dirty / "image.txt").write_bytes(BAD_INPUTS["image.txt"][0])
    from flows.cli import main

    # In this process (cheap): the code `main` hands to sys.exit. Then one real process for the real thing.
    assert main(["run", str(clean), "--data-dir", str(tmp_path / "d1"), "--quiet"]) == 0
    assert main(["run", str(dirty), "--data-dir", str(tmp_path / "d3"), "--quiet"]) == 3
    env = cli_env()
    bad = cli("run", str(dirty), "--data-dir", str(tmp_path / "d2"), "--quiet", env=env)
    assert bad.returncode == 3, bad.stderr
    assert "1 loaded, 2 rejected" in bad.stdout
    assert "rejected [parse] empty.txt: empty document" in bad.stdout
    assert "rejected [parse] image.txt: binary file, not text" in bad.stdout
    assert cli("run", "--batch-size", "many", env=env).returncode == 2


def test_a_missing_input_is_rejected_not_fatal(prefect_harness, tmp_path: Path) -> None:
    data = tmp_path / "data"
    summary = run_flow([SEEDS / GOOD_SEED, tmp_path / "nowhere.txt"], data)
    assert summary.documents_loaded == 1
    assert rows(data, "select source_name, reason from rejected") == [
        ("nowhere.txt", "no such file or folder")
    ]
    assert json.dumps(summary.seconds)  # the run finished and timed itself
    assert os.path.exists(data / "exports" / "documents.parquet")
