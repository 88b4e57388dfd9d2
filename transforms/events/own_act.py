"""The document's own act, once, and a headline that only restates its story's lead, not at all.

A letter to parliament says what it is several times: a headline ('Brief regering: ...'), a line
'Antwoord van Staatssecretaris X (ontvangen 21 juni 2021)', 'Bij brief van 7 juni 2024 zijn de
vragen beantwoord', 'Hierbij zend ik u de antwoorden', 'Met deze brief informeer ik uw Kamer'. They
are one event on a timeline: the document's publication, by its sender to its addressee, on its date.
The one kept is the text's own words for it (a performative) before a publication line dated the
document's day before the headline; it gets the sender and the addressee as actors.

A news headline that restates the lead ('Huge pan-European operation dismantles smuggling network'
above 'On 2 December Europol supported a joint operation ...') is the same event as that lead: a
headline is kept only where no event of the story has its type, whatever that event's date: the
headline's own date is the document's, which is rarely the day its story happened.
"""

from __future__ import annotations

from dataclasses import replace

from transforms.model import Document, Event

# Kinds of own-act candidates, the best first.
OWN_ACT_ORDER = ("performative", "dated", "title")


def own_act_kind(e: Event, doc: Document, performative: bool, title: bool) -> str | None:
    """'performative', 'dated' (a publication dated the document's day), 'title', or None."""
    if performative:
        return "performative"
    if e.event_type != "PUBLICATION" or not doc.published.known or doc.published.precision != "day":
        return "title" if title and e.event_type == "PUBLICATION" else None
    if e.date_start == doc.published.start and e.date_end == doc.published.end:
        return "title" if title else "dated"
    return None


def keep_once(events: list[Event], kinds: dict[str, str], titles: set[str], sender: list[str]) -> list[Event]:
    """`events` with one own act (the best of `kinds`, by event id) and no headline that restates the
    lead (`titles`: the ids of headline events). `sender`: the document's sender and addressee, the
    actors of its own act."""
    own = sorted(kinds, key=lambda i: OWN_ACT_ORDER.index(kinds[i]))
    keep = own[0] if own else None
    dropped = set(own[1:])
    body = [e for e in events if e.event_id not in titles and e.event_id not in dropped]
    out = []
    for e in events:
        if e.event_id in dropped:
            continue
        if e.event_id in titles and e.event_id != keep and restates(e, body):
            continue
        if e.event_id == keep:
            e = replace(e, actors=tuple(dict.fromkeys([*e.actors, *sender])))
        out.append(e)
    return out


def restates(title: Event, body: list[Event]) -> bool:
    """A story event of the headline's type."""
    return any(e.event_type == title.event_type for e in body)
