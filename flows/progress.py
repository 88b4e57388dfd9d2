"""The progress bar of `timeline run`: documents read of the total, the rate, the time left."""

from __future__ import annotations

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text


class RateColumn(ProgressColumn):
    """Documents per second so far ('…' until the first batch is in)."""

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text("… docs/s" if not speed else f"{speed:,.1f} docs/s", style="progress.data.speed")


def progress_bar(console: Console) -> Progress:
    # redirect_stdout/stderr: a stray print during the run goes above the bar, never into it
    return Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        RateColumn(),
        TextColumn("left"),
        TimeRemainingColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=True,
        redirect_stdout=True,
        redirect_stderr=True,
        speed_estimate_period=60,
    )
