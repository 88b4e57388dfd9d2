"""Every temporal rule, in Dutch and English, with the expected TIMEX3 value and period."""

from __future__ import annotations

import datetime as dt

import pytest

from transforms.model import Published
from transforms.temporal import tag

D = dt.date
# Wednesday 14 May 2025; a document dated to the day, one dated to the month, one without a date.
DAY = Published(D(2025, 5, 14), D(2025, 5, 14), "day", "header")
MONTH = Published(D(2025, 5, 1), D(2025, 5, 31), "month", "header")


def only(text: str, language: str, dct=DAY):
    found = tag(text, dct, language)
    assert len(found) == 1, [(t.text, t.value) for t in found]
    return found[0]


def check(t, text, value, start, end, precision):
    assert (t.text, t.value) == (text, value)
    assert (t.date_start, t.date_end, t.precision) == (start, end, precision)


ABSOLUTE = [
    # (language, sentence, extent, value, start, end, precision)
    (
        "nl",
        "Het gebeurde op 19 november 2024 in Den Haag.",
        "19 november 2024",
        "2024-11-19",
        D(2024, 11, 19),
        D(2024, 11, 19),
        "day",
    ),
    ("nl", "De wet gaat in op 1-7-2023.", "1-7-2023", "2023-07-01", D(2023, 7, 1), D(2023, 7, 1), "day"),
    (
        "nl",
        "Op 3 okt. 2022 werd besloten.",
        "3 okt. 2022",
        "2022-10-03",
        D(2022, 10, 3),
        D(2022, 10, 3),
        "day",
    ),
    ("nl", "Dat was in november 2021.", "november 2021", "2021-11", D(2021, 11, 1), D(2021, 11, 30), "month"),
    (
        "nl",
        "Meer dan 36.800 mensen maakten in 2024 de oversteek.",
        "2024",
        "2024",
        D(2024, 1, 1),
        D(2024, 12, 31),
        "year",
    ),
    (
        "nl",
        "Dit gebeurde in het derde kwartaal van 2024.",
        "het derde kwartaal van 2024",
        "2024-Q3",
        D(2024, 7, 1),
        D(2024, 9, 30),
        "quarter",
    ),
    (
        "nl",
        "De cijfers over Q3 2024 zijn binnen.",
        "Q3 2024",
        "2024-Q3",
        D(2024, 7, 1),
        D(2024, 9, 30),
        "quarter",
    ),
    (
        "nl",
        "In de eerste helft van 2025 daalde het aantal.",
        "de eerste helft van 2025",
        "2025-H1",
        D(2025, 1, 1),
        D(2025, 6, 30),
        "half",
    ),
    (
        "nl",
        "In de zomer van 2023 was het druk.",
        "de zomer van 2023",
        "2023-SU",
        D(2023, 6, 1),
        D(2023, 8, 31),
        "season",
    ),
    (
        "nl",
        "Dat was in de jaren negentig al zo.",
        "de jaren negentig",
        "199",
        D(1990, 1, 1),
        D(1999, 12, 31),
        "multi_year",
    ),
    (
        "en",
        "It was signed on 3rd Sep 2024 in London.",
        "3rd Sep 2024",
        "2024-09-03",
        D(2024, 9, 3),
        D(2024, 9, 3),
        "day",
    ),
    (
        "en",
        "It was signed on September 3, 2024.",
        "September 3, 2024",
        "2024-09-03",
        D(2024, 9, 3),
        D(2024, 9, 3),
        "day",
    ),
    (
        "en",
        "The declaration was signed in November 2021.",
        "November 2021",
        "2021-11",
        D(2021, 11, 1),
        D(2021, 11, 30),
        "month",
    ),
    (
        "en",
        "The figures for Q3 2024 are out.",
        "Q3 2024",
        "2024-Q3",
        D(2024, 7, 1),
        D(2024, 9, 30),
        "quarter",
    ),
    (
        "en",
        "Growth slowed in the second half of 2023.",
        "the second half of 2023",
        "2023-H2",
        D(2023, 7, 1),
        D(2023, 12, 31),
        "half",
    ),
    ("en", "Crime rose in the 1990s.", "the 1990s", "199", D(1990, 1, 1), D(1999, 12, 31), "multi_year"),
    ("en", "The law of 2019-05-06 applies.", "2019-05-06", "2019-05-06", D(2019, 5, 6), D(2019, 5, 6), "day"),
    (
        "en",
        "On 11/21/2024 the court ruled.",
        "11/21/2024",
        "2024-11-21",
        D(2024, 11, 21),
        D(2024, 11, 21),
        "day",
    ),
]


@pytest.mark.parametrize("language,sentence,extent,value,start,end,precision", ABSOLUTE)
def test_absolute_dates(language, sentence, extent, value, start, end, precision):
    t = only(sentence, language)
    check(t, extent, value, start, end, precision)
    assert t.source == "explicit"


RELATIVE = [
    ("nl", "Dat zei hij gisteren.", "gisteren", "2025-05-13", D(2025, 5, 13), D(2025, 5, 13), "day"),
    (
        "nl",
        "De politie viel vanmorgen binnen.",
        "vanmorgen",
        "2025-05-14TMO",
        D(2025, 5, 14),
        D(2025, 5, 14),
        "day",
    ),
    (
        "nl",
        "De minister sprak maandag met de pers.",
        "maandag",
        "2025-05-12",
        D(2025, 5, 12),
        D(2025, 5, 12),
        "day",
    ),
    ("nl", "Het overleg was woensdag.", "woensdag", "2025-05-14", D(2025, 5, 14), D(2025, 5, 14), "day"),
    (
        "nl",
        "Het kabinet besluit vrijdag over het plan en zal dan stemmen.",
        "vrijdag",
        "2025-05-16",
        D(2025, 5, 16),
        D(2025, 5, 16),
        "day",
    ),
    ("nl", "Dat gebeurde vorige week.", "vorige week", "2025-W19", D(2025, 5, 5), D(2025, 5, 11), "week"),
    ("nl", "Vorig jaar kwamen er meer.", "Vorig jaar", "2024", D(2024, 1, 1), D(2024, 12, 31), "year"),
    ("nl", "Dit jaar komen er meer.", "Dit jaar", "2025", D(2025, 1, 1), D(2025, 12, 31), "year"),
    (
        "nl",
        "Volgende maand komt het rapport.",
        "Volgende maand",
        "2025-06",
        D(2025, 6, 1),
        D(2025, 6, 30),
        "month",
    ),
    (
        "nl",
        "Starmer werd in juli vorig jaar verkozen.",
        "juli vorig jaar",
        "2024-07",
        D(2024, 7, 1),
        D(2024, 7, 31),
        "month",
    ),
    ("nl", "Dat was drie jaar geleden.", "drie jaar geleden", "2022", D(2022, 1, 1), D(2022, 12, 31), "year"),
    (
        "nl",
        "Het rapport komt over twee weken.",
        "over twee weken",
        "2025-W22",
        D(2025, 5, 26),
        D(2025, 6, 1),
        "week",
    ),
    (
        "nl",
        "Zo vond op 10 december jl. een bijeenkomst plaats.",
        "10 december jl.",
        "2024-12-10",
        D(2024, 12, 10),
        D(2024, 12, 10),
        "day",
    ),
    (
        "nl",
        "De top is op 2 juni a.s. in Rome.",
        "2 juni a.s.",
        "2025-06-02",
        D(2025, 6, 2),
        D(2025, 6, 2),
        "day",
    ),
    ("en", "He said so yesterday.", "yesterday", "2025-05-13", D(2025, 5, 13), D(2025, 5, 13), "day"),
    (
        "en",
        "It happened three days ago.",
        "three days ago",
        "2025-05-11",
        D(2025, 5, 11),
        D(2025, 5, 11),
        "day",
    ),
    ("en", "Arrivals rose last year.", "last year", "2024", D(2024, 1, 1), D(2024, 12, 31), "year"),
    (
        "en",
        "The plan was announced earlier this month.",
        "earlier this month",
        "2025-05",
        D(2025, 5, 1),
        D(2025, 5, 13),  # up to the day before the document date
        "range",
    ),
    ("en", "The talks collapsed last week.", "last week", "2025-W19", D(2025, 5, 5), D(2025, 5, 11), "week"),
    ("en", "They will meet next Friday.", "next Friday", "2025-05-16", D(2025, 5, 16), D(2025, 5, 16), "day"),
    ("en", "She spoke on Monday.", "Monday", "2025-05-12", D(2025, 5, 12), D(2025, 5, 12), "day"),
]


@pytest.mark.parametrize("language,sentence,extent,value,start,end,precision", RELATIVE)
def test_relative_to_document_date(language, sentence, extent, value, start, end, precision):
    t = only(sentence, language)
    check(t, extent, value, start, end, precision)
    assert t.source == "relative_to_dct"


@pytest.mark.parametrize(
    "language,sentence",
    [
        ("nl", "De minister sprak maandag met de pers."),
        ("nl", "Vorig jaar bereikten meer dan 41.000 migranten het land."),
        ("nl", "De politie voerde vanmorgen een actie uit."),
        ("en", "Arrivals rose last year."),
        ("en", "It happened three days ago."),
    ],
)
def test_relative_without_document_date_stays_unresolved(language, sentence):
    t = only(sentence, language, dct=None)
    assert (t.date_start, t.date_end, t.source) == (None, None, "unresolved")


def test_weekday_in_a_document_dated_to_the_month_is_an_honest_range():
    t = only("De premier riep maandag op tot samenwerking.", "nl", dct=MONTH)
    # the Monday on or before some day of May 2025: from 28 April to 26 May
    assert (t.date_start, t.date_end, t.precision) == (D(2025, 4, 28), D(2025, 5, 26), "range")


def test_relative_year_in_a_document_dated_to_the_month_is_exact():
    found = tag("Dit jaar steken meer mensen over.", MONTH, "nl")
    assert [(t.value, t.date_start, t.date_end, t.precision) for t in found] == [
        ("2025", D(2025, 1, 1), D(2025, 12, 31), "year")
    ]


PARTS = [
    ("nl", "Begin 2025 komt er een wet.", "Begin 2025", D(2025, 1, 1), D(2025, 5, 2), "START"),
    ("nl", "Medio juni 2024 was het druk.", "Medio juni 2024", D(2024, 6, 11), D(2024, 6, 20), "MID"),
    ("nl", "Eind 2024 was het rustig.", "Eind 2024", D(2024, 9, 1), D(2024, 12, 31), "END"),
    ("en", "Early 2025 the law changes.", "Early 2025", D(2025, 1, 1), D(2025, 5, 2), "START"),
    ("en", "By the end of 2024 it was over.", "the end of 2024", D(2024, 9, 1), D(2024, 12, 31), "END"),
]


@pytest.mark.parametrize("language,sentence,extent,start,end,mod", PARTS)
def test_begin_middle_end_of_a_period(language, sentence, extent, start, end, mod):
    t = only(sentence, language)
    assert (t.text, t.date_start, t.date_end, t.precision, t.mod) == (extent, start, end, "range", mod)


RANGES = [
    (
        "nl",
        "In de periode van 2020 tot en met 2023 verlieten er vijf.",
        "van 2020 tot en met 2023",
        D(2020, 1, 1),
        D(2023, 12, 31),
        "multi_year",
    ),
    (
        "nl",
        "Het Beleidskader aanpak mensensmokkel 2023-2026 geldt.",
        "2023-2026",
        D(2023, 1, 1),
        D(2026, 12, 31),
        "multi_year",
    ),
    (
        "nl",
        "Dat gebeurde tussen januari en november 2021.",
        "tussen januari en november 2021",
        D(2021, 1, 1),
        D(2021, 11, 30),
        "range",
    ),
    # Dutch 'tot' stops before its end point, 'tot en met' includes it
    (
        "nl",
        "De conferentie duurt van 10 tot 12 december 2024.",
        "van 10 tot 12 december 2024",
        D(2024, 12, 10),
        D(2024, 12, 11),
        "range",
    ),
    (
        "nl",
        "De conferentie duurt van 10 t/m 12 december 2024.",
        "van 10 t/m 12 december 2024",
        D(2024, 12, 10),
        D(2024, 12, 12),
        "range",
    ),
    (
        "nl",
        "Het programma liep van 2020 tot 2023.",
        "van 2020 tot 2023",
        D(2020, 1, 1),
        D(2022, 12, 31),
        "multi_year",
    ),
    (
        "en",
        "The programme ran from 2018 to 2021.",
        "from 2018 to 2021",
        D(2018, 1, 1),
        D(2021, 12, 31),
        "multi_year",
    ),
    (
        "en",
        "The talks ran between March 2020 and May 2021.",
        "between March 2020 and May 2021",
        D(2020, 3, 1),
        D(2021, 5, 31),
        "range",
    ),
]


@pytest.mark.parametrize("language,sentence,extent,start,end,precision", RANGES)
def test_ranges(language, sentence, extent, start, end, precision):
    t = only(sentence, language)
    assert (t.text, t.date_start, t.date_end, t.precision) == (extent, start, end, precision)
    if " " in extent or "-" in extent:
        assert t.parts or " 12 december" in extent, "a range keeps its TimeML-sized parts"


@pytest.mark.parametrize(
    "language,sentence,extent,start",
    [
        ("nl", "Beide landen onderhandelen sinds 2021 over een verdrag.", "sinds 2021", D(2021, 1, 1)),
        ("en", "Crossings have risen since 2018.", "since 2018", D(2018, 1, 1)),
    ],
)
def test_open_intervals(language, sentence, extent, start):
    t = only(sentence, language)
    assert (t.text, t.date_start, t.date_end, t.mod) == (extent, start, None, "SINCE")


def test_backwards_range_is_not_joined():
    found = tag("Van 2024 tot 2021 daalde het aantal.", DAY, "nl")
    assert all(t.date_start is None or t.date_start <= (t.date_end or t.date_start) for t in found)
    assert not any(t.parts for t in found)


def test_partial_day_month_takes_its_year_from_the_document_date():
    t = only("De vragen werden ingezonden op 21 november.", "nl", dct=DAY)
    assert (t.value, t.date_start) == ("2024-11-21", D(2024, 11, 21))


def test_partial_day_month_takes_its_year_from_the_documents_own_dates_without_dct():
    text = "Vragen (ingezonden 21 november). Zie De Telegraaf, 19 november 2024. Op 10 december jl. was er overleg."
    found = {t.text: t for t in tag(text, None, "nl")}
    assert found["21 november"].date_start == D(2024, 11, 21)
    assert found["21 november"].source == "inherited"
    assert found["10 december jl."].date_start == D(2024, 12, 10)


def test_anaphoric_year():
    found = tag("In 2024 staken 36.800 mensen over, 25% meer dan het jaar ervoor.", DAY, "nl")
    assert [(t.text, t.value) for t in found] == [("2024", "2024"), ("het jaar ervoor", "2023")]


@pytest.mark.parametrize(
    "language,sentence,extent,kind,value",
    [
        ("nl", "Er is 24 uur per dag begeleiding.", "24 uur", "DURATION", "PT24H"),
        ("nl", "Er is 24 uur per dag begeleiding.", "per dag", "SET", "P1D"),
        ("nl", "Dat duurde drie jaar.", "drie jaar", "DURATION", "P3Y"),
        ("en", "During his two-day visit he met the minister.", "two-day", "DURATION", "P2D"),
        ("en", "The figures are published daily.", "daily", "SET", "P1D"),
    ],
)
def test_durations_and_sets_have_no_date(language, sentence, extent, kind, value):
    t = next(t for t in tag(sentence, DAY, language) if t.text == extent)
    assert (t.type, t.value, t.date_start, t.date_end) == (kind, value, None, None)


@pytest.mark.parametrize(
    "language,sentence",
    [
        ("nl", "Kamerstukken II, 2024-2025, 32317, nr. 925."),
        ("nl", "Zie https://www.gov.uk/government/statistics/modern-slavery-2024/statistics-2023 voor meer."),
        ("nl", "Vragen van de leden (20242024Z19016)."),
        ("nl", "Meer dan 36.800 mensen staken over."),
        ("nl", "Het kost € 2024 per persoon."),
        ("nl", "Er kwamen 2000 mensen naar de bijeenkomst."),
        ("en", "You may go if you like."),
        ("en", "They march through the city."),
        ("en", "The 41,000 migrants arrived."),
        ("nl", "Het was 31 februari 2024."),
        # the year of a law's or programme's name; an amount before its currency; an article number
        ("nl", "Op grond van artikel 29 Vw 2000 is een vergunning verleend."),
        ("nl", "Het Vreemdelingenbesluit 2000 is gewijzigd."),
        ("en", "He was held under the Terrorism Act 2000."),
        ("en", "Horizon 2020 funded the project."),
        ("nl", "Dat kost 2000 euro."),
        ("en", "That cost 2000 euros."),
        ("nl", "Zie artikel 4:13 Awb."),
        ("nl", "De Wet inburgering 2021 is in werking."),
        ("nl", "De Dublinverordening 2013 bepaalt dit."),
        ("en", "The Refugee Convention 1951 protects them."),
        ("nl", "Dat kost 2000 tot 3000 euro."),
        ("en", "It costs 2000 US dollars."),
        ("nl", "Er kwamen 2000 tot 2500 migranten."),
        # a weekday, season or holiday inside a name
        ("en", "The Sunday Times reported it."),
        ("en", "The Autumn Statement raised taxes."),
        ("nl", "De Zomer Olympische Spelen waren in Parijs."),
    ],
)
def test_no_date_from_citations_urls_counts_money_or_verbs(language, sentence):
    assert [t for t in tag(sentence, DAY, language) if t.dated] == []


@pytest.mark.parametrize(
    "language,sentence",
    [
        # parliamentary papers: the parliamentary year and the dossier number are no dates
        ("nl", "Tweede Kamer der Staten-Generaal | 2015-2016 | 21501-20 nr. 1094 |"),
        ("nl", "Bent u bekend met kamerstuk 35 300 VI, nr. 48?"),
        ("nl", "Het beleidskader (bijlage bij Kamerstuk 35 788, nr. 77) is verstuurd."),
        ("nl", "Zoals toegezegd in het debat (Handelingen II 2021/22, nr. 106, item 8)."),
        ("nl", "Zie ook Aanhangsel Handelingen, vergaderjaar 2020–2021, nr. 2854."),
        ("nl", "De vragen staan in vergaderjaar 2024–2025, nr. 802 van het Aanhangsel."),
        ("nl", "Nr. 2027 BRIEF VAN DE STAATSSECRETARIS"),
        # European documents by their number
        ("nl", "De Commissie verwijst naar COM(2021) 591 definitief."),
        ("en", "COM(2019) 481 final"),
        ("en", "See COM/2021/591 final for the plan."),
        ("en", "Document 52021DC0591"),
        ("en", "Press release 120/16 of the Council"),
        # phone numbers, articles, a convention named by its year
        ("en", "Press office: +32 22812074"),
        ("nl", "Bel +31 (0)70 2024 555 voor meer informatie."),
        ("en", "It is laid down in Article 19 of the EU Charter."),
        ("en", "Both are parties to the UN Convention (Palermo Convention 2000)."),
    ],
)
def test_citations_and_document_numbers_are_never_dates(language, sentence):
    assert [t for t in tag(sentence, DAY, language) if t.dated] == []


def test_a_date_beside_a_citation_stays():
    found = tag("Over de brief van 23 april 2024 (Kamerstuk 28 638, nr. 249) zijn vragen gesteld.", DAY, "nl")
    assert [(t.text, t.value) for t in found] == [("23 april 2024", "2024-04-23")]


@pytest.mark.parametrize(
    "language,sentence,extent,start,end",
    [
        # the years in a plan's name in running text are its period of validity, no citation
        ("nl", "Het Beleidskader aanpak mensensmokkel 2023–2026 is vastgesteld.", "2023–2026", 2023, 2026),
        ("nl", "In het Europese Actieplan Mensensmokkel 2021–2025 staat dit.", "2021–2025", 2021, 2025),
        (
            "en",
            "The EU action plan against migrant smuggling 2021-2025 sets this out.",
            "2021-2025",
            2021,
            2025,
        ),
        ("nl", "In het vergaderjaar 2020–2021 zijn vijftig vragen gesteld.", "2020–2021", 2020, 2021),
    ],
)
def test_a_plans_years_in_running_text_are_its_period(language, sentence, extent, start, end):
    t = only(sentence, language)
    check(t, extent, f"{start}/{end}", D(start, 1, 1), D(end, 12, 31), "multi_year")


@pytest.mark.parametrize(
    "text,value",
    [
        ("The incident occurred on 03/04/2024 near Dover.", "2024-03-04"),  # English: month first
        ("The incident occurred on 03/04/2024 near Dover, the Home Office said.", "2024-04-03"),  # British
        ("It occurred on 03/04/2024; a second on 25/04/2024.", "2024-04-03"),  # its own dates say so
        ("It occurred on 03/04/2024, the organisation said; another on 04/25/2024.", "2024-03-04"),
    ],
)
def test_a_document_shows_which_way_it_writes_numeric_dates(text, value):
    assert tag(text, DAY, "en")[0].value == value


def test_a_holiday_far_from_the_document_date_takes_the_tense_of_its_clause():
    may = Published(D(2024, 5, 15), D(2024, 5, 15), "day", "header")
    assert tag("Op Prinsjesdag presenteerde het kabinet de begroting.", may, "nl")[0].value == "2023-09-19"
    assert tag("Op Prinsjesdag zal het kabinet de begroting presenteren.", may, "nl")[0].value == "2024-09-17"
    assert tag("Sales will rise at Christmas.", may, "en")[0].value == "2024-12-25"
    # within weeks of the document date the one at hand, whatever the tense ('as Easter week began')
    april = Published(D(2000, 4, 17), D(2000, 4, 17), "day", "header")
    assert tag("Protesters prayed as Easter week began.", april, "en")[0].value == "2000-04-23"


def test_a_winter_is_named_by_the_year_it_begins_in():
    january = Published(D(2024, 1, 10), D(2024, 1, 10), "day", "header")
    # in January the winter under way began last December
    assert tag("Deze winter staken minder mensen over.", january, "nl")[0].date_start == D(2023, 12, 1)
    assert tag("This winter few people crossed.", january, "en")[0].date_start == D(2023, 12, 1)
    assert tag("Last winter few people crossed.", january, "en")[0].date_start == D(2022, 12, 1)


def test_a_year_earlier_counts_from_a_year_the_text_writes_out():
    sentence = "Some 45,774 people crossed in 2022, compared with 28,526 a year earlier."
    assert values(sentence) == [("2022", "2022"), ("a year earlier", "2021")]
    assert values("In 2022 staken 45.774 mensen over, een jaar eerder 28.526.", "nl")[-1] == (
        "een jaar eerder",
        "2021",
    )
    # 'a year ago' counts from the document date, whatever year the text names
    assert values("Sales in 2022 rose 5% from a year ago.")[-1] == ("a year ago", "2024")


def test_a_name_with_a_holiday_is_no_date_but_a_weekday_before_a_name_is():
    assert values("The Good Friday Agreement was signed in 1998.") == [("1998", "1998")]
    assert values("The court heard that on Friday Smith arrived.") == [("Friday", "2025-05-09")]
    assert values("A fortnight ago the talks collapsed.") == [("A fortnight ago", "2025-W18")]


def test_years_a_few_apart_are_years_even_before_a_count():
    assert values("Between 2019 and 2023 arrivals rose.") == [("Between 2019 and 2023", "2019/2023")]
    assert values("Tussen 2019 en 2023 staken 100.000 mensen over.", "nl") == [
        ("Tussen 2019 en 2023", "2019/2023")
    ]
    assert values("Het verdrag uit 1951 beschermt hen.", "nl") == [("1951", "1951")]  # the year it is from


def test_a_trailing_attribution_is_not_the_tense_of_what_it_reports():
    may = Published(D(2024, 5, 15), D(2024, 5, 15), "day", "header")
    assert (
        tag("MPs will vote on the bill on Tuesday, government sources said.", may, "en")[0].value
        == "2024-05-21"
    )
    assert tag("De Kamer stemt dinsdag over de motie, zei de voorzitter.", may, "nl")[0].value == "2024-05-21"
    assert (
        tag("The minister visited Calais on Tuesday, the Home Office said.", may, "en")[0].value
        == "2024-05-14"
    )


def test_a_year_after_an_uncapitalised_law_word_or_in_a_sentence_is_still_a_year():
    assert values("De wet van 2000 regelt dit.", "nl") == [("2000", "2000")]
    assert values("In 2023 werd de wet 2023 aangenomen.", "nl")[0] == ("2023", "2023")
    assert values("The Act was passed in 2000.") == [("2000", "2000")]


def test_impossible_day_is_not_a_date_but_leap_day_is():
    assert tag("Op 29 februari 2024 was het schrikkeldag.", DAY, "nl")[0].date_start == D(2024, 2, 29)
    assert [t for t in tag("Op 29 februari 2023 gebeurde niets.", DAY, "nl") if t.dated] == []


def test_output_is_deterministic_and_offsets_point_into_the_text():
    text = "Op 10 december jl. en vorig jaar, sinds 2021, in Q3 2024 en gisteren om 14.00 uur."
    first, second = tag(text, DAY, "nl"), tag(text, DAY, "nl")
    assert first == second
    for t in first:
        assert text[t.start : t.end] == t.text


@pytest.mark.parametrize(
    "language,sentence,extent,value",
    [
        ("en", "Profit should rise in third-quarter trading.", "third-quarter", "2025-Q3"),
        ("nl", "De winst steeg in het tweede kwartaal.", "het tweede kwartaal", "2025-Q2"),
    ],
)
def test_quarter_without_year_takes_the_document_year(language, sentence, extent, value):
    t = only(sentence, language)
    assert (t.text, t.value, t.source) == (extent, value, "relative_to_dct")


@pytest.mark.parametrize(
    "language,sentence,extent,value",
    [
        ("en", "Sales fell in the current financial year.", "the current financial year", "2025"),
        ("nl", "De omzet daalde in het vorige boekjaar.", "het vorige boekjaar", "2024"),
        ("nl", "De omzet daalt in het lopende boekjaar.", "het lopende boekjaar", "2025"),
    ],
)
def test_a_financial_year_or_quarter_is_counted_like_the_calendar_one(language, sentence, extent, value):
    t = only(sentence, language)
    assert (t.text, t.value) == (extent, value)


@pytest.mark.parametrize(
    "language,sentence,extent,value",
    [
        ("en", "The company closed Friday's session higher.", "Friday", "2025-05-09"),
        ("en", "Shares fell 5% in today's trading.", "today", "2025-05-14"),
    ],
)
def test_possessive_expressions(language, sentence, extent, value):
    t = only(sentence, language)
    assert (t.text, t.value) == (extent, value)


@pytest.mark.parametrize(
    "language,sentence,extent,value",
    [
        ("en", "Sales rose over several years.", "several years", "PXY"),
        ("en", "In the first nine months profit doubled.", "the first nine months", "P9M"),
        ("en", "Over the past decade crime fell.", "the past decade", "P10Y"),
        ("nl", "Dat duurde enkele weken.", "enkele weken", "PXW"),
        ("en", "Prices fell in recent months.", "recent months", "PXM"),  # not 'recent' alone, a past ref
    ],
)
def test_vague_and_modified_durations(language, sentence, extent, value):
    t = only(sentence, language)
    assert (t.text, t.type, t.value) == (extent, "DURATION", value)


def test_anaphoric_following_year_refers_to_the_last_mentioned_date():
    found = tag("The plant opened in 1996. The following year it closed.", DAY, "en")
    assert [(t.text, t.value, t.source) for t in found] == [
        ("1996", "1996", "explicit"),
        ("The following year", "1997", "inherited"),
    ]


@pytest.mark.parametrize(
    "language,sentence",
    [
        ("en", "Prices fall when supply rises."),
        ("en", "The 44-year-old minister resigned."),
    ],
)
def test_not_temporal(language, sentence):
    assert tag(sentence, DAY, language) == []


@pytest.mark.parametrize(
    "language,sentence,extent,value",
    [
        ("nl", "De afspraak is op Tweede Paasdag 2017.", "Tweede Paasdag 2017", "2017-04-17"),
        ("nl", "Op Prinsjesdag 2024 werd de begroting gepresenteerd.", "Prinsjesdag 2024", "2024-09-17"),
        ("en", "They met on Thanksgiving Day 1999.", "Thanksgiving Day 1999", "1999-11-25"),
        ("en", "Christmas 2016 was cold.", "Christmas 2016", "2016-12-25"),
        # holidays counted from Thanksgiving (the day after, the Monday after), and a year after 'of'
        ("en", "Stores opened early on Black Friday 2010.", "Black Friday 2010", "2010-11-26"),
        ("en", "Sales peaked on Cyber Monday 2015.", "Cyber Monday 2015", "2015-11-30"),
        ("en", "I'll go back on father's day of 2015.", "father's day of 2015", "2015-06-21"),
        ("en", "I'll go back on presidents' day 2017.", "presidents' day 2017", "2017-02-20"),
        ("nl", "We aten samen op vaderdag van 2015.", "vaderdag van 2015", "2015-06-21"),
        ("nl", "De winkels openden vroeg op Black Friday 2010.", "Black Friday 2010", "2010-11-26"),
        ("nl", "Er was een optocht op de Dag van de Arbeid 2020.", "Dag van de Arbeid 2020", "2020-05-01"),
        ("nl", "Ik ga terug op 1e kerstdag 2019.", "1e kerstdag 2019", "2019-12-25"),
        # a year counted from the document date (14 May 2025)
        ("en", "We met at Christmas of last year.", "Christmas of last year", "2024-12-25"),
        (
            "en",
            "An event on the Independence Day of this year.",
            "Independence Day of this year",
            "2025-07-04",
        ),
        ("nl", "We vierden kerst van vorig jaar thuis.", "kerst van vorig jaar", "2024-12-25"),
        ("en", "MLK Day 2020 was cold.", "MLK Day 2020", "2020-01-20"),
        # without a year: the nearest one to the document date (14 May 2025)
        ("en", "Sales peaked on Cyber Monday.", "Cyber Monday", "2024-12-02"),
    ],
)
def test_holidays(language, sentence, extent, value):
    t = only(sentence, language)
    assert (t.text, t.value, t.date_start, t.date_end) == (
        extent,
        value,
        D.fromisoformat(value),
        D.fromisoformat(value),
    )


@pytest.mark.parametrize(
    "language,sentence,extent,start,end,mod",
    [
        ("nl", "Het bereik is tot 2012.", "tot 2012", None, D(2011, 12, 31), "BEFORE"),
        ("nl", "Ik vertrek na 1-1-2016.", "na 1-1-2016", D(2016, 1, 1), None, "AFTER"),
        ("nl", "Het bereik is 2012 of erna.", "2012 of erna", D(2012, 1, 1), None, "ON_OR_AFTER"),
        ("en", "Prices rose in 2012 or later.", "2012 or later", D(2012, 1, 1), None, "ON_OR_AFTER"),
        # after a year or a month: once it is over
        ("nl", "De regeling geldt na 2018.", "na 2018", D(2019, 1, 1), None, "AFTER"),
        ("nl", "Het wordt na afloop van 2018 herzien.", "na afloop van 2018", D(2019, 1, 1), None, "AFTER"),
        ("en", "Maybe we can leave after Feb 2018.", "after Feb 2018", D(2018, 3, 1), None, "AFTER"),
        ("en", "Nothing changed after 2010.", "after 2010", D(2011, 1, 1), None, "AFTER"),
        ("en", "It must be done before 2020.", "before 2020", None, D(2019, 12, 31), "BEFORE"),
        # a deadline 'at the latest' includes its day (Recognizers-Text ends it the day before)
        (
            "nl",
            "Het plan moet uiterlijk 1 juli klaar zijn.",
            "uiterlijk 1 juli",
            None,
            D(2025, 7, 1),
            "ON_OR_BEFORE",
        ),
        (
            "nl",
            "Het is niet later dan 2026 klaar.",
            "niet later dan 2026",
            None,
            D(2026, 12, 31),
            "ON_OR_BEFORE",
        ),
        (
            "en",
            "It is due no later than July 1.",
            "no later than July 1",
            None,
            D(2025, 7, 1),
            "ON_OR_BEFORE",
        ),
    ],
)
def test_open_ended_intervals(language, sentence, extent, start, end, mod):
    t = only(sentence, language)
    assert (t.text, t.date_start, t.date_end, t.mod) == (extent, start, end, mod)


@pytest.mark.parametrize(
    "language,sentence,extent,start,end",
    [
        ("nl", "Ik ben binnen 5 dagen terug.", "binnen 5 dagen", D(2025, 5, 14), D(2025, 5, 18)),
        (
            "nl",
            "De afgelopen tien jaar daalde het.",
            "De afgelopen tien jaar",
            D(2015, 5, 14),
            D(2025, 5, 13),
        ),
        ("nl", "Ik ben de komende 3 dagen weg.", "de komende 3 dagen", D(2025, 5, 15), D(2025, 5, 17)),
    ],
)
def test_stretches_relative_to_the_document_date(language, sentence, extent, start, end):
    t = only(sentence, language)
    assert (t.text, t.type, t.date_start, t.date_end) == (extent, "DURATION", start, end)


def test_minutes_and_hours_stay_on_the_document_day():
    t = only("Ik ben over 5 minuten terug.", "nl")
    assert (t.type, t.date_start) == ("TIME", D(2025, 5, 14))


def test_next_week_weekday():
    t = only("Volgende week dinsdag ga ik reizen.", "nl")
    assert (t.text, t.value) == ("Volgende week dinsdag", "2025-05-20")


REF = Published(D(2016, 11, 7), D(2016, 11, 7), "day", "header")  # a Monday


@pytest.mark.parametrize(
    "language,sentence,extent,value",
    [
        ("nl", "Ik ga deze vrijdag terug.", "deze vrijdag", "2016-11-11"),
        ("nl", "Ik ga volgende zondag terug.", "volgende zondag", "2016-11-20"),
        ("nl", "Ik ga de eenentwintigste van mei terug.", "de eenentwintigste van mei", "2016-05-21"),
        ("nl", "Ik ga op twee oktober terug.", "twee oktober", "2016-10-02"),
        ("nl", "We zien elkaar de 20e van volgende maand.", "de 20e van volgende maand", "2016-12-20"),
        (
            "nl",
            "Ik kwam de derde woensdag van de vorige maand terug.",
            "de derde woensdag van de vorige maand",
            "2016-10-19",
        ),
        (
            "en",
            "We meet on the second Monday of next month.",
            "the second Monday of next month",
            "2016-12-12",
        ),
        ("en", "The vote is on Monday, Oct. 26.", "Monday, Oct. 26", "2015-10-26"),
    ],
)
def test_calendar_arithmetic_words(language, sentence, extent, value):
    t = only(sentence, language, dct=REF)
    assert (t.text, t.value) == (extent, value)


@pytest.mark.parametrize(
    "language,sentence,extent,start,end",
    [
        ("en", "Talks collapsed over the weekend.", "the weekend", D(2025, 5, 10), D(2025, 5, 11)),
        ("nl", "Het weekend werd er gedemonstreerd.", "Het weekend", D(2025, 5, 10), D(2025, 5, 11)),
        ("nl", "Dit weekend is er een top.", "Dit weekend", D(2025, 5, 17), D(2025, 5, 18)),
    ],
)
def test_weekends(language, sentence, extent, start, end):
    t = only(sentence, language)
    assert (t.text, t.date_start, t.date_end) == (extent, start, end)


def values(text: str, language: str = "en", dct=DAY) -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in tag(text, dct, language)]


@pytest.mark.parametrize(
    "sentence,extent,kind,value",
    [
        # a quarter of a named or deictic year
        pytest.param(
            "Sales in this year's third quarter fell.", "this year's third quarter", "DATE", "2025-Q3"
        ),
        pytest.param(
            "They expect growth in next year's first quarter.", "next year's first quarter", "DATE", "2026-Q1"
        ),
        pytest.param(
            "Net income in the 2023 second quarter doubled.", "the 2023 second quarter", "DATE", "2023-Q2"
        ),
        # fiscal years and quarters
        pytest.param("Earnings for fiscal 2024 doubled.", "fiscal 2024", "DATE", "2024"),
        pytest.param(
            "Sales in the fiscal first quarter rose.", "the fiscal first quarter", "DATE", "2025-Q1"
        ),
        # a fiscal word between a deictic and its unit (14 May 2025)
        pytest.param(
            "Sales fell in the last financial quarter.", "the last financial quarter", "DATE", "2025-Q1"
        ),
        pytest.param("Costs rose earlier this fiscal year.", "earlier this fiscal year", "DATE", "2025"),
        # an approximation stays inside the expression
        pytest.param("The strike lasted nearly two months.", "nearly two months", "DURATION", "P2M"),
        pytest.param("Talks ended more than four years ago.", "more than four years ago", "DATE", "2021"),
        pytest.param("Hold it for at least 72 hours.", "at least 72 hours", "DURATION", "PT72H"),
        # a modifier between number and unit; sets; vague references
        pytest.param("He will stay two more weeks.", "two more weeks", "DURATION", "P2W"),
        pytest.param("Payments are made monthly.", "monthly", "SET", "P1M"),
        pytest.param("Rates should ease in the near future.", "the near future", "DATE", "FUTURE_REF"),
    ],
)
def test_english_extents_types_and_values(sentence, extent, kind, value):
    t = only(sentence, "en")
    assert (t.text, t.type, t.value) == (extent, kind, value)


def test_year_period_is_the_quarter_spoken_of_in_the_year_named():
    text = (
        "Third-quarter profit rose. It was $3 a share, against $2 in the 2024 period and last year's quarter."
    )
    assert values(text) == [
        ("Third-quarter", "2025-Q3"),
        ("the 2024 period", "2024-Q3"),
        ("last year's quarter", "2024-Q3"),
    ]


def test_year_period_without_a_quarter_in_the_text_is_the_year():
    assert values("Sales fell from the 2023 period.") == [("the 2023 period", "2023")]


def test_the_quarter_refers_back_to_the_quarter_named_pages_before():
    filler = " Analysts said demand was weak across the sector and costs kept climbing." * 30
    text = (
        f"Profit in the third quarter rose.{filler} Sales in the latest quarter rose, from $5 a year earlier."
    )
    found = values(text)
    # in May 2025 a third quarter profit rose in is the one over, 2024's
    assert found[0] == ("the third quarter", "2024-Q3")
    assert ("the latest quarter", "2024-Q3") in found
    assert found[-1] == ("a year earlier", "2023-Q3")  # through 'the latest quarter', not from the dct


YEAR_BACK_FILLER = {
    "en": " Analysts said demand was weak across the sector and costs kept climbing." * 8,
    "nl": " Analisten zeiden dat de vraag in de hele sector zwak was en dat de kosten bleven stijgen." * 6,
}


@pytest.mark.parametrize(
    "language,text,extent,value",
    [
        # a forecast named after the reported quarter: the comparison is with the reported one
        (
            "en",
            "The company posted a drop in third-quarter profit. Analysts say it will report losses through the third "
            "quarter of 2026. The company earned $5 million. In the year-ago period, it earned $9 million.",
            "the year-ago period",
            "2024-Q3",
        ),
        (
            "nl",
            "Het bedrijf boekte minder winst in het derde kwartaal. Analisten denken dat het verlies zal lijden tot en met "
            "het derde kwartaal van 2026. Het bedrijf verdiende 5 miljoen. Een jaar eerder verdiende het 9 miljoen.",
            "Een jaar eerder",
            "2024-Q3",
        ),
        # a later period spoken of as past (a document whose date is off) is no forecast to pass over
        (
            "en",
            "Third-quarter profit rose. In the first quarter of 2027 the company sold its plant. A year "
            "earlier it had bought it.",
            "A year earlier",
            "2026-Q1",
        ),
        # a clause that looks ahead compares the forecast period with the year before it
        (
            "en",
            "The company posted a drop in third-quarter profit. Sales in the third quarter of 2026 are "
            "expected to rise 5% from a year earlier.",
            "a year earlier",
            "2025-Q3",
        ),
        (
            "nl",
            "Het bedrijf boekte minder winst in het derde kwartaal. De omzet in het derde kwartaal van 2026 "
            "zal naar verwachting 5% stijgen ten opzichte van een jaar eerder.",
            "een jaar eerder",
            "2025-Q3",
        ),
        # the reported quarter a few paragraphs back, with no period spoken of since
        (
            "en",
            "Third-quarter profit rose."
            + YEAR_BACK_FILLER["en"]
            + " In the year-earlier period, it earned $4 million.",
            "the year-earlier period",
            "2024-Q3",
        ),
        (
            "nl",
            "De winst in het derde kwartaal steeg."
            + YEAR_BACK_FILLER["nl"]
            + " Een jaar eerder verdiende het 4 miljoen.",
            "Een jaar eerder",
            "2024-Q3",
        ),
        # not past a stretch spoken of in the same sentences: that is what is compared
        (
            "en",
            "Third-quarter profit rose."
            + YEAR_BACK_FILLER["en"]
            + " In the nine months, net rose to $5 million "
            "from $4 million a year earlier.",
            "a year earlier",
            "2024",
        ),
        # 'a year ago' counts from the document date: a quarter paragraphs back is not its base
        (
            "en",
            "Third-quarter profit rose."
            + YEAR_BACK_FILLER["en"]
            + " The plant has 13 lines, up from seven a year ago.",
            "a year ago",
            "2024",
        ),
        (
            "nl",
            "De winst in het derde kwartaal steeg." + YEAR_BACK_FILLER["nl"] + " De fabriek heeft 13 lijnen, "
            "tegen zeven een jaar geleden.",
            "een jaar geleden",
            "2024",
        ),
    ],
)
def test_a_year_back_comparison_is_with_a_period_that_has_figures(language, text, extent, value):
    t = [t for t in tag(text, NOV, language) if t.text == extent][0]
    assert (t.type, t.value) == ("DATE", value)
    if "Q" in value:
        year, q = int(value[:4]), int(value[-1])
        assert (t.date_start, t.date_end, t.precision) == (
            D(year, 3 * q - 2, 1),
            D(year, 3 * q, 30 if q in (2, 3) else 31),
            "quarter",
        )
    else:
        year = int(value)
        assert (t.date_start, t.date_end, t.precision) == (D(year, 1, 1), D(year, 12, 31), "year")


@pytest.mark.parametrize(
    "sentence,value",
    [
        ("The talks could start as soon as Friday.", "2025-05-16"),  # a future cue: the coming Friday
        ("Protesters were planning to march on Saturday.", "2025-05-17"),
        ("The minister predicted Friday that prices will rise.", "2025-05-09"),  # the verb right before
        ("Exports rose, the ministry reported on Monday.", "2025-05-12"),
        # any verb in the past tense is a cue: 'will' here belongs to what was said, further off
        ("The envoys issued a statement Friday saying the pact will hold.", "2025-05-09"),
        ("The rule is amended Friday and the vote will follow.", "2025-05-16"),  # 'is' + participle: no past
        ("The proposed deal will be signed on Friday.", "2025-05-16"),  # an adjective after 'the': no verb
        # a word in -ed in the scope of 'will' is no past tense, nor after a determiner or adverb
        ("The government will present its revised budget on Tuesday.", "2025-05-20"),
        ("He will be sentenced Friday for crimes he committed in 2019.", "2025-05-16"),
        ("Voters go to the polls Sunday in a closely watched election.", "2025-05-11"),  # no cue: the last
        ("Talks resumed Friday with a hundred delegates.", "2025-05-09"),
        ("The child, unaccompanied, arrived on Friday.", "2025-05-09"),  # an adjective in un-
        ("Before his Sunday address, Castro played with the children.", "2025-05-11"),  # a verb after it
    ],
)
def test_weekday_direction_from_the_nearest_tense_cue(sentence, value):
    t = [t for t in tag(sentence, DAY, "en") if t.type == "DATE"][0]
    assert t.value == value


@pytest.mark.parametrize(
    "language,sentence,value",
    [
        # Wednesday 14 May 2025: a quotation is a clause of its own, whatever stands outside it
        ("en", '"He will leave at dawn on Friday," the minister said.', "2025-05-16"),
        ("en", 'The minister said on Friday: "we will win."', "2025-05-09"),
        ("en", "``He will, after a long wait, leave on Friday,'' the minister said.", "2025-05-16"),
        ("nl", "„Hij zal na lang beraad vrijdag vertrekken”, zei de minister.", "2025-05-16"),
        ("nl", "De minister zei vrijdag: “wij zullen winnen.”", "2025-05-09"),
        # a quoted name or title is no quotation: the quote marks pair up before the expression
        ("en", 'The board will vote on the "Green Deal" Friday.', "2025-05-16"),
        ("nl", 'De Kamer zal over het "klimaatakkoord" vrijdag stemmen.', "2025-05-16"),
    ],
)
def test_a_quotation_has_a_tense_of_its_own(language, sentence, value):
    assert [t.value for t in tag(sentence, DAY, language)] == [value]


@pytest.mark.parametrize(
    "language,sentence,value",
    [
        # Wednesday 14 May 2025: 'komende zaterdag' is the first Saturday to come, as 'aanstaande zaterdag';
        # 'volgende zaterdag' is next week's
        ("nl", "Komende zaterdag is de actie.", "2025-05-17"),
        ("nl", "Aanstaande zaterdag is de actie.", "2025-05-17"),
        ("nl", "Volgende zaterdag is de actie.", "2025-05-24"),
    ],
)
def test_the_coming_weekday_in_dutch(language, sentence, value):
    assert [t.value for t in tag(sentence, DAY, language)] == [value]


@pytest.mark.parametrize(
    "sentence,value",
    [
        # Friday 6 June 2025: 'naar verwachting' is 'as expected' as often as 'expected to': no cue
        ("De ECB heeft donderdag naar verwachting de rente verlaagd.", "2025-06-05"),
        # 'aldus' follows what was said: the 'zal' is the weekday's own clause
        ("Zaterdag, aldus ingewijden, zal het kabinet een besluit nemen.", "2025-06-07"),
    ],
)
def test_dutch_words_that_are_no_tense_boundary(sentence, value):
    june = Published(D(2025, 6, 6), D(2025, 6, 6), "day", "header")
    assert [t.value for t in tag(sentence, june, "nl")] == [value]


@pytest.mark.parametrize(
    "sentence,value",
    [
        # Wednesday 15 May 2024. Dutch says the future in the present tense: a clause without a past
        # looks ahead; a past tense (strong verbs as data, weak ones by their endings) looks back
        ("De Kamer stemt dinsdag over de motie.", "2024-05-21"),
        ("De minister spreekt maandag met zijn Britse collega.", "2024-05-20"),  # 'zijn' is 'his' here
        ("De verdachten worden vrijdag voorgeleid.", "2024-05-17"),
        ("Vrijdag debatteerde de Kamer erover.", "2024-05-10"),
        ("Dinsdag stemden de Kamerleden in.", "2024-05-14"),
        ("Agenten arresteerden zaterdag twee verdachten.", "2024-05-11"),
        ("De politie hield zaterdag twee verdachten aan.", "2024-05-11"),
        # 'is'/'zijn' also make the perfect: no look ahead
        ("Zaterdag zijn twaalf verdachten aangehouden.", "2024-05-11"),
        # a past verb after 'dat' ('Dat meldde de NOS'); strong verbs as data; a statement in the present
        ("Dat meldde de NOS maandag.", "2024-05-13"),
        ("De staatssecretaris bezocht dinsdag het aanmeldcentrum.", "2024-05-14"),
        # a statement in the present reports what comes: 'zegt dat ... dinsdag stemt', ', liet X weten'
        ("De minister zegt dat de Kamer dinsdag stemt.", "2024-05-21"),
        ("Het COA opent maandag een locatie, liet een woordvoerder weten.", "2024-05-20"),
        ("De rechter legt dinsdag een te lichte straf op.", "2024-05-21"),  # an adjective after 'te'
        ("Het overleg begint donderdag vroeg in de ochtend.", "2024-05-16"),  # 'vroeg': early
        # a name or an adjective is no past verb ('Rutte', 'alleenstaande'); 'sinds' looks back
        ("Premier Rutte spreekt maandag met zijn Britse collega.", "2024-05-20"),
        ("Een alleenstaande minderjarige vertrekt maandag naar Calais.", "2024-05-20"),
        ("Sinds vrijdag zitten drie mannen vast.", "2024-05-10"),
    ],
)
def test_a_dutch_weekday_in_the_present_tense_looks_ahead(sentence, value):
    may = Published(D(2024, 5, 15), D(2024, 5, 15), "day", "header")
    assert [t.value for t in tag(sentence, may, "nl")] == [value]


@pytest.mark.parametrize(
    "language,sentence,extent,start,end",
    [
        # Wednesday 15 May 2024. Two yearless months the document date would put in different years the
        # wrong way round are one range in one year, the one the tense says
        (
            "nl",
            "Tussen oktober en december staken 5.000 mensen over.",
            "Tussen oktober en december",
            D(2023, 10, 1),
            D(2023, 12, 31),
        ),
        (
            "en",
            "Between September and December 5,000 people crossed.",
            "Between September and December",
            D(2023, 9, 1),
            D(2023, 12, 31),
        ),
        (
            "en",
            "Between September and December crossings will rise.",
            "Between September and December",
            D(2024, 9, 1),
            D(2024, 12, 31),
        ),
        # 'sinds'/'since' begins by the document date
        ("nl", "Sinds september zijn 9.000 mensen overgestoken.", "Sinds september", D(2023, 9, 1), None),
        ("en", "Since July, arrivals have doubled.", "Since July", D(2023, 7, 1), None),
        ("en", "Since 2019 arrivals doubled.", "Since 2019", D(2019, 1, 1), None),  # a year, not a count
        (
            "nl",
            "Vanaf 1 september geldt de nieuwe regeling.",
            "Vanaf 1 september",
            D(2024, 9, 1),
            None,
        ),  # from: ahead
    ],
)
def test_yearless_ranges_and_since_dates_are_placed_as_a_whole(language, sentence, extent, start, end):
    may = Published(D(2024, 5, 15), D(2024, 5, 15), "day", "header")
    t = [t for t in tag(sentence, may, language) if t.text == extent][0]
    assert (t.date_start, t.date_end) == (start, end)
    # a weekday and a month are no such pair; nor is a relative day after 'since'
    assert len(tag("A revision Friday to December's figures came.", may, "en")) == 2
    assert tag("I'll be out since tomorrow.", may, "en")[0].date_start == D(2024, 5, 16)


@pytest.mark.parametrize(
    "language,dct,sentence,extent,value",
    [
        # a yearless quarter or season something happens in takes the year its tense says
        ("nl", D(2024, 10, 15), "Ik zal uw Kamer in het voorjaar informeren.", "het voorjaar", "2025-SP"),
        ("en", D(2024, 11, 20), "The review will be published in Q1.", "Q1", "2025-Q1"),
        ("nl", D(2024, 1, 3), "In het vierde kwartaal daalde de instroom.", "het vierde kwartaal", "2023-Q4"),
        ("en", D(2024, 5, 15), "In the summer many people crossed.", "the summer", "2023-SU"),
        (
            "en",
            D(2024, 1, 10),
            "Police unveiled the plan in the fourth quarter.",
            "the fourth quarter",
            "2023-Q4",
        ),
        # not what the quarter qualifies, nor under an adjective that only looks ahead
        ("en", D(1989, 11, 2), "The company will report third-quarter results.", "third-quarter", "1989-Q3"),
        (
            "en",
            D(1989, 11, 2),
            "It took a loss in the third quarter because of the planned sale.",
            "the third quarter",
            "1989-Q3",
        ),
        # a season of a year counted from the document date; a month with 'jl.' or 'a.s.'
        (
            "nl",
            D(2024, 5, 15),
            "In de zomer van vorig jaar staken veel mensen over.",
            "de zomer van vorig jaar",
            "2023-SU",
        ),
        (
            "en",
            D(2024, 5, 15),
            "In the spring of next year a review follows.",
            "the spring of next year",
            "2025-SP",
        ),
        ("nl", D(2024, 5, 15), "In juni jl. trad de wet in werking.", "juni jl.", "2023-06"),
        ("nl", D(2024, 5, 15), "In maart a.s. treedt de wet in werking.", "maart a.s.", "2025-03"),
    ],
)
def test_yearless_periods_take_the_year_of_their_tense_or_their_word(language, dct, sentence, extent, value):
    published = Published(dct, dct, "day", "header")
    t = [t for t in tag(sentence, published, language) if t.text == extent][0]
    assert t.value == value


@pytest.mark.parametrize(
    "language,sentence,extent,end",
    [
        # until the end of a period: up to that end, not up to where the end begins
        ("en", "The deal runs until the end of 2026.", "until the end of 2026", D(2026, 12, 31)),
        (
            "nl",
            "De regeling geldt tot het einde van dit jaar.",
            "tot het einde van dit jaar",
            D(2025, 12, 31),
        ),
        ("nl", "Tot 2012 gold de regel.", "Tot 2012", D(2011, 12, 31)),  # 'tot' alone stops before it
    ],
)
def test_until_the_end_of_a_period_includes_that_end(language, sentence, extent, end):
    t = only(sentence, language)
    assert (t.text, t.date_start, t.date_end) == (extent, None, end)


@pytest.mark.parametrize(
    "language,sentence,extent,start,end",
    [
        (
            "nl",
            "Op 10, 11 en 12 juni vergadert de raad.",
            "10, 11 en 12 juni",
            D(2025, 6, 10),
            D(2025, 6, 12),
        ),
        (
            "en",
            "On 10, 11 and 12 June the council meets.",
            "10, 11 and 12 June",
            D(2025, 6, 10),
            D(2025, 6, 12),
        ),
    ],
)
def test_a_list_of_days_in_a_month_runs_from_the_first_to_the_last(language, sentence, extent, start, end):
    t = only(sentence, language)
    assert (t.text, t.date_start, t.date_end) == (extent, start, end)
    assert values("Er waren 10, 11 en 12 mensen in juni.", "nl") == [("juni", "2025-06")]  # counts, no days


@pytest.mark.parametrize(
    "language,sentence,extent,start,end",
    [
        # the periods statistics report on: that length, ending with the month or day
        (
            "en",
            "In the year to March 2024, 30,000 people crossed.",
            "the year to March 2024",
            D(2023, 4, 1),
            D(2024, 3, 31),
        ),
        (
            "en",
            "In the 12 months to June 2024 arrivals fell.",
            "the 12 months to June 2024",
            D(2023, 7, 1),
            D(2024, 6, 30),
        ),
        (
            "en",
            "In the year ending 31 March 2024 arrivals fell.",
            "the year ending 31 March 2024",
            D(2023, 4, 1),
            D(2024, 3, 31),
        ),
        (
            "nl",
            "In de twaalf maanden tot en met juni 2024 daalde het.",
            "de twaalf maanden tot en met juni 2024",
            D(2023, 7, 1),
            D(2024, 6, 30),
        ),
    ],
)
def test_a_length_up_to_a_month_is_the_stretch_that_ends_there(language, sentence, extent, start, end):
    t = only(sentence, language)
    assert (t.text, t.date_start, t.date_end) == (extent, start, end)
    # TimeML writes the length and the date apart ('the year' P1Y, 'June 30, 1990'): the parts say so
    assert (t.parts[-1].type, t.parts[-1].date_end) == ("DATE", end)
    assert values("Prior to 2020 this was rare.") == [("Prior to 2020", "2020")]


def test_a_tense_cue_in_reported_speech_is_not_the_weekdays():
    # Wednesday 14 May 2025; without the reporting word the nearer 'zal' would make it the coming Friday
    sentence = "De ministers kwamen met een verklaring op vrijdag, stellende dat het pact zal blijven."
    assert [t.value for t in tag(sentence, DAY, "nl")] == ["2025-05-09"]
    assert [t.value for t in tag(sentence.replace("stellende ", ""), DAY, "nl")] == ["2025-05-16"]


def test_the_year_ended_is_a_years_length_and_the_year_alone_the_year_spoken_of():
    assert values("Net income for the fiscal year ended Sept. 30 rose.")[0] == ("the fiscal year", "P1Y")
    assert values("Sales rose in March 2024. For the year, volume was flat.") == [
        ("March 2024", "2024-03"),
        ("the year", "2024"),
    ]
    assert values("For the year, volume was flat.", dct=None) == []  # nothing to refer to: no date


def test_a_month_without_a_year_is_the_nearest_unless_a_past_verb_stands_right_before():
    november = Published(D(2025, 11, 2), D(2025, 11, 2), "day", "header")
    assert values("Results are due in March.", dct=november) == [("March", "2026-03")]  # nearer
    assert values("The product was introduced in March.", dct=november) == [("March", "2025-03")]
    assert values("Revenue for the year ended March 31 rose.", dct=november)[-1] == ("March 31", "2025-03-31")


def test_a_month_near_the_middle_takes_the_tense_of_the_nearest_verb_of_its_clause():
    october = Published(D(2025, 10, 2), D(2025, 10, 2), "day", "header")
    # March is five months ahead and seven back: the past verb right by it outweighs the far 'will'
    sentence = "The chief, who stepped down in March for health reasons, will stay an adviser."
    assert values(sentence, dct=october) == [("March", "2025-03")]
    # an adjective in -ed is no verb: 'will' decides
    sentence = (
        "Qantas will almost double its flights by March in the search for markets untouched by the crisis."
    )
    assert values(sentence, dct=october) == [("March", "2026-03")]


@pytest.mark.parametrize(
    "language,sentence,extent,value,start,end,precision",
    [
        # in May, February is well over: a verb that looks ahead means the coming one
        (
            "en",
            "She will lead a mission in February.",
            "February",
            "2026-02",
            D(2026, 2, 1),
            D(2026, 2, 28),
            "month",
        ),
        (
            "nl",
            "Zij zal in februari een missie leiden.",
            "februari",
            "2026-02",
            D(2026, 2, 1),
            D(2026, 2, 28),
            "month",
        ),
        (
            "en",
            "The offer will expire on Feb. 20.",
            "Feb. 20",
            "2026-02-20",
            D(2026, 2, 20),
            D(2026, 2, 20),
            "day",
        ),
        (
            "nl",
            "Het bod zal op 20 februari verlopen.",
            "20 februari",
            "2026-02-20",
            D(2026, 2, 20),
            D(2026, 2, 20),
            "day",
        ),
        # a participle after 'be' is no past tense
        (
            "en",
            "Final guidelines to be published in February will settle it.",
            "February",
            "2026-02",
            D(2026, 2, 1),
            D(2026, 2, 28),
            "month",
        ),
        # without a look ahead the nearest, the one over
        (
            "en",
            "She led a mission in February.",
            "February",
            "2025-02",
            D(2025, 2, 1),
            D(2025, 2, 28),
            "month",
        ),
        (
            "nl",
            "Zij leidde in februari een missie.",
            "februari",
            "2025-02",
            D(2025, 2, 1),
            D(2025, 2, 28),
            "month",
        ),
        (
            "nl",
            "Het bod verloopt op 20 februari.",
            "20 februari",
            "2025-02-20",
            D(2025, 2, 20),
            D(2025, 2, 20),
            "day",
        ),
        # 'until' says how long, not that the clause looks ahead
        (
            "en",
            "The court ordered that he remain in Miami until Feb. 20.",
            "until Feb. 20",
            "2025-02-20",
            None,
            D(2025, 2, 19),
            "range",
        ),
        # a month just over is reported on later: the future does not move it
        (
            "en",
            "The company will report April sales next week.",
            "April",
            "2025-04",
            D(2025, 4, 1),
            D(2025, 4, 30),
            "month",
        ),
        (
            "nl",
            "Het bedrijf zal volgende week de cijfers over april publiceren.",
            "april",
            "2025-04",
            D(2025, 4, 1),
            D(2025, 4, 30),
            "month",
        ),
    ],
)
def test_a_month_well_over_under_a_verb_that_looks_ahead_is_the_coming_one(
    language, sentence, extent, value, start, end, precision
):
    t = [t for t in tag(sentence, DAY, language) if t.text == extent][0]
    check(t, extent, value, start, end, precision)


@pytest.mark.parametrize(
    "language,sentence,extent,value",
    [
        ("en", "The polls opened at 9 a.m. Tuesday.", "9 a.m. Tuesday", "2025-05-13T09:00"),
        ("en", "The quake struck at 4 a.m. EDT Thursday.", "4 a.m. EDT Thursday", "2025-05-08T04:00"),
        ("nl", "De stemming begon om 21:00 maandag.", "21:00 maandag", "2025-05-12T21:00"),
        # 'on'/'op' between the time and its day; a day then its time with nothing between (a byline)
        (
            "en",
            "Police were called at 3.15am on Sunday 11 May.",
            "3.15am on Sunday 11 May",
            "2025-05-11T03:15",
        ),
        (
            "nl",
            "Rond 23.00 uur op 12 mei werd de politie gealarmeerd.",
            "23.00 uur op 12 mei",
            "2025-05-12T23:00",
        ),
        ("nl", "woensdag 3 april 2024, 14:32", "woensdag 3 april 2024, 14:32", "2024-04-03T14:32"),
        ("en", "Wed 3 Apr 2024 14.32 BST", "Wed 3 Apr 2024 14.32 BST", "2024-04-03T14:32"),
        # an approximation between the day and its time
        ("en", "The boat capsized on Sunday at about 3am.", "Sunday at about 3am", "2025-05-11T03:00"),
        (
            "nl",
            "De boot kapseisde zondag om ongeveer 3.00 uur.",
            "zondag om ongeveer 3.00 uur",
            "2025-05-11T03:00",
        ),
    ],
)
def test_a_time_followed_by_its_day_is_one_time_on_that_day(language, sentence, extent, value):
    t = only(sentence, language)
    assert (t.text, t.type, t.value, t.date_start) == (extent, "TIME", value, D.fromisoformat(value[:10]))


def test_a_hyphenated_length_is_a_duration_but_an_age_is_not():
    assert values("They sold 30-year bonds after a 16-hour flight.") == [
        ("30-year", "P30Y"),
        ("16-hour", "PT16H"),
    ]
    assert values("The 44-year-old minister resigned.") == []


@pytest.mark.parametrize(
    "language,sentence,extent,start,end",
    [
        ("en", "He left in mid-2026 for Paris.", "mid-2026", D(2026, 5, 3), D(2026, 8, 31)),
        ("nl", "Het plan volgt medio-2026.", "medio-2026", D(2026, 5, 3), D(2026, 8, 31)),
        # and to a month; in English, where 'march' and 'may' are verbs too, the part word is its context
        ("en", "By mid-March, 5,000 people had crossed.", "mid-March", D(2025, 3, 11), D(2025, 3, 21)),
        (
            "nl",
            "Tegen medio-maart waren er 5000 mensen overgestoken.",
            "medio-maart",
            D(2025, 3, 11),
            D(2025, 3, 21),
        ),
    ],
)
def test_a_part_word_hyphened_to_a_year_or_month(language, sentence, extent, start, end):
    t = only(sentence, language)
    assert (t.text, t.date_start, t.date_end) == (extent, start, end)


@pytest.mark.parametrize(
    "language,sentence,extent,value",
    [
        # Wednesday 14 May 2025; 12 March 2025 was a Wednesday: the part of the day belongs to the date
        ("nl", "Op woensdagavond 12 maart sprak de minister.", "woensdagavond 12 maart", "2025-03-12"),
        ("nl", "Op woensdag avond 12 maart sprak de minister.", "woensdag avond 12 maart", "2025-03-12"),
        (
            "en",
            "On Wednesday night, March 12, the minister spoke.",
            "Wednesday night, March 12",
            "2025-03-12",
        ),
        (
            "en",
            "On Wednesday evening 12 March the minister spoke.",
            "Wednesday evening 12 March",
            "2025-03-12",
        ),
    ],
)
def test_a_weekday_with_its_part_of_the_day_before_a_date_is_that_date(language, sentence, extent, value):
    t = only(sentence, language)
    assert (t.text, t.value) == (extent, value)


@pytest.mark.parametrize(
    "language,sentence,extent,value",
    [
        # the past decade is a length up to the document date, not the calendar decade before it
        ("nl", "Het afgelopen decennium veranderde veel.", "Het afgelopen decennium", "P10Y"),
        ("nl", "De voorbije eeuw veranderde veel.", "De voorbije eeuw", "P100Y"),
        ("en", "Over the past decade smugglers changed tactics.", "the past decade", "P10Y"),
    ],
)
def test_the_past_decade_is_a_length(language, sentence, extent, value):
    t = only(sentence, language)
    assert (t.text, t.type, t.value, t.date_start) == (extent, "DURATION", value, None)
    assert only("Het vorige decennium was anders.", "nl").value == "201"  # 'vorige' is the one before


@pytest.mark.parametrize(
    "language,sentence,dct,value,start,end,precision",
    [
        # March is five months ahead and seven back: the past tense of the clause decides
        (
            "en",
            "The chairman stepped down in March for health reasons.",
            D(2025, 10, 20),
            "2025-03",
            D(2025, 3, 1),
            D(2025, 3, 31),
            "month",
        ),
        (
            "nl",
            "De voorzitter zei dat hij in maart is opgestapt.",
            D(2025, 10, 20),
            "2025-03",
            D(2025, 3, 1),
            D(2025, 3, 31),
            "month",
        ),
        (
            "en",
            "The chairman stepped down on March 3.",
            D(2025, 10, 20),
            "2025-03-03",
            D(2025, 3, 3),
            D(2025, 3, 3),
            "day",
        ),
        # December is four and a half months back, seven ahead: a future tense decides
        (
            "en",
            "The mission will fly in December.",
            D(2025, 5, 14),
            "2025-12",
            D(2025, 12, 1),
            D(2025, 12, 31),
            "month",
        ),
        (
            "nl",
            "De missie zal in december vertrekken.",
            D(2025, 5, 14),
            "2025-12",
            D(2025, 12, 1),
            D(2025, 12, 31),
            "month",
        ),
        # near the document date the nearest stays, whatever the tense
        (
            "en",
            "The chairman stepped down in April.",
            D(2025, 5, 14),
            "2025-04",
            D(2025, 4, 1),
            D(2025, 4, 30),
            "month",
        ),
        (
            "en",
            "Results were strong in July.",
            D(2025, 5, 14),
            "2025-07",
            D(2025, 7, 1),
            D(2025, 7, 31),
            "month",
        ),
    ],
)
def test_a_month_far_from_the_document_date_takes_the_tense_of_its_clause(
    language, sentence, dct, value, start, end, precision
):
    t = only(sentence, language, Published(dct, dct, "day", "header"))
    assert (t.type, t.value) == ("DATE", value)
    assert (t.date_start, t.date_end, t.precision) == (start, end, precision)


NOV = Published(D(2025, 11, 2), D(2025, 11, 2), "day", "header")


@pytest.mark.parametrize(
    "language,text,extent,value,start,end",
    [
        # 'the latest quarter' is one over by the document date, not the fourth quarter a charge is expected in
        (
            "en",
            "Profit rose in the third quarter. A fourth-quarter charge is expected. Sales fell in the latest quarter.",
            "the latest quarter",
            "2025-Q3",
            D(2025, 7, 1),
            D(2025, 9, 30),
        ),
        (
            "nl",
            "De winst steeg in het derde kwartaal. Een last in het vierde kwartaal volgt. In het laatste kwartaal daalde de omzet.",
            "het laatste kwartaal",
            "2025-Q3",
            D(2025, 7, 1),
            D(2025, 9, 30),
        ),
        # with no quarter named: the last one over
        (
            "nl",
            "In het laatste kwartaal daalde de omzet.",
            "het laatste kwartaal",
            "2025-Q3",
            D(2025, 7, 1),
            D(2025, 9, 30),
        ),
        (
            "en",
            "In the most recent quarter sales fell.",
            "the most recent quarter",
            "2025-Q3",
            D(2025, 7, 1),
            D(2025, 9, 30),
        ),
        # 'last' as the ordinal of a named year
        (
            "en",
            "Sales fell in the last quarter of 2024.",
            "the last quarter of 2024",
            "2024-Q4",
            D(2024, 10, 1),
            D(2024, 12, 31),
        ),
        (
            "nl",
            "De omzet daalde in het laatste kwartaal van 2024.",
            "het laatste kwartaal van 2024",
            "2024-Q4",
            D(2024, 10, 1),
            D(2024, 12, 31),
        ),
        (
            "en",
            "Sales fell in the last half of 2024.",
            "the last half of 2024",
            "2024-H2",
            D(2024, 7, 1),
            D(2024, 12, 31),
        ),
        # 'last year' set against a figure: the quarter spoken of, a year back
        (
            "en",
            "Third-quarter profit rose. Earnings fell 59%, compared with earnings of $6 million last year.",
            "last year",
            "2024-Q3",
            D(2024, 7, 1),
            D(2024, 9, 30),
        ),
        (
            "nl",
            "De winst in het derde kwartaal steeg. De omzet daalde 5%, vergeleken met 6 miljoen vorig jaar.",
            "vorig jaar",
            "2024-Q3",
            D(2024, 7, 1),
            D(2024, 9, 30),
        ),
    ],
)
def test_latest_and_last_quarters_and_last_year_in_a_comparison(language, text, extent, value, start, end):
    t = [t for t in tag(text, NOV, language) if t.text == extent][0]
    assert (t.type, t.value) == ("DATE", value)
    assert (t.date_start, t.date_end, t.precision) == (start, end, "half" if "H" in value else "quarter")


def test_last_year_without_a_comparison_stays_the_year():
    t = [t for t in tag("Third-quarter profit rose. Last year the company lost money.", NOV, "en")][-1]
    assert (t.text, t.value, t.date_start, t.date_end, t.precision) == (
        "Last year",
        "2024",
        D(2024, 1, 1),
        D(2024, 12, 31),
        "year",
    )


@pytest.mark.parametrize(
    "language,sentence,extent,value,start,end,mod",
    [
        # a part of the current year, month or week (the document's): the last third for 'the end of'
        (
            "en",
            "Sales will rise by the end of the year.",
            "the end of the year",
            "2025",
            D(2025, 9, 1),
            D(2025, 12, 31),
            "END",
        ),
        ("en", "Sales will rise by year-end.", "year-end", "2025", D(2025, 9, 1), D(2025, 12, 31), "END"),
        (
            "en",
            "The bill is due at the end of the month.",
            "the end of the month",
            "2025-05",
            D(2025, 5, 22),
            D(2025, 5, 31),
            "END",
        ),
        (
            "nl",
            "De prijzen stijgen voor het einde van het jaar.",
            "het einde van het jaar",
            "2025",
            D(2025, 9, 1),
            D(2025, 12, 31),
            "END",
        ),
        (
            "nl",
            "De rekening komt eind van de maand.",
            "eind van de maand",
            "2025-05",
            D(2025, 5, 22),
            D(2025, 5, 31),
            "END",
        ),
        ("nl", "De balans per jaareinde.", "jaareinde", "2025", D(2025, 9, 1), D(2025, 12, 31), "END"),
        # 'earlier in' / 'later in' the current one: up to or from the document date
        (
            "en",
            "We met earlier in the week.",
            "earlier in the week",
            "2025-W20",
            D(2025, 5, 12),
            D(2025, 5, 13),
            "START",
        ),
        (
            "en",
            "We will meet later in the year.",
            "later in the year",
            "2025",
            D(2025, 5, 14),
            D(2025, 12, 31),
            "END",
        ),
    ],
)
def test_a_part_of_the_current_unit(language, sentence, extent, value, start, end, mod):
    t = only(sentence, language)
    assert (t.text, t.type, t.value, t.mod) == (extent, "DATE", value, mod)
    assert (t.date_start, t.date_end, t.precision) == (start, end, "range")


def test_a_month_long_fast_is_no_end_of_the_month():
    # not the end of this month: 'month-long' is the length of the fast
    assert values("It marks the end of the month-long fast.") == [("month-long", "P1M")]


@pytest.mark.parametrize(
    "language,sentence,extent,value,start,end,precision",
    [
        (
            "en",
            "He was born in nineteen ninety-six.",
            "nineteen ninety-six",
            "1996",
            D(1996, 1, 1),
            D(1996, 12, 31),
            "year",
        ),
        (
            "en",
            "It happened in January nineteen ninety-seven.",
            "January nineteen ninety-seven",
            "1997-01",
            D(1997, 1, 1),
            D(1997, 1, 31),
            "month",
        ),
        (
            "en",
            "Problems in the year two thousand are feared.",
            "the year two thousand",
            "2000",
            D(2000, 1, 1),
            D(2000, 12, 31),
            "year",
        ),
        (
            "en",
            "The law of March 3 twenty oh five.",
            "March 3 twenty oh five",
            "2005-03-03",
            D(2005, 3, 3),
            D(2005, 3, 3),
            "day",
        ),
        (
            "en",
            "It closed in two thousand and eighteen.",
            "two thousand and eighteen",
            "2018",
            D(2018, 1, 1),
            D(2018, 12, 31),
            "year",
        ),
        (
            "nl",
            "Hij werd geboren in negentien achtenzeventig.",
            "negentien achtenzeventig",
            "1978",
            D(1978, 1, 1),
            D(1978, 12, 31),
            "year",
        ),
        (
            "nl",
            "Dat was in negentienhonderd zesennegentig.",
            "negentienhonderd zesennegentig",
            "1996",
            D(1996, 1, 1),
            D(1996, 12, 31),
            "year",
        ),
        (
            "nl",
            "Op twintig september negentien achtenzeventig.",
            "twintig september negentien achtenzeventig",
            "1978-09-20",
            D(1978, 9, 20),
            D(1978, 9, 20),
            "day",
        ),
        (
            "nl",
            "In tweeduizend achttien gebeurde het.",
            "tweeduizend achttien",
            "2018",
            D(2018, 1, 1),
            D(2018, 12, 31),
            "year",
        ),
    ],
)
def test_years_in_words(language, sentence, extent, value, start, end, precision):
    t = only(sentence, language)
    assert (t.text, t.type, t.value) == (extent, "DATE", value)
    assert (t.date_start, t.date_end, t.precision) == (start, end, precision)


@pytest.mark.parametrize(
    "language,sentence",
    [
        ("en", "She sold two thousand shares."),
        ("en", "Nineteen twenty-five people came."),
        ("nl", "Het kostte tweeduizend euro."),
    ],
)
def test_counts_in_words_are_no_years(language, sentence):
    assert tag(sentence, DAY, language) == []


def test_the_full_year_is_the_year_spoken_of():
    t = [t for t in tag("Third-quarter profit rose. For the full year, sales will rise 5%.", NOV, "en")][-1]
    assert (t.text, t.type, t.value) == ("the full year", "DATE", "2025")
    assert (t.date_start, t.date_end, t.precision) == (D(2025, 1, 1), D(2025, 12, 31), "year")
    assert values("For the full year, sales will rise 5%.", dct=None) == []  # nothing to refer to


@pytest.mark.parametrize(
    "language, sentence",
    [
        ("en", "Mr. Reupke, 52 years old, will succeed him."),
        ("nl", "De man, 52 jaar oud, werd aangehouden."),
        ("en", "A second group of directors objected."),
        ("en", "It would be a second betrayal, she said."),
        ("en", "Iraq imports about three-quarters of its food."),
        ("en", "The funds hold more than a quarter of the market."),
    ],
)
def test_ages_ordinals_and_shares_are_no_lengths_of_time(language, sentence):
    assert tag(sentence, DAY, language) == []


@pytest.mark.parametrize(
    "sentence, extent, kind, value",
    [
        ("He paused for a second.", "a second", "DURATION", "PT1S"),
        ("It followed several quarters of losses.", "several quarters", "DURATION", "PXQ"),
        ("The stock pays a dividend of $1.76 a year.", "a year", "SET", "P1Y"),
        ("The airline runs four flights a week.", "a week", "SET", "P1W"),
        ("It saves $500 million a year in costs.", "a year", "SET", "P1Y"),
        ("Prices rose 5% in a year.", "a year", "DURATION", "P1Y"),
    ],
)
def test_a_unit_after_an_amount_is_a_rate(sentence, extent, kind, value):
    t = only(sentence, "en")
    assert (t.text, t.type, t.value) == (extent, kind, value)
    assert (t.date_start, t.date_end) == (None, None)


@pytest.mark.parametrize(
    "language, sentence, extent, value, start, end, precision",
    [
        ("nl", "In week 12 wordt besloten.", "week 12", "2025-W12", D(2025, 3, 17), D(2025, 3, 23), "week"),
        (
            "nl",
            "Het rapport verschijnt in week 3 van 2026.",
            "week 3 van 2026",
            "2026-W03",
            D(2026, 1, 12),
            D(2026, 1, 18),
            "week",
        ),
        (
            "en",
            "Sales rose in week 31 of 2018.",
            "week 31 of 2018",
            "2018-W31",
            D(2018, 7, 30),
            D(2018, 8, 5),
            "week",
        ),
        (
            "nl",
            "Van week 31 tot week 35 is het dicht.",
            "Van week 31 tot week 35",
            "2025-W31/2025-W35",
            D(2025, 7, 28),
            D(2025, 8, 24),  # Dutch 'tot' stops before week 35
            "range",
        ),
        (
            "en",
            "The office is closed from week 31 to week 35.",
            "from week 31 to week 35",
            "2025-W31/2025-W35",
            D(2025, 7, 28),
            D(2025, 8, 31),
            "range",
        ),
    ],
)
def test_numbered_weeks(language, sentence, extent, value, start, end, precision):
    check(only(sentence, language), extent, value, start, end, precision)


@pytest.mark.parametrize(
    "sentence, extent, value, start, end, precision",
    [
        # Wednesday 14 May 2025: 'aanstaande vrijdag' is the first Friday to come, 'volgende vrijdag' next week's
        (
            "Ik ga aanstaande vrijdag terug.",
            "aanstaande vrijdag",
            "2025-05-16",
            D(2025, 5, 16),
            D(2025, 5, 16),
            "day",
        ),
        (
            "Aankomende woensdag stemt de Kamer.",
            "Aankomende woensdag",
            "2025-05-21",
            D(2025, 5, 21),
            D(2025, 5, 21),
            "day",
        ),
        (
            "Ik ga volgende vrijdag terug.",
            "volgende vrijdag",
            "2025-05-23",
            D(2025, 5, 23),
            D(2025, 5, 23),
            "day",
        ),
        # a decade written with its first year
        (
            "In de jaren 1970 groeide de stad.",
            "de jaren 1970",
            "197",
            D(1970, 1, 1),
            D(1979, 12, 31),
            "multi_year",
        ),
        ("Dat begon in de jaren 2000.", "de jaren 2000", "200", D(2000, 1, 1), D(2009, 12, 31), "multi_year"),
        (
            "In de jaren 1990 tot 2000 groeide de stad.",
            "1990 tot 2000",
            "1990/2000",
            D(1990, 1, 1),
            D(1999, 12, 31),
            "multi_year",
        ),
    ],
)
def test_upcoming_weekdays_and_decades_by_their_first_year(sentence, extent, value, start, end, precision):
    check(only(sentence, "nl"), extent, value, start, end, precision)


@pytest.mark.parametrize(
    "language, sentence, extent, value, start, end",
    [
        # a week belongs to the month or year that holds its Thursday (as ISO counts a year's weeks)
        (
            "nl",
            "De eerste week van 2015 was koud.",
            "De eerste week van 2015",
            "2015-W01",
            D(2014, 12, 29),
            D(2015, 1, 4),
        ),
        (
            "nl",
            "In de laatste week van 2015 viel sneeuw.",
            "de laatste week van 2015",
            "2015-W53",
            D(2015, 12, 28),
            D(2016, 1, 3),
        ),
        (
            "nl",
            "Ik ben de derde week van deze maand weg.",
            "de derde week van deze maand",
            "2025-W20",
            D(2025, 5, 12),
            D(2025, 5, 18),
        ),
        (
            "en",
            "It closed the last week of July 2017.",
            "the last week of July 2017",
            "2017-W30",
            D(2017, 7, 24),
            D(2017, 7, 30),
        ),
        (
            "en",
            "We met the first week of this year.",
            "the first week of this year",
            "2025-W01",
            D(2024, 12, 30),
            D(2025, 1, 5),
        ),
    ],
)
def test_the_nth_week_of_a_month_or_year(language, sentence, extent, value, start, end):
    check(only(sentence, language), extent, value, start, end, "week")


@pytest.mark.parametrize(
    "language, sentence, extent, kind, value, start",
    [
        # the period of an abbreviation ends no sentence: the clause keeps its 'will' / 'zal'
        (
            "en",
            "The father will leave at 4 a.m. EDT Thursday.",
            "4 a.m. EDT Thursday",
            "TIME",
            "2025-05-15T04:00",
            D(2025, 5, 15),
        ),
        (
            "nl",
            "De staatssecretaris zal o.a. vrijdag spreken.",
            "vrijdag",
            "DATE",
            "2025-05-16",
            D(2025, 5, 16),
        ),
        ("nl", "Dhr. Jansen zal vrijdag spreken.", "vrijdag", "DATE", "2025-05-16", D(2025, 5, 16)),
        # 'next to' says where, not when
        (
            "en",
            "The bombs went off next to the U.S. embassy on Friday.",
            "Friday",
            "DATE",
            "2025-05-09",
            D(2025, 5, 9),
        ),
        (
            "en",
            "Revenue was 4.5 million. He will speak Friday.",
            "Friday",
            "DATE",
            "2025-05-16",
            D(2025, 5, 16),
        ),
        # letters between dots are an abbreviation ('D.C.', 'o.l.v.'); an abbreviation that is a word
        # too ends the sentence before a capital ('the sun. On Friday', 'blijft het zo. Vrijdag')
        (
            "en",
            "Leaders will meet in Washington, D.C. on Friday.",
            "Friday",
            "DATE",
            "2025-05-16",
            D(2025, 5, 16),
        ),
        (
            "nl",
            "De raad zal o.l.v. de burgemeester vrijdag vergaderen.",
            "vrijdag",
            "DATE",
            "2025-05-16",
            D(2025, 5, 16),
        ),
        (
            "en",
            "Residents will face the heat of the sun. On Friday temperatures hit 40C.",
            "Friday",
            "DATE",
            "2025-05-09",
            D(2025, 5, 9),
        ),
        (
            "nl",
            "Het kabinet gaat dat regelen, maar voorlopig blijft het zo. Vrijdag debatteerde de Kamer erover.",
            "Vrijdag",
            "DATE",
            "2025-05-09",
            D(2025, 5, 9),
        ),
        # a number before a full stop is no initial: the sentence ends there ('It was late' is another)
        (
            "en",
            "He will see the board Friday in room 6. It was late.",
            "Friday",
            "DATE",
            "2025-05-16",
            D(2025, 5, 16),
        ),
        (
            "nl",
            "Hij zal de raad vrijdag zien in zaal 6. Het was laat.",
            "vrijdag",
            "DATE",
            "2025-05-16",
            D(2025, 5, 16),
        ),
    ],
)
def test_the_clause_of_a_weekday_runs_past_abbreviations(language, sentence, extent, kind, value, start):
    t = only(sentence, language)
    assert (t.text, t.type, t.value, t.date_start) == (extent, kind, value, start)


@pytest.mark.parametrize(
    "language, sentence, extent, value",
    [
        ("en", "Flights leave each Thursday.", "each Thursday", "XXXX-WXX-4"),
        ("en", "We meet every Monday morning.", "every Monday morning", "XXXX-WXX-1TMO"),
        ("en", "The fair opens every July.", "every July", "XXXX-07"),
        ("nl", "De raad vergadert iedere dinsdagavond.", "iedere dinsdagavond", "XXXX-WXX-2TEV"),
        ("nl", "Het festival is elke januari.", "elke januari", "XXXX-01"),
    ],
)
def test_each_weekday_or_month_is_a_set(language, sentence, extent, value):
    t = only(sentence, language)
    assert (t.text, t.type, t.value, t.date_start, t.date_end) == (extent, "SET", value, None, None)


@pytest.mark.parametrize(
    "language, sentence, extent, value, start",
    [
        ("en", "Talks broke off at noon Tuesday.", "noon Tuesday", "2025-05-13T12:00", D(2025, 5, 13)),
        (
            "en",
            "The offer expired at midnight Monday.",
            "midnight Monday",
            "2025-05-12T24:00",
            D(2025, 5, 12),
        ),
        ("en", "At midday the rain stopped.", "midday", "2025-05-14T12:00", D(2025, 5, 14)),
        ("nl", "Ik ben rond het middaguur terug.", "het middaguur", "2025-05-14T12:00", D(2025, 5, 14)),
        (
            "nl",
            "De stemming sloot dinsdag om middernacht.",
            "dinsdag om middernacht",
            "2025-05-13T24:00",
            D(2025, 5, 13),
        ),
    ],
)
def test_times_of_day_named_by_a_word(language, sentence, extent, value, start):
    found = [t for t in tag(sentence, DAY, language) if t.text == extent]
    assert len(found) == 1, [(t.text, t.value) for t in tag(sentence, DAY, language)]
    t = found[0]
    assert (t.value, t.date_start, t.date_end, t.precision) == (value, start, start, "day")


def test_high_noon_is_no_time():
    assert tag("The film High Noon, and for Poland high noon comes today.", DAY, "en")[0].text == "today"


@pytest.mark.parametrize(
    "language, sentence, extent, value",
    [
        ("nl", "Het onderzoek duurde een half jaar.", "een half jaar", "P6M"),
        ("nl", "Hij zat anderhalf jaar vast.", "anderhalf jaar", "P1Y6M"),
        ("nl", "De vergadering duurde twee en een half uur.", "twee en een half uur", "PT2H30M"),
        ("nl", "Dat speelt al een halve eeuw.", "een halve eeuw", "P50Y"),
        ("nl", "De staking duurde anderhalve dag.", "anderhalve dag", "P1DT12H"),
        ("en", "The talks lasted 2 1/2 years.", "2 1/2 years", "P2Y6M"),
        ("en", "The flight took 5 1/2 hours.", "5 1/2 hours", "PT5H30M"),
        ("en", "It lasted a minute and a half.", "a minute and a half", "PT1M30S"),
        ("en", "The meeting took half an hour.", "half an hour", "PT30M"),
        ("en", "He served one and a half years.", "one and a half years", "P1Y6M"),
    ],
)
def test_durations_with_a_half(language, sentence, extent, value):
    t = only(sentence, language)
    assert (t.text, t.type, t.value, t.date_start) == (extent, "DURATION", value, None)


def test_half_an_hour_from_now_is_on_the_document_day():
    t = only("What about half an hour from now?", "en")
    assert (t.text, t.type, t.date_start, t.date_end) == (
        "half an hour from now",
        "TIME",
        D(2025, 5, 14),
        D(2025, 5, 14),
    )


@pytest.mark.parametrize(
    "language, sentence, extent",
    [
        ("en", "Sales fell sharply in the past year.", "the past year"),
        ("nl", "De omzet daalde het afgelopen jaar.", "het afgelopen jaar"),
    ],
)
def test_the_past_year_is_last_year(language, sentence, extent):
    check(only(sentence, language), extent, "2024", D(2024, 1, 1), D(2024, 12, 31), "year")


def test_the_past_three_years_stay_a_length_of_time():
    t = only("Sales fell in the past three years.", "en")
    assert (t.type, t.value) == ("DURATION", "P3Y")


@pytest.mark.parametrize(
    "language, sentence, extent, value, start, end, precision",
    [
        # from the document date (Wednesday 14 May 2025) to the end of the unit
        (
            "nl",
            "De rest van het jaar blijft het rustig.",
            "De rest van het jaar",
            "2025",
            D(2025, 5, 14),
            D(2025, 12, 31),
            "range",
        ),
        (
            "nl",
            "Ik ben rest deze week weg.",
            "rest deze week",
            "2025-W20",
            D(2025, 5, 14),
            D(2025, 5, 18),
            "range",
        ),
        (
            "en",
            "Prices will rise for the remainder of the month.",
            "the remainder of the month",
            "2025-05",
            D(2025, 5, 14),
            D(2025, 5, 31),
            "range",
        ),
        # a unit wholly to come is all of it
        (
            "nl",
            "De rest van volgend jaar is gepland.",
            "De rest van volgend jaar",
            "2026",
            D(2026, 1, 1),
            D(2026, 12, 31),
            "year",
        ),
    ],
)
def test_the_rest_of_a_unit(language, sentence, extent, value, start, end, precision):
    check(only(sentence, language), extent, value, start, end, precision)


def test_the_rest_of_the_world_is_no_time():
    assert tag("It will give the rest of the world a view.", DAY, "en") == []


@pytest.mark.parametrize(
    "language, sentence, extent, kind, value, start",
    [
        ("nl", "De herdenking begint om 20.00 uur.", "20.00 uur", "TIME", "2025-05-14T20:00", D(2025, 5, 14)),
        ("nl", "Leg een meeting vast om 8.00.", "8.00", "TIME", "2025-05-14T08:00", D(2025, 5, 14)),
        (
            "nl",
            "Ik zal vandaag om 20.30 terug gaan.",
            "vandaag om 20.30",
            "TIME",
            "2025-05-14T20:30",
            D(2025, 5, 14),
        ),
        (
            "nl",
            "Overmorgen om 8.00 vertrekt de trein.",
            "Overmorgen om 8.00",
            "TIME",
            "2025-05-16T08:00",
            D(2025, 5, 16),
        ),
        (
            "en",
            "The vote closes tomorrow at noon.",
            "tomorrow at noon",
            "TIME",
            "2025-05-15T12:00",
            D(2025, 5, 15),
        ),
        ("nl", "De vergadering duurde 1,5 uur.", "1,5 uur", "DURATION", "PT1H30M", None),
        ("nl", "Dat duurt nog 2,5 jaar.", "2,5 jaar", "DURATION", "P2Y6M", None),
    ],
)
def test_dutch_clock_times_and_a_time_on_its_day(language, sentence, extent, kind, value, start):
    t = only(sentence, language)
    assert (t.text, t.type, t.value, t.date_start) == (extent, kind, value, start)


@pytest.mark.parametrize(
    "sentence", ["Het kost tussen 2.50 en 3.50 euro.", "De koers steeg 12.50 punten.", "Het cijfer was 8.00."]
)
def test_dotted_numbers_are_no_times(sentence):
    assert [t.type for t in tag(sentence, DAY, "nl")] == []


@pytest.mark.parametrize(
    "language, sentence, extent, kind, value",
    [
        # an apostrophe however it is typeset
        ("nl", "Hij kwam ’s avonds thuis.", "’s avonds", "SET", "TEV"),
        ("nl", "Hij kwam ‘s nachts thuis.", "‘s nachts", "SET", "TNI"),
        ("en", "The party was on New Year’s Day.", "New Year’s Day", "DATE", "2025-01-01"),
        # Dutch clock words: the half hour counts towards the next hour
        ("nl", "Het is half negen.", "half negen", "TIME", "2025-05-14T08:30"),
        ("nl", "De raad begint om kwart over acht.", "kwart over acht", "TIME", "2025-05-14T08:15"),
        ("nl", "Het is kwart voor 10 ’s avonds.", "kwart voor 10 ’s avonds", "TIME", "2025-05-14T21:45"),
        (
            "nl",
            "De trein vertrekt om tien voor half zeven.",
            "tien voor half zeven",
            "TIME",
            "2025-05-14T06:20",
        ),
        (
            "nl",
            "Het debat eindigde om vijf over half acht 's avonds.",
            "vijf over half acht 's avonds",
            "TIME",
            "2025-05-14T19:35",
        ),
        ("nl", "Het overleg begon om half één.", "half één", "TIME", "2025-05-14T12:30"),
    ],
)
def test_apostrophes_and_dutch_clock_words(language, sentence, extent, kind, value):
    t = only(sentence, language)
    assert (t.text, t.type, t.value) == (extent, kind, value)


def test_five_to_twelve_alone_is_a_saying():
    assert tag("Het is vijf voor twaalf voor het klimaat.", DAY, "nl") == []


@pytest.mark.parametrize(
    "language, sentence, expected",
    [
        ("en", 'Baker said on ABC-TV\'s "This Week With David Brinkley" that it was over.', []),
        ("en", "This week the talks resumed.", [("This week", "2025-W20")]),
        ("en", "THIS WEEK THE TALKS RESUMED.", [("THIS WEEK", "2025-W20")]),
        ("nl", 'Hij zei in het programma "Deze Week" dat het voorbij was.', []),
    ],
)
def test_a_title_cased_unit_is_a_title(language, sentence, expected):
    assert [(t.text, t.value) for t in tag(sentence, DAY, language)] == expected


@pytest.mark.parametrize(
    "language, sentence, extent, kind, value",
    [
        ("nl", "Het debat begint om 8 uur.", "8 uur", "TIME", "2025-05-14T08:00"),
        ("nl", "Het debat begint rond acht uur 's avonds.", "acht uur 's avonds", "TIME", "2025-05-14T20:00"),
        ("nl", "Ik ben om 7:56 ’s avonds terug.", "7:56 ’s avonds", "TIME", "2025-05-14T19:56"),
        ("nl", "Het debat duurde acht uur.", "acht uur", "DURATION", "PT8H"),
        ("en", "I'll move the ten am appointment.", "ten am", "TIME", "2025-05-14T10:00"),
        ("en", "We meet at eight o'clock.", "eight o'clock", "TIME", "2025-05-14T08:00"),
    ],
)
def test_hours_in_words_and_parts_of_the_day_after_a_time(language, sentence, extent, kind, value):
    t = only(sentence, language)
    assert (t.text, t.type, t.value) == (extent, kind, value)


@pytest.mark.parametrize(
    "language, sentence, extent, value, start, end",
    [
        # a century as it is spoken of and as TimeML writes it: '20' is 2000-2099
        ("nl", "Dat is de opgave van de 21e eeuw.", "de 21e eeuw", "20", D(2000, 1, 1), D(2099, 12, 31)),
        ("en", "It shaped the 20th century.", "the 20th century", "19", D(1900, 1, 1), D(1999, 12, 31)),
        ("en", "The biggest storm this century hit.", "this century", "20", D(2000, 1, 1), D(2099, 12, 31)),
    ],
)
def test_centuries_as_spoken_of(language, sentence, extent, value, start, end):
    check(only(sentence, language), extent, value, start, end, "multi_year")


@pytest.mark.parametrize(
    "language, sentence, extent, value, start, end",
    [
        (
            "en",
            "Talks resume the week of March 3.",
            "the week of March 3",
            "2025-W10",
            D(2025, 3, 3),
            D(2025, 3, 9),
        ),
        (
            "nl",
            "In de week van 9 oktober 2024 viel het besluit.",
            "de week van 9 oktober 2024",
            "2024-W41",
            D(2024, 10, 7),
            D(2024, 10, 13),
        ),
    ],
)
def test_the_week_of_a_day(language, sentence, extent, value, start, end):
    check(only(sentence, language), extent, value, start, end, "week")


OCT = Published(D(1989, 10, 30), D(1989, 10, 30), "day", "header")  # a Monday in autumn


@pytest.mark.parametrize(
    "language, sentence, extent, value, start, end",
    [
        (
            "en",
            "Control Data scrapped it this past spring.",
            "this past spring",
            "1989-SP",
            D(1989, 3, 1),
            D(1989, 5, 31),
        ),
        ("nl", "Het gebeurde afgelopen zomer.", "afgelopen zomer", "1989-SU", D(1989, 6, 1), D(1989, 8, 31)),
        ("en", "A strike began last spring.", "last spring", "1988-SP", D(1988, 3, 1), D(1988, 5, 31)),
        ("nl", "Komende winter wordt het koud.", "Komende winter", "1989-WI", D(1989, 12, 1), D(1990, 2, 28)),
        ("en", "They met last weekend.", "last weekend", "1989-W43-WE", D(1989, 10, 28), D(1989, 10, 29)),
        ("en", "Eight trading days later it recovered.", "Eight trading days", "P8D", None, None),
        ("nl", "Dat duurt vier werkdagen.", "vier werkdagen", "P4D", None, None),
        (
            "en",
            "The Times says on Thursday, Jan. 4: it was fine.",
            "Thursday, Jan. 4",
            "1990-01-04",
            D(1990, 1, 4),
            D(1990, 1, 4),
        ),
    ],
)
def test_seasons_weekends_working_days(language, sentence, extent, value, start, end):
    t = only(sentence, language, OCT)
    assert (t.text, t.value, t.date_start, t.date_end) == (extent, value, start, end)


@pytest.mark.parametrize(
    "language, sentence",
    [("en", "The post-1959 politics split families."), ("nl", "De pre-2000 regels golden niet.")],
)
def test_a_year_after_post_or_pre(language, sentence):
    t = only(sentence, language)
    assert (t.type, t.value, t.precision) == ("DATE", t.text, "year")


@pytest.mark.parametrize(
    "sentence, extent, value",
    [
        ("Prices soared in the seventies.", "the seventies", "197"),
        ("Prices soared in the nineteen seventies.", "the nineteen seventies", "197"),
        ("Prices soared in the '80s.", "the '80s", "198"),
        ("Prices soared in the 70s.", "the 70s", "197"),
    ],
)
def test_decades_in_words_and_two_digits(sentence, extent, value):
    t = only(sentence, "en")
    assert (t.text, t.value, t.date_start.year, t.date_end.year) == (
        extent,
        value,
        int(value) * 10,
        int(value) * 10 + 9,
    )


def test_an_age_in_decades_is_no_decade():
    assert tag("A woman in her forties ran.", DAY, "en") == []


@pytest.mark.parametrize(
    "language, sentence, extent, value, start, end, mod",
    [
        # Wednesday 14 May 2025: 'earlier this year' runs up to the day before, 'later this week' from the day on
        (
            "en",
            "Prices rose earlier this year.",
            "earlier this year",
            "2025",
            D(2025, 1, 1),
            D(2025, 5, 13),
            "START",
        ),
        (
            "en",
            "Prices will rise later this week.",
            "later this week",
            "2025-W20",
            D(2025, 5, 14),
            D(2025, 5, 18),
            "END",
        ),
        (
            "nl",
            "De prijzen stegen eerder dit jaar.",
            "eerder dit jaar",
            "2025",
            D(2025, 1, 1),
            D(2025, 5, 13),
            "START",
        ),
        (
            "nl",
            "De prijzen stijgen later deze maand.",
            "later deze maand",
            "2025-05",
            D(2025, 5, 14),
            D(2025, 5, 31),
            "END",
        ),
    ],
)
def test_earlier_and_later_in_the_current_unit(language, sentence, extent, value, start, end, mod):
    t = only(sentence, language)
    assert (t.text, t.value, t.date_start, t.date_end, t.precision, t.mod) == (
        extent,
        value,
        start,
        end,
        "range",
        mod,
    )


@pytest.mark.parametrize(
    "language,sentence,extent,value",
    [
        ("en", "The two countries have been at odds for years.", "years", "PXY"),
        ("en", "Troops could be deployed within weeks.", "weeks", "PXW"),
        ("en", "Prices rose over the years.", "years", "PXY"),
        ("en", "Rates may fall in the coming weeks.", "the coming weeks", "PXW"),
        ("en", "Funds will sell in the months ahead.", "the months ahead", "PXM"),
        ("en", "They ended their third day-long meeting.", "day-long", "P1D"),
        ("en", "It is a decades-long battle.", "decades-long", "PXY"),
        ("en", "The mosque dominated the skyline for centuries.", "centuries", "PXY"),
        ("nl", "De twee landen liggen al jaren overhoop.", "jaren", "PXY"),
        ("nl", "De rente daalt in de komende weken.", "de komende weken", "PXW"),
        ("nl", "De afgelopen maanden steeg de prijs.", "De afgelopen maanden", "PXM"),
        ("nl", "Na dagenlange onderhandelingen kwam er een akkoord.", "dagenlange", "PXD"),
        ("nl", "Hij zat er jarenlang.", "jarenlang", "PXY"),
    ],
)
def test_plural_units_without_a_number_are_a_stretch_of_unknown_length(language, sentence, extent, value):
    t = only(sentence, language)
    assert (t.text, t.type, t.value, t.date_start) == (extent, "DURATION", value, None)


@pytest.mark.parametrize(
    "language,sentence,extent,value",
    [
        ("en", "He stayed a couple of years.", "a couple of years", "P2Y"),
        ("en", "Talks go on over the next couple of years.", "the next couple of years", "P2Y"),
        ("nl", "Ik ben een paar dagen weg.", "een paar dagen", "P2D"),
        ("nl", "De komende paar weken wordt er gebouwd.", "De komende paar weken", "P2W"),
        ("en", "He stayed several years.", "several years", "PXY"),  # no number it is written with
    ],
)
def test_a_couple_is_written_as_two_but_dates_nothing(language, sentence, extent, value):
    t = only(sentence, language)
    assert (t.text, t.type, t.value, t.date_start, t.date_end) == (extent, "DURATION", value, None, None)


@pytest.mark.parametrize(
    "sentence",
    [
        "The years 1990 to 1995 were hard.",  # no lead word: the years of a range
        "After years of talks, nothing changed.",  # 'after' is no lead word
        "For the years 1990 and 1991 the figures are missing.",
    ],
)
def test_a_plural_unit_without_its_lead_word_is_no_length_of_time(sentence):
    assert all(t.type != "DURATION" for t in tag(sentence, DAY, "en"))


@pytest.mark.parametrize(
    "sentence,extent,value,start,end",
    [
        (
            "What will happen in the 5 upcoming years?",
            "5 upcoming years",
            "P5Y",
            D(2025, 5, 15),
            D(2030, 5, 14),
        ),
        (
            "What happened in the 10 previous weeks?",
            "10 previous weeks",
            "P10W",
            D(2025, 3, 5),
            D(2025, 5, 13),
        ),
    ],
)
def test_a_deictic_between_the_number_and_the_unit(sentence, extent, value, start, end):
    t = only(sentence, "en")
    assert (t.text, t.type, t.value, t.date_start, t.date_end) == (extent, "DURATION", value, start, end)


def test_a_deictic_after_a_number_before_a_singular_unit_is_a_date():
    assert values("Shares were up 5 last week.") == [("last week", "2025-W19")]


@pytest.mark.parametrize(
    "sentence,extent",
    [
        ("The 30-day period ends today.", "30-day"),
        ("It ended the eight-year war.", "eight-year"),
        ("the two-week visit", "two-week"),
    ],
)
def test_the_article_of_a_hyphenated_length_belongs_to_its_noun(sentence, extent):
    assert tag(sentence, DAY, "en")[0].text == extent


@pytest.mark.parametrize(
    "language,sentence,extent,value",
    [
        ("en", "Where were you two days before yesterday?", "two days before yesterday", "2025-05-11"),
        ("en", "Are you available three weeks from tomorrow?", "three weeks from tomorrow", "2025-06-05"),
        ("en", "Are you available two days after today?", "two days after today", "2025-05-16"),
        ("nl", "Waar was je twee dagen voor gisteren?", "twee dagen voor gisteren", "2025-05-11"),
        ("nl", "Ben je drie weken na morgen beschikbaar?", "drie weken na morgen", "2025-06-05"),
        (
            "nl",
            "Ik ga terug vier dagen gerekend vanaf gisteren.",
            "vier dagen gerekend vanaf gisteren",
            "2025-05-17",
        ),
    ],
)
def test_a_number_of_units_from_a_relative_day(language, sentence, extent, value):
    t = only(sentence, language)
    day = D.fromisoformat(value)
    check(t, extent, value, day, day, "day")
    assert only(sentence, language, dct=None).date_start is None  # no document date, no day


def test_a_length_of_time_from_a_relative_day_needs_a_day_or_longer():
    # '3 minutes from today' is a length and a day (Recognizers-Text), not a moment of that day
    assert values("Let's start 3 minutes from today") == [("3 minutes", "PT3M"), ("today", "2025-05-14")]


@pytest.mark.parametrize(
    "sentence,expected",
    [
        ("His car was seen 10 days before the murder.", [("10 days", "P10D")]),
        ("Banks must wait at least 30 days before closing.", [("at least 30 days", "P30D")]),
        ("He said so in an interview several months before he left.", [("several months", "PXM")]),
        ("He had left the country 10 days before.", [("10 days before", "2025-05-04")]),
    ],
)
def test_before_a_word_counts_from_that_event_not_from_the_document_date(sentence, expected):
    assert values(sentence) == expected


def test_two_weeks_from_now_in_dutch():
    t = only("Ik ga twee weken vanaf nu terug.", "nl")
    check(t, "twee weken vanaf nu", "2025-W22", D(2025, 5, 26), D(2025, 6, 1), "week")


@pytest.mark.parametrize(
    "language,sentence,extent,value,start,end,precision",
    [
        (
            "nl",
            "In negentienachtentwintig",
            "negentienachtentwintig",
            "1928",
            D(1928, 1, 1),
            D(1928, 12, 31),
            "year",
        ),
        (
            "nl",
            "Het gebeurde in juni negentiennegenennegentig.",
            "juni negentiennegenennegentig",
            "1999-06",
            D(1999, 6, 1),
            D(1999, 6, 30),
            "month",
        ),
        (
            "nl",
            "op de tiende van september, tweeduizend",
            "tiende van september, tweeduizend",
            "2000-09-10",
            D(2000, 9, 10),
            D(2000, 9, 10),
            "day",
        ),
        (
            "en",
            "It happened in June of nineteen ninety nine.",
            "June of nineteen ninety nine",
            "1999-06",
            D(1999, 6, 1),
            D(1999, 6, 30),
            "month",
        ),
        (
            "en",
            "In the spring of nineteen seventy eight",
            "the spring of nineteen seventy eight",
            "1978-SP",
            D(1978, 3, 1),
            D(1978, 5, 31),
            "season",
        ),
        (
            "en",
            "It was the winter of nineteen ninety-four.",
            "the winter of nineteen ninety-four",
            "1994-WI",
            D(1994, 12, 1),
            D(1995, 2, 28),
            "season",
        ),
        (
            "nl",
            "Ik ben het derde kwartaal van tweeduizend twintig weg.",
            "het derde kwartaal van tweeduizend twintig",
            "2020-Q3",
            D(2020, 7, 1),
            D(2020, 9, 30),
            "quarter",
        ),
    ],
)
def test_a_year_in_words_inside_a_date(language, sentence, extent, value, start, end, precision):
    check(only(sentence, language), extent, value, start, end, precision)


def test_a_thousand_word_alone_is_no_year():
    assert tag("Achttienduizend mensen kwamen.", DAY, "nl") == []


@pytest.mark.parametrize(
    "language,sentence,extent,value",
    [
        ("nl", "Ik ga 28-nov terug.", "28-nov", "2024-11-28"),  # the nearest 28 November to 14 May 2025
        ("nl", "ik zal 1-sep-2019 teruggaan.", "1-sep-2019", "2019-09-01"),
        ("nl", "ik zal 01/sep/2019 teruggaan.", "01/sep/2019", "2019-09-01"),
        ("en", "The date should be 05-Aug-2016.", "05-Aug-2016", "2016-08-05"),
        ("en", "It opens on 1-Jun in Paris.", "1-Jun", "2025-06-01"),
    ],
)
def test_a_day_and_a_month_name_joined_by_a_hyphen_or_slash(language, sentence, extent, value):
    day = D.fromisoformat(value)
    check(only(sentence, language), extent, value, day, day, "day")


def test_a_joined_english_month_in_lower_case_is_no_month():
    assert values("It was 1-may be") == []  # 'may' in lower case is the verb


def test_election_day_is_the_tuesday_after_the_first_monday_of_november():
    check(
        only("Polls close on Election Day 2024.", "en"),
        "Election Day 2024",
        "2024-11-05",
        D(2024, 11, 5),
        D(2024, 11, 5),
        "day",
    )
    # 2026: 1 November is a Sunday, so the first Monday is the 2nd and Election Day the 3rd
    check(
        only("Voters go out on Election Day 2026.", "en"),
        "Election Day 2026",
        "2026-11-03",
        D(2026, 11, 3),
        D(2026, 11, 3),
        "day",
    )


def test_these_days_is_the_present():
    t = only("Markets hurt more painfully these days.", "en")
    check(t, "these days", "PRESENT_REF", D(2025, 5, 14), D(2025, 5, 14), "day")


@pytest.mark.parametrize(
    "language,sentence,extent,start,end",
    [
        (
            "nl",
            "Ik ben van 2 tot 7 feb, tweeduizend achttien weg.",
            "van 2 tot 7 feb, tweeduizend achttien",
            D(2018, 2, 2),
            D(2018, 2, 6),
        ),
        (
            "en",
            "I'll be out from 2 to 7 Feb, two thousand and eighteen.",
            "from 2 to 7 Feb, two thousand and eighteen",
            D(2018, 2, 2),
            D(2018, 2, 7),
        ),
    ],
)
def test_a_range_of_days_with_a_year_in_words(language, sentence, extent, start, end):
    t = only(sentence, language)
    assert (t.text, t.date_start, t.date_end, t.precision) == (extent, start, end, "range")


@pytest.mark.parametrize(
    "language,sentence,extent,value",
    [
        # the day of a month near the document date that falls on that weekday
        ("en", "I went back Friday the 27th.", "Friday the 27th", "1989-10-27"),
        ("nl", "Ik ging vrijdag de 27e terug.", "vrijdag de 27e", "1989-10-27"),
        ("en", "We meet on Saturday the fourth.", "Saturday the fourth", "1989-11-04"),
        # after a comma an ordinal with a noun of its own counts something else: the weekday alone
        ("en", "We meet Friday, the 27th.", "Friday, the 27th", "1989-10-27"),
        ("en", "Prices closed lower again Friday, the fourth decline in five days.", "Friday", "1989-10-27"),
        ("nl", "De koersen daalden vrijdag, de vierde daling in vijf dagen.", "vrijdag", "1989-10-27"),
        # an ordinal in words with a word after it: a day near the document date, else it counts the noun
        ("en", "Apple showed on Friday the second generation of its chips.", "Friday", "1989-10-27"),
        ("nl", "Apple toonde vrijdag de tweede generatie chips.", "vrijdag", "1989-10-27"),
        ("en", "On Friday the first round of talks began.", "Friday", "1989-10-27"),  # near, but 'round of'
        ("nl", "Vrijdag de eerste ronde van de gesprekken begon.", "Vrijdag", "1989-10-27"),
        ("en", "I go back on Friday the third at six.", "Friday the third", "1989-11-03"),
        ("nl", "Ik ga vrijdag de derde terug.", "vrijdag de derde", "1989-11-03"),
    ],
)
def test_a_weekday_with_its_day_of_the_month_but_not_with_an_ordinal_of_a_noun(
    language, sentence, extent, value
):
    t = [t for t in tag(sentence, OCT, language) if t.type == "DATE"][0]
    d = D(*map(int, value.split("-")))
    assert (t.text, t.value, t.date_start, t.date_end, t.precision) == (extent, value, d, d, "day")


@pytest.mark.parametrize(
    "language,sentence,extent,value",
    [
        # the weekday of the week named after it, not the nearest one (DAY is Wednesday 14 May 2025)
        ("en", "The vote is on Friday next week.", "Friday next week", "2025-05-23"),
        ("en", "He left on Monday of last week.", "Monday of last week", "2025-05-05"),
        ("en", "It ends Friday this week.", "Friday this week", "2025-05-16"),
        ("nl", "De stemming is vrijdag volgende week.", "vrijdag volgende week", "2025-05-23"),
        ("nl", "Hij vertrok op maandag van vorige week.", "maandag van vorige week", "2025-05-05"),
        ("nl", "Het eindigt vrijdag deze week.", "vrijdag deze week", "2025-05-16"),
    ],
)
def test_a_weekday_before_the_week_it_falls_in(language, sentence, extent, value):
    t = only(sentence, language)
    d = D(*map(int, value.split("-")))
    assert (t.text, t.value, t.date_start, t.date_end, t.precision) == (extent, value, d, d, "day")


@pytest.mark.parametrize(
    "language,sentence",
    [
        # a week counted from the story, not the document date: no weekday of it is guessed
        ("en", "They met on Monday of the following week."),
        ("nl", "Ze zagen elkaar op maandag van de week erna."),
    ],
)
def test_a_weekday_before_a_week_of_the_story_is_not_joined(language, sentence):
    assert not any(
        t.text.lower().startswith(("monday of", "maandag van")) for t in tag(sentence, DAY, language)
    )


@pytest.mark.parametrize(
    "language,sentence,extent,value",
    [
        # an English ordinal day of a ten and an ordinal unit (was the unit alone: 'first of June' = 1 June)
        ("en", "It opened on the twenty-first of June 2017.", "the twenty-first of June 2017", "2017-06-21"),
        ("en", "It opened on the thirty first of May 2017.", "the thirty first of May 2017", "2017-05-31"),
        ("en", "It opened on the twentieth of May 2017.", "the twentieth of May 2017", "2017-05-20"),
        # an ordinal after the month
        ("en", "It opened June twenty-first 2017.", "June twenty-first 2017", "2017-06-21"),
        ("en", "It opened on January the 5th, 2017.", "January the 5th, 2017", "2017-01-05"),
        ("en", "It opened January first 2000.", "January first 2000", "2000-01-01"),
        (
            "nl",
            "Het ging open op de eenentwintigste juni 2017.",
            "de eenentwintigste juni 2017",
            "2017-06-21",
        ),
    ],
)
def test_an_ordinal_day_in_words(language, sentence, extent, value):
    t = only(sentence, language)
    d = D(*map(int, value.split("-")))
    assert (t.text, t.value, t.date_start, t.date_end, t.precision) == (extent, value, d, d, "day")


@pytest.mark.parametrize(
    "language,sentence,extent,value",
    [
        # an ordinal with a noun of its own counts that noun, not the day
        ("en", "In January 2017 the first shipments arrived.", "January 2017", "2017-01"),
        ("en", "In January the first shipments arrived.", "January", "2025-01"),
        ("en", "January first-quarter sales rose.", "January", "2025-01"),
        # Dutch writes no day after its month: this is a rank
        ("nl", "Ajax werd in januari de derde.", "januari", "2025-01"),
        # 'a twenty-second delay' is a length
        ("en", "After a twenty-second delay it began.", "twenty-second", "PT20S"),
    ],
)
def test_an_ordinal_after_a_month_that_is_no_day(language, sentence, extent, value):
    t = tag(sentence, DAY, language)[0]
    assert (t.text, t.value) == (extent, value)


@pytest.mark.parametrize(
    "language,sentence,extent,value,start,end",
    [
        # a month a dash joins to another is a month, whatever else its word is ('May', 'Jan')
        (
            "en",
            "Sales fell in May-June 2017.",
            "May-June 2017",
            "2017-05/2017-06",
            D(2017, 5, 1),
            D(2017, 6, 30),
        ),
        (
            "en",
            "Sales fell in Jan.-March 2017.",
            "Jan.-March 2017",
            "2017-01/2017-03",
            D(2017, 1, 1),
            D(2017, 3, 31),
        ),
        (
            "nl",
            "De verkoop daalde in jan-mrt 2017.",
            "jan-mrt 2017",
            "2017-01/2017-03",
            D(2017, 1, 1),
            D(2017, 3, 31),
        ),
        # over the turn of the year the first month is in the year before
        (
            "en",
            "Sales fell in Nov-Feb 2017.",
            "Nov-Feb 2017",
            "2016-11/2017-02",
            D(2016, 11, 1),
            D(2017, 2, 28),
        ),
        (
            "en",
            "The show ran December 28 - January 3, 1998.",
            "December 28 - January 3, 1998",
            "1997-12-28/1998-01-03",
            D(1997, 12, 28),
            D(1998, 1, 3),
        ),
        (
            "nl",
            "De actie liep van november tot februari 2017.",
            "van november tot februari 2017",
            "2016-11/2017-02",
            D(2016, 11, 1),
            D(2017, 1, 31),
        ),
    ],
)
def test_a_span_of_months_joined_by_a_dash_or_over_the_turn_of_the_year(
    language, sentence, extent, value, start, end
):
    t = only(sentence, language)
    assert (t.text, t.value, t.date_start, t.date_end, t.precision) == (extent, value, start, end, "range")


@pytest.mark.parametrize(
    "language,sentence,extent",
    [
        ("en", "You may-June said so.", "June"),  # lower-case 'may' stays a verb
        ("nl", "Jan-Piet kwam in juni.", "juni"),  # a name joined to a name
    ],
)
def test_a_dash_before_no_month_makes_no_month(language, sentence, extent):
    assert [t.text for t in tag(sentence, DAY, language)] == [extent]


@pytest.mark.parametrize(
    "language,sentence,extent,value,day",
    [
        # the year near the document date in which the day falls on that weekday (8 March 2025: Saturday)
        ("en", "It opened on Saturday, March 8.", "Saturday, March 8", "2025-03-08", D(2025, 3, 8)),
        ("nl", "Het ging open op zaterdag 8 maart.", "zaterdag 8 maart", "2025-03-08", D(2025, 3, 8)),
        # no year near it has 8 March on a Monday: any year chosen would contradict the text
        ("en", "It opened on Monday, March 8.", "Monday, March 8", "XXXX-03-08", None),
        ("nl", "Het ging open op maandag 8 maart.", "maandag 8 maart", "XXXX-03-08", None),
    ],
)
def test_a_weekday_and_day_month_that_no_near_year_has_stay_unresolved(
    language, sentence, extent, value, day
):
    t = only(sentence, language)
    assert (t.text, t.value, t.date_start, t.date_end) == (extent, value, day, day)


COMPOUND_OFFSETS = [
    # (language, sentence, extent, type, value, start, end, precision); document date Wed 14 May 2025.
    # Every amount counts, the largest first; the finest unit is the precision.
    (
        "en",
        "We met 1 month 21 days ago.",
        "1 month 21 days ago",
        "DATE",
        "2025-03-24",
        D(2025, 3, 24),
        D(2025, 3, 24),
        "day",
    ),
    (
        "en",
        "We met 1 month, 21 days ago.",
        "1 month, 21 days ago",
        "DATE",
        "2025-03-24",
        D(2025, 3, 24),
        D(2025, 3, 24),
        "day",
    ),
    (
        "en",
        "She left 2 years and 3 months ago.",
        "2 years and 3 months ago",
        "DATE",
        "2023-02",
        D(2023, 2, 1),
        D(2023, 2, 28),
        "month",
    ),
    (
        "en",
        "It opens 2 years, 3 months from now.",
        "2 years, 3 months from now",
        "DATE",
        "2027-08",
        D(2027, 8, 1),
        D(2027, 8, 31),
        "month",
    ),
    (
        "nl",
        "Dat was een jaar en twee maanden geleden.",
        "een jaar en twee maanden geleden",
        "DATE",
        "2024-03",
        D(2024, 3, 1),
        D(2024, 3, 31),
        "month",
    ),
    (
        "nl",
        "Ik vertrok 1 maand, 2 jaar, 21 dagen geleden.",
        "1 maand, 2 jaar, 21 dagen geleden",
        "DATE",
        "2023-03-24",
        D(2023, 3, 24),
        D(2023, 3, 24),
        "day",
    ),
    (
        "nl",
        "Ik ga over 2 jaar en 21 dagen weg.",
        "over 2 jaar en 21 dagen",
        "DATE",
        "2027-06-04",
        D(2027, 6, 4),
        D(2027, 6, 4),
        "day",
    ),
    (
        "nl",
        "Ik ben binnen 2 jaar en 3 maanden terug.",
        "binnen 2 jaar en 3 maanden",
        "DURATION",
        "P2Y3M",
        D(2025, 5, 14),
        D(2027, 8, 13),
        "range",
    ),
    # weeks as the finest unit: that week; beside other units in a length, weeks are days (ISO 8601)
    (
        "en",
        "It closed 1 month and 2 weeks ago.",
        "1 month and 2 weeks ago",
        "DATE",
        "2025-W14",
        D(2025, 3, 31),
        D(2025, 4, 6),
        "week",
    ),
    (
        "nl",
        "Ik ben binnen 1 maand en 2 weken terug.",
        "binnen 1 maand en 2 weken",
        "DURATION",
        "P1M14D",
        D(2025, 5, 14),
        D(2025, 6, 27),
        "range",
    ),
    # with hours and minutes ('mins', 'min' as written in messages): a time on that day
    (
        "en",
        "We met 1 month 2 days 2 hours 30 mins ago.",
        "1 month 2 days 2 hours 30 mins ago",
        "TIME",
        "2025-04-12",
        D(2025, 4, 12),
        D(2025, 4, 12),
        "day",
    ),
    (
        "nl",
        "We zagen elkaar 1 maand 2 dagen 2 uren 30 min geleden.",
        "1 maand 2 dagen 2 uren 30 min geleden",
        "TIME",
        "2025-04-12",
        D(2025, 4, 12),
        D(2025, 4, 12),
        "day",
    ),
    # an amount that is not whole: the expression, but no guessed date
    (
        "en",
        "It began 1.5 years and 3 months ago.",
        "1.5 years and 3 months ago",
        "DATE",
        "XXXX",
        None,
        None,
        "unknown",
    ),
]


@pytest.mark.parametrize("language,sentence,extent,kind,value,start,end,precision", COMPOUND_OFFSETS)
def test_compound_offsets_count_every_unit(language, sentence, extent, kind, value, start, end, precision):
    t = only(sentence, language)
    assert t.type == kind
    check(t, extent, value, start, end, precision)


def test_compound_offset_in_a_document_dated_to_the_month_is_a_range():
    t = only("We met 1 month 21 days ago.", "en", MONTH)
    check(t, "1 month 21 days ago", "XXXX", D(2025, 3, 11), D(2025, 4, 9), "range")


@pytest.mark.parametrize(
    "language,sentence",
    [
        ("en", "He served 3 years. 2 months ago he left."),
        ("nl", "Hij diende 3 jaar. 2 maanden geleden vertrok hij."),
    ],
)
def test_amounts_in_other_sentences_are_no_compound(language, sentence):
    found = tag(sentence, DAY, language)
    assert [(t.type, t.value) for t in found] == [("DURATION", "P3Y"), ("DATE", "2025-03")]


OFFSETS_FROM_DAYS = [
    # (language, sentence, extent, value): the day that many units from the named day, one expression
    ("en", "It will happen 3 days from Tuesday.", "3 days from Tuesday", "2025-05-23"),
    ("en", "It happened 3 days before Tuesday.", "3 days before Tuesday", "2025-05-10"),
    ("en", "He returned two weeks after January 15, 2025.", "two weeks after January 15, 2025", "2025-01-29"),
    ("en", "He left two days before 15 January 2025.", "two days before 15 January 2025", "2025-01-13"),
    ("en", "They met a week after Christmas 2010.", "a week after Christmas 2010", "2011-01-01"),
    ("nl", "Hij kwam drie dagen na 15 januari 2025 terug.", "drie dagen na 15 januari 2025", "2025-01-18"),
    ("nl", "Het was twee weken voor kerst 2024.", "twee weken voor kerst 2024", "2024-12-11"),
]


@pytest.mark.parametrize("language,sentence,extent,value", OFFSETS_FROM_DAYS)
def test_offsets_from_a_named_day(language, sentence, extent, value):
    t = only(sentence, language)
    day = D.fromisoformat(value)
    assert t.type == "DATE"
    check(t, extent, value, day, day, "day")


@pytest.mark.parametrize(
    "language,sentence,length",
    [
        # a stretch that starts at the day, and a count of working days, stay a length beside the day
        ("en", "Prices rose for two weeks after January 15, 2025.", "two weeks"),
        ("en", "Stocks fell eight trading days after Oct. 12, 2024.", "eight trading days"),
        ("nl", "Het regende de drie dagen voor kerst 2024.", "de drie dagen"),
        ("nl", "De koers steeg acht handelsdagen na 12 oktober 2024.", "acht handelsdagen"),
    ],
)
def test_stretches_and_working_days_after_a_day_stay_apart(language, sentence, length):
    found = tag(sentence, DAY, language)
    assert found[0].text == length and found[0].type == "DURATION"
    assert len(found) == 2 and found[1].type == "DATE"


def test_a_name_is_no_holiday():
    assert tag("Silvester Zwaneveld won de rit.", DAY, "nl") == []


@pytest.mark.parametrize(
    "language,sentence,extent,value",
    [
        ("en", "The call took 30 mins.", "30 mins", "PT30M"),
        ("nl", "De rit duurde twintig min.", "twintig min", "PT20M"),
    ],
)
def test_abbreviated_minutes(language, sentence, extent, value):
    t = only(sentence, language)
    assert (t.text, t.type, t.value) == (extent, "DURATION", value)


def test_min_before_a_number_is_minus():
    assert tag("Het werd min 5 graden.", DAY, "nl") == []


@pytest.mark.parametrize(
    "language,sentence,extent,start,end",
    [
        (
            "en",
            "I will come back within 2 weeks from today.",
            "within 2 weeks from today",
            D(2025, 5, 14),
            D(2025, 5, 27),
        ),
        (
            "nl",
            "Ik ben binnen 2 weken vanaf vandaag terug.",
            "binnen 2 weken vanaf vandaag",
            D(2025, 5, 14),
            D(2025, 5, 27),
        ),
        (
            "nl",
            "Het moest binnen 2 weken voor gisteren af.",
            "binnen 2 weken voor gisteren",
            D(2025, 4, 30),
            D(2025, 5, 13),
        ),
    ],
)
def test_within_units_from_a_relative_day_is_the_stretch(language, sentence, extent, start, end):
    t = only(sentence, language)
    check(t, extent, "P2W", start, end, "range")
    assert t.type == "DURATION"


def test_for_units_from_a_relative_day_is_no_day():
    found = tag("Set OOO for 3 days from today.", DAY, "en")
    assert [(t.text, t.value) for t in found] == [("3 days", "P3D"), ("today", "2025-05-14")]


def test_in_units_from_a_relative_day_is_that_day():
    t = only("I will leave in 2 days from today.", "en")
    check(t, "2 days from today", "2025-05-16", D(2025, 5, 16), D(2025, 5, 16), "day")


def test_a_holiday_of_the_following_year_stays_apart():
    # 'the following year' is counted from the story, not the document date: the holiday is not joined to it
    found = tag("Easter of the following year was cold.", DAY, "en")
    assert [t.text for t in found] == ["Easter", "the following year"]


@pytest.mark.parametrize(
    "language,sentence,extent,value",
    [
        ("nl", "De man werd op 14 maart vorig jaar gearresteerd.", "14 maart vorig jaar", "2024-03-14"),
        ("nl", "Op 14 maart van dit jaar stemde de Kamer.", "14 maart van dit jaar", "2025-03-14"),
        ("en", "He was arrested on 3 June last year.", "3 June last year", "2024-06-03"),
        ("en", "The vote is on June 3 next year.", "June 3 next year", "2026-06-03"),
    ],
)
def test_a_day_month_with_a_relative_year_is_that_day(language, sentence, extent, value):
    t = only(sentence, language)
    check(t, extent, value, D.fromisoformat(value), D.fromisoformat(value), "day")


def test_a_day_month_with_a_relative_year_has_no_day_that_year_has_not():
    # written in 2024: last year, 2023, had no 29 February
    t = only(
        "Op 29 februari vorig jaar gebeurde het.",
        "nl",
        dct=Published(D(2024, 5, 14), D(2024, 5, 14), "day", "header"),
    )
    assert (t.value, t.dated) == ("XXXX-02-29", False)


@pytest.mark.parametrize(
    "language,sentence,extent,start,end,mod",
    [
        # a day-month with a relative year, a weekday: the open interval on that side
        (
            "nl",
            "Na 14 maart vorig jaar daalde het aantal.",
            "Na 14 maart vorig jaar",
            D(2024, 3, 14),
            None,
            "AFTER",
        ),
        (
            "en",
            "Before 3 June last year nobody knew.",
            "Before 3 June last year",
            None,
            D(2024, 6, 2),
            "BEFORE",
        ),
        ("nl", "Sinds dinsdag zijn er 80 aangekomen.", "Sinds dinsdag", D(2025, 5, 13), None, "SINCE"),
        ("en", "Prior to Monday, nothing happened.", "Prior to Monday", None, D(2025, 5, 11), "BEFORE"),
        (
            "en",
            "Ahead of Monday's vote the minister spoke.",
            "Ahead of Monday",
            None,
            D(2025, 5, 11),
            "BEFORE",
        ),
        (
            "nl",
            "Voorafgaand aan 7 maart sprak hij.",
            "Voorafgaand aan 7 maart",
            None,
            D(2025, 3, 6),
            "BEFORE",
        ),
        # Dutch 'voor' is 'before' after a word that says so, or before a day in a clause with a deadline
        ("nl", "Kort voor 1 maart werd hij opgepakt.", "voor 1 maart", None, D(2025, 2, 28), "BEFORE"),
        ("nl", "Het plan moet voor 1 juli klaar zijn.", "voor 1 juli", None, D(2025, 6, 30), "BEFORE"),
    ],
)
def test_before_after_and_since_a_day_or_weekday_open_the_interval(
    language, sentence, extent, start, end, mod
):
    t = only(sentence, language)
    assert (t.text, t.date_start, t.date_end, t.mod) == (extent, start, end, mod)


@pytest.mark.parametrize(
    "language,sentence,extent,value,start,end",
    [
        # the interval opens at that time of the day: before it ends with the day, not the one before
        ("en", "Leave before tomorrow 4pm.", "before tomorrow 4pm", "2025-05-15T16:00", None, D(2025, 5, 15)),
        (
            "nl",
            "Hij vertrok na dinsdag om 9.00 uur.",
            "na dinsdag om 9.00 uur",
            "2025-05-13T09:00",
            D(2025, 5, 13),
            None,
        ),
    ],
)
def test_a_time_after_an_open_intervals_day_is_on_that_day(language, sentence, extent, value, start, end):
    t = only(sentence, language)
    assert (t.text, t.type, t.value, t.date_start, t.date_end) == (extent, "TIME", value, start, end)
    assert [p.text for p in t.parts] == [extent.split(" ", 1)[1]]  # TimeML leaves the 'before' out


@pytest.mark.parametrize(
    "sentence,extent",
    [
        ("Het debat staat gepland voor dinsdag.", "dinsdag"),  # 'for' Tuesday
        ("Het kabinet moet de begroting voor 2026 indienen.", "2026"),  # the budget 'for' 2026
        ("De regeling geldt nog voor 2026.", "2026"),  # still 'for' 2026
    ],
)
def test_dutch_voor_that_means_for_opens_no_interval(sentence, extent):
    t = only(sentence, "nl")
    assert (t.text, t.mod, t.dated) == (extent, None, True)


@pytest.mark.parametrize(
    "language,sentence,extent,start",
    [
        ("nl", "Sinds begin dit jaar zijn er 80 veroordeeld.", "Sinds begin dit jaar", D(2025, 1, 1)),
        (
            "nl",
            "Sinds het begin van het jaar zijn er 80 veroordeeld.",
            "Sinds het begin van het jaar",
            D(2025, 1, 1),
        ),
        (
            "nl",
            "Sinds de start van het jaar zijn er 80 veroordeeld.",
            "Sinds de start van het jaar",
            D(2025, 1, 1),
        ),
        ("nl", "Vanaf begin 2023 geldt de regel.", "Vanaf begin 2023", D(2023, 1, 1)),
        (
            "en",
            "Since the start of the year 80 have been convicted.",
            "Since the start of the year",
            D(2025, 1, 1),
        ),
        (
            "en",
            "Since the beginning of 2024 80 have been convicted.",
            "Since the beginning of 2024",
            D(2024, 1, 1),
        ),
        # a month of the document's year
        ("nl", "Sinds mei dit jaar zijn er 80 veroordeeld.", "Sinds mei dit jaar", D(2025, 5, 1)),
        ("en", "Since May this year 80 have been convicted.", "Since May this year", D(2025, 5, 1)),
    ],
)
def test_since_the_start_of_a_period_or_a_month_this_year_is_open_from_it(language, sentence, extent, start):
    t = only(sentence, language)
    assert (t.text, t.date_start, t.date_end, t.mod) == (extent, start, None, "SINCE")


@pytest.mark.parametrize(
    "language,text,extent,value",
    [
        ("en", "He was arrested on 3 May. Later that day he was released.", "Later that day", "2025-05-03"),
        (
            "en",
            "He was arrested on 3 May. That same afternoon he was released.",
            "That same afternoon",
            "2025-05-03",
        ),
        (
            "en",
            "He was arrested on 3 May. The next morning he was released.",
            "The next morning",
            "2025-05-04",
        ),
        ("nl", "Hij werd op 3 mei opgepakt. Later die dag kwam hij vrij.", "Later die dag", "2025-05-03"),
        (
            "nl",
            "Hij werd op 3 mei opgepakt. Diezelfde middag kwam hij vrij.",
            "Diezelfde middag",
            "2025-05-03",
        ),
        (
            "nl",
            "Hij werd op 3 mei opgepakt. De volgende ochtend kwam hij vrij.",
            "De volgende ochtend",
            "2025-05-04",
        ),
        ("nl", "Hij werd op 3 mei opgepakt. De dag erna kwam hij vrij.", "De dag erna", "2025-05-04"),
    ],
)
def test_a_day_of_the_story_is_counted_from_the_day_stated_last(language, text, extent, value):
    t = next(t for t in tag(text, DAY, language) if t.text == extent)
    check(t, extent, value, D.fromisoformat(value), D.fromisoformat(value), "day")


@pytest.mark.parametrize(
    "language,text,extent",
    [
        # no day stated before: not the document date
        ("en", "That same afternoon he was released.", "That same afternoon"),
        ("nl", "De volgende ochtend kwam hij vrij.", "De volgende ochtend"),
        # the last date stated is no day
        ("en", "In March he was arrested. That afternoon he was released.", "That afternoon"),
        ("nl", "In maart werd hij opgepakt. Die middag kwam hij vrij.", "Die middag"),
    ],
)
def test_a_day_of_the_story_without_a_stated_day_stays_unresolved(language, text, extent):
    t = next(t for t in tag(text, DAY, language) if t.text == extent)
    assert (t.value, t.dated) == ("XXXX-XX-XX", False)


def test_a_relative_pronoun_before_tomorrow_is_no_day_of_the_story():
    found = tag("Op 3 mei sprak de minister, die morgen naar Brussel gaat.", DAY, "nl")
    assert [(t.text, t.value) for t in found] == [("3 mei", "2025-05-03"), ("morgen", "2025-05-15")]


def test_a_day_of_the_story_may_be_referred_to_again():
    found = tag("Op 3 mei werd hij opgepakt. De dag erna kwam hij vrij. Die avond vertrok hij.", DAY, "nl")
    assert [(t.text, t.value) for t in found][1:] == [
        ("De dag erna", "2025-05-04"),
        ("Die avond", "2025-05-04"),
    ]


@pytest.mark.parametrize(
    "language,sentence,extent,value,start,end",
    [
        (
            "en",
            "Boats arrived three nights in a row.",
            "three nights in a row",
            "P3D",
            D(2025, 5, 12),
            D(2025, 5, 14),
        ),
        (
            "en",
            "Boats arrived for the third day running.",
            "the third day running",
            "P3D",
            D(2025, 5, 12),
            D(2025, 5, 14),
        ),
        (
            "nl",
            "Vier dagen op rij kwamen er boten aan.",
            "Vier dagen op rij",
            "P4D",
            D(2025, 5, 11),
            D(2025, 5, 14),
        ),
        (
            "nl",
            "Drie nachten achter elkaar staken migranten over.",
            "Drie nachten achter elkaar",
            "P3D",
            D(2025, 5, 12),
            D(2025, 5, 14),
        ),
        # a clause in the past with its own day: up to that day
        (
            "en",
            "On 3 May boats arrived for the third day running.",
            "the third day running",
            "P3D",
            D(2025, 5, 1),
            D(2025, 5, 3),
        ),
        (
            "nl",
            "Op 3 mei kwamen voor de derde dag op rij boten aan.",
            "de derde dag op rij",
            "P3D",
            D(2025, 5, 1),
            D(2025, 5, 3),
        ),
    ],
)
def test_a_run_in_a_row_ends_at_the_document_date_or_the_day_of_its_clause(
    language, sentence, extent, value, start, end
):
    t = next(t for t in tag(sentence, DAY, language) if t.type == "DURATION")
    check(t, extent, value, start, end, "range")


@pytest.mark.parametrize(
    "language,sentence,extent",
    [
        ("en", "They will strike three days in a row.", "three days in a row"),
        ("nl", "Ze gaan drie dagen achter elkaar staken.", "drie dagen achter elkaar"),
    ],
)
def test_a_run_in_a_row_that_is_yet_to_come_is_a_length_alone(language, sentence, extent):
    t = only(sentence, language)
    assert (t.text, t.type, t.value, t.dated) == (extent, "DURATION", "P3D", False)


@pytest.mark.parametrize(
    "language,sentence,extent,end,precision",
    [
        # in the past or the perfect: from 1 January up to the document date
        ("en", "This year 80 have been convicted.", "This year", D(2025, 5, 14), "range"),
        ("en", "So far this year 80 people were convicted.", "this year", D(2025, 5, 14), "range"),
        ("nl", "Dit jaar zijn er al 80 veroordeeld.", "Dit jaar", D(2025, 5, 14), "range"),
        ("nl", "Dit jaar kwamen er meer.", "Dit jaar", D(2025, 5, 14), "range"),
        # ahead, neutral, a forecast or the period of a noun: the whole year
        ("en", "This year 80 will be convicted.", "This year", D(2025, 12, 31), "year"),
        ("en", "Analysts had predicted a loss for this year.", "this year", D(2025, 12, 31), "year"),
        ("en", "He had hoped to run in this year's election.", "this year", D(2025, 12, 31), "year"),
        ("nl", "Dit jaar worden er 80 veroordeeld.", "Dit jaar", D(2025, 12, 31), "year"),
        ("nl", "Het kabinet verwachtte dit jaar 80 veroordelingen.", "dit jaar", D(2025, 12, 31), "year"),
    ],
)
def test_this_year_in_a_clause_that_looks_back_runs_up_to_the_document_date(
    language, sentence, extent, end, precision
):
    t = only(sentence, language)
    check(t, extent, "2025", D(2025, 1, 1), end, precision)


def test_this_year_looking_back_in_a_document_dated_to_the_month_runs_to_its_end():
    t = only("Dit jaar zijn al 6.600 mensen overgestoken.", "nl", dct=MONTH)
    check(t, "Dit jaar", "2025", D(2025, 1, 1), D(2025, 5, 31), "range")


def test_the_past_fortnight_is_a_length_and_last_fortnight_no_date():
    # a length that ends now (what a count over it is dated by); no calendar fortnight to shift to
    assert values("About 2,000 people crossed over the past fortnight.") == [("the past fortnight", "P2W")]
    assert [t.date_start for t in tag("Last fortnight the minister visited Calais.", DAY, "en")] in (
        [],
        [None],
    )


@pytest.mark.parametrize(
    "language,sentence,month",
    [
        # a number with a thousands separator after a month is a count, not its day
        ("nl", "Dat de IND in april 3.100 aanvragen heeft afgewezen.", "april"),
        ("nl", "In maart 2.400 asielzoekers werden teruggestuurd.", "maart"),
        ("en", "In April 3,100 applications were rejected.", "April"),
    ],
)
def test_a_count_after_a_month_is_no_day(language, sentence, month):
    assert [(t.text, t.precision) for t in tag(sentence, DAY, language) if t.dated] == [(month, "month")]


@pytest.mark.parametrize(
    "language,text,expected",
    [
        # no expression runs over a blank line: a date line and the paragraph under it are two
        ("en", "4 March 2024\n\nLast night the leaders met.", ["4 March 2024", "Last night"]),
        ("nl", "4 maart 2024\n\nVorige week sloten de leiders een akkoord.", ["4 maart 2024", "Vorige week"]),
    ],
)
def test_no_expression_runs_over_a_blank_line(language, text, expected):
    assert [t.text for t in tag(text, DAY, language)] == expected


@pytest.mark.parametrize(
    "language,text,weekday",
    [
        # the tense of a weekday is its own coordinate clause's, not the next one's after ', and'
        ("en", "The minister visited Calais on Monday, and she will travel to Brussels in July.", "Monday"),
        ("nl", "De minister bezocht maandag Calais, en zij zal in juli naar Brussel reizen.", "maandag"),
    ],
)
def test_a_weekday_takes_the_tense_of_its_own_coordinate_clause(language, text, weekday):
    found = {t.text: (t.date_start, t.date_end) for t in tag(text, DAY, language)}
    assert found[weekday] == (D(2025, 5, 12), D(2025, 5, 12))  # the Monday before Wednesday 14 May
