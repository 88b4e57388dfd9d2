"""Which lines are not story (metadata_lines), and which line is the title (title_span): each kind in
both languages, the near misses that are story and must stay unmarked, and the devnews documents."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import SHARED, shared_path
from transforms import layout
from transforms.documents import find_title
from transforms.layout import METADATA_KINDS, metadata_lines, title_span
from transforms.published import strip_date_marker

STORY_NL = (
    "Het kabinet heeft vandaag besloten om de opvang van asielzoekers anders te regelen dan tot nu toe."
)
STORY_EN = "The ministers agreed today to step up their cooperation against the gangs that smuggle people."


def marked(text: str, language: str) -> list[tuple[str, str]]:
    """The marked lines as (text, kind)."""
    return [(text[start:end], kind) for start, end, kind in metadata_lines(text, language)]


def kind_of(line: str, language: str) -> str | None:
    """The kind of `line` when it stands in a document (after a title, before a story paragraph)."""
    story = STORY_NL if language == "nl" else STORY_EN
    text = f"Kop van het stuk\n{line}\n{story}\n"
    start = text.index(line)
    kinds = [kind for s, e, kind in metadata_lines(text, language) if s <= start + len(line) and e >= start]
    return kinds[0] if kinds else None


@pytest.mark.parametrize(
    ("line", "language", "kind"),
    [
        # datelines and date lines
        ("Den Haag, 17 augustus 2015", "nl", "dateline"),
        ("Brussels, 16.10.2019", "en", "dateline"),
        ("Vastgesteld 7 juni 2024", "nl", "dateline"),
        ("Published 13 December 2022", "en", "dateline"),
        ("02 December 2015", "en", "dateline"),
        ("  • 10/03/2016", "en", "dateline"),
        ("  • 15:00", "en", "dateline"),
        ("14.30 uur", "nl", "dateline"),
        # bylines
        ("Door onze verslaggever · 4 juni 2024", "nl", "byline"),
        ("Door Jan Jansen", "nl", "byline"),
        ("By Jane Doe, Published 12 May 2023", "en", "byline"),
        ("Posted by: , Posted on: - Categories: Fact sheet", "en", "byline"),
        # labels and document types
        ("Press release", "en", "label"),
        ("Press Release/News", "en", "label"),
        ("Policy paper", "en", "label"),
        ("News", "en", "label"),
        ("13 November 2025|NEWS", "en", "label"),
        ("Nieuwsbericht | 12-03-2024", "nl", "label"),
        ("Kamerstuk", "nl", "label"),
        ("BRIEF VAN DE STAATSSECRETARIS VAN JUSTITIE EN VEILIGHEID", "nl", "label"),
        ("COMMUNICATION FROM THE COMMISSION", "en", "label"),
        # references and document numbers
        ("Nr. 2027 BRIEF VAN DE STAATSSECRETARIS VAN VEILIGHEID EN JUSTITIE", "nl", "reference"),
        ("Nr. 2993", "nl", "reference"),
        ("Kamerstuk 28 638, nr. 249", "nl", "reference"),
        ("Aanhangsel Handelingen, vergaderjaar 2020–2021, nr. 2854", "nl", "reference"),
        ("COM(2019) 481 final", "en", "reference"),
        ("Document 52021DC0591", "en", "reference"),
        ("  • 120/16", "en", "reference"),
        ("Tweede Kamer der Staten-Generaal | 2015-2016 | 21501-20 nr. 1094 |", "nl", "reference"),
        ("Date | Organisation | Session | Number |", "en", "reference"),
        ("Bron: IND", "nl", "reference"),
        ("Source: Frontex", "en", "reference"),
        # addressees and signatures of letters
        ("Aan de Voorzitter van de Tweede Kamer der Staten-Generaal", "nl", "addressee"),
        ("To the President of the European Parliament", "en", "addressee"),
        ("De Minister van Buitenlandse Zaken, A.G. Koenders", "nl", "signature"),
        ("De fungerend voorzitter van de commissie, Van Nispen", "nl", "signature"),
        ("Adjunct-griffier van de commissie, Paauwe", "nl", "signature"),
        ("The Home Secretary, James Cleverly", "en", "signature"),
        ("Hoogachtend,", "nl", "signature"),
        ("Yours sincerely,", "en", "signature"),
        # contact lines
        ("+32 22812074", "en", "contact"),
        ("Tel. 070 123 45 67", "nl", "contact"),
        ("press@consilium.europa.eu", "en", "contact"),
        ("Press contacts", "en", "contact"),
        ("Persvoorlichting", "nl", "contact"),
        # site boilerplate
        (
            "We use cookies to ensure we give you the best browsing experience on our website.",
            "en",
            "boilerplate",
        ),
        ("Wij gebruiken cookies om de website goed te laten werken.", "nl", "boilerplate"),
        ("Sorry, you need to enable JavaScript to visit this website.", "en", "boilerplate"),
        ("Schakel JavaScript in om deze website te gebruiken.", "nl", "boilerplate"),
        ("Skip to main content", "en", "boilerplate"),
        ("Back to EUR-Lex homepage", "en", "boilerplate"),
        ("Terug naar de homepage", "nl", "boilerplate"),
        ("U bent hier:", "nl", "boilerplate"),
        ("This document is an excerpt from the EUR-Lex website", "en", "boilerplate"),
    ],
)
def test_metadata_line_kinds(line: str, language: str, kind: str) -> None:
    assert kind in METADATA_KINDS
    assert kind_of(line, language) == kind


@pytest.mark.parametrize(
    ("line", "language"),
    [
        # story sentences that start like metadata
        ("Den Haag, 12 maart 2024 werd het besluit genomen om de grens te sluiten.", "nl"),
        ("Door onze inzet is het aantal asielaanvragen vorig jaar gedaald.", "nl"),
        ("Door de politie werden 12 mensen aangehouden.", "nl"),
        ("By the end of 2023, the number of crossings had risen.", "en"),
        ("By March 2024 the plan was in force.", "en"),
        ("Aan de grens werden vorige week 12 mensen aangehouden.", "nl"),
        ("To the surprise of many, the talks failed.", "en"),
        ("De minister van Justitie, Yeşilgöz, zei dat het kabinet dit wil.", "nl"),
        ("The Home Secretary, James Cleverly, said the plan would work.", "en"),
        ("Press officers said the talks had failed after three days.", "en"),
        ("Nieuws over de aanslag verspreidde zich snel door het land.", "nl"),
        ("The regulator said websites must ask before they use cookies.", "en"),
        ("Published figures show the number fell in March 2024.", "en"),
        ("Zie ook de brief van de minister over de opvang van asielzoekers.", "nl"),
        ("See also the statement by the Commission on the new pact.", "en"),
        # a story sentence citing a document is still story
        ("De Kamer is hierover geïnformeerd (Kamerstuk 28 638, nr. 249).", "nl"),
        ("The Commission adopted its report (COM(2019) 481 final) today.", "en"),
        # a sentence with the submitted date of questions is story (the questions are an event)
        (
            "Vragen van het lid Wiersma (VVD) aan de Staatssecretaris over het bericht (ingezonden 4 mei 2021).",
            "nl",
        ),
        ("Antwoord van Staatssecretaris Dijkhoff (Veiligheid en Justitie) (ontvangen 11 mei 2017).", "nl"),
        # a headline is not metadata
        ("Council conclusions on migrant smuggling", "en"),
        ("Kabinet investeert miljoenen in migratiedeals", "nl"),
        ("12 000 migranten gered op de Middellandse Zee", "nl"),
    ],
)
def test_story_lines_are_never_marked(line: str, language: str) -> None:
    assert kind_of(line, language) is None


def test_place_dateline_opening_a_paragraph_is_marked_up_to_its_dash() -> None:
    text = "Kop\nDen Haag, 12 maart 2024 – " + STORY_NL
    assert marked(text, "nl") == [("Den Haag, 12 maart 2024 –", "dateline")]


@pytest.mark.parametrize(
    ("text", "language", "dateline"),
    [
        ("Kop\nLONDON (Reuters) - " + STORY_EN, "en", "LONDON (Reuters) -"),
        ("Kop\nBOULOGNE-SUR-MER, France (AP) — " + STORY_EN, "en", "BOULOGNE-SUR-MER, France (AP) —"),
        ("Kop\nBrussels (AFP) – " + STORY_EN, "en", "Brussels (AFP) –"),
        ("Kop\nDEN HELDER - " + STORY_NL, "nl", "DEN HELDER -"),
        ("Kop\nATHENS, July 3 (Reuters) - " + STORY_EN, "en", "ATHENS, July 3 (Reuters) -"),
        ("Kop\nDen Haag, 12 maart 2024 (ANP) - " + STORY_NL, "nl", "Den Haag, 12 maart 2024 (ANP) -"),
    ],
)
def test_wire_dateline_without_a_date_opening_a_paragraph(text: str, language: str, dateline: str) -> None:
    assert marked(text, language) == [(dateline, "dateline")]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Kop\nUK - France talks were held on Monday in Paris between the two interior ministers.", "en"),
        ("Kop\nEU - Turkije: de verklaring werd in maart 2016 door alle regeringsleiders aangenomen.", "nl"),
        ("Kop\nThe Hague - a city of peace - hosted the talks on Monday with all the ministers.", "en"),
    ],
)
def test_a_short_or_lower_case_opening_before_a_dash_is_no_wire_dateline(text: str, language: str) -> None:
    assert marked(text, language) == []


def test_citation_after_see_also_at_the_end_of_a_line() -> None:
    text = "Antwoord van de minister (ontvangen 21 juni\n2021). Zie ook Aanhangsel Handelingen, vergaderjaar 2020–2021, nr. 2854.\n"
    assert marked(text, "nl") == [
        ("Zie ook Aanhangsel Handelingen, vergaderjaar 2020–2021, nr. 2854.", "reference")
    ]


@pytest.mark.parametrize(
    ("text", "language", "lines"),
    [
        (
            "Press contacts\n\nJoaquín Nogueroles Garcia\nPress officer (Home Affairs)\n+32 22812074\n\n"
            + STORY_EN,
            "en",
            ["Press contacts", "Joaquín Nogueroles Garcia", "Press officer (Home Affairs)", "+32 22812074"],
        ),
        (
            "Contactpersoon\nJan de Vries\nWoordvoerder\n" + STORY_NL,
            "nl",
            ["Contactpersoon", "Jan de Vries", "Woordvoerder"],
        ),
    ],
)
def test_contact_block_runs_from_its_heading(text: str, language: str, lines: list[str]) -> None:
    assert marked(text, language) == [(line, "contact") for line in lines]


@pytest.mark.parametrize(
    ("text", "language", "lines"),
    [
        (
            "De Staatssecretaris van Justitie en Veiligheid,\nE. van der Burg\n",
            "nl",
            ["De Staatssecretaris van Justitie en Veiligheid,", "E. van der Burg"],
        ),
        (
            "The Secretary of State for the Home Department,\nJames Cleverly\n",
            "en",
            ["The Secretary of State for the Home Department,", "James Cleverly"],
        ),
    ],
)
def test_signature_over_two_lines(text: str, language: str, lines: list[str]) -> None:
    assert marked(STORY_NL + "\n" + text if language == "nl" else STORY_EN + "\n" + text, language) == [
        (line, "signature") for line in lines
    ]


def test_dossier_number_only_in_the_header() -> None:
    assert marked("19 637 Vreemdelingenbeleid\n" + STORY_NL, "nl") == [
        ("19 637 Vreemdelingenbeleid", "reference")
    ]
    assert marked(STORY_NL + "\n19 637 Vreemdelingenbeleid\n", "nl") == []


@pytest.mark.parametrize("text", ["", "\n\n", "|" * 5000, "A,\n" * 100, "By " + "A" * 5000, "\x00\ufffd"])
def test_odd_text_gives_no_error(text: str) -> None:
    assert isinstance(metadata_lines(text, "nl"), list)
    assert title_span(text, "en") is None or isinstance(title_span(text, "en"), tuple)


# --- the title ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "language", "title"),
    [
        # past boilerplate
        (
            "We use cookies to ensure we give you the best browsing experience on our website.\n\nCouncil conclusions on migrant smuggling\n\nCouncil of the EU\n"
            + STORY_EN,
            "en",
            "Council conclusions on migrant smuggling",
        ),
        (
            "Wij gebruiken cookies om de website goed te laten werken.\nKabinet investeert in migratiedeals\n"
            + STORY_NL,
            "nl",
            "Kabinet investeert in migratiedeals",
        ),
        (
            "Sorry, you need to enable JavaScript to visit this website.\n\nEurojust annual meeting on migrant smuggling\n\n13 November 2025|NEWS\n"
            + STORY_EN,
            "en",
            "Eurojust annual meeting on migrant smuggling",
        ),
        # past labels
        (
            "Policy paper\n\nJoint ministerial statement from the Calais Group\n\nPublished 4 March 2024\n"
            + STORY_EN,
            "en",
            "Joint ministerial statement from the Calais Group",
        ),
        (
            "Nieuwsbericht\nKabinet investeert in migratiedeals\n" + STORY_NL,
            "nl",
            "Kabinet investeert in migratiedeals",
        ),
        # past references, datelines and document types
        (
            "Brussels, 16.10.2019\n\nCOM(2019) 481 final\n\nCOMMUNICATION FROM THE COMMISSION\n\nProgress report on the European Agenda on Migration\n\n"
            + STORY_EN,
            "en",
            "Progress report on the European Agenda on Migration",
        ),
        (
            "Nr. 12 NOTA VAN DE MINISTER\n\nVoortgang van de aanpak van mensensmokkel\n\n" + STORY_NL,
            "nl",
            "Voortgang van de aanpak van mensensmokkel",
        ),
        # a site name over boilerplate is not the title
        (
            "EUR-Lex Access to European Union law\n\nBack to EUR-Lex homepage\n\nA renewed EU action plan against migrant smuggling\n\n"
            + STORY_EN,
            "en",
            "A renewed EU action plan against migrant smuggling",
        ),
        # a document type before the title on one line
        (
            "COMMUNICATION FROM THE COMMISSION TO THE COUNCIL A renewed EU action plan\n\n" + STORY_EN,
            "en",
            "A renewed EU action plan",
        ),
        # the line over the byline
        (
            "Skip to main content\nHome Office in the media\n\nMedia factsheet: Border Force\n\nPosted by: , Posted on: - Categories: Fact sheet\n\n"
            + STORY_EN,
            "en",
            "Media factsheet: Border Force",
        ),
        (
            "Ga direct naar inhoud\nDe Krant\nKabinet investeert in migratiedeals\nDoor onze verslaggever · 4 juni 2024\n"
            + STORY_NL,
            "nl",
            "Kabinet investeert in migratiedeals",
        ),
        # a headline over a date line, under an opening paragraph
        (
            STORY_EN + "\nNews\nLast month in the field - January\n2025-02-24\n" + STORY_EN,
            "en",
            "Last month in the field - January",
        ),
        (STORY_NL + "\nNieuws\nTerugblik op januari\n2025-02-24\n" + STORY_NL, "nl", "Terugblik op januari"),
        # Markdown heading marks are not part of the title
        ("# A headline\n\nBody text here.", "en", "A headline"),
    ],
)
def test_find_title(text: str, language: str, title: str) -> None:
    assert find_title(text, language) == title
    start, end = title_span(text, language)
    assert text[start:end] == title


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # a letter: references, document type, addressee, date line, then a section heading
        (
            "28 638 Mensenhandel\n\nNr. 183 BRIEF VAN DE STAATSSECRETARIS VAN JUSTITIE EN VEILIGHEID\n\nAan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\nDen Haag, 1 juli 2020\n\nAanleiding\n\n"
            + STORY_NL,
            "nl",
        ),
        (
            "To the President of the European Parliament\n\nBrussels, 16.10.2019\n\nIntroduction\n\n"
            + STORY_EN,
            "en",
        ),
        # only references, document types and a dateline
        (
            "COM(2019) 481 final\n\nCOMMUNICATION FROM THE COMMISSION\n\nBrussels, 16.10.2019\n\n" + STORY_EN,
            "en",
        ),
        (
            "BRIEF VAN DE STAATSSECRETARIS VAN JUSTITIE EN VEILIGHEID\n\nDen Haag, 1 juli 2020\n\n"
            + STORY_NL,
            "nl",
        ),
        # the first line of text is no headline (too long): a heading under it is no title either
        (
            "Vragen van de leden Dral en Rajkowski (beiden VVD) aan de ministers van Justitie en Veiligheid en van "
            "Asiel en Migratie over het artikel ‘Mensensmokkel via zee goudmijn’ in de krant van vorige week "
            "(ingezonden 21 november 2024)\n"
            "Vraag 1\nBent u bekend met bovenvermeld artikel?\n",
            "nl",
        ),
        (
            "Questions from the members Smith and Jones to the Minister of Justice and Security about the report on "
            "smuggling by sea across the Channel and the ports of the north coast in the newspaper of last week "
            "(submitted 21 November 2024)\nQuestion 1\nAre you aware of it?\n",
            "en",
        ),
        # a text that opens with its story; a question heading below it is no title
        (STORY_NL + "\nVraag 1\nBent u bekend met het bericht?\n", "nl"),
        (STORY_EN + "\nBackground\n" + STORY_EN, "en"),
    ],
)
def test_no_title(text: str, language: str) -> None:
    assert find_title(text, language) is None


# --- the devnews documents -------------------------------------------------------------------------


def devnews() -> tuple[object, dict]:
    folder = shared_path("corpora", "devnews")
    return folder, json.loads((folder / "gold" / "timeline.json").read_text(encoding="utf-8"))["documents"]


def test_devnews_no_event_text_is_marked() -> None:
    """Precision: no text of a reference event (its cues) lies in a metadata span."""
    folder, gold = devnews()
    hits = []
    for name, document in gold.items():
        text, _ = strip_date_marker((folder / name).read_text(encoding="utf-8"))
        spans = metadata_lines(text, document["language"])
        for event in document["events"]:
            for cue in event["cues"]:
                at = text.find(cue)
                if at >= 0 and any(s < at + len(cue) and at < e for s, e, _ in spans):
                    hits.append((name, cue))
    assert hits == []


def test_devnews_header_lines_are_marked() -> None:
    """Recall on what the reference calls no event: the datelines, bylines and page chrome among its
    not_events, and the document numbers among its must_not texts, are marked."""
    folder, gold = devnews()
    expected = {
        "01_zoek.officielebekendmakingen.nl_2015-08.txt": [
            "19 637 Vreemdelingenbeleid",
            "Nr. 2027",
            "Den Haag, 17 augustus 2015",
            "Bron: IND",
        ],
        "02_zoek.officielebekendmakingen.nl_2016-03.txt": [
            "U bent hier:",
            "Den Haag, 9 maart 2016",
            "De Minister van Buitenlandse Zaken, A.G. Koenders",
            "2015-2016 | 21501-20 nr. 1094",
        ],
        "09_zoek.officielebekendmakingen.nl_2024-06.txt": [
            "Vastgesteld 7 juni 2024",
            "De fungerend voorzitter van de commissie, Van Nispen",
            "Adjunct-griffier van de commissie, Paauwe",
        ],
        "12_consilium.europa.eu_2016-03.txt": [
            "We use cookies to ensure",
            "10/03/2016",
            "15:00",
            "Press contacts",
            "Joaquín Nogueroles Garcia",
            "+32 22812074",
            "120/16",
        ],
        "14_homeofficemedia.blog.gov.uk_2019-11.txt": [
            "Skip to main content",
            "Posted by: , Posted on: - Categories: Fact sheet",
        ],
        "15_home-affairs.ec.europa.eu_2021-09.txt": [
            "Back to EUR-Lex homepage",
            "Brussels, 29.9.2021",
            "Document 52021DC0591",
            "COM(2021) 591 final",
        ],
        "20_eurojust.europa.eu_2025-11.txt": [
            "Sorry, you need to enable JavaScript",
            "13 November 2025|NEWS",
        ],
    }
    missed = []
    for name, snippets in expected.items():
        text, _ = strip_date_marker((folder / name).read_text(encoding="utf-8"))
        spans = metadata_lines(text, gold[name]["language"])
        for snippet in snippets:
            at = text.find(snippet)
            assert at >= 0, (name, snippet)
            if not any(s <= at and at + len(snippet) <= e for s, e, _ in spans):
                missed.append((name, snippet))
    assert missed == []


# --- the shortcuts taken for speed give what the plain reading gives ---------------------------------

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def layout_texts() -> list[tuple[str, str]]:
    """The seeds and (when there) devnews as the pipeline reads them, and a letter whose signature's role
    line is the opening's last line and its name the first line after it."""
    texts = [(p.read_text(encoding="utf-8"), "nl") for p in sorted(SEEDS.glob("*.txt"))]
    if SHARED.joinpath("corpora", "devnews").exists():
        folder, gold = devnews()
        texts += [
            ((folder / name).read_text(encoding="utf-8"), doc["language"]) for name, doc in gold.items()
        ]
    role = "De Minister van Buitenlandse Zaken,\n"
    filler = (STORY_NL + "\n") * ((layout.OPENING_CHARS - 200) // (len(STORY_NL) + 1))
    pad = "Het kabinet zegt " + "heel " * ((layout.OPENING_CHARS - 10 - len(filler) - 22) // 5) + "veel.\n"
    letter = filler + pad + role + "A.G. Koenders\n" + STORY_NL + "\n"
    assert letter.index(role) < layout.OPENING_CHARS < letter.index("A.G. Koenders")
    return texts + [(letter, "nl")]


def fresh(function, *args):
    layout.line_reader.cache_clear()
    layout.opening_lines.cache_clear()
    return function(*args)


@pytest.mark.parametrize("metadata_first", [True, False])
def test_one_read_of_the_lines_gives_what_separate_reads_give(metadata_first) -> None:
    for text, language in layout_texts():
        opening = tuple(layout.read_lines(text, language, layout.OPENING_CHARS))
        spans = [
            (line.span[0], line.span[1], line.kind) for line in layout.read_lines(text, language) if line.span
        ]
        fresh(lambda: None)
        if metadata_first:
            assert metadata_lines(text, language) == spans
            assert layout.opening_lines(text, language) == opening
        else:
            assert layout.opening_lines(text, language) == opening
            assert metadata_lines(text, language) == spans
        assert fresh(title_span, text, language) == title_span(text, language)
    last = layout.read_lines(letter := layout_texts()[-1][0], "nl", layout.OPENING_CHARS)[-1]
    assert last.kind is None and fresh(metadata_lines, letter, "nl")[-2][2] == "signature"  # the edge is met


PHRASE_CHARS = "aciejkosuvwzKİıſ \n-*"


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet=PHRASE_CHARS, max_size=30), st.sampled_from(["nl", "en"]))
def test_a_line_without_the_needles_holds_no_boilerplate_phrase(text, language) -> None:
    r = layout.rules(language)
    for phrase in layout.document_words(language, "boilerplate_contains") + layout.document_words(
        language, "see_also"
    ):
        for variant in (
            text,
            phrase,
            phrase.upper(),
            phrase.replace("i", "ı"),
            phrase.replace("s", "ſ"),
            text + phrase.replace("k", "K"),
        ):
            if r.boilerplate_contains.search(variant):
                assert layout.may_hold(variant, r.boilerplate_needles)
            if r.see_also.search(variant):
                assert layout.may_hold(variant, r.see_also_needles)
    assert not layout.may_hold("Het kabinet besloot.", r.boilerplate_needles)


def test_a_batch_parsed_then_extracted_reads_each_documents_lines_once() -> None:
    """`extract_rows` parses a whole batch (the date and title read the opening lines) before it extracts
    (the metadata reads them on): the layout keeps the lines of as many documents as a batch holds."""
    from flows.pipeline import extract_rows
    from flows.settings import DEFAULT_BATCH_SIZE
    from transforms.model import RawSource

    assert layout.DOCUMENTS_KEPT >= DEFAULT_BATCH_SIZE
    stories = [
        (f"Titel {i}\n\nDen Haag, {i + 1} maart 2024\n\n{STORY_NL} Er waren er {i}.\n", "nl")
        for i in range(12)
    ]
    raws = [RawSource(f"d{i}.txt", f"d{i}.txt", "txt", text.encode()) for i, (text, _) in enumerate(stories)]
    fresh(lambda: None)
    batch = extract_rows(raws, dt.datetime(2024, 4, 1), 0)
    assert batch.documents.num_rows == len(stories)
    assert layout.line_reader.cache_info().misses == len(stories)  # one reading per document
