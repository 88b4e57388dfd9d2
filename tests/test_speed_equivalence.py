"""The shortcuts taken for speed give exactly what the plain way gives.

Each test sets a shortcut beside the straightforward computation it replaces, on the seeds (split into
sentences and lines) and on made-up texts that aim at the edge of each shortcut.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from pathlib import Path

import ftfy
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from transforms import clauses, documents, entities, quantities, sentences
from transforms.events import eventhood, lexicon
from transforms.events.timexes import TimexesBySpan
from transforms.model import Timex
from transforms.sentences import split_sentences
from transforms.temporal import scan as scan_module
from transforms.temporal import tagger
from transforms.temporal.candidates import rule_scan
from transforms.temporal.grammar import fold
from transforms.temporal.grammar import grammar as temporal_grammar
from transforms.temporal.scan import RuleScan

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def seed_texts() -> list[str]:
    return [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))]


def seed_sentences() -> list[tuple[str, str]]:
    """(sentence, language) of every seed sentence, read as Dutch and as English."""
    found = []
    for text in seed_texts():
        for language in ("nl", "en"):
            found += [(seg.text, language) for seg in split_sentences(text, language)]
    return found


# --- parsing --------------------------------------------------------------------------------------


def test_other_controls_are_the_cc_characters_but_tabs_and_breaks():
    expected = {
        chr(c)
        for c in range(sys.maxunicode + 1)
        if unicodedata.category(chr(c)) == "Cc" and chr(c) not in documents.TEXT_CONTROLS
    }
    found = {chr(c) for c in range(sys.maxunicode + 1) if documents.OTHER_CONTROLS.match(chr(c))}
    assert found == expected


@settings(max_examples=1000, deadline=None)
@given(st.binary(max_size=64))
@example(bytes(range(256)))
def test_c0_control_share_is_the_share_counted_byte_by_byte(data):
    plain = (
        sum(1 for byte in data if byte < 0x20 and chr(byte) not in documents.TEXT_CONTROLS) / len(data)
        if data
        else 0.0
    )
    assert documents.share_of_c0_controls(data) == plain


def ftfy_samples() -> list[str]:
    texts = seed_texts()
    samples = [*texts, *(line for text in texts for line in text.split("\n"))]
    for text in texts:
        samples.append(text.encode("utf-8").decode("cp1252", errors="replace"))  # mojibake
        samples.append(text.encode("utf-8").decode("latin-1"))  # mojibake with C1 controls
        samples.append(text.replace("\n", "\r\n"))
    for c in range(0x3000):
        ch = chr(c)
        samples += [ch, f"café {ch} naïve\n", f"Ã{ch}", f"â€{ch}x\nok"]
    samples += [
        "\x1b[31mred\x1b[0m plain",
        "esc \x1b alone",
        "half a surrogate \ud83d here",
        "a pair \ud83d\udca9 of surrogates",
        "zero\u200bwidth and bom \ufeff and \u206a",
        "\ufff9annotation\ufffb",
        "vertical\x0btab",
        "",
        "\n\n",
        "voilÃ le travail",
        "sÃ³ tÃ¡mbÃ©m",
        "â€œquotedâ€\x9d",
    ]
    return samples


def test_ftfy_shortcut_gives_what_ftfy_gives():
    kept = 0
    for text in ftfy_samples():
        fixed = ftfy.fix_text(text, documents.FTFY_CONFIG)
        assert documents.repair_text(text) == fixed, repr(text)
        if documents.ftfy_keeps(text):
            kept += 1
            assert fixed == text, repr(text)
    assert kept > 1000  # the shortcut is taken, not only the fallback


def test_ftfy_segments_are_lines_with_their_breaks():
    assert documents.ftfy_segments("a\nb\n\nc") == ["a\n", "b\n", "\n", "c"]
    assert documents.ftfy_segments("") == []


# --- entities -------------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["nl", "en"])
def test_grouped_names_regex_matches_like_the_flat_one(language):
    gaz = entities.load_gazetteer(language)
    names = sorted(gaz.kinds, key=len, reverse=True)
    flat = re.compile(rf"(?<!\w)(?<![a-zà-ÿ]-)(?:{'|'.join(re.escape(n) for n in names)})(?!\w)(?!-[a-zà-ÿ])")
    texts = [s for s, _ in seed_sentences()]
    texts += [" ".join(names), "-".join(names), "".join(names), ", ".join(n + "'s" for n in names)]
    texts += [f"de {n}-agentschappen en {n[:-1]} of {n}x" for n in names]
    for text in texts:
        assert [m.span() for m in gaz.names_re.finditer(text)] == [m.span() for m in flat.finditer(text)]


def plain_tokenize(sentence: str) -> list[tuple[str, str, int, int]]:
    """The tokenizer as it was written first: one token at a time, the possessive by regex."""
    tokens = []
    for m in sentences.TOKEN_RE.finditer(sentence):
        text, end = m.group(), m.end()
        if m.lastgroup == "word" and re.search(r"['’]s?$", text) and len(text) > 2 and text[-2] in "'’":
            text, end = text[:-2], end - 2
        tokens.append((m.lastgroup or "sym", text, m.start(), end))
    return tokens


def test_entity_tokens_are_the_plain_tokens():
    texts = [s for s, _ in seed_sentences()]
    texts += ["UK’s and Britain's, it's o's 's X's ’s St.-Jan's", "Rock'n'roll O'Brien's d'Hondt’s"]
    for text in texts:
        tokens = entities.tokenize(text)
        assert [(t.kind, t.text, t.start, t.end) for t in tokens] == plain_tokenize(text)
        assert all(t.low == t.text.lower() for t in tokens)


# --- quantities -----------------------------------------------------------------------------------


def plain_quantity_tokens(sentence: str) -> list[tuple[str, str, int, int, str]]:
    """The quantity tokens as scanned before the scan was shared: quantities' own TOKEN_RE only."""
    return [
        (m.lastgroup, m.group(), m.start(), m.end(), m.group().lower())
        for m in quantities.TOKEN_RE.finditer(sentence)
    ]


# Characters where the two token patterns differ or border: digits (also non-ASCII ones), letters
# (also ones whose case is special), separators, joiners, underscores, spaces.
TOKEN_CHARS = "ab\u00e9Z\u03a3\u0130_0 9\u0663.,&-'\u2019 \t\n%$\u00a0"


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet=TOKEN_CHARS, max_size=24))
@example("36.800 mensen bij AT&T en 2,5% van 3.")
@example("a&b 1.2.3 ,5 5, x&1 1&x")
def test_quantity_tokens_from_the_shared_scan_are_their_own(text):
    scanned = sentences.scan_tokens(text)
    assert [tuple(t) for t in quantities.tokenize(text, scanned)] == plain_quantity_tokens(text)
    assert [tuple(t) for t in quantities.tokenize(text)] == plain_quantity_tokens(text)


def test_quantity_tokens_from_the_shared_scan_on_the_seeds():
    for text, _ in seed_sentences():
        scanned = sentences.scan_tokens(text)
        assert [tuple(t) for t in quantities.tokenize(text, scanned)] == plain_quantity_tokens(text)


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet=TOKEN_CHARS + "\u2028\x1c\u00b2\u2160()", max_size=60), st.integers(0, 60))
@example("het werd op 3 maart\n", 20)
def test_the_word_before_read_backwards_is_the_one_a_search_finds(text, pos):
    pos = min(pos, len(text))
    m = re.search(r"([\w.'’]+)\s*$", text[max(0, pos - 40) : pos])
    assert clauses.word_before(text, pos) == (m.group(1).lower() if m else "")


@settings(max_examples=2000, deadline=None)
@given(st.text(alphabet=TOKEN_CHARS + "()–\u201c", max_size=24), st.integers(0, 6), st.integers(0, 6))
@example("İstanbul ΣΟΦΙΑ, 3.5 mln (x)", 0, 0)
def test_clause_words_are_the_plain_words(text, cut_start, cut_end):
    start, end = min(cut_start, len(text)), max(min(cut_start, len(text)), len(text) - cut_end)
    plain = [(m.start(), m.end(), m.group().lower()) for m in clauses.CLAUSE_TOKEN.finditer(text, start, end)]
    assert [tuple(w) for w in clauses.clause_tokens(text, start, end)] == plain


@pytest.mark.parametrize("language", ["nl", "en"])
def test_words_that_cannot_start_an_amount_read_as_none(language):
    lex = quantities.load_lexicon(language)
    words = {w for s, _ in seed_sentences() for w in re.findall(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*", s)}
    words |= set(lex.cardinals) | set(lex.scales) | set(lex.articles) | set(lex.weak)
    words |= set(quantities.GLUED_SCALES) | set(lex.nouns) | set(lex.currencies)
    words = {part for w in words for part in (w, w.capitalize(), w.upper())}
    skipped = 0
    for word in sorted(words):
        for after in ("miljoen", "million", "mensen", "people", "."):
            sentence = f"{word} {after} {word}"
            tokens = quantities.tokenize(sentence)
            if tokens[0].kind != "word" or quantities.may_start_word_amount(tokens[0].low, lex):
                continue
            skipped += 1
            assert quantities.read_word_amount(tokens, 0, sentence, lex) is None, sentence
    assert skipped > 1000


def plain_lookup_noun(word: str, lex: quantities.Lexicon) -> str | None:
    """`lookup_noun` as it was: a Dutch compound tested against every noun in turn."""
    w = word.lower()
    if w in lex.nouns:
        return lex.nouns[w]
    if lex.language == "nl":
        for noun, unit in lex.nouns.items():
            if len(noun) >= 4 and w.endswith(noun) and len(w) - len(noun) >= 3:
                return unit
    return None


@pytest.mark.parametrize("language", ["nl", "en"])
def test_compound_nouns_found_by_their_endings_as_by_testing_every_noun(language):
    lex = quantities.load_lexicon(language)
    nouns = list(lex.nouns)
    words = {w for s, _ in seed_sentences() for w in s.split()}
    words |= {head + noun for noun in nouns for head in ("", "a", "ab", "abc", "boot", "Kinder")}
    words |= {a + b for a in nouns[:60] for b in nouns}  # compounds of two known nouns: which one wins
    words |= {noun[1:] for noun in nouns} | {noun.upper() for noun in nouns}
    for word in words:
        assert quantities.lookup_noun(word, lex) == plain_lookup_noun(word, lex), word


@pytest.mark.parametrize("language", ["nl", "en"])
def test_custodial_patterns_are_the_ones_built_per_call(language):
    lex = quantities.load_lexicon(language)
    texts = (
        [s for s, _ in seed_sentences()]
        + [f"  {w}" for w in lex.custodial]
        + [f" {w}x" for w in lex.custodial]
    )
    texts += [f" jaar {w}, en" for w in lex.custodial] + [f"\n{w.upper()}" for w in lex.custodial]
    for text in texts:
        for end in range(0, min(len(text), 60)):
            rest = text[end : end + 25].lower()
            plain = any(re.match(rf"\s+{re.escape(word)}\b", rest) for word in lex.custodial)
            assert quantities.is_custodial(text, end, lex) == plain


# --- triggers -------------------------------------------------------------------------------------


def prefixes(language: str) -> list[str]:
    return sorted({e.prefix for e in lexicon.lexicon(language) if e.prefix})


def same_matches(text: str, language: str) -> bool:
    fast = lexicon.all_matches(text, 0, len(text), language)
    slow = lexicon.all_matches(text, 0, len(text), language, shortcut=False)
    return fast == slow


@pytest.mark.parametrize("language", ["nl", "en"])
def test_trigger_shortcut_finds_what_trying_every_entry_finds(language):
    texts = [s for s, _ in seed_sentences()]
    # Every lexicon prefix in a sentence of its own, and all of them in one sentence.
    entries = prefixes(language)
    texts += [f"Zij {e}t het." for e in entries] + [" ".join(entries), "İstanbul ſchip " + " ".join(entries)]
    for text in texts:
        assert same_matches(text, language), text


def test_lower_case_keeps_word_characters():
    """The shortcut looks for prefixes in the lower-cased text, the patterns in the text."""
    word = re.compile(r"\w")
    for c in range(sys.maxunicode + 1):
        ch = chr(c)
        if ch != "\u0130":  # "İ" lowers to two characters; it is in CASE_SPECIAL
            assert len(ch.lower()) == 1, repr(ch)
            assert bool(word.match(ch)) == bool(word.match(ch.lower())), repr(ch)
    assert lexicon.CASE_SPECIAL.search("\u0130")


@pytest.mark.parametrize("language", ["nl", "en"])
def test_trigger_shortcut_on_made_up_sentences(language):
    entries = prefixes(language)

    @settings(max_examples=500, deadline=None)
    @given(
        st.lists(
            st.tuples(st.sampled_from(entries), st.sampled_from(["", "x", "-", "'", "t", "en", "1"])),
            max_size=6,
        ),
        st.lists(st.sampled_from([" ", "", "-", ".", "_", "a", "\n", "(", "é", "3"]), min_size=6, max_size=6),
        st.booleans(),
    )
    def check(words, glue, upper):
        text = "".join(
            g + (w.upper() if upper else w) + tail for (w, tail), g in zip(words, glue, strict=False)
        )
        assert same_matches(text, language)

    check()


# --- events ---------------------------------------------------------------------------------------

spans = st.tuples(st.integers(0, 40), st.integers(0, 12))


@settings(max_examples=2000, deadline=None)
@given(st.lists(spans, max_size=12), st.lists(spans, min_size=1, max_size=5), st.booleans())
@example([(5, 3), (5, 0), (2, 3)], [(5, 0), (4, 4)], True)
def test_timexes_by_span_finds_what_testing_every_one_finds(timex_spans, queries, backwards):
    timexes = [Timex(s, s + n, "x", "DATE", str(k)) for k, (s, n) in enumerate(timex_spans)]
    if backwards and timexes:  # an expression that ends before it starts: the index must still agree
        timexes[0] = Timex(timexes[0].start, timexes[0].start - 1, "x", "DATE", "b")
    by_span = TimexesBySpan(timexes)
    for start, length in queries:
        end = start + length
        assert by_span.within(start, end) == [t for t in timexes if t.start >= start and t.end <= end]


# --- clauses ---------------------------------------------------------------------------------------


def read_every_word(text: str, language: str) -> list:
    """`split_clauses` without its shortcut for sentences with no word that can begin a clause."""
    reader = clauses.ClauseReader(text, language, 0)
    words = clauses.clause_tokens(text, 0, len(text))
    for i in range(len(words)):
        reader.read(words, i)
    return reader.finish(len(text))


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_one_clause_shortcut_reads_what_every_word_reads(language):
    texts = [s for s, lang in seed_sentences() if lang == language] + [
        "The minister signed the deal in March, while parliament approved it in June.",
        "De man die vrijdag verdronk, wordt dinsdag begraven.",
        "The Agency welcomed closer cooperation, reported key trends, and hosted a visit.",
        "Officers arrested three men, seized a boat, noting that it was stolen.",
    ]
    for text in texts:
        assert clauses.split_clauses(text, language, 0, len(text)) == read_every_word(text, language), text


# --- temporal rules -------------------------------------------------------------------------------


def per_rule_matches(text: str, patterns: list[re.Pattern]) -> list[tuple]:
    """What one `finditer` per rule finds, without empty matches: the plain way."""
    return sorted(
        (index, m.start(), m.end(), tuple(sorted(m.groupdict().items())))
        for index, pattern in enumerate(patterns)
        for m in pattern.finditer(text)
        if m.end() > m.start()
    )


def scanned_matches(text: str, scan: RuleScan) -> list[tuple]:
    return sorted(
        (i, m.start(), m.end(), tuple(sorted(m.groupdict().items()))) for i, m in scan.matches(text)
    )


def grammar_words(language: str) -> list[str]:
    """Words the rules are made of: month and weekday names, numbers, ordinals, the deictic and unit
    words, with digits, dates in digits and times."""
    g = temporal_grammar(language)
    words = [*g.months, *g.weekdays, *g.numbers, *g.ordinals]
    for key in ("deictic", "units", "ago", "relative_days", "part_of_period", "seasons", "articles"):
        value = g.words.get(key, [])
        words += [str(w) for w in (value if isinstance(value, list) else value.keys())]
    return sorted({w for w in words if w}) + [
        "2024",
        "12",
        "3",
        "1999",
        "14.30",
        "10:15",
        "2023-2024",
        "3/4/2025",
    ]


@pytest.mark.parametrize("language", ["nl", "en"])
def test_rule_scan_finds_what_a_scan_per_rule_finds(language):
    scan, _ = rule_scan(language)
    patterns = scan.patterns
    texts = [fold(t) for t in seed_texts()] + [fold(" ".join(grammar_words(language)))]
    for text in texts:
        assert scanned_matches(text, scan) == per_rule_matches(text, patterns)


@pytest.mark.parametrize("language", ["nl", "en"])
def test_rule_scan_on_made_up_sentences(language):
    scan, _ = rule_scan(language)
    words = grammar_words(language)

    @settings(max_examples=400, deadline=None)
    @given(
        st.lists(st.sampled_from(words), min_size=1, max_size=8),
        st.lists(
            st.sampled_from([" ", "", "-", ".", ", ", "\n", "(", "'", "x", "3 "]), min_size=8, max_size=8
        ),
    )
    def check(chosen, glue):
        text = fold("".join(g + w for w, g in zip(chosen, glue, strict=False)))
        assert scanned_matches(text, scan) == per_rule_matches(text, scan.patterns)

    check()


def test_first_characters_of_a_pattern():
    first = scan_module.first_chars(re.compile(r"(?<![\w'’])(?:the\s+)?(?:jan(?:uary)?|feb|\d+)(?!\w)"))
    assert first.chars == frozenset("tjf") and first.classes == frozenset({"digit"})
    assert first.admits("7") and not first.admits("m")
    # what it does not know: a pattern that can match nothing, a back-reference, case left to the engine
    assert scan_module.first_chars(re.compile(r"(?:de)?")) is None
    assert scan_module.first_chars(re.compile(r"(?P<a>x)?(?P=a)y")) is None
    assert scan_module.first_chars(re.compile(r"mei", re.I)) is None
    assert scan_module.first_chars(re.compile(r"[^a]b")) is None


def test_a_rule_starts_a_word_only_behind_a_look_behind_for_word_characters():
    assert scan_module.starts_a_word(re.compile(r"(?<![\w'’])mei"))
    assert scan_module.starts_a_word(re.compile(r"(?=[12])(?:(?<![\w.,])|(?<=begin-))\d{4}"))
    assert not scan_module.starts_a_word(re.compile(r"(?=[12])(?:(?<![\w.,])|(?<=begin))\d{4}"))
    assert not scan_module.starts_a_word(re.compile(r"(?<![.,])\d{4}"))
    assert not scan_module.starts_a_word(re.compile(r"\bmei"))
    # one scan over several rules: a rule it cannot read is scanned whole, and still found
    scan = RuleScan(
        [re.compile(r"(?<!\w)mei(?!\w)"), re.compile(r"\d+e"), re.compile(r"(?<!\w)(?:mei|maart)")]
    )
    assert scan.whole == [1]
    assert scanned_matches("op 3e mei en maart", scan) == per_rule_matches(
        "op 3e mei en maart", scan.patterns
    )


def test_first_words_of_a_pattern():
    words = scan_module.first_words(
        re.compile(r"(?<![\w'’])(?:the\s+)?(?:jan(?:uary)?|feb\.?|mid-\w+|\d+)(?:rd)?(?!\w)")
    )
    # a word ends at white space or another non-word character; where the pattern stops spelling a
    # word out (a class of word characters, the pattern's end) only its start is known
    assert words.exact == frozenset({"the", "mid", "feb"})
    assert set(words.prefixes) == {"jan", "janrd", "january", "januaryrd", "feb", "febrd"}
    assert words.classes == frozenset({"digit"})
    assert words.admits("the") and words.admits("january") and words.admits("febrd") and words.admits("7th")
    assert not words.admits("then") and not words.admits("fe") and not words.admits("mid2")
    # what it does not know: a pattern that can match nothing, any character first, case left to the engine
    assert scan_module.first_words(re.compile(r"(?:de)?")) is None
    assert scan_module.first_words(re.compile(r".mei")) is None
    assert scan_module.first_words(re.compile(r"mei", re.I)) is None


def test_a_word_start_tries_only_the_rules_its_word_can_begin():
    scan = RuleScan(
        [
            re.compile(r"(?<!\w)(?:de\s+)?mei"),
            re.compile(r"(?<!\w)\d{4}"),
            re.compile(r"(?<!\w)december"),
        ]
    )
    # 'de' is no start of 'december': the text's word must begin with the rule's word
    assert [scan.admitted(w[:1], w) for w in ["de", "mei", "meimaand", "dee", "december", "2024"]] == [
        (0,),
        (0,),
        (0,),
        (),
        (2,),
        (1,),
    ]
    assert scan.by_word[("d", "dee")] == ()


def test_the_word_start_gate_lets_through_every_start_a_rule_fits():
    """The gate (`word_start_gate`) is where the scan's time is saved: every word start it holds back
    must be one no rule admits."""
    for language in ("nl", "en"):
        scan, _ = rule_scan(language)
        for text in [fold(t) for t in seed_texts()] + [fold(" ".join(grammar_words(language)))]:
            gated = {m.start() for m in scan.starts.finditer(text)}
            for m in scan_module.WORD_STARTS.finditer(text):
                pos = m.start()
                if scan.admitted(text[pos], scan_module.WORD.match(text, pos).group()):
                    assert pos in gated, (language, text[pos : pos + 20])
    # built from the rules' words: their exact words end there, their prefixes may go on
    gate = scan_module.word_start_gate(
        [scan_module.first_words(re.compile(r"(?<!\w)(?:mei\.|jan(?:uari)?\w*|\d+|\(x)(?!\w)"))]
    )
    assert [m.start() for m in gate.finditer("mei. meid januari jantje 12 (x x")] == [0, 10, 18, 25, 28]
    # a rule whose first word is not known: every word start
    assert scan_module.word_start_gate([None]) is scan_module.WORD_STARTS


CASE_CHARS = "kKKsSſiIİıcCeEhHaAvVjJtTqQ0123 .,:/()-\u212a\u017f"


def gated_patterns() -> list[re.Pattern]:
    """Patterns with and without case, and case switched inside: the languages' citations and some
    made up."""
    made_up = [
        re.compile(r"\bkamer(?:stuk)?\s*\d+|(?-i:COM|C)\s*\(\d{4}\)|stb\.\s*\d+", re.I),
        re.compile(r"(?i:kS)\d|C\d{2}|[a-c]\.\d"),
        re.compile(r"(?:x|y)?(?i:İs)|ſ\d", re.I),
    ]
    whole = [  # the grammar's rules scanned whole, as written before their gate
        re.compile(rule.pattern.pattern.split("))(?:", 1)[1][:-1], rule.pattern.flags)
        for language in ("nl", "en")
        for rule in temporal_grammar(language).rules
        if not rule.folded
    ]
    assert whole and all(scan_module.with_first_chars_gate(p).pattern.startswith("(?=") for p in whole)
    return [temporal_grammar(language).citation for language in ("nl", "en")] + made_up + whole


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet=CASE_CHARS, max_size=30))
@example("Kamerstuk 12, nr. 3 en COM(2024) 12 final")
@example("2024-03-05T10:00 en Q3 2024, 2023 Q4, H1 2025 of 3 Sep. 2024, okt 2023")
@example("\u212aamerstuk II, nr. 4 ſtb. 2024, 5")
def test_a_pattern_behind_its_first_characters_finds_what_it_finds(text):
    for pattern in gated_patterns():
        gated = scan_module.with_first_chars_gate(pattern)
        assert gated is not pattern  # every one of these has known first characters
        assert [m.span() for m in gated.finditer(text)] == [m.span() for m in pattern.finditer(text)]


def test_first_characters_gate_on_the_seeds():
    for pattern in gated_patterns():
        gated = scan_module.with_first_chars_gate(pattern)
        for text in seed_texts():
            assert [m.span() for m in gated.finditer(text)] == [m.span() for m in pattern.finditer(text)]
    # a pattern that can match nothing, or may begin with any character, is left as it is
    for pattern in (re.compile(r"(?:ab)?"), re.compile(r".x"), re.compile(r"[^a]b")):
        assert scan_module.with_first_chars_gate(pattern) is pattern


@settings(max_examples=2000, deadline=None)
@given(st.text(alphabet="hw.:/[]footnRef0123 @abx-+\n", max_size=50))
@example("www.x.nl/a@b.nl en [footnoteRef:3] of mail a.b@x.org")
def test_masked_spans_without_the_mail_branch_where_no_address_can_be(text):
    """A text without '@' is read with `tagger.WEB`, the URL pattern without its e-mail branch: the same
    spans as the whole pattern gives."""
    plain = sorted(m.span(1) if m.group(1) else m.span() for m in tagger.URL.finditer(text)) + [
        m.span() for m in tagger.PHONE.finditer(text)
    ]
    citation = temporal_grammar("en").citation
    plain = tuple(sorted(plain + [m.span() for m in citation.finditer(text)]))
    tagger.masked_spans.cache_clear()
    assert tagger.masked_spans(text, "en") == plain


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet="eatBRIEFÉÀĀž 3.,-\u03c3", max_size=40))
@example("BRIEF VAN DE STAATSSECRETARIS")
@example("Brief van de staatssecretaris")
def test_mostly_capitals_without_counting_is_mostly_capitals_counted(body):
    counted = len(eventhood.UPPER.findall(body)) > 0.8 * len(eventhood.LETTER.findall(body))
    assert eventhood.mostly_capitals(body) == counted


def blocks_reading_each_block_whole(text: str) -> list[tuple[int, int]]:
    """`sentences.blocks` as it was: the whole block read again for each line."""
    lines = text.split("\n")
    width = sentences.wrap_width(lines)
    out: list[tuple[int, int]] = []
    pos = 0
    for line in lines:
        lo, hi = pos, pos + len(line)
        pos = hi + 1
        if out and line.strip():
            plo, phi = out[-1]
            prev = text[plo:phi]
            last = prev.rsplit("\n", 1)[-1].rstrip()
            wrapped = (
                width is not None
                and width - 2 * sentences.WRAP_SLACK <= len(last) <= width + sentences.WRAP_SLACK
            )
            fields = "|" in last or "|" in line
            goes_on = line.lstrip()[:1].islower() or (
                wrapped and not fields and not sentences.ITEM_START.match(line)
            )
            if prev.strip() and not sentences.FINISHED.search(prev) and goes_on:
                out[-1] = (plo, hi)
                continue
        out.append((lo, hi))
    return out


@settings(max_examples=2000, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["", " ", "de brief", "De Kamer", "- item", "12.5 | 3", "x" * 30, "y " * 20]),
            st.sampled_from(["", ".", ":", "’", " ", "\t", ",", "\u2028"]),
        ),
        max_size=14,
    )
)
@example([("x" * 30, ""), ("y " * 20, ""), ("de brief", "."), ("", " "), ("De Kamer", "")])
def test_blocks_read_from_the_last_line_are_the_blocks_read_whole(lines):
    text = "\n".join(body + end for body, end in lines)
    assert sentences.blocks(text) == blocks_reading_each_block_whole(text)


def test_blocks_of_a_pasted_table_and_the_seeds_are_the_blocks_read_whole():
    table = "\n".join("12.345.678.9 " * 6 for _ in range(300))
    for text in [table, *seed_texts()]:
        assert sentences.blocks(text) == blocks_reading_each_block_whole(text)
