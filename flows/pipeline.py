"""The main flow: discover → parse → extract → validate → load → export, in batches of documents.

Tasks work on whole batches (Prefect costs 10-16 ms per task: never a task per document). Every
task body is one call into `transforms/` or `warehouse/`. All batches of a run load inside one
DuckDB transaction: a run that fails or is killed leaves the warehouse as it was before it.
"""

from __future__ import annotations

import datetime as dt
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
from prefect import flow, task
from prefect.cache_policies import NONE

from flows.settings import Settings
from flows.sources import batched, discover
from schemas.arrow import to_arrow
from schemas.tables import DOCUMENTS, EVENTS, REJECTED
from transforms.documents import parse_document
from transforms.events import extract_events
from transforms.model import Document, Event, Rejection
from transforms.records import document_row, event_row, rejection_row
from transforms.version import EXTRACTOR_VERSION


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
    failed_expectations: set[str] = field(default_factory=set)
    rejections: list[Rejection] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)
    status: str = "completed"

    def timed(self, stage: str, started: float) -> None:
        self.seconds[stage] = self.seconds.get(stage, 0.0) + time.perf_counter() - started


@dataclass
class ExtractedBatch:
    documents: list[Document]
    events: list[Event]
    rejections: list[Rejection]


# ---------------------------------------------------------------- tasks (one call each)


@task(name="parse", cache_policy=NONE)
def parse_batch(raws: list) -> tuple[list[Document], list[Rejection]]:
    docs, rejected = [], []
    for raw in raws:
        out = raw if isinstance(raw, Rejection) else parse_document(raw, EXTRACTOR_VERSION)
        (rejected if isinstance(out, Rejection) else docs).append(out)
    return docs, rejected


@task(name="extract", cache_policy=NONE)
def extract_batch(docs: list[Document]) -> ExtractedBatch:
    events, rejected, kept = [], [], []
    for doc in docs:
        try:
            events.extend(extract_events(doc))
            kept.append(doc)
        except Exception as exc:  # noqa: BLE001 - one bad document must not stop the run; it is reported
            rejected.append(Rejection(doc.source_name, "extract", f"extraction failed: {exc!r}",
                                      doc.source_key, doc.doc_id))
    return ExtractedBatch(kept, events, rejected)


@task(name="validate", cache_policy=NONE)
def validate_rows(documents, events, text_lengths):
    from warehouse.validate import rejections, validate_batch

    doc_result = validate_batch(DOCUMENTS, documents)
    if doc_result.bad:  # a rejected document takes its events with it: no event without its document
        kept = pa.array(doc_result.good.column("doc_id").to_pylist())
        events = events.filter(pc.is_in(events.column("doc_id"), value_set=kept))
    event_result = validate_batch(EVENTS, events, text_lengths=text_lengths)
    bad = rejections(DOCUMENTS, documents, doc_result) + rejections(EVENTS, events, event_result)
    return doc_result, event_result, bad


@task(name="load", cache_policy=NONE)
def load_rows(warehouse, documents, events, rejected) -> dict:
    return warehouse.load_batch(documents, events, rejected)


@task(name="export", cache_policy=NONE)
def export_all(warehouse, exports_dir) -> dict:
    from warehouse.export import export_parquet

    return export_parquet(warehouse, exports_dir)


# ---------------------------------------------------------------- the flow


def process_batch(raws: list, warehouse, summary: RunSummary, now: dt.datetime) -> None:
    started = time.perf_counter()
    docs, rejected = parse_batch(raws)
    summary.timed("ingest", started)
    summary.documents_seen += len(docs) + sum(1 for r in rejected if r.stage in ("ingest", "parse"))
    known = warehouse.known_documents([d.doc_id for d in docs], EXTRACTOR_VERSION)
    fresh = [d for d in {d.doc_id: d for d in docs}.values() if d.doc_id not in known]
    summary.documents_skipped += len(docs) - len(fresh)

    started = time.perf_counter()
    batch = extract_batch(fresh)
    summary.timed("extract", started)
    rejected += batch.rejections

    started = time.perf_counter()
    documents = to_arrow(DOCUMENTS, [document_row(d, now, EXTRACTOR_VERSION) for d in batch.documents])
    events = to_arrow(EVENTS, [event_row(e) for e in batch.events])
    lengths = {d.doc_id: len(d.text) for d in batch.documents}
    doc_result, event_result, invalid = validate_rows(documents, events, lengths)
    summary.timed("validate", started)
    summary.validation_success &= doc_result.success and event_result.success
    summary.failed_expectations |= set(doc_result.failed_expectations) | set(event_result.failed_expectations)
    rejected += invalid

    started = time.perf_counter()
    rows = to_arrow(REJECTED, [rejection_row(r, summary.run_id, now) for r in rejected])
    load_rows(warehouse, doc_result.good, event_result.good, rows)
    summary.timed("load", started)

    summary.documents_loaded += doc_result.good.num_rows
    summary.documents_rejected += sum(1 for r in rejected if r.stage in ("ingest", "parse", "extract"))
    summary.events_loaded += event_result.good.num_rows
    dated = event_result.good.column("date_start").null_count if event_result.good.num_rows else 0
    summary.events_undated += dated
    summary.events_dated += event_result.good.num_rows - dated
    summary.events_rejected += len(event_result.bad)
    summary.rejections += rejected


@flow(name="timeline", log_prints=False)
def timeline_flow(inputs: list[str], data_dir: str, batch_size: int = 200, lock_timeout: float = 60,
                  on_batch: Callable[[int], None] | None = None) -> RunSummary:
    """Ingest `inputs` (files and folders) into the warehouse in `data_dir`, then export Parquet."""
    from warehouse.store import Warehouse

    settings = Settings(tuple(inputs), Path(data_dir), batch_size, lock_timeout)
    summary = RunSummary(run_id=uuid.uuid4().hex)
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    begun = time.perf_counter()
    with Warehouse.open(settings.database, lock_timeout=settings.lock_timeout) as wh:
        summary.status = "running"
        wh.record_run(run_row(summary, now, settings, None))
        summary.status = "completed"
        wh.begin()
        try:
            for raws in batched(discover(settings.inputs), settings.batch_size):
                process_batch(raws, wh, summary, now)
                if on_batch:
                    on_batch(len(raws))
            wh.commit()
        except BaseException:
            wh.rollback()
            summary.status = "failed"
            wh.record_run(run_row(summary, now, settings, time.perf_counter() - begun))
            raise
        started = time.perf_counter()
        export_all(wh, settings.exports)
        summary.timed("export", started)
        if summary.rejections:
            summary.status = "completed_with_rejections"
        summary.seconds["total"] = time.perf_counter() - begun
        wh.record_run(run_row(summary, now, settings, summary.seconds["total"]))
    return summary


def run_row(s: RunSummary, started_at: dt.datetime, settings: Settings, total: float | None) -> dict:
    finished = None if total is None else started_at + dt.timedelta(seconds=total)
    return {
        "run_id": s.run_id,
        "started_at": started_at,
        "finished_at": finished,
        "status": s.status,
        "inputs": " ".join(settings.inputs),
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
        **{f"seconds_{k}": s.seconds.get(k) for k in ("ingest", "extract", "validate", "load", "export", "total")},
    }
