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


def batched(iterable: Iterable[T], size: int) -> Iterator[list[T]]:
    """Consecutive lists of `size` items (the last one shorter), without reading ahead further."""
    if size < 1:
        raise ValueError(f"batch size must be at least 1, not {size}")
    iterator = iter(iterable)
    while batch := list(islice(iterator, size)):
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
    return Rejection(
        name or display_name(path), "ingest", reason, source_key=os.path.abspath(path), detail=detail
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


def discover(paths: Iterable[str | Path]) -> Iterator[Item]:
    """Every document in `paths` (files and folders, recursively, in sorted order), as RawSource,
    and every input that cannot be taken, as Rejection. A file reached twice is taken once."""
    seen: set[str] = set()  # real paths of files and folders already taken
    for given in paths:
        yield from discover_path(Path(given), seen)


def discover_path(path: Path, seen: set[str]) -> Iterator[Item]:
    """One path the user named: unlike inside folders, an unsupported file here is a Rejection."""
    broken = check_symlink(path)
    if broken:
        yield broken
        return
    if not os.path.lexists(path):
        yield reject(path, "no such file or folder")
        return
    if path.is_dir():
        yield from walk_folder(path, seen, ancestors=frozenset())
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


def walk_folder(folder: Path, seen: set[str], ancestors: frozenset[str]) -> Iterator[Item]:
    """Documents in `folder` and below, by name. Hidden entries (.git, .venv, .DS_Store) are skipped,
    as are files of other types; directory symlinks are followed once (a loop is a Rejection)."""
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
        broken = check_symlink(path)
        if broken:
            yield broken
            continue
        try:
            is_dir, is_file = entry.is_dir(), entry.is_file()
        except OSError as error:
            yield reject(path, f"cannot inspect: {explain_os_error(error)}")
            continue
        if is_dir:
            yield from walk_folder(path, seen, inside)
        elif is_file and kind_of(path) is not None:
            yield from read_source(path, seen)


def read_source(path: Path, seen: set[str]) -> Iterator[Item]:
    """The document(s) in one supported file: one per file, or one per line of a .jsonl."""
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
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        return 'line has no non-empty string "text"'
    return record
