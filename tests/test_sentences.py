"""Sentence splitting: abbreviations, hard wraps, headlines, footnotes set apart."""

from transforms.sentences import split_sentences


def texts(text, language="nl", title=None):
    return [(s.kind, s.text) for s in split_sentences(text, language, title)]


def test_abbreviations_and_initials_do_not_end_a_sentence():
    got = texts("Op 10 december jl. was er overleg. Mr. J. Smith kwam ook. Daarna ging iedereen naar huis.")
    assert [t for _, t in got] == [
        "Op 10 december jl. was er overleg.",
        "Mr. J. Smith kwam ook.",
        "Daarna ging iedereen naar huis.",
    ]


def test_state_abbreviations_do_not_end_a_sentence_but_common_words_do():
    got = texts("He lives in Sacramento, Calif. and works there. They had to wash. Then they left.", "en")
    assert [t for _, t in got] == [
        "He lives in Sacramento, Calif. and works there.",
        "They had to wash.",
        "Then they left.",
    ]


def test_letters_between_dots_are_an_abbreviation():
    assert [t for _, t in texts("Het overleg was o.l.v. de burgemeester. Daarna niet.")] == [
        "Het overleg was o.l.v. de burgemeester.",
        "Daarna niet.",
    ]
    assert [t for _, t in texts("Leaders met in Washington, D.C. on Friday.", "en")] == [
        "Leaders met in Washington, D.C. on Friday."
    ]


def test_an_abbreviation_that_is_a_word_too_ends_a_sentence_before_a_capital():
    assert [t for _, t in texts("Het overleg was op 12 maart jl. De minister kwam ook.")] == [
        "Het overleg was op 12 maart jl.",
        "De minister kwam ook.",
    ]
    assert [t for _, t in texts("Op 10 december jl. was er overleg.")] == [
        "Op 10 december jl. was er overleg."
    ]
    assert [t for _, t in texts("He sat. Then he left on Sat. 12 May.", "en")] == [
        "He sat.",
        "Then he left on Sat. 12 May.",
    ]


def test_hard_wrapped_lines_are_one_sentence():
    got = texts("This is a sentence that was\nwrapped by the editor. Next one.", "en")
    assert [t for _, t in got] == ["This is a sentence that was\nwrapped by the editor.", "Next one."]


def test_headline_is_its_own_segment():
    text = "Kabinet investeert miljoenen\nHet kabinet gaat fors investeren."
    got = texts(text, title="Kabinet investeert miljoenen")
    assert got == [("title", "Kabinet investeert miljoenen"), ("story", "Het kabinet gaat fors investeren.")]


def test_footnote_marker_and_body_are_not_part_of_the_sentence():
    text = (
        "Bent u bekend met het artikel?[footnoteRef:1] [1:  De Telegraaf, 19 november 2024, 'Titel'.] \nJa."
    )
    got = texts(text)
    assert got == [
        ("story", "Bent u bekend met het artikel?"),
        ("footnote", "De Telegraaf, 19 november 2024, 'Titel'."),
        ("story", "Ja."),
    ]


def test_offsets_point_into_the_original_text():
    text = "Eerste zin.[footnoteRef:2] Tweede zin. [2:  https://example.org/x] \n\nDerde zin."
    for s in split_sentences(text, "nl"):
        assert text[s.start : s.end] == s.text


def test_url_only_line_is_a_footnote():
    got = texts("Zie de bron.\nhttps://example.org/rapport-2024\nVerder.")
    assert ("footnote", "https://example.org/rapport-2024") in got
