"""The report's chart: events per month, stacked by event type, drawn to SVG by pygal at build time
(no script and no network when the page is viewed)."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable

# Above this many months the axis labels only the years (every month still has its bar).
MONTH_LABELS_UP_TO = 36
# Above this many months the bars are years.
MAX_MONTHS = 180
# The chart spans the months that hold this share of the dated events (the rest is noted under it).
KEEP_SHARE = 0.99


def months_between(first: str, last: str) -> list[str]:
    """Every month from `first` to `last` (YYYY-MM), inclusive, so empty months show as gaps.

    >>> months_between("2024-11", "2025-02")
    ['2024-11', '2024-12', '2025-01', '2025-02']
    """
    year, month = int(first[:4]), int(first[5:7])
    out = []
    while f"{year:04d}-{month:02d}" <= last:
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def window(counts: list[tuple[str, str, int]], share: float = KEEP_SHARE) -> tuple[str, str]:
    """The first and last month of the narrowest run of months that holds `share` of the events,
    cut from both ends: a few stray years (1900, 2100) do not stretch the axis over a century."""
    per_month: dict[str, int] = {}
    for month, _, n in counts:
        per_month[month] = per_month.get(month, 0) + n
    months = sorted(per_month)
    total = sum(per_month.values())
    drop = total * (1 - share) / 2
    first, last, cut = 0, len(months) - 1, 0
    while first < last and cut + per_month[months[first]] <= drop:
        cut += per_month[months[first]]
        first += 1
    cut = 0
    while last > first and cut + per_month[months[last]] <= drop:
        cut += per_month[months[last]]
        last -= 1
    return months[first], months[last]


def monthly_chart(
    counts: Iterable[tuple[str, str, int]], width: int = 1100, height: int = 320
) -> tuple[str, str]:
    """An inline <svg> of (month YYYY-MM, event type, count) rows, and what its bars are ('' when
    there is nothing to draw). Bars per month; per year when the months to show are more than
    MAX_MONTHS (pygal draws a few thousand bars per second; more would not be readable either)."""
    import pygal
    from pygal.style import Style

    counts = list(counts)
    if not counts:
        return "", "month their period starts in"
    first, last = window(counts)
    shown = [(m, t, n) for m, t, n in counts if first <= m <= last]
    outside = sum(n for _, _, n in counts) - sum(n for _, _, n in shown)
    months = months_between(first, last)
    by_year = len(months) > MAX_MONTHS
    if by_year:
        months = [str(y) for y in range(int(first[:4]), int(last[:4]) + 1)]
        shown = [(m[:4], t, n) for m, t, n in shown]
    note = ("year" if by_year else "month") + " their period starts in"
    if outside:
        note += f"; {outside} events before {first} or after {last} are not drawn"
    index = {m: i for i, m in enumerate(months)}
    series: dict[str, list[int | None]] = {}
    for month, event_type, n in shown:
        bars = series.setdefault(event_type, [None] * len(months))
        bars[index[month]] = (bars[index[month]] or 0) + n
    chart = pygal.StackedBar(
        js=[],  # pygal's tooltips load a script from the web: none, the page must work offline
        disable_xml_declaration=True,
        width=width,
        height=height,
        legend_at_bottom=True,
        legend_at_bottom_columns=4,
        x_label_rotation=40,
        show_minor_x_labels=len(months) <= MONTH_LABELS_UP_TO,
        truncate_legend=-1,
        style=Style(background="transparent", plot_background="transparent", font_family="sans-serif"),
        print_values=False,
    )
    chart.x_labels = months
    # counts are whole: ticks at whole numbers, about eight of them (pygal would draw 0.2, 0.4, ...)
    top = max((sum(v or 0 for v in bars) for bars in zip(*series.values(), strict=True)), default=0)
    step = max(1, math.ceil(top / 8))
    chart.y_labels = list(range(0, top + step, step))
    chart.x_labels_major = months if by_year else [m for m in months if m.endswith("-01")] or months[:1]
    for event_type in sorted(series, key=lambda t: -sum(v or 0 for v in series[t])):
        chart.add(event_type, series[event_type])
    svg = chart.render(is_unicode=True)
    return re.sub(r"<!--.*?-->", "", svg, flags=re.S), note  # pygal's comments name its web site
