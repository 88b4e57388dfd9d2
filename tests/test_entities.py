"""transforms/entities.py: one case per rule and language, with the expected (actors, locations)."""

from __future__ import annotations

import pytest

from transforms.entities import extract_entities


@pytest.mark.parametrize(
    ("language", "sentence", "actors", "locations"),
    [
        # a title before a name: the name alone; demonym and title are not part of it
        ("nl", "De Britse premier Keir Starmer riep maandag op tot samenwerking.", ["Keir Starmer"], []),
        (
            "nl",
            "Minister Faber (Asiel en Migratie) en minister Klever trekken geld uit.",
            ["Faber", "Klever"],
            [],
        ),
        (
            "nl",
            (
                "In De Panne hebben de Belgische minister van Binnenlandse Veiligheid Bernard Quintin en de Britse "
                "minister voor Migratie Alex Norris een actie bijgewoond."
            ),
            ["Bernard Quintin", "Alex Norris"],
            ["De Panne"],
        ),
        ("nl", "Premier Rutte sprak met minister Van der Laan van Justitie.", ["Rutte", "Van der Laan"], []),
        ("en", "Interior Minister Priti Patel said.", ["Priti Patel"], []),
        ("en", "The Minister of Internal Affairs Anelis Verlinden said.", ["Anelis Verlinden"], []),
        (
            "en",
            "It was signed by the Prime Minister of the United Kingdom Boris Johnson.",
            ["Boris Johnson"],
            ["United Kingdom"],
        ),
        # a name at the sentence start followed by a speech or action verb is a person
        ("nl", "Starmer sprak tijdens een bijeenkomst.", ["Starmer"], []),
        ("en", "Verlinden briefed his counterpart.", ["Verlinden"], []),
        ("nl", "Smokkelaars promoten hun diensten.", [], []),  # an ordinary capitalised first word
        # organisations from the gazetteer, acronyms, and an acronym in parentheses not repeated
        ("nl", "De conclusie van het Openbaar Ministerie (OM) is duidelijk.", ["Openbaar Ministerie"], []),
        (
            "nl",
            "Het OM, samen met de Koninklijke Marechaussee en de Britse National Crime Agency, vraagt aandacht.",
            ["OM", "Koninklijke Marechaussee", "National Crime Agency"],
            [],
        ),
        ("nl", "De Telegraaf, 19 november 2024.", ["De Telegraaf"], []),
        ("nl", "Op 10 december vond een bijeenkomst van de Calais Groep plaats.", ["Calais Groep"], []),
        (
            "en",
            "The European Commission met Europol and the IOM.",
            ["European Commission", "Europol", "IOM"],
            [],
        ),
        # unknown organisation names: capitalised runs, `en` inside when an organisation word is in them
        (
            "nl",
            "Uit onderzoek van het Expertisecentrum Mensenhandel en Mensensmokkel bleek dit.",
            ["Expertisecentrum Mensenhandel en Mensensmokkel"],
            [],
        ),
        ("en", "The Operational Task Force met in Paris.", ["Operational Task Force"], ["Paris"]),
        # places: cities with Dutch exonyms, regions, seas
        (
            "nl",
            "De top in Londen ging over Noord-Afrika en het Midden-Oosten.",
            [],
            ["Londen", "Noord-Afrika", "Midden-Oosten"],
        ),
        (
            "nl",
            "De politie houdt in West-Vlaanderen de overtochten over het Kanaal in de gaten.",
            [],
            ["West-Vlaanderen", "Kanaal"],
        ),
        ("en", "Boats leave Calais to cross the Channel.", [], ["Calais", "Channel"]),
        # an unknown name after a locative preposition is a place
        ("nl", "Er werden vijf mensen opgepakt in Jabbeke.", [], ["Jabbeke"]),
        ("en", "Five people were arrested in Ramsgate.", [], ["Ramsgate"]),
        # countries: places after a preposition; actors (and places) otherwise; conjuncts share the role
        ("nl", "Hij wilde migranten naar Rwanda deporteren.", [], ["Rwanda"]),
        (
            "nl",
            "België en het Verenigd Koninkrijk hebben dezelfde vastberadenheid.",
            ["België", "Verenigd Koninkrijk"],
            ["België", "Verenigd Koninkrijk"],
        ),
        (
            "nl",
            "Met 40 landen, waaronder de Verenigde Staten, Frankrijk en Vietnam.",
            [],
            ["Verenigde Staten", "Frankrijk", "Vietnam"],
        ),
        ("en", "We condemn Russia’s invasion of Ukraine.", ["Russia"], ["Russia", "Ukraine"]),
        (
            "en",
            "Meeting of the Minister of Interior with the Minister of Internal Affairs of Belgium",
            [],
            ["Belgium"],
        ),
        # a demonym before an institution noun acts
        ("nl", "De Belgische politie voerde een actie uit.", ["Belgische politie"], []),
        ("en", "French authorities rescued them.", ["French authorities"], []),
        # not names: months, weekdays, briefs, document titles, codes
        ("en", "On Monday, in November 2021, the talks began.", [], []),
        (
            "nl",
            "Vragen aan de ministers van Justitie en Veiligheid (ingezonden 21 november, 20242024Z19016).",
            [],
            [],
        ),
        ("nl", "Kamerstukken II, 2024-2025, 32317, nr. 925.", [], []),
        ("en", "We are implementing our new Immigration Plan.", [], []),
        # deduplicated, in order of appearance
        ("nl", "Europol en Eurojust, en opnieuw Europol.", ["Europol", "Eurojust"], []),
    ],
)
def test_extracts_entities(language: str, sentence: str, actors: list[str], locations: list[str]) -> None:
    assert extract_entities(sentence, language) == (actors, locations)


def test_unknown_language_still_finds_known_names() -> None:
    # A language without a gazetteer still gets every language's names.
    assert extract_entities("Europol en Londen.", "de") == (["Europol"], ["Londen"])
