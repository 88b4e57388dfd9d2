"""A document's temporal expressions, looked up by the span that holds them."""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from transforms.model import Timex


class TimexesBySpan:
    """A long document has thousands of sentences and of expressions: testing every expression for
    every sentence grows with the square of its length, a lookup in the expressions sorted by start
    does not."""

    def __init__(self, timexes: list[Timex]) -> None:
        self.timexes = timexes
        self.order = sorted(range(len(timexes)), key=lambda k: timexes[k].start)
        self.starts = [timexes[k].start for k in self.order]
        # Only an expression that ends before it starts (never made) could lie in a span that does not
        # hold its start: then every one is tested, as before.
        self.sound = all(t.start <= t.end for t in timexes)

    def within(self, start: int, end: int) -> list[Timex]:
        """The expressions t with start <= t.start and t.end <= end, in the document's order of them."""
        if not self.sound:
            return [t for t in self.timexes if t.start >= start and t.end <= end]
        first, last = bisect_left(self.starts, start), bisect_right(self.starts, end)
        found = sorted(k for k in self.order[first:last] if self.timexes[k].end <= end)
        return [self.timexes[k] for k in found]
