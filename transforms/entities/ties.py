"""Two mentions of one entity side by side: parentheses, affiliations and appositions.

An acronym in parentheses after a name is that name (`Openbaar Ministerie (OM)`: not listed again, and
tied to it); a party in parentheses after a person is an affiliation (`Keijzer (CDA)`), and so is an
organisation before a title and a name (`EU Commissioner Magnus Brunner`): neither is listed. An office in
apposition to a person is that person (`De Minister van Buitenlandse Zaken, A.G. Koenders`). Of two
mentions on the same words the longer stays; a lone capitalised word right before an organisation's name
is a heading's adjective (`Informele Europese Raad`). A term defined for a list of names
(`X, Y and Z (hereinafter 'the participants')`) stands for them (`find_aliases`).
"""

from __future__ import annotations

from transforms.entities.lexicon import Gazetteer
from transforms.entities.words import Link, Mention


def parenthesised_after(sentence: str, end: int, start: int) -> bool:
    """Is text[start:] inside parentheses opened right after `end` (`Keijzer (CDA)`, `(beiden VVD)`)?"""
    between = sentence[end:start]
    opening = between.find("(")
    return (
        opening >= 0 and not between[:opening].strip() and ")" not in between and "," not in between[opening:]
    )


def closes_right_after(sentence: str, end: int) -> bool:
    return sentence[end:].lstrip().startswith(")")


def could_abbreviate(acronym: str, name: str) -> bool:
    """`OM` for `Openbaar Ministerie`, `KMar` for `Koninklijke Marechaussee`: short, no space, two capitals
    or more, its first letter the name's first, its capitals in the name's order, the name two words or more."""
    if not acronym or " " in acronym or len(acronym) > 10 or len(name.split()) < 2:
        return False
    if sum(c.isupper() for c in acronym) < 2:
        return False
    if acronym[0].lower() != name[0].lower():
        return False
    rest = name.lower()
    pos = 0
    for ch in (c for c in acronym if c.isupper()):
        pos = rest.find(ch.lower(), pos)
        if pos < 0:
            return False
        pos += 1
    return True


def tie_parentheses(
    mentions: list[Mention], sentence: str, gaz: Gazetteer
) -> tuple[list[Mention], list[Link]]:
    """Rule 7: acronyms tied to their names, affiliations and appositions dropped."""
    kept: list[Mention] = []
    links: list[Link] = []
    for m in mentions:
        owner = next((p for p in reversed(kept) if p.end <= m.start), None)
        if (
            owner is not None
            and parenthesised_after(sentence, owner.end, m.start)
            and closes_right_after(sentence, m.end)
        ):
            if owner.kind != "person" and could_abbreviate(m.name, owner.name):
                links.append(Link(m.name, owner.name, "acronym", owner.start, m.end))
                continue
            if owner.kind in ("person", "name") and m.kind in ("organisation", "name", "union"):
                continue  # `Keijzer (CDA)`: an affiliation
        kept.append(m)
    out: list[Mention] = []
    for k, m in enumerate(kept):
        nxt = kept[k + 1] if k + 1 < len(kept) else None
        if nxt is not None and m.kind in ("organisation", "union") and nxt.kind == "person" and nxt.title:
            between = sentence[m.end : nxt.start].split()
            if between and all(
                w.lower() in gaz.titles or w.lower() in gaz.office_titles or w.lower() in gaz.portfolios
                for w in between
            ):
                continue  # `EU Commissioner Magnus Brunner`: the person's affiliation
        if nxt is not None and m.kind in ("function", "title") and nxt.kind in ("person", "name"):
            between = sentence[m.end : nxt.start]
            words = between.replace(",", " ").split()
            if between.strip().startswith(",") and all(w.lower() in gaz.titles for w in words):
                links.append(Link(m.name, nxt.name, "apposition", m.start, nxt.end))
                continue  # `De Minister van Buitenlandse Zaken, A.G. Koenders`
        out.append(m)
    return out, links


def drop_nested(mentions: list[Mention], sentence: str) -> list[Mention]:
    """Of two mentions on the same words, the longer (the earlier on a tie) stays; a lone capitalised word
    right before an organisation's name is a heading's adjective (`Informele Europese Raad`)."""
    out: list[Mention] = []
    for m in sorted(mentions, key=lambda m: (m.start, -m.end)):
        if out and m.start < out[-1].end:
            continue
        out.append(m)
    return [
        m
        for k, m in enumerate(out)
        if not (
            m.kind == "name"
            and " " not in m.name
            and k + 1 < len(out)
            and out[k + 1].kind in ("organisation", "union")
            and not sentence[m.end : out[k + 1].start].strip()
        )
    ]


def find_aliases(mentions: list[Mention], sentence: str, gaz: Gazetteer) -> list[Link]:
    """`X, Y and Z (hereinafter 'the participants')`: one `alias` link from the term (its words after an
    article, lower case: `participants`) to each actor of the list right before the parenthesis; the
    link's end is the parenthesis' end, from where the term stands for them."""
    links: list[Link] = []
    for found in gaz.alias_re.finditer(sentence):
        words = found.group("alias").lower().split()
        while words and gaz.list_gap_re.fullmatch(words[0]):
            words = words[1:]  # `the participants`: the term is `participants`
        if not words:
            continue
        listed: list[Mention] = []
        pos = found.start()
        for m in reversed([m for m in mentions if m.end <= found.start()]):
            if not gaz.list_gap_re.fullmatch(sentence[m.end : pos]):
                break
            listed.append(m)
            pos = m.start
        term = " ".join(words)
        links.extend(Link(term, m.name, "alias", m.start, found.end()) for m in reversed(listed) if m.actor)
    return links
