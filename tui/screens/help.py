"""The keys, listed from the binding tables themselves (so they never drift)."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

KeySection = tuple[str, list[tuple[str, str]]]  # (heading, [(keys, what they do)])


def key_sections(
    key_display: Callable[[Binding], str], tables: list[tuple[str, list[BindingType]]]
) -> list[KeySection]:
    """(heading, [(keys, description)]) from binding tables; keys bound to the
    same action are shown together (`↓ j`)."""
    sections: list[KeySection] = []
    for heading, bindings in tables:
        by_action: dict[str, tuple[list[str], str]] = {}
        for binding in bindings:
            if not isinstance(binding, Binding):
                continue
            keys, description = by_action.setdefault(binding.action, ([], binding.tooltip or binding.description))
            for key in binding.key.split(","):
                shown = key_display(Binding(key.strip(), binding.action))
                if shown not in keys:
                    keys.append(shown)
        sections.append((heading, [(" ".join(keys), description) for keys, description in by_action.values()]))
    return sections


def help_text(sections: list[KeySection]) -> Text:
    out = Text(end="")
    for heading, rows in sections:
        if out:
            out.append("\n")
        out.append(f"{heading}\n", style="bold underline")
        for keys, description in rows:
            out.append(f"  {keys:<16}", style="bold")
            out.append(f"{description}\n")
    return out


class HelpScreen(ModalScreen[None]):
    """The keys of every screen. Esc, q or ? closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "close", "Close", id="help.close", tooltip="Close the key list"),
    ]

    def __init__(self, sections: list[KeySection]) -> None:
        super().__init__()
        self.sections = sections

    def compose(self) -> ComposeResult:
        with Vertical(id="help-dialog"):
            yield Static(Text("sukien: keys", style="bold", end=""), id="help-title")
            with VerticalScroll(id="help-scroll"):
                yield Static(help_text(self.sections), id="help-body")
            yield Static(Text("Esc closes · the mouse works too: click a row to open it", style="dim"), id="help-foot")

    def on_mount(self) -> None:
        self.query_one("#help-scroll").focus()

    def action_close(self) -> None:
        self.dismiss()
