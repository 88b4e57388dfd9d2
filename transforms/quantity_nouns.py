"""What an amount counts: the noun (phrase) after it, its unit class, and the words that name it.

`23 suspects` counts suspects (unit people), `1.8 million irregular border crossings` crossings,
`14 EU lidstaten` countries; `3 helicopters` has no class in the lexicon, so its unit is the noun
itself. The words from the amount to the counted noun are `what` (`irregular border crossings`,
`Vietnamese minderjarige vreemdelingen`), as the text writes them.
"""

from __future__ import annotations

from dataclasses import dataclass

from transforms.quantity_lexicon import Lexicon
from transforms.sentences import Token


@dataclass(frozen=True, slots=True)
class Counted:
    """The counted noun after an amount, and its kind:

    - "lexicon": a noun the units lexicon knows, right after the amount; "lexicon_later": after
      modifiers (`irregular border crossings`); "demonym": a people (`12 Americans`); "noun": another noun;
    - "duration" (`tien jaar`): a count only as a prison term or a bound (`at least 2 years`);
    - "date" (a month: `eenentwintig januari`), "multiplier" (`four times`), "name" (capitalised words
      that are no noun the lexicon knows: `19 637 Vreemdelingenbeleid`, `285 Toure Drive`): no count;
    - None: no noun at all (`7 in Austria`)."""

    unit: str
    kind: str | None
    start: int = 0  # the character span of `what` in the sentence
    end: int = 0

    @property
    def known(self) -> bool:
        return self.kind in KNOWN


KNOWN = ("lexicon", "lexicon_later", "demonym")
NOTHING = Counted("", None)


def skip_of(tokens: list[Token], j: int, lex: Lexicon) -> int:
    """English `of` right after an amount is skipped (`thousands of people`)."""
    return j + 1 if j < len(tokens) and tokens[j].low == "of" and lex.language == "en" else j


def follow_words(tokens: list[Token], j: int, lex: Lexicon, limit: int = 4) -> list[Token]:
    """The words after an amount up to punctuation or a function word: where the counted noun may be.
    English `of` is skipped right after the amount (`thousands of people`), and a first word such as
    `other` or `andere` does not stop the search (`10 other people`)."""
    words: list[Token] = []
    j = skip_of(tokens, j, lex)
    while j < len(tokens) and len(words) < limit:
        tok = tokens[j]
        leading_modifier = not words and tok.low in lex.count_modifiers  # `other` in `10 other people`
        if tok.kind != "word" or (tok.low in lex.stopwords and not leading_modifier):
            break
        words.append(tok)
        j += 1
    return words


def words_after_link(tokens: list[Token], j: int, links: frozenset[str], lex: Lexicon) -> list[Token]:
    """The words after a link word and any determiners (`of the`, `van de`, `aan`): what a percentage is a
    share of, or what a measure weighs. Nothing when no link word stands at j."""
    if j >= len(tokens) or tokens[j].low not in links:
        return []
    j += 1
    while j < len(tokens) and tokens[j].low in lex.determiners:
        j += 1
    return follow_words(tokens, j, lex)


def lookup_noun(word: str, lex: Lexicon) -> str | None:
    """The unit class of a noun; Dutch compounds by their last part (`bootmigranten` -> people)."""
    w = word.lower()
    if w in lex.nouns:
        return lex.nouns[w]
    if lex.language == "nl":
        # The known nouns of four or more letters that end `w` and leave at least three letters before
        # them; of those, the first in the lexicon's order.
        ends = [w[-size:] for size in range(4, len(w) - 2)]
        found = [lex.compound_tails[end] for end in ends if end in lex.compound_tails]
        if found:
            return min(found)[1]
    return None


def is_modifier(word: str, lex: Lexicon) -> bool:
    """A word that may stand before the counted noun: a name or demonym (`Vietnamese`, `EU`), an inflected
    Dutch adjective (`grote`), an English participle (`arrested`, `missing`), `other`, `andere`."""
    if word[0].isupper() or word.isupper() or word.lower() in lex.count_modifiers:
        return True
    if lex.language == "nl":
        return word.endswith("e")
    return word.endswith(("ed", "ing"))


def looks_plural(word: str, lex: Lexicon) -> bool:
    """A plural by its ending (`main areas`, `momenten`, `auto's`; not `status`, `terug`, `weg`)."""
    w = word.lower()
    return w.endswith(lex.plural_endings) and not w.endswith(lex.singular_endings or ("\0",))


def find_head(words: list[Token], value: float, lex: Lexicon) -> tuple[int, str] | None:
    """The counted noun among `words`: (its index, its kind), or None.

    A noun the lexicon knows wins wherever it stands (`irregular border crossings`). Else the first word
    that is no modifier; as a count other than one needs a plural, the first plural (`sea ports`, `main
    areas`), and none when there is no plural (`5 remain`, `7 terug`). A people's name counts
    (`12 Americans`); another capitalised word or a participle alone does not (`285 Toure Drive`)."""
    for k, tok in enumerate(words):
        if lookup_noun(tok.text, lex) is not None:
            return k, "lexicon" if k == 0 else "lexicon_later"
    for k, tok in enumerate(words):
        more = k + 1 < len(words)
        if tok.low in lex.demonyms and (looks_plural(tok.text, lex) or not more):
            return k, "demonym"  # `30 Syriërs opgevangen`; `5 Syrian doctors` goes on to the noun
        if more and is_modifier(tok.text, lex):
            continue
        if value != 1 and not looks_plural(tok.text, lex):
            if more:
                continue
            return None
        if tok.text[0].isupper() or (lex.language == "en" and is_modifier(tok.text, lex)):
            return None
        return k, "noun"
    return None


def counted_noun(tokens: list[Token], j: int, value: float, lex: Lexicon) -> Counted:
    """The counted noun from token j on (the first token after the amount and its unit)."""
    first = skip_of(tokens, j, lex)
    if first < len(tokens) and tokens[first].low in lex.multipliers:
        return Counted("", "multiplier")  # `four times`, `drie keer` (function words: no noun search)
    words = follow_words(tokens, j, lex)
    if not words:
        return NOTHING
    lead = next((tok.low for tok in words if tok.low not in lex.count_modifiers), words[0].low)
    if lead in lex.durations:
        return Counted(lex.durations[lead], "duration")  # `tien jaar`, `two more weeks`
    if lead in lex.months:
        return Counted("", "date")
    head = find_head(words, value, lex)
    if head is None:
        return Counted("", "name") if words[0].text[0].isupper() else NOTHING
    k, kind = head
    noun = words[k].text
    if noun.lower() in lex.durations:
        return Counted(lex.durations[noun.lower()], "duration")  # `10 previous weeks`
    unit = lookup_noun(noun, lex) or ("people" if kind == "demonym" else noun.lower())
    if unit in lex.measure_units:
        # `200 kilo cocaïne`, `2 tonnes of cannabis`: the measure is the unit, the thing measured is what
        return Counted(unit, kind, *measured_thing(tokens, skip_of(tokens, j, lex) + k + 1, lex))
    return Counted(unit, kind, words[0].start, words[k].end)


def measured_thing(tokens: list[Token], j: int, lex: Lexicon) -> tuple[int, int]:
    """The span of what a measure weighs or spans (`kilo cocaïne`, `tonnes of cannabis`); (0, 0) if none."""
    if j < len(tokens) and tokens[j].low in lex.measure_links:
        return noun_phrase_span(words_after_link(tokens, j, lex.measure_links, lex), 1, lex)
    return noun_phrase_span(follow_words(tokens, j, lex), 1, lex)


def share_of(tokens: list[Token], j: int, lex: Lexicon) -> tuple[int, int]:
    """The span of the whole a percentage is a share of (`100% of passengers`, `30% van de verwijzingen`);
    (0, 0) when the text does not say."""
    return noun_phrase_span(words_after_link(tokens, j, lex.share_links, lex), 2, lex)


def noun_phrase_span(words: list[Token], value: float, lex: Lexicon) -> tuple[int, int]:
    """From the first word to the head noun (`find_head`, as after a count of `value`); (0, 0) if none."""
    head = find_head(words, value, lex) if words else None
    if head is None:
        return 0, 0
    return words[0].start, words[head[0]].end
