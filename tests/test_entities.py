"""transforms/entities/mentions.py (one sentence): one case per rule and language, with the expected
(actors, locations). The document-level reading is in test_entities_document.py, places in test_places.py."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from tests.conftest import SHARED, shared_path
from transforms.entities import (
    extract_entities,
    find_mentions,
    mentions,
    read_entities,
    runs,
    sieve,
    topic_span,
    words,
)
from transforms.entities.lexicon import load_gazetteer
from transforms.events import extract_events
from transforms.model import Document, Published
from transforms.sentences import scan_tokens, split_sentences


@pytest.mark.parametrize(
    ("language", "sentence", "actors", "locations"),
    [
        # a title before a name: the name alone; demonym and title are not part of it
        ("nl", "De Britse premier Keir Starmer riep maandag op tot samenwerking.", ["Keir Starmer"], []),
        (
            "nl",
            "Minister Faber (Asiel en Migratie) en minister Klever trekken geld uit.",
            ["Faber", "Klever"],
            [],
        ),
        (
            "nl",
            (
                "In De Panne hebben de Belgische minister van Binnenlandse Veiligheid Bernard Quintin en de Britse "
                "minister voor Migratie Alex Norris een actie bijgewoond."
            ),
            ["Bernard Quintin", "Alex Norris"],
            ["De Panne"],
        ),
        ("nl", "Premier Rutte sprak met minister Van der Laan van Justitie.", ["Rutte", "Van der Laan"], []),
        ("en", "Interior Minister Priti Patel said.", ["Priti Patel"], []),
        ("en", "The Minister of Internal Affairs Anelis Verlinden said.", ["Anelis Verlinden"], []),
        (
            "en",
            "It was signed by the Prime Minister of the United Kingdom Boris Johnson.",
            ["United Kingdom", "Boris Johnson"],  # the country acts through its prime minister
            [],
        ),
        # a name at the sentence start followed by a speech or action verb is a person
        ("nl", "Starmer sprak tijdens een bijeenkomst.", ["Starmer"], []),
        ("en", "Verlinden briefed his counterpart.", ["Verlinden"], []),
        ("nl", "Smokkelaars promoten hun diensten.", [], []),  # an ordinary capitalised first word
        # organisations from the gazetteer, acronyms, and an acronym in parentheses not repeated
        ("nl", "De conclusie van het Openbaar Ministerie (OM) is duidelijk.", ["Openbaar Ministerie"], []),
        (
            "nl",
            "Het OM, samen met de Koninklijke Marechaussee en de Britse National Crime Agency, vraagt aandacht.",
            ["OM", "Koninklijke Marechaussee", "National Crime Agency"],
            [],
        ),
        ("nl", "De Telegraaf, 19 november 2024.", ["De Telegraaf"], []),
        ("nl", "Op 10 december vond een bijeenkomst van de Calais Groep plaats.", ["Calais Groep"], []),
        (
            "en",
            "The European Commission met Europol and the IOM.",
            ["European Commission", "Europol", "IOM"],
            [],
        ),
        # unknown organisation names: capitalised runs, `en` inside when an organisation word is in them
        (
            "nl",
            "Uit onderzoek van het Expertisecentrum Mensenhandel en Mensensmokkel bleek dit.",
            ["Expertisecentrum Mensenhandel en Mensensmokkel"],
            [],
        ),
        ("en", "The Operational Task Force met in Paris.", ["Operational Task Force"], ["Paris"]),
        # places: cities with Dutch exonyms, regions, seas
        (
            "nl",
            "De top in Londen ging over Noord-Afrika en het Midden-Oosten.",
            [],
            ["Londen", "Noord-Afrika", "Midden-Oosten"],
        ),
        (
            "nl",
            "De politie houdt in West-Vlaanderen de overtochten over het Kanaal in de gaten.",
            [],
            ["West-Vlaanderen", "Kanaal"],
        ),
        ("en", "Boats leave Calais to cross the Channel.", [], ["Calais", "Channel"]),
        # an unknown name after a locative preposition is a place
        ("nl", "Er werden vijf mensen opgepakt in Jabbeke.", [], ["Jabbeke"]),
        ("en", "Five people were arrested in Ramsgate.", [], ["Ramsgate"]),
        # countries: places after a preposition; actors (and places) otherwise; conjuncts share the role
        ("nl", "Hij wilde migranten naar Rwanda deporteren.", [], ["Rwanda"]),
        (
            "nl",
            "België en het Verenigd Koninkrijk hebben dezelfde vastberadenheid.",
            ["België", "Verenigd Koninkrijk"],
            ["België", "Verenigd Koninkrijk"],
        ),
        (
            "nl",
            "Met 40 landen, waaronder de Verenigde Staten, Frankrijk en Vietnam.",
            [],
            ["Verenigde Staten", "Frankrijk", "Vietnam"],
        ),
        ("en", "We condemn Russia’s invasion of Ukraine.", ["Russia"], ["Russia", "Ukraine"]),
        (
            "en",
            "Meeting of the Minister of Interior with the Minister of Internal Affairs of Belgium",
            ["Minister of Interior", "Minister of Internal Affairs", "Belgium"],  # offices; Belgium acts
            [],
        ),
        # a demonym before an institution noun acts
        ("nl", "De Belgische politie voerde een actie uit.", ["Belgische politie"], []),
        ("en", "French authorities rescued them.", ["French authorities"], []),
        # not names: months, weekdays, briefs, document titles, codes
        ("en", "On Monday, in November 2021, the talks began.", [], []),
        (
            "nl",
            "Vragen aan de ministers van Justitie en Veiligheid (ingezonden 21 november, 20242024Z19016).",
            [],
            [],
        ),
        ("nl", "Kamerstukken II, 2024-2025, 32317, nr. 925.", [], []),
        ("en", "We are implementing our new Immigration Plan.", [], []),
        # deduplicated, in order of appearance
        ("nl", "Europol en Eurojust, en opnieuw Europol.", ["Europol", "Eurojust"], []),
    ],
)
def test_extracts_entities(language: str, sentence: str, actors: list[str], locations: list[str]) -> None:
    assert extract_entities(sentence, language) == (actors, locations)


def test_unknown_language_still_finds_known_names() -> None:
    # A language without a gazetteer still gets every language's names.
    assert extract_entities("Europol en Londen.", "de") == (["Europol"], ["Londen"])


# --- one sentence: the rules added with the document-level reader -----------------------------------


@pytest.mark.parametrize(
    ("language", "sentence", "actors", "locations"),
    [
        # a country after an agentive preposition acts, and is no place
        ("nl", "Het actieplan tussen Turkije en de EU werd versneld.", ["Turkije", "EU"], []),
        ("en", "The Agency welcomed closer cooperation with Albania.", ["Albania"], []),
        # ... after `from`/`uit` heading an institution it acts, at home; after a title or an acting noun it acts
        (
            "nl",
            "Er werd actie gevoerd door autoriteiten uit Oostenrijk en Griekenland.",
            ["Oostenrijk", "Griekenland"],
            ["Oostenrijk", "Griekenland"],
        ),
        (
            "en",
            "The operation was carried out by authorities from Austria and Sweden.",
            ["Austria", "Sweden"],
            ["Austria", "Sweden"],
        ),
        ("nl", "Hij sprak met de premier van Albanië over migratie.", ["Albanië"], []),
        ("en", "At the invitation of the United Kingdom, the ministers gathered.", ["United Kingdom"], []),
        # ... a place after any other preposition (near miss: the noun before `of` does not act)
        ("en", "They condemned the invasion of Ukraine.", [], ["Ukraine"]),
        ("nl", "De aanvragen in Syrië stegen.", [], ["Syrië"]),
        # the object of an English verb is a place, not an actor; Dutch puts subjects after verbs too
        ("en", "Last year, nearly 144 million individuals entered the UK.", [], ["UK"]),
        (
            "nl",
            "Ook in Europol verband werkt Nederland al nauw samen.",
            ["Europol", "Nederland"],
            ["Nederland"],
        ),
        ("en", "They discussed Russia's invasion of Ukraine.", ["Russia"], ["Russia", "Ukraine"]),
        # the parts of a hyphen compound are parties; a lower-case compound is a common noun
        ("nl", "Het verslag van de EU-Turkije Top is klaar.", ["EU", "Turkije"], []),
        ("en", "The UK-Albania Joint Communique was published.", ["UK", "Albania"], []),
        ("nl", "De leden van de GroenLinks-PvdA-fractie vroegen dit.", [], []),
        ("en", "The EU-funded project started.", [], []),
        # a union acts, and is a place after a preposition of territory
        ("en", "Irregular border crossings into the EU fell.", [], ["EU"]),
        ("nl", "De EU besloot tot steun aan landen buiten de EU.", ["EU"], ["EU"]),
        # an office named by title and brief acts; a body named by its brief too; plural titles name no office
        (
            "nl",
            "Ik informeer u mede namens de Minister van Defensie over de voortgang.",
            ["Minister van Defensie"],
            [],
        ),
        (
            "en",
            "They met in the presence of the European Commissioner for Home Affairs.",
            ["European Commissioner for Home Affairs"],
            [],
        ),
        (
            "nl",
            "De vaste commissie voor Justitie en Veiligheid heeft vragen gesteld.",
            ["commissie voor Justitie en Veiligheid"],
            [],
        ),
        ("en", "The Committee for Home Affairs has asked questions.", ["Committee for Home Affairs"], []),
        ("nl", "Mede namens de ministers van Buitenlandse Zaken antwoord ik.", [], []),
        ("en", "Both Prime Ministers agreed.", [], []),
        # an office in apposition to a person is the person; initials belong to the name
        ("nl", "De Minister van Buitenlandse Zaken, A.G. Koenders", ["A.G. Koenders"], []),
        (
            "en",
            "The Prime Minister of the UK, Mr Rishi Sunak, agreed to enhance cooperation.",
            ["UK", "Rishi Sunak"],
            [],
        ),
        ("en", "The letter was signed by J.K. Smith yesterday.", ["J.K. Smith"], []),
        # a party in parentheses after a person is an affiliation; an organisation before title and name too
        (
            "nl",
            "Vragen van de leden Keijzer (CDA) en Azmani (VVD) aan de minister.",
            ["Keijzer", "Azmani"],
            [],
        ),
        ("en", "Questions were asked by Mr Smith (Labour) yesterday.", ["Smith"], []),
        (
            "en",
            "Frontex hosted EU Commissioner Magnus Brunner for discussions.",
            ["Frontex", "Magnus Brunner"],
            [],
        ),
        ("nl", "Het bezoek van NAVO secretaris-generaal Mark Rutte duurde kort.", ["Mark Rutte"], []),
        # two organisations joined by `and`/`en` are two when both have a head word
        (
            "en",
            "They were welcomed by the Albanian State Police and Regional Border and Migration Police in Gjirokastra.",
            ["Albanian State Police", "Regional Border and Migration Police"],
            ["Gjirokastra"],
        ),
        (
            "nl",
            "Zij werden geholpen door de Stichting Vluchteling en Stichting Bootvluchteling gisteren.",
            ["Stichting Vluchteling", "Stichting Bootvluchteling"],
            [],
        ),
        # a capitalised particle opens a name mid-sentence; a name after a geographic noun is a place
        ("nl", "Hoewel de situatie in Ter Apel is verbeterd, blijft de druk hoog.", [], ["Ter Apel"]),
        ("nl", "Er kwamen berichten over het eiland Kos.", [], ["Kos"]),
        ("en", "Migrants arrived on the island of Kos.", [], ["Kos"]),
        # a demonym before a geographic noun after a locative is a place; before a government noun the country
        ("en", "Over 23,000 migrants were rescued in the Nigerien desert.", [], ["Nigerien desert"]),
        ("nl", "Zij werden gered in de Libische woestijn.", [], ["Libische woestijn"]),
        ("en", "The Dutch government is investing in border control.", ["Netherlands"], []),
        ("nl", "De Nederlandse regering investeert in grenscontrole.", ["Nederland"], []),
        ("nl", "Dit wordt door de Italiaanse Justitie uitgevoerd.", ["Italiaanse Justitie"], []),
        # the government named bare acts; followed by `van`/`of` the country does
        ("nl", "Het kabinet verwelkomt dergelijke onderzoeken.", ["kabinet"], []),
        ("en", "The government is allocating € 95 million.", ["government"], []),
        ("nl", "De regering van Turkije besloot tot terugname.", ["Turkije"], ["Turkije"]),
        # not names: a heading's adjective, a programme's name, documents, generic nouns, plural acronyms,
        # a Roman numeral after a number, a numbered heading, title-case headings, table cells
        ("nl", "Het verslag van de Informele Europese Raad is klaar.", ["Europese Raad"], []),
        ("nl", "Het programma Samen tegen mensenhandel loopt.", [], []),
        ("nl", "Voor de uitvoering van het Actieplan is geld nodig.", [], []),
        ("en", "Member States and relevant EU Agencies agreed.", ["EU"], []),
        ("en", "We prevent NGOs from being misused.", [], []),
        ("nl", "Zie kamerstuk 35 300 VI, nr. 48.", [], []),
        ("nl", "I. Mensenhandel", [], []),
        ("en", "Saving Lives in the Central Mediterranean", [], ["Central Mediterranean"]),
        ("nl", "Datum publicatie | Organisatie | Vergaderjaar |", [], []),
        ("en", "Progress report on the Implementation of the European Agenda on Migration", [], []),
        # first person, address and bare titles need the document: alone they name nobody
        ("nl", "Met deze brief informeer ik uw Kamer, mede namens de Minister-President.", [], []),
        ("en", "I am writing to you on behalf of the Prime Minister.", [], []),
    ],
)
def test_extracts_entities_by_the_new_rules(
    language: str, sentence: str, actors: list[str], locations: list[str]
) -> None:
    assert extract_entities(sentence, language) == (actors, locations)


@pytest.mark.parametrize(
    ("language", "sentence", "acronym", "full"),
    [
        (
            "nl",
            "Controles door de Koninklijke Marechaussee (KMar) bij de grens.",
            "KMar",
            "Koninklijke Marechaussee",
        ),
        (
            "en",
            "They share data in the Joint Intelligence Cell (JIC) every week.",
            "JIC",
            "Joint Intelligence Cell",
        ),
    ],
)
def test_an_acronym_in_parentheses_is_tied_to_its_name(language, sentence, acronym, full) -> None:
    mentions, links = find_mentions(sentence, language)
    assert [(link.short, link.full, link.kind) for link in links] == [(acronym, full, "acronym")]
    assert acronym not in [m.name for m in mentions]


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("nl", "Vragen van het lid Dijkhoff (D66) aan de minister."),
        ("en", "Questions from Mr Davies (DUP) today."),
    ],
)
def test_a_party_after_a_person_is_no_acronym_of_the_person(language, sentence) -> None:
    mentions, links = find_mentions(sentence, language)
    assert links == []
    assert [m.kind for m in mentions if m.actor] == ["person"]


# --- the whole document ----------------------------------------------------------------------------


def span_of(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


def actors_in(text: str, language: str, part: str) -> list[str]:
    return read_entities(text, language).in_span(*span_of(text, part))[0]


@pytest.mark.parametrize(
    ("language", "text", "part", "actors"),
    [
        # an acronym tied to its name in parentheses is that name later on
        (
            "nl",
            "De Koninklijke Marechaussee (KMar) controleert de grens. Gisteren hield de KMar vijf mensen aan.",
            "Gisteren hield de KMar vijf mensen aan.",
            ["Koninklijke Marechaussee"],
        ),
        (
            "en",
            "The Joint Intelligence Cell (JIC) was set up in 2020. Since then the JIC has shared data.",
            "Since then the JIC has shared data.",
            ["Joint Intelligence Cell"],
        ),
        # a known short form is its full form when the document uses that, else it stays
        (
            "nl",
            "De Europese Unie trekt geld uit. Daarna besloot de EU tot meer steun.",
            "Daarna besloot de EU tot meer steun.",
            ["Europese Unie"],
        ),
        ("nl", "Daarna besloot de EU tot meer steun.", "Daarna besloot de EU tot meer steun.", ["EU"]),
        (
            "en",
            "The European Union faced a challenge. Then the EU took swift action.",
            "Then the EU took swift action.",
            ["European Union"],
        ),
        # a surname is the one full name the document gives it; two candidates leave it as it is
        (
            "nl",
            "De Britse premier Keir Starmer riep op tot actie. Starmer sprak in Londen.",
            "Starmer sprak in Londen.",
            ["Keir Starmer"],
        ),
        (
            "en",
            "Prime Minister Keir Starmer met Europol. Starmer said the gangs must be stopped.",
            "Starmer said the gangs must be stopped.",
            ["Keir Starmer"],
        ),
        (
            "en",
            "Keir Starmer and Anna Starmer arrived. Starmer said nothing.",
            "Starmer said nothing.",
            ["Starmer"],
        ),
        # a shorter name standing in exactly one longer one is that one; not as its complement
        (
            "nl",
            "De Koninklijke Marechaussee controleert. De Marechaussee hield vijf mensen aan.",
            "De Marechaussee hield vijf mensen aan.",
            ["Koninklijke Marechaussee"],
        ),
        (
            "en",
            "Joint statement of the United Kingdom of Great Britain and Northern Ireland. The United Kingdom "
            "signed it.",
            "The United Kingdom signed it.",
            ["United Kingdom of Great Britain and Northern Ireland"],
        ),
        (
            "en",
            "Council of the EU conclusions were adopted. The EU agreed to act.",
            "The EU agreed to act.",
            ["EU"],
        ),
        # a sentence's first word that heads one organisation of the document is that organisation
        (
            "en",
            "Council conclusions on migrant smuggling\nCouncil of the EU\nThe text follows.",
            "Council conclusions on migrant smuggling",
            ["Council of the EU"],
        ),
        (
            "nl",
            "Raad adviseert negatief\nDe Raad van State heeft het voorstel beoordeeld.",
            "Raad adviseert negatief",
            ["Raad van State"],
        ),
        (
            "en",
            "Security issues matter here. The UN Security Council met.",
            "Security issues matter here.",
            [],
        ),
        # a name written in capitals (a heading) is given in ordinary case
        (
            "nl",
            "Nr. 2027 BRIEF VAN DE STAATSSECRETARIS VAN VEILIGHEID EN JUSTITIE\n\nHierbij.",
            "Nr. 2027 BRIEF VAN DE STAATSSECRETARIS VAN VEILIGHEID EN JUSTITIE",
            ["Staatssecretaris van Veiligheid en Justitie"],
        ),
        (
            "en",
            "COMMUNICATION FROM THE COMMISSION TO THE EUROPEAN PARLIAMENT\n\nIntroduction",
            "COMMUNICATION FROM THE COMMISSION TO THE EUROPEAN PARLIAMENT",
            ["European Parliament"],  # a heading: only what names itself without capitals
        ),
        # a bare office title is the one person the document names with it
        (
            "nl",
            "Minister-President Rutte sprak. Het verslag komt mede namens de Minister-President.",
            "Het verslag komt mede namens de Minister-President.",
            ["Rutte"],
        ),
        (
            "en",
            "Prime Minister Rishi Sunak met Edi Rama. The agreement was welcomed by the Prime Minister.",
            "The agreement was welcomed by the Prime Minister.",
            ["Rishi Sunak"],
        ),
        (
            "nl",
            "Minister Faber en minister Klever spraken. De minister kondigde maatregelen aan.",
            "De minister kondigde maatregelen aan.",
            [],
        ),
        # the addressee noun is the one organisation of the document it names
        (
            "nl",
            "Tweede Kamer der Staten-Generaal | 2015-2016 |\nHet kabinet stuurde de Kamer een brief.",
            "Het kabinet stuurde de Kamer een brief.",
            ["kabinet", "Tweede Kamer der Staten-Generaal"],
        ),
        (
            "nl",
            "De Tweede Kamer en de Eerste Kamer stemden. Het kabinet stuurde de Kamer een brief.",
            "Het kabinet stuurde de Kamer een brief.",
            ["kabinet"],
        ),
    ],
)
def test_reads_the_document_for_the_fullest_form(language, text, part, actors) -> None:
    assert actors_in(text, language, part) == actors


LETTER_NL = (
    "19 637 Vreemdelingenbeleid\n\nNr. 2027 BRIEF VAN DE STAATSSECRETARIS VAN VEILIGHEID EN JUSTITIE\n\n"
    "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\nDen Haag, 17 augustus 2015\n\n"
    "Met deze brief informeer ik uw Kamer over de asielinstroom. Sinds mei zien we een stijging."
)
LETTER_EN = (
    "LETTER FROM THE HOME SECRETARY\n\nTo the Chair of the Home Affairs Committee\n\n"
    "I am writing to you about small boats. We have returned 500 people."
)


@pytest.mark.parametrize(
    ("language", "text", "part", "actors"),
    [
        # a letter's heading names the sender, its address line the addressee
        (
            "nl",
            LETTER_NL,
            "Met deze brief informeer ik uw Kamer over de asielinstroom.",
            ["Staatssecretaris van Veiligheid en Justitie", "Tweede Kamer der Staten-Generaal"],
        ),
        ("nl", LETTER_NL, "Sinds mei zien we een stijging.", ["Staatssecretaris van Veiligheid en Justitie"]),
        (
            "en",
            LETTER_EN,
            "I am writing to you about small boats.",
            ["Home Secretary", "Home Affairs Committee"],
        ),
        ("en", LETTER_EN, "We have returned 500 people.", ["Home Secretary"]),
        # an answer line names who answers
        (
            "nl",
            "Antwoord van Staatssecretaris Dijkhoff (Veiligheid en Justitie) (ontvangen 11 mei 2017).\n\n"
            "Antwoord 1\n\nIk heb het bericht gelezen.",
            "Ik heb het bericht gelezen.",
            ["Dijkhoff"],
        ),
        (
            "en",
            "Answered by Mr Chris Philp on 3 May 2023.\n\nI can confirm the figures.",
            "I can confirm the figures.",
            ["Chris Philp"],
        ),
        # a signature: an office and a name alone on a line
        (
            "nl",
            "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\nHierbij bied ik u het verslag aan.\n"
            "De Minister van Buitenlandse Zaken, A.G. Koenders",
            "Hierbij bied ik u het verslag aan.",
            ["A.G. Koenders", "Tweede Kamer der Staten-Generaal"],
        ),
        (
            "en",
            "I enclose the report.\nThe Home Secretary, James Cleverly",
            "I enclose the report.",
            ["James Cleverly"],
        ),
        # the office questions were put to answers them
        (
            "nl",
            "De vaste commissie voor Justitie en Veiligheid heeft vragen voorgelegd aan de Staatssecretaris van "
            "Justitie en Veiligheid.\n\nHierbij zend ik u de antwoorden.",
            "Hierbij zend ik u de antwoorden.",
            ["Staatssecretaris van Justitie en Veiligheid"],
        ),
        (
            "en",
            "The Committee put questions to the Secretary of State for the Home Department.\n\nI answer them below.",
            "I answer them below.",
            ["Secretary of State for the Home Department"],
        ),
        # near misses: no sender or addressee known, a capital `U` of a web page, a line that only opens with
        # the address words, the Roman numeral `I`
        ("nl", "Ik ga naar huis. U bent hier: home.", "Ik ga naar huis. U bent hier: home.", []),
        (
            "nl",
            "Aan de vooravond van de Europese Top sprak premier Davutoglu. Wij spraken u aan.",
            "Wij spraken u aan.",
            [],
        ),
        ("en", "LETTER FROM THE HOME SECRETARY\n\nI. Introduction", "I. Introduction", []),
    ],
)
def test_first_person_and_address_in_letters(language, text, part, actors) -> None:
    assert actors_in(text, language, part) == actors


def test_in_span_counts_only_mentions_inside_the_span() -> None:
    text = "Europol sprak met Frontex in Londen."
    doc = read_entities(text, "nl")
    assert doc.in_span(0, len(text)) == (["Europol", "Frontex"], ["Londen"])
    assert doc.in_span(0, 10) == (["Europol"], [])
    assert doc.in_span(9, 22) == ([], [])  # `Frontex` is cut by the span's end
    assert doc.in_span(50, 10) == ([], [])


@pytest.mark.parametrize(
    "text", ["", "   \n\n", "(((( ))))", "\ufeff\x00 ik u uw Kamer", "A." * 500, "Van " * 300, "(KMar) (OM)"]
)
@pytest.mark.parametrize("language", ["nl", "en", "de"])
def test_odd_text_gives_no_value_not_an_exception(text, language) -> None:
    doc = read_entities(text, language)
    assert doc.in_span(0, len(text)) is not None


def devnews_documents() -> list[tuple[str, str]]:
    corpus = shared_path("corpora", "devnews")
    manifest = {m["file"]: m["language"] for m in json.loads((corpus / "manifest.json").read_text("utf-8"))}
    return [(p.read_text(encoding="utf-8"), manifest[p.name]) for p in sorted(corpus.glob("*.txt"))]


def test_reads_every_devnews_document() -> None:
    documents = devnews_documents()
    assert len(documents) == 20
    for text, language in documents:
        doc = read_entities(text, language)
        actors, locations = doc.in_span(0, len(text))
        assert actors or locations
        assert all(isinstance(name, str) and name.strip() for name in actors + locations)


def test_the_work_grows_linearly_with_the_text() -> None:
    # No timing: 50 copies of a document give 50 times its mentions, each resolved the same way (the
    # copies' datelines are no longer the document's, so their places count as mentions: up to 49 more).
    for text, language in devnews_documents()[::5]:
        once = read_entities(text, language)
        many = read_entities("\n\n".join([text] * 50), language)
        assert 50 * len(once.mentions) <= len(many.mentions) <= 50 * len(once.mentions) + 49


@pytest.mark.parametrize(
    ("language", "text", "place"),
    [
        ("nl", "Aan de Voorzitter van de Tweede Kamer\n\nDen Haag, 17 augustus 2015\n\nHierbij.", "Den Haag"),
        (
            "en",
            "COM(2019) 481 final\n\nBrussels, 16.10.2019\n\nCOMMUNICATION FROM THE COMMISSION",
            "Brussels",
        ),
        ("en", "Brussels, the capital, hosted the talks.", None),  # no date: no dateline
        ("nl", "Op 7 maart vond een bijeenkomst plaats in Brussel.", None),
    ],
)
def test_the_dateline_gives_where_the_document_was_issued(language, text, place) -> None:
    doc = read_entities(text, language)
    assert doc.issued_at == place
    if place:
        assert place not in doc.in_span(0, len(text))[1]  # where it was issued, not where things happened


# --- the shortcuts taken for speed give what the plain reading gives ---------------------------------

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def corpus_sentences() -> list[tuple[str, str]]:
    """(sentence, language) of every seed sentence read as Dutch and as English, and of devnews when the
    shared corpora are there."""
    texts = [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))]
    if SHARED.joinpath("corpora", "devnews").exists():
        texts += [text for text, _ in devnews_documents()]
    return [
        (seg.text, lang) for text in texts for lang in ("nl", "en") for seg in split_sentences(text, lang)
    ]


def whole_reading(sentence: str, language: str) -> tuple[list, list]:
    """`find_mentions` with every rule on every token: no sieve, the plain scan."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(mentions, "reading_extent", lambda *_: sieve.WHOLE)
        patch.setattr(words, "scan", lambda text, stop=None: scan_tokens(text))
        return find_mentions(sentence, language)


# Sentences at the edge of each exception of the sieve: a first word that names by itself (known name,
# demonym, organisation head, before a speech verb, with a possessive), key words (also as the first word,
# with a possessive, inside a longer word), capitals that are no letters' (`ℋ`), letters whose lower case
# is longer or depends on their neighbours (`İ`, `Σ`), and no word at all.
EDGE_SENTENCES = [
    "Europol zei niets.",
    "Belgische politie greep in.",
    "Dutch authorities said nothing.",
    "Council conclusions follow.",
    "Starmer said so.",
    "Starmer's plan failed.",
    "Minister's words were clear.",
    "Ik ga morgen terug.",
    "Daarna ging ik met u naar huis.",
    "Then we met the minister.",
    "The minister's car was late.",
    "He said i was late.",
    "Premier zei dat het kabinet wacht.",
    "Het kabinet van ons wacht.",
    "De commissie voor zaken kwam.",
    "Zij sprak met de ministers en de minister-president.",
    "Er is een ℋ in de tekst.",
    "İk ga naar huis en wij ook.",
    "ΟΔΟΣ.Α en wij.",
    "… 12 — 34 …",
    "(ik) en (u).",
    "Anti-EU-landen en wij.",
]


def test_the_sieve_gives_what_the_whole_reading_gives() -> None:
    cases = corpus_sentences() + [(s, lang) for s in EDGE_SENTENCES for lang in ("nl", "en")]
    skipped = light = 0
    for sentence, language in cases:
        extent = sieve.reading_extent(sentence, language)
        skipped += extent == 0
        light += extent > 0
        assert find_mentions(sentence, language) == whole_reading(sentence, language), sentence
    assert skipped > 100 and light > 20  # the shortcuts are taken


WORDS = [
    "ik",
    "Ik",
    "wij",
    "we",
    "We",
    "u",
    "I",
    "you",
    "kabinet",
    "government",
    "minister",
    "Minister",
    "minister's",
    "commissie",
    "committee",
    "Kamer",
    "uw",
    "het",
    "de",
    "the",
    "van",
    "of",
    "voor",
    "and",
    "en",
    "zei",
    "said",
    "ging",
    "huis",
    "Europol",
    "Nederland",
    "Belgische",
    "Dutch",
    "politie",
    "Council",
    "Starmer",
    "Starmer's",
    "Keir",
    "A.",
    "Van",
    "der",
    "Laan",
    "İk",
    "ΟΔΟΣ",
    "ℋ",
    "12",
    "Top",
    "Actieplan",
]
PUNCTUATION = [" ", " ", " ", ", ", ". ", ": ", " (", ") ", "-", "\n", "’s ", " “"]


LOWER_WORDS = [w for w in WORDS if w.islower()]


@settings(max_examples=1500, deadline=None)
@given(
    st.sampled_from(WORDS),
    st.lists(
        st.tuples(st.sampled_from(PUNCTUATION), st.sampled_from(LOWER_WORDS) | st.sampled_from(WORDS)),
        max_size=8,
    ),
    st.sampled_from(["nl", "en"]),
)
@example("Laan", [(" ", "zei"), ("’s ", "ik")], "nl")  # a possessive on the speech verb after a name
def test_the_sieve_gives_what_the_whole_reading_gives_on_made_up_sentences(first, pieces, language) -> None:
    # mostly lower-case words after the first: the sentences the sieve passes or reads in part
    sentence = (first + "".join(gap + word for gap, word in pieces)).strip()
    assert find_mentions(sentence, language) == whole_reading(sentence, language)


# Letters whose case is special (`İ`, `Σ`, `ℋ`), joiners, digits, spaces.
TOKEN_CHARS = "abZ\u00e9\u03a3\u03bf\u0130\u210b_0 9.,&-'\u2019 \t\n\u00a0"


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet=TOKEN_CHARS, max_size=24), st.integers(min_value=0, max_value=30))
def test_the_entity_scan_gives_the_shared_scan(text, stop) -> None:
    assert words.scan(text) == scan_tokens(text)
    prefix = words.scan(text, stop)
    assert prefix == scan_tokens(text)[: len(prefix)]
    assert all(t.start < stop for t in prefix[:-1]) and (
        len(prefix) == len(scan_tokens(text)) or prefix[-1].start >= stop
    )


def plain_names_a_document(word: str, language: str) -> bool:
    """`names_a_document` as it was: every document head tried in turn."""
    gaz = load_gazetteer(language)
    low = word.lower()
    heads = gaz.document_heads | gaz.event_heads
    if low in heads or words.PART_SPLIT_RE.split(low)[-1] in heads:
        return True
    return any(len(h) >= 4 and len(low) >= len(h) + 3 and low.endswith(h) for h in gaz.document_heads)


@pytest.mark.parametrize("language", ["nl", "en"])
def test_document_words_are_the_plain_ones(language) -> None:
    gaz = load_gazetteer(language)
    found = {w for s, _ in corpus_sentences() for w in sieve.WORD_RE.findall(s)}
    for head in gaz.document_heads | gaz.event_heads:
        found |= {
            head,
            head.capitalize(),
            "Xy" + head,
            "Xyz" + head,
            "Wxyz" + head,
            "Nieuw-" + head,
            head + "s",
        }
    assert sum(runs.names_a_document(w, gaz) for w in found) > 20
    for word in found:
        assert runs.names_a_document(word, gaz) == plain_names_a_document(word, language), word


def test_the_callers_sentences_give_what_the_own_split_gives() -> None:
    for text, language in [(p.read_text(encoding="utf-8"), "nl") for p in sorted(SEEDS.glob("*.txt"))]:
        sentences = split_sentences(text, language, text.split("\n", 1)[0])  # with a title, as the extractor
        given = read_entities(text, language, sentences=sentences)
        own = read_entities(text, language)
        assert (
            given.mentions == own.mentions and given.roles == own.roles and given.issued_at == own.issued_at
        )


# --- places and parties a careful reader infers (one case per rule and language) -------------------


@pytest.mark.parametrize(
    ("language", "sentence", "actors", "locations"),
    [
        # a demonym before a border, a coast or an inflow names its country as the place
        ("nl", "In juni is de Nederlandse asielinstroom gestegen.", [], ["Nederland"]),
        ("en", "Controls at the Dutch borders are being intensified.", [], ["Netherlands"]),
        ("nl", "Schepen patrouilleren voor de Libische kust.", [], ["Libië"]),
        # ... not before people: a nationality is no place
        ("nl", "De Syrische nareizigers kwamen in juni.", [], []),
        ("en", "The vibrant Albanian diaspora makes a contribution.", [], []),
        # a country after a source preposition is an origin: no place of the event, no actor
        ("nl", "Het aantal nareizigers uit Syrië stijgt fors.", [], []),
        ("en", "Asylum seekers from Syria arrived in Greece.", [], ["Greece"]),
        # ... unless an institution heads it (then it acts, at home)
        ("en", "Authorities from Austria arrested five suspects.", ["Austria"], ["Austria"]),
        # countries listed after a copula in a sentence about origins are origins
        ("nl", "De belangrijkste herkomstlanden waren Syrië, Turkije en Eritrea.", [], []),
        ("en", "The main countries of origin were Syria, Afghanistan and Eritrea.", [], []),
        # ... without an origin noun they are no origins
        (
            "nl",
            "De grootste donoren waren Duitsland en Frankrijk.",
            ["Duitsland", "Frankrijk"],
            ["Duitsland", "Frankrijk"],
        ),
    ],
)
def test_places_and_origins(language: str, sentence: str, actors: list[str], locations: list[str]) -> None:
    assert extract_entities(sentence, language) == (actors, locations)


@pytest.mark.parametrize(
    ("language", "text", "part", "actors"),
    [
        # a term defined for a list of names stands for all of them after
        (
            "en",
            "The Kingdom of Belgium, the French Republic and the Kingdom of Spain (hereinafter ‘the "
            "participants’) met in Brussels. The participants agreed on a plan.",
            "The participants agreed",
            ["Kingdom of Belgium", "French Republic", "Kingdom of Spain"],
        ),
        (
            "nl",
            "Nederland, België en Frankrijk (hierna: de partijen) kwamen bijeen. De partijen spraken af samen "
            "te werken.",
            "De partijen spraken",
            ["Nederland", "België", "Frankrijk"],
        ),
        # ... a term for no list of names stands for nobody
        (
            "nl",
            "Het programma Samen tegen mensenhandel (hierna: het programma) liep af. Het programma werkte.",
            "Het programma werkte",
            [],
        ),
        # an organisation's kind after a determiner is the one organisation of that kind the text names
        (
            "en",
            "Frontex remains at the forefront. Additionally, the Agency welcomed closer cooperation.",
            "the Agency welcomed",
            ["Frontex"],
        ),
        (
            "nl",
            "Frontex en de KMar werken samen. Het agentschap stuurde twintig agenten.",
            "Het agentschap",
            ["Frontex"],
        ),
        # ... and nobody when it names two of that kind
        ("en", "Frontex and Europol met. The Agency spoke first.", "The Agency spoke", []),
        # a country read from its demonym is written as the document writes it
        ("nl", "De EU investeert. De Europese buitengrens wordt bewaakt.", "De Europese buitengrens", []),
    ],
)
def test_terms_and_kinds_the_document_resolves(language, text, part, actors) -> None:
    start = text.index(part)
    assert read_entities(text, language).in_span(start, len(text))[0] == actors


@pytest.mark.parametrize(
    ("language", "text", "part", "locations"),
    [
        ("nl", "De EU investeert. De Europese buitengrens wordt bewaakt.", "De Europese buitengrens", ["EU"]),
        ("en", "The EU invests. The European borders are guarded.", "The European borders", ["EU"]),
        (
            "en",
            "The European Union invests. The European borders are guarded.",
            "The European borders",
            ["European Union"],
        ),
    ],
)
def test_a_country_read_from_its_demonym_takes_the_documents_form(language, text, part, locations) -> None:
    start = text.index(part)
    assert read_entities(text, language).in_span(start, len(text))[1] == locations


@pytest.mark.parametrize(
    ("language", "text", "sender"),
    [
        (
            "en",
            "COMMUNICATION FROM THE COMMISSION TO THE EUROPEAN PARLIAMENT AND THE COUNCIL\n\nText.",
            "Commission",
        ),
        (
            "en",
            "COMMUNICATION FROM THE COMMISSION\n\nThe European Commission adopted a plan.",
            "European Commission",
        ),
        ("nl", "MEDEDELING VAN DE COMMISSIE AAN HET EUROPEES PARLEMENT\n\nTekst.", "Commissie"),
    ],
)
def test_a_communication_is_sent_by_the_body_its_heading_names(language, text, sender) -> None:
    assert read_entities(text, language).roles.sender == sender


@pytest.mark.parametrize(
    ("language", "text", "trigger", "topic"),
    [
        (
            "nl",
            "Met deze brief informeer ik uw Kamer over de instroom in Nederland, mede namens de minister.",
            "informeer",
            "over de instroom in Nederland",
        ),
        ("en", "The ministers met to talk about the Channel; Frontex was there.", "met", "about the Channel"),
        # what an answer answers is its topic: the askers are no actors of the answer
        (
            "nl",
            "Antwoord op vragen van de leden Dral en Rajkowski (ingezonden 3 maart).",
            "Antwoord",
            "op vragen van de leden Dral en Rajkowski ",
        ),
        (
            "en",
            "Answer to questions from members Smith and Jones, given by the minister.",
            "Answer",
            "to questions from members Smith and Jones",
        ),
        ("nl", "Antwoord van minister Van Weel op 3 maart.", "Antwoord", None),
        # no topic: a date or `on behalf of` after the preposition
        ("en", "The Commission published it on 2 December with Frontex.", "published", None),
        ("en", "The report was sent on behalf of the Commission.", "sent", None),
        ("nl", "We spreken over 3 weken met Frankrijk.", "spreken", None),
    ],
)
def test_what_a_text_or_a_meeting_is_about(language, text, trigger, topic) -> None:
    after = text.index(trigger) + len(trigger)
    span = topic_span(text, after, len(text), language)
    assert (text[span[0] : span[1]] if span else None) == topic


def test_in_a_topic_only_the_texts_own_side_counts() -> None:
    text = "Aan de Voorzitter van de Tweede Kamer\n\nIk informeer u over de afspraken die het kabinet met België maakte."
    doc = read_entities(text, "nl")
    start = text.index("Ik")
    topic = (text.index("over"), len(text))
    actors, _ = doc.in_span(start, len(text), topic)
    assert "kabinet" in actors and "België" not in actors


# --- who and where of an event (transforms/events/rows.with_arguments) ------------------------------


def events_of(text: str, language: str, title: str | None = None):
    day = Published(dt.date(2024, 3, 4), dt.date(2024, 3, 4), "day", "text")
    return extract_events(Document("d" * 32, "doc.txt", "/tmp/doc.txt", text, title, language, day, "x" * 64))


@pytest.mark.parametrize(
    ("language", "text", "title", "sentence", "locations"),
    [
        # the headline's event happened where the document was issued (its dateline), when it names no place
        (
            "en",
            "Brussels, 4.3.2024\n\nCommission adopts a new action plan\n\nThe plan was adopted today.",
            "Commission adopts a new action plan",
            "Commission adopts a new action plan",
            ["Brussels"],
        ),
        (
            "nl",
            "Den Haag, 4 maart 2024\n\nKabinet neemt nieuw besluit over opvang\n\nHet kabinet besloot vandaag.",
            "Kabinet neemt nieuw besluit over opvang",
            "Kabinet neemt nieuw besluit over opvang",
            ["Den Haag"],
        ),
        # ... a story sentence does not take it
        (
            "en",
            "Brussels, 4.3.2024\n\nCommission adopts a new action plan\n\nThe plan was adopted today.",
            "Commission adopts a new action plan",
            "The plan was adopted today.",
            [],
        ),
    ],
)
def test_a_headline_happens_where_the_document_was_issued(language, text, title, sentence, locations) -> None:
    found = [e for e in events_of(text, language, title) if e.sentence == sentence]
    assert found and list(found[0].locations) == locations


@pytest.mark.parametrize(
    ("language", "text", "trigger", "actors", "locations"),
    [
        # the names a letter or a meeting is about are neither its actors nor its places
        (
            "nl",
            "Op 3 maart 2024 sprak de minister met Frankrijk over de smokkel op de Middellandse Zee.",
            "sprak",
            ["Frankrijk"],
            [],
        ),
        (
            "en",
            "On 3 March 2024 the minister met with France to talk about smuggling in the Channel, with Europol.",
            "met",
            ["France", "Europol"],
            [],
        ),
    ],
)
def test_a_topic_names_no_actor_or_place(language, text, trigger, actors, locations) -> None:
    found = [e for e in events_of(text, language) if e.trigger == trigger]
    assert found and (list(found[0].actors), list(found[0].locations)) == (actors, locations)


@pytest.mark.parametrize(
    ("language", "text", "trigger", "actors"),
    [
        # a clause that goes on without a subject of its own has the sentence's subject
        (
            "en",
            "On 3 March 2024 the Agency welcomed the new director, reported key trends and hosted Commissioner "
            "Magnus Brunner. Frontex is the Agency.",
            "hosted",
            ["Frontex", "Magnus Brunner"],
        ),
        (
            "nl",
            "Op 3 maart 2024 verwelkomde Frontex de nieuwe directeur, presenteerde de cijfers en ontving de minister.",
            "ontving",
            ["Frontex"],
        ),
        # ... not a clause whose own subject follows its verb (Dutch), nor one with a subject of its own
        (
            "nl",
            "Op 3 maart 2024 heeft de KMar een controle gehouden en ontving minister Faber een rapport.",
            "ontving",
            ["Faber"],
        ),
        (
            "en",
            "On 3 March 2024 Frontex welcomed the director and the minister hosted Europol.",
            "hosted",
            ["Europol"],
        ),
        # where no one is named, the country where an arrest or an operation happened acts (its authorities)
        (
            "en",
            "On 3 March 2024, 23 suspects were arrested: 7 in Austria and 16 in Greece.",
            "arrested",
            ["Austria", "Greece"],
        ),
        ("nl", "Op 3 maart 2024 werden in België twaalf verdachten aangehouden.", "aangehouden", ["België"]),
        # ... not where someone is named
        ("nl", "Op 3 maart 2024 hield de KMar in België twaalf verdachten aan.", "hield", ["KMar"]),
        # a noun dated on its own takes the complements after its date (`aan ...`, `to ...`)
        (
            "nl",
            "Het voorstel werd uitgewerkt, zoals aangekondigd in de brief van 10 september 2020 aan de Europese "
            "Commissie.",
            "brief",
            ["Europese Commissie"],
        ),
        (
            "en",
            "The plan was changed, as announced in the letter of 10 September 2020 to the European Commission.",
            "letter",
            ["European Commission"],
        ),
    ],
)
def test_who_acts_in_a_clause(language, text, trigger, actors) -> None:
    found = [e for e in events_of(text, language) if e.trigger == trigger]
    assert found and list(found[0].actors) == actors


@pytest.mark.parametrize(
    ("language", "text", "actors", "locations"),
    [
        # a headline that names no one and no place restates its story's lead paragraph
        (
            "nl",
            "EU-leiders bereiken akkoord over migratie\n\n4 maart 2024\n\nVannacht hebben de leiders tijdens de "
            "Europese Raad in Brussel een akkoord bereikt.\n\nDaarna volgde meer.",
            ["Europese Raad"],
            ["Brussel"],
        ),
        (
            "en",
            # (a lead of the headline's type would be its event: the headline no second row)
            "Leaders reach deal on migration\n\n4 March 2024\n\nLast night the leaders met at the "
            "European Council in Brussels.\n\nMore followed.",
            ["European Council"],
            ["Brussels"],
        ),
        # ... not a text's headline: the text is its own act (its sender and addressee)
        (
            "nl",
            "Antwoord op vragen over de opvang\n\nOp 4 maart 2024 sprak de minister met Frankrijk in Parijs.\n\nMeer.",
            [],
            [],
        ),
        (
            "en",
            "Joint statement on migration\n\nOn 4 March 2024 the ministers met France in Paris.\n\nMore.",
            [],
            [],
        ),
    ],
)
def test_a_headline_restates_its_lead(language, text, actors, locations) -> None:
    title = text.split("\n", 1)[0]
    found = [e for e in events_of(text, language, title) if e.sentence == title]
    assert found and (list(found[0].actors), list(found[0].locations)) == (actors, locations)
