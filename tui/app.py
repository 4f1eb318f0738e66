"""sukien's Textual app: the timeline of events, drill-down panes, filters,
search, the digest export and the command palette.

    from tui.app import SukienApp
    SukienApp("sukien.db").run()

All database work runs in thread workers, each opening its own connection.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import os
import sqlite3
import time
from functools import partial
from pathlib import Path
from typing import Any, ClassVar

from textual import on, work
from textual.app import App
from textual.binding import Binding, BindingType
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.worker import get_current_worker

from store.db import StoreError, opened
from store.query import KINDS, Filter, counts_by_year, provinces_present
from store.text import fold

from .screens.event import EventScreen
from .screens.help import HelpScreen, key_sections
from .screens.timeline import TimelineScreen
from .widgets.timeline import Timeline

DIGEST_NAME = "digest.md"
PROGRESS_EVERY_S = 3.0  # how often a long export says how far it is
EXPORT_STOP_S = 5.0  # how long quitting waits for an export to stop and clean up


class _ExportCancelled(Exception):
    """An export stopped before its end."""


def fold_chars(text: str) -> str:
    """`text` lower case without diacritics, one character for one (so match
    offsets in the folded text are offsets in `text`): `Huế` → `hue`."""
    return "".join((fold(c) or c)[:1] for c in text)


def _events(n: int) -> str:
    return f"{n:,} event{'' if n == 1 else 's'}"


def _palette_data(db_path: Path) -> tuple[list[tuple[str, int]], list[tuple[str, int]]]:
    """Provinces and years that have events (for the command palette)."""
    try:
        with opened(db_path) as db:
            return provinces_present(db), counts_by_year(db, Filter())
    except (StoreError, sqlite3.Error):
        return [], []


class SukienCommands(Provider):
    """Command palette entries: filter by province, kind or year; clear the
    filters; search; export the digest; show the keys."""

    async def startup(self) -> None:
        app = self.app
        assert isinstance(app, SukienApp)
        self._provinces, self._years = await asyncio.to_thread(_palette_data, app.db_path)

    def _commands(self) -> list[tuple[str, Any, str]]:
        app = self.app
        assert isinstance(app, SukienApp)
        commands: list[tuple[str, Any, str]] = [
            ("Clear filters", partial(app.apply_filter, Filter()), "Show every event"),
            ("Search…", app.action_search, "Search titles, quotes and articles (diacritics optional)"),
            ("Choose a province…", app.action_province, "Show the events of one province"),
            ("Export the digest", app.action_export, "Write a Markdown digest of this view to a file"),
            ("Show the keys", app.action_help, "List every key"),
        ]
        for name, n in self._provinces:
            commands.append((f"Province: {name}", partial(app.narrow, province=name), f"{_events(n)} in {name}"))
        for kind in KINDS:
            commands.append((f"Kind: {kind}", partial(app.narrow, kind=kind), f"Only {kind} events"))
        for year, n in self._years:
            commands.append((f"Year: {year}", partial(app.narrow, since=year, until=year), f"{_events(n)} in {year}"))
        return commands

    async def discover(self) -> Hits:
        for name, callback, help_text in self._commands()[:5]:
            yield DiscoveryHit(name, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        """Fuzzy, and diacritics optional: `hue` finds `Province: Thừa Thiên Huế`."""
        matcher = self.matcher(fold_chars(query))
        for name, callback, help_text in self._commands():
            score, offsets = matcher.fuzzy_search.match(matcher.query, fold_chars(name))
            if score > 0:
                shown = Content(name)  # plain text, never markup
                for offset in offsets:
                    shown = shown.stylize(matcher.match_style, offset, offset + 1)
                yield Hit(score, shown, callback, text=name, help=help_text)


class SukienApp(App[None]):
    """The sukien timeline explorer.

    Bindings (ids `app.*`): `e` exports the digest of the current view, `?`
    lists the keys, `q` quits; ctrl+p opens the command palette.
    """

    CSS_PATH = "app.tcss"
    TITLE = "sukien"
    COMMANDS: ClassVar = App.COMMANDS | {SukienCommands}

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("e", "export", "Export", id="app.export", tooltip="Write the digest of this view to digest.md"),
        Binding("question_mark", "help", "Help", id="app.help", tooltip="List the keys"),
        Binding("q", "quit", "Quit", id="app.quit", tooltip="Quit sukien"),
    ]

    class DigestWritten(Message):
        """The digest of `filter` is in `path`."""

        def __init__(self, path: Path, flt: Filter) -> None:
            super().__init__()
            self.path = path
            self.filter = flt

    class DigestFailed(Message):
        def __init__(self, error: str) -> None:
            super().__init__()
            self.error = error

    class DigestProgress(Message):
        """`done` of `total` events written so far."""

        def __init__(self, done: int, total: int) -> None:
            super().__init__()
            self.done = done
            self.total = total

    def __init__(
        self,
        db_path: str | os.PathLike[str],
        *,
        initial_filter: Filter | None = None,
        digest_path: str | os.PathLike[str] | None = None,
    ) -> None:
        super().__init__()
        self.db_path = Path(db_path)
        self.initial_filter = initial_filter or Filter()
        self.digest_path = Path(digest_path) if digest_path else None
        self.sub_title = self.db_path.name
        self._timeline_screen = TimelineScreen(self.db_path, self.initial_filter)

    def get_default_screen(self) -> Screen[Any]:
        return self._timeline_screen

    def on_ready(self) -> None:
        # The objects of start-up (Textual's, Rich's, the modules') live as
        # long as the app. Left to the collector, each full collection walks
        # them all: 50-60 ms, a stutter of whatever key it lands on (End at a
        # million events went from 11 ms to 65). Frozen, a collection walks
        # only what was made since. (What was alive then and dies later is not
        # collected: start-up's objects mostly live as long as the app.)
        gc.freeze()

    def on_unmount(self) -> None:
        gc.unfreeze()  # for the next app in this process (tests run many)

    @property
    def timeline_screen(self) -> TimelineScreen:
        return self._timeline_screen

    @property
    def timeline(self) -> Timeline:
        return self._timeline_screen.timeline

    @property
    def filter(self) -> Filter:
        """The filter of the timeline (the view the digest is written for)."""
        return self._timeline_screen.filter

    def _back_to_timeline(self) -> None:
        while len(self.screen_stack) > 1 and self.screen is not self._timeline_screen:
            self.pop_screen()

    def apply_filter(self, flt: Filter) -> None:
        """Show the timeline for `flt` (from any screen)."""
        self._back_to_timeline()
        self._timeline_screen.set_filter(flt)

    def narrow(self, **changes: Any) -> None:
        """Change some fields of the current filter: `narrow(province="Huế")`."""
        self.apply_filter(self.filter.with_(**changes))

    # ---- actions -------------------------------------------------------

    def action_search(self) -> None:
        self._back_to_timeline()
        self._timeline_screen.action_search()

    def action_province(self) -> None:
        self._back_to_timeline()
        self._timeline_screen.action_province()

    def action_help(self) -> None:
        if isinstance(self.screen, HelpScreen):
            return
        palette = Binding("ctrl+p", "command_palette", tooltip="Command palette: province, kind, year, export…")
        read = Binding("enter", "read_article", tooltip="In Sources: read the highlighted article in full")
        tables: list[tuple[str, list[BindingType]]] = [
            ("Timeline", [*Timeline.BINDINGS, *TimelineScreen.BINDINGS]),
            ("An event", [*EventScreen.BINDINGS, read]),
            ("Everywhere", [*self.BINDINGS, palette]),
        ]
        self.push_screen(HelpScreen(key_sections(self.get_key_display, tables)))

    async def action_quit(self) -> None:
        """Quit; an export under way is stopped first, so no partial file is left."""
        for worker in list(self.workers):
            if worker.group == "export" and not worker.is_finished:
                worker.cancel()
                with contextlib.suppress(Exception):
                    await asyncio.wait_for(worker.wait(), EXPORT_STOP_S)
        self.exit()

    def action_export(self) -> None:
        path = (self.digest_path or Path.cwd() / DIGEST_NAME).resolve()
        self.notify(f"Writing the digest of {self.filter.describe()}…", markup=False, timeout=2)
        self._export(self.filter, path)

    @work(thread=True, exclusive=True, group="export")
    def _export(self, flt: Filter, path: Path) -> None:
        worker = get_current_worker()
        shown = [time.monotonic()]

        def progress(done: int, total: int) -> None:
            if worker.is_cancelled:  # the app is closing, or a newer export replaced this one
                raise _ExportCancelled
            if time.monotonic() - shown[0] >= PROGRESS_EVERY_S:
                shown[0] = time.monotonic()
                self.post_message(self.DigestProgress(done, total))

        try:
            from store.digest import write_digest

            with opened(self.db_path) as db:
                path = write_digest(db, flt, path, progress=progress)
        except _ExportCancelled:
            return  # the partial file is already removed
        except ImportError as exc:
            self.post_message(self.DigestFailed(f"the digest is not available in this build ({exc})"))
        except (StoreError, sqlite3.Error, OSError) as exc:
            self.post_message(self.DigestFailed(str(exc)))
        else:
            self.post_message(self.DigestWritten(path, flt))

    @on(DigestWritten)
    def _digest_written(self, message: DigestWritten) -> None:
        self.notify(
            f"Digest of {message.filter.describe()} written to {message.path}",
            title="Exported",
            markup=False,
            timeout=8,
        )

    @on(DigestProgress)
    def _digest_progress(self, message: DigestProgress) -> None:
        self.notify(
            f"Writing the digest of {_events(message.total // 2)}: {100 * message.done // message.total}%…",
            markup=False,
            timeout=max(PROGRESS_EVERY_S - 0.2, 1.0),  # gone as the next one comes
        )

    @on(DigestFailed)
    def _digest_failed(self, message: DigestFailed) -> None:
        self.notify(message.error, title="Export failed", severity="error", markup=False)


def run_app(db_path: str | os.PathLike[str], *, initial_filter: Filter | None = None) -> None:
    """Open the timeline of the database at `db_path`."""
    SukienApp(db_path, initial_filter=initial_filter).run()
