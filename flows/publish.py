"""What a run leaves for people to look at, after its data is in: the Great Expectations Data Docs of
its validation (DATA_DIR/validation/) and the HTML report (DATA_DIR/report/index.html).

Neither may fail a run whose data is already loaded: a failure is one warning line on stderr and the
run goes on (the report can be written again with `timeline report`)."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any


def warn(what: str, exc: BaseException) -> None:
    print(f"warning: {what} failed ({type(exc).__name__}: {exc}); the run's data is loaded", file=sys.stderr)


def publish_validation(
    outcomes: Sequence[tuple[str, str, Any]], data_dir: Path, run_id: str, run_time: dt.datetime
) -> list[str]:
    """Build the run's Data Docs; their pages relative to `data_dir` ([] when none or on failure)."""
    from warehouse.data_docs import build_data_docs

    data_dir = Path(data_dir).resolve()  # GX reads a relative site folder as relative to its own root
    try:
        pages = build_data_docs(outcomes, data_dir / "validation", run_id, run_time)
    except Exception as exc:  # noqa: BLE001 - the run's data is in; say so and go on
        warn("building the Data Docs", exc)
        return []
    return [str(p.relative_to(data_dir)) for p in pages]


def publish_report(data_dir: Path, con=None) -> str | None:
    """Write DATA_DIR/report/index.html (read through the run's connection `con`); its path, or None
    on failure."""
    from flows.report import write_report

    try:
        return str(write_report(Path(data_dir), con=con))
    except Exception as exc:  # noqa: BLE001 - as above
        warn("writing the report", exc)
        return None
