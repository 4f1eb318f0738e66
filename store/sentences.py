"""Splitting paragraphs into sentences, keeping offsets."""

from __future__ import annotations

import re

# A sentence ends at . ! ? … followed by a space and a capital or a quote mark,
# not inside a number (`1.715`) or an abbreviation (`TP. Hồ Chí Minh`, `PGS.TS.`).
_END = re.compile(r"(?<=[.!?…])[\"”»']?\s{1,3}(?=[\"“«']?[A-ZÀ-ỸĐ0-9])")
_ABBR = re.compile(r"(?:\b(?:TP|Tp|PGS|GS|TS|ThS|BS|Th\.S|St|Mr|Mrs|Dr|ông|bà)\.|\b[A-ZĐ]\.)$")


def split_sentences(paragraph: str) -> list[tuple[int, int]]:
    """(start, end) spans of the sentences in `paragraph`."""
    spans = []
    start = 0
    for m in _END.finditer(paragraph):
        head = paragraph[start : m.start()]
        if _ABBR.search(head):
            continue
        spans.append((start, m.start()))
        start = m.end()
    if start < len(paragraph):
        spans.append((start, len(paragraph)))
    return spans
