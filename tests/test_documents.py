"""parse_document and its steps: binary, decoding, repair, HTML, date marker, dateline, precedence, ids."""

from __future__ import annotations

import codecs
import datetime as dt
import hashlib
from pathlib import Path

import pytest

from transforms.documents import (
    choose_published,
    compute_doc_id,
    parse_document,
    parse_published_value,
    strip_date_marker,
)
from transforms.model import Document, Published, RawSource, Rejection

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
D = dt.date


def raw(data: bytes | str, kind: str = "txt", meta: dict | None = None, name: str = "doc.txt") -> RawSource:
    return RawSource(name, f"/tmp/{name}", kind, data, meta or {})


def parse_ok(source: RawSource) -> Document:
    result = parse_document(source)
    assert isinstance(result, Document), result
    return result


def parse_rejected(source: RawSource) -> Rejection:
    result = parse_document(source)
    assert isinstance(result, Rejection), result
    assert result.stage == "parse"
    assert result.source_name == source.source_name
    return result


def day(year: int, month: int, d: int, source: str) -> Published:
    return Published(D(year, month, d), D(year, month, d), "day", source)


# --- seeds -----------------------------------------------------------------------------------------

MAY_2025 = Published(D(2025, 5, 1), D(2025, 5, 31), "month", "header")


@pytest.mark.parametrize(
    ("name", "published", "language"),
    [
        ("000_644458f05d8138fc.txt", MAY_2025, "nl"),
        ("001_886bf80613b8537b.txt", Published(), "nl"),
        ("002_df1d154bfbcc9e03.txt", MAY_2025, "nl"),
        ("003_345a2031bdb04d6b.txt", Published(), "nl"),
        ("004_f2b82cc3597c9be6.txt", Published(), "en"),
    ],
)
def test_seed_dates_and_languages(name: str, published: Published, language: str) -> None:
    data = (SEEDS / name).read_bytes()
    doc = parse_ok(RawSource(name, str(SEEDS / name), "txt", data))
    assert doc.published == published
    assert doc.language == language
    assert doc.content_sha256 == hashlib.sha256(data).hexdigest()
    assert len(doc.doc_id) == 32


def test_seed_marker_is_removed_from_the_text() -> None:
    doc = parse_ok(raw((SEEDS / "000_644458f05d8138fc.txt").read_bytes()))
    assert doc.text.startswith("De Britse premier")
    assert "date 2025-05" not in doc.text


def test_seed_headline_is_the_title_and_stays_in_the_text() -> None:
    doc = parse_ok(raw((SEEDS / "002_df1d154bfbcc9e03.txt").read_bytes()))
    assert doc.title == "Kabinet investeert miljoenen in migratiedeals"
    assert doc.text.startswith("Kabinet investeert miljoenen in migratiedeals\n")


def test_a_long_first_sentence_is_not_a_title() -> None:
    doc = parse_ok(raw((SEEDS / "000_644458f05d8138fc.txt").read_bytes()))
    assert doc.title is None


# --- rejections ------------------------------------------------------------------------------------


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n  ", b" date 2025-05 \n"])
def test_empty_documents_are_rejected(data: bytes) -> None:
    assert parse_rejected(raw(data)).reason == "empty document"


def test_png_named_txt_is_binary() -> None:
    png = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + bytes(range(256))
    assert parse_rejected(raw(png)).reason == "binary file, not text"


def test_nul_bytes_mean_binary() -> None:
    assert parse_rejected(raw(b"text\x00with\x00nul")).reason == "binary file, not text"


def test_invalid_utf8_that_no_western_encoding_fits_is_rejected() -> None:
    # 0x81 0x8d 0x8f 0x90 0x9d are undefined in cp1252 and control characters in latin-1.
    result = parse_rejected(raw(b"\x81\x8d\x8f\x90\x9d" * 40))
    assert "not text" in result.reason or "decode" in result.reason


def test_invalid_utf8_does_not_raise_and_keeps_readable_text() -> None:
    doc = parse_ok(raw(b"Hello \xc3\x28 world, this is plain text.\n"))
    assert doc.text.startswith("Hello ")
    assert doc.text.endswith("world, this is plain text.\n")


# --- decoding and repair ---------------------------------------------------------------------------


def test_cp1252_text_is_decoded() -> None:
    doc = parse_ok(raw(b"Het caf\xe9 is open, zei de eigenaar in Belgi\xeb.\n"))
    assert doc.text == "Het café is open, zei de eigenaar in België.\n"


def test_cp1252_french_is_not_read_as_cp1250() -> None:
    doc = parse_ok(raw("Ça va très bien, merci. Où est la gare?".encode("cp1252")))
    assert doc.text == "Ça va très bien, merci. Où est la gare?"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_with_bom(encoding: str) -> None:
    text = "De minister zei op 22 januari dat het café dicht blijft."
    data = text.encode(encoding)
    if encoding == "utf-16-be":
        data = codecs.BOM_UTF16_BE + data
    doc = parse_ok(raw(data))
    assert doc.text == text
    assert doc.language == "nl"


def test_utf8_bom_is_not_part_of_the_text() -> None:
    doc = parse_ok(raw(codecs.BOM_UTF8 + b" date 2024-03 Kop\nTekst"))
    assert doc.text == "Kop\nTekst"
    assert doc.published.precision == "month"


def test_mojibake_is_repaired() -> None:
    doc = parse_ok(raw("Het cafÃ© in BelgiÃ« is open.".encode()))
    assert doc.text == "Het café in België is open."


def test_repair_keeps_curly_quotes_and_ligatures_as_written() -> None:
    text = "Hij zei: “ja” en ‘nee’ – de ﬁnale is ＡＢ."
    assert parse_ok(raw(text.encode())).text == text


def test_line_endings_are_normalised() -> None:
    assert parse_ok(raw(b"Kop\r\nRegel een\rRegel twee\r\n")).text == "Kop\nRegel een\nRegel twee\n"


def test_content_sha256_of_a_jsonl_text_is_of_its_utf8() -> None:
    doc = parse_ok(raw("Tekst over het café.", kind="jsonl"))
    assert doc.content_sha256 == hashlib.sha256("Tekst over het café.".encode()).hexdigest()


# --- HTML ------------------------------------------------------------------------------------------

HTML = """<!doctype html><html><head><title>Ministers meet in Ostend</title>
<style>body { color: red } .STYLETEXT {}</style>
<script>var SCRIPTTEXT = "do not show";</script></head>
<body><nav>Home | News</nav><article><h1>Ministers meet in Ostend</h1>
<p>The Belgian and British ministers met in Ostend on Monday to discuss cooperation against smuggling.</p>
<p>They agreed to exchange operational information faster and to run more joint police actions on the coast.</p>
</article><script>console.log("SCRIPTTEXT")</script></body></html>"""


def test_html_main_text_without_scripts_and_styles() -> None:
    doc = parse_ok(raw(HTML.encode(), kind="html", name="page.html"))
    assert "met in Ostend on Monday" in doc.text
    assert "SCRIPTTEXT" not in doc.text
    assert "STYLETEXT" not in doc.text and "color: red" not in doc.text
    assert "<p>" not in doc.text
    assert doc.title == "Ministers meet in Ostend"
    assert doc.language == "en"


def test_html_that_trafilatura_finds_nothing_in_falls_back_to_tag_strip() -> None:
    page = "<html><head><script>SCRIPTTEXT()</script></head><body><div>Korte tekst &amp; meer</div></body></html>"
    doc = parse_ok(raw(page.encode(), kind="html", name="p.html"))
    assert "Korte tekst & meer" in doc.text
    assert "SCRIPTTEXT" not in doc.text


def test_html_without_text_is_empty() -> None:
    page = b"<html><head><script>x()</script><style>p{}</style></head><body></body></html>"
    assert parse_rejected(raw(page, kind="html", name="p.html")).reason == "empty document"


# --- dates -----------------------------------------------------------------------------------------


def test_date_marker_with_day_and_case_and_whitespace() -> None:
    text, published = strip_date_marker("\n  DATE 2024-11-21   Tekst hier")
    assert text == "Tekst hier"
    assert published == day(2024, 11, 21, "header")


@pytest.mark.parametrize("text", ["Tekst date 2024-11 later", "dated 2024-11 tekst", "date 2025-13 tekst"])
def test_no_marker_leaves_the_text_alone(text: str) -> None:
    assert strip_date_marker(text) == (text, None)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024", Published(D(2024, 1, 1), D(2024, 12, 31), "year", "sidecar")),
        ("2024-02", Published(D(2024, 2, 1), D(2024, 2, 29), "month", "sidecar")),
        ("2024-09-03", day(2024, 9, 3, "sidecar")),
        ("2024-09-03T23:30:00+02:00", day(2024, 9, 3, "sidecar")),  # the date as written, not UTC
        ("2024-09-03T10:00:00Z", day(2024, 9, 3, "sidecar")),
        (2024, Published(D(2024, 1, 1), D(2024, 12, 31), "year", "sidecar")),
        ("3 sept 2024", None),
        ("2024-02-30", None),
        ("yesterday", None),
        (None, None),
    ],
)
def test_parse_published_value(value: object, expected: Published | None) -> None:
    assert parse_published_value(value) == expected


def test_header_month_refined_by_dateline_day() -> None:
    doc = parse_ok(raw(b"date 2020-01 Kop van het nieuws\n22 januari 2020\nDe minister zei dat."))
    assert doc.published == day(2020, 1, 22, "text")
    assert doc.text.startswith("Kop van het nieuws\n")


def test_dateline_that_disagrees_with_header_loses() -> None:
    doc = parse_ok(raw(b"date 2020-01 Kop van het nieuws\n22 februari 2020\nDe minister zei dat."))
    assert doc.published == Published(D(2020, 1, 1), D(2020, 1, 31), "month", "header")


def test_sidecar_wins_over_header_and_dateline() -> None:
    source = raw(b"date 2020-01 Kop\n22 januari 2020\nTekst.", meta={"published": "2019-05-06"})
    assert parse_ok(source).published == day(2019, 5, 6, "sidecar")


def test_sidecar_year_refined_by_header_day() -> None:
    source = raw(b"date 2020-01-05 Kop\nTekst.", meta={"published": "2020"})
    assert parse_ok(source).published == day(2020, 1, 5, "header")


def test_malformed_meta_published_is_ignored() -> None:
    source = raw(b"date 2020-01 Kop\nTekst.", meta={"published": "gisteren"})
    assert parse_ok(source).published.source == "header"


def test_choose_published_without_candidates_is_unknown() -> None:
    assert choose_published([None, None, Published()]) == Published()


def test_no_date_is_unknown_never_today() -> None:
    doc = parse_ok(raw(b"Kop\nDe minister zei vandaag dat het beleid verandert."))
    assert doc.published == Published()
    assert not doc.published.known


# --- metadata, title, ids --------------------------------------------------------------------------


def test_meta_language_title_url_win() -> None:
    meta = {"language": "en-GB", "title": "  Meta  title ", "url": "https://example.org/a"}
    doc = parse_ok(raw(b"Kop\nDe minister zei vandaag dat het beleid verandert.", meta=meta))
    assert (doc.language, doc.title, doc.url) == ("en", "Meta title", "https://example.org/a")


def test_markdown_heading_as_title() -> None:
    assert parse_ok(raw(b"# A headline\n\nBody text here.", kind="md")).title == "A headline"


def test_doc_id_ignores_whitespace_layout_and_normalisation_form() -> None:
    assert compute_doc_id("Het  café\n\nis open ") == compute_doc_id("Het cafe\u0301 is open")
    assert compute_doc_id("Het café is open") != compute_doc_id("Het café is dicht")


def test_same_text_in_two_encodings_has_one_doc_id() -> None:
    text = "Het café is open, zei de eigenaar."
    utf8 = parse_ok(raw(text.encode("utf-8")))
    cp1252 = parse_ok(raw(text.encode("cp1252")))
    assert utf8.doc_id == cp1252.doc_id
    assert utf8.content_sha256 != cp1252.content_sha256


def test_mostly_control_characters_is_binary() -> None:
    data = bytes([1, 2, 3, 4, 5, 6, 7, 8, 14, 15]) * 10 + b"some text"
    assert parse_rejected(raw(data)).reason == "binary file, not text"


def test_parse_document_never_raises_on_odd_input() -> None:
    for data in [b"\xff", b"\xfe\xff\x00", "\ud800".encode("utf-8", "surrogatepass"), b"<", b"\x1f"]:
        assert isinstance(parse_document(raw(data, kind="html")), (Document, Rejection))
