"""Builders of bad input for the reliability tests: each writes one kind of fault into a folder.

Everything is built at test time in a temp dir (nothing large is committed). `BAD_INPUTS` maps a file
name to its bytes, with the words its rejection reason must contain (None: the file must load).
"""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
GOOD_SEED = "004_f2b82cc3597c9be6.txt"  # Armenian characters from a bad translation mid-sentence

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
)


def zip_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("inside.txt", "De minister sprak op 3 maart 2024 met Frontex.")
    return buffer.getvalue()


DUTCH = "Op 12 maart 2024 sprak de minister in Calais met Frontex over 36.800 aankomsten."
ENGLISH = "On 3 September 2024 the Home Office announced a new agreement with France."

HTML = """<!doctype html><html><head><title>Akkoord met Frankrijk</title>
<style>body { color: red } .x:before { content: "verborgen 1 januari 1999" }</style>
<script>var d = "Op 1 januari 1999 werd niets gezegd."; document.write(d);</script></head>
<body><nav>menu</nav><article><h1>Akkoord met Frankrijk</h1>
<p>Op 14 februari 2025 tekenden de ministers in Parijs een akkoord over de terugkeer van migranten.
Het akkoord treedt in werking op 1 april 2025 en geldt voor drie jaar.</p>
<script>alert("Op 2 januari 1999 gebeurde niets")</script>
<p>De Tweede Kamer debatteerde op 20 februari 2025 over de uitvoering van het akkoord.</p></article>
</body></html>"""

# name -> (bytes, words the rejection reason must contain; None when the file must load)
BAD_INPUTS: dict[str, tuple[bytes, str | None]] = {
    "empty.txt": (b"", "empty document"),
    "blank.txt": (b"  \n\t\r\n   \n", "empty document"),
    "image.txt": (PNG + bytes(range(256)) * 8, "binary file"),
    "archive.md": (zip_bytes(), "binary file"),
    "garbage.txt": (b"\xff\xfe\xfa\x80\x81\x00\x9f\x01\x02" * 40, "binary file"),
    # A table of figures pasted as text: no letter, so no sentence to read.
    "figures.txt": (b"2023 | 12.345 | 3,5%\n2024 | 13.020 | 4,1%\n" * 40, "no words to read"),
    # Mostly UTF-8 with stray bytes of another encoding: decoded as Western text, never dropped.
    "invalid_utf8.txt": (
        ("Op 4 maart 2024 sprak de minister één keer met Frontex in het café. " * 3).encode()
        + b"Na\xefef \xff.\n",
        None,
    ),
    "utf16_bom.txt": (
        ("\ufeffOp 5 maart 2024 tekende de minister in Calais een akkoord.\n").encode("utf-16-le"),
        None,
    ),
    "cp1252.txt": ("Op 3 maart 2024 zei de minister: “café, naïve, één keer €5”. ".encode("cp1252"), None),
    "latin1.txt": (
        "Le 3 mars 2024 la ministre a parlé à Calais, à propos des réfugiés. ".encode("latin-1"),
        None,
    ),
    "mojibake.txt": (
        ("Op 3 maart 2024 zei de minister dat het cafÃ© in Calais Ã©Ã©n keer sloot. " + DUTCH).encode(),
        None,
    ),
    "stray_script.txt": (
        (
            "Op 3 maart 2024 sprak de minister Հայաստան met Frontex над 36.800 aankomsten 東京 in Calais."
        ).encode(),
        None,
    ),
    "page.html": (HTML.encode(), None),
}


def jsonl_lines() -> tuple[str, list[str], list[str]]:
    """A JSON Lines file where some lines are broken: (content, good names, bad names)."""
    lines = [
        json.dumps({"id": "good1", "text": DUTCH, "published": "2024-03-12"}),
        '{"id": "broken", "text": "Op 3 maart',
        json.dumps({"id": "notext", "title": "no text here"}),
        json.dumps({"id": "good2", "text": ENGLISH, "language": "en"}),
        json.dumps({"id": "emptytext", "text": "   "}),
        "[1, 2, 3]",
    ]
    return (
        "\n".join(lines) + "\n",
        ["feed.jsonl#good1", "feed.jsonl#good2"],
        ["feed.jsonl#L2", "feed.jsonl#L3", "feed.jsonl#L5", "feed.jsonl#L6"],
    )


def write_bad_corpus(folder: Path) -> None:
    """The good seed, every bad input above, a JSON Lines file, sidecars and a symlink loop."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / GOOD_SEED).write_bytes((SEEDS / GOOD_SEED).read_bytes())
    for name, (data, _) in BAD_INPUTS.items():
        (folder / name).write_bytes(data)
    content, _, _ = jsonl_lines()
    (folder / "feed.jsonl").write_text(content, encoding="utf-8")
    (folder / "dated.txt").write_text(ENGLISH.replace("3 September", "4 September") + "\n", encoding="utf-8")
    (folder / "dated.meta.json").write_text(
        json.dumps({"title": "Dated", "published": "31-02-2024", "author": "X", "tags": ["a"]}),
        encoding="utf-8",
    )
    (folder / "broken_meta.txt").write_text(DUTCH.replace("12", "13") + "\n", encoding="utf-8")
    (folder / "broken_meta.txt.meta.json").write_text('{"title": "T",', encoding="utf-8")
    (folder / "secret.txt").write_text("Op 1 mei 2024 sprak de minister geheim.\n", encoding="utf-8")
    sub = folder / "sub"
    sub.mkdir()
    (sub / "inner.txt").write_text("De Tweede Kamer debatteerde op 20 februari 2025.\n", encoding="utf-8")
    (sub / "loop").symlink_to(sub, target_is_directory=True)
    (folder / "self.txt").symlink_to(folder / "self.txt")


def write_tiny_files(folder: Path, count: int) -> None:
    """`count` tiny distinct documents in nested folders (10 per leaf folder's tenth, 3 levels deep)."""
    for i in range(count):
        leaf = folder / f"a{i // 1000:03d}" / f"b{(i // 100) % 10}"
        leaf.mkdir(parents=True, exist_ok=True)
        (leaf / f"n{i:05d}.txt").write_text(
            f"Op {i % 28 + 1} maart 2024 sprak de minister met Frontex over dossier {i}.\n", encoding="utf-8"
        )
