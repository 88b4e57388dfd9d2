"""The report's chart: events per month, stacked by event type, drawn to SVG by pygal at build time
(no script and no network when the page is viewed)."""

from __future__ import annotations

import re
from collections.abc import Iterable

# Above this many months the axis labels only the years (every month still has its bar).
MONTH_LABELS_UP_TO = 36


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


def monthly_chart(counts: Iterable[tuple[str, str, int]], width: int = 1100, height: int = 320) -> str:
    """An inline <svg> of (month YYYY-MM, event type, count) rows; '' when there is nothing to draw."""
    import pygal
    from pygal.style import Style

    counts = list(counts)
    if not counts:
        return ""
    months = months_between(min(m for m, _, _ in counts), max(m for m, _, _ in counts))
    index = {m: i for i, m in enumerate(months)}
    series: dict[str, list[int | None]] = {}
    for month, event_type, n in counts:
        series.setdefault(event_type, [None] * len(months))[index[month]] = n
    chart = pygal.StackedBar(
        js=[],  # pygal's tooltips load a script from the web: none, the page must work offline
        disable_xml_declaration=True,
        width=width,
        height=height,
        legend_at_bottom=True,
        legend_at_bottom_columns=6,
        x_label_rotation=40,
        show_minor_x_labels=len(months) <= MONTH_LABELS_UP_TO,
        truncate_legend=-1,
        style=Style(background="transparent", plot_background="transparent", font_family="sans-serif"),
        print_values=False,
    )
    chart.x_labels = months
    chart.x_labels_major = [m for m in months if m.endswith("-01")] or months[:1]
    for event_type in sorted(series, key=lambda t: -sum(v or 0 for v in series[t])):
        chart.add(event_type, series[event_type])
    svg = chart.render(is_unicode=True)
    return re.sub(r"<!--.*?-->", "", svg, flags=re.S)  # pygal's comments name its web site
