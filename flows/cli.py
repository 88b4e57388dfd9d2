"""The `timeline` command: the front door of the flows. Parse arguments, build settings, call, print."""

from __future__ import annotations

import argparse
import contextlib
import faulthandler
import json
import signal
import sys
import time
import warnings
from pathlib import Path

from flows.errors import (
    Parser,
    UserError,
    check_data_dir,
    check_exists,
    non_negative_float,
    positive_int,
    quiet_prefect_tracebacks,
    report_errors,
)
from flows.settings import DEFAULT_INPUTS, Settings, quiet_prefect_defaults

EXIT_CODES = """exit codes:
  0  the run completed and nothing was rejected
  1  the run failed (the warehouse is left as it was before the run)
  2  bad command line: an unknown option or a bad value, a file or folder argument that does not
     exist (other than run's inputs, which are recorded as rejected), a data dir that is a file or
     cannot be written, a bad --cron, a bad TIMELINE_* setting
  3  the run completed, but some documents or records were rejected (see the `rejected` table)
  4  the warehouse is busy: another run holds its lock, or a reader keeps the DuckDB file open
     (waited --lock-timeout seconds; try again later, or raise it)
  5  the run's data is in the warehouse, but the Parquet export could not be written (the next
     run, or `timeline export`, brings it up to date)
Every mistake is one line `error: ...`; --debug shows the Python traceback too."""


# The seeds' reference timeline, found from wherever `timeline` is started.
DEFAULT_GOLD = Path(__file__).resolve().parents[1] / "tests" / "golden" / "seeds" / "timeline.json"

SERVE_EXIT_CODES = """exit codes:
  0  stopped by Ctrl-C or SIGTERM
  1  the Prefect server could not be started, or was lost
  2  bad command line (as for `timeline run`, and a bad --cron)
A missing input path does not stop `serve`: each run records it as rejected, as `timeline run` does."""


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--debug", action="store_true", default=argparse.SUPPRESS, help="show Python tracebacks of errors"
    )
    p = Parser(
        prog="timeline",
        description="Turn news articles, press releases and parliamentary papers (Dutch, English) into "
        "dated events: what happened, when, who, where, how many, with the sentence that says so. "
        "Events land in a DuckDB warehouse and a Parquet export for BI tools.",
        epilog=EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    # its own --debug: an action shared with the subcommands would share their default too
    p.add_argument("--debug", action="store_true", help="show Python tracebacks of errors")
    sub = p.add_subparsers(dest="command", required=True)
    add_parser = sub.add_parser

    def subcommand(*args, **kwargs):  # every subcommand takes --debug too
        return add_parser(*args, parents=[common], **kwargs)

    sub.add_parser = subcommand

    run = sub.add_parser(
        "run",
        help="ingest files and folders, extract, validate, load, export",
        description="Ingest .txt, .md, .html and .jsonl files (folders recursively) into "
        "DATA_DIR/timeline.duckdb and export Parquet to DATA_DIR/exports/. Unchanged documents "
        "are skipped; a changed document replaces its own events.",
        epilog=EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    run.add_argument(
        "paths", nargs="*", default=list(DEFAULT_INPUTS), help="files or folders (default: seeds/)"
    )
    add_data_dir(run)
    run.add_argument(
        "--batch-size",
        type=positive_int,
        default=None,
        help="documents per batch (default 5000, and at most 16 MB)",
    )
    run.add_argument(
        "--lock-timeout",
        type=non_negative_float,
        default=None,
        help="seconds to wait for another run to finish (default 60)",
    )
    run.add_argument("--quiet", action="store_true", help="no progress bar and no timeline at the end")
    run.add_argument(
        "--show",
        type=lambda v: positive_int(v) if v != "0" else 0,
        default=15,
        help="events to print in the closing timeline (default 15)",
    )
    run.add_argument(
        "--runner",
        choices=("default", "dask"),
        default="default",
        help="where extraction runs: in this process (default), or on Dask through prefect-dask",
    )
    run.add_argument(
        "--dask-address",
        default=None,
        help="with --runner dask: an existing cluster's scheduler, e.g. tcp://host:8786 "
        "(default: a local cluster)",
    )
    run.add_argument(
        "--follow-links",
        action="store_true",
        help="follow symbolic links that lead outside the input folders (default: rejected, not read)",
    )
    run.add_argument(
        "--workers",
        type=positive_int,
        default=None,
        help="with --runner dask: worker processes of the local cluster (default 2)",
    )

    add_other_commands(sub)
    return p


def add_other_commands(sub) -> None:
    """serve, tag, timeml, evaluate, report, query."""
    serve = sub.add_parser(
        "serve",
        help="serve a scheduled deployment that picks up new or changed documents",
        description="Start (or find) a local Prefect server and serve the flow on a cron "
        "schedule over PATH. Runs until interrupted. Each watched set of paths and data dir is a "
        "deployment of its own (its name is derived from them), so several `serve` can run at once. "
        "Each scheduled run prints its one-line summary.",
        epilog=SERVE_EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    serve.add_argument("paths", nargs="+", help="files or folders to watch")
    serve.add_argument("--cron", required=True, help='cron schedule, e.g. "*/15 * * * *"')
    add_data_dir(serve)

    sub.add_parser(
        "tag",
        help="the temporal tagger alone: JSON Lines in on stdin, JSON Lines out",
        description='Reads {"id", "text", "dct", "language"} per line on stdin; writes {"id", '
        '"language", "timexes": [...]} per line. A bad line gets {"id", "error"}.',
    )

    timeml = sub.add_parser(
        "timeml",
        help="tag TimeML files (*.tml) with the project's own TIMEX3 tags",
        description="For each IN_DIR/*.tml write OUT_DIR/*.tml: the same <TEXT> with the project's "
        "own TIMEX3 tags instead of the input's TIMEX3, EVENT and SIGNAL tags, and without the "
        "MAKEINSTANCE and links that pointed at them.",
    )
    timeml.add_argument("in_dir")
    timeml.add_argument("out_dir")

    evaluate = sub.add_parser("evaluate", help="score the pipeline or the tagger against references")
    ev = evaluate.add_subparsers(dest="what", required=True)
    tl = ev.add_parser("timeline", help="score the exported events against a reference timeline (JSON)")
    tl.add_argument(
        "gold",
        nargs="?",
        default=None,
        help="reference timeline (default: the seeds' one, tests/golden/seeds/timeline.json of the project)",
    )
    add_data_dir(tl)
    tm = ev.add_parser(
        "timeml", help="TempEval-3 scoring of the tagger against TimeML gold (*.tml under DIR)"
    )
    tm.add_argument("dir", type=Path)
    tm.add_argument("-v", "--verbose", action="store_true", help="list every error")
    sp = ev.add_parser(
        "specs", help="score the tagger on Recognizers-Text DateTime spec files (a file or a folder)"
    )
    sp.add_argument("path", type=Path)
    sp.add_argument(
        "--language",
        choices=["nl", "en"],
        default=None,
        help="language of the cases (default: from the folder name, Dutch or English)",
    )
    sp.add_argument("-v", "--verbose", action="store_true", help="list every error")

    report = sub.add_parser(
        "report",
        help="write the HTML timeline (DATA_DIR/report/index.html; a run writes it too)",
        description="Write the timeline as one self-contained HTML file that works opened from disk, "
        "offline: events by month with their evidence, filters, a chart per month and type, undated "
        "events, documents, rejected inputs, the last run and its Great Expectations Data Docs.",
    )
    add_data_dir(report)
    report.add_argument(
        "--out", type=Path, default=None, help="where to write it (default DATA_DIR/report/index.html)"
    )

    query = sub.add_parser("query", help="run SQL against the warehouse and print a table")
    query.add_argument("sql")
    add_data_dir(query)
    add_export_parser(sub)


def add_export_parser(sub) -> None:
    export = sub.add_parser(
        "export",
        help="write the Parquet export again from the warehouse",
        description="Rebuild DATA_DIR/exports/ whole from DATA_DIR/timeline.duckdb (every run already "
        "brings it up to date; this is for when you want it now).",
    )
    add_data_dir(export)
    export.add_argument(
        "--lock-timeout", type=float, default=None, help="seconds to wait for a run to finish (default 60)"
    )


def add_data_dir(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--data-dir", type=Path, default=None, help="where the warehouse and exports live (default data/)"
    )


def settings_from(args) -> Settings:
    from flows.sources import printable

    try:
        base = Settings()
    except ValueError as exc:  # a TIMELINE_* variable that is not a number
        raise UserError(f"bad setting in the environment: {exc}") from None
    return Settings(
        # a path that is not UTF-8 goes to the flow as `printable` shows it (see flows.sources.unescaped)
        inputs=tuple(printable(p) for p in getattr(args, "paths", None) or DEFAULT_INPUTS),
        data_dir=args.data_dir or base.data_dir,
        batch_size=getattr(args, "batch_size", None) or base.batch_size,
        lock_timeout=getattr(args, "lock_timeout", None) or base.lock_timeout,
    )


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if not args.debug:
        quiet_prefect_tracebacks()
    handler = {
        "run": cmd_run,
        "serve": cmd_serve,
        "tag": cmd_tag,
        "timeml": cmd_timeml,
        "query": cmd_query,
        "export": cmd_export,
        "evaluate": cmd_evaluate,
        "report": cmd_report,
    }
    return report_errors(lambda: handler[args.command](args) or 0, args.debug)


# ---------------------------------------------------------------- run


def cmd_run(args) -> int:
    from rich.console import Console

    settings = settings_from(args)
    check_data_dir(settings.data_dir)
    err = Console(stderr=True)
    missing = [p for p in args.paths if not Path(p).exists()]
    for p in missing:
        err.print(f"[yellow]warning:[/] {p} does not exist; it is recorded as rejected", soft_wrap=True)
    quiet_prefect_defaults()
    if not args.debug:
        warnings.simplefilter("ignore")  # libraries' deprecation notices are not for the person running
    from prefect.exceptions import TerminationSignal

    from flows.pipeline import flow_for
    from warehouse.store import WarehouseLocked

    # SIGTERM stops the run like Ctrl-C: the exception unwinds the run (its copy of the warehouse is
    # removed) and ends in the one line below. Prefect's own bridge hands the signal on to this handler.
    previous = signal.signal(signal.SIGTERM, raise_termination)
    # `kill -USR1 <pid>` prints every thread's stack to stderr, the run going on: how a run that seems
    # stuck is looked into without stopping it (the tests do it when a run does not stop in time). A
    # stderr without a file (the CLI called in-process under captured output) gets no dump.
    with contextlib.suppress(AttributeError, TypeError, ValueError, OSError):
        faulthandler.register(signal.SIGUSR1, file=sys.__stderr__, all_threads=True, chain=False)
    started = time.perf_counter()
    try:
        flow, in_flight = flow_for(args.runner, args.dask_address, args.workers)
        if args.quiet:
            summary = flow(
                list(settings.inputs),
                str(settings.data_dir),
                settings.batch_size,
                settings.lock_timeout,
                in_flight=in_flight,
                follow_links=args.follow_links,
            )
        else:
            summary = run_with_progress(settings, err, flow, in_flight, args.follow_links)
    except WarehouseLocked as exc:
        if args.debug:
            raise
        print(f"error: {exc}", file=sys.stderr)
        return 4
    except (KeyboardInterrupt, TerminationSignal) as exc:
        name = "SIGINT" if isinstance(exc, KeyboardInterrupt) else "SIGTERM"
        err.print(
            f"[red]error:[/] the run was stopped ({name}); the warehouse keeps what it held before the "
            "run, unless the run had already loaded (its row in `runs` then says `loaded`)"
        )
        return 1
    except Exception as exc:  # noqa: BLE001 - say what failed in one line; the warehouse was rolled back
        if args.debug:
            raise
        print(
            f"error: the run failed ({type(exc).__name__}: {exc}); the warehouse is unchanged, "
            "fix the cause and run again (`--debug` shows where)",
            file=sys.stderr,
        )
        return 1
    finally:
        signal.signal(signal.SIGTERM, previous)
    print_summary(summary, time.perf_counter() - started, settings)
    if summary.status == "loaded":
        err.print(
            f"[red]error:[/] the run's data is in the warehouse, but the Parquet export could not be "
            f"written: {summary.export.get('error')}; the next run (or `timeline export`) brings it up to date"
        )
        return 5
    if not args.quiet:
        print_timeline(settings, args.show)
    return 3 if summary.rejections else 0


def raise_termination(signum, frame) -> None:
    from prefect.exceptions import TerminationSignal

    raise TerminationSignal(signum)


def run_with_progress(settings: Settings, err, flow=None, in_flight: int = 1, follow_links: bool = False):
    """The flow under a progress bar: documents read of the total counted first, the rate, the time
    left. Prefect's API (its temporary server, when none is configured) is started before the bar, so
    its notices come before it, not through it."""
    from flows.inventory import count_documents
    from flows.pipeline import prefect_api_url, timeline_flow
    from flows.progress import progress_bar

    flow = flow or timeline_flow
    total = count_documents(settings.inputs)
    prefect_api_url()
    with progress_bar(err) as progress:
        bar = progress.add_task("documents", total=total)
        return flow(
            list(settings.inputs),
            str(settings.data_dir),
            settings.batch_size,
            settings.lock_timeout,
            on_batch=lambda seen: progress.update(bar, completed=seen),
            in_flight=in_flight,
            follow_links=follow_links,
        )


def summary_line(s, seconds: float) -> str:
    """A run in one line (what `run` prints first, and `serve` for each scheduled run)."""
    return (
        f"run {s.run_id[:12]}: {s.documents_seen} documents read, {s.documents_skipped} unchanged (skipped), "
        f"{s.documents_loaded} loaded, {s.documents_rejected} rejected; "
        f"{s.events_loaded} events ({s.events_dated} dated, {s.events_undated} undated), "
        f"{s.events_rejected} event rows rejected; {seconds:.1f} s"
    )


def print_summary(s, seconds: float, settings: Settings) -> None:
    print(summary_line(s, seconds))
    if not s.validation_success:
        print(f"validation: rows failed {', '.join(sorted(s.failed_expectations))} (kept in `rejected`)")
    for r in s.rejections[:20]:
        print(f"  rejected [{r.stage}] {r.source_name}: {r.reason}")
    if len(s.rejections) > 20:
        print(f'  ... and {len(s.rejections) - 20} more: timeline query "select * from rejected"')
    print(f"warehouse: {settings.database}  exports: {settings.exports}/")
    if getattr(s, "report", None):
        print(f"report: {s.report}")


def timeline_line(
    start, end, precision: str, event_type: str, status: str, sentence: str, width: int = 90
) -> str:
    """One event of the closing timeline: its period, precision, type and sentence, cut at `width`
    characters. An event that did not simply happen says so before its sentence:

    >>> timeline_line(date(2025, 6, 1), date(2025, 6, 30), "month", "MEETING", "planned", "De top is in juni.")
    '  2025-06-01..2025-06-30  month      MEETING                  [planned] De top is in juni.'
    """
    when = str(start) if start == end else f"{start}..{end}"
    text = " ".join(sentence.split())
    if status != "happened":
        text = f"[{status}] {text}"
    return f"  {when:23s} {precision:10s} {event_type:24s} {text[:width]}{'…' if len(text) > width else ''}"


def print_timeline(settings: Settings, limit: int) -> None:
    from warehouse.store import WarehouseBusy, connect_read_only

    try:
        con = connect_read_only(settings.database)
    except WarehouseBusy:
        return  # another run took the warehouse in the meantime: the summary above says what this one did
    try:
        rows = con.execute(
            """
            select date_start, date_end, date_precision, event_type, status, sentence
            from timeline where date_start is not null
            order by date_start, source_name, char_start, clause_start limit ?
            """,
            [limit],
        ).fetchall()
        total = con.execute("select count(*) from events where date_start is not null").fetchone()[0]
    finally:
        con.close()
    if not rows:
        return
    print(f"\ntimeline ({len(rows)} of {total} dated events):")
    for row in rows:
        print(timeline_line(*row))


# ---------------------------------------------------------------- serve


def cmd_serve(args) -> int:
    from flows.schedule import check_cron, serve

    settings = settings_from(args)
    check_cron(args.cron)  # before anything starts
    check_data_dir(settings.data_dir)
    quiet_prefect_defaults()
    return serve(settings, args.cron, args.debug)


# ---------------------------------------------------------------- report


def cmd_report(args) -> int:
    from flows.report import write_report
    from warehouse.report import NoWarehouse

    settings = settings_from(args)
    if args.out is not None and args.out.is_dir():
        raise UserError(f"--out {args.out} is a folder; give the path of the HTML file to write")
    try:
        out = write_report(settings.data_dir, args.out)
    except NoWarehouse:
        raise UserError(
            f"no warehouse at {settings.database}; run `timeline run` first, or give --data-dir"
        ) from None
    except OSError as exc:
        raise UserError(f"cannot write the report: {exc.strerror or exc}; give another --out") from None
    print(f"report: {out}")
    return 0


# ---------------------------------------------------------------- tag, timeml


def cmd_tag(args) -> int:
    from flows.tagging import tag_lines

    for line in tag_lines(sys.stdin):
        sys.stdout.write(line + "\n")
        sys.stdout.flush()
    return 0


def cmd_timeml(args) -> int:
    from flows.tagging import tag_timeml_dir

    in_dir, out_dir = Path(args.in_dir), Path(args.out_dir)
    if not in_dir.is_dir():
        raise UserError(
            f"{in_dir} is not a folder of TimeML files" if in_dir.exists() else f"{in_dir} does not exist"
        )
    if not any(in_dir.glob("*.tml")):
        raise UserError(f"no TimeML files (*.tml) in {in_dir}")
    if out_dir.exists() and not out_dir.is_dir():
        raise UserError(f"{out_dir} is a file; give a folder to write the tagged files to")
    n = tag_timeml_dir(in_dir, out_dir)
    print(f"timeml: {n} files tagged into {args.out_dir}", file=sys.stderr)
    return 0


# ---------------------------------------------------------------- evaluate


def cmd_evaluate(args) -> int:
    from flows import evaluate

    if args.what == "timeline":
        gold, exports = Path(args.gold or DEFAULT_GOLD), settings_from(args).exports
        if not (exports / "documents.parquet").exists():
            raise UserError(f"no export in {exports}; run `timeline run` first, or give --data-dir")
        check_exists(gold, "the reference timeline")
        return evaluate.evaluate_timeline(gold, exports)
    if args.what == "timeml":
        check_exists(args.dir, "the TimeML folder")
        return evaluate.evaluate_timeml(args.dir, args.verbose)
    check_exists(args.path, "the spec file or folder")
    return evaluate.evaluate_specs(args.path, args.language, args.verbose)


# ---------------------------------------------------------------- query


def cmd_query(args) -> int:
    import duckdb

    settings = settings_from(args)
    if not settings.database.exists():
        print(f"error: no warehouse at {settings.database}; run `timeline run` first", file=sys.stderr)
        return 1
    from warehouse.store import WarehouseBusy, connect_read_only

    try:
        con = connect_read_only(settings.database)
    except WarehouseBusy as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 4
    try:
        cur = con.execute(args.sql)
        if cur.description is None:
            return 0
        columns = [d[0] for d in cur.description]
        rows = cur.fetchall()
    except duckdb.Error as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    finally:
        con.close()
    print_table(columns, rows)
    return 0


def cmd_export(args) -> int:
    from warehouse.export import export_parquet
    from warehouse.store import Warehouse, WarehouseLocked

    settings = settings_from(args)
    if not settings.database.exists():
        print(f"error: no warehouse at {settings.database}; run `timeline run` first", file=sys.stderr)
        return 1
    try:
        with Warehouse.open(settings.database, lock_timeout=settings.lock_timeout) as wh:
            result = export_parquet(wh, settings.exports, full=True)
    except WarehouseLocked as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 4
    except OSError as exc:
        print(f"error: the export could not be written: {exc}", file=sys.stderr)
        return 1
    print(
        f"export: {result['events']} events, {result['documents']} documents written to {settings.exports}/"
    )
    return 0


def print_table(columns: list[str], rows: list[tuple]) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(*columns, show_lines=False)
    for row in rows:
        table.add_row(
            *(
                ""
                if v is None
                else json.dumps(v, default=str, ensure_ascii=False)
                if isinstance(v, (list, dict))
                else str(v)
                for v in row
            )
        )
    Console(width=200).print(table)
    print(f"({len(rows)} rows)")


if __name__ == "__main__":
    sys.exit(main())
