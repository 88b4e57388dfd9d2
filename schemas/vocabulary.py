"""The closed value sets of the record vocabulary, declared once.

The table declarations (`schemas.tables`), the expectation suites derived from them and the
extractors in `transforms/` all read these tuples; nothing else spells them out.
"""

from __future__ import annotations

from dataclasses import dataclass

# date_precision / published_precision values (the contract's list).
PRECISIONS = ("day", "week", "month", "quarter", "half", "season", "year", "multi_year", "range", "unknown")
# date_source values for events.
DATE_SOURCES = ("explicit", "relative_to_dct", "inherited", "dct", "unresolved")
# published_source values for documents.
PUBLISHED_SOURCES = ("header", "sidecar", "text", "unknown")
# status of an event: did it happen, is it planned (decided, scheduled, promised, announced for later),
# does the text say it did not happen, or is it only possible (conditional, hypothetical, asked about)?
STATUSES = ("happened", "planned", "negated", "possible")
# how a stated quantity relates to the true number ("meer dan 1.800" is more than 1800).
QUALIFIERS = ("more than", "less than", "at least", "at most", "about", "almost", "up to")
# where in the pipeline a document or record was rejected.
REJECTION_STAGES = ("ingest", "parse", "extract", "validate")


@dataclass(frozen=True, slots=True)
class Rejection:
    """A document or record that could not be taken, and why (in words a person understands)."""

    source_name: str
    stage: str  # one of REJECTION_STAGES
    reason: str
    source_key: str | None = None
    doc_id: str | None = None
    detail: str | None = None  # e.g. the failed expectation, or the record as JSON
    whole_document: bool = (
        True  # False: a problem with part of it (a sidecar field); the document still loads
    )
