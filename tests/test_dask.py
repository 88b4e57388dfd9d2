"""`timeline run --runner dask`: extraction on a local Dask cluster (two worker processes, through
prefect-dask) gives exactly the warehouse rows of the default runner."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from tests.conftest import ROOT

SEEDS = ROOT / "seeds"


def warehouse(data_dir: Path) -> dict[str, list[tuple]]:
    con = duckdb.connect(str(data_dir / "timeline.duckdb"), read_only=True)
    try:
        return {
            "documents": con.execute(
                "select * exclude (ingested_at) from documents order by doc_id"
            ).fetchall(),
            "events": con.execute("select * from events order by event_id").fetchall(),
            "rejected": con.execute("select rejected_id, stage, reason from rejected order by 1").fetchall(),
        }
    finally:
        con.close()


@pytest.mark.slow
def test_two_dask_workers_load_the_same_rows_as_the_default_runner(prefect_harness, tmp_path):
    from flows.pipeline import flow_for

    default, in_flight = flow_for("default")
    assert in_flight == 1
    default([str(SEEDS)], str(tmp_path / "default"), 2, 30, in_flight=in_flight)

    on_dask, in_flight = flow_for("dask", workers=2)
    summary = on_dask([str(SEEDS)], str(tmp_path / "dask"), 2, 30, in_flight=in_flight)

    assert summary.documents_loaded == 5 and in_flight > 1
    on_workers, here = warehouse(tmp_path / "dask"), warehouse(tmp_path / "default")
    versions = {row[-1] for row in on_workers["events"]} | {row[-1] for row in here["events"]}
    if len(versions) > 1:  # the workers imported transforms/ after someone edited it: not the same code
        pytest.skip(f"transforms/ changed while the test ran (extractor versions {sorted(versions)})")
    assert on_workers == here


def test_an_unknown_runner_is_refused():
    from flows.pipeline import flow_for

    with pytest.raises(ValueError, match="unknown runner"):
        flow_for("spark")


def test_the_worker_warm_up_extracts_one_document_in_each_language():
    """What `flows.dask_worker` runs on each worker as it starts: every language with resources is
    parsed in that language and reaches the tagger, the triggers and the quantities."""
    import datetime as dt

    from flows.dask_worker import warm_up, warm_up_documents
    from flows.pipeline import extract_rows
    from transforms import resources

    documents = warm_up_documents()
    batch = extract_rows(documents, dt.datetime(2024, 1, 1))
    assert not batch.rejections
    assert sorted(batch.documents.column("language").to_pylist()) == sorted(resources.languages())
    events = batch.events.to_pylist()
    for doc_id in batch.documents.column("doc_id").to_pylist():
        mine = [e for e in events if e["doc_id"] == doc_id]
        assert any(e["date_start"] is not None for e in mine)
        assert any(e["quantities"] for e in mine)
    assert warm_up() > 0
