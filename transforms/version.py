"""The extractor version: changes whenever the rules change, so changed rules re-extract old documents.

It is the rules' release number plus a short hash of the code and language resources of
`transforms/`: editing a trigger lexicon or a temporal rule is a new version without anyone
having to remember to bump a number.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

RULES_RELEASE = "2"
HERE = Path(__file__).parent
# folders of transforms/ that extract nothing: scoring code changes no document's records
NOT_RULES = ("evaluation", "__pycache__")


def rules_fingerprint(root: Path = HERE) -> str:
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root)
        if path.suffix in (".py", ".json") and not set(rel.parts) & set(NOT_RULES):
            digest.update(rel.as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:10]


EXTRACTOR_VERSION = f"{RULES_RELEASE}+{rules_fingerprint()}"
