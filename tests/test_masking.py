"""What the tagger never reads as a date: e-mail addresses, URLs, phone numbers (both languages)."""

from __future__ import annotations

import datetime as dt

import pytest

from transforms.model import Published
from transforms.temporal import tag
from transforms.temporal.tagger import masked_spans

DAY = Published(dt.date(2025, 5, 14), dt.date(2025, 5, 14), "day", "header")


@pytest.mark.parametrize(
    ("language", "text", "address"),
    [
        ("nl", "Mail naar ..j.de-vries.3.2024@politie.nl voor vragen.", "j.de-vries.3.2024@politie.nl"),
        ("en", "Write to -press.12.03.2024@homeoffice.gov.uk today.", "press.12.03.2024@homeoffice.gov.uk"),
    ],
)
def test_an_email_address_is_masked_from_its_first_letter_and_holds_no_date(language, text, address):
    start = text.index(address)
    assert (start, start + len(address)) in masked_spans(text, language)
    assert [t.text for t in tag(text, DAY, language)] == (["today"] if language == "en" else [])


@pytest.mark.parametrize("language", ["nl", "en"])
def test_a_long_run_of_digits_and_dots_is_no_address_and_no_url(language):
    # Such runs (a statistics table pasted as text) once made the address pattern retry every position.
    text = "12.345.6789." * 2000 + " in mei 2024"
    assert masked_spans(text, language) == ()
