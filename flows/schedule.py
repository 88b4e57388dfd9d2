"""`timeline serve`: a scheduled deployment of the flow, kept current over a folder.

Scheduled runs need a real Prefect server (the temporary one a plain flow run starts cannot
schedule): use PREFECT_API_URL when it is set, else find or start `prefect server start` on
127.0.0.1:4200, and say which.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from flows.settings import Settings

LOCAL_API = "http://127.0.0.1:4200/api"


def healthy(api_url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{api_url}/health", timeout=2) as r:
            return r.status == 200
    except OSError:
        return False


def ensure_server(wait_seconds: float = 120) -> tuple[str, subprocess.Popen | None]:
    """The API URL to use, and the server process when this command had to start one."""
    configured = os.environ.get("PREFECT_API_URL")
    if configured:
        print(f"serve: using the Prefect server at {configured} (PREFECT_API_URL)")
        return configured, None
    if healthy(LOCAL_API):
        print(f"serve: found a Prefect server at {LOCAL_API}")
        return LOCAL_API, None
    print(f"serve: no Prefect server configured; starting one at {LOCAL_API} (prefect server start)")
    prefect = Path(sys.executable).with_name("prefect")
    proc = subprocess.Popen(
        [str(prefect), "server", "start", "--host", "127.0.0.1", "--port", "4200"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + wait_seconds
    while time.monotonic() < deadline:
        if healthy(LOCAL_API):
            return LOCAL_API, proc
        if proc.poll() is not None:
            raise RuntimeError(
                "the Prefect server exited while starting; run `prefect server start` to see why"
            )
        time.sleep(1)
    proc.terminate()
    raise RuntimeError(f"the Prefect server did not answer at {LOCAL_API} within {wait_seconds:.0f} s")


def serve(settings: Settings, cron: str) -> int:
    missing = [p for p in settings.inputs if not Path(p).exists()]
    if missing:
        print(f"error: {', '.join(missing)} does not exist", file=sys.stderr)
        return 2
    api, proc = ensure_server()
    os.environ["PREFECT_API_URL"] = api
    from flows.pipeline import timeline_flow  # imported after the API URL is known

    params = {
        "inputs": [str(Path(p).resolve()) for p in settings.inputs],
        "data_dir": str(settings.data_dir.resolve()),
        "batch_size": settings.batch_size,
        "lock_timeout": settings.lock_timeout,
    }
    print(
        f"serve: deployment 'timeline/timeline-scheduled' on cron {cron!r} over {', '.join(params['inputs'])}; "
        "each run skips unchanged documents. Ctrl-C stops."
    )
    try:
        timeline_flow.serve(name="timeline-scheduled", cron=cron, parameters=params)
    except KeyboardInterrupt:
        pass
    finally:
        if proc is not None:
            proc.terminate()
    return 0
