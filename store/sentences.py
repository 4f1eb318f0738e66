"""Splitting paragraphs into sentences, keeping offsets."""

from __future__ import annotations

import re

# A sentence ends at . ! ? … followed by a space and a capital or a quote mark,
# not inside a number (`1.715`) or an abbreviation (`TP. Hồ Chí Minh`, `PGS.TS.`).
# The mark is matched, not looked behind for, so that the engine jumps from mark to mark.
_END = re.compile(r"[.!?…][\"”»']?\s{1,3}(?=[\"“«']?[A-ZÀ-ỸĐ0-9])")
_ABBR = re.compile(r"(?:\b(?:TP|Tp|PGS|GS|TS|ThS|BS|Th\.S|St|Mr|Mrs|Dr|ông|bà)\.|\b[A-ZĐ]\.)$")
_ABBR_LEN = 8  # longer than any abbreviation above with its dot (`Th.S.`)
# the letters an abbreviation above ends with, before its dot: most sentences end otherwise
_ABBR_LAST = frozenset("PpStrsgàĐABCDEFGHIJKLMNOPQRSTUVWXYZ")


def split_sentences(paragraph: str) -> list[tuple[int, int]]:
    """(start, end) spans of the sentences in `paragraph`."""
    spans = []
    start = 0
    for m in _END.finditer(paragraph):
        end = m.start() + 1  # after the mark
        # only the sentence's last characters can be an abbreviation (`\b` sees the one before them)
        if (
            paragraph[end - 1] == "."
            and paragraph[end - 2 : end - 1] in _ABBR_LAST
            and _ABBR.search(paragraph, max(start, end - _ABBR_LEN), end)
        ):
            continue
        spans.append((start, end))
        start = m.end()
    if start < len(paragraph):
        spans.append((start, len(paragraph)))
    return spans
