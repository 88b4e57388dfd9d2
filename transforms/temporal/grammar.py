"""The temporal grammar of one language, compiled from its resource files.

The patterns are language-neutral templates (day month year, month day year, deictic + unit,
number + unit + ago, ...); every word they use comes from `transforms/resources/<lang>/`
(calendar.json, numbers.json, temporal.json). A new language is a new resource folder.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from transforms import resources
from transforms.alternation import alt
from transforms.temporal.fragments import fragments, number_pattern
from transforms.temporal.scan import with_first_chars_gate


def needs_one_of(phrases) -> tuple[str, ...]:
    """A rule's gate (`Rule.gate`) when every match holds one of `phrases`: the longest word of each (the
    last of equally long ones: 'op een rij' needs 'rij'), in lower case; a phrase may be broken over
    lines, a word not."""
    return tuple(sorted({max(reversed(p.lower().split()), key=len) for p in phrases if p.strip()}))


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: re.Pattern
    folded: bool  # compiled without IGNORECASE, to run on `fold(text)` (see `compile_rule`)
    # Lower-case words of which the rule needs one: a text with none of them is not scanned at all
    gate: tuple[str, ...] = ()


def compile_rule(name: str, source: str, gate: tuple[str, ...] = ()) -> Rule:
    """Compile a rule; when nothing in it depends on case, for lower-cased text.

    The regex engine compares case-insensitive letters the slow way, one branch at a time, so a
    rule runs about 1.5 times faster on text lower-cased once than with IGNORECASE. A rule that
    names an upper-case letter ('Q3', 'H1', ISO's 'T') or switches case-sensitivity on keeps
    IGNORECASE and reads the text as written.
    """
    letters = re.sub(r"\\.|\(\?P<\w+>|\(\?P=\w+\)", "", source)  # escapes and group names are not text
    if "(?-i" in source or any(c.isupper() for c in letters):
        # scanned whole (`candidates.collect`), so behind a look-ahead for its first characters
        pattern = with_first_chars_gate(re.compile(source, re.IGNORECASE | re.UNICODE))
        return Rule(name, pattern, folded=False, gate=gate)
    return Rule(name, re.compile(source, re.UNICODE), folded=True, gate=gate)


def fold(text: str) -> str:
    """`text` lower-cased, character for character (offsets stay valid): the few characters whose
    lower case is longer ('İ') stay as they are."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered  # lower() never shortens a character, so equal lengths map one to one
    return "".join(low if len(low) == 1 else c for c, low in ((c, c.lower()) for c in text))


@dataclass(frozen=True)
class Grammar:
    language: str
    months: dict[str, int]
    weekdays: dict[str, int]
    numbers: dict[str, float]
    ordinals: dict[str, int]
    words: dict  # temporal.json
    rules: tuple[Rule, ...]  # in priority order
    citation: re.Pattern | None
    ambiguous_months: frozenset[str]

    def lookup_month(self, word: str) -> int | None:
        return self.months.get(word.lower().rstrip("."))

    def lookup_number(self, word: str) -> float | None:
        """A cardinal written in digits or words ('3', 'drie', 'twenty-one', 'eenentwintig')."""
        w = re.sub(r"\s+", " ", word.lower().strip())
        if re.fullmatch(r"\d+", w):
            return float(w)
        if re.fullmatch(r"\d+[.,]\d{1,2}", w):  # '1,5 uur', '2.5 years'
            return float(w.replace(",", "."))
        if w in self.numbers:
            return float(self.numbers[w])
        for joiner in ("ën", "en", "-", " "):
            # English 'twenty-one'; Dutch 'eenentwintig' is unit + en + tens ('een' itself holds 'en')
            for m in re.finditer(re.escape(joiner), w):
                a, b = w[: m.start()], w[m.end() :]
                if a in self.numbers and b in self.numbers:
                    return float(self.numbers[a] + self.numbers[b])
        return None


@cache
def amount_pattern(language: str) -> re.Pattern:
    """One amount of a unit ('21 days', 'een maand'), to read the further amounts of a compound length."""
    g = grammar(language)
    units = alt(g.words.get("units", {}))
    return re.compile(rf"(?<!\w)(?P<num>{number_pattern(g.numbers)})\s+(?P<unit>{units})(?!\w)", re.I)


def number_words(language: str) -> dict[str, float]:
    data = resources.load(language, "numbers")
    return {k: v for k, v in data.get("cardinals", {}).items() if isinstance(v, (int, float))}


@cache
def grammar(language: str) -> Grammar:
    """The rules of `language` (`transforms.temporal.rules`) compiled in priority order, and its words."""
    # imported here: the rule families import this module (their checks and resolvers read a Grammar)
    from transforms.temporal.rules import rule_sources

    cal = resources.load(language, "calendar")
    words = resources.load(language, "temporal")
    nums = resources.load(language, "numbers")
    if not cal or not words:
        raise KeyError(f"no temporal resources for language {language!r}")
    months: dict[str, int] = cal["months"]
    weekdays: dict[str, int] = cal["weekdays"]
    numbers = number_words(language) | words.get("duration_numbers", {})
    ordinals = {k: v for k, v in nums.get("ordinals", {}).items()}
    ambiguous = frozenset(words.get("ambiguous_months", []))
    f = fragments(months, weekdays, numbers, ordinals, words, nums)
    compiled = tuple(compile_rule(name, rx, gate) for name, rx, gate in rule_sources(f))
    cites = words.get("citations", [])
    flags = re.IGNORECASE | re.UNICODE
    citation = (
        with_first_chars_gate(re.compile("|".join(f"(?:{c})" for c in cites), flags)) if cites else None
    )
    return Grammar(language, months, weekdays, numbers, ordinals, words, compiled, citation, ambiguous)
