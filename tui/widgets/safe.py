"""Untrusted text made visible: article bodies, titles, quotes and names are
shown as the characters they contain, never obeyed.

Rich `Text` objects are built from the string (no markup is parsed), and control
characters are swapped for visible stand-ins first, so `[bold]` shows as
`[bold]` and `\\x1b[2J` shows as `␛[2J`.
"""

from __future__ import annotations

from rich.style import Style
from rich.text import Text

from store.text import visible

__all__ = ["plain", "visible"]


def plain(text: str | None, style: str | Style = "", *, multiline: bool = False) -> Text:
    """A Rich `Text` showing `text` literally (no markup, no escape codes)."""
    return Text(visible(text, multiline=multiline), style=style, end="")
