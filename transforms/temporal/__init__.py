"""Temporal tagging: find and normalise temporal expressions (TIMEX3) in Dutch and English text.

>>> from transforms.model import Published
>>> import datetime as dt
>>> [t.value for t in tag("Starmer werd in juli vorig jaar verkozen.", Published(dt.date(2025, 5, 1), dt.date(2025, 5, 31), "month"), "nl")]
['2024-07']
"""

from transforms.temporal.tagger import tag

__all__ = ["tag"]
