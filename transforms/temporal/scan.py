"""Running every grammar rule over a text, fast: each rule is tried only where a match of it can begin.

`find_candidates` used to scan the text once per rule (`finditer`), about 55 scans of a document. Most
rules open with a look-behind that no word character may precede and with a word of a short list, so
they can only begin at the start of a word and with one of a few characters. `first_chars` reads which
characters a rule's match can begin with from the compiled pattern; `RuleScan.matches` finds the word
starts of the text once and tries at each only the rules that can begin with its character. It yields
what one `finditer` per rule yields (a test compares both on every rule): for each rule, its matches in
text order, none overlapping the one before. A rule this cannot prove such a start for (no look-behind
for word characters, a pattern that can match nothing) is scanned whole, as before. Most word starts
('the', 'van', 'said') can begin no rule at all: `first_words` reads the words a rule can begin with, so
at each word start only the rules that can begin with its word are tried, and most are passed over; the
word starts themselves are found by one regex built from those words (`word_start_gate`), so the words
no rule can begin with are passed over by the regex engine, not one by one in Python.
`with_first_chars_gate` does the like for one long pattern scanned whole (the citations): a look-ahead for
the characters its matches can begin with.

The reading uses `re._parser`, the standard library's own regex parser; a pattern it cannot read is
scanned whole.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from transforms.alternation import alt

try:  # Python 3.11+
    from re import _constants as C
    from re import _parser as P
except ImportError:  # pragma: no cover - an older or other Python: every rule is scanned whole
    C = P = None

# What a rule's first character can be: explicit characters and classes (`\d`, `\w`); None is anything.
CLASSES = {"digit": re.compile(r"\d"), "word": re.compile(r"\w"), "space": re.compile(r"\s")}
# The widest character range read character by character; a wider one counts as anything.
RANGE_LIMIT = 512


@dataclass(frozen=True)
class First:
    chars: frozenset[str]
    classes: frozenset[str]

    def admits(self, ch: str) -> bool:
        return ch in self.chars or any(CLASSES[c].match(ch) for c in self.classes)


class Unreadable(Exception):
    """A part of a pattern `first_chars` does not read: the rule is scanned whole."""


def first_chars(pattern: re.Pattern) -> First | None:
    """The characters a non-empty match of `pattern` can begin with, or None when that is not known
    (the pattern can match the empty string, or holds something this does not read)."""
    if P is None or pattern.flags & re.IGNORECASE:
        return None
    try:
        chars, classes, nullable = first_of(P.parse(pattern.pattern, pattern.flags), False)
    except (Unreadable, re.error, TypeError, ValueError):
        return None
    if nullable:
        return None
    return First(frozenset(chars), frozenset(classes))


def first_of(items, ignorecase: bool | None) -> tuple[set[str], set[str], bool]:
    """(characters, classes, whether the sequence can match the empty string) of a parsed sequence.
    `ignorecase`: whether the sequence ignores case (a character of it is then Unreadable), or None when
    the caller's use ignores case anyway (characters are read as written)."""
    chars: set[str] = set()
    classes: set[str] = set()
    for op, av in items:
        c, k, nullable = first_of_item(op, av, ignorecase)
        chars |= c
        classes |= k
        if not nullable:
            return chars, classes, False
    return chars, classes, True


def first_of_item(op, av, ignorecase: bool | None) -> tuple[set[str], set[str], bool]:
    if op in (C.AT, C.ASSERT, C.ASSERT_NOT):
        return set(), set(), True  # zero width: passing over a look-ahead only widens the set
    if op is C.LITERAL:
        if ignorecase:
            raise Unreadable(op)
        return {chr(av)}, set(), False
    if op is C.IN:
        if ignorecase:
            raise Unreadable(op)
        return first_of_set(av) + (False,)
    if op is C.BRANCH:
        chars, classes, nullable = set(), set(), False
        for branch in av[1]:
            c, k, n = first_of(branch, ignorecase)
            chars |= c
            classes |= k
            nullable = nullable or n
        return chars, classes, nullable
    if op is C.SUBPATTERN:
        _, add, remove, sub = av
        if ignorecase is None:
            return first_of(sub, None)
        return first_of(sub, (ignorecase or bool(add & re.IGNORECASE)) and not remove & re.IGNORECASE)
    if op in (C.MAX_REPEAT, C.MIN_REPEAT) or op is getattr(C, "POSSESSIVE_REPEAT", None):
        low, _, sub = av
        chars, classes, nullable = first_of(sub, ignorecase)
        return chars, classes, nullable or low == 0
    if op is getattr(C, "ATOMIC_GROUP", None):
        return first_of(av, ignorecase)
    if op is C.GROUPREF_EXISTS:
        _, yes, no = av
        c1, k1, n1 = first_of(yes, ignorecase)
        c2, k2, n2 = first_of(no, ignorecase) if no is not None else (set(), set(), True)
        return c1 | c2, k1 | k2, n1 or n2
    raise Unreadable(op)  # a back-reference, any character, a negated literal: anything


def first_of_set(items) -> tuple[set[str], set[str]]:
    chars: set[str] = set()
    classes: set[str] = set()
    for op, av in items:
        if op is C.LITERAL:
            chars.add(chr(av))
        elif op is C.RANGE and av[1] - av[0] <= RANGE_LIMIT:
            chars.update(chr(i) for i in range(av[0], av[1] + 1))
        elif op is C.CATEGORY and av in (C.CATEGORY_DIGIT, C.CATEGORY_UNI_DIGIT):
            classes.add("digit")
        elif op is C.CATEGORY and av in (C.CATEGORY_WORD, C.CATEGORY_UNI_WORD):
            classes.add("word")
        elif op is C.CATEGORY and av in (C.CATEGORY_SPACE, C.CATEGORY_UNI_SPACE):
            classes.add("space")
        else:
            raise Unreadable(op)  # a negated set, a wide range, another category
    return chars, classes


def with_first_chars_gate(pattern: re.Pattern) -> re.Pattern:
    """`pattern` behind a look-ahead for the characters its matches can begin with: the same matches,
    found sooner. The engine tries a pattern at every position of the text, and a long alternation
    without a literal start (a case-insensitive one never has one for the engine) costs every branch at
    every position; one character class first rules most positions out at once. The class ignores case,
    so the engine's own case folding decides what it admits, as for the pattern's letters: wider than a
    case-sensitive start needs, never narrower than a case-insensitive one. `pattern` itself when its
    first characters are not known (it can match nothing, or it opens with a negated set or any
    character)."""
    if P is None:
        return pattern
    try:
        chars, classes, nullable = first_of(P.parse(pattern.pattern, pattern.flags), None)
    except (Unreadable, re.error, TypeError, ValueError):
        return pattern
    if nullable:
        return pattern
    cased = "".join(sorted(re.escape(c) for c in chars))
    kinds = "".join(CLASSES[k].pattern for k in sorted(classes))
    return re.compile(f"(?=(?i:[{cased}{kinds}]))(?:{pattern.pattern})", pattern.flags)


@dataclass(frozen=True)
class FirstWords:
    """What the word (the run of word characters, maybe empty) at the start of a rule's match can be:
    one of `exact`, or one that begins with one of `prefixes`."""

    exact: frozenset[str]
    prefixes: tuple[str, ...]
    classes: frozenset[str]  # or any word whose first character is of one of these classes ('digit')

    def admits(self, word: str) -> bool:
        return (
            word in self.exact
            or word.startswith(self.prefixes)
            or any(CLASSES[c].match(word[:1]) for c in self.classes)
        )


# The most strings `first_words` spells out for a rule before it gives up (the rule is then tried at
# every word start its first character fits, as before).
WORDS_LIMIT = 100_000


def first_words(pattern: re.Pattern) -> FirstWords | None:
    """The words a match of `pattern` can begin with, read from the pattern: a literal character adds
    to the word, one that is no word character ends it (the text's word is then exactly that); what is
    not spelled out (a class of word characters, a repeat, a back-reference, the pattern's end) leaves
    the word known only by its start. Look-arounds are passed over: they only narrow the matches. None
    when some match can begin with any word (a known start that is empty) or past WORDS_LIMIT."""
    if P is None or pattern.flags & re.IGNORECASE:
        return None
    exact: set[str] = set()
    prefixes: set[str] = set()
    classes: set[str] = set()
    steps = [0]

    def walk(items: list, prefix: str) -> None:
        steps[0] += 1
        if steps[0] > WORDS_LIMIT:
            raise Unreadable("too many words")
        if not items:
            prefixes.add(prefix)  # the match may end here and the text's word go on
            return
        (op, av), rest = items[0], items[1:]
        if op in (C.AT, C.ASSERT, C.ASSERT_NOT):
            walk(rest, prefix)
        elif op is C.LITERAL:
            ch = chr(av)
            if CLASSES["word"].match(ch):
                walk(rest, prefix + ch)
            else:
                exact.add(prefix)
        elif op is C.IN:
            try:
                chars, set_classes = first_of_set(av)
            except Unreadable:
                prefixes.add(prefix)
                return
            if set_classes - {"space"}:
                # a digit or word class: not spelled out (first in the word: any word of that class)
                (prefixes.add(prefix) if prefix else classes.update(set_classes - {"space"}))
            if "space" in set_classes:
                exact.add(prefix)  # white space ends the word
            for ch in chars:
                if CLASSES["word"].match(ch):
                    walk(rest, prefix + ch)
                else:
                    exact.add(prefix)
        elif op is C.BRANCH:
            for branch in av[1]:
                walk(list(branch) + rest, prefix)
        elif op is C.SUBPATTERN:
            _, add, remove, sub = av
            if add & re.IGNORECASE:
                prefixes.add(prefix)
            else:
                walk(list(sub) + rest, prefix)
        elif op is getattr(C, "ATOMIC_GROUP", None):
            walk(list(av) + rest, prefix)
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT) or op is getattr(C, "POSSESSIVE_REPEAT", None):
            low, high, sub = av
            if low == 0:
                walk(rest, prefix)
            if high == 1:
                walk(list(sub) + rest, prefix)
            elif high != 0:
                walk(list(sub), prefix)  # one time through, then the word is known only by its start
        elif op is C.GROUPREF_EXISTS:
            _, yes, no = av
            walk(list(yes) + rest, prefix)
            walk(list(no) + rest if no is not None else rest, prefix)
        else:
            prefixes.add(prefix)  # a back-reference, any character, a negated literal: not spelled out

    try:
        walk(list(P.parse(pattern.pattern, pattern.flags)), "")
    except (Unreadable, re.error, TypeError, ValueError, RecursionError):
        return None
    if "" in prefixes:
        return None
    return FirstWords(frozenset(exact), tuple(sorted(prefixes)), frozenset(classes))


def starts_a_word(pattern: re.Pattern) -> bool:
    """Whether every match of `pattern` begins where no word character precedes: it opens with a
    look-behind that excludes `\\w` (`(?<![\\w'’])`), or with alternatives that each do so or look
    behind for a literal that ends in a non-word character (`(?<=begin-)`), after any look-aheads."""
    if P is None:
        return False
    try:
        return leads_after_word_break(list(P.parse(pattern.pattern, pattern.flags)))
    except (re.error, TypeError, ValueError):
        return False


def leads_after_word_break(items) -> bool:
    for op, av in items:
        if op is C.ASSERT and av[0] == 1:
            continue  # a look-ahead first ('(?=[12])'): what follows it decides
        if op is C.ASSERT_NOT and av[0] == -1:
            return excludes_word(av[1])
        if op is C.ASSERT and av[0] == -1:
            last = list(av[1])[-1:] if av[1] else []
            return bool(last) and last[0][0] is C.LITERAL and not CLASSES["word"].match(chr(last[0][1]))
        if op is C.SUBPATTERN:
            return leads_after_word_break(list(av[3]))
        if op is C.BRANCH:
            return all(leads_after_word_break(list(b)) for b in av[1])
        return False
    return False


def excludes_word(sub) -> bool:
    """A one-character set that holds every word character (`[\\w'’]`, `[\\w/.,:-]`)."""
    items = list(sub)
    return (
        len(items) == 1
        and items[0][0] is C.IN
        and any(op is C.CATEGORY and av in (C.CATEGORY_WORD, C.CATEGORY_UNI_WORD) for op, av in items[0][1])
        and not any(op is C.NEGATE for op, _ in items[0][1])
    )


# The places of a text where a rule that `starts_a_word` can begin: no word character before, and not a
# space (no such rule begins with one; `RuleScan` checks).
WORD_STARTS = re.compile(r"(?<!\w)\S")
# The word at a word start (empty before a character that is no word character).
WORD = re.compile(r"\w*")
# The most (character, word) pairs a RuleScan remembers the rules of.
WORDS_REMEMBERED = 200_000


def word_start_gate(words) -> re.Pattern:
    """The word starts where some rule's first word fits (`FirstWords.admits`): the words spelled out as
    one trie, any start when a rule's first word is not known. Zero width, so `finditer` gives every such
    start. A word start it passes over is one where `RuleScan.admitted` finds no rule: the regex engine
    skips the text's ordinary words ('the', 'van', 'said') instead of a Python loop asking for each."""
    exact: set[str] = set()
    prefixes: set[str] = set()
    classes: set[str] = set()
    for w in words:
        if w is None:
            return WORD_STARTS
        exact |= w.exact
        prefixes.update(w.prefixes)
        classes |= w.classes
    fits = [CLASSES[c].pattern for c in sorted(classes)]
    if "" in exact:
        fits.append(r"[^\w\s]")  # a rule that begins with no word character ('(', '’')
    if exact - {""}:
        fits.append(alt(exact - {""}) + r"(?!\w)")
    if prefixes:
        fits.append(alt(prefixes))
    return re.compile(r"(?<!\w)(?=" + "|".join(fits) + ")") if fits else NOTHING


# A gate that lets no word start through (no rule can begin anywhere).
NOTHING = re.compile(r"(?!x)x")


class RuleScan:
    """The rules of a grammar (patterns in priority order), split into those tried only at the word
    starts their first character and word fit and those scanned whole."""

    def __init__(self, patterns: list[re.Pattern]) -> None:
        self.patterns = patterns
        self.firsts: dict[int, First] = {}
        for index, pattern in enumerate(patterns):
            first = first_chars(pattern) if starts_a_word(pattern) else None
            if (
                first is not None
                and "space" not in first.classes
                and not any(c.isspace() for c in first.chars)
            ):
                self.firsts[index] = first
        self.whole = [i for i in range(len(patterns)) if i not in self.firsts]
        self.words = {i: first_words(patterns[i]) for i in self.firsts}
        self.starts = word_start_gate(self.words.values())
        self.by_char: dict[str, tuple[int, ...]] = {}
        self.by_word: dict[tuple[str, str], tuple[int, ...]] = {}

    def fitting(self, ch: str) -> tuple[int, ...]:
        """The rules that can begin with the character `ch`."""
        found = self.by_char.get(ch)
        if found is None:
            found = self.by_char[ch] = tuple(i for i, f in self.firsts.items() if f.admits(ch))
        return found

    def admitted(self, ch: str, word: str) -> tuple[int, ...]:
        """The rules that can begin at a word start with the character `ch` and the word `word` (the
        word characters from there, maybe none). Remembered: a text's words repeat, so most word starts
        cost one dictionary look-up."""
        key = (ch, word)
        found = self.by_word.get(key)
        if found is None:
            words = self.words
            found = tuple(i for i in self.fitting(ch) if words[i] is None or words[i].admits(word))
            if len(self.by_word) > WORDS_REMEMBERED:
                self.by_word.clear()  # a bound on memory over a long run
            self.by_word[key] = found
        return found

    def matches(self, text: str, wanted: set[int] | None = None) -> Iterator[tuple[int, re.Match]]:
        """(rule index, match) of every rule in `wanted` (all by default): per rule what its `finditer`
        over `text` gives, without empty matches; rules one after the other for those scanned whole."""
        last: dict[int, int] = {}
        patterns = self.patterns
        for start in self.starts.finditer(text):
            pos = start.start()
            for index in self.admitted(text[pos], WORD.match(text, pos).group()):
                if pos < last.get(index, 0) or (wanted is not None and index not in wanted):
                    continue
                m = patterns[index].match(text, pos)
                if m is not None and m.end() > pos:
                    last[index] = m.end()
                    yield index, m
        for index in self.whole:
            if wanted is None or index in wanted:
                yield from ((index, m) for m in patterns[index].finditer(text) if m.end() > m.start())
