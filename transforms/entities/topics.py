"""What a text or a meeting is about: `topic_span(text, after, end, language)`.

`Met deze brief informeer ik uw Kamer over de asielinstroom waar ook Nederland de effecten van merkt`:
the letter's actors are its sender and its addressee, not the Netherlands it speaks of; `we spraken over
mensensmokkel op de Middellandse Zee`: the talks were not held at sea. The topic starts at the first topic
preposition (`over`, `about`, `on`, ...) after the event's trigger and runs to the next comma, semicolon,
colon or parenthesis (`to discuss policies on migration, in the presence of Europol`: Europol is there);
a preposition before a number, a month or weekday, or `behalf` (`on 2 December`, `on behalf of the
Commission`) starts none.
"""

from __future__ import annotations

import re

from transforms.entities.lexicon import load_gazetteer

WORD_RE = re.compile(r"[^\W\d_]+|\d+")
PHRASE_END = re.compile(r"[,;:()]")


def topic_span(text: str, after: int, end: int, language: str) -> tuple[int, int] | None:
    """The span of the topic of the event whose trigger ends at `after`, in text[:end]; None when none.

    >>> text = "Met deze brief informeer ik uw Kamer over de instroom in Nederland, mede namens de minister."
    >>> start, stop = topic_span(text, 24, len(text), "nl")
    >>> text[start:stop]
    'over de instroom in Nederland'
    """
    gaz = load_gazetteer(language)
    words = WORD_RE.finditer(text, after, end)
    for m in words:
        if m.group().lower() not in gaz.topic_prepositions:
            continue
        following = next(words, None)
        if following is None:
            return None
        word = following.group().lower()
        if word.isdigit() or word in gaz.calendar or word == "behalf":
            continue
        stop = PHRASE_END.search(text, m.end(), end)
        return m.start(), stop.start() if stop else end
    return None
