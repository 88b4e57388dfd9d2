"""The main flow: discover → skip unchanged → parse + extract → validate → load → export, streaming.

Documents flow in batches from discovery to the load; nothing holds the whole corpus:

- discovery yields documents one at a time and `batched` cuts them into batches of `batch_size`
  documents or BATCH_BYTES of input, whichever comes first;
- a document whose source, raw bytes and extractor version are already in the warehouse is
  skipped before it is parsed (a sha256 of the bytes is all it costs);
- `extract` (parse + events + Arrow rows) is pure: it runs in this process, or, with the Dask
  runner, on Dask workers, a few batches in flight at a time;
- each batch is validated by Great Expectations (its cost is ~1 s per call, nearly regardless of
  the rows: batches of small documents are large to amortise it) and loaded from Arrow into DuckDB
  by this process alone (DuckDB allows one writer); on Dask a batch is extracted as several parts,
  on several workers;
- the Parquet export is brought up to date once, at the end: the partitions that differ from the
  warehouse are written again (whatever this run changed, or an earlier run left behind).

Tasks work on whole batches (Prefect costs 10-16 ms per task, more on Dask). A run loads into a
copy of the warehouse file, each batch in a transaction of its own, and the copy replaces the file
when every batch is in (`Warehouse.on_a_copy`): a run that fails or is killed leaves the warehouse as
it was before it, and memory does not grow with the size of the run.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import time
import uuid
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
from prefect import flow, task
from prefect.cache_policies import NONE

from flows.budget import DEFAULT_DOC_SECONDS, DOC_SECONDS_ENV, OverBudget, slow_document_fault, time_budget
from flows.publish import publish_report, publish_validation
from flows.settings import DEFAULT_BATCH_SIZE, Settings
from flows.sources import BATCH_BYTES, batched, discover, printable, printable_rejection
from schemas.arrow import to_arrow
from schemas.tables import DOCUMENTS, EVENTS, REJECTED
from transforms.documents import compute_content_sha256, parse_document
from transforms.events import extract_events
from transforms.model import RawSource, Rejection
from transforms.records import document_row, event_row, rejection_row
from transforms.version import EXTRACTOR_VERSION
from warehouse.validate import judge_batch

RUNNERS = ("default", "dask")


@dataclass
class RunSummary:
    run_id: str
    documents_seen: int = 0
    documents_skipped: int = 0
    documents_loaded: int = 0
    documents_rejected: int = 0
    events_loaded: int = 0
    events_dated: int = 0
    events_undated: int = 0
    events_rejected: int = 0
    validation_success: bool = True
    batches_refused: int = 0
    failed_expectations: set[str] = field(default_factory=set)
    rejections: list[Rejection] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)
    status: str = "completed"
    export: dict = field(default_factory=dict)
    validation_docs: list[str] = field(default_factory=list)  # Data Docs pages, relative to the data dir
    report: str | None = None  # the HTML report written at the end of the run

    def timed(self, stage: str, started: float) -> float:
        spent = time.perf_counter() - started
        self.seconds[stage] = self.seconds.get(stage, 0.0) + spent
        return spent

    def add(self, stage: str, seconds: float) -> None:
        self.seconds[stage] = self.seconds.get(stage, 0.0) + seconds


@dataclass
class ExtractedBatch:
    """A batch as rows: what a worker sends back (Arrow, compact to ship between processes)."""

    documents: pa.Table
    events: pa.Table
    rejections: list[Rejection]
    text_lengths: dict[str, int]
    seen: int  # documents read (parsed or rejected at parse)
    seconds: float = 0.0  # time spent inside the task body
    parse_seconds: float = 0.0  # of which parsing (decode, repair, dates, language)


# ---------------------------------------------------------------- pure steps


# Python's cyclic garbage collector during a run. Extraction makes no reference cycles (a batch of 1,000
# bench documents leaves 0 unreachable objects; tests/test_flow.py checks the seeds), so its memory is
# freed as it goes without the collector; yet at the default threshold (a collection per 700 new
# objects) the collector ran ~160 times a batch, walking the batch's rows and the rules' resources:
# ~6% of extraction, and a full collection inside validation took 0.4 s now and then. At this threshold
# it runs about once a batch; what GX and Prefect leave in cycles is still collected, in larger rounds.
EXTRACT_GC_THRESHOLD = 50_000


@contextlib.contextmanager
def fewer_collections(threshold: int = EXTRACT_GC_THRESHOLD) -> Iterator[None]:
    """Run the block with the collector's first threshold raised to `threshold` (never lowered)."""
    before = gc.get_threshold()
    gc.set_threshold(max(threshold, before[0]), *before[1:])
    try:
        yield
    finally:
        gc.set_threshold(*before)


def extract_rows(
    raws: list, ingested_at: dt.datetime, doc_seconds: float = DEFAULT_DOC_SECONDS
) -> ExtractedBatch:
    """Parse and extract a batch of RawSources (and pass Rejections on) into Arrow rows. Pure, but for
    the clock: a document whose parse and extraction take longer than `doc_seconds` is interrupted and
    rejected (flows.budget), and the batch goes on."""
    with fewer_collections():
        return extracted_rows(raws, ingested_at, doc_seconds)


def extracted_rows(raws: list, ingested_at: dt.datetime, doc_seconds: float) -> ExtractedBatch:
    started = time.perf_counter()
    docs, rejected, spent = {}, [], {}
    for raw in raws:
        if isinstance(raw, Rejection):
            rejected.append(raw)
            continue
        begun = time.perf_counter()
        try:
            with time_budget(doc_seconds):
                out = parse_document(raw, EXTRACTOR_VERSION)
        except OverBudget:
            out = over_budget(raw.source_name, raw.source_key, None, doc_seconds)
        if isinstance(out, Rejection):
            rejected.append(out)
        else:
            docs[out.doc_id] = out  # the same text twice in a batch is one document
            spent[out.doc_id] = time.perf_counter() - begun
    parsed = time.perf_counter()
    seen = sum(1 for r in raws if not isinstance(r, Rejection)) + sum(
        1 for r in raws if isinstance(r, Rejection) and r.whole_document and r.stage in ("ingest", "parse")
    )
    document_rows, event_rows = [], []
    for doc in docs.values():
        left = max(doc_seconds - spent[doc.doc_id], 0.001) if doc_seconds > 0 else 0
        try:
            with time_budget(left):
                slow_document_fault(doc.source_name)
                rows = [event_row(e) for e in extract_events(doc)]
        except OverBudget:
            rejected.append(over_budget(doc.source_name, doc.source_key, doc.doc_id, doc_seconds))
            continue
        except Exception as exc:  # noqa: BLE001 - one bad document must not stop the run; it is reported
            rejected.append(
                Rejection(
                    doc.source_name, "extract", f"extraction failed: {exc!r}", doc.source_key, doc.doc_id
                )
            )
            continue
        document_rows.append(document_row(doc, ingested_at, EXTRACTOR_VERSION))
        event_rows.extend(rows)
    documents, events = storable_rows(document_rows, event_rows, rejected)
    return ExtractedBatch(
        documents=documents,
        events=events,
        rejections=rejected,
        text_lengths={d["doc_id"]: d["char_count"] for d in document_rows},
        seen=seen,
        seconds=time.perf_counter() - started,
        parse_seconds=parsed - started,
    )


def over_budget(name: str, key: str | None, doc_id: str | None, seconds: float) -> Rejection:
    return Rejection(
        name,
        "extract",
        f"took longer than the time budget of {seconds:g} s per document ({DOC_SECONDS_ENV}): "
        "interrupted, not loaded; split the document or raise the budget",
        key,
        doc_id,
    )


def storable_rows(
    document_rows: list[dict], event_rows: list[dict], rejected: list[Rejection]
) -> tuple[pa.Table, pa.Table]:
    """The rows as Arrow tables. Should one document's rows not convert (text Arrow cannot hold), that
    document is rejected and the others are kept: converted one document at a time, only then."""
    try:
        return to_arrow(DOCUMENTS, document_rows), to_arrow(EVENTS, event_rows)
    except Exception:  # noqa: BLE001 - find the document at fault below
        pass
    by_doc: dict[str, list[dict]] = {}
    for row in event_rows:
        by_doc.setdefault(row["doc_id"], []).append(row)
    documents, events = [], []
    for row in document_rows:
        try:
            documents.append(to_arrow(DOCUMENTS, [row]))
            events.append(to_arrow(EVENTS, by_doc.get(row["doc_id"], [])))
        except Exception as exc:  # noqa: BLE001 - this document alone is rejected
            if len(documents) > len(events):
                documents.pop()
            reason = f"its rows cannot be stored: {type(exc).__name__}: {exc}"
            rejected.append(
                Rejection(row["source_name"], "extract", reason, row["source_key"], row["doc_id"])
            )
    return concat(documents, DOCUMENTS), concat(events, EVENTS)


def concat(tables: list[pa.Table], table) -> pa.Table:
    return pa.concat_tables(tables) if tables else to_arrow(table, [])


# ---------------------------------------------------------------- tasks (one call each)


@task(name="extract", cache_policy=NONE)
def extract_batch(raws: list, ingested_at: dt.datetime, doc_seconds: float) -> ExtractedBatch:
    return extract_rows(raws, ingested_at, doc_seconds)


@task(name="validate", cache_policy=NONE)
def validate_rows(documents, events, text_lengths):
    from warehouse.validate import rejections, validate_batch

    started = time.perf_counter()
    doc_result = validate_batch(DOCUMENTS, documents)
    if doc_result.bad:  # a rejected document takes its events with it: no event without its document
        kept = pa.array(doc_result.good.column("doc_id").to_pylist(), pa.string())
        events = events.filter(pc.is_in(events.column("doc_id"), value_set=kept))
    event_result = validate_batch(EVENTS, events, text_lengths=text_lengths)
    bad = rejections(DOCUMENTS, documents, doc_result) + rejections(EVENTS, events, event_result)
    return doc_result, event_result, bad, time.perf_counter() - started


@task(name="load", cache_policy=NONE)
def load_rows(warehouse, documents, events, rejected) -> dict:
    """Load a batch in a transaction of its own (into the run's copy of the warehouse)."""
    started = time.perf_counter()
    with warehouse.transaction():
        counts = warehouse.load_batch(documents, events, rejected)
    return counts | {"seconds": time.perf_counter() - started}


@task(name="export", cache_policy=NONE)
def export_all(warehouse, exports_dir, run_id) -> dict:
    """Bring the Parquet export up to date with the warehouse (whatever this run changed or an earlier
    run left behind)."""
    from warehouse.export import export_parquet

    try:
        return export_parquet(warehouse, exports_dir, run_id=run_id)
    except Exception as error:  # noqa: BLE001 - the run's data is in: the flow says so, the next run repairs
        return {"mode": "failed", "error": printable(f"{type(error).__name__}: {error}")}


# ---------------------------------------------------------------- the flow


class Run:
    """One run's moving parts: the warehouse, the summary, and the batch being gathered."""

    def __init__(
        self, warehouse, summary: RunSummary, now: dt.datetime, max_invalid_share: float = 0.5
    ) -> None:
        self.wh, self.summary, self.now = warehouse, summary, now
        self.max_invalid_share = max_invalid_share
        self.pending: list[ExtractedBatch] = []  # the parts of the batch being gathered
        self.outcomes: list[tuple] = []  # (table, batch name, GX result) of each validation: the Data Docs

    def fresh(self, raws: list) -> list:
        """The batch minus the sources the warehouse already holds with the same bytes and extractor."""
        started = time.perf_counter()
        sources = [r for r in raws if isinstance(r, RawSource)]
        keys = [(r.source_key, compute_content_sha256(r.data)) for r in sources]
        unchanged = self.wh.unchanged_sources(keys, EXTRACTOR_VERSION)
        kept = [r for r in raws if not (isinstance(r, RawSource) and r.source_key in unchanged)]
        self.summary.documents_seen += len(raws) - len(kept)
        self.summary.documents_skipped += len(raws) - len(kept)
        self.summary.timed("ingest", started)
        return kept

    def gather(self, parts: list[ExtractedBatch], waited: float) -> None:
        """Take the extracted parts of a batch, then validate and load the batch."""
        self.summary.add("extract_wait", waited)
        for batch in parts:
            self.summary.add("parse", batch.parse_seconds)
            self.summary.add("extract", batch.seconds - batch.parse_seconds)
            self.summary.documents_seen += batch.seen
            self.pending.append(batch)
        self.flush()

    def flush(self) -> None:
        if not self.pending:
            return
        s, batches = self.summary, self.pending
        self.pending = []
        documents = concat([b.documents for b in batches], DOCUMENTS)
        events = concat([b.events for b in batches], EVENTS)
        rejected = [printable_rejection(r) for b in batches for r in b.rejections]
        lengths = {k: v for b in batches for k, v in b.text_lengths.items()}
        del batches

        # Texts already loaded by this extractor (a copy under another name) or met earlier in the
        # batch: skipped, as before, by doc_id.
        doc_ids = documents.column("doc_id").to_pylist()
        known = self.wh.known_documents(doc_ids, EXTRACTOR_VERSION)
        first = {}
        for position, doc_id in enumerate(doc_ids):
            first.setdefault(doc_id, position)
        if known or len(first) < len(doc_ids):
            keep = [p for d, p in first.items() if d not in known]
            documents = documents.take(pa.array(keep, pa.int64()))
            events = events.filter(
                pc.is_in(events.column("doc_id"), value_set=pa.array([doc_ids[p] for p in keep], pa.string()))
            )
        s.documents_skipped += len(doc_ids) - documents.num_rows

        started = time.perf_counter()
        doc_result, event_result, invalid, inside = validate_rows(documents, events, lengths)
        s.add("orchestration", time.perf_counter() - started - inside)
        s.timed("validate", started)
        s.validation_success &= doc_result.success and event_result.success
        n = len(self.outcomes) // 2 + 1
        self.outcomes += [
            ("documents", f"documents-{n}", doc_result.outcome),
            ("events", f"events-{n}", event_result.outcome),
        ]
        s.failed_expectations |= set(doc_result.failed_expectations) | set(event_result.failed_expectations)
        verdict = judge_batch(
            {
                "documents": (documents.num_rows, doc_result),
                "events": (event_result.good.num_rows + len(event_result.bad), event_result),
            },
            self.max_invalid_share,
        )
        refused = 0
        if not verdict.load:
            # Refused whole: none of its documents or events load, so the next run takes them again.
            s.batches_refused += 1
            refused = documents.num_rows
            names = documents.column("source_name").to_pylist()
            rejected += [
                Rejection(name, "validate", verdict.reason, doc_id=doc_id)
                for name, doc_id in zip(names, documents.column("doc_id").to_pylist(), strict=True)
            ]
            doc_result = replace(doc_result, good=doc_result.good.slice(0, 0))
            event_result = replace(event_result, good=event_result.good.slice(0, 0), bad=[])
        else:
            rejected += invalid

        started = time.perf_counter()
        rows = to_arrow(REJECTED, [rejection_row(r, s.run_id, self.now) for r in rejected])
        counts = load_rows(self.wh, doc_result.good, event_result.good, rows)
        s.add("orchestration", time.perf_counter() - started - counts.pop("seconds"))
        s.timed("load", started)

        s.documents_loaded += doc_result.good.num_rows
        s.documents_rejected += refused + sum(
            1 for r in rejected if r.whole_document and r.stage in ("ingest", "parse", "extract")
        )
        s.events_loaded += event_result.good.num_rows
        undated = event_result.good.column("date_start").null_count if event_result.good.num_rows else 0
        s.events_undated += undated
        s.events_dated += event_result.good.num_rows - undated
        s.events_rejected += len(event_result.bad)
        s.rejections += rejected


def timed(items: Iterable, summary: RunSummary, stage: str) -> Iterator:
    """`items`, adding the time spent producing each one to `stage`."""
    iterator = iter(items)
    while True:
        started = time.perf_counter()
        try:
            item = next(iterator)
        except StopIteration:
            summary.timed(stage, started)
            return
        summary.timed(stage, started)
        yield item


def extracted_inline(batches: Iterator[list], now: dt.datetime, summary: RunSummary, doc_seconds: float):
    """(batch, seconds the flow waited) for each batch, extracted here, one after the other."""
    for raws in batches:
        started = time.perf_counter()
        out = extract_batch(raws, now, doc_seconds)
        waited = time.perf_counter() - started
        summary.add("orchestration", waited - out.seconds)
        yield [out], waited, len(raws)


def extracted_submitted(batches: Iterator[list], now: dt.datetime, parts: int, doc_seconds: float):
    """The same through the flow's task runner (Dask): each batch cut into `parts` parts, two batches
    in flight; (parts of a batch, seconds waited, documents) in batch order."""
    in_flight: deque = deque()
    waited = 0.0
    for raws in batches:
        started = time.perf_counter()
        size = max(1, -(-len(raws) // parts))
        futures = [
            extract_batch.submit(raws[i : i + size], now, doc_seconds) for i in range(0, len(raws), size)
        ]
        in_flight.append((futures, len(raws)))
        waited += time.perf_counter() - started
        if len(in_flight) >= 2:
            yield collect(*in_flight.popleft(), waited)
            waited = 0.0
    while in_flight:
        yield collect(*in_flight.popleft(), 0.0)


def collect(futures: list, n: int, waited: float) -> tuple[list[ExtractedBatch], float, int]:
    started = time.perf_counter()
    return [f.result() for f in futures], waited + time.perf_counter() - started, n


@flow(name="timeline", log_prints=False)
def timeline_flow(
    inputs: list[str],
    data_dir: str,
    batch_size: int = DEFAULT_BATCH_SIZE,
    lock_timeout: float = 60,
    on_batch: Callable[[int], None] | None = None,
    in_flight: int = 1,
    follow_links: bool = False,
) -> RunSummary:
    """Ingest `inputs` (files and folders) into the warehouse in `data_dir`, then export Parquet.

    `in_flight` > 1 submits extraction to the flow's task runner, each batch in that many parts (see
    `flow_for`); 1 extracts in this process. `follow_links`: follow links out of the input folders.

    The run's status says what happened: `failed`, the warehouse is as before; `loaded`, its data is
    in the warehouse but the export failed (`summary.export["error"]`; the next run repairs it);
    `completed` or `completed_with_rejections`, both."""
    from warehouse.store import Warehouse

    settings = Settings(tuple(inputs), Path(data_dir), batch_size, lock_timeout, follow_links=follow_links)
    summary = RunSummary(run_id=uuid.uuid4().hex)
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    begun = time.perf_counter()
    # the whole run with fewer collections: validation and loading make many objects too
    with fewer_collections(), Warehouse.open(settings.database, lock_timeout=settings.lock_timeout) as wh:
        summary.status = "running"
        wh.record_run(run_row(summary, now, settings, None))
        run = Run(wh, summary, now, settings.max_invalid_share)
        try:
            with wh.on_a_copy():
                found = timed(discover(settings.inputs, settings.follow_links), summary, "ingest")
                cut = batched(found, settings.batch_size, BATCH_BYTES)
                batches = (run.fresh(raws) for raws in cut)
                extracted = (
                    extracted_inline(batches, now, summary, settings.doc_seconds)
                    if in_flight <= 1
                    else extracted_submitted(batches, now, in_flight, settings.doc_seconds)
                )
                span = time.perf_counter()
                for parts, waited, _ in extracted:
                    run.gather(parts, waited)
                    if on_batch:  # documents read so far, the unchanged (skipped) ones too
                        on_batch(summary.documents_seen)
                summary.seconds["extract_span"] = time.perf_counter() - span
                run.flush()
                # The run's row goes into the copy with its data: once the copy is swapped in, the
                # warehouse says the data is in, even if the export then fails or the run is killed.
                summary.status = "loaded"
                wh.record_run(run_row(summary, now, settings, time.perf_counter() - begun))
        except BaseException:
            summary.status = "failed"
            wh.record_run(run_row(summary, now, settings, time.perf_counter() - begun))
            raise
        started = time.perf_counter()
        summary.export = export_all(wh, settings.exports, summary.run_id)
        if summary.export["mode"] != "failed":
            summary.status = "completed_with_rejections" if summary.rejections else "completed"
        summary.timed("export", started)
        started = time.perf_counter()
        summary.validation_docs = publish_validation(run.outcomes, settings.data_dir, summary.run_id, now)
        summary.timed("data_docs", started)
        summary.seconds["total"] = time.perf_counter() - begun
        wh.record_run(run_row(summary, now, settings, summary.seconds["total"]))
        started = time.perf_counter()  # while the run holds the warehouse: the next run waits for it
        summary.report = publish_report(settings.data_dir, wh.con)
        summary.timed("report", started)
    return summary


def flow_for(runner: str = "default", dask_address: str | None = None, workers: int | None = None):
    """(the flow with the chosen task runner, parts to cut each batch into).

    "default": extraction in this process. "dask": extraction on Dask through prefect-dask's
    DaskTaskRunner, on the cluster at `dask_address`, or on a local cluster of `workers` worker
    processes (one thread each: the extractors are pure Python and hold the GIL)."""
    if runner not in RUNNERS:
        raise ValueError(f"unknown runner {runner!r}: choose one of {', '.join(RUNNERS)}")
    if runner == "default":
        return timeline_flow, 1
    import logging

    from prefect_dask import DaskTaskRunner

    logging.getLogger("distributed").setLevel(logging.WARNING)  # no INFO line per worker and connection
    if dask_address:
        return timeline_flow.with_options(task_runner=DaskTaskRunner(address=dask_address)), 2 * (
            workers or 2
        )
    n = workers or 2
    cluster = {
        "n_workers": n,
        "threads_per_worker": 1,
        "processes": True,
        "dashboard_address": None,
        "preload": ["flows.dask_worker"],  # workers warm before their first batch (see that module)
    }
    api = prefect_api_url()
    if api:
        cluster["env"] = {"PREFECT_API_URL": api}
    return timeline_flow.with_options(task_runner=DaskTaskRunner(cluster_kwargs=cluster)), 2 * n


def prefect_api_url() -> str | None:
    """The Prefect API this process talks to, its ephemeral server started if none is configured.

    Local Dask workers get it: without one, each worker's first task started an ephemeral Prefect
    server of its own (measured: two extra API servers at ~60% of a core each during the first
    batches, on a two-core machine), and its task runs were recorded there, not with the flow's."""
    from prefect.settings import PREFECT_API_URL, PREFECT_SERVER_EPHEMERAL_ENABLED

    url = PREFECT_API_URL.value()
    if url or not PREFECT_SERVER_EPHEMERAL_ENABLED.value():
        return url or None
    from prefect.server.api.server import SubprocessASGIServer

    server = SubprocessASGIServer()  # the one instance this process's flows use too
    server.start()
    return server.api_url


def run_row(s: RunSummary, started_at: dt.datetime, settings: Settings, total: float | None) -> dict:
    finished = None if total is None else started_at + dt.timedelta(seconds=total)
    return {
        "run_id": s.run_id,
        "started_at": started_at,
        "finished_at": finished,
        "status": s.status,
        "inputs": printable(" ".join(settings.inputs)),
        "extractor_version": EXTRACTOR_VERSION,
        "documents_seen": s.documents_seen,
        "documents_skipped": s.documents_skipped,
        "documents_loaded": s.documents_loaded,
        "documents_rejected": s.documents_rejected,
        "events_loaded": s.events_loaded,
        "events_dated": s.events_dated,
        "events_undated": s.events_undated,
        "events_rejected": s.events_rejected,
        "validation_success": s.validation_success,
        "failed_expectations": sorted(s.failed_expectations),
        "batches_refused": s.batches_refused,
        "validation_docs": s.validation_docs or None,
        **{
            f"seconds_{k}": s.seconds.get(k)
            for k in ("ingest", "extract", "validate", "load", "export", "total")
        },
    }
