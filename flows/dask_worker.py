"""Preloaded by every Dask worker: runs the extractors once, so a worker is warm before its first batch.

    dask worker tcp://scheduler:8786 --nthreads 1 --preload flows.dask_worker

`timeline run --runner dask` preloads it on its local cluster itself (`flows.pipeline.flow_for`).

Why: a cold worker spends seconds on its first batch importing Prefect, pyarrow and lingua, loading
lingua's language models and compiling each language's grammar and lexicons (12 s measured on a busy
two-core machine, against ~2 s of extraction per 200 documents). Preloaded, that happens while the
cluster starts, beside the run's own start-up, and once per worker for a long-lived cluster rather
than inside every run's extraction stage.
"""

from __future__ import annotations

import datetime as dt
import time


def warm_up_documents() -> list:
    """One small document per language that has resources, written with that language's own calendar
    words: enough to reach every per-language cache (grammar, lexicons, gazetteer, abbreviations)."""
    from transforms import resources
    from transforms.model import RawSource

    documents = []
    for language in resources.languages():
        calendar = resources.load(language, "calendar")
        month, weekday = next(iter(calendar["months"])), next(iter(calendar["weekdays"]))
        past = resources.load(language, "clauses").get("past_verbs", ["was"])[0]  # a verb: a clause
        text = f"{weekday.title()} 3 {month.title()} 2024 {past} 12 people, 40 km. 5 {month} 2023."
        name = f"warm-up.{language}.txt"
        documents.append(RawSource(name, name, "txt", text.encode(), {"language": language}))
    return documents


def warm_up() -> float:
    """Parse and extract the warm-up documents (and detect a language once); the seconds it took."""
    from flows.pipeline import extract_rows
    from transforms.language import detect_language

    started = time.perf_counter()
    documents = warm_up_documents()
    for raw in documents:
        detect_language(raw.data.decode())
    extract_rows(documents, dt.datetime(2024, 1, 1))
    return time.perf_counter() - started


def dask_setup(worker=None) -> None:  # the hook Dask calls on a preloaded module
    warm_up()
