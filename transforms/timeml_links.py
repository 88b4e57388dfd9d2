"""TimeML links and instances that must go with the tags the tagger replaces. Pure: strings in and out.

`timeline timeml` removes the input's TIMEX3, EVENT and SIGNAL tags inside <TEXT> and writes its own
TIMEX3s. The MAKEINSTANCE, TLINK, SLINK and ALINK elements after <TEXT> point at those removed tags
(by eventID, eventInstanceID, timeID, signalID, ...): they are dropped, unless everything they point at
is still there (the document creation time, outside <TEXT>, stays). A new TIMEX3 never reuses an id
that is still defined outside <TEXT> (the creation time's `t0`).
"""

from __future__ import annotations

import re

TEXT = re.compile(r"<TEXT>(.*?)</TEXT>", re.S)
# The elements that refer to others, self-closing or not, with the line break after them.
REFERRING = re.compile(r"[ \t]*<(MAKEINSTANCE|TLINK|SLINK|ALINK)\b([^>]*?)(?:/>|>.*?</\1>)[ \t]*\n?", re.S)
# The elements that define an id others refer to, and the attribute holding it.
DEFINING = re.compile(r"<(?:TIMEX3|EVENT|SIGNAL)\b[^>]*?\b(?:tid|eid|sid)=\"([^\"]*)\"", re.S)
ATTRIBUTE = re.compile(r'(\w+)="([^"]*)"')
# Attributes that point at another element (TimeML 1.2.1).
POINTERS = frozenset(
    {
        "eventID",
        "eventInstanceID",
        "relatedToEventInstance",
        "subordinatedEventInstance",
        "timeID",
        "relatedToTime",
        "signalID",
    }
)
OUR_TID = re.compile(r'(<TIMEX3 tid=")(t\d+)(")')


def outside_text(document: str) -> str:
    m = TEXT.search(document)
    return document if m is None else document[: m.start()] + document[m.end() :]


def without_dangling_links(document: str) -> str:
    """`document` (already re-tagged) without the instances and links that point at a tag no longer
    there, its new TIMEX3 ids clear of the ids still defined outside <TEXT>.

    >>> doc = ('<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08">x</TIMEX3></DCT>'
    ...        '<TEXT>On <TIMEX3 tid="t1" type="DATE" value="1998-01-07">Wednesday</TIMEX3></TEXT>\\n'
    ...        '<MAKEINSTANCE eventID="e1" eiid="ei1"/>\\n'
    ...        '<TLINK lid="l1" relType="IS_INCLUDED" eventInstanceID="ei1" relatedToTime="t0"/>\\n'
    ...        '</TimeML>')
    >>> print(without_dangling_links(doc).split("</TEXT>")[1])
    <BLANKLINE>
    </TimeML>
    """
    kept = set(DEFINING.findall(REFERRING.sub("", outside_text(document))))
    document = clear_of(document, kept)
    instances = {
        attrs.get("eiid")
        for attrs in (dict(ATTRIBUTE.findall(m.group(2))) for m in REFERRING.finditer(document))
        if "eiid" in attrs and attrs.get("eventID") in kept
    }
    kept |= instances

    def keep(m: re.Match) -> str:
        attrs = dict(ATTRIBUTE.findall(m.group(2)))
        pointers = [v for k, v in attrs.items() if k in POINTERS]
        return m.group(0) if all(p in kept for p in pointers) else ""

    m = TEXT.search(document)
    if m is None:
        return REFERRING.sub(keep, document)
    return REFERRING.sub(keep, document[: m.start()]) + m.group(0) + REFERRING.sub(keep, document[m.end() :])


def clear_of(document: str, taken: set[str]) -> str:
    """The TIMEX3 ids written inside <TEXT> renumbered past any of `taken` they would repeat.

    >>> clear_of('<DCT>t1</DCT><TEXT><TIMEX3 tid="t1">x</TIMEX3><TIMEX3 tid="t2">y</TIMEX3></TEXT>', {"t1"})
    '<DCT>t1</DCT><TEXT><TIMEX3 tid="t2">x</TIMEX3><TIMEX3 tid="t3">y</TIMEX3></TEXT>'
    """
    m = TEXT.search(document)
    if m is None:
        return document
    body = m.group(0)
    ours = [m.group(2) for m in OUR_TID.finditer(body)]
    if not any(tid in taken for tid in ours):
        return document
    free = (f"t{n}" for n in range(1, 10**9) if f"t{n}" not in taken)
    mapping = {tid: next(free) for tid in ours}
    body = OUR_TID.sub(lambda x: x.group(1) + mapping[x.group(2)] + x.group(3), body)
    return document[: m.start()] + body + document[m.end() :]
