"""A time budget per document: extraction that runs past it is interrupted, wherever it is.

Why interrupt rather than check the clock now and then: the time goes where nobody checks (inside a
regular expression, a library call), and a check in every loop of the transforms would tie pure
code to the clock. On the main thread an interval timer (SIGALRM) raises `OverBudget` in the middle
of whatever runs, even a regular expression match (CPython's `re` checks for signals while it
matches); the timer is set and cleared once per document, two system calls. On another thread (a
Dask worker's) signals cannot be used: a timer thread raises `OverBudget` in the extracting thread
between two bytecodes instead (pure-Python loops stop; one long C call finishes first).
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import re
import signal
import threading
from collections.abc import Iterator

# Ordinary documents take well under a second; the longest text a run accepts (2,000,000 characters)
# takes ~20 s where extraction is linear. A document still running after this is pathological: it is
# rejected so that it cannot hold up the run (and everyone after it).
DEFAULT_DOC_SECONDS = 30.0
DOC_SECONDS_ENV = "TIMELINE_DOC_SECONDS"


class OverBudget(Exception):  # noqa: N818 - reads as what happened: the document went over budget
    """A document's parse and extraction took longer than its budget."""


def parse_doc_seconds(value: str | float | None) -> float:
    """The per-document budget in seconds (TIMELINE_DOC_SECONDS): a positive number, 0 or less: none.

    >>> parse_doc_seconds(None), parse_doc_seconds("2.5"), parse_doc_seconds("0")
    (30.0, 2.5, 0.0)
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return DEFAULT_DOC_SECONDS
    try:
        seconds = float(value)
    except ValueError:
        raise ValueError(f"{DOC_SECONDS_ENV} must be a number of seconds, not {value!r}") from None
    return max(0.0, seconds)


@contextlib.contextmanager
def time_budget(seconds: float) -> Iterator[None]:
    """Run the block; raise `OverBudget` inside it once `seconds` have passed (0: no budget)."""
    if seconds <= 0:
        yield
        return
    if threading.current_thread() is threading.main_thread():
        with _alarm(seconds):
            yield
    else:
        with _async_raise(seconds):
            yield


def _over(*_args) -> None:
    raise OverBudget()


@contextlib.contextmanager
def _alarm(seconds: float) -> Iterator[None]:
    previous = signal.signal(signal.SIGALRM, _over)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@contextlib.contextmanager
def _async_raise(seconds: float) -> Iterator[None]:
    target = ctypes.c_ulong(threading.get_ident())
    lock = threading.Lock()
    state = {"active": True, "fired": False}

    def fire() -> None:
        with lock:
            if state["active"]:
                state["fired"] = True
                ctypes.pythonapi.PyThreadState_SetAsyncExc(target, ctypes.py_object(OverBudget))

    timer = threading.Timer(seconds, fire)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        with lock:
            state["active"] = False
            timer.cancel()
            if state["fired"]:  # not raised yet (the block ended first): take it back
                ctypes.pythonapi.PyThreadState_SetAsyncExc(target, None)


# --- fault injection (tests only) ------------------------------------------------------------------

# TIMELINE_FAULT_SLOW_DOCUMENT=<source name>: extracting that document never ends by itself (a regular
# expression that backtracks without end), as a pathological input would: tests show the budget and
# SIGTERM stop it. It creates TIMELINE_FAULT_SIGNAL_FILE (if set) when it starts. Never set in
# production: unset, it costs one lookup per document.
SLOW_DOCUMENT_ENV = "TIMELINE_FAULT_SLOW_DOCUMENT"
_BACKTRACKS = re.compile(r"(a+)+$")


def slow_document_fault(source_name: str) -> None:
    if os.environ.get(SLOW_DOCUMENT_ENV) == source_name:
        signal_file = os.environ.get("TIMELINE_FAULT_SIGNAL_FILE")
        if signal_file:
            with open(signal_file, "w", encoding="utf-8") as handle:
                handle.write(f"{os.getpid()}\n")
        while True:
            _BACKTRACKS.match("a" * 64 + "b")
