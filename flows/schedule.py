"""`timeline serve`: a scheduled deployment of the flow, kept current over a folder.

Scheduled runs need a real Prefect server (the temporary one a plain flow run starts cannot
schedule): use PREFECT_API_URL when it is set, else find or start `prefect server start` on
127.0.0.1:4200 (TIMELINE_PREFECT_PORT), and say which.

How it behaves beside other `serve` processes and when things go away:
- each watched set of paths and data dir is its own deployment, named from them
  (`deployment_name`), so two `serve` on two folders never take over each other's schedule;
- Prefect's runner runs in a thread; the main thread owns SIGINT and SIGTERM and watches the server.
  A signal stops `serve` within seconds, exit 0: the flow runs it started are stopped (a run killed
  mid-way leaves the warehouse as it was), then the server it started, if any;
- a lost server is one line; a local one is started again (the deployments are kept in its
  database), and the runner is restarted if it gave up meanwhile. Prefect's own logging stays quiet
  (no traceback per poll) unless --debug.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import logging
import os
import re
import signal
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

from prefect import flow

from flows.errors import UserError
from flows.settings import Settings

LOCAL_HOST = "127.0.0.1"
CHECK_EVERY = 2.0  # seconds between two looks at the server and the runner
LOST_AFTER = 2  # failed looks in a row before the server counts as lost


def local_api() -> str:
    return f"http://{LOCAL_HOST}:{os.environ.get('TIMELINE_PREFECT_PORT', '4200')}/api"


def say(message: str) -> None:
    print(f"serve: {message}", flush=True)


def check_cron(cron: str) -> None:
    """A UserError unless `cron` is a schedule Prefect accepts (checked before anything starts)."""
    from prefect.client.schemas.schedules import CronSchedule

    try:
        CronSchedule(cron=cron)
    except ValueError:  # pydantic's ValidationError is a ValueError
        raise UserError(
            f'--cron {cron!r} is not a cron schedule: five fields, minute hour day month weekday, e.g. "*/15 * * * *"'
        ) from None


def deployment_name(inputs: list[str], data_dir: str) -> str:
    """A stable name per watched paths and data dir: readable, and distinct for distinct pairs.

    >>> deployment_name(["/news/inbox"], "/srv/data") == deployment_name(["/news/inbox"], "/srv/data")
    True
    >>> deployment_name(["/news/inbox"], "/srv/data").startswith("timeline-inbox-")
    True
    >>> deployment_name(["/news/inbox"], "/srv/data") != deployment_name(["/news/inbox"], "/srv/other")
    True
    """
    key = "\0".join([*sorted(inputs), "", data_dir])
    digest = hashlib.sha256(key.encode("utf-8", "surrogateescape")).hexdigest()[:10]
    slug = re.sub(r"[^a-z0-9]+", "-", Path(inputs[0]).name.lower()).strip("-")[:30] or "input"
    return f"timeline-{slug}-{digest}"


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
        say(f"using the Prefect server at {configured} (PREFECT_API_URL)")
        return configured, None
    api = local_api()
    if healthy(api):
        say(f"found a Prefect server at {api}")
        return api, None
    say(f"no Prefect server configured; starting one at {api} (prefect server start)")
    prefect = Path(sys.executable).with_name("prefect")
    port = api.rsplit(":", 1)[1].split("/")[0]
    proc = subprocess.Popen(
        [str(prefect), "server", "start", "--host", LOCAL_HOST, "--port", port],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # a Ctrl-C meant for `serve` is handled by `serve`, which stops it
    )
    deadline = time.monotonic() + wait_seconds
    while time.monotonic() < deadline:
        if healthy(api):
            return api, proc
        if proc.poll() is not None:
            if healthy(api):  # another `serve` started one at the same moment: use it
                return api, None
            raise RuntimeError(
                "the Prefect server exited while starting; run `prefect server start` to see why"
            )
        time.sleep(0.5)
    stop_process(proc)
    raise RuntimeError(f"the Prefect server did not answer at {api} within {wait_seconds:.0f} s")


def stop_process(proc: subprocess.Popen | None, grace: float = 3.0) -> None:
    """SIGTERM, then SIGKILL after `grace` seconds."""
    if proc is None or proc.poll() is not None:
        return
    proc.terminate()
    try:
        proc.wait(grace)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(grace)


def stop_all(grace: float = 2.0) -> None:
    """Stop every process this one started (the runner's flow runs, the server it started) at once:
    SIGTERM, then SIGKILL for those still there after `grace` seconds."""
    import psutil

    children = psutil.Process().children(recursive=True)
    for child in children:
        with contextlib.suppress(psutil.NoSuchProcess):
            child.terminate()
    _, alive = psutil.wait_procs(children, timeout=grace)
    for child in alive:
        with contextlib.suppress(psutil.NoSuchProcess):
            child.kill()


@flow(name="timeline", log_prints=False)
def scheduled_run(inputs: list[str], data_dir: str, batch_size: int = 200, lock_timeout: float = 60) -> None:
    """One scheduled run: the pipeline, then its one-line summary on the `serve` console."""
    from flows.cli import summary_line
    from flows.pipeline import timeline_flow

    if os.environ.get(QUIET_ENV) == "1":
        logging.disable(logging.ERROR)
    started = time.perf_counter()
    stamp = dt.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M:%S")
    try:
        summary = timeline_flow.fn(inputs, data_dir, batch_size, lock_timeout)
    except Exception as exc:
        print(f"{stamp} error: the scheduled run failed ({type(exc).__name__}: {exc})", flush=True)
        raise
    print(f"{stamp} {summary_line(summary, time.perf_counter() - started)}", flush=True)


# Set by a `serve` without --debug: its flow runs (processes of their own) log nothing below CRITICAL.
QUIET_ENV = "TIMELINE_SERVE_QUIET"


def quiet_logging() -> None:
    """While its server is away, Prefect's runner logs every failed poll with a traceback, and the flow
    runs it started log their events client's failures (Prefect's loggers and asyncio's): `serve`
    says it in one line instead. Its summary lines and errors are printed, not logged."""
    logging.disable(logging.ERROR)
    os.environ[QUIET_ENV] = "1"
    os.environ["PREFECT_LOGGING_LEVEL"] = "CRITICAL"  # the flow runs' Prefect loggers, before their body runs


def serve(settings: Settings, cron: str, debug: bool = False) -> int:
    check_cron(cron)
    for p in settings.inputs:
        if not Path(p).exists():
            say(f"warning: {p} does not exist; each run records it as rejected until it does")
    configured = bool(os.environ.get("PREFECT_API_URL"))
    api, server = ensure_server()
    os.environ["PREFECT_API_URL"] = api
    if not debug:
        quiet_logging()
    params = {
        "inputs": [str(Path(p).resolve()) for p in settings.inputs],
        "data_dir": str(settings.data_dir.resolve()),
        "batch_size": settings.batch_size,
        "lock_timeout": settings.lock_timeout,
    }
    name = deployment_name(params["inputs"], params["data_dir"])
    say(
        f"deployment 'timeline/{name}' on cron {cron!r} over {', '.join(params['inputs'])} into "
        f"{params['data_dir']}; each run skips unchanged documents and prints one line. Ctrl-C stops."
    )
    stop = threading.Event()
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda *_: stop.set())
    serving = start_runner(name, cron, params)
    own = not configured  # a local server: start it again when it is lost
    lost = 0
    try:
        while not stop.wait(CHECK_EVERY):
            if healthy(api):
                lost = 0
                if not serving.is_alive():
                    say("the runner stopped; starting it again")
                    serving = start_runner(name, cron, params)
                continue
            lost += 1
            if lost == LOST_AFTER:
                server = recover_server(api, server, own)
    finally:
        say("stopping")
        stop_all()  # the flow runs it started and its server (`server`, when it started one)
    sys.stdout.flush()
    os._exit(0)  # the runner thread is blocked in its event loop; everything worth stopping is stopped


def recover_server(api: str, server: subprocess.Popen | None, own: bool) -> subprocess.Popen | None:
    """One line about the lost server; a local one is started again (or found, if another `serve`
    was quicker). Returns the server process this `serve` now owns, if any."""
    if not own:
        say(f"lost the Prefect server at {api}; waiting for it to come back (Ctrl-C stops)")
        return server
    say(f"lost the Prefect server at {api}; starting it again")
    os.environ.pop("PREFECT_API_URL", None)
    try:
        _, started = ensure_server()
    except RuntimeError as exc:
        say(f"could not start it ({exc}); trying again in a moment")
        return server
    finally:
        os.environ["PREFECT_API_URL"] = api
    return started or server


def start_runner(name: str, cron: str, params: dict) -> threading.Thread:
    """Prefect's runner for the deployment, in a thread of its own (signals stay with the main thread)."""

    def run() -> None:
        try:
            scheduled_run.serve(
                name=name, cron=cron, parameters=params, print_starting_message=False, pause_on_shutdown=False
            )
        except BaseException as exc:  # noqa: BLE001 - the main thread sees the thread end and restarts it
            logging.getLogger("timeline.serve").debug("runner stopped: %r", exc)

    thread = threading.Thread(target=run, name="prefect-runner", daemon=True)
    thread.start()
    return thread
