"""The clause-level event rules, one case per rule and language: which clauses are events, their
trigger, type, status and date."""

from __future__ import annotations

import datetime as dt

import pytest

from transforms.events import extract_events
from transforms.model import Document, Published

D = dt.date
DAY_NL = Published(D(2024, 6, 7), D(2024, 6, 7), "day", "text")
DAY_EN = Published(D(2024, 3, 4), D(2024, 3, 4), "day", "text")


def events_of(text: str, language: str, published: Published | None = None, title: str | None = None):
    published = published if published is not None else (DAY_NL if language == "nl" else DAY_EN)
    doc = Document("d" * 32, "doc.txt", "/tmp/doc.txt", text, title, language, published, "x" * 64)
    return extract_events(doc)


def one(text: str, language: str, **kw):
    found = events_of(text, language, **kw)
    assert len(found) == 1, [(e.trigger, e.event_type, text[e.clause_start : e.clause_end]) for e in found]
    return found[0]


# --- one event per clause, each with the date of its own clause ------------------------------------


@pytest.mark.parametrize(
    "language, text, expected",
    [
        (
            "nl",
            "Vorig jaar werden 120 smokkelaars veroordeeld en dit jaar zijn er al 80 gearresteerd.",
            [
                ("veroordeeld", "PROSECUTION", D(2023, 1, 1), D(2023, 12, 31)),
                ("gearresteerd", "ARREST", D(2024, 1, 1), D(2024, 6, 7)),  # this year so far
            ],
        ),
        (
            "en",
            "The minister signed the deal in March, while parliament approved it in June.",
            [
                ("signed", "AGREEMENT", D(2024, 3, 1), D(2024, 3, 31)),
                ("approved", "POLICY_CHANGE", D(2024, 6, 1), D(2024, 6, 30)),
            ],
        ),
    ],
)
def test_each_clause_is_its_own_event_with_its_own_date(language, text, expected):
    published = DAY_NL if language == "nl" else Published(D(2024, 9, 1), D(2024, 9, 1), "day", "text")
    found = [
        (e.trigger, e.event_type, e.date_start, e.date_end) for e in events_of(text, language, published)
    ]
    assert found == expected


@pytest.mark.parametrize(
    "language, text",
    [
        ("nl", "Vorig jaar werden 120 smokkelaars veroordeeld en dit jaar zijn er al 80 gearresteerd."),
        ("en", "The minister signed the deal in March, while parliament approved it in June."),
    ],
)
def test_a_rows_sentence_is_the_whole_sentence_and_its_clause_and_trigger_lie_inside(language, text):
    for e in events_of(text, language):
        assert e.sentence == text and (e.char_start, e.char_end) == (0, len(text))
        assert e.char_start <= e.clause_start <= e.trigger_start < e.trigger_end <= e.clause_end <= e.char_end
        assert text[e.trigger_start : e.trigger_end] == e.trigger


@pytest.mark.parametrize(
    "language, text, trigger, event_type, status",
    [
        # the reported clause names the event; the reporting verb frames it
        (
            "nl",
            "Verder is op 28 juni afgesproken dat we Frontex gaan versterken.",
            "versterken",
            "POLICY_CHANGE",
            "planned",
        ),
        (
            "en",
            "On 28 June the ministers agreed that they will strengthen Frontex.",
            "strengthen",
            "POLICY_CHANGE",
            "planned",
        ),
    ],
)
def test_a_reported_clause_gives_the_event_its_predicate_and_status(
    language, text, trigger, event_type, status
):
    e = one(text, language)
    assert (e.trigger, e.event_type, e.status) == (trigger, event_type, status)


@pytest.mark.parametrize(
    "language, text, event_type",
    [
        # a study, research or investigation that found something: the publication of its findings
        ("nl", "Uit onderzoek van het WODC uit 2022 bleek dat de meeste smokkelaars jong zijn.", "PUBLICATION"),
        ("en", "Research by Europol in 2022 showed that most smugglers are young.", "PUBLICATION"),
        ("en", "A study by Europol in 2022 showed that most smugglers are young.", "PUBLICATION"),
        # without a finding, the noun keeps its own type
        ("nl", "De politie voerde in maart 2022 een onderzoek uit naar de smokkelbende.", "POLICE_OPERATION"),
        ("en", "Police carried out an investigation into the gang in March 2022.", "POLICE_OPERATION"),
    ],
)  # fmt: skip
def test_a_study_that_found_something_is_a_publication(language, text, event_type):
    assert one(text, language).event_type == event_type


@pytest.mark.parametrize(
    "language, text, event_type",
    [
        # a verb that starts or opens something, with an event noun as its object: that event's type
        ("nl", "De politie startte in maart een onderzoek naar de smokkelbende.", "POLICE_OPERATION"),
        ("en", "Police launched an investigation into the gang in March.", "POLICE_OPERATION"),
        # without one it keeps its own
        ("nl", "Het nieuwe opvangcentrum opende in maart.", "OTHER"),
        ("en", "The new reception centre opened in March.", "OTHER"),
    ],
)  # fmt: skip
def test_a_verb_that_starts_an_event_noun_has_its_type(language, text, event_type):
    assert one(text, language).event_type == event_type


@pytest.mark.parametrize(
    "language, text, trigger, event_type",
    [
        # a verb after 'te'/'to', also after 'te worden'/'to be', is an infinitive: what is called for,
        # not what happened; the call names the event
        ("nl", "De familie herhaalde gisteren haar oproep aan de regering om niet te worden uitgezet.",
         "oproep", "STATEMENT"),
        ("en", "The family renewed its calls for the boy to be returned to Cuba.", "calls for", "STATEMENT"),
    ],
)  # fmt: skip
def test_an_infinitive_is_not_the_predicate(language, text, trigger, event_type):
    e = one(text, language)
    assert (e.trigger, e.event_type) == (trigger, event_type)


@pytest.mark.parametrize(
    "language, text, trigger, start, end",
    [
        # a noun with a date of its own is an event of its own ('van'/'of' + date)
        (
            "nl",
            "In deze brief ga ik in op het verzoek van de vaste commissie van 14 mei 2024.",
            "verzoek",
            D(2024, 5, 14),
            D(2024, 5, 14),
        ),
        (
            "en",
            "Progress relied on partnerships such as the EU-Turkey Statement of March 2016.",
            "Statement",
            D(2016, 3, 1),
            D(2016, 3, 31),
        ),
        # or a date right before it
        (
            "en",
            "Since the 2022 ministerial meeting there have been further deaths.",
            "ministerial meeting",
            D(2022, 1, 1),
            D(2022, 12, 31),
        ),
    ],
)
def test_a_noun_with_a_date_of_its_own_is_an_event(language, text, trigger, start, end):
    found = {e.trigger: (e.date_start, e.date_end) for e in events_of(text, language)}
    assert found[trigger] == (start, end)


@pytest.mark.parametrize(
    "language, text, owner",
    [
        # the date belongs to the noun it follows, not to the noun that owns or is the topic of that one
        ("nl", "Hij verwees naar het besluit van de Europese Raad van oktober 2015.", "besluit"),
        (
            "nl",
            "De leden reageerden op de Kamerbrief inzake het Actieplan Samen tegen mensenhandel van 23 april 2024.",
            "Kamerbrief",
        ),
        (
            "en",
            "The report discussed the conclusions of the European Council of 24-25 June 2021.",
            "conclusions",
        ),
    ],
)
def test_a_nouns_date_skips_its_owner_and_its_topic(language, text, owner):
    nominal = [e for e in events_of(text, language) if e.date_text and e.trigger == owner]
    assert nominal, [(e.trigger, e.date_text) for e in events_of(text, language)]


@pytest.mark.parametrize(
    "language, text",
    [
        (
            "en",
            "Additional funds are made available, rising from € 45 million in 2025 to € 151 million from 2029.",
        ),
        (
            "nl",
            "Er komt extra geld beschikbaar, oplopend van € 45 miljoen in 2025 tot € 151 miljoen vanaf 2029.",
        ),
    ],
)
def test_one_event_per_amount_and_the_date_it_is_for(language, text):
    found = sorted((e.date_start, e.quantities[0].value) for e in events_of(text, language) if e.quantities)
    assert found == [(D(2025, 1, 1), 45_000_000), (D(2029, 1, 1), 151_000_000)]
    assert all(e.event_type == "FUNDING" and e.status == "planned" for e in events_of(text, language))


# --- what is no event ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "language, text",
    [
        # questions
        ("nl", "Bent u bekend met het bericht dat de politie 20 smokkelaars heeft gearresteerd?1"),
        ("en", "Has the government arrested the smugglers who organised the crossings in 2023?"),
        # habits
        ("nl", "Smokkelaars bieden hun diensten vaak aan via sociale media."),
        ("en", "Smugglers often advertised their services on social media."),
        ("nl", "Jaarlijks maken we de balans op."),
        # states and background facts
        ("nl", "De instroom is daardoor momenteel zeer hoog."),
        ("en", "The identified smugglers were predominantly of Syrian origin."),
        ("en", "At the time, the EU lacked a collective policy on migration management."),
        # a present tense without a date of its own: generic
        ("en", "Officers search vehicles and containers entering the UK."),
        ("nl", "Het kabinet zet met prioriteit in op de aanpak van mensensmokkelaars."),
        # norms and capacities
        ("nl", "Veel moet nog in detail worden uitgewerkt."),
        ("en", "All forms of assistance could be provided."),
        # forecasts
        ("nl", "De verwachting is dat de hoge instroom voorlopig zal aanhouden."),
        ("en", "Arrivals are expected to rise."),
        # opinions
        ("en", "The participants agreed it is unacceptable that criminal groups continue to profit."),
        ("nl", "Graag wil ik benadrukken dat het kabinet afhankelijk is van de inzet van gemeenten."),
        # references and navigation
        ("nl", "Zie ook Aanhangsel Handelingen, nr. 2854."),
        ("nl", "Lees hier de reactie van minister-president Rutte."),
        # a light verb alone
        ("en", "Several actions took place simultaneously in all Member States."),
    ],
)
def test_no_event(language, text):
    assert events_of(text, language) == [], [(e.trigger, e.event_type) for e in events_of(text, language)]


@pytest.mark.parametrize(
    "language, text",
    [
        ("nl", "Asielinstroom\nIn juni werden 300 smokkelaars gearresteerd."),
        ("en", "Stricter border control\nIn June 300 smugglers were arrested."),
    ],
)
def test_a_heading_is_no_event(language, text):
    assert [e.trigger for e in events_of(text, language)] == [
        "gearresteerd" if language == "nl" else "arrested"
    ]


@pytest.mark.parametrize(
    "language, text",
    [
        ("nl", '"Deze handel maakt misbruik van onze zwakke plekken," zei hij tijdens de top.'),
        ("en", '"This trade exploits our weaknesses," he said at the summit.'),
    ],
)
def test_the_attribution_of_a_quotation_is_no_event(language, text):
    assert events_of(text, language) == []


@pytest.mark.parametrize(
    "language, text",
    [
        ("nl", "Increased migratie betekent meer druk."),
        ("en", "Increased migration increases the pressure on housing."),
    ],
)
def test_a_participle_before_its_noun_is_no_verb(language, text):
    assert all(e.trigger.lower() != "increased" for e in events_of(text, language))


@pytest.mark.parametrize(
    "language, text",
    [
        ("nl", "- OVERWEGENDE dat het beleid moet worden versterkt;"),
        ("en", "- STRESSING that a coherent policy against migrant smuggling should be pursued;"),
    ],
)
def test_a_council_consideration_is_no_event_without_a_date(language, text):
    assert events_of(text, language) == []


@pytest.mark.parametrize(
    "language, text",
    [
        # a noun judged in a clause of 'be' about what the story told
        ("en", "It was the deadliest incident in the Channel this year."),
        ("nl", "Het was het dodelijkste incident op het Kanaal dit jaar."),
        # the opening of a written parliamentary question
        (
            "en",
            "To ask the Secretary of State for the Home Department, how many people were arrested in 2023.",
        ),
        # a forecast in the clause that reports the event
        ("nl", "Het COA verwacht dat in de zomer de instroom opnieuw stijgt."),
        ("en", "Frontex expects that crossings will rise again in the summer."),
        # the end of a quotation opened in the sentence before
        ("nl", '"Dit is een crisis. Wie dat ontkent, kijkt weg," zei hij.'),
        ("en", '"This is a crisis. Whoever denies it looks away," he said.'),
    ],
)
def test_no_event_from_a_judgement_or_a_written_question(language, text):
    assert events_of(text, language) == []


@pytest.mark.parametrize(
    "language, text, trigger, kind",
    [
        # a word inside quotation marks names the event only when nothing outside does
        ("en", "On 1 March the minister promised to “smash the gangs”.", "promised", "STATEMENT"),
        ("nl", "Op 1 maart beloofde de minister de bendes ‘kapot te maken’.", "beloofde", "STATEMENT"),
        # 'Member States' is no verb of saying
        ("en", "On 1 March the Member States agreed to the proposal.", "agreed", "AGREEMENT"),
        # a verb that announces what happened has it as its object; one that judges does not
        ("en", "On 1 March police confirmed the arrest of three men.", "confirmed", "ARREST"),
        ("nl", "Op 1 maart bevestigde de politie de aanhouding van drie mannen.", "bevestigde", "ARREST"),
        ("en", "On 1 March the minister criticised the border controls.", "criticised", "STATEMENT"),
        ("en", "On 1 March police said the arrests were made in Kent.", "said", "STATEMENT"),
    ],
)
def test_the_trigger_and_type_of_a_statement(language, text, trigger, kind):
    e = one(text, language)
    assert (e.trigger, e.event_type) == (trigger, kind)


@pytest.mark.parametrize(
    "language, text, funding",
    [
        ("en", "Since 2022 the network smuggled 600 migrants, charging EUR 3,000 each.", False),
        ("en", "In 2023 the ministry spent EUR 3 million on new patrol boats.", True),
        ("nl", "Sinds 2022 bracht het netwerk 600 migranten over voor 3000 euro per persoon.", False),
        (
            "en",
            "Since 2022 the network smuggled 600 migrants, charging EUR 3,000 to 8,000 per person.",
            False,
        ),
    ],
)
def test_an_amount_of_money_makes_a_funding_only_where_the_sentence_speaks_of_one(language, text, funding):
    found = events_of(text, language)
    assert found and any(e.event_type == "FUNDING" for e in found) == funding, [
        (e.trigger, e.event_type) for e in found
    ]


@pytest.mark.parametrize(
    "language, text, kind",
    [
        ("nl", "De verdachte werd op 1 maart voorgeleid aan de rechter-commissaris.", "PROSECUTION"),
        ("nl", "Op 1 maart zijn vijf mensen om het leven gekomen.", "DEATH_OR_INCIDENT"),
        ("nl", "In februari hebben 3000 mensen asiel aangevraagd.", "CROSSING_STATISTIC"),
        ("nl", "De gemeenteraad heeft op 1 maart ingestemd met de komst van een azc.", "POLICY_CHANGE"),
        ("nl", "Op 1 maart volgde de vrijspraak van de verdachten.", "PROSECUTION"),
        ("nl", "Op 1 maart werden drie arrestaties verricht.", "ARREST"),  # a light verb with its noun
        ("en", "On 1 March police have taken down a smuggling network.", "POLICE_OPERATION"),
        ("en", "In February 3,000 people applied for asylum.", "CROSSING_STATISTIC"),
    ],
)
def test_lexicon_words(language, text, kind):
    assert one(text, language).event_type == kind


@pytest.mark.parametrize(
    "language, text",
    [
        ("nl", "Van 12 tot en met 14 november vond een actie plaats in Rotterdam."),
        ("en", "From 12 to 14 November police carried out raids in Kent."),
    ],
)
def test_a_number_of_a_date_is_no_quantity(language, text):
    e = one(text, language, published=Published(D(2024, 11, 21), D(2024, 11, 21), "day", "text"))
    assert e.quantities == () and (e.date_start, e.date_end) == (D(2024, 11, 12), D(2024, 11, 14))


# --- the text's own act -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "language, text",
    [
        (
            "nl",
            "Hierbij bied ik u het verslag van de Top van 7 maart 2024 aan. Met deze brief informeer ik uw Kamer verder.",
        ),
        (
            "en",
            "With this letter I inform you of the outcome of the summit of 7 March 2024. We hereby send you the report.",
        ),
    ],
)
def test_the_texts_own_act_is_dated_by_the_document_once(language, text):
    own = [e for e in events_of(text, language) if e.date_source == "dct"]
    assert len(own) == 1 and own[0].event_type == "PUBLICATION"
    published = DAY_NL if language == "nl" else DAY_EN
    assert (own[0].date_start, own[0].date_end) == (published.start, published.end)


@pytest.mark.parametrize(
    "language, text",
    [
        ("nl", "Hierbij is het van belang om samen te werken."),  # 'hierbij' without the writer
        ("en", "This statement comes in the context of our commitment."),
    ],
)
def test_no_own_act_without_the_writer(language, text):
    assert [e for e in events_of(text, language) if e.date_source == "dct"] == []


# --- status ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "language, text, status",
    [
        ("nl", "Het kabinet zal in 2026 een wet indienen.", "planned"),
        ("en", "The government will introduce a bill in 2026.", "planned"),
        ("nl", "Het kabinet gaat in 2026 fors investeren.", "planned"),
        ("en", "The ministry plans to open a new centre in 2026.", "planned"),
        # a present tense with a date after the document's: planned
        ("nl", "De bijdrage loopt op tot € 118 miljoen in 2029.", "planned"),
        ("en", "Funding rises to £118 million in 2029.", "planned"),
        # negated
        ("nl", "In 2023 werden geen smokkelaars gearresteerd.", "negated"),
        ("en", "In 2023 no smugglers were arrested.", "negated"),
        # possible
        ("nl", "De minister zou in 2026 kunnen aftreden.", "possible"),
        ("en", "The minister might resign in 2026.", "possible"),
        # a month name that is also a modal ('May') is no cue
        ("en", "In May 2015 the Commission presented a European Agenda on Migration.", "happened"),
        ("nl", "In mei 2015 presenteerde de Commissie een Europese migratieagenda.", "happened"),
        # a negation after the verb (Dutch puts it there in a main clause)
        ("nl", "Op 3 juni arresteerde de politie niemand.", "negated"),
        ("en", "On 3 June police arrested nobody.", "negated"),
        ("nl", "De demonstratie op 10 juni gaat niet door.", "negated"),
        # not after the verb: what follows a next verb, 'without', 'not only'
        ("en", "On 3 June the judge said Bah had not intended harm.", "happened"),
        ("en", "On 3 June police arrested a man without papers.", "happened"),
        ("nl", "Op 3 juni arresteerde de politie een man zonder papieren.", "happened"),
        ("en", "On 3 June police not only arrested the driver.", "happened"),
        ("nl", "Op 3 juni heeft de politie niet alleen de chauffeur aangehouden.", "happened"),
        # a verb that says another did not happen; not when it is the event itself
        ("en", "On 3 June the minister refused to sign the agreement.", "negated"),
        ("en", "On 3 June the minister denied the reports.", "happened"),
        ("nl", "Op 3 juni ontkende de minister de berichten.", "happened"),
    ],
)
def test_status(language, text, status):
    e = one(text, language)
    assert e.status == status, (e.trigger, e.status)


@pytest.mark.parametrize(
    "language, text, trigger",
    [
        # a dated clause without a word of the lexicon is named by its verb, never an article
        ("nl", "Een geplande demonstratie op 10 juni gaat niet door.", "gaat"),
        ("nl", "In 2023 hebben tien minderjarigen de opvang verlaten.", "verlaten"),
        ("en", "The committee convened on 3 June.", "convened"),
        ("en", "The group has gathered on 3 June.", "gathered"),
        # a modal's infinitive
        ("en", "Voters will decide on 4 July.", "decide"),
        ("nl", "De Kamer zal op 4 juli beslissen.", "beslissen"),
    ],
)
def test_a_clause_without_a_trigger_is_named_by_its_verb(language, text, trigger):
    assert one(text, language).trigger == trigger


# --- dating ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "language, text, start, end",
    [
        # several dates of one event joined by a list: the stretch that covers them
        ("nl", "In de maanden april en mei is de asielinstroom gestegen.", D(2024, 4, 1), D(2024, 5, 31)),
        ("en", "In April and May asylum applications rose sharply.", D(2024, 4, 1), D(2024, 5, 31)),
        # a comparison's baseline is not the event's date
        ("nl", "In 2023 staken 36.800 mensen over, 25% meer dan in 2022.", D(2023, 1, 1), D(2023, 12, 31)),
        ("en", "In 2023, 36,800 people crossed, 25% more than in 2022.", D(2023, 1, 1), D(2023, 12, 31)),
    ],
)
def test_the_events_own_date(language, text, start, end):
    e = one(text, language, published=DAY_NL)
    assert (e.date_start, e.date_end) == (start, end)


@pytest.mark.parametrize(
    "language, text",
    [
        ("en", "Kop\n\nA renewed EU action plan against migrant smuggling (2021-2025)"),
        (
            "nl",
            "Kop\n\nOp 1 maart heeft het kabinet het actieplan tegen mensensmokkel (2021-2025) vastgesteld.",
        ),
    ],
)
def test_a_date_alone_in_brackets_after_a_name_is_its_period_not_the_events_date(language, text):
    title = "A renewed EU action plan against migrant smuggling (2021-2025)" if language == "en" else None
    found = events_of(text, language, title=title)
    assert found and all(e.date_start != D(2021, 1, 1) for e in found), [
        (e.trigger, e.date_start) for e in found
    ]


@pytest.mark.parametrize(
    "language, text, days",
    [
        ("en", "The two countries have just celebrated the signing of the treaty.", 31),
        ("nl", "Het kabinet heeft onlangs besloten de grenscontroles te verscherpen.", 92),
    ],
)
def test_just_or_recently_dates_the_stretch_up_to_the_document(language, text, days):
    e = one(text, language, published=DAY_NL)
    assert (e.date_start, e.date_end) == (DAY_NL.end - dt.timedelta(days=days), DAY_NL.end)


@pytest.mark.parametrize(
    "language, text, start, end",
    [
        # an edge of a period: 'the first six months of 2024' is January to June
        (
            "en",
            "In the first six months of 2024 irregular crossings fell by 30%.",
            D(2024, 1, 1),
            D(2024, 6, 30),
        ),
        (
            "nl",
            "In de laatste drie maanden van 2023 zijn 3000 mensen aangekomen.",
            D(2023, 10, 1),
            D(2023, 12, 31),
        ),
    ],
)
def test_an_edge_of_a_period(language, text, start, end):
    e = one(text, language, published=DAY_NL)
    assert (e.date_start, e.date_end) == (start, end)


@pytest.mark.parametrize(
    "language, text",
    [
        (
            "nl",
            "Op 10 december vond een bijeenkomst plaats waarin de prioriteiten voor 2025 werden bevestigd.",
        ),
        ("en", "On 10 December the ministers met and confirmed the priorities for 2025."),
    ],
)
def test_a_date_a_plan_is_for_does_not_date_a_past_event(language, text):
    assert all(e.date_start != D(2025, 1, 1) for e in events_of(text, language))


@pytest.mark.parametrize(
    "language, text, inherits",
    [
        # the next sentence of the paragraph, in the past, carries on the story
        ("nl", "Op 2 juni arresteerde de politie tien mannen. Zij werden later veroordeeld.", True),
        ("en", "On 2 June police raided a warehouse. The suspects were arrested and charged.", True),
        # not where a year stands that the tagger could not read
        (
            "nl",
            "Op 2 juni arresteerde de politie tien mannen. Op 31 februari 2023 werden zij vrijgelaten.",
            False,
        ),
        # not into a statement (dated by the document) nor a present tense
        ("en", "On 2 June police raided a warehouse. Officers search vehicles.", False),
        # not into the pluperfect: it tells what came before the story's day
        ("en", "On 2 June police raided a warehouse. The suspects had been arrested.", False),
        ("nl", "Op 2 juni arresteerde de politie tien mannen. Zij waren eerder vrijgelaten.", False),
        # not into a clause with a time of its own, even one without a date
        ("en", "On 2 June police raided a warehouse. After the election, they arrested ten men.", False),
        (
            "nl",
            "Op 2 juni arresteerde de politie tien mannen. Na de verkiezingen werden zij vrijgelaten.",
            False,
        ),
        # not from a year: it says too little of when the next thing happened
        ("en", "In 2023 police raided a warehouse. The suspects were arrested and charged.", False),
        ("nl", "In 2023 arresteerde de politie tien mannen. Zij werden later veroordeeld.", False),
    ],
)
def test_the_story_date_carries_on(language, text, inherits):
    found = events_of(text, language)
    later = [e for e in found if e.char_start > 0]
    assert any(e.date_source == "inherited" for e in later) == inherits, [
        (e.trigger, e.date_source) for e in found
    ]


@pytest.mark.parametrize(
    "language, text, dated",
    [
        # a dated clause opened by 'when', 'while', 'toen' dates its main clause too
        ("en", "When police raided the house on 1 March, they arrested 20 migrants.", True),
        ("en", "Police arrested 20 migrants while they searched the house on 1 March.", True),
        ("nl", "Toen de politie op 1 maart de woning doorzocht, arresteerde zij 20 migranten.", True),
        # 'after' says another time
        ("en", "Police arrested 20 migrants after they searched the house on 1 March.", False),
    ],
)
def test_a_when_clause_dates_its_main_clause(language, text, dated):
    arrest = next(e for e in events_of(text, language) if e.event_type == "ARREST")
    assert (arrest.date_start == D(2024, 3, 1)) == dated, (arrest.date_start, arrest.date_source)


@pytest.mark.parametrize(
    "language, text",
    [
        ("en", "Officials had previously warned that the backlog could grow."),
        ("en", "Since the election, the minister has promised to stop the boats."),
        ("nl", "De premier had beloofd de bootjes te stoppen."),
        ("nl", "Sindsdien heeft de minister toegezegd de bootjes te stoppen."),
    ],
)
def test_a_statement_before_the_story_is_not_dated_by_the_document(language, text):
    """The document's date dates what its writer reports saying now, not what was said before it."""
    e = one(text, language)
    assert (e.event_type, e.date_start) == ("STATEMENT", None)


@pytest.mark.parametrize(
    "language, text, published, start, end",
    [
        # a month without a year placed ahead of the document by the tagger: the one before, in the past
        (
            "nl",
            "In maart werden elf leden van het netwerk opgepakt.",
            D(2024, 11, 21),
            D(2024, 3, 1),
            D(2024, 3, 31),
        ),
        (
            "en",
            "On 12 March eleven members of the network were arrested.",
            D(2024, 11, 21),
            D(2024, 3, 12),
            D(2024, 3, 12),
        ),
    ],
)
def test_what_happened_is_not_dated_after_the_document(language, text, published, start, end):
    e = one(text, language, published=Published(published, published, "day", "text"))
    assert (e.status, e.date_start, e.date_end) == ("happened", start, end)


def test_a_past_event_without_a_month_name_after_the_document_stays_undated():
    # 'woensdag' a year earlier is no Wednesday: no date rather than a wrong one
    from transforms.events import dating
    from transforms.events.dating import DateChoice

    doc = Document("d" * 32, "doc.txt", "/tmp/doc.txt", "", None, "nl", DAY_NL, "x" * 64)
    ahead = DateChoice("woensdag", "2024-06-12", D(2024, 6, 12), D(2024, 6, 12), "day", "relative_to_dct")
    assert dating.not_ahead(ahead, doc).start is None
    month = DateChoice("juli", "2024-07", D(2024, 7, 1), D(2024, 7, 31), "month", "relative_to_dct")
    assert dating.not_ahead(month, doc).start == D(2023, 7, 1)
    stated = DateChoice("juli 2024", "2024-07", D(2024, 7, 1), D(2024, 7, 31), "month", "explicit")
    assert dating.not_ahead(stated, doc).start is None


@pytest.mark.parametrize(
    "language, text",
    [
        ("nl", "De Belgische politie voerde vanmorgen een grote operationele actie uit."),
        ("en", "Police carried the operation out this morning."),
    ],
)
def test_a_separable_verb_is_found_with_its_particle(language, text):
    e = one(text, language)
    assert e.event_type == "POLICE_OPERATION"


@pytest.mark.parametrize(
    "language, text",
    [
        ("en", "Kop\n\nROME (Reuters) - Italian police arrested 12 smugglers on 1 March."),
        ("nl", "Kop\n\nROTTERDAM (ANP) - De politie heeft op 1 maart twaalf smokkelaars aangehouden."),
    ],
)
def test_a_dateline_opening_the_sentence_is_not_part_of_its_event(language, text):
    e = one(text, language)
    assert (e.event_type, e.date_start) == ("ARREST", D(2024, 3, 1))
    assert not e.sentence.startswith(("ROME", "ROTTERDAM")), e.sentence
    assert not {"Reuters", "ANP", "ROME", "ROTTERDAM"} & set(e.actors + e.locations), (e.actors, e.locations)


def test_a_headline_with_to_and_a_verb_is_planned_and_undated():
    e = one("UK to deport hundreds of migrants", "en", title="UK to deport hundreds of migrants")
    assert (e.event_type, e.status, e.date_start) == ("DEPORTATION_OR_RETURN", "planned", None)


@pytest.mark.parametrize(
    "language, text",
    [
        ("en", "Police arrest nine smugglers\n\nOn 2 March police arrested nine people in Kent."),
        (
            "nl",
            "Politie arresteert negen smokkelaars\n\nOp 2 maart arresteerde de politie negen mensen in Kent.",
        ),
    ],
)
def test_a_headline_that_restates_a_story_event_is_dropped(language, text):
    title = text.split("\n")[0]
    found = events_of(text, language, title=title)
    assert [e.char_start > 0 for e in found] == [True], [(e.trigger, e.char_start) for e in found]


def test_a_headline_is_dated_by_the_document_and_reports_in_the_present():
    e = one(
        "EU-leiders bereiken akkoord over migratie", "nl", title="EU-leiders bereiken akkoord over migratie"
    )
    assert (e.event_type, e.status, e.date_source) == ("AGREEMENT", "happened", "dct")
    e = one("Police dismantle smuggling network", "en", title="Police dismantle smuggling network")
    assert (e.event_type, e.status, e.date_source) == ("POLICE_OPERATION", "happened", "dct")


@pytest.mark.parametrize(
    "language, text",
    [
        ("en", "About 2,000 people crossed the Channel over the past fortnight."),
        ("nl", "In de afgelopen twee weken staken ongeveer 2.000 mensen het Kanaal over."),
    ],
)
def test_a_count_over_a_stretch_up_to_now_dates_that_stretch(language, text):
    e = one(text, language, published=DAY_NL)
    assert (e.date_start, e.date_end) == (D(2024, 5, 25), D(2024, 6, 7))
    assert e.quantities and e.quantities[0].value == 2000 and e.quantities[0].qualifier == "about"


@pytest.mark.parametrize(
    "language, text, home",
    [
        (
            "en",
            "The Netherlands is unable to cope with the inflow. Controls at the Dutch borders are being "
            "intensified. The government is allocating € 95 million in total for this in 2025.",
            "Netherlands",
        ),
        (
            "nl",
            "Nederland kan de instroom niet aan. De controles aan de Nederlandse grenzen worden "
            "geïntensiveerd. Het kabinet trekt in 2025 in totaal 95 miljoen euro uit.",
            "Nederland",
        ),
        # two countries named as often: no home
        ("en", "France and Belgium signed a deal. The government is allocating € 95 million in 2025.", None),
    ],
)
def test_a_government_budget_without_a_place_happens_in_the_documents_home_country(language, text, home):
    funding = [e for e in events_of(text, language) if e.event_type == "FUNDING"]
    assert funding and funding[0].locations == ((home,) if home else ())


@pytest.mark.parametrize(
    "language, text, nominal",
    [
        # an event noun right before a date is an event of its own ...
        ("nl", "De arrestatie vorige week leidde tot ophef.", True),
        ("en", "The arrest last week caused an outcry.", True),
        # ... unless it completes another event noun: the date is that one's
        ("en", "Officials reported a surge in crossings last week.", False),
        ("nl", "De politie meldde een stijging van de arrestaties vorige week.", False),
    ],
)
def test_a_noun_right_before_a_date(language, text, nominal):
    found = events_of(text, language, published=DAY_NL)
    rows = [text[e.clause_start : e.clause_end] for e in found]
    assert any(r.endswith(("vorige week", "last week")) and len(r.split()) <= 4 for r in rows) == nominal, (
        rows
    )


@pytest.mark.parametrize(
    "language, text",
    [
        # a fronted subordinate clause with a clause inside it, and a relative one inside that
        (
            "en",
            "When asked if she thought the boy's father, Juan Miguel Gonzalez, was being controlled by the "
            "government even though he has been in Bethesda, Md., for the last week, she frowned on 1 March.",
        ),
        (
            "nl",
            "Toen gevraagd werd of zij dacht dat de vader, die in Bethesda was, gecontroleerd werd hoewel hij "
            "er al een week was, fronste zij op 1 maart.",
        ),
    ],
)
def test_nested_subordinate_clauses_before_the_main_clause(language, text):
    found = events_of(text, language)
    assert found and all(text[e.clause_start : e.clause_end].strip() for e in found)


@pytest.mark.parametrize(
    "language, text, status",
    [
        # a negation written onto the word before it ('didn't', 'haven’t') negates as 'not' does
        ("en", "Police didn't arrest the driver on Monday.", "negated"),
        ("en", "The two ministers haven’t reached an agreement on Monday.", "negated"),
        ("en", "Police did arrest the driver on Monday.", "happened"),
        # Dutch writes its negation apart
        ("nl", "De politie heeft de bestuurder maandag niet aangehouden.", "negated"),
        ("nl", "De politie heeft de bestuurder maandag aangehouden.", "happened"),
        # ... and is a finite verb: it ends what the saying before it reaches
        ("en", "The company said it doesn't know the cause.", "happened"),
        ("nl", "Het bedrijf zei het de oorzaak niet te kennen.", "happened"),
    ],
)
def test_a_negation_written_onto_its_verb(language, text, status):
    assert one(text, language).status == status


@pytest.mark.parametrize(
    "language, text, status",
    [
        # a negation before 'te'/'to' negates the infinitive, not the saying or promising before it
        ("nl", "De minister beloofde maandag het gezin niet uit te zetten.", "happened"),
        ("en", "The minister promised on Monday not to deport the family.", "happened"),
        # right after the verb it negates the verb
        ("nl", "De minister beloofde maandag niets.", "negated"),
        ("en", "The minister promised nothing on Monday.", "negated"),
    ],
)
def test_a_negation_before_an_infinitive_is_the_infinitives(language, text, status):
    assert one(text, language).status == status


@pytest.mark.parametrize(
    "language, text, status",
    [
        # a negation before a comma belongs to the clause it closes, not to the verb after it ...
        ("en", "Orkem is bidding for the shares which it doesn't already own, the two sides said on Monday.",
         "happened"),
        ("nl", "Het bedrijf koopt de aandelen die het nog niet bezit, zeiden beide partijen maandag.", "happened"),
        # ... but a word or two set off by commas is no clause
        ("en", "Police did not, however, arrest anyone on Monday.", "negated"),
        ("nl", "De politie heeft maandag niemand, naar verluidt, aangehouden.", "negated"),
    ],
)  # fmt: skip
def test_a_negation_before_a_comma_is_its_own_clauses(language, text, status):
    found = [e for e in events_of(text, language) if e.event_type in ("STATEMENT", "ARREST")]
    assert [e.status for e in found] == [status]


@pytest.mark.parametrize(
    "language, text",
    [
        # a negated condition is still a condition: possible, not negated
        ("nl", "Advocaten waarschuwden maandag dat zij stoppen als zij niet worden betaald.", ),
        ("en", "Lawyers warned on Monday that they will stop if they don't get paid.", ),
    ],
)  # fmt: skip
def test_a_negated_condition_is_possible(language, text):
    paid = [e for e in events_of(text, language) if e.trigger in ("betaald", "paid")]
    assert [e.status for e in paid] == ["possible"]


@pytest.mark.parametrize(
    "language, text, status",
    [
        # a word of possibility written with a capital inside the sentence is a name's
        ("en", "Theresa May met the Duke of York on Friday.", "happened"),
        ("nl", "Stichting Mogelijk Anders opende vrijdag een opvanglocatie in Utrecht.", "happened"),
        ("en", "The minister may visit Calais on Friday.", "possible"),
        ("nl", "De minister bezoekt vrijdag mogelijk Calais.", "possible"),
    ],
)
def test_a_capitalised_modal_inside_a_sentence_is_a_name(language, text, status):
    assert one(text, language).status == status


@pytest.mark.parametrize(
    "language, text, names",
    [
        # a name does not run on over a particle into a weekday or month
        ("en", "Twenty migrants drowned off Wimereux on Sunday.", ("Wimereux",)),
        ("en", "Keir Starmer met Dick Schoof on Tuesday.", ("Keir Starmer", "Dick Schoof")),
        ("nl", "Keir Starmer ontmoette Dick Schoof op dinsdag.", ("Keir Starmer", "Dick Schoof")),
    ],
)
def test_a_name_ends_before_a_weekday(language, text, names):
    e = one(text, language)
    assert set(names) <= set(e.actors) | set(e.locations)
    assert not any("Sunday" in n or "Tuesday" in n or "dinsdag" in n for n in e.actors + e.locations)


@pytest.mark.parametrize(
    "language, text, trigger, status, start",
    [
        # a noun right before a date that is a verb's object: the date is the verb's, one row
        ("en", "The government will introduce the bill next month.", "introduce", "planned", D(2024, 7, 1)),
        ("en", "The government might introduce the bill next month.", "introduce", "possible", D(2024, 7, 1)),
        ("nl", "Het kabinet zal het wetsvoorstel volgende maand indienen.", "wetsvoorstel", "planned", D(2024, 7, 1)),
        # the subject keeps its own date
        ("en", "The arrest last week caused an outcry.", "arrest", "happened", D(2024, 5, 27)),
        ("nl", "De arrestatie vorige week leidde tot ophef.", "arrestatie", "happened", D(2024, 5, 27)),
    ],
)  # fmt: skip
def test_a_verbs_object_before_a_date_is_no_event_of_its_own(language, text, trigger, status, start):
    e = one(text, language, published=DAY_NL)
    assert (e.trigger, e.status, e.date_start) == (trigger, status, start)


@pytest.mark.parametrize(
    "language, text, organisation, place",
    [
        # a known place right before an organisation's head word names that organisation
        ("en", "Kent Police arrested two men in Folkestone on Monday.", "Kent Police", "Kent"),
        # ... and right after one, as Dutch writes it
        ("nl", "Politie Limburg hield maandag twee mannen aan in Folkestone.", "Politie Limburg", "Limburg"),
    ],
)
def test_a_place_next_to_an_organisation_head_names_the_organisation(language, text, organisation, place):
    e = one(text, language)
    assert organisation in e.actors and place not in e.locations and "Folkestone" in e.locations


@pytest.mark.parametrize(
    "language, text",
    [
        # a name after 'off' ('bij' in Dutch) is where it happened, not who acted
        ("en", "Border Force intercepted a dinghy off Dungeness on Thursday."),
        ("nl", "De kustwacht onderschepte donderdag een rubberboot bij Dungeness."),
    ],
)
def test_a_name_off_the_coast_is_a_place(language, text):
    e = one(text, language)
    assert "Dungeness" in e.locations and "Dungeness" not in e.actors
