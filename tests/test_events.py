"""Event extraction: which sentences are events, their type, and where their date comes from."""

from __future__ import annotations

import datetime as dt

import pytest

from transforms.events import extract_events
from transforms.model import Document, Published

D = dt.date
MAY = Published(D(2025, 5, 1), D(2025, 5, 31), "month", "header")
DAY = Published(D(2025, 5, 14), D(2025, 5, 14), "day", "header")


def doc(text: str, published=MAY, language="nl", title=None) -> Document:
    return Document(
        "d" * 32, "doc.txt", "/tmp/doc.txt", text, title, language, published or Published(), "x" * 64
    )


def event_with(events, cue):
    found = [e for e in events if cue in e.sentence]
    assert found, [e.sentence for e in events]
    return found[0]


def test_own_explicit_date_and_type_from_the_trigger_lexicon():
    e = event_with(extract_events(doc("Meer dan 36.800 mensen maakten in 2024 de oversteek.")), "36.800")
    assert (e.event_type, e.date_start, e.date_end, e.date_precision, e.date_source) == (
        "CROSSING_STATISTIC",
        D(2024, 1, 1),
        D(2024, 12, 31),
        "year",
        "explicit",
    )
    assert e.date_text == "2024"
    assert e.date_value == "2024"


def test_an_event_carries_the_timex3_value_of_its_own_date_and_none_of_the_document_date():
    own = event_with(extract_events(doc("In het derde kwartaal van 2024 kwamen 300 mensen aan.")), "300")
    assert (own.date_text, own.date_value, own.date_precision) == (
        "het derde kwartaal van 2024",
        "2024-Q3",
        "quarter",
    )
    dct = event_with(
        extract_events(doc("Dat schrijven de ministers in een brief aan de Tweede Kamer.")), "schrijven"
    )
    assert (dct.date_source, dct.date_text, dct.date_value) == ("dct", None, None)


def test_comparison_baseline_is_not_the_events_date():
    text = "Tot nu toe zijn dit jaar al 6.600 mensen overgestoken, 43% meer dan vorig jaar."
    e = event_with(extract_events(doc(text)), "6.600")
    # this year so far, in a text of May 2025: not last year, and not the months still to come
    assert (e.date_start, e.date_end) == (D(2025, 1, 1), D(2025, 5, 31))


def test_reporting_verb_without_own_date_is_dated_by_the_document():
    e = event_with(
        extract_events(doc("Dat schrijven de ministers in een brief aan de Tweede Kamer.")), "schrijven"
    )
    assert (e.date_start, e.date_end, e.date_source) == (D(2025, 5, 1), D(2025, 5, 31), "dct")


def test_nothing_is_dated_without_a_document_date():
    events = extract_events(
        doc("De politie voerde vanmorgen een grote actie uit. Dat zei de minister.", published=None)
    )
    assert events and all(e.date_start is None and e.date_source == "unresolved" for e in events)


def test_continuation_inherits_the_previous_sentences_date():
    text = "Starmer werd in juli vorig jaar verkozen. Hij schrapte direct het beleid van zijn voorganger."
    e = event_with(extract_events(doc(text)), "schrapte")
    assert (e.date_start, e.date_end, e.date_source) == (D(2024, 7, 1), D(2024, 7, 31), "inherited")


def test_no_inheritance_without_a_continuation_cue():
    text = "In 2023 stonden zij op plek 3. Daarnaast werden in het laatste kwartaal 514 mensen gearresteerd."
    e = event_with(extract_events(doc(text, published=None)), "514")
    assert e.date_start is None


def test_footnote_citing_a_dated_publication_is_a_publication_event():
    text = "Bent u bekend met het artikel?[footnoteRef:1] [1:  De Telegraaf, 19 november 2024, 'Smokkel'.] "
    e = event_with(extract_events(doc(text, published=None)), "De Telegraaf")
    assert (e.event_type, e.date_start) == ("PUBLICATION", D(2024, 11, 19))


def test_citation_and_case_number_are_cut_from_the_evidence():
    text = "Vragen van de leden aan de minister (ingezonden 21 november, 20242024Z19016). [1:  Krant, 19 november 2024.]"
    events = extract_events(doc(text, published=None))
    e = event_with(events, "ingezonden 21 november")
    assert "20242024Z19016" not in e.sentence
    assert e.date_start == D(2024, 11, 21)
    assert e.sentence == e.sentence.strip() and text[e.char_start : e.char_end] == e.sentence


def test_footnote_with_only_a_citation_gives_no_dated_event():
    text = "Dat staat in de brief.[footnoteRef:4] [4:  Kamerstukken II, 2024-2025, 32317, nr. 925.] "
    events = extract_events(doc(text, published=None))
    assert not [e for e in events if "Kamerstukken" in e.sentence and e.date_start is not None]


def test_open_interval_without_document_date_ends_with_its_first_period():
    e = event_with(
        extract_events(doc("Beide landen onderhandelen sinds 2021 over een verdrag.", published=None)),
        "sinds 2021",
    )
    assert (e.date_start, e.date_end, e.event_type) == (D(2021, 1, 1), D(2021, 12, 31), "NEGOTIATION")


def test_open_interval_with_document_date_runs_to_it():
    e = event_with(extract_events(doc("Beide landen onderhandelen sinds 2021 over een verdrag.")), "sinds")
    assert (e.date_start, e.date_end) == (D(2021, 1, 1), D(2025, 5, 31))


@pytest.mark.parametrize(
    "language,text,event_type",
    [
        ("en", "The Joint Declaration was signed by both prime ministers in November 2021.", "AGREEMENT"),
        ("en", "Police arrested four men in Calais on 3 May 2024.", "ARREST"),
        ("nl", "De politie heeft op 3 mei 2024 vier mannen aangehouden in Calais.", "ARREST"),
        ("nl", "Starmer werd in juli 2024 verkozen.", "ELECTION_OR_APPOINTMENT"),
    ],
)
def test_event_types(language, text, event_type):
    e = extract_events(doc(text, published=DAY, language=language))[0]
    assert e.event_type == event_type


def test_event_ids_are_stable_and_unique():
    text = "In 2024 kwamen er 36.800. In 2023 waren het er minder. Dat zei de minister."
    first, second = extract_events(doc(text)), extract_events(doc(text))
    assert [e.event_id for e in first] == [e.event_id for e in second]
    assert len({e.event_id for e in first}) == len(first)


def test_confidence_is_in_range_and_lower_without_own_date():
    events = extract_events(doc("In 2024 kwamen er 36.800 migranten aan. Dat zei de minister."))
    assert all(0 <= e.confidence <= 1 for e in events)
    assert events[0].confidence > events[1].confidence


@pytest.mark.parametrize(
    "text", ["Op 5 december 1391 werd de stad veroverd.", "In 2101 wordt het plan herzien."]
)
def test_dates_outside_the_window_leave_the_event_undated(text):
    events = extract_events(doc(text))
    assert events and all(e.date_start is None and e.date_source == "unresolved" for e in events)


def test_the_extractor_version_follows_the_rules_but_not_the_scoring_code(tmp_path):
    from transforms.version import rules_fingerprint

    (tmp_path / "temporal").mkdir()
    (tmp_path / "evaluation").mkdir()
    (tmp_path / "temporal" / "rules.json").write_text('{"a": 1}')
    (tmp_path / "evaluation" / "score.py").write_text("X = 1\n")
    before = rules_fingerprint(tmp_path)
    (tmp_path / "evaluation" / "score.py").write_text("X = 2\n")
    assert rules_fingerprint(tmp_path) == before
    (tmp_path / "temporal" / "rules.json").write_text('{"a": 2}')
    assert rules_fingerprint(tmp_path) != before
