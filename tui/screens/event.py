"""One event, drilled into: Overview, Quotes, Targets and Sources."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import DataTable, Header, Static, TabbedContent, TabPane

from store.query import EventDetail, EventRow, Quote, Target, event_detail
from store.text import format_value as text_format_value
from tui.data import read_or_notify

from ..widgets.footer import KeysFooter
from ..widgets.safe import plain
from .article import ArticleScreen

PANES = ("overview", "quotes", "targets", "sources")

PRECISION = {
    "day": "",
    "range": "date range",
    "month": "month only",
    "year": "year only",
    "approximate": "approximate",
}


def _plural(n: int, word: str) -> str:
    return f"{n:,} {word}{'' if n == 1 else 's'}"


def event_heading(row: EventRow) -> Text:
    heading = plain(row.title, style="bold")
    heading.append("\n")
    heading.append_text(plain(row.date_label))
    heading.append(" · ")
    heading.append_text(plain(", ".join(row.provinces) or "no province"))
    heading.append(" · ")
    heading.append_text(plain(row.kind))
    return heading


def overview_text(detail: EventDetail) -> Text:
    row = detail.row
    out = Text(end="")

    def field(label: str, value: Text) -> None:
        out.append(f"{label:<14}", style="bold")
        out.append_text(value)
        out.append("\n")

    date = plain(row.date_label)
    if PRECISION.get(row.precision, row.precision):
        date.append(f"  ({PRECISION.get(row.precision, row.precision)})", style="dim")
    field("Date", date)
    field("Place", plain(", ".join(row.provinces) or "—"))
    field("Kind", plain(row.kind))
    field(
        "Found",
        Text(
            f"{_plural(row.n_quotes, 'quote')} · {row.n_targets:,} targets and figures"
            f" · {_plural(row.n_sources, 'source')}"
        ),
    )
    out.append("\nParticipants\n", style="bold underline")
    if not detail.participants:
        out.append("  none recorded\n", style="dim")
    for name, role in detail.participants:
        out.append("  ")
        out.append_text(plain(name, style="bold"))
        if role:
            out.append(" — ")
            out.append_text(plain(role))
        out.append("\n")
    out.append("\nSources\n", style="bold underline")
    if not detail.sources:
        out.append("  none recorded\n", style="dim")
    for source in detail.sources:
        out.append("  ")
        out.append_text(plain(source.outlet or source.file, style="bold"))
        if source.published:
            out.append(" · ")
            out.append_text(plain(source.published))
        if source.title:
            out.append("\n    ")
            out.append_text(plain(source.title))
        if source.url:
            out.append("\n    ")
            out.append_text(plain(source.url, style="dim"))
        out.append("\n")
    return out


def quotes_text(quotes: list[Quote]) -> Text:
    """Quotes grouped by speaker (in order of first appearance); direct ones in
    “quotation marks”, reported ones marked `(reported)`."""
    if not quotes:
        return Text("No quotes were found in this event's articles.", style="dim", end="")
    groups: dict[tuple[str | None, str | None], list[Quote]] = {}
    for quote in quotes:
        groups.setdefault((quote.speaker, quote.role), []).append(quote)
    out = Text(end="")
    for (speaker, role), said in groups.items():
        if out:
            out.append("\n")
        out.append_text(plain(speaker or "Unattributed", style="bold"))
        if role:
            out.append(" — ")
            out.append_text(plain(role, style="italic"))
        out.append("\n")
        for quote in said:
            out.append("  ")
            if quote.direct:
                out.append("“")
                out.append_text(plain(quote.text))
                out.append("”")
            else:
                out.append_text(plain(quote.text))
                out.append(" (reported)", style="dim")
            sources = [s for s in quote.sources if s]
            if sources:
                out.append("\n    — ", style="dim")
                out.append_text(plain(", ".join(sources), style="dim"))
            out.append("\n")
    return out


def format_value(target: Target) -> str:
    return text_format_value(target.value, target.comparator)


def format_year(target: Target) -> str:
    if target.year is None:
        return ""
    return f"by {target.year}" if target.kind == "target" else f"in {target.year}"


class EventScreen(Screen[None]):
    """An event's Overview, Quotes, Targets and Sources, one pane each.

    Bindings (ids `event.*`): Tab and Shift+Tab move between the panes,
    Esc goes back to the timeline; in Sources, Enter reads an article.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back", id="event.back", tooltip="Back to the timeline"),
        Binding("tab", "pane(1)", "Next pane", id="event.next_pane", tooltip="Show the next pane"),
        Binding("shift+tab", "pane(-1)", "Previous pane", id="event.previous_pane", tooltip="Show the previous pane"),
    ]

    class _Loaded(Message):
        def __init__(self, detail: EventDetail | None) -> None:
            super().__init__()
            self.detail = detail

    def __init__(self, row: EventRow, db_path: Path) -> None:
        super().__init__()
        self.row = row
        self.db_path = db_path
        self.detail: EventDetail | None = None

    def compose(self) -> ComposeResult:
        row = self.row
        yield Header()
        yield Static(event_heading(row), id="event-heading")
        with TabbedContent(id="panes"):
            with TabPane("Overview", id="overview"):
                with VerticalScroll(id="overview-scroll"):
                    yield Static(Text("Loading…", style="dim"), id="overview-body")
            with TabPane(f"Quotes ({row.n_quotes})", id="quotes"):
                with VerticalScroll(id="quotes-scroll"):
                    yield Static(id="quotes-body")
            with TabPane(f"Targets ({row.n_targets})", id="targets"):
                yield DataTable(id="targets-table", cursor_type="row", zebra_stripes=True)
                yield Static(id="target-text")
            with TabPane(f"Sources ({row.n_sources})", id="sources"):
                yield DataTable(id="sources-table", cursor_type="row", zebra_stripes=True)
                yield Static(Text("Enter reads the highlighted article.", style="dim"), id="sources-hint")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.sub_title = self.row.date_label
        self._focus_pane("overview")
        self._load()

    @work(thread=True, exclusive=True, group="event-detail")
    def _load(self) -> None:
        found = read_or_notify(self, self.db_path, lambda db: (event_detail(db, self.row.id),))
        if found is not None:  # None: the error is shown; (None,): the event is gone
            self.post_message(self._Loaded(found[0]))

    @on(_Loaded)
    def _loaded(self, message: _Loaded) -> None:
        detail = message.detail
        if detail is None:
            self.notify("This event is no longer in the database.", severity="warning")
            self.dismiss()
            return
        self.detail = detail
        self.query_one("#overview-body", Static).update(overview_text(detail))
        self.query_one("#quotes-body", Static).update(quotes_text(detail.quotes))

        targets = self.query_one("#targets-table", DataTable)
        targets.clear(columns=True)
        targets.add_columns("Indicator", "Value", "Unit", "When", "Type")
        for i, target in enumerate(detail.targets):
            targets.add_row(
                plain(target.subject or target.text),
                Text(format_value(target), justify="right"),
                plain(target.unit or ""),
                Text(format_year(target)),
                Text(target.kind),
                key=str(i),
            )
        if not detail.targets:
            self.query_one("#target-text", Static).update(
                Text("No targets or figures were found in this event's articles.", style="dim")
            )

        sources = self.query_one("#sources-table", DataTable)
        sources.clear(columns=True)
        sources.add_columns("Outlet", "Published", "Title", "URL")
        for source in detail.sources:
            sources.add_row(
                plain(source.outlet or source.file),
                plain(source.published or ""),
                plain(source.title or ""),
                plain(source.url or ""),
                key=str(source.article_id),
            )

    @on(DataTable.RowHighlighted, "#targets-table")
    def _target_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if self.detail is None or event.row_key.value is None:
            return
        target = self.detail.targets[int(event.row_key.value)]
        self.query_one("#target-text", Static).update(plain(target.text))

    @on(DataTable.RowSelected, "#sources-table")
    def _source_selected(self, event: DataTable.RowSelected) -> None:
        if self.detail is None or event.row_key.value is None:
            return
        article_id = int(event.row_key.value)
        source = next(s for s in self.detail.sources if s.article_id == article_id)
        self.app.push_screen(ArticleScreen(source, self.db_path))

    # ---- panes ---------------------------------------------------------

    @property
    def pane(self) -> str:
        """The id of the pane on show."""
        return self.query_one(TabbedContent).active

    def action_pane(self, step: int) -> None:
        index = PANES.index(self.pane) if self.pane in PANES else 0
        self.show_pane(PANES[(index + step) % len(PANES)])

    def show_pane(self, pane: str) -> None:
        self.query_one(TabbedContent).active = pane
        self._focus_pane(pane)

    @on(TabbedContent.TabActivated)
    def _tab_activated(self, event: TabbedContent.TabActivated) -> None:
        if event.pane.id:
            self._focus_pane(event.pane.id)

    def _focus_pane(self, pane: str) -> None:
        target: Widget = {
            "overview": lambda: self.query_one("#overview-scroll"),
            "quotes": lambda: self.query_one("#quotes-scroll"),
            "targets": lambda: self.query_one("#targets-table"),
            "sources": lambda: self.query_one("#sources-table"),
        }[pane]()
        target.focus()

    def action_back(self) -> None:
        self.dismiss()
