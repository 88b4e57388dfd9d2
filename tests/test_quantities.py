"""transforms/quantities.py: one case per rule and language, with the expected (value, unit, text)."""

from __future__ import annotations

import pytest

from transforms.quantities import extract_quantities, parse_digits, parse_number_word


def found(sentence: str, language: str) -> list[tuple[float, str, str]]:
    return [(q.value, q.unit, q.text) for _, _, q in extract_quantities(sentence, language)]


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
        ("nl", "De twee landen werken samen.", [(2, "countries", "twee")]),
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
        ("nl", "Het aantal steeg tot 1.200.", [(1200, "", "1.200")]),
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
