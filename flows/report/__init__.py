"""The HTML report (`timeline report`, and data/report/index.html after every run)."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from urllib.parse import quote

from warehouse.report import read_report, read_report_from


def default_path(data_dir: Path) -> Path:
    return Path(data_dir) / "report" / "index.html"


def href(target: Path, page: Path) -> str:
    """A link from `page` to `target` that works opened from disk: relative when it can be."""
    try:
        rel = os.path.relpath(target.resolve(), page.resolve().parent)
    except ValueError:  # another drive
        return target.resolve().as_uri()
    return quote(rel.replace(os.sep, "/"))


def write_report(data_dir: Path, out: Path | None = None, con=None) -> Path:
    """Write the report of the warehouse in `data_dir` to `out` (default data_dir/report/index.html),
    atomically (a reader never sees half a page); return its path. `con`: read through this open
    connection to the warehouse instead of opening it."""
    from flows.report.page import render

    data_dir = Path(data_dir)
    out = Path(out) if out else default_path(data_dir)
    data = read_report_from(con) if con is not None else read_report(data_dir / "timeline.duckdb")
    run_id, pages = data.last_validation or (None, [])
    links = []
    if pages:
        ours = run_id == (data.last_run or {}).get("run_id")
        links = [
            (label_for(p) + ("" if ours else f" (run {run_id[:12]})"), href(data_dir / p, out)) for p in pages
        ]
        index = data_dir / "validation" / "index.html"
        if index.exists():
            links.append(("all runs (Data Docs index)", href(index, out)))
    generated = dt.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z")
    page = render(data, str(data_dir / "timeline.duckdb"), generated, links)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.{os.getpid()}.tmp")
    tmp.write_text(page, encoding="utf-8")
    os.replace(tmp, out)
    return out


def label_for(page: str) -> str:
    """'validation/validations/events/<run>/<time>/events-1.html' → 'events-1'."""
    return Path(page).stem
