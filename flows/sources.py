"""Discovery, the pipeline's input edge: files, folders and JSON Lines in, `RawSource`s (or `Rejection`s) out.

This is the only place that reads input files. It reads bytes and metadata and nothing more; decoding,
dates and language are `transforms.documents`' job. Bad input never raises: it becomes a Rejection
(stage "ingest") whose reason a person can act on, and the rest of the input goes on.
"""

from __future__ import annotations

import dataclasses
import errno
import json
import os
import re
from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import TypeVar

from transforms.documents import parse_published_value
from transforms.model import RawSource, Rejection

T = TypeVar("T")

# File extension → RawSource.kind.
KINDS = {".txt": "txt", ".md": "md", ".html": "html", ".htm": "html", ".jsonl": "jsonl"}
SIDECAR_SUFFIX = ".meta.json"
# Metadata a sidecar or JSON Lines record may give; anything else is ignored.
META_KEYS = ("id", "title", "url", "published", "language")
# How much of a bad JSON Lines record to keep in the rejection, so a person can find it.
MAX_DETAIL_CHARS = 500

Item = RawSource | Rejection


def printable(text: str) -> str:
    """`text` as valid Unicode, every byte that was not UTF-8 shown escaped (`caf\\xe9.txt`).

    File names come from the OS as bytes: Python hands a name that is not UTF-8 over with each bad
    byte as a lone surrogate (PEP 383), which Arrow and DuckDB cannot store. A JSON escape such as
    `\\ud800` gives a lone surrogate too. Valid text comes back as it is."""
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        pass
    out = []
    for ch in text:
        if "\udc80" <= ch <= "\udcff":  # a byte the OS name held that is not UTF-8
            out.append(f"\\x{ord(ch) - 0xDC00:02x}")
        elif "\ud800" <= ch <= "\udfff":  # any other lone surrogate
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return "".join(out)


def unescaped(text: str) -> Path | None:
    """The path `printable` showed as `text` (its `\\xNN` back to the bytes), None if it shows none.

    Flow parameters must be valid Unicode (Prefect sends them as JSON), so the command line passes a
    path that is not UTF-8 as `printable` shows it; discovery finds the file again by this, to reject
    it for its name rather than as missing."""
    if "\\x" not in text:
        return None
    raw = re.sub(rb"\\x([0-9a-f]{2})", lambda m: bytes([int(m[1], 16)]), text.encode("utf-8"))
    return Path(os.fsdecode(raw))


def storable(text: str) -> bool:
    return printable(text) == text


def printable_rejection(r: Rejection) -> Rejection:
    """The rejection with every text field storable (see `printable`)."""
    fields = ("source_name", "reason", "source_key", "doc_id", "detail")
    changed = {f: printable(getattr(r, f)) for f in fields if isinstance(getattr(r, f), str)}
    return dataclasses.replace(r, **changed)


# A batch holds at most this much input (raw bytes, or characters of JSON Lines text) besides at most
# `--batch-size` documents: many small records make one batch (Great Expectations costs ~1 s per
# batch whatever its rows, so small batches of small records spent more time validating than
# extracting), while large documents make small batches (memory follows a batch's text).
BATCH_BYTES = 16 * 2**20


def batched(iterable: Iterable[T], size: int, max_bytes: int | None = None) -> Iterator[list[T]]:
    """Consecutive lists of at most `size` items (the last one shorter), without reading ahead further;
    with `max_bytes`, a list also ends once its RawSources hold that much data (one item at least)."""
    if size < 1:
        raise ValueError(f"batch size must be at least 1, not {size}")
    iterator = iter(iterable)
    if max_bytes is None:
        while batch := list(islice(iterator, size)):
            yield batch
        return
    batch: list[T] = []
    held = 0
    for item in iterator:
        batch.append(item)
        held += len(item.data) if isinstance(item, RawSource) else 0
        if len(batch) >= size or held >= max_bytes:
            yield batch
            batch, held = [], 0
    if batch:
        yield batch


def kind_of(path: Path) -> str | None:
    """The kind of document a file is by its extension (case-insensitive), None if unsupported."""
    if path.name.lower().endswith(SIDECAR_SUFFIX):
        return None
    return KINDS.get(path.suffix.lower())


def display_name(path: Path) -> str:
    return path.name or str(path)


def part_of_document(r: Rejection) -> Rejection:
    """A problem with a sidecar: reported, while the document itself still loads."""
    return dataclasses.replace(r, whole_document=False)


def reject(path: Path | str, reason: str, detail: str | None = None, name: str | None = None) -> Rejection:
    path = Path(path)
    return printable_rejection(
        Rejection(
            name or display_name(path), "ingest", reason, source_key=os.path.abspath(path), detail=detail
        )
    )


def bad_name(path: Path) -> Rejection | None:
    """A Rejection if the path is not valid UTF-8: its name could not be stored, shown or exported."""
    if storable(str(path)):
        return None
    what = "file name" if not storable(path.name) else "folder name in its path"
    return reject(
        path,
        f"{what} is not valid UTF-8 ({printable(str(path))}): the input is not read; rename it "
        "(e.g. `convmv -f latin1 -t utf8`)",
    )


def explain_os_error(error: OSError) -> str:
    """An OS error in words a person understands."""
    if error.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    if error.errno == errno.ELOOP:
        return "symbolic link loop"
    if error.errno == errno.ENOENT:
        return "does not exist"
    return error.strerror or type(error).__name__


def check_symlink(path: Path) -> Rejection | None:
    """A Rejection if `path` is a symbolic link that leads nowhere (broken, or a loop of links)."""
    if not path.is_symlink():
        return None
    try:
        os.stat(path)
    except OSError as error:
        if error.errno == errno.ELOOP:
            return reject(path, "symbolic link loop: the link points (via other links) back to itself")
        target = os.readlink(path)
        return reject(
            path, f"broken symbolic link: its target {target} does not exist", explain_os_error(error)
        )
    return None


@dataclasses.dataclass(frozen=True)
class Walk:
    """What a discovery walk keeps: the real paths taken, and where links may lead."""

    seen: set[str]  # real paths of files and folders already taken
    roots: tuple[str, ...]  # real paths of the inputs the user named
    follow_links: bool  # follow links that lead outside the roots too

    def outside(self, path: Path) -> Rejection | None:
        """A Rejection if `path` is a link (or inside a linked folder) that leads outside every input."""
        if self.follow_links:
            return None
        real = os.path.realpath(path)
        if any(real == root or real.startswith(root.rstrip(os.sep) + os.sep) for root in self.roots):
            return None
        return reject(
            path,
            f"symbolic link to {printable(real)}, outside the input folder(s): not followed "
            "(`timeline run --follow-links` allows it)",
        )


def discover(paths: Iterable[str | Path], follow_links: bool = False) -> Iterator[Item]:
    """Every document in `paths` (files and folders, recursively, in sorted order), as RawSource,
    and every input that cannot be taken, as Rejection. A file reached twice is taken once. Inside a
    folder, a link that leads outside the paths given is not followed unless `follow_links`."""
    paths = [Path(p) for p in paths]
    roots = tuple(os.path.realpath(p) for p in paths)
    walk = Walk(set(), roots, follow_links)
    for given in paths:
        yield from discover_path(given, walk)


def discover_path(path: Path, walk: Walk) -> Iterator[Item]:
    """One path the user named: unlike inside folders, an unsupported file here is a Rejection."""
    seen = walk.seen
    bad = bad_name(path)
    if bad:
        yield bad
        return
    broken = check_symlink(path)
    if broken:
        yield broken
        return
    if not os.path.lexists(path):
        named = unescaped(str(path))  # a name that is not UTF-8, as `printable` showed it (see the CLI)
        yield (bad_name(named) if named and os.path.lexists(named) else None) or reject(
            path, "no such file or folder"
        )
        return
    if path.is_dir():
        yield from walk_folder(path, walk, ancestors=frozenset())
    elif path.is_file():
        if kind_of(path) is None:
            supported = ", ".join(sorted(KINDS))
            yield reject(
                path, f"unsupported file type {path.suffix or '(no extension)'!r}: supported are {supported}"
            )
            return
        yield from read_source(path, seen)
    else:
        yield reject(path, "not a regular file or folder")


def walk_folder(folder: Path, walk: Walk, ancestors: frozenset[str]) -> Iterator[Item]:
    """Documents in `folder` and below, by name. Hidden entries (.git, .venv, .DS_Store) are skipped,
    as are files of other types; directory symlinks are followed once (a loop is a Rejection), those
    leading outside the inputs not at all (unless `walk.follow_links`). Whatever goes wrong with one
    entry is a Rejection of that entry: the rest of the folder goes on."""
    seen = walk.seen
    real = os.path.realpath(folder)
    if real in ancestors:
        yield reject(folder, f"symbolic link loop: {folder} leads back to the folder {real} it is inside")
        return
    if real in seen:  # the same folder reached through another link: already taken
        return
    seen.add(real)
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError as error:
        yield reject(folder, f"cannot read folder: {explain_os_error(error)}")
        return
    inside = ancestors | {real}
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        try:
            yield from walk_entry(entry, path, walk, inside)
        except Exception as error:  # noqa: BLE001 - one input must not stop the run: it is reported
            yield reject(path, f"could not read: {type(error).__name__}: {error}")


def walk_entry(entry: os.DirEntry, path: Path, walk: Walk, inside: frozenset[str]) -> Iterator[Item]:
    """One entry of a folder: a folder to walk, a document to read, or a Rejection."""
    broken = check_symlink(path)
    if broken:
        yield broken
        return
    try:
        is_dir, is_file = entry.is_dir(), entry.is_file()
    except OSError as error:
        yield reject(path, f"cannot inspect: {explain_os_error(error)}")
        return
    document = is_file and kind_of(path) is not None
    if not (is_dir or document):
        return  # a file of another type: not ours to read or to report
    problem = bad_name(path) or (walk.outside(path) if entry.is_symlink() else None)
    if problem:
        yield problem
    elif is_dir:
        yield from walk_folder(path, walk, inside)
    else:
        yield from read_source(path, walk.seen)


def read_source(path: Path, seen: set[str]) -> Iterator[Item]:
    """The document(s) in one supported file: one per file, or one per line of a .jsonl."""
    try:
        yield from read_file(path, seen)
    except Exception as error:  # noqa: BLE001 - one input must not stop the run: it is reported
        yield reject(path, f"could not read: {type(error).__name__}: {error}")


def read_file(path: Path, seen: set[str]) -> Iterator[Item]:
    real = os.path.realpath(path)
    if real in seen:
        return
    seen.add(real)
    try:
        data = path.read_bytes()
    except OSError as error:
        yield reject(path, f"cannot read file: {explain_os_error(error)}")
        return
    kind = kind_of(path)
    if kind == "jsonl":
        yield from read_jsonl(path.name, real, data)
        return
    meta, problems = read_sidecar(path)
    yield from problems
    yield from meta_warnings(path.name, real, meta)
    yield RawSource(path.name, real, kind or "txt", data, meta)


def meta_warnings(name: str, key: str, meta: dict) -> Iterator[Rejection]:
    """Each metadata value that was dropped, reported (the document itself loads without it)."""
    for warning in meta.get("_warnings", []):
        yield Rejection(name, "ingest", f"metadata: {warning}", source_key=key, whole_document=False)


def sidecar_candidates(path: Path) -> tuple[Path, Path]:
    """Where a file's metadata may be: `a.txt.meta.json`, then `a.meta.json`."""
    return path.with_name(path.name + SIDECAR_SUFFIX), path.with_name(path.stem + SIDECAR_SUFFIX)


def read_sidecar(path: Path) -> tuple[dict, list[Rejection]]:
    """Metadata from the file's sidecar ({} if none). A broken sidecar is rejected, but the document
    still loads: losing a title is better than losing the text."""
    for sidecar in sidecar_candidates(path):
        if not sidecar.is_file():
            continue
        try:
            loaded = json.loads(sidecar.read_bytes().decode("utf-8-sig"))
        except OSError as error:
            reason = f"cannot read sidecar: {explain_os_error(error)}; {path.name} is loaded without it"
            return {}, [part_of_document(reject(sidecar, reason))]
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            reason = f"malformed sidecar (not valid JSON); {path.name} is loaded without its metadata"
            return {}, [part_of_document(reject(sidecar, reason, str(error)))]
        if not isinstance(loaded, dict):
            reason = f"malformed sidecar (not a JSON object); {path.name} is loaded without its metadata"
            return {}, [part_of_document(reject(sidecar, reason))]
        return clean_meta(loaded), []
    return {}, []


def clean_meta(record: dict) -> dict:
    """The metadata fields we know, each checked; a bad value is dropped and noted under `_warnings`."""
    meta: dict = {}
    warnings: list[str] = []
    for key in META_KEYS:
        value = record.get(key)
        if value is None:
            continue
        if key == "id" and isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        if key == "published":
            if parse_published_value(value) is None:
                warnings.append(
                    f"published {value!r} is not a date (YYYY, YYYY-MM, YYYY-MM-DD or ISO datetime): ignored"
                )
                continue
        elif not isinstance(value, str) or not value.strip():
            warnings.append(f"{key} {value!r} is not a non-empty string: ignored")
            continue
        meta[key] = value.strip() if isinstance(value, str) else value
    unknown = sorted(k for k in record if k not in META_KEYS and k != "text")
    if unknown:
        warnings.append(
            f"unknown key(s) {', '.join(map(repr, unknown))} ignored (known: {', '.join(META_KEYS)})"
        )
    if warnings:
        meta["_warnings"] = warnings
    return meta


def read_jsonl(name: str, real: str, data: bytes) -> Iterator[Item]:
    """One RawSource per good line of a JSON Lines file, one Rejection per bad line; blank lines skipped."""
    taken: set[str] = set()
    for lineno, line in enumerate(data.split(b"\n"), start=1):
        if lineno == 1 and line.startswith(b"\xef\xbb\xbf"):
            line = line[3:]  # a UTF-8 BOM is not part of the first record
        if not line.strip():
            continue
        where = f"L{lineno}"
        record = read_jsonl_record(line)
        if isinstance(record, str):
            detail = line[:MAX_DETAIL_CHARS].decode("utf-8", "replace")
            yield Rejection(f"{name}#{where}", "ingest", record, source_key=f"{real}#{where}", detail=detail)
            continue
        meta = clean_meta(record)
        ref = meta.get("id") or where
        if ref in taken:
            reason = f"duplicate id {ref!r} in {name} (line {lineno}): ids must be unique within a file"
            yield Rejection(f"{name}#{where}", "ingest", reason, source_key=f"{real}#{where}")
            continue
        taken.add(ref)
        yield from meta_warnings(f"{name}#{ref}", f"{real}#{ref}", meta)
        yield RawSource(f"{name}#{ref}", f"{real}#{ref}", "jsonl", record["text"], meta)


def read_jsonl_record(line: bytes) -> dict | str:
    """The JSON object on one line, or why it cannot be a document."""
    try:
        record = json.loads(line.decode("utf-8"))
    except UnicodeDecodeError:
        return "line is not valid UTF-8"
    except json.JSONDecodeError as error:
        return f"line is not valid JSON ({error.msg} at column {error.colno})"
    if not isinstance(record, dict):
        return "line is not a JSON object"
    # only a JSON escape can put a lone surrogate in a decoded line: check those lines alone
    if b"\\u" in line and not storable(json.dumps(record, ensure_ascii=False)):
        return "line holds an escaped lone surrogate (e.g. \\ud800): not valid Unicode text"
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        return 'line has no non-empty string "text"'
    return record
