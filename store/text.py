"""Text normalisation shared by every extractor: NFC, entities, folding."""

from __future__ import annotations

import html
import re
import unicodedata

_FOLD_TABLE = str.maketrans({"đ": "d", "Đ": "D"})
_SPACE = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_ENTITY = re.compile(r"&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});?")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _entity(match: re.Match[str]) -> str:
    raw = match.group(0)
    text = raw if raw.endswith(";") else raw + ";"
    out = html.unescape(text)
    return raw if out == text else out


def clean_line(line: str) -> str:
    """NFC, HTML entities decoded (also `&amp` without `;`), control
    characters dropped, runs of spaces collapsed."""
    line = unicodedata.normalize("NFC", line)
    if "&" in line:
        line = _ENTITY.sub(_entity, line)
        line = unicodedata.normalize("NFC", line)
    line = _CONTROL.sub("", line)
    return _SPACE.sub(" ", line).strip()


def _build_fold_table() -> dict[int, str | None]:
    table: dict[int, str | None] = {ord("đ"): "d", ord("Đ"): "d"}
    for cp in list(range(0x00C0, 0x0250)) + list(range(0x1E00, 0x1F00)):
        ch = chr(cp)
        base = "".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c))
        if base != ch and base.isascii():
            table[cp] = base.lower()
    for cp in range(0x0300, 0x0370):  # stray combining marks (decomposed input)
        table[cp] = None
    return table


_FAST_FOLD = _build_fold_table()


def fold(text: str) -> str:
    """Lower case, without diacritics (`đ` → `d` too): `Đắk Lắk` → `dak lak`."""
    out = text.translate(_FAST_FOLD).casefold()
    if out.isascii():
        return out
    # rarer letters: the slow, complete way
    out = unicodedata.normalize("NFD", out.translate(_FOLD_TABLE))
    return "".join(c for c in out if not unicodedata.combining(c))


_WORD = re.compile(r"\w+")


def fold_words(text: str) -> list[str]:
    """Folded word tokens, for matching and search."""
    return _WORD.findall(fold(text))


def fold_key(text: str) -> str:
    """A folded key with single spaces and no punctuation: `TP. Hồ Chí Minh` → `tp ho chi minh`."""
    return " ".join(fold_words(text))
