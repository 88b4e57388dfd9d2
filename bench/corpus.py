"""A deterministic benchmark corpus: N news-like documents in Dutch and English, as .txt files.

Paragraphs come from real text: the seeds (Dutch and English news, parliamentary answers), the
TempEval-3 training articles (English news wire, TimeML tags stripped) and the Dutch and English
example sentences of Recognizers-Text (short sentences full of date expressions), all under
`../shared/corpora/`. Each document gets a date marker with a varied date, a headline and 4-9
paragraphs drawn with `random.Random(seed, i)`: the same N always gives the same bytes.

Files go 1,000 to a folder (`d000/`, `d001/`, ...), as an archive on disk would be laid out.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import random
import re
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "corpora"
PER_FOLDER = 1000
START = dt.date(1996, 1, 1)
DAYS = (dt.date(2025, 12, 31) - START).days


def paragraphs_of(text: str) -> list[str]:
    parts = [" ".join(p.split()) for p in re.split(r"\n\s*\n", text)]
    return [p for p in parts if len(p) > 60]


def timeml_paragraphs(folder: Path) -> list[str]:
    found = []
    for path in sorted(folder.rglob("*.tml")):
        raw = path.read_text(encoding="utf-8", errors="replace")
        body = re.search(r"<TEXT>(.*?)</TEXT>", raw, re.DOTALL)
        if body:
            plain = html.unescape(re.sub(r"<[^>]+>", "", body.group(1)))
            found += [p for p in paragraphs_of(plain) if not p.isupper()]
    return found


def recognizer_paragraphs(folder: Path, size: int = 5) -> list[str]:
    """Example sentences with dates, five to a paragraph."""
    sentences: list[str] = []
    for path in sorted(folder.glob("*.json")):
        try:
            cases = json.loads(path.read_text(encoding="utf-8-sig"))
        except (OSError, ValueError):
            continue
        for case in cases:
            text = " ".join(str(case.get("Input", "")).split())
            if 15 < len(text) < 200:
                sentences.append(text if text[-1] in ".?!" else text + ".")
    sentences = sorted(set(sentences))
    random.Random(7).shuffle(sentences)
    return [" ".join(sentences[i : i + size]) for i in range(0, len(sentences) - size + 1, size)]


def missing_corpora() -> str | None:
    """A warning when ../shared/corpora is not there: the documents are then drawn from the seeds alone,
    a different corpus (longer paragraphs, fewer dates) whose figures do not compare with the README's."""
    if SHARED.is_dir():
        return None
    return f"{SHARED} not found: paragraphs from the seeds only; figures not comparable"


@cache
def pools() -> dict[str, list[str]]:
    """Paragraphs per language: {"nl": [...], "en": [...]}."""
    nl: list[str] = []
    en: list[str] = []
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        text = re.sub(r"^\s*date \d{4}-\d{2}(-\d{2})?\s*", "", path.read_text(encoding="utf-8"))
        paras = paragraphs_of(text)
        english = text.count(" the ") > 5  # the seeds are Dutch but for one English article
        (en if english else nl).extend(paras)
    en += timeml_paragraphs(SHARED / "tempeval3" / "train")
    nl += recognizer_paragraphs(SHARED / "recognizers-text-datetime" / "Dutch")
    return {"nl": nl, "en": en}


def document(i: int, seed: int = 2025) -> tuple[str, str]:
    """(relative path, text) of document number i."""
    rng = random.Random(f"{seed}:{i}")
    language = "nl" if rng.random() < 0.5 else "en"
    pool = pools()[language]
    day = START + dt.timedelta(days=rng.randrange(DAYS))
    paras = [pool[rng.randrange(len(pool))] for _ in range(rng.randint(4, 9))]
    headline = paras[0].split(". ")[0][:90].rstrip(" ,;:")
    text = f"date {day.isoformat()}\n{headline}\n\n" + "\n\n".join(paras) + "\n"
    return f"d{i // PER_FOLDER:03d}/doc{i:06d}.txt", text


def write_corpus(folder: Path, n: int, seed: int = 2025) -> int:
    """Write documents 0..n-1 under `folder` (only the files that differ); return the bytes of text."""
    total = 0
    for i in range(n):
        rel, text = document(i, seed)
        path = folder / rel
        data = text.encode("utf-8")
        total += len(data)
        if not path.exists() or path.read_bytes() != data:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
    return total


def change_documents(folder: Path, n: int, share: float, seed: int = 2025) -> list[Path]:
    """Append a dated sentence to every (1/share)-th document: the 'changed 1%' of a re-run."""
    step = max(1, round(1 / share))
    changed = []
    for i in range(0, n, step):
        rel, text = document(i, seed)
        path = folder / rel
        path.write_text(
            text + f"\nUpdate {i}: on 3 March 2025 the ministry published a correction.\n", encoding="utf-8"
        )
        changed.append(path)
    return changed


if __name__ == "__main__":
    import sys

    target, count = Path(sys.argv[1]), int(sys.argv[2])
    size = write_corpus(target, count)
    print(
        f"{count} documents, {size / 1e6:.1f} MB in {target}; pools: "
        + ", ".join(f"{k} {len(v)} paragraphs" for k, v in pools().items())
    )
