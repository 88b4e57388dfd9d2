"""One typed settings object, built at the entry point from arguments and `TIMELINE_*` variables."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_INPUTS = ("seeds",)
# Documents per batch (TIMELINE_BATCH_SIZE, --batch-size); a batch also ends at BATCH_BYTES of input
# (flows.sources), so this many only when documents are small: see there why batches are large.
DEFAULT_BATCH_SIZE = 5000


def env(name: str, default: str) -> str:
    return os.environ.get(f"TIMELINE_{name}", default)


@dataclass(frozen=True)
class Settings:
    inputs: tuple[str, ...] = DEFAULT_INPUTS
    data_dir: Path = field(default_factory=lambda: Path(env("DATA_DIR", "data")))
    batch_size: int = field(default_factory=lambda: int(env("BATCH_SIZE", str(DEFAULT_BATCH_SIZE))))
    lock_timeout: float = field(default_factory=lambda: float(env("LOCK_TIMEOUT", "60")))
    # a batch with more failing rows than this share is refused whole (TIMELINE_MAX_INVALID_SHARE)
    max_invalid_share: float = field(default_factory=lambda: max_invalid_share_from_env())
    # seconds a document's parse and extraction may take before it is rejected (TIMELINE_DOC_SECONDS)
    doc_seconds: float = field(default_factory=lambda: doc_seconds_from_env())
    # follow links that lead outside the input folders (`--follow-links`)
    follow_links: bool = False

    @property
    def database(self) -> Path:
        return self.data_dir / "timeline.duckdb"

    @property
    def exports(self) -> Path:
        return self.data_dir / "exports"


def max_invalid_share_from_env() -> float:
    from warehouse.validate import parse_max_invalid_share

    return parse_max_invalid_share(os.environ.get("TIMELINE_MAX_INVALID_SHARE"))


def doc_seconds_from_env() -> float:
    from flows.budget import DOC_SECONDS_ENV, parse_doc_seconds

    return parse_doc_seconds(os.environ.get(DOC_SECONDS_ENV))


def quiet_prefect_defaults() -> None:
    """Offline, quiet Prefect defaults (see docs: the ephemeral server needs time to start on 2 cores)."""
    defaults = {
        "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "120",
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "PREFECT_LOGGING_LEVEL": "WARNING",
        "PREFECT_LOGGING_TO_API_ENABLED": "false",
        "PREFECT_RESULTS_PERSIST_BY_DEFAULT": "false",
        "GX_ANALYTICS_ENABLED": "false",
        # Prefect's client telemetry: offline it cannot send anything, and its first-run notice
        # printed into the progress bar
        "DO_NOT_TRACK": "1",
    }
    for key, value in defaults.items():
        os.environ.setdefault(key, value)
