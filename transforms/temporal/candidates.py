"""The candidates of a text: every rule's matches (`collect`), the acceptable ones (`accept`), the best
that do not overlap (`choose`), and each widened by a 'begin/medio/eind' before it (`extend_part`)."""

from __future__ import annotations

import bisect
import re
from dataclasses import replace
from functools import cache

from transforms.alternation import alt
from transforms.clauses import phrase_key
from transforms.temporal.context import Candidate
from transforms.temporal.grammar import Grammar, fold, grammar
from transforms.temporal.rules import ACCEPT
from transforms.temporal.rules.dates import month_word_accepted
from transforms.temporal.scan import RuleScan


@cache
def rule_scan(language: str) -> tuple[RuleScan, tuple[int, ...]]:
    """The grammar's rules that run on folded text (`RuleScan`, see `transforms.temporal.scan`), and
    their priorities."""
    g = grammar(language)
    folded = tuple(priority for priority, rule in enumerate(g.rules) if rule.folded)
    return RuleScan([g.rules[p].pattern for p in folded]), folded


def collect(text: str, g: Grammar) -> list[tuple[Candidate, int]]:
    """(candidate, rule priority) of every acceptable match of every rule whose gate the text passes."""
    found = []
    folded = fold(text)
    scan, priorities = rule_scan(g.language)
    gated = {
        i
        for i, p in enumerate(priorities)
        if not g.rules[p].gate or any(w in folded for w in g.rules[p].gate)
    }
    matches = [(priorities[i], m) for i, m in scan.matches(folded, gated)]
    for priority, rule in enumerate(g.rules):
        if not rule.folded and (not rule.gate or any(w in folded for w in rule.gate)):
            matches.extend((priority, m) for m in rule.pattern.finditer(text) if m.end() > m.start())
    for priority, m in matches:
        regs = m.regs  # the spans of the groups that took part: (-1, -1) for the others
        spans = {k: regs[i] for k, i in m.re.groupindex.items() if regs[i][0] >= 0}
        groups = {k: text[a:b] for k, (a, b) in spans.items()}  # as written, not lower-cased
        c = Candidate(m.start(), m.end(), g.rules[priority].name, groups, spans)
        if accept(c, text, g):
            found.append((c, priority))
    return found


def accept(c: Candidate, text: str, g: Grammar) -> bool:
    """Guards against readings that are not dates (a count, a verb, a case number): the check every
    rule with a month shares (`dates.month_word_accepted`), then the rule's own (`rules.ACCEPT`)."""
    if "month" in c.g and not month_word_accepted(c, text, g):  # most candidates have no month: no call
        return False
    check = ACCEPT.get(c.rule)
    return check is None or check(c, text, g)


def choose(found: list[tuple[Candidate, int]]) -> list[Candidate]:
    """Longest first, then rule priority: a full date beats the year inside it. In text order."""
    found.sort(key=lambda cp: (-(cp[0].end - cp[0].start), cp[1], cp[0].start))
    # the taken spans never overlap, so sorted by start one bisection finds the neighbours a candidate
    # could overlap (a check against every taken span made long documents quadratic)
    starts: list[int] = []
    taken: list[Candidate] = []
    for c, _ in found:
        i = bisect.bisect_left(starts, c.start)
        if (i < len(taken) and taken[i].start < c.end) or (i > 0 and taken[i - 1].end > c.start):
            continue
        starts.insert(i, c.start)
        taken.insert(i, c)
    return taken


PARTABLE = {
    "month_abbr",
    "month_span",
    "month",
    "month_year",
    "year",
    "fiscal_year",
    "month_rel_year",
    "deictic_unit",
    "season",
    "decade",
    "quarter",
    "quarter_code",
    "deictic_month",
}


@cache
def part_pattern(language: str) -> re.Pattern:
    """'begin', 'medio', 'the end of' before a period (`extend_part`), compiled once."""
    g = grammar(language)
    parts = g.words.get("part_of_period", {})
    return re.compile(
        rf"(?<![\w])({alt(parts)})(?:\s+|-)(?:(?:van|of)\s+)?(?:{alt(g.words.get('articles', []))}\s+)?$",
        re.I,
    )


def extend(cands: list[Candidate], text: str, g: Grammar) -> list[Candidate]:
    """Each candidate with the part of its period a word before it names (`extend_part`)."""
    return [extend_part(c, text, g) for c in cands]


def extend_part(c: Candidate, text: str, g: Grammar) -> Candidate:
    """'begin 2025', 'medio juni', 'the end of 2024', 'mid-2024': the part of the period meant."""
    if c.rule not in PARTABLE:
        return c
    parts = g.words.get("part_of_period", {})
    m = part_pattern(g.language).search(text[max(0, c.start - 40) : c.start])
    if not m:
        return c
    key = phrase_key(m.group(1))
    return replace(
        c, start=c.start - (len(text[max(0, c.start - 40) : c.start]) - m.start()), part=parts[key]
    )
