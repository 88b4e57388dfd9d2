"""One typed settings object, built at the entry point from arguments and `TIMELINE_*` variables."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_INPUTS = ("seeds",)


def env(name: str, default: str) -> str:
    return os.environ.get(f"TIMELINE_{name}", default)


@dataclass(frozen=True)
class Settings:
    inputs: tuple[str, ...] = DEFAULT_INPUTS
    data_dir: Path = field(default_factory=lambda: Path(env("DATA_DIR", "data")))
    batch_size: int = field(default_factory=lambda: int(env("BATCH_SIZE", "200")))
    lock_timeout: float = field(default_factory=lambda: float(env("LOCK_TIMEOUT", "60")))
    # a batch with more failing rows than this share is refused whole (TIMELINE_MAX_INVALID_SHARE)
    max_invalid_share: float = field(default_factory=lambda: max_invalid_share_from_env())

    @property
    def database(self) -> Path:
        return self.data_dir / "timeline.duckdb"

    @property
    def exports(self) -> Path:
        return self.data_dir / "exports"


def max_invalid_share_from_env() -> float:
    from warehouse.validate import parse_max_invalid_share

    return parse_max_invalid_share(os.environ.get("TIMELINE_MAX_INVALID_SHARE"))


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
