"""Events over time, like lnav's histogram: one column per month (or quarter,
or year, or several years, whichever fits the width), bars drawn in eighth
blocks, years underneath, and the period of the highlighted event marked.
Clicking a column asks the timeline to go there.

The counts come from one aggregate query (`store.query.histogram`), run by
the screen in a worker; this widget only draws them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual import events
from textual.message import Message
from textual.strip import Strip
from textual.widget import Widget

from store.query import Histogram as Counts

BLOCKS = " ▁▂▃▄▅▆▇█"
BAR_ROWS = 3
MAX_COLUMN = 4  # widest column, when there are few periods


@dataclass(frozen=True)
class Bucket:
    start: str  # YYYY-MM: the first month of the period
    label: str  # for people: `03/2021`, `Q2 2021`, `2021`, `2020–2024`
    year: str
    n: int


def _quarter(month: str) -> str:
    return f"{month[:4]}-{(int(month[5:7]) - 1) // 3 * 3 + 1:02d}"


def buckets(counts: Counts, width: int) -> tuple[list[Bucket], str]:
    """The periods to draw in `width` columns, oldest first, and their unit
    (`month`, `quarter`, `year` or `N years`). Events known only by their year
    count in year columns and are left out of month and quarter ones."""
    years = sorted(set(counts.years) | {m[:4] for m in counts.months})
    if not years:
        return [], "month"
    first, last = int(years[0]), int(years[-1])
    n_years = last - first + 1
    if n_years * 12 <= width:
        out = [
            Bucket(f"{y}-{m:02d}", f"{m:02d}/{y}", str(y), counts.months.get(f"{y}-{m:02d}", 0))
            for y in range(first, last + 1)
            for m in range(1, 13)
        ]
        return out, "month"
    if n_years * 4 <= width:
        per_quarter: dict[str, int] = {}
        for month, n in counts.months.items():
            per_quarter[_quarter(month)] = per_quarter.get(_quarter(month), 0) + n
        out = [
            Bucket(f"{y}-{q * 3 + 1:02d}", f"Q{q + 1} {y}", str(y), per_quarter.get(f"{y}-{q * 3 + 1:02d}", 0))
            for y in range(first, last + 1)
            for q in range(4)
        ]
        return out, "quarter"
    per_year = counts.per_year()
    step = max(1, -(-n_years // max(1, width)))
    out = []
    for y in range(first, last + 1, step):
        span = [str(y + k) for k in range(step) if y + k <= last]
        label = span[0] if len(span) == 1 else f"{span[0]}–{span[-1]}"
        out.append(Bucket(str(y), label, str(y), sum(per_year.get(s, 0) for s in span)))
    return out, "year" if step == 1 else f"{step} years"


class Histogram(Widget):
    """Events per period for the timeline's view. Click a column to go there."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "histogram--bar",
        "histogram--cursor",
        "histogram--axis",
        "histogram--caption",
    }

    DEFAULT_CSS = """
    Histogram {
        height: 5;
    }
    """

    class PeriodSelected(Message):
        """The user clicked the column of the period starting `start` (YYYY-MM)."""

        def __init__(self, start: str, label: str) -> None:
            super().__init__()
            self.start = start
            self.label = label

    def __init__(self, *, name: str | None = None, id: str | None = None, classes: str | None = None) -> None:  # noqa: A002
        super().__init__(name=name, id=id, classes=classes)
        self.counts: Counts | None = None
        self.marked: str | None = None  # the highlighted event's date
        self._buckets: list[Bucket] = []
        self._unit = "month"
        self._column = 1
        self._layout_width = -1

    def show(self, counts: Counts | None) -> None:
        """Draw `counts` (None: they are being counted)."""
        self.counts = counts
        self._layout_width = -1
        self.refresh()

    def mark(self, day: str | None) -> None:
        """Mark the period of `day` (the highlighted event's date)."""
        if day != self.marked:
            self.marked = day
            self.refresh()

    def _layout(self, width: int) -> None:
        if width == self._layout_width:
            return
        self._layout_width = width
        if self.counts is None:
            self._buckets = []
            return
        self._buckets, self._unit = buckets(self.counts, width)
        self._column = max(1, min(MAX_COLUMN, width // max(1, len(self._buckets))))

    def _marked_index(self) -> int | None:
        day = self.marked
        if not day or not day[:4].isdigit() or not self._buckets:
            return None
        key = day[:7] if len(day) >= 7 else f"{day[:4]}-01"
        found = None
        for i, bucket in enumerate(self._buckets):
            if bucket.start <= key:
                found = i
            else:
                break
        return found

    def render_line(self, y: int) -> Strip:
        width = self.content_region.width
        self._layout(width)
        base = self.rich_style
        if self.counts is None:
            text = Text("Counting events over time…" if y == 0 else "", style="dim", end="")
            text.truncate(width, pad=True)
            return Strip(list(text.render(self.app.console)), width).apply_style(base)
        if y < BAR_ROWS:
            return self._bar_line(y, width)
        if y == BAR_ROWS:
            return self._axis_line(width)
        if y == BAR_ROWS + 1:
            return self._caption_line(width)
        return Strip.blank(width, base)

    def _style(self, name: str) -> Style:
        return self.get_component_rich_style(name, partial=True)

    def _bar_line(self, y: int, width: int) -> Strip:
        peak = max((b.n for b in self._buckets), default=0)
        levels = BAR_ROWS * 8
        marked = self._marked_index()
        bar, cursor = self._style("histogram--bar"), self._style("histogram--cursor")
        row_from_bottom = BAR_ROWS - 1 - y
        line = Text(no_wrap=True, end="")
        for i, bucket in enumerate(self._buckets):
            height = 0 if not peak or not bucket.n else max(1, round(bucket.n * levels / peak))
            fill = max(0, min(8, height - row_from_bottom * 8))
            line.append(BLOCKS[fill] * self._column, cursor if i == marked else bar)
        line.truncate(width, pad=True)
        return Strip(list(line.render(self.app.console)), width).apply_style(self.rich_style)

    def _axis_line(self, width: int) -> Strip:
        chars = [" "] * width
        last_end = -1
        for i, bucket in enumerate(self._buckets):
            if i and self._buckets[i - 1].year == bucket.year:
                continue
            x = i * self._column
            label = bucket.year
            if x > last_end and x + len(label) <= width:
                chars[x : x + len(label)] = label
                last_end = x + len(label)
        text = Text("".join(chars), style=self._style("histogram--axis"), no_wrap=True, end="")
        return Strip(list(text.render(self.app.console)), width).apply_style(self.rich_style)

    def _caption_line(self, width: int) -> Strip:
        counts = self.counts
        assert counts is not None
        text = Text(no_wrap=True, end="", style=self._style("histogram--caption"))
        if not self._buckets:
            text.append("No dated events in this view")
        else:
            busiest = max(self._buckets, key=lambda b: b.n)
            text.append(f"Events per {self._unit}, {self._buckets[0].year}–{self._buckets[-1].year}")
            text.append(f" · busiest {busiest.label}: {busiest.n:,}")
            marked = self._marked_index()
            if marked is not None:
                b = self._buckets[marked]
                text.append(f" · here {b.label}: {b.n:,}")
            if self._unit in ("month", "quarter") and counts.years:
                text.append(f" · {sum(counts.years.values()):,} known only by year")
        if counts.undated:
            text.append(f" · {counts.undated:,} undated")
        text.truncate(width, overflow="ellipsis", pad=True)
        return Strip(list(text.render(self.app.console)), width).apply_style(self.rich_style)

    def bucket_at(self, x: int) -> Bucket | None:
        i = x // max(1, self._column)
        return self._buckets[i] if 0 <= i < len(self._buckets) else None

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None or offset.y > BAR_ROWS:
            return
        bucket = self.bucket_at(offset.x)
        if bucket is not None:
            self.post_message(self.PeriodSelected(bucket.start, bucket.label))
