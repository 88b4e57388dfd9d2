"""One language's clause words (`transforms/resources/<lang>/clauses.json`), read once: the finite verbs,
the words that open a clause, the auxiliaries of the perfect, the shapes of participles. `clauses`
reads sentences with them; the event extractor asks them too."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from transforms import resources
from transforms.alternation import alt


@dataclass(frozen=True, slots=True)
class ClauseWords:
    """One language's clause words (`clauses.json`), read once."""

    finite: frozenset[str]
    coordinators: frozenset[str]
    subordinators: frozenset[str]
    complementizers: frozenset[str]
    relatives: frozenset[str]
    future: re.Pattern
    perfect: frozenset[str]
    pluperfect: frozenset[str]  # the auxiliaries of the perfect in the past ('had', 'hadden', 'waren')
    past: frozenset[str]
    participle_irregular: frozenset[str]
    perfect_within: int | None  # words between an auxiliary of the perfect and its participle, at most
    participle_prefixes: tuple[str, ...]
    separable_prefixes: tuple[str, ...]
    not_participles: tuple[str, ...]  # nouns shaped like one ('gezinsleden'), also as a compound's end
    verb_final_only: frozenset[str]  # openers that need their clause's finite verb at its end ('als')
    openers: frozenset[str]  # every word and mark that can begin a clause but the first
    function_words: frozenset[str]  # after a participle these keep it a verb ('arrested by')
    separable_past: re.Pattern | None  # a separable prefix + an irregular past: 'binnenkwamen' (not 'afwas')
    infinitive_markers: frozenset[str]  # 'te', 'to': the verb after them is an infinitive
    finite_endings: tuple[str, ...]  # "n't": a negated auxiliary or modal ('doesn't', 'won't'; `status`)

    def is_past(self, word: str) -> bool:
        """An irregular past ('kwamen'), also joined to its separable prefix at the end of a Dutch
        subordinate clause ('die het VK binnenkwamen', 'dat de boot terugging'); not to an auxiliary
        ('afwas' is a noun)."""
        return word in self.past or (
            self.separable_past is not None and self.separable_past.fullmatch(word) is not None
        )


@cache
def clause_words(language: str) -> ClauseWords:
    data = resources.load(language, "clauses") or resources.load("en", "clauses")

    def words(key: str) -> frozenset[str]:
        return frozenset(w.lower() for w in data.get(key, []))

    return ClauseWords(
        finite=words("finite_verbs") | words("past_verbs"),
        coordinators=words("coordinators"),
        subordinators=words("subordinators"),
        complementizers=words("complementizers"),
        relatives=words("relatives"),
        future=re.compile(rf"(?<![\w'’]){alt(data.get('future_verbs', []))}(?!\w)", re.I),
        perfect=words("perfect_auxiliaries"),
        pluperfect=words("pluperfect_auxiliaries"),
        past=words("past_verbs"),
        participle_irregular=words("irregular_participles"),
        perfect_within=data.get("perfect_within"),
        participle_prefixes=tuple(data.get("participle_prefixes", [])),
        separable_prefixes=tuple(data.get("separable_prefixes", [])),
        not_participles=tuple(data.get("not_participles", [])),
        verb_final_only=words("verb_final_only"),
        openers=words("coordinators")
        | words("subordinators")
        | words("complementizers")
        | words("relatives")
        | frozenset({";", ","}),
        function_words=words("function_words"),
        separable_past=re.compile(
            f"{alt(data['separable_prefixes'])}{alt(words('past_verbs') - words('not_separable_pasts'))}"
        )
        if data.get("separable_prefixes")
        else None,
        infinitive_markers=words("infinitive_markers"),
        finite_endings=tuple(w.lower() for w in data.get("finite_endings", [])),
    )
