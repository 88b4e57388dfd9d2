"""The temporal rule families fit together: every rule has one family, a priority and a resolver."""

from __future__ import annotations

import pytest

from transforms.temporal.grammar import grammar
from transforms.temporal.rules import ACCEPT, FAMILIES, PRIORITY, RESOLVE, merged


@pytest.mark.parametrize("language", ["nl", "en"])
def test_every_rule_has_a_resolver_and_checks_only_its_own(language):
    names = [rule.name for rule in grammar(language).rules]
    assert names == [name for name in PRIORITY if name in names]  # compiled in priority order
    assert set(names) <= set(RESOLVE)
    every = set(PRIORITY)
    assert set(ACCEPT) <= every and set(RESOLVE) <= every


def test_each_rule_belongs_to_one_family():
    assert len(PRIORITY) == len(set(PRIORITY))
    for table in ("ACCEPT", "RESOLVE"):
        owners = [name for family in FAMILIES for name in getattr(family, table)]
        assert len(owners) == len(set(owners)), table
    with pytest.raises(ValueError, match="two families"):
        merged([{"year": 1}, {"year": 2}])


def test_a_rule_without_a_priority_is_refused(monkeypatch):
    from transforms.temporal.rules import clock

    real = clock.patterns
    monkeypatch.setattr(clock, "patterns", lambda f: [*real(f), ("nameless", r"x")])
    grammar.cache_clear()
    try:
        with pytest.raises(ValueError, match="without a priority"):
            grammar("en")
    finally:
        monkeypatch.undo()
        grammar.cache_clear()
    assert grammar("en").rules
