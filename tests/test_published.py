"""The document's own date: where in a document its date line is looked for (header, opening line, a
date line a little further down, the received stamp), what is never its date, precedence with page
metadata, and the devnews documents' dates."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from tests.conftest import shared_path
from transforms.documents import parse_document
from transforms.model import Published, RawSource
from transforms.published import HtmlDates, find_dateline, parse_published_value, strip_date_marker

D = dt.date


def day(year: int, month: int, d: int, source: str = "text") -> Published:
    return Published(D(year, month, d), D(year, month, d), "day", source)


STORY_NL = (
    "Het kabinet heeft vandaag besloten om de opvang van asielzoekers anders te regelen dan tot nu toe."
)
STORY_EN = "The ministers agreed today to step up their cooperation against the gangs that smuggle people."


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # a letter's date line under a long header of references, addressee and document type
        (
            "19 637 Vreemdelingenbeleid\n\nNr. 2027 BRIEF VAN DE STAATSSECRETARIS VAN VEILIGHEID EN JUSTITIE\n\n"
            "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\nDen Haag, 17 augustus 2015\n\n"
            + STORY_NL,
            "nl",
            day(2015, 8, 17),
        ),
        # EU documents put several reference lines first
        (
            "EUR-Lex Access to European Union law\nBack to EUR-Lex homepage\n"
            "This document is an excerpt from the EUR-Lex website\nDocument 52021DC0591\n"
            "COMMUNICATION FROM THE COMMISSION\nCOM/2021/591 final\n\nBrussels, 29.9.2021\n\nCOM(2021) 591 final\n"
            + STORY_EN,
            "en",
            day(2021, 9, 29),
        ),
        (
            "28 638 Mensenhandel\n\nNr. 250 VERSLAG VAN EEN SCHRIFTELIJK OVERLEG\n\nVastgesteld 7 juni 2024\n\n"
            + STORY_NL,
            "nl",
            day(2024, 6, 7),
        ),
        (
            "Policy paper\n\nJoint statement of the group\n\nPublished 4 March 2024\n\n" + STORY_EN,
            "en",
            day(2024, 3, 4),
        ),
        ("Kop van het bericht\n\nGepubliceerd 4 maart 2024\n\n" + STORY_NL, "nl", day(2024, 3, 4)),
        # a bulleted date under the title; the document's British spelling says day first
        (
            "Council conclusions\n\nCouncil of the EU\n  • 10/03/2016\n  • 15:00\n  • Press release\n  • 120/16\n"
            "The Council welcomes the work of the organisations that help migrants at sea, it said today.",
            "en",
            day(2016, 3, 10),
        ),
        ("Kop van het bericht\n  • 10/03/2016\n" + STORY_NL, "nl", day(2016, 3, 10)),
        # a date and a label in one line
        (
            "Sorry, you need to enable JavaScript to visit this website.\n\nHeadline here\n\n13 November 2025|NEWS\n\n"
            + STORY_EN,
            "en",
            day(2025, 11, 13),
        ),
        ("Kop van het bericht\nNieuwsbericht | 12-03-2024 | 14:00\n" + STORY_NL, "nl", day(2024, 3, 12)),
        # a date line of its own under an opening paragraph
        (STORY_EN + "\nNews\nLast month in the field\n2025-02-24\n" + STORY_EN, "en", day(2025, 2, 24)),
        (STORY_NL + "\nNieuws\nTerugblik op de maand\n2025-02-24\n" + STORY_NL, "nl", day(2025, 2, 24)),
        # a place dateline opening the story
        ("Kop\nDen Haag, 12 maart 2024 – " + STORY_NL, "nl", day(2024, 3, 12)),
        ("Headline\nBRUSSELS (Reuters), March 3, 2024 - " + STORY_EN, "en", day(2024, 3, 3)),
        # the received stamp of answers to parliamentary questions, the date broken over a line
        (
            "Vragen van het lid Wiersma (VVD) aan de Staatssecretaris over het bericht (ingezonden 4 mei 2021).\n"
            "Antwoord van Staatssecretaris Broekers-Knol (Justitie en Veiligheid) (ontvangen 21 juni\n"
            "2021). Zie ook Aanhangsel Handelingen, vergaderjaar 2020–2021, nr. 2854.\nVraag 1\n",
            "nl",
            day(2021, 6, 21),
        ),
        # a publication date wins over an update date, wherever it stands
        ("Headline\nLast updated 5 March 2024\nPublished 4 March 2024\n" + STORY_EN, "en", day(2024, 3, 4)),
        ("Headline\nLast updated 5 March 2024\n" + STORY_EN, "en", day(2024, 3, 5)),
    ],
)
def test_find_dateline_where_documents_put_it(text: str, language: str, expected: Published) -> None:
    assert find_dateline(text, language) == expected


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # only the questions' date: not the document's
        (
            "Vragen van het lid Wiersma (VVD) aan de Staatssecretaris over het bericht (ingezonden 4 mei 2021).\nVraag 1\n",
            "nl",
        ),
        # a date inside a story sentence, at the top or not
        ("Kop\nHet gebeurde op 22 januari 2020 in Den Haag, zei de minister tegen de verslaggevers.\n", "nl"),
        (
            "Headline\nOn 2 December 2015 Europol supported a large joint operation in four member states.\n",
            "en",
        ),
        # citation lines and document numbers
        ("Kamerstuk 28 638, nr. 249\n" + STORY_NL, "nl"),
        ("2015-2016 | 21501-20 nr. 1094\n" + STORY_NL, "nl"),
        ("COM(2019) 481 final\n\n" + STORY_EN, "en"),
        ("Aanhangsel Handelingen, vergaderjaar 2020–2021, nr. 2854\n" + STORY_NL, "nl"),
        ("Reference 120/16\n" + STORY_EN, "en"),
        # a date line far down, below the opening paragraphs
        ((STORY_NL + "\n") * 14 + "22 januari 2020\n", "nl"),
        ((STORY_EN + "\n") * 14 + "22 January 2020\n", "en"),
        # a numeric date whose order neither the document nor English tells
        ("Headline\n10/03/2016\nThe ministers met today to talk about the border.", "en"),
        # a byline without a date
        ("Media factsheet\n\nPosted by: , Posted on: - Categories: Fact sheet\n\n" + STORY_EN, "en"),
    ],
)
def test_find_dateline_takes_nothing_else(text: str, language: str) -> None:
    assert find_dateline(text, language) is None


def test_day_over_twelve_elsewhere_in_the_document_decides_the_order() -> None:
    text = "Headline\n10/03/2016\nThe ministers met on 25/02/2016 and again today to talk about the border."
    assert find_dateline(text, "en") == day(2016, 3, 10)


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Kop van het stuk\n22 januari 2020\nTekst.", "nl", day(2020, 1, 22, "text")),
        ("Kop\nmaandag 22 januari 2020\nTekst.", "nl", day(2020, 1, 22, "text")),
        ("Kop\n3 september 2024 14:05\nTekst.", "nl", day(2024, 9, 3, "text")),
        ("Kop\nGepubliceerd op 3 sept. 2024 om 14:05 uur\nTekst.", "nl", day(2024, 9, 3, "text")),
        ("Kop\nBijgewerkt: 4 mrt 2024\nTekst.", "nl", day(2024, 3, 4, "text")),
        ("Kop\n22-01-2020\nTekst.", "nl", day(2020, 1, 22, "text")),
        ("Kop\njanuari 2020\nTekst.", "nl", Published(D(2020, 1, 1), D(2020, 1, 31), "month", "text")),
        ("Headline\nPublished 3rd Sep 2024\nText.", "en", day(2024, 9, 3, "text")),
        ("Headline\nSeptember 3, 2024\nText.", "en", day(2024, 9, 3, "text")),
        ("Headline\nTuesday, 3 September 2024 14:05 CET\nText.", "en", day(2024, 9, 3, "text")),
        ("Headline\nUpdated: 2024-09-04T10:00:00Z\nText.", "en", day(2024, 9, 4, "text")),
        (
            "Headline\nPublished by Jane Doe on Oct. 1, 2023, updated Oct. 2, 2023\n",
            "en",
            day(2023, 10, 1, "text"),
        ),
        # English datelines turn up on Dutch pages too.
        ("Kop\nPublished 3rd Sep 2024\nTekst.", "nl", day(2024, 9, 3, "text")),
        # A place and a date opening the first paragraph (a news or press-release dateline).
        ("Kop\nDen Haag, 12 maart 2024 – Het kabinet besloot.", "nl", day(2024, 3, 12, "text")),
        ("Kop\nBergen op Zoom, dinsdag 12 maart 2024. De raad koos.", "nl", day(2024, 3, 12, "text")),
        ("Kop\n's-Hertogenbosch, 12-03-2024: De rechtbank sprak.", "nl", day(2024, 3, 12, "text")),
        ("Headline\nLONDON (Reuters), March 3, 2024 - The minister said.", "en", day(2024, 3, 3, "text")),
        ("Headline\nBrussels, 3 March 2024\nThe minister said.", "en", day(2024, 3, 3, "text")),
        # A label line of fields, as government sites print it under the title.
        ("Kop\nNieuwsbericht | 12-03-2024 | 14:00\nTekst.", "nl", day(2024, 3, 12, "text")),
        ("Kop\nKamerstuk: Kamervragen | 3 december 2024\nTekst.", "nl", day(2024, 12, 3, "text")),
    ],
)
def test_find_dateline_short_forms(text: str, language: str, expected: Published) -> None:
    assert find_dateline(text, language) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Kop\nHet gebeurde op 22 januari 2020 in Den Haag.\n",  # a date in a sentence is not a dateline
        "Kop\n31 februari 2020\n",  # no such day
        "Headline\n1-7-2023\n",  # month-first or day-first? English numeric dates are ambiguous
        "Kop\nDen Haag, 12 maart 2024 werd het besluit genomen.\n",  # a sentence goes on after the date
        "Kop\nOp maandag, 12 maart 2024 – een dag later.\n",  # 'Op maandag' is no place name
        "Kop\nHet gebeurde in Den Haag, 12 maart 2024 – laat.\n",  # not at the start of the line
        "Kop\nDen Haag, maart – april 2024\n",  # no single date after the place
    ],
)
def test_find_dateline_short_rejects(text: str) -> None:
    language = "en" if text.startswith("Headline") else "nl"
    assert find_dateline(text, language) is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-03-04T23:30:00-05:00", day(2024, 3, 4, "sidecar")),  # the writer's own day, not UTC's
        ("2024-03-04T10:00:00.000+0000", day(2024, 3, 4, "sidecar")),
        ("2024-03-04 10:00", day(2024, 3, 4, "sidecar")),
        ("2024-03-04Tnonsense", None),
    ],
)
def test_parse_published_datetimes(value: str, expected: Published | None) -> None:
    assert parse_published_value(value) == expected


def test_date_marker_still_strips() -> None:
    text, published = strip_date_marker(" date 2025-05 De Britse premier sprak.")
    assert text == "De Britse premier sprak." and published == Published(
        D(2025, 5, 1), D(2025, 5, 31), "month", "header"
    )


# --- HTML pages --------------------------------------------------------------------------------------

BODY = (
    f"<h1>Ministers agree on a joint plan</h1><p>{STORY_EN}</p><p>{STORY_EN}</p>"
    + "<p>The plan will be reviewed next year by the member states and the Commission together.</p>"
)


def html_page(head: str = "", body: str = BODY) -> bytes:
    return f"<html><head><title>Ministers agree</title>{head}</head><body>{body}</body></html>".encode()


def parse_html(data: bytes, meta: dict | None = None) -> Published:
    doc = parse_document(RawSource("page.html", "/tmp/page.html", "html", data, meta or {}))
    assert not hasattr(doc, "reason"), doc
    return doc.published


@pytest.mark.parametrize(
    ("head", "body", "expected"),
    [
        (
            '<meta property="article:published_time" content="2024-03-04T09:00:00+01:00">',
            BODY,
            day(2024, 3, 4, "header"),
        ),
        (
            '<script type="application/ld+json">{"@context": "https://schema.org", "@graph": '
            '[{"@type": "WebSite", "name": "x"}, {"@type": "NewsArticle", "datePublished": "2023-05-12"}]}</script>',
            BODY,
            day(2023, 5, 12, "header"),
        ),
        (
            "",
            '<article><time datetime="2022-12-13">13 December 2022</time>' + BODY + "</article>",
            day(2022, 12, 13, "header"),
        ),
        # a Dutch government page: JSON-LD of the article, a <time> in its text
        (
            '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Kabinet investeert", '
            '"datePublished": "2025-05-16T10:30:00+02:00"}</script>',
            "<article><h1>Kabinet investeert in migratiedeals</h1>"
            '<p>Nieuwsbericht | <time datetime="2025-05-16">16-05-2025</time></p>'
            "<p>Het kabinet gaat fors investeren om irreguliere migratie te voorkomen, schrijven de ministers.</p>"
            "<p>Dat staat in een brief aan de Tweede Kamer die vandaag is verstuurd door de ministers.</p></article>",
            day(2025, 5, 16, "header"),
        ),
        # a month stays a month: no day is made up
        (
            '<meta property="article:published_time" content="2018-06">',
            BODY,
            Published(D(2018, 6, 1), D(2018, 6, 30), "month", "header"),
        ),
    ],
)
def test_html_page_metadata_is_the_documents_date(head: str, body: str, expected: Published) -> None:
    assert parse_html(html_page(head, body)) == expected


def test_html_without_metadata_invents_nothing() -> None:
    """A copyright year, a date in the headline or the story, several <time>s outside an article: no date
    (trafilatura's own date guesser would give 2024-01-01 or the headline's day)."""
    body = (
        "<h1>Summit of 12 May 2023</h1><p>"
        + STORY_EN
        + "</p><p>Leaders met on 3 March 2021 to agree a plan.</p>"
        '<aside><time datetime="2020-01-01">x</time><time datetime="2021-01-01">y</time></aside>'
        "<footer>© 2024 Agency</footer>"
    )
    assert parse_html(html_page("", body)) == Published()


def test_sidecar_wins_over_page_metadata_and_page_metadata_over_text() -> None:
    head = '<meta property="article:published_time" content="2024-03-04">'
    assert parse_html(html_page(head), {"published": "2024-02-01"}) == day(2024, 2, 1, "sidecar")
    body = "<p>Published 5 March 2024</p>" + BODY
    assert parse_html(html_page(head, body)) == day(2024, 3, 4, "header")


def test_page_month_refined_by_a_dateline_day() -> None:
    head = '<meta property="article:published_time" content="2024-03">'
    body = "<h1>Ministers agree</h1><p>Published 4 March 2024</p>" + BODY
    assert parse_html(html_page(head, body)) == day(2024, 3, 4, "text")


def test_html_dates_odd_json_ld_is_ignored() -> None:
    dates = HtmlDates()
    dates.json_ld_parts.append("{not json")
    dates.end_json_ld()
    assert dates.published() is None


# --- the devnews documents -------------------------------------------------------------------------


def test_devnews_documents_dates() -> None:
    """Every devnews document's own date as its text states it; none for the two that state none."""
    folder = shared_path("corpora", "devnews")
    gold = json.loads((folder / "gold" / "timeline.json").read_text(encoding="utf-8"))["documents"]
    wrong = []
    for name, document in gold.items():
        source = RawSource(
            name, str(folder / name), "txt", (folder / name).read_bytes(), {"language": document["language"]}
        )
        published = parse_document(source).published
        want = document["published"]
        got = {"start": str(published.start), "end": str(published.end)} if published.known else None
        if got != ({"start": want["start"], "end": want["end"]} if want else None):
            wrong.append((name, got, want))
    assert wrong == []
