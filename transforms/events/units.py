"""Event units: the clauses of a sentence grouped into the stretches that each state one event.

A main clause and each coordinate clause is a unit. A subordinate clause with a date of its own is a
unit too ('..., since the Calais Group last met in December 2022'); one without joins the clause it
depends on: a reported clause as that clause's `complement` ('Verder is afgesproken | dat we Frontex
gaan versterken'), a relative or adverbial one as a `sub` ('faced a challenge | when two million
people arrived'). A noun with a date of its own inside a clause is a `nominal` unit of its own ('het
verzoek van de vaste Kamercommissie van 14 augustus jl.', 'the EU-Turkey Statement of March 2016').
"""

from __future__ import annotations

from dataclasses import dataclass, field

from transforms.clauses import Clause
from transforms.events.lexicon import Trigger
from transforms.model import Timex


@dataclass
class Part:
    spans: tuple[tuple[int, int], ...]
    role: str  # head | complement | sub


@dataclass
class Unit:
    kind: str  # main | coordinate | relative | adverbial | nominal
    parts: list[Part] = field(default_factory=list)
    noun: Trigger | None = None  # a nominal unit's noun
    date: Timex | None = None  # a nominal unit's date
    context: tuple[tuple[int, int], ...] = ()  # a subordinate unit's: the clause it depends on
    # (number of parts, spans): the spans are asked for many times, and parts are only ever added
    _spans: tuple[int, tuple[tuple[int, int], ...]] = field(default=(-1, ()), repr=False, compare=False)

    @property
    def spans(self) -> tuple[tuple[int, int], ...]:
        if self._spans[0] != len(self.parts):
            self._spans = (len(self.parts), tuple(sorted(s for p in self.parts for s in p.spans)))
        return self._spans[1]

    @property
    def start(self) -> int:
        return self.spans[0][0]

    @property
    def end(self) -> int:
        return max(e for _, e in self.spans)

    def holds(self, pos: int) -> bool:
        return any(s <= pos < e for s, e in self.spans)

    def role_of(self, pos: int) -> str | None:
        return next((p.role for p in self.parts for s, e in p.spans if s <= pos < e), None)

    def part_of(self, pos: int) -> Part | None:
        return next((p for p in self.parts for s, e in p.spans if s <= pos < e), None)


def clause_units(clauses: list[Clause], dated: list[bool]) -> list[Unit]:
    """Group a sentence's clauses (`split_clauses`) into units; `dated[k]`: clause k has a date of its own."""
    units: list[Unit] = []
    unit_of: dict[int, Unit] = {}
    for k, c in enumerate(clauses):
        if c.kind in ("main", "coordinate") or (c.kind in ("relative", "adverbial") and dated[k]):
            context = clauses[c.parent].spans if c.parent is not None else ()
            unit = Unit(c.kind, [Part(c.spans, "head")], context=context)
            units.append(unit)
        else:
            parent = unit_of.get(c.parent) if c.parent is not None else None
            if parent is None:  # a subordinate clause before its main one: read it as its own
                unit = Unit(c.kind, [Part(c.spans, "head")])
                units.append(unit)
            else:
                unit = parent
                unit.parts.append(Part(c.spans, "complement" if c.kind == "complement" else "sub"))
        unit_of[k] = unit
    # a subordinate clause read before its main clause was (a fronted 'Nadat ..., begon'): join it now
    for k, c in enumerate(clauses):
        parent = unit_of.get(c.parent) if c.parent is not None else None
        unit = unit_of[k]
        if (
            parent is not None
            and parent is not unit
            and not dated[k]
            and unit.kind not in ("main", "coordinate")
        ):
            # the whole unit joins, with the clauses inside it ('When asked | if she thought ..., she
            # frowned'): each of its parts is a `sub` of the parent now
            parent.parts.extend(Part(p.spans, "sub") for p in unit.parts)
            units.remove(unit)
            for j, u in unit_of.items():
                if u is unit:
                    unit_of[j] = parent
    return sorted(units, key=lambda u: u.start)
