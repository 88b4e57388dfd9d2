"""Word lists as regular expressions: `alt(words)`, the alternation every rule builds its patterns from.

Used by the temporal grammar, the clause reader and the event lexicons alike.
"""

from __future__ import annotations

import re
from functools import cache


def alt(words, *, plural_s: bool = False) -> str:
    """A regex alternation of words, longest first; inner spaces match any white space.

    Written as a trie ('mon(?:day)?' rather than 'monday|mon'): Python's regex engine tries the
    branches of an alternation one by one, and a flat list of a hundred words costs a hundred tries
    at every word start of every document. At each node a longer continuation is tried before the
    word that ends there, so the first match is the longest, as in a longest-first list.
    """
    return _alternation(frozenset(w for w in words if w))


@cache  # the tagger asks for the same alternations for every expression it reads
def _alternation(items: frozenset[str]) -> str:
    if not items:
        return r"(?!x)x"  # matches nothing
    trie: dict = {}
    for word in items:
        node = trie
        for unit in word:  # a space matches any white space, as in the flat list
            node = node.setdefault(unit, {})
        node[""] = {}  # a word ends here
    return f"(?:{_trie_pattern(trie)})"


def _trie_pattern(node: dict) -> str:
    branches = [(r"\s+" if k == " " else re.escape(k)) + _trie_pattern(node[k]) for k in sorted(node) if k]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" not in node:
        return body
    return f"{body}?" if len(branches) == 1 and len(body) == 1 else f"(?:{body})?"
