"""The timeline: one line per event, oldest first, grouped by year.

A line-API `ScrollView` (after Textualize/toolong's `log_lines.py`): the
virtual height is the number of events, `render_line` reads rows from an LRU
cache of pages, and pages that are not cached yet are fetched by a thread
worker (with its own SQLite connection) and posted back. A page is read from
the nearest page already known (keyset paging, see `paging.py`), and the
number of events of a filter is counted once and kept until the database is
reloaded. Nothing here is proportional to the number of events, so a million
rows scroll like four.
"""

from __future__ import annotations

import sqlite3
from collections import OrderedDict
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import ClassVar, NamedTuple

from rich.style import Style
from rich.text import Text
from textual import events, on, work
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widget import Widget
from textual.worker import get_current_worker

from store.db import StoreError, opened
from store.query import (
    EventRow,
    Filter,
    count_events,
    date_position,
    event_key,
    event_position,
    has_undated_sort,
    ids_position,
    search_view,
)

from .paging import PAGE_SIZE, Page, fetch_page
from .safe import visible

MAX_PAGES = 160  # pages kept in memory: about 10,000 rows
PREFETCH = 50  # rows from a page's edge at which the neighbouring page is fetched

# Column widths; the title takes what is left.
YEAR_W, DATE_W, PLACE_W, KIND_W, COUNTS_W = 4, 13, 16, 10, 12
GAP = 1
QUOTE_MARK, TARGET_MARK, SOURCE_MARK = "❝", "◎", "⧉"


MAX_ID_LISTS = 4  # searches whose ids are kept


class _Count(NamedTuple):
    """What is kept per filter: its number of events, whether its pages can
    be read by key (no row without a sort date) and, for a search, its ids
    in timeline order."""

    n: int
    keyset: bool
    ids: Sequence[int] | None = None
    by_ids: bool = False  # a search of few matches: paged from `ids` (read again if they were let go)


def title_width(width: int) -> int:
    fixed = YEAR_W + DATE_W + PLACE_W + KIND_W + COUNTS_W + 5 * GAP + 1
    return max(10, width - fixed)


def _cell(text: str, width: int, style: Style | str = "") -> Text:
    cell = Text(visible(text), style=style, no_wrap=True, end="")
    cell.truncate(width, overflow="ellipsis", pad=True)
    return cell


def counts_text(row: EventRow, style: Style, zero_style: Style) -> Text:
    out = Text(end="", no_wrap=True)
    for mark, n, w in ((QUOTE_MARK, row.n_quotes, 4), (TARGET_MARK, row.n_targets, 4), (SOURCE_MARK, row.n_sources, 3)):
        out.append(f"{mark}{n}".ljust(w), zero_style if n == 0 else style)
    out.truncate(COUNTS_W, pad=True)
    return out


class TimelineHeader(Widget):
    """The column titles above the timeline, laid out like its rows."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"timeline-header--legend"}

    def render(self) -> Text:
        width = self.size.width
        line = Text(no_wrap=True, end="")
        line.append_text(_cell("Year", YEAR_W))
        line.append(" " * (GAP + 1))
        line.append_text(_cell("Date", DATE_W))
        line.append(" " * GAP)
        line.append_text(_cell("Province", PLACE_W))
        line.append(" " * GAP)
        line.append_text(_cell("Kind", KIND_W))
        line.append(" " * GAP)
        line.append_text(_cell("Title", title_width(width)))
        line.append(" " * GAP)
        legend = self.get_component_rich_style("timeline-header--legend")
        line.append_text(_cell(f"{QUOTE_MARK}q  {TARGET_MARK}t  {SOURCE_MARK}s", COUNTS_W, legend))
        return line


class Timeline(ScrollView, can_focus=True):
    """Every event that matches the filter, one per line, grouped by year.

    Bindings (ids are `timeline.*`, so they can be remapped with a keymap):
    ↑/k and ↓/j move the cursor, PgUp/PgDn move it a screen, g/Home and
    G/End go to the first and the last event, Enter opens the highlighted one.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "cursor_up", "Up", show=False, id="timeline.up", tooltip="Previous event"),
        Binding("k", "cursor_up", "Up", show=False, id="timeline.up_vi", tooltip="Previous event"),
        Binding("down", "cursor_down", "Down", show=False, id="timeline.down", tooltip="Next event"),
        Binding("j", "cursor_down", "Down", show=False, id="timeline.down_vi", tooltip="Next event"),
        Binding("pageup", "page_up", "Page up", show=False, id="timeline.page_up", tooltip="Up one screen"),
        Binding("pagedown", "page_down", "Page down", show=False, id="timeline.page_down", tooltip="Down one screen"),
        Binding("home", "first", "First", show=False, id="timeline.first", tooltip="The oldest event"),
        Binding("g", "first", "First", show=False, id="timeline.first_vi", tooltip="The oldest event"),
        Binding("end", "last", "Last", show=False, id="timeline.last", tooltip="The newest event"),
        Binding("G", "last", "Last", show=False, id="timeline.last_vi", tooltip="The newest event"),
        Binding("enter", "select", "Open", id="timeline.open", tooltip="Open the highlighted event"),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "timeline--cursor",
        "timeline--hover",
        "timeline--year",
        "timeline--year-continued",
        "timeline--date",
        "timeline--place",
        "timeline--kind",
        "timeline--title",
        "timeline--counts",
        "timeline--zero",
        "timeline--loading",
    }

    DEFAULT_CSS = """
    Timeline {
        overflow-x: hidden;
        overflow-y: auto;
    }
    """

    cursor: reactive[int] = reactive(0, init=False)
    """Index of the highlighted row in the filtered timeline."""

    class Counted(Message):
        """The filtered view is loaded: `count` events match `filter` (of `total`)."""

        def __init__(self, flt: Filter, count: int, total: int) -> None:
            super().__init__()
            self.filter = flt
            self.count = count
            self.total = total

    class EventHighlighted(Message):
        """The cursor is on `row`, at `index` in the filtered timeline."""

        def __init__(self, row: EventRow, index: int) -> None:
            super().__init__()
            self.row = row
            self.index = index

    class EventSelected(Message):
        """The user chose `row` (Enter or a click)."""

        def __init__(self, row: EventRow) -> None:
            super().__init__()
            self.row = row

    class LoadFailed(Message):
        """The database could not be read; `error` is one line for people."""

        def __init__(self, error: str) -> None:
            super().__init__()
            self.error = error

    class _ViewLoaded(Message):
        def __init__(self, gen: int, flt: Filter, counts: dict[Filter, _Count], cursor: int, page: Page | None) -> None:
            super().__init__()
            self.gen, self.filter, self.counts, self.cursor, self.page = gen, flt, counts, cursor, page

    class _PageLoaded(Message):
        def __init__(self, gen: int, page: Page) -> None:
            super().__init__()
            self.gen = gen
            self.page = page

    def __init__(
        self,
        db_path: str | Path,
        flt: Filter | None = None,
        *,
        name: str | None = None,
        id: str | None = None,  # noqa: A002 (Textual's own name)
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.db_path = Path(db_path)
        self.filter: Filter = flt or Filter()
        """The filter asked for (the view shows it once `Counted` is posted)."""
        self.count: int | None = None
        """Events in the view, None until the first load."""
        self._view_filter: Filter = self.filter
        self._req_gen = 0
        self._view_gen = 0
        self._pages: OrderedDict[int, Page] = OrderedDict()
        self._in_flight: frozenset[int] = frozenset()
        self._fetch_scheduled = False
        self._hover: int | None = None
        self._highlighted: tuple[int, int] | None = None  # (gen, event id) last posted
        self._select_when_loaded = False
        self._counts: dict[Filter, _Count] = {}
        self._view = _Count(0, True)
        self._pending: list[Callable[[], None]] = []  # keys pressed before the first view arrived

    # ---- loading -------------------------------------------------------

    def on_mount(self) -> None:
        self.set_filter(self.filter)

    def set_filter(self, flt: Filter, *, keep_event: int | None = None) -> None:
        """Show the events matching `flt`. With `keep_event`, the cursor goes to
        that event (or where it would be in time, if the filter leaves it out)."""
        self.filter = flt
        self._req_gen += 1
        known = {f: self._counts[f] for f in (flt, Filter()) if f in self._counts}
        self._load_view(self._req_gen, flt, known, keep_event=keep_event)

    def go_to_date(self, day: str) -> None:
        """Move the cursor to the first event of the view dated `day` or later
        (a YYYY, YYYY-MM or YYYY-MM-DD prefix)."""
        if self.count is None:
            self._pending.append(lambda: self.go_to_date(day))
            return
        self._req_gen += 1
        known = {f: self._counts[f] for f in (self._view_filter, Filter()) if f in self._counts}
        self._load_view(self._req_gen, self._view_filter, known, day=day)

    def reload(self) -> None:
        """Read the current view again (after the database changed)."""
        row = self.current_row
        self._counts.clear()
        self.set_filter(self.filter, keep_event=row.id if row else None)

    @work(thread=True, exclusive=True, group="timeline-view")
    def _load_view(
        self, gen: int, flt: Filter, known: dict[Filter, _Count], keep_event: int | None = None, day: str | None = None
    ) -> None:
        worker = get_current_worker()
        counts = dict(known)
        try:
            with opened(self.db_path) as db:
                for f in (flt, Filter()):
                    if f.search and f == flt and (f not in counts or (counts[f].by_ids and counts[f].ids is None)):
                        n, ids = search_view(db, f)
                        if ids is not None:  # few matches: count and order in one go, then paged from memory
                            counts[f] = _Count(n, True, ids, by_ids=True)
                        else:  # many: paged by key along the date index
                            counts[f] = _Count(n, n == 0 or not has_undated_sort(db, f))
                    elif f not in counts:
                        n = count_events(db, f)
                        counts[f] = _Count(n, n == 0 or not has_undated_sort(db, f))
                view = counts[flt]
                cursor = 0
                key = (day, -1) if day is not None else event_key(db, keep_event) if keep_event is not None else None
                if key is not None and view.n:
                    if view.ids is not None:
                        position = ids_position(db, view.ids, key)
                    elif day is not None:
                        position = date_position(db, flt, day)
                    else:
                        position = event_position(db, flt, key[1]) or 0
                    cursor = min(position, view.n - 1)
                page = None
                if view.n:
                    page = fetch_page(db, flt, cursor // PAGE_SIZE, count=view.n, keyset=view.keyset, ids=view.ids)
        except (StoreError, sqlite3.Error) as exc:
            self.post_message(self.LoadFailed(str(exc)))
            return
        if not worker.is_cancelled:
            self.post_message(self._ViewLoaded(gen, flt, counts, cursor, page))

    @work(thread=True, exclusive=True, group="timeline-pages")
    def _load_pages(
        self, gen: int, flt: Filter, numbers: tuple[int, ...], view: _Count, anchors: dict[int, Page]
    ) -> None:
        worker = get_current_worker()
        try:
            with opened(self.db_path) as db:
                for number in numbers:
                    if worker.is_cancelled:
                        return
                    page = fetch_page(db, flt, number, count=view.n, anchors=anchors, keyset=view.keyset, ids=view.ids)
                    anchors[number] = page
                    self.post_message(self._PageLoaded(gen, page))
        except (StoreError, sqlite3.Error) as exc:
            self.post_message(self.LoadFailed(str(exc)))

    @on(_ViewLoaded)
    def _view_loaded(self, message: _ViewLoaded) -> None:
        if message.gen != self._req_gen:
            return
        self._view_gen = message.gen
        self._view_filter = message.filter
        self._counts.update(message.counts)
        view = message.counts[message.filter]
        self._view = view
        searches = [f for f, c in self._counts.items() if c.ids is not None and f != message.filter]
        for f in searches[: max(0, len(searches) - (MAX_ID_LISTS - 1))]:  # keep the ids of the latest searches
            self._counts[f] = self._counts[f]._replace(ids=None)
        self._counts[message.filter] = self._counts.pop(message.filter)  # the latest last
        self._pages.clear()
        self._in_flight = frozenset()
        if message.page is not None:
            self._pages[message.page.number] = message.page
        self.count = view.n
        self._highlighted = None
        self.virtual_size = Size(0, view.n)
        self.set_reactive(Timeline.cursor, message.cursor)
        self._scroll_to_cursor(center=True)
        self.refresh()
        self.post_message(self.Counted(message.filter, view.n, message.counts[Filter()].n))
        self._post_highlight()
        self._schedule_fetch()  # the rest of the screen, and the ends of the view ahead of Home and End
        pending, self._pending = self._pending, []
        for action in pending:
            action()

    @on(_PageLoaded)
    def _page_loaded(self, message: _PageLoaded) -> None:
        if message.gen != self._view_gen:
            return
        page = message.page
        self._in_flight -= {page.number}
        self._pages[page.number] = page
        self._pages.move_to_end(page.number)
        while len(self._pages) > MAX_PAGES:
            self._pages.popitem(last=False)
        top, bottom = self._visible_range()
        if page.number * PAGE_SIZE <= bottom and top < (page.number + 1) * PAGE_SIZE:
            self.refresh()  # a page read ahead, off screen, changes nothing there
        self._post_highlight()
        self._schedule_fetch()

    def _visible_range(self) -> tuple[int, int]:
        top = self.scroll_offset.y
        return top, top + max(1, self.scrollable_content_region.height) - 1

    def _wanted_pages(self) -> list[int]:
        """Pages for the rows on screen (and the cursor's), nearest first, then
        the neighbouring page when the screen is near a page edge, then the
        first and last pages."""
        if not self.count:
            return []
        last_page = (self.count - 1) // PAGE_SIZE
        top, bottom = self._visible_range()
        bottom = min(bottom, self.count - 1)
        wanted = list(range(top // PAGE_SIZE, bottom // PAGE_SIZE + 1))
        wanted.append(self.cursor // PAGE_SIZE)
        if bottom % PAGE_SIZE >= PAGE_SIZE - PREFETCH:
            wanted.append(bottom // PAGE_SIZE + 1)
        if top % PAGE_SIZE < PREFETCH:
            wanted.append(top // PAGE_SIZE - 1)
        # the ends of the view, read ahead once so Home and End answer at once
        height = max(1, self.scrollable_content_region.height)
        wanted += [0, max(0, self.count - height) // PAGE_SIZE, last_page]
        seen: dict[int, None] = {}
        for n in wanted:
            if 0 <= n <= last_page:
                seen.setdefault(n, None)
        return list(seen)

    def _schedule_fetch(self) -> None:
        if not self._fetch_scheduled:
            self._fetch_scheduled = True
            self.call_later(self._fetch_missing)

    def _fetch_missing(self) -> None:
        self._fetch_scheduled = False
        missing = tuple(n for n in self._wanted_pages() if n not in self._pages)
        if missing and not set(missing) <= self._in_flight and self.count:
            self._in_flight = frozenset(missing)
            self._load_pages(self._view_gen, self._view_filter, missing, self._view, dict(self._pages))

    def row_at(self, index: int) -> EventRow | None:
        """The row at `index` if its page is loaded (else None, and it is fetched)."""
        page = self._pages.get(index // PAGE_SIZE)
        if page is None:
            self._schedule_fetch()
            return None
        offset = index % PAGE_SIZE
        return page.rows[offset] if offset < len(page.rows) else None

    def _starts_year(self, index: int, row: EventRow) -> bool:
        if index == 0:
            return True
        offset = index % PAGE_SIZE
        if offset == 0:
            return self._pages[index // PAGE_SIZE].prev_year != row.year
        prev = self._pages[index // PAGE_SIZE].rows[offset - 1]
        return prev.year != row.year

    @property
    def view_filter(self) -> Filter:
        """The filter of the rows on show (`filter` until a new one has loaded)."""
        return self._view_filter

    @property
    def current_row(self) -> EventRow | None:
        """The highlighted event, if it is loaded."""
        if not self.count:
            return None
        return self.row_at(self.cursor)

    # ---- rendering -----------------------------------------------------

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        self._schedule_fetch()

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        index = self.scroll_offset.y + y
        base = self.rich_style
        if self.count is None or index >= self.count:
            return Strip.blank(width, base)
        page = self._pages.get(index // PAGE_SIZE)
        if page is not None:
            self._pages.move_to_end(page.number)
        row = self.row_at(index)
        if row is None:
            loading = self._style("timeline--loading")
            text = Text(" " * (YEAR_W + GAP + 1) + "…", style=loading, end="")
            text.truncate(width, pad=True)
            return Strip(list(text.render(self.app.console)), width)
        return self._render_row(index, row, width, top=y == 0)

    def _style(self, name: str) -> Style:
        return self.get_component_rich_style(name, partial=True)

    def _render_row(self, index: int, row: EventRow, width: int, top: bool = False) -> Strip:
        style = self._style
        if index == self.cursor:
            line_style = self.get_component_rich_style("timeline--cursor")
        elif index == self._hover:
            line_style = self.get_component_rich_style("timeline--hover")
        else:
            line_style = Style()
        line = Text(style=line_style, no_wrap=True, end="")
        if self._starts_year(index, row):
            line.append_text(_cell(row.year, YEAR_W, style("timeline--year")))
        else:  # the top line repeats the year, dimmed, so a screen deep inside a year still shows it
            line.append_text(_cell(row.year if top else "", YEAR_W, style("timeline--year-continued")))
        line.append(" " * (GAP + 1))
        line.append_text(_cell(row.date_label, DATE_W, style("timeline--date")))
        line.append(" " * GAP)
        line.append_text(_cell(", ".join(row.provinces) or "—", PLACE_W, style("timeline--place")))
        line.append(" " * GAP)
        line.append_text(_cell(row.kind, KIND_W, style("timeline--kind")))
        line.append(" " * GAP)
        line.append_text(_cell(row.title, title_width(width), style("timeline--title")))
        line.append(" " * GAP)
        line.append_text(counts_text(row, style("timeline--counts"), style("timeline--zero")))
        line.truncate(width, pad=True)
        return Strip(list(line.render(self.app.console)), width).apply_style(self.rich_style)

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    # ---- the cursor ----------------------------------------------------

    def validate_cursor(self, value: int) -> int:
        if not self.count:
            return 0
        return max(0, min(value, self.count - 1))

    def watch_cursor(self, old: int, new: int) -> None:
        self.refresh_line(old)
        self.refresh_line(new)
        self._scroll_to_cursor()
        self._post_highlight()

    def _scroll_to_cursor(self, center: bool = False) -> None:
        height = max(1, self.scrollable_content_region.height)
        top = self.scroll_offset.y
        if center and not top <= self.cursor < top + height:
            self.scroll_to(y=max(0, self.cursor - height // 2), animate=False)
        elif self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False)
        elif self.cursor >= top + height:
            self.scroll_to(y=self.cursor - height + 1, animate=False)

    def _post_highlight(self) -> None:
        row = self.current_row
        if row is None:
            return
        key = (self._view_gen, row.id)
        if key != self._highlighted:
            self._highlighted = key
            self.post_message(self.EventHighlighted(row, self.cursor))
        if self._select_when_loaded:
            self._select_when_loaded = False
            self.post_message(self.EventSelected(row))

    def _page_size(self) -> int:
        return max(1, self.scrollable_content_region.height - 1)

    def action_cursor_up(self) -> None:
        if self._not_loaded(self.action_cursor_up):
            return
        self.cursor -= 1

    def action_cursor_down(self) -> None:
        if self._not_loaded(self.action_cursor_down):
            return
        self.cursor += 1

    def _not_loaded(self, action: Callable[[], None]) -> bool:
        """Keep a key pressed before the first view has arrived, to replay it then."""
        if self.count is None:
            if len(self._pending) < 16:
                self._pending.append(action)
            return True
        return False

    def action_page_up(self) -> None:
        if self._not_loaded(self.action_page_up):
            return
        step = self._page_size()
        self.scroll_to(y=max(0, self.scroll_offset.y - step), animate=False)
        self.cursor -= step

    def action_page_down(self) -> None:
        if self._not_loaded(self.action_page_down):
            return
        step = self._page_size()
        self.scroll_to(y=self.scroll_offset.y + step, animate=False)
        self.cursor += step

    def action_first(self) -> None:
        if self._not_loaded(self.action_first):
            return
        self.cursor = 0

    def action_last(self) -> None:
        if self._not_loaded(self.action_last):
            return
        if self.count:
            self.cursor = self.count - 1

    def action_select(self) -> None:
        if self._not_loaded(self.action_select):
            return
        if not self.count:
            return
        row = self.current_row
        if row is None:
            self._select_when_loaded = True
        else:
            self.post_message(self.EventSelected(row))

    # ---- the mouse -----------------------------------------------------

    def _index_at(self, event: events.MouseEvent) -> int | None:
        offset = event.get_content_offset(self)
        if offset is None or self.count is None:
            return None
        index = self.scroll_offset.y + offset.y
        return index if 0 <= index < self.count else None

    def on_click(self, event: events.Click) -> None:
        index = self._index_at(event)
        if index is None:
            return
        self.focus()
        self.cursor = index
        self.action_select()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        index = self._index_at(event)
        if index != self._hover:
            old, self._hover = self._hover, index
            if old is not None:
                self.refresh_line(old)
            if index is not None:
                self.refresh_line(index)

    def on_leave(self, event: events.Leave) -> None:
        if self._hover is not None:
            old, self._hover = self._hover, None
            self.refresh_line(old)
