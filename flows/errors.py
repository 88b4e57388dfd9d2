"""Ordinary mistakes as one line: `error: what was wrong; what to do`, and the exit code `--help`
documents. A Python traceback only with `--debug`.

`UserError` is what a command raises for a mistake it recognises; `report_errors` turns it, and
anything unforeseen, into that one line. Prefect logs a failing flow run's traceback itself, so
without `--debug` its run loggers are told to keep quiet (the one line says what failed)."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

BAD_COMMAND_LINE = 2


class UserError(Exception):
    """A mistake a person can fix; `code` is the exit code (2: bad command line)."""

    def __init__(self, message: str, code: int = BAD_COMMAND_LINE) -> None:
        super().__init__(message)
        self.code = code


class Parser(argparse.ArgumentParser):
    """argparse, but a bad command line is one `error:` line pointing at --help (exit 2)."""

    def error(self, message: str):  # noqa: D102 - argparse's hook
        self.exit(BAD_COMMAND_LINE, f"error: {message} (see `{self.prog} --help`)\n")


def positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text} is not at least 1")
    return value


def non_negative_float(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if not value >= 0:  # also NaN
        raise argparse.ArgumentTypeError(f"{text} is not a number of seconds (0 or more)")
    return value


def check_data_dir(data_dir: Path) -> None:
    """A data dir the run can write to (created when missing), else a UserError saying why."""
    data_dir = Path(data_dir)
    if data_dir.exists() and not data_dir.is_dir():
        raise UserError(f"the data dir {data_dir} is a file, not a folder; give another --data-dir")
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=data_dir):
            pass
    except OSError as exc:
        why = exc.strerror or type(exc).__name__
        raise UserError(f"cannot write to the data dir {data_dir} ({why}); give another --data-dir") from None


def check_exists(path: Path, what: str) -> None:
    if not Path(path).exists():
        raise UserError(f"{what} {path} does not exist")


def quiet_prefect_tracebacks() -> None:
    """Prefect's run loggers print a failed run's traceback at ERROR; keep them to CRITICAL (read by
    Prefect when it sets up logging, so before it is imported)."""
    for logger in ("PREFECT_FLOW_RUNS", "PREFECT_TASK_RUNS"):
        os.environ.setdefault(f"PREFECT_LOGGING_LOGGERS_{logger}_LEVEL", "CRITICAL")


def report_errors(run: Callable[[], int], debug: bool) -> int:
    """`run()`'s exit code; a UserError or any other exception as one line (re-raised with --debug)."""
    try:
        return run()
    except UserError as exc:
        if debug:
            raise
        print(f"error: {exc}", file=sys.stderr)
        return exc.code
    except KeyboardInterrupt:
        if debug:
            raise
        print("error: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001 - the promise: one line, never a traceback without --debug
        if debug:
            raise
        print(f"error: {type(exc).__name__}: {exc} (`--debug` shows where)", file=sys.stderr)
        return 1
