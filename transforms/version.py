"""The extractor version: changes whenever the rules change, so changed rules re-extract old documents.

It is the rules' release number plus a short hash of the code and language resources of
`transforms/`: editing a trigger lexicon or a temporal rule is a new version without anyone
having to remember to bump a number.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

RULES_RELEASE = "1"
HERE = Path(__file__).parent


def rules_fingerprint() -> str:
    digest = hashlib.sha256()
    for path in sorted(HERE.rglob("*")):
        if path.suffix in (".py", ".json") and "__pycache__" not in path.parts:
            digest.update(path.relative_to(HERE).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:10]


EXTRACTOR_VERSION = f"{RULES_RELEASE}+{rules_fingerprint()}"
