"""Choosing a province: type any spelling, diacritics optional."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from store.provinces import resolve
from store.query import provinces_present
from store.text import fold_key
from tui.data import read_or_notify

from ..widgets.safe import plain


class ProvinceScreen(ModalScreen[str | None]):
    """A province from those that have events. Dismissed with the chosen name,
    with `""` (nothing typed: show every province) or with None (cancelled).

    Bindings: ↑/↓ move in the list, Enter chooses, Esc cancels.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="province.cancel", tooltip="Keep the current filter"),
        Binding("down", "move(1)", "Next", show=False, id="province.down"),
        Binding("up", "move(-1)", "Previous", show=False, id="province.up"),
    ]

    class _Loaded(Message):
        def __init__(self, provinces: list[tuple[str, int]]) -> None:
            super().__init__()
            self.provinces = provinces

    def __init__(self, db_path: Path, current: str | None = None) -> None:
        super().__init__()
        self.db_path = db_path
        self.current = current
        self._provinces: list[tuple[str, int]] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="province-dialog"):
            yield Static("Province", id="province-title")
            yield Input(placeholder="Huế, dak lak, TP.HCM… (empty: all provinces)", id="province-input")
            yield OptionList(id="province-list")
            yield Static(Text("Enter chooses · empty shows all provinces · Esc cancels", end=""), id="province-help")

    def on_mount(self) -> None:
        self.query_one(OptionList).can_focus = False
        self._load()

    @work(thread=True, exclusive=True)
    def _load(self) -> None:
        provinces = read_or_notify(self, self.db_path, provinces_present)
        if provinces is not None:
            self.post_message(self._Loaded(provinces))

    @on(_Loaded)
    def _loaded(self, message: _Loaded) -> None:
        self._provinces = message.provinces
        self._show(self.query_one(Input).value)

    def _matches(self, typed: str) -> list[tuple[str, int]]:
        key = fold_key(typed)
        if not key:
            return self._provinces
        wanted = resolve(typed)
        out = []
        for name, n in self._provinces:
            province = resolve(name)
            if key in fold_key(name) or (wanted and province and wanted.code == province.code):
                out.append((name, n))
        return out

    def _show(self, typed: str) -> None:
        options = self.query_one(OptionList)
        options.clear_options()
        for name, n in self._matches(typed):
            prompt = plain(name)
            prompt.append(f"  {n:,} event{'s' if n != 1 else ''}", style="dim")
            options.add_option(Option(prompt, id=name))
        if typed.strip() and options.option_count:
            options.highlighted = 0

    @on(Input.Changed, "#province-input")
    def _typed(self, event: Input.Changed) -> None:
        self._show(event.value)

    @on(Input.Submitted, "#province-input")
    def _submitted(self, event: Input.Submitted) -> None:
        typed = event.value.strip()
        options = self.query_one(OptionList)
        if options.highlighted is not None and options.option_count:
            self.dismiss(options.get_option_at_index(options.highlighted).id)
        else:
            self.dismiss(typed)

    @on(OptionList.OptionSelected)
    def _clicked(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_move(self, step: int) -> None:
        options = self.query_one(OptionList)
        if not options.option_count:
            return
        if options.highlighted is None:
            options.highlighted = 0 if step > 0 else options.option_count - 1
        else:
            options.highlighted = max(0, min(options.option_count - 1, options.highlighted + step))

    def action_cancel(self) -> None:
        self.dismiss(None)
