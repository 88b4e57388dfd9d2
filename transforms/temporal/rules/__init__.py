"""The temporal rules, one module per family of expressions (see ../README.md for the map).

Each family module holds its rules' patterns (`patterns(f)`, written with the pieces of
`transforms.temporal.fragments`), the words that gate them (`gates(f)`), their acceptance checks
(`ACCEPT`: rule name -> check) and their resolution (`RESOLVE`: rule name -> resolver). This module
puts them together: the rules in priority order, and one table of each for the tagger to dispatch on.
"""

from __future__ import annotations

from transforms.temporal.fragments import Fragments
from transforms.temporal.rules import absolute, anaphora, clock, dates, deictic, lengths, named_periods, weeks

FAMILIES = (absolute, dates, weeks, named_periods, deictic, lengths, anaphora, clock)

# The rules in priority order: of two candidates of the same length at one place the earlier rule's
# wins (a full date before the year inside it is settled by length: longest first).
PRIORITY = (
    "iso_date",
    "numeric_date",
    "day_range",
    "dmy",
    "dmy_joined",
    "mdy",
    "month_year",
    "month_rel_year",
    "week_number",
    "week_weekday",
    "numeric_month",
    "deictic_month",
    "quarter",
    "year_period",
    "quarter_code",
    "half",
    "half_code",
    "season",
    "decade",
    "decade_words",
    "century",
    "holiday",
    "relative_day",
    "weekday_day",
    "day_of_month",
    "nth_week",
    "nth_weekday",
    "each_calendar",
    "weekday",
    "earlier_this",
    "deictic_unit",
    "unit_part",
    "rest_of",
    "set",
    "offset_day",
    "ago",
    "from_now",
    "in_future",
    "duration",
    "vague_units",
    "weekend",
    "anaphoric_year",
    "year_ended",
    "anaphoric_unit",
    "in_a_row",
    "story_day",
    "generic",
    "time",
    "clock_words",
    "time_word",
    "year_range",
    "month",
    "month_span",
    "month_abbr",
    "fiscal_year",
    "spelled_year",
    "year",
)


def rule_sources(f: Fragments) -> list[tuple[str, str, tuple[str, ...]]]:
    """(name, regular expression, gate) of every rule a language has, in priority order."""
    sources: dict[str, str] = {}
    gates: dict[str, tuple[str, ...]] = {}
    for family in FAMILIES:
        sources.update(family.patterns(f))
        if hasattr(family, "gates"):
            gates.update(family.gates(f))
    unknown = set(sources) - set(PRIORITY)
    if unknown:
        raise ValueError(f"rules without a priority: {sorted(unknown)}")
    return [(name, sources[name], gates.get(name, ())) for name in PRIORITY if name in sources]


def merged(tables: list[dict]) -> dict:
    """One table from the families' tables; a rule in two families is a mistake."""
    out: dict = {}
    for table in tables:
        twice = set(out) & set(table)
        if twice:
            raise ValueError(f"rules in two families: {sorted(twice)}")
        out.update(table)
    return out


# rule name -> acceptance check (`candidates.accept`), and rule name -> resolver (`tagger.resolve`)
ACCEPT = merged([family.ACCEPT for family in FAMILIES])
RESOLVE = merged([family.RESOLVE for family in FAMILIES])
