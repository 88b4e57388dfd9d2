"""The clause and tense reader shared by the temporal tagger and the event extractor."""

from __future__ import annotations

import pytest

from transforms.clauses import (
    clause_bounds,
    clause_direction,
    looks_back,
    past_verb_positions,
    perfect_in_clause,
    verb_before,
)


def span_of(text: str, word: str) -> tuple[int, int]:
    start = text.index(word)
    return start, start + len(word)


@pytest.mark.parametrize(
    "language, text, word, expected",
    [
        # the nearest cue of the clause decides
        ("en", "The minister will visit Dover on Friday.", "Friday", 1),
        ("en", "The minister visited Dover on Friday.", "Friday", 0),  # without past verbs: no cue word
        ("nl", "De minister zal vrijdag Dover bezoeken.", "vrijdag", 1),
        ("nl", "Vorige week vertrok de minister vrijdag naar Dover.", "vrijdag", -1),
        # a future cue after an article is an adjective: no look ahead
        ("en", "Because of the planned sale on Friday, shares are steady.", "Friday", 0),
        # reported speech is what was said, not the tense of the report
        ("en", "The ministry issued a statement Friday saying the pact will hold.", "Friday", 0),
        # a trailing attribution is not the tense of what it reports
        ("en", "Parliament will vote on Tuesday, government sources said.", "Tuesday", 1),
    ],
)
def test_clause_direction_reads_the_nearest_cue(language, text, word, expected):
    assert clause_direction(text, language, *span_of(text, word)) == expected


@pytest.mark.parametrize(
    "language, text, word, expected",
    [
        ("en", "The minister visited Dover on Friday.", "Friday", -1),
        ("nl", "De minister bezocht vrijdag Dover.", "vrijdag", -1),
        # in the scope of a future cue a past form is no past tense
        ("en", "He will be sentenced on Friday for crimes he committed.", "Friday", 1),
        # a quotation is a clause of its own
        ("en", 'He said: "We will win on Sunday."', "Sunday", 1),
    ],
)
def test_clause_direction_with_past_verbs(language, text, word, expected):
    assert clause_direction(text, language, *span_of(text, word), past_verbs=True) == expected


@pytest.mark.parametrize(
    "language, text, expected",
    [
        ("en", "Officers arrested three men and seized a boat.", ["arrested", "seized"]),
        (
            "en",
            "The proposed rules will be signed.",
            [],
        ),  # an adjective after an article; a participle after 'be'
        ("nl", "De politie arresteerde drie mannen.", ["arresteerde"]),
        ("nl", "Premier Rutte sprak met de alleenstaande minderjarigen.", []),  # a name; a listed adjective
    ],
)
def test_past_verb_positions(language, text, expected):
    positions = past_verb_positions(text, language, 0, len(text))
    assert [text[p:].split()[0] for p in positions] == expected


@pytest.mark.parametrize(
    "language, text, word, expected",
    [
        ("en", "The bill was introduced in April.", "April", -1),
        ("en", "The bill is to be published in April.", "April", 0),
        ("nl", "Het kabinet presenteerde maandag het plan.", "maandag", -1),
        ("nl", "Het plan wordt gepresenteerd op maandag.", "maandag", 0),
    ],
)
def test_verb_before(language, text, word, expected):
    assert verb_before(text, language, text.index(word)) == expected


@pytest.mark.parametrize(
    "language, text, word, clause",
    [
        (
            "en",
            "It rained. The minister left on Friday; nobody saw him.",
            "Friday",
            " The minister left on Friday",
        ),
        # the period of an abbreviation is no stop
        ("en", "At 4 a.m. Thursday the boat left.", "Thursday", "At 4 a.m. Thursday the boat left"),
        ("nl", "Het regende. Op 3 mrt. vertrok de boot.", "vertrok", " Op 3 mrt. vertrok de boot"),
    ],
)
def test_clause_bounds(language, text, word, clause):
    lo, hi = clause_bounds(text, language, *span_of(text, word))
    assert text[lo:hi] == clause


@pytest.mark.parametrize(
    "language, text, word, expected",
    [
        ("en", "This year 80 have been convicted.", "This year", True),
        ("en", "This year we've already seen 80 convictions.", "This year", True),
        (
            "en",
            "This year they have a budget of 5 million.",
            "This year",
            False,
        ),  # 'have' without a participle
        ("nl", "Dit jaar zijn er al 80 veroordeeld.", "Dit jaar", True),
        (
            "nl",
            "Hij zei dat er dit jaar al 80 mensen zijn aangekomen.",
            "dit jaar",
            True,
        ),  # 'zijn' the auxiliary
        ("nl", "Dit jaar is het gebied groter.", "Dit jaar", False),  # a noun after an article
        ("nl", "Dit jaar worden er 80 veroordeeld.", "Dit jaar", False),  # the passive, no perfect
    ],
)
def test_perfect_in_clause(language, text, word, expected):
    assert perfect_in_clause(text, language, *span_of(text, word)) is expected


@pytest.mark.parametrize(
    "language, text, word, expected",
    [
        ("en", "This year 80 were convicted.", "This year", True),
        ("en", "This year 80 have been convicted.", "This year", True),
        ("en", "This year 80 will be convicted.", "This year", False),
        ("en", "Analysts had predicted a loss this year.", "this year", False),  # a forecast
        ("nl", "Dit jaar zijn er al 80 veroordeeld.", "Dit jaar", True),
        ("nl", "Dit jaar zal het kabinet 80 miljoen uittrekken.", "Dit jaar", False),
        ("nl", "Het kabinet verwachtte dit jaar een tekort.", "dit jaar", False),  # a forecast
    ],
)
def test_looks_back(language, text, word, expected):
    assert looks_back(text, language, *span_of(text, word)) is expected


# --- the clauses of a sentence ---------------------------------------------------------------------

from transforms.clauses import (  # noqa: E402
    clause_pluperfect,
    clause_tense,
    is_attributive,
    is_participle,
    split_clauses,
)


def clause_texts(text: str, language: str) -> list[tuple[str, str]]:
    return [
        (c.kind, " | ".join(text[s:e].strip(" ,;") for s, e in c.spans))
        for c in split_clauses(text, language, 0, len(text))
    ]


@pytest.mark.parametrize(
    "language, text, expected",
    [
        # a coordinator with a finite verb on both sides starts a clause; without one it joins phrases
        ("nl", "Vorig jaar werden er 120 veroordeeld en dit jaar zijn er 80 gearresteerd.",
         [("main", "Vorig jaar werden er 120 veroordeeld"), ("coordinate", "en dit jaar zijn er 80 gearresteerd.")]),
        ("en", "Police arrested two men and seized a boat in June.",
         [("main", "Police arrested two men"), ("coordinate", "and seized a boat in June.")]),
        ("nl", "Migranten uit Syrië en Eritrea kwamen aan.", [("main", "Migranten uit Syrië en Eritrea kwamen aan.")]),
        ("en", "Europol specialists and senior officers coordinated the actions.",
         [("main", "Europol specialists and senior officers coordinated the actions.")]),
        # a verb after 'te'/'to' is an infinitive: no finite verb, no clause of its own
        ("nl", "Er was vorig jaar en in 2023 een toename te zien.",
         [("main", "Er was vorig jaar en in 2023 een toename te zien.")]),
        ("en", "Officials were in London and in Paris to have talks.",
         [("main", "Officials were in London and in Paris to have talks.")]),
        # a relative clause interrupts its main clause, a comma closes it
        ("nl", "De man die vrijdag verdronk, wordt dinsdag begraven.",
         [("main", "De man | wordt dinsdag begraven."), ("relative", "die vrijdag verdronk")]),
        ("en", "The boat, which capsized on Friday, was towed to Dover.",
         [("main", "The boat | was towed to Dover."), ("relative", "which capsized on Friday")]),
        # a reported clause after a verb
        ("nl", "Verder is afgesproken dat we Frontex gaan versterken.",
         [("main", "Verder is afgesproken"), ("complement", "dat we Frontex gaan versterken.")]),
        ("en", "The minister said that the centre will close in May.",
         [("main", "The minister said"), ("complement", "that the centre will close in May.")]),
        # a subordinate clause before its main clause
        ("nl", "Nadat de minister was vertrokken, begon het debat.",
         [("adverbial", "Nadat de minister was vertrokken"), ("main", "begon het debat.")]),
        ("en", "After the boat capsized, 30 people drowned.",
         [("adverbial", "After the boat capsized"), ("main", "30 people drowned.")]),
        # ... whose verb no list knows: the finite verb right after the comma begins the main clause
        ("nl", "Toen de politie de woning doorzocht, arresteerde zij twintig migranten.",
         [("adverbial", "Toen de politie de woning doorzocht"), ("main", "arresteerde zij twintig migranten.")]),
        # 'als' is a clause only with its verb at the end ('net als vorig jaar' is no clause)
        ("nl", "Net als vorig jaar zien we een stijging.", [("main", "Net als vorig jaar zien we een stijging.")]),
        # a semicolon
        ("en", "Ten men were arrested; two were released.", [("main", "Ten men were arrested"), ("coordinate", "two were released.")]),
        # a list of clauses that share their subject
        ("en", "The Agency welcomed the plan, reported key trends, and hosted a visit.",
         [("main", "The Agency welcomed the plan"), ("coordinate", "reported key trends"), ("coordinate", "and hosted a visit.")]),
    ],
)  # fmt: skip
def test_split_clauses(language, text, expected):
    assert clause_texts(text, language) == expected


def test_no_clause_begins_inside_a_protected_date():
    text = "Van 2021 tot en met 2024 is er een programma geweest."
    start = text.index("2021") - 4
    found = split_clauses(text, "nl", 0, len(text), ((start, text.index("2024") + 4),))
    assert [c.kind for c in found] == ["main"]


@pytest.mark.parametrize(
    "language, text, tense",
    [
        ("nl", "Het kabinet gaat fors investeren.", "future"),
        ("nl", "Het gaat om een integrale aanpak.", "present"),  # 'gaat om': no future
        ("en", "There will be strict conditions.", "future"),
        (
            "en",
            "The government scrapped the administration's plan to send them.",
            "past",
        ),  # a noun's 'plan to'
        ("nl", "Het kabinet schrapte het plan om hen te sturen.", "past"),
        ("nl", "De situatie in Ter Apel is verbeterd.", "past"),  # a perfect
        ("en", "A reserve of €50 million has been set aside.", "past"),
        ("nl", "Starmer werd in juli verkozen.", "past"),
        ("en", "Europol supported a joint operation.", "past"),
        ("nl", "De instroom is zeer hoog.", "present"),
        ("en", "Checks are carried out on all passengers.", "present"),  # a participle after 'be'
        ("en", "The government is therefore committed to reform.", "present"),
        ("en", "Increased migration increases the pressure.", "present"),  # an adjective
        ("en", "Border Force conducts checks, undertaken by skilled officers.", "present"),  # after 'by
        (
            "nl",
            "Nareizigers zijn gezinsleden van asielzoekers.",
            "present",
        ),  # a noun shaped like a participle
        # after a preposition a word in -de is an adjective, no past tense
        ("nl", "Het voorzitterschap start met hernieuwde inzet.", "present"),
        ("nl", "Het voorzitterschap startte met inzet.", "past"),
        # an irregular past joined to its separable prefix, at the end of a subordinate clause
        ("nl", "personen die met kleine boten het VK binnenkwamen", "past"),
        ("nl", "de afwas staat klaar", "present"),  # a prefix and an auxiliary: a noun
        ("en", "people who came in on small boats", "past"),  # English writes the particle apart
        ("en", "people who come in on small boats", "present"),
    ],
)
def test_clause_tense(language, text, tense):
    assert clause_tense(text, language, ((0, len(text)),)) == tense


@pytest.mark.parametrize(
    "language, text, verb, expected",
    [
        ("en", "The suspects had already been arrested in May.", "arrested", True),
        ("en", "The suspects have been arrested.", "arrested", False),
        ("en", "The judge said Bah had not intended harm.", "said", False),  # the pluperfect is what was said
        ("nl", "Het OM had acht jaar geëist.", "geëist", True),
        ("nl", "Hij was eerder al vertrokken.", "vertrokken", True),
        ("nl", "Hij is vertrokken.", "vertrokken", False),
        ("nl", "Hij was ziek.", "was", False),  # no participle
    ],
)
def test_clause_pluperfect(language, text, verb, expected):
    assert clause_pluperfect(text, language, ((0, len(text)),), text.index(verb)) == expected


@pytest.mark.parametrize(
    "language, word, previous, expected",
    [
        ("nl", "gearresteerd", None, True),
        ("nl", "afgesproken", None, True),
        ("nl", "besloten", None, True),
        ("nl", "gezinsleden", None, False),
        ("nl", "gebied", "het", False),  # after an article: a noun
        ("nl", "aangekomen", "zijn", True),
        ("en", "arrested", None, True),
        ("en", "been", None, True),
        ("en", "limited", "a", False),
    ],
)
def test_is_participle(language, word, previous, expected):
    assert is_participle(word, language, previous) == expected


@pytest.mark.parametrize(
    "language, text, word, expected",
    [
        ("en", "Increased migration raises costs.", "Increased", True),
        ("en", "Officers arrested three men.", "arrested", False),
        ("en", "They were arrested by police.", "arrested", False),
        ("nl", "Hij noemde de aangenomen moties.", "aangenomen", True),
        ("nl", "Het plan is gisteren aangenomen door de Kamer.", "aangenomen", False),
    ],
)
def test_a_participle_before_its_noun_is_attributive(language, text, word, expected):
    start = text.index(word)
    assert is_attributive(text, start, start + len(word), language, 0) == expected
