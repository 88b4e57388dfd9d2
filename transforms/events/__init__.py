"""Events: one row per event a careful analyst would put on a timeline, read clause by clause.

- `extract`: the pipeline (`extract_events(doc)`), sentence → clauses → units → events;
- `lexicon`: the trigger words (verbs and event nouns) per event type;
- `units`: clauses grouped into the stretches that state one event each;
- `nominals`: events named by a noun with a date of their own ('de brief van 10 september');
- `eventhood`: what is no event (questions, headings, habits, states, opinions, quotations);
- `status`: happened, planned, negated or possible;
- `dating`: the event's date, from its own clause first;
- `words`: the language's event words (`resources/<lang>/events.json`).
"""

from transforms.events.extract import extract_events

__all__ = ["extract_events"]
