"""One source article, in full, as plain text."""

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
from textual.widgets import Header, Static

from store.query import Source, article_text
from tui.data import read_or_notify

from ..widgets.footer import KeysFooter
from ..widgets.safe import plain


def source_heading(source: Source) -> Text:
    heading = plain(source.title or source.file, style="bold")
    heading.append("\n")
    heading.append_text(plain(source.outlet or source.file))
    if source.published:
        heading.append(" · ")
        heading.append_text(plain(source.published))
    if source.url:
        heading.append("\n")
        heading.append_text(plain(source.url, style="dim"))
    return heading


class ArticleScreen(Screen[None]):
    """The full text of one article.

    Bindings: Esc goes back to the event; arrows, PgUp/PgDn scroll.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back", id="article.back", tooltip="Back to the event"),
    ]

    class _Loaded(Message):
        def __init__(self, body: str) -> None:
            super().__init__()
            self.body = body

    def __init__(self, source: Source, db_path: Path) -> None:
        super().__init__()
        self.source = source
        self.db_path = db_path

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(source_heading(self.source), id="article-heading")
        with VerticalScroll(id="article-scroll"):
            yield Static(Text("Loading…", style="dim"), id="article-body")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.query_one("#article-scroll").focus()
        self._load()

    @work(thread=True, exclusive=True)
    def _load(self) -> None:
        body = read_or_notify(self, self.db_path, lambda db: article_text(db, self.source.article_id))
        if body is not None:
            self.post_message(self._Loaded(body))

    @on(_Loaded)
    def _loaded(self, message: _Loaded) -> None:
        body = plain(message.body, multiline=True) if message.body else Text("(no text stored)", style="dim")
        self.query_one("#article-body", Static).update(body)

    def action_back(self) -> None:
        self.dismiss()
