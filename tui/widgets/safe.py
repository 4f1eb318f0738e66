"""Untrusted text made visible: article bodies, titles, quotes and names are
shown as the characters they contain, never obeyed.

Rich `Text` objects are built from the string (no markup is parsed), and control
characters are swapped for visible stand-ins first, so `[bold]` shows as
`[bold]` and `\\x1b[2J` shows as `␛[2J`.
"""

from __future__ import annotations

from rich.style import Style
from rich.text import Text

# C0 controls → the Unicode "control pictures" (␀ … ␟), DEL → ␡, C1 controls
# and bidirectional overrides → a `\\x9b`/`\\u202e` escape.
_ONE_LINE: dict[int, str] = {c: chr(0x2400 + c) for c in range(0x20)}
_ONE_LINE[0x7F] = "\u2421"
_ONE_LINE.update({c: f"\\x{c:02x}" for c in range(0x80, 0xA0)})
_ONE_LINE.update({c: f"\\u{c:04x}" for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))})
_ONE_LINE[0x2028] = "\u2424"  # line separator
_ONE_LINE[0x2029] = "\u2424"  # paragraph separator

_MULTI_LINE = dict(_ONE_LINE)
del _MULTI_LINE[0x0A]  # newline
del _MULTI_LINE[0x09]  # tab


def visible(text: str | None, *, multiline: bool = False) -> str:
    """`text` with every control character replaced by a visible stand-in.

    With `multiline`, newlines and tabs are kept (and `\\r\\n` becomes `\\n`).
    """
    if not text:
        return ""
    if multiline:
        return text.replace("\r\n", "\n").translate(_MULTI_LINE)
    return text.translate(_ONE_LINE)


def plain(text: str | None, style: str | Style = "", *, multiline: bool = False) -> Text:
    """A Rich `Text` showing `text` literally (no markup, no escape codes)."""
    return Text(visible(text, multiline=multiline), style=style, end="")
