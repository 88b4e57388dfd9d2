"""transforms/quantities.py (and its quantity_* modules): one case per rule and language, with the
expected (value, unit, text), (value, unit, qualifier, what) or nothing."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from schemas.vocabulary import QUALIFIERS
from transforms.quantities import extract_quantities, parse_digits, parse_number_word


def found(sentence: str, language: str) -> list[tuple[float, str, str]]:
    return [(q.value, q.unit, q.text) for _, _, q in extract_quantities(sentence, language)]


def described(sentence: str, language: str) -> list[tuple[float, str, str | None, str | None]]:
    return [(q.value, q.unit, q.qualifier, q.what) for _, _, q in extract_quantities(sentence, language)]


@pytest.mark.parametrize(
    ("language", "sentence", "expected"),
    [
        # thousands separators, the language's own and the other one when three digits follow
        ("nl", "Meer dan 36.800 mensen maakten de oversteek.", [(36800, "people", "Meer dan 36.800")]),
        ("nl", "Vorig jaar kwamen 41,000 migranten aan.", [(41000, "people", "41,000")]),
        ("en", "More than 36,800 people crossed.", [(36800, "people", "More than 36,800")]),
        ("en", "Some 41.000 migrants arrived.", [(41000, "people", "Some 41.000")]),
        ("nl", "Er is 1.234.567 kilo gevonden.", [(1234567, "kg", "1.234.567")]),
        # decimals
        ("nl", "Het gaat om 2,5 procent.", [(2.5, "percent", "2,5 procent")]),
        ("en", "Crime fell by 2.5 per cent.", [(2.5, "percent", "2.5 per cent")]),
        # percent
        ("nl", "Dat is 25% meer dan het jaar ervoor.", [(25, "percent", "25%")]),
        ("nl", "Een stijging van 43 procent.", [(43, "percent", "43 procent")]),
        ("en", "A rise of 25 percent.", [(25, "percent", "25 percent")]),
        # money: symbol, code or word; scale words and glued abbreviations
        ("nl", "oplopend tot € 118 miljoen in 2029.", [(118_000_000, "EUR", "€ 118 miljoen")]),
        ("nl", "Het kabinet trekt 118 miljoen euro uit.", [(118_000_000, "EUR", "118 miljoen euro")]),
        ("nl", "Er gaat EUR 5 mln naar Tunesië.", [(5_000_000, "EUR", "EUR 5 mln")]),
        ("nl", "Een investering van 2,5 miljard euro.", [(2_500_000_000, "EUR", "2,5 miljard euro")]),
        ("en", "A deal worth €118m was signed.", [(118_000_000, "EUR", "€118m")]),
        ("en", "The UK pays £2 million a year.", [(2_000_000, "GBP", "£2 million")]),
        ("en", "A $3.5bn package.", [(3_500_000_000, "USD", "$3.5bn")]),
        ("en", "It cost 2.5 billion dollars.", [(2_500_000_000, "USD", "2.5 billion dollars")]),
        # vague amounts
        ("nl", "Migranten betalen duizenden ponden aan smokkelaars.", [(1000, "GBP", "duizenden ponden")]),
        (
            "nl",
            "Zij trekken tientallen miljoenen per jaar uit.",
            [(10_000_000, "EUR", "tientallen miljoenen")],
        ),
        ("en", "Smugglers earn millions of pounds.", [(1_000_000, "GBP", "millions of pounds")]),
        ("en", "Dozens of migrants were rescued.", [(12, "people", "Dozens")]),
        ("en", "Tens of thousands of people crossed.", [(10000, "people", "Tens of thousands")]),
        # number words, compounds and comparators (the comparator is kept in the text)
        (
            "nl",
            "Hebben minder dan vijf Vietnamese minderjarige vreemdelingen de opvang verlaten.",
            [(5, "people", "minder dan vijf")],
        ),
        ("nl", "Er kwamen eenentwintig mensen om.", [(21, "people", "eenentwintig")]),
        (
            "nl",
            "Er werden tweeduizend vijfhonderd migranten geteld.",
            [(2500, "people", "tweeduizend vijfhonderd")],
        ),
        ("nl", "Twee landen sloten een akkoord.", [(2, "countries", "Twee")]),
        ("nl", "Twee miljoen mensen zijn op de vlucht.", [(2_000_000, "people", "Twee miljoen")]),
        (
            "en",
            "Twenty-one people died and three boats sank.",
            [(21, "people", "Twenty-one"), (3, "boats", "three")],
        ),
        ("en", "One hundred and twenty arrests were made.", [(120, "arrests", "One hundred and twenty")]),
        ("en", "A million people left.", [(1_000_000, "people", "A million")]),
        ("en", "Over 40 countries attended.", [(40, "countries", "Over 40")]),
        # unit lexicon, Dutch compounds by their last part, else the noun itself, else ""
        ("nl", "Een bijeenkomst met meer dan 40 landen en organisaties.", [(40, "countries", "meer dan 40")]),
        ("nl", "Met 514 verwijzingen van mogelijke slachtoffers.", [(514, "referrals", "514")]),
        ("nl", "De top van 12 herkomstlanden.", [(12, "countries", "12")]),
        ("nl", "Er waren 14 EU lidstaten.", [(14, "countries", "14")]),
        ("nl", "Er zijn 30 bootmigranten opgevangen.", [(30, "people", "30")]),
        ("nl", "Een meldplicht op 2 momenten per dag.", [(2, "momenten", "2")]),
        ("en", "Police made 12 arrests.", [(12, "arrests", "12")]),
        ("en", "They seized 3 helicopters.", [(3, "helicopters", "3")]),
        ("nl", "Het aantal steeg tot 1.200.", [(1200, "", "1.200")]),  # `tot` after a change: no bound
        # a year-like number before a counted noun is a count
        ("nl", "In 2024 werden 2000 migranten geteld.", [(2000, "people", "2000")]),
        # a prison term is an amount
        ("nl", "Hij kreeg 4 jaar cel.", [(4, "years", "4")]),
        ("en", "He was jailed for five years in prison.", [(5, "years", "five")]),
    ],
)
def test_extracts_quantity(language: str, sentence: str, expected: list[tuple[float, str, str]]) -> None:
    assert found(sentence, language) == expected


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("nl", "Mensen maakten in 2024 de oversteek."),  # a year
        ("nl", "Daarom onderhandelen beide landen sinds 2021 over een verdrag."),  # a year
        ("en", "In 2024 fewer people crossed."),  # a year at the start
        ("nl", "De top-5 herkomstlanden van personen die in de loop van 2024 middels kleine boten kwamen."),
        ("nl", "Vragen van de leden (ingezonden 21 november, 20242024Z19016)"),  # date and document number
        ("nl", "Zo vond op 10 december jl. een bijeenkomst plaats."),  # a day number
        ("en", "It was signed on November 21, 2024."),
        ("en", "Published 3rd Sep 2024."),
        ("nl", "De Telegraaf, 19 november 2024, 'Mensensmokkel via zee goudmijn'."),
        ("nl", "Kamerstukken II, 2024-2025, 32317, nr. 925."),  # citation
        ("nl", "Zie https://www.gov.uk/statistics/2024/12/10/report-3"),  # URL
        ("nl", "Eritrea.[footnoteRef:2]"),  # footnote marks
        ("nl", "[12:  Aantallen worden weergegeven."),
        ("nl", "Antwoord op vraag 8, 9 en 10"),  # question numbers
        ("nl", "Vietnam stond op plek 3 van de nationaliteiten."),  # a ranking
        ("en", "Britain ranked in the top 5 and question 3 was answered."),
        ("nl", "De bijeenkomst begon om 10:30 uur."),  # time
        ("nl", "Net als zijn voorgangers van de afgelopen tien jaar."),  # a duration
        ("en", "During his two-day visit a 66-year-old man spoke."),  # compounds: durations and ages
        ("nl", "Een 66-jarige man werd aangehouden."),
        ("en", "The 3rd country and the 2nd boat."),  # ordinals
        ("nl", "Het kabinet acht het van belang."),  # `acht` as a verb
        ("en", "No one knows; one of the boats."),  # `one` as a pronoun
        ("nl", "Er zijn een paar mensen en enkele landen."),  # weak quantifiers
        ("nl", "Bel 020 1234567 voor COVID-19 informatie."),  # phone number, name with a number
        ("en", "He ran the 100m sprint."),  # `m` without money is not million
        (
            "nl",
            "Het beleidskader aanpak mensensmokkel 2023-2026 en de monitor over 2019-2023.",
        ),  # year ranges
        ("nl", "1. Inleiding"),  # a list marker
        ("nl", "De twee landen werken samen."),  # a small number word after `de`: the parties named before
        ("en", "Ties between the two countries are strong."),
    ],
)
def test_not_a_quantity(language: str, sentence: str) -> None:
    assert found(sentence, language) == []


@pytest.mark.parametrize(
    ("sentence", "language"),
    [("Meer dan 36.800 mensen, 25% meer.", "nl"), ("Over £2 million and 40 countries.", "en")],
)
def test_offsets_point_at_the_text(sentence: str, language: str) -> None:
    for start, end, quantity in extract_quantities(sentence, language):
        assert sentence[start:end] == quantity.text


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("36.800", 36800),
        ("36,800", 36800),
        ("2,5", 2.5),
        ("2.5", 2.5),
        ("1.234,5", 1234.5),
        ("1,234.5", 1234.5),
        ("0,125", 0.125),
        ("1.234.567", 1234567),
        ("12,50", 12.5),
    ],
)
def test_parse_digits(text: str, value: float) -> None:
    assert parse_digits(text) == value


@pytest.mark.parametrize(
    ("word", "language", "value"),
    [
        ("eenentwintig", "nl", 21),
        ("tweeëndertig", "nl", 32),
        ("driehonderdvijftig", "nl", 350),
        ("tweeduizend", "nl", 2000),
        ("twenty-one", "en", 21),
        ("ninety-nine", "en", 99),
        ("tweede", "nl", None),
        ("two-day", "en", None),
        ("achten", "nl", None),
    ],
)
def test_parse_number_word(word: str, language: str, value: float | None) -> None:
    assert parse_number_word(word, language) == value


# --- qualifiers: the comparator before the number; the value stays the number ---------------------


@pytest.mark.parametrize(
    ("language", "sentence", "expected"),
    [
        ("nl", "Meer dan 36.800 mensen staken over.", (36800, "more than", "Meer dan 36.800")),
        ("nl", "Ruim 300 migranten kwamen aan.", (300, "more than", "Ruim 300")),
        ("en", "Over 30,000 individuals were detected.", (30000, "more than", "Over 30,000")),
        ("en", "Upwards of 500 people gathered.", (500, "more than", "Upwards of 500")),
        ("nl", "Er kwamen minder dan vijf kinderen.", (5, "less than", "minder dan vijf")),
        ("en", "Fewer than 100 people crossed.", (100, "less than", "Fewer than 100")),
        ("en", "Under 40 countries signed.", (40, "less than", "Under 40")),
        ("nl", "Er vielen ten minste 20 doden.", (20, "at least", "ten minste 20")),
        ("nl", "Minstens 12 verdachten zijn aangehouden.", (12, "at least", "Minstens 12")),
        ("en", "At least 58 migrants were rescued.", (58, "at least", "At least 58")),
        ("nl", "Er is plaats voor hooguit 40 personen.", (40, "at most", "hooguit 40")),
        ("nl", "Er zijn maximaal 50 plaatsen.", (50, "at most", "maximaal 50")),
        ("en", "No more than 30 people may enter.", (30, "at most", "No more than 30")),
        ("nl", "Circa 200 mensen demonstreerden.", (200, "about", "Circa 200")),
        ("nl", "Zo’n 300 asielzoekers wachten.", (300, "about", "Zo’n 300")),
        ("nl", "Er zijn ca. 500 kinderen opgevangen.", (500, "about", "ca. 500")),
        ("nl", "Het gaat om ongeveer 70 mensen.", (70, "about", "ongeveer 70")),
        ("en", "Around two million people arrived.", (2_000_000, "about", "Around two million")),
        ("en", "Some 41.000 migrants arrived.", (41000, "about", "Some 41.000")),
        ("en", "An estimated 3,000 people fled.", (3000, "about", "An estimated 3,000")),
        ("nl", "Bijna 2.000 mensen staken over.", (2000, "almost", "Bijna 2.000")),
        ("nl", "Nagenoeg 90 procent is terug.", (90, "almost", "Nagenoeg 90 procent")),
        ("en", "Almost 760,000 rescues at sea.", (760000, "almost", "Almost 760,000")),
        ("en", "Close to 500 people died.", (500, "almost", "Close to 500")),
        ("nl", "Boetes tot 10.000 euro zijn mogelijk.", (10000, "up to", "tot 10.000 euro")),
        ("en", "Up to 4,000 migrants may arrive.", (4000, "up to", "Up to 4,000")),
        # not a qualifier: `tot` after a word of change or a number, and emphasis or totals
        ("nl", "Het budget is oplopend tot € 118 miljoen.", (118_000_000, None, "€ 118 miljoen")),
        ("nl", "Het aantal is gestegen tot 1.200 migranten.", (1200, None, "1.200")),
        ("nl", "Het ging van vijf tot zeven migranten.", (7, None, "zeven")),
        ("en", "A total of 23 suspects were arrested.", (23, None, "A total of 23")),
        ("nl", "Maar liefst 400 mensen kwamen.", (400, None, "Maar liefst 400")),
    ],
)
def test_qualifier(language: str, sentence: str, expected: tuple[float, str | None, str]) -> None:
    value, qualifier, text = expected
    quantities = [q for _, _, q in extract_quantities(sentence, language)]
    assert [(q.value, q.qualifier, q.text) for q in quantities][-1] == (value, qualifier, text)


# --- what is counted -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "sentence", "expected"),
    [
        # the noun (phrase) after the amount, up to the noun the lexicon knows
        (
            "en",
            "There were 1.8 million irregular border crossings into the EU.",
            (1_800_000, "crossings", "irregular border crossings"),
        ),
        ("en", "In total 23 suspects were arrested.", (23, "people", "suspects")),
        ("nl", "Vorig jaar zijn 2.846 passagiers tegengehouden.", (2846, "people", "passagiers")),
        ("nl", "Er waren 14 EU lidstaten.", (14, "countries", "EU lidstaten")),
        (
            "nl",
            "Er kwamen vijf Vietnamese minderjarige vreemdelingen.",
            (5, "people", "Vietnamese minderjarige vreemdelingen"),
        ),
        # an unknown noun: the first plural after a count other than one, and its modifiers
        ("en", "They agreed on 3 main areas.", (3, "areas", "main areas")),
        ("nl", "Er is een meldplicht op 2 momenten per dag.", (2, "momenten", "momenten")),
        # `other`, `andere` before the noun
        ("en", "His mother and 10 other people died.", (10, "people", "other people")),
        ("nl", "Er doen 5 andere landen mee.", (5, "countries", "andere landen")),
        # a people's name
        ("en", "The bombing killed 12 Americans.", (12, "people", "Americans")),
        ("nl", "Er werden 30 Syriërs opgevangen.", (30, "people", "Syriërs")),
        # a measure: what it measures
        ("nl", "De douane vond 200 kilo cocaïne.", (200, "kg", "cocaïne")),
        ("en", "Police seized 2 tonnes of cannabis.", (2, "tonnes", "cannabis")),
        # a percentage: the whole it is a share of, if the text says
        ("en", "Checks are carried out on 100% of passengers arriving.", (100, "percent", "passengers")),
        ("nl", "Dat betrof 30% van de verwijzingen.", (30, "percent", "verwijzingen")),
        ("en", "Crossings dropped by 78% in 2024.", (78, "percent", None)),
        # money and bare numbers: the text does not say
        ("en", "The government is allocating € 95 million in total for this.", (95_000_000, "EUR", None)),
        ("nl", "Er komt jaarlijks 500.000 euro extra.", (500_000, "EUR", None)),
        ("en", "Of those arrested, 7 in Austria.", (7, "", None)),
        # a bound on a duration is a quantity of a rule
        ("en", "It requires residence status for at least 2 years.", (2, "years", None)),
        ("nl", "Zij moeten minimaal 5 jaar wachten.", (5, "years", None)),
    ],
)
def test_what_is_counted(language: str, sentence: str, expected: tuple[float, str, str | None]) -> None:
    value, unit, what = expected
    assert [(v, u, w) for v, u, _, w in described(sentence, language)] == [(value, unit, what)]


# --- values on real text -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "sentence", "expected"),
    [
        ("en", "IOM estimates that over 3.770 migrants lost their lives.", [3770]),
        ("en", "There were more than 1.8 million crossings and over 3.770 deaths.", [1_800_000, 3770]),
        ("en", "Two million people are displaced.", [2_000_000]),
        ("nl", "Er is twee miljoen euro beschikbaar.", [2_000_000]),
        ("en", "To a sustained € 151 million from 2029.", [151_000_000]),
        ("en", "A reserve of €50 million has been set aside.", [50_000_000]),
        ("nl", "Het kabinet trekt 500.000 euro uit.", [500_000]),
        ("en", "An increase of 546% compared to 2014.", [546]),
        # a number written with spaces between its groups of three
        ("en", "Some 35 000 migrants arrived.", [35_000]),
        ("nl", "Er kwamen 1 250 000 mensen.", [1_250_000]),
        # before a scale word the language's decimal mark is a decimal even before three digits
        ("en", "The fund holds 1.250 million euros.", [1_250_000]),
        ("nl", "Het fonds heeft 1,250 miljoen euro.", [1_250_000]),
        ("nl", "Het fonds heeft 1.250 miljoen euro.", [1_250_000_000]),
        # the sentence's other numbers show its decimal mark
        ("en", "It sold 800,000 shares at $1.875 each.", [800_000, 1.875]),
        ("nl", "Er kwamen 36.800 mensen en 1,250 kilo drugs.", [36_800, 1.25]),
    ],
)
def test_values_on_real_text(language: str, sentence: str, expected: list[float]) -> None:
    assert [q.value for _, _, q in extract_quantities(sentence, language)] == expected


# --- numbers that are no quantity ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        # document, dossier and case numbers
        ("nl", "19 637 Vreemdelingenbeleid"),
        ("nl", "Hoe staat het met de motie, kamerstuk 35 300 VI, nr. 48?"),
        ("nl", "Zie de brief over het Actieplan (Kamerstuk 28 638, nr. 249)."),
        ("nl", "In het debat (Handelingen II 2021/22, nr. 106, item 8) heb ik toegezegd."),
        ("en", "COM(2019) 481 final"),
        ("en", "Article 19 of the EU Charter applies."),
        ("nl", "Zie artikel 3 van de wet."),
        ("nl", "Vraag 2, 3, 4"),
        ("nl", "Het programma is in november 20182 van start gegaan."),  # a footnote digit glued to a year
        ("nl", "Dit is de eerste stap."),  # an ordinal
        ("en", "See table 3 for the figures."),
        # telephone numbers, codes, scores
        ("en", "Press contacts: +32 22812074"),
        ("en", "Call (206) 555-1212 for help."),
        ("nl", "Bel +31 70 123 4567 voor informatie."),
        ("en", "Delegates voted 89-52 for a republic."),
        ("nl", "Ik ben 11-2016 weg."),
        ("en", "The code 35 300 was changed."),  # digits grouped by a space that count no known noun
        # bare numbers with digits a space away: table cells, codes
        ("en", "Results per round: 7 12 15 20."),
        ("nl", "Scores per ronde: 7 12 15 20."),
        # footnote numbers set off by spaces
        ("en", "This is set out in the new pact on migration 1 ."),
        ("nl", "Dit staat in het nieuwe pact over migratie 1 ."),
        ("en", "The European Council, in its conclusions of 24-25 June 2021 2 , reaffirmed it."),
        ("en", "It is set out in the New Pact on Migration and Asylum 1 ."),
        # section numbers glued to their heading or before a capital
        ("en", "1.INTRODUCTION"),
        ("nl", "1.1 Achtergrond van het beleid"),
        # small number words that count no known noun
        ("en", "They agreed to enhance cooperation in three main areas of common interest."),
        ("nl", "Het plan rust op drie pijlers."),
        # ratios
        ("en", "One in three asylum seekers is a child."),
        ("nl", "Een op de drie asielzoekers komt uit Syrië."),
        ("nl", "Daarnaast zijn 3 op de 10 aanvragen afgewezen."),
        # ages and names
        ("en", "Slepian, 52, an obstetrician, was shot."),
        ("nl", "Jan de Vries, 52, werd aangehouden."),
        ("en", "The Boeing 747 landed safely."),
        ("nl", "Zij vlogen met een Boeing 747 naar huis."),
        # times, days, multipliers, decimals without a unit
        ("en", "The meeting starts at 3 pm."),
        ("en", "Offices open from 9 am."),
        ("nl", "Wij vertrekken om 7 naar Den Haag."),
        ("en", "It was more than four times as many."),
        ("nl", "Dat is drie keer zoveel."),
        ("nl", "De trein vertrekt om 16.00 vanaf het station."),
        ("en", "The index was down 15.82 at 2681.76."),
        # a range of durations or days, and durations that place something in time
        ("en", "It takes the next 12 to 18 months."),
        ("nl", "Dat duurt 12 tot 18 maanden."),
        ("en", "I am out between 2 and 7 Feb."),
        ("nl", "Op eenentwintig januari gaat het in."),
        ("en", "What happened in the 10 previous weeks?"),
        ("en", "It happened at least 2 years ago."),
        ("nl", "Dat gebeurde minstens 5 jaar geleden."),
        ("en", "The focus group marked its 5th anniversary."),
    ],
)
def test_no_quantity(language: str, sentence: str) -> None:
    assert found(sentence, language) == []


@pytest.mark.parametrize(
    ("language", "sentence", "expected"),
    [
        # near misses of the rules above that are quantities
        ("en", "The three suspects were arrested.", [(3, "people", None, "suspects")]),
        ("nl", "De drie verdachten zijn aangehouden.", [(3, "people", None, "verdachten")]),
        (
            "en",
            "A total of 23 suspects were arrested: 7 in Austria, 13 in Greece.",
            [(23, "people", None, "suspects"), (7, "", None, None), (13, "", None, None)],
        ),
        (
            "nl",
            "Het aantal daalde van 45 naar 30 migranten.",
            [(45, "", None, None), (30, "people", None, "migranten")],
        ),
        ("en", "In 2024 there were 2,000 arrivals.", [(2000, "people", None, "arrivals")]),
        ("en", "Crossings into the EU fell to 150,000 in 2018.", [(150_000, "", None, None)]),
        # `volume` is a reference marker (`volume 3`), but `of` after it joins no list of numbers
        ("en", "Trading was on a volume of 3,609,800 shares.", [(3_609_800, "shares", None, "shares")]),
        ("nl", "Er kwamen 35 000 migranten.", [(35000, "people", None, "migranten")]),
        # a word after a count other than one that is no plural is no counted noun
        ("en", "Of those, 5 remain.", [(5, "", None, None)]),
        ("nl", "Daarvan komen er 7 terug.", [(7, "", None, None)]),
    ],
)
def test_near_misses_are_quantities(
    language: str, sentence: str, expected: list[tuple[float, str, str | None, str | None]]
) -> None:
    assert described(sentence, language) == expected


@pytest.mark.parametrize(
    ("language", "sentence", "texts"),
    [
        (
            "en",
            "It is estimated that there were more than 1.8 million irregular border crossings.",
            ["more than 1.8 million"],
        ),
        ("nl", "Zo’n 300 asielzoekers en bijna 2.000 mensen.", ["Zo’n 300", "bijna 2.000"]),
        ("en", "Some € 5 million and at least 2 years.", ["Some € 5 million", "at least 2"]),
    ],
)
def test_offsets_cover_qualifier_and_amount(language: str, sentence: str, texts: list[str]) -> None:
    spans = extract_quantities(sentence, language)
    assert [sentence[start:end] for start, end, _ in spans] == texts
    assert all(sentence[start:end] == q.text for start, end, q in spans)


# Pieces that meet each rule's edges: digits and separators, qualifiers, units, markers, names.
PIECES = list("0123456789 .,-–:/()+€$£%'’") + [
    "meer dan ", "tot ", "over ", " miljoen", " million", " mensen", " people", " jaar", " years",
    " ago", " the ", " de ", "COM", "(2019)", " Kamerstuk ", " nr. ", " at least ", " of ", " van ",
    " pm", "Syriërs", " and ", " en ", " times", "\n", "twee ", "three ", "January ",
]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=25).map("".join), st.sampled_from(["nl", "en"]))
@example("1 9,9 mensen", "nl")  # digits grouped by a space, then a group with a separator inside
def test_odd_text_gives_valid_quantities_or_none(sentence: str, language: str) -> None:
    for start, end, q in extract_quantities(sentence, language):
        assert sentence[start:end] == q.text
        assert q.qualifier is None or q.qualifier in QUALIFIERS
        assert q.what is None or (q.what and q.what == q.what.strip())


@pytest.mark.parametrize(
    ("language", "sentence", "value"),
    [
        ("nl", "Tientallen migranten kwamen aan.", 10),
        ("en", "Dozens of migrants arrived.", 12),
        ("en", "Hundreds of people were rescued.", 100),
    ],
)
def test_a_vague_plural_is_more_than_its_unit(language: str, sentence: str, value: float) -> None:
    [(_, _, q)] = extract_quantities(sentence, language)
    assert (q.value, q.qualifier) == (value, "more than")


@pytest.mark.parametrize(
    ("language", "sentence", "qualifier"),
    [
        # a prison term a court imposes is that term, not an upper bound ('veroordeeld tot')
        ("nl", "De rechtbank veroordeelde de man vrijdag tot vijf jaar gevangenisstraf.", None),
        ("en", "The court sentenced the man on Friday to five years in prison.", None),
        # the maximum a law sets is one
        ("nl", "Op mensensmokkel staat een straf tot vijf jaar cel.", "up to"),
        ("en", "People smuggling carries a sentence of up to five years in prison.", "up to"),
    ],
)
def test_a_term_imposed_has_no_upper_bound(language: str, sentence: str, qualifier: str | None) -> None:
    found = extract_quantities(sentence, language)
    assert [(q.value, q.qualifier) for _, _, q in found] == [(5.0, qualifier)]


@pytest.mark.parametrize(
    ("language", "sentence", "value"),
    [
        # a number word after a place counts when a noun the lexicon knows follows
        ("nl", "De politie heeft dinsdag in Vlissingen drie mannen aangehouden.", 3.0),
        ("en", "Police detained in Dover three men on Monday.", 3.0),
    ],
)
def test_a_number_word_after_a_place_counts_its_noun(language: str, sentence: str, value: float) -> None:
    assert [(q.value, q.unit) for _, _, q in extract_quantities(sentence, language)] == [(value, "people")]
