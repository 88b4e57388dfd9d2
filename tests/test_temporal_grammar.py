"""How the grammar is compiled for speed must not change what it matches.

Two choices in `transforms/temporal/grammar.py` are about speed only: word lists become tries, and
rules that do not depend on case run without IGNORECASE on the text lower-cased once. Each is
checked here against the plain way of doing the same thing.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.faults import SEEDS
from transforms.temporal.grammar import alt, compile_rule, fold, grammar, needs_one_of

WORDS = ["mon", "monday", "mon.", "ma", "maandag", "a couple of", "a", "an", "x y", "jan", "januari", "jaren"]


def flat(words) -> str:
    """The plain alternation: longest first, inner spaces as any white space."""
    items = sorted({w for w in words if w}, key=len, reverse=True)
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in items) + ")"


@settings(max_examples=300, deadline=None)
@given(
    # words as the lexicons spell them (`phrase_key`: single inner spaces, none at the ends); a run of
    # spaces ('  a') is no lexicon key, and there the trie's greedy gap stops before the flat list's
    words=st.lists(
        st.sampled_from(WORDS)
        | st.text("abn. y", min_size=1, max_size=6).map(lambda w: " ".join(w.split())).filter(bool),
        min_size=1,
        max_size=8,
    ),
    text=st.text("abcdjmnoruxy. \n", max_size=40),
)
def test_a_trie_alternation_matches_what_the_flat_longest_first_list_matches(words, text) -> None:
    trie, plain = re.compile(alt(words), re.I), re.compile(flat(words), re.I)
    assert [m.span() for m in trie.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_the_trie_shares_prefixes() -> None:
    assert alt(["mon", "monday"]) == "(?:mon(?:day)?)"
    assert alt([]) == r"(?!x)x"


def test_fold_lowers_character_for_character() -> None:
    assert fold("Maandag 3 MEI") == "maandag 3 mei"
    odd = "İstanbul, 3 Mei"  # 'İ' lowers to two characters: it stays, and offsets stay valid
    assert len(fold(odd)) == len(odd) and fold(odd).endswith("3 mei")


def test_a_rule_naming_an_upper_case_letter_keeps_ignorecase() -> None:
    assert compile_rule("q", r"(?-i:Q)(?P<q>[1-4])").folded is False
    assert compile_rule("h", r"H(?P<h>[12])").folded is False
    assert compile_rule("w", r"(?<![\w'])(?P<wd>monday|\W\S\D)").folded is True  # escapes are not letters


def texts() -> list[str]:
    seeds = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    return seeds + [t.upper() for t in seeds] + [t.title() for t in seeds]


@pytest.mark.parametrize("language", ["nl", "en"])
def test_each_folded_rule_matches_as_ignorecase_on_the_text_as_written(language) -> None:
    g = grammar(language)
    assert any(rule.folded for rule in g.rules) and not all(rule.folded for rule in g.rules)
    for text in texts():
        for rule in g.rules:
            if not rule.folded:
                continue
            plain = re.compile(rule.pattern.pattern, re.IGNORECASE | re.UNICODE)
            want = [(m.span(), m.groupdict()) for m in plain.finditer(text)]
            got = [
                (
                    m.span(),
                    {k: None if v is None else text[m.start(k) : m.end(k)] for k, v in m.groupdict().items()},
                )
                for m in rule.pattern.finditer(fold(text))
            ]
            assert got == want, rule.name


def test_a_year_in_words_is_only_looked_for_when_its_century_or_thousand_word_is_there():
    for language, word in (("en", "nineteen"), ("nl", "duizend")):
        rule = next(r for r in grammar(language).rules if r.name == "spelled_year")
        assert word in rule.gate


GATED = [
    "Two years ago, three days from now, two days before yesterday, the first of next month, the third "
    "quarter, the second half of 2024, the 1988 quarter, next spring, three nights in a row, the third "
    "consecutive year.",
    "Twee jaar geleden, drie dagen vanaf nu, twee dagen voor gisteren, de eerste van volgende maand, het "
    "derde kwartaal, de tweede helft van 2024, volgend voorjaar, drie nachten op een rij, vier dagen achter "
    "elkaar.",
]


@pytest.mark.parametrize("language", ["nl", "en"])
def test_every_match_of_a_gated_rule_holds_one_of_its_gate_words(language) -> None:
    gated = [rule for rule in grammar(language).rules if rule.gate]
    found = set()
    for text in texts() + GATED:
        for rule in gated:
            for m in rule.pattern.finditer(fold(text) if rule.folded else text):
                assert any(w in m.group().lower() for w in rule.gate), (rule.name, m.group())
                found.add(rule.name)
    assert {"ago", "quarter", "season", "in_a_row"} <= found


def test_a_gate_takes_the_longest_word_of_each_phrase() -> None:
    assert needs_one_of(["in a row", "op een rij", "achter elkaar", "running"]) == (
        "elkaar",
        "rij",
        "row",
        "running",
    )
