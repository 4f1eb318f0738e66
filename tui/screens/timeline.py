"""The main screen: the timeline, its histogram, its search box and a status line."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Header, Input, Static

from store.provinces import resolve
from store.query import Filter, histogram
from store.query import Histogram as Counts
from tui.data import read_or_notify

from ..widgets.footer import KeysFooter
from ..widgets.histogram import Histogram
from ..widgets.safe import plain
from ..widgets.timeline import QUOTE_MARK, SOURCE_MARK, TARGET_MARK, Timeline, TimelineHeader
from .event import EventScreen
from .province import ProvinceScreen


def load_hint(db_path: Path) -> Text:
    """What to do when there are no events at all."""
    hint = Text(end="")
    hint.append("No events yet.\n\n", style="bold")
    hint.append("Load some news articles (plain-text files, or folders of them) first:\n\n")
    hint.append("    sukien load PATH...", style="bold")
    hint.append("     read the articles and build the timeline\n")
    hint.append("    make run", style="bold")
    hint.append("                load the seed articles in seeds/ and open this view\n\n")
    hint.append("then run ")
    hint.append("sukien", style="bold")
    hint.append(" again. Database: ")
    hint.append_text(plain(str(db_path)))
    return hint


def no_match_hint(flt: Filter, total: int) -> Text:
    hint = Text(end="")
    hint.append("No events match ", style="bold")
    hint.append_text(plain(flt.describe(), style="bold"))
    hint.append(".\n\n")
    hint.append("Esc", style="bold")
    hint.append(f" shows all {total:,} events, ")
    hint.append("/", style="bold")
    hint.append(" searches again, ")
    hint.append("p", style="bold")
    hint.append(" chooses another province.")
    return hint


class TimelineScreen(Screen[None]):
    """The timeline of events, filtered and searched.

    Bindings (ids `timeline.*`): `/` opens the search box (diacritics
    optional), `p` chooses a province, `h` shows or hides the histogram of
    events over time, `r` reads the database again (after a load in another
    terminal), Esc clears the search and filters.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("slash", "search", "Search", id="timeline.search", tooltip="Search titles, quotes and articles"),
        Binding("p", "province", "Province", id="timeline.province", tooltip="Show the events of one province"),
        Binding("h", "histogram", "Histogram", id="timeline.histogram", tooltip="Show or hide events over time"),
        Binding("escape", "back", "All events", id="timeline.back", tooltip="Clear the search and the filters"),
        Binding("r", "reload", "Reload", id="timeline.reload", tooltip="Read the database again after a load"),
    ]

    def __init__(self, db_path: Path, flt: Filter | None = None) -> None:
        super().__init__()
        self.db_path = db_path
        self._initial_filter = flt or Filter()
        self._total = 0
        self._histograms: dict[Filter, Counts] = {}  # per filter, until the view is reloaded
        self._histogram_asked: Filter | None = None

    class _HistogramCounted(Message):
        def __init__(self, flt: Filter, counts: Counts) -> None:
            super().__init__()
            self.filter = flt
            self.counts = counts

    def compose(self) -> ComposeResult:
        yield Header()
        yield Histogram(id="histogram")
        yield TimelineHeader(id="columns")
        yield Timeline(self.db_path, self._initial_filter, id="timeline")
        yield Static(id="empty")
        yield Input(
            placeholder="Search titles, quotes and articles; diacritics optional (Enter to apply, Esc to cancel)",
            id="search",
        )
        with Horizontal(id="status-bar"):
            yield Static(id="status")
            yield Static(
                Text(f"{QUOTE_MARK} quotes  {TARGET_MARK} targets  {SOURCE_MARK} sources", end=""), id="legend"
            )
        yield KeysFooter()

    def on_mount(self) -> None:
        self.query_one("#status", Static).update(Text("Loading…", style="dim"))

    @property
    def timeline(self) -> Timeline:
        return self.query_one(Timeline)

    @property
    def filter(self) -> Filter:
        """The filter asked for most recently."""
        return self.timeline.filter

    def set_filter(self, flt: Filter) -> None:
        """Show `flt`, keeping the cursor on (or near) the highlighted event."""
        row = self.timeline.current_row
        self.timeline.set_filter(flt, keep_event=row.id if row else None)
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "back":
            return self.has_class("-searching") or self.filter != Filter()
        return True

    # ---- the timeline's messages ----------------------------------------

    @on(Timeline.Counted)
    def _counted(self, message: Timeline.Counted) -> None:
        self.set_class(message.count == 0, "-empty")
        if message.count == 0:
            hint = load_hint(self.db_path) if message.total == 0 else no_match_hint(message.filter, message.total)
            self.query_one("#empty", Static).update(hint)
        self._status(message.filter, message.count, message.total, None)
        self.refresh_bindings()
        if self.has_class("-histogram"):
            self._show_histogram(message.filter)

    @on(Timeline.EventHighlighted)
    def _highlighted(self, message: Timeline.EventHighlighted) -> None:
        timeline = self.timeline
        if timeline.count is not None:
            self._status(timeline.view_filter, timeline.count, None, message.index)
        self.query_one(Histogram).mark(message.row.date_start)

    @on(Timeline.EventSelected)
    def _selected(self, message: Timeline.EventSelected) -> None:
        self.app.push_screen(EventScreen(message.row, self.db_path))

    @on(Timeline.LoadFailed)
    def _failed(self, message: Timeline.LoadFailed) -> None:
        self.notify(message.error, title="Cannot read the database", severity="error", markup=False)

    def _status(self, flt: Filter, count: int, total: int | None, index: int | None) -> None:
        if total is not None:
            self._total = total
        status = plain(flt.describe(), style="bold")
        status.append(f" · {count:,} event{'s' if count != 1 else ''}")
        if flt != Filter():
            status.append(f" of {self._total:,}")
        if index is not None and count:
            status.append(f" · {index + 1:,}/{count:,}", style="dim")
        self.query_one("#status", Static).update(status)

    # ---- the histogram ---------------------------------------------------

    def action_histogram(self) -> None:
        self.toggle_class("-histogram")
        if self.has_class("-histogram"):
            self._show_histogram(self.timeline.view_filter)

    def action_reload(self) -> None:
        """Read the database again: events loaded meanwhile appear, the cursor stays on its event."""
        self._histograms.clear()
        self._histogram_asked = None
        self.timeline.reload()
        if self.has_class("-histogram"):
            self._show_histogram(self.timeline.view_filter)
        self.notify("Reloaded", timeout=1.5)

    def _show_histogram(self, flt: Filter) -> None:
        widget = self.query_one(Histogram)
        row = self.timeline.current_row
        widget.mark(row.date_start if row else None)
        if flt in self._histograms:
            widget.show(self._histograms[flt])
            return
        widget.show(None)
        if self._histogram_asked != flt:
            self._histogram_asked = flt
            self._count_histogram(flt)

    @work(thread=True, exclusive=True, group="histogram")
    def _count_histogram(self, flt: Filter) -> None:
        counts = read_or_notify(self, self.db_path, lambda db: histogram(db, flt))
        if counts is not None:
            self.post_message(self._HistogramCounted(flt, counts))

    @on(_HistogramCounted)
    def _histogram_counted(self, message: _HistogramCounted) -> None:
        self._histograms[message.filter] = message.counts
        if self._histogram_asked == message.filter:
            self._histogram_asked = None
        if message.filter == self.timeline.view_filter and self.has_class("-histogram"):
            self.query_one(Histogram).show(message.counts)

    @on(Histogram.PeriodSelected)
    def _period_selected(self, message: Histogram.PeriodSelected) -> None:
        self.timeline.focus()
        self.timeline.go_to_date(message.start)

    # ---- search ---------------------------------------------------------

    def action_search(self) -> None:
        search = self.query_one("#search", Input)
        search.value = self.filter.search or ""
        self.add_class("-searching")
        search.focus()
        self.refresh_bindings()

    def _close_search(self) -> None:
        self.remove_class("-searching")
        self.timeline.focus()
        self.refresh_bindings()

    @on(Input.Submitted, "#search")
    def _search_submitted(self, event: Input.Submitted) -> None:
        self._close_search()
        self.set_filter(self.filter.with_(search=event.value.strip() or None))

    def action_back(self) -> None:
        if self.has_class("-searching"):
            self._close_search()
        elif self.filter != Filter():
            self.set_filter(Filter())

    # ---- province --------------------------------------------------------

    def action_province(self) -> None:
        self.app.push_screen(ProvinceScreen(self.db_path, self.filter.province), self._province_chosen)

    def _province_chosen(self, choice: str | None) -> None:
        if choice is None:
            return
        if not choice.strip():
            self.set_filter(self.filter.with_(province=None))
            return
        province = resolve(choice)
        if province is None:
            self.notify(f"No province called “{choice}”", severity="warning", markup=False)
            return
        self.set_filter(self.filter.with_(province=province.name))
