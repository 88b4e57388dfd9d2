"""A language's event words (`resources/<lang>/events.json`), compiled once: what makes a clause an
event, and what gives it its status. Each list matches whole words, case-insensitively."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from transforms import resources
from transforms.alternation import alt


@dataclass(frozen=True)
class EventWords:
    performatives: re.Pattern  # 'hierbij', 'met deze brief', 'today': the text itself is the event
    habitual: re.Pattern  # 'vaak', 'usually', 'jaarlijks': a habit, no event
    forecast: re.Pattern  # 'naar verwachting', 'is expected': a forecast, no event
    evaluative: re.Pattern  # 'unacceptable', 'van belang': an opinion, no event
    negators: re.Pattern  # 'niet', 'geen', 'not', 'no'
    negators_before_only: re.Pattern  # 'without', 'zonder': after the trigger they negate no event
    not_negations: re.Pattern  # 'not only', 'niet alleen': no negation at all
    negative_verbs: re.Pattern  # 'denied', 'weigerde'
    possible: re.Pattern  # 'zou', 'could', 'mogelijk'
    conditionals: re.Pattern  # 'als', 'if': a clause they open holds only a possible event
    planned: re.Pattern  # 'will', 'gaat', 'plans to', 'voornemen'
    obligation: re.Pattern  # 'must', 'moet', 'can': a norm or a capacity, no event
    saying: re.Pattern  # 'said', 'zei', 'volgens': a quotation's attribution
    prices: re.Pattern  # 'each', 'per person' right after an amount (or its range): a price, no funding
    announcing: re.Pattern  # 'announced', 'bevestigt': their object noun is the event
    hedges: re.Pattern  # 'graag wil ik', 'would like to'
    date_links: frozenset[str]  # 'van', 'of': a date that belongs to the noun before it
    temporal_prepositions: frozenset[str]  # 'tijdens', 'during': a noun after them is a time, no event
    states: frozenset[str]  # verbs of a state ('remains', 'blijft', 'lacked')
    not_story_starts: re.Pattern  # 'Zie ook', 'Read more', 'Lees hier': references and navigation
    first_person: frozenset[str]  # 'ik', 'we': the writer, subject of the text's own act
    demonstrative_subjects: frozenset[str]  # 'this', 'it': no actor who says something
    target_prepositions: re.Pattern  # 'voor', 'for': a date after them is a plan's target
    continuation: re.Pattern  # 'Hij', 'Daarna', 'As a result': the sentence carries on the story
    earlier: re.Pattern  # 'previously', 'sinds': a time before the story's, which it does not date
    anchors: re.Pattern  # 'after', 'na', 'tijdens': a time of its own, by another event
    simultaneous: re.Pattern  # 'when', 'toen', 'while': a clause they open dates its main clause too
    headline_plans: frozenset[str]  # 'to': 'UK to double patrols' is planned
    research: re.Pattern  # 'onderzoek', 'study': with a finding verb, a publication
    findings: re.Pattern  # 'bleek', 'showed': what a study found


def words_pattern(words: list[str]) -> re.Pattern:
    # not inside a hyphenated word either: 'groot' is no word of 'Groot-Brittannië'
    return re.compile(rf"(?<![\w'’-]){alt(words)}(?![\w'’]|-\w)", re.I)


def negators_pattern(words: list[str], clitics: list[str]) -> re.Pattern:
    """The negation words, and the negations written onto the word before them ('didn't', 'haven’t'):
    those have a word character on their left."""
    pattern = words_pattern(words).pattern
    if clitics:
        pattern = rf"{pattern}|{alt(clitics)}(?![\w'’])"
    return re.compile(pattern, re.I)


@cache
def event_words(language: str) -> EventWords:
    data = resources.load(language, "events") or resources.load("en", "events")
    return EventWords(
        performatives=words_pattern(data.get("performatives", [])),
        habitual=words_pattern(data.get("habitual", [])),
        forecast=words_pattern(data.get("forecast", [])),
        evaluative=words_pattern(data.get("evaluative", [])),
        negators=negators_pattern(data.get("negators", []), data.get("negator_clitics", [])),
        negators_before_only=re.compile(rf"{alt(data.get('negators_before_only', []))}$", re.I),
        not_negations=words_pattern(data.get("not_negations", [])),
        negative_verbs=words_pattern(data.get("negative_verbs", [])),
        possible=words_pattern(data.get("possible", [])),
        conditionals=words_pattern(data.get("conditionals", [])),
        planned=words_pattern(data.get("planned", [])),
        obligation=words_pattern(data.get("modal_obligation", [])),
        saying=words_pattern(data.get("saying_verbs", [])),
        prices=re.compile(
            rf"(?:[^.;,]|[.,](?=\d)){{0,20}}?\s{alt(data.get('price_markers', []))}(?![\w'’])", re.I
        ),
        announcing=words_pattern(data.get("announcing_verbs", [])),
        hedges=words_pattern(data.get("hedges", [])),
        date_links=frozenset(w.lower() for w in data.get("date_links", [])),
        temporal_prepositions=frozenset(w.lower() for w in data.get("temporal_prepositions", [])),
        states=frozenset(w.lower() for w in data.get("states", [])),
        not_story_starts=re.compile(rf"^[\W\d]*{alt(data.get('not_story_starts', []))}(?![\w'’])", re.I),
        first_person=frozenset(w.lower() for w in data.get("first_person", [])),
        demonstrative_subjects=frozenset(w.lower() for w in data.get("demonstrative_subjects", [])),
        earlier=words_pattern(data.get("earlier_cues", [])),
        anchors=words_pattern(data.get("anchor_prepositions", [])),
        simultaneous=re.compile(rf"\W*{alt(data.get('simultaneous_openers', []))}(?![\w'’])", re.I),
        headline_plans=frozenset(w.lower() for w in data.get("headline_plan_markers", [])),
        research=words_pattern(data.get("research_nouns", [])),
        findings=words_pattern(data.get("finding_verbs", [])),
        continuation=re.compile(rf"^\W*{alt(data.get('continuation_starts', []))}(?![\w'’])", re.I),
        target_prepositions=re.compile(rf"(?<![\w'’-]){alt(data.get('target_prepositions', []))}\s+$", re.I),
    )


def found_in(
    pattern: re.Pattern,
    text: str,
    spans: tuple[tuple[int, int], ...],
    ignore: tuple[tuple[int, int], ...] = (),
) -> re.Match | None:
    """The first match of `pattern` inside any of `spans` of `text`, not inside one of `ignore` (the
    temporal expressions: 'May' in 'In May 2015' is no modal)."""
    for s, e in spans:
        for m in pattern.finditer(text, s, e):
            if not any(a <= m.start() < b for a, b in ignore):
                return m
    return None
