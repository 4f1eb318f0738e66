"""Pages of the timeline, read from SQLite (no Textual here).

A page is PAGE_SIZE rows of the filtered timeline. It is read by walking an
index from the nearest place whose position is known: the start, the end, or
the edge of a page already in memory (keyset paging: `(date_sort, id) > key`).
So the next or previous page, the first and the last cost a few index steps
whatever the size of the database; only a jump into the unknown middle walks
the index (at most half the view) to get there. A search, whose matches cannot
be walked in date order, is read once as a list of ids (`timeline_ids`) and
paged from that.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import sqlite_utils

from store.query import EventRow, Filter, SortKey, events_by_id, seek_events

PAGE_SIZE = 64


@dataclass(frozen=True)
class Page:
    """One page of timeline rows, and the year of the row just before it (so
    the first row knows whether it starts a new year without loading more).
    `first_key` and `last_key` are the sort keys of its edge rows: places the
    neighbouring pages can be read from."""

    number: int
    rows: list[EventRow]
    prev_year: str | None
    first_key: SortKey | None = None
    last_key: SortKey | None = None


def _usable(key: SortKey | None) -> bool:
    return key is not None and key[0] is not None


def read_rows(
    db: sqlite_utils.Database,
    flt: Filter,
    lo: int,
    hi: int,
    *,
    count: int | None = None,
    anchors: Mapping[int, Page] | None = None,
    keyset: bool = True,
    size: int = PAGE_SIZE,
) -> list[tuple[SortKey, EventRow]]:
    """Rows `lo` … `hi - 1` of the filtered timeline (fewer at its end), with
    their keys, read from the cheapest place: the start, the end (when `count`
    is known) or the edge of one of the pages in `anchors` (when `keyset`)."""
    if count is not None:
        hi = min(hi, count)
    if hi <= lo:
        return []
    plans: list[tuple[int, Callable[[], list[tuple[SortKey, EventRow]]]]] = [
        (lo, lambda: seek_events(db, flt, skip=lo, limit=hi - lo))
    ]
    if count is not None:
        plans.append((count - hi, lambda: seek_events(db, flt, backwards=True, skip=count - hi, limit=hi - lo)[::-1]))
    for number, page in (anchors or {}).items() if keyset else ():
        first, last = number * size, number * size + len(page.rows) - 1
        if not page.rows or not (_usable(page.first_key) and _usable(page.last_key)):
            continue
        if last < lo:
            key = page.last_key
            plans.append(
                (lo - last - 1, lambda k=key, s=lo - last - 1: seek_events(db, flt, key=k, skip=s, limit=hi - lo))
            )
        elif first >= hi:
            key = page.first_key
            plans.append(
                (first - hi, lambda k=key, s=first - hi: seek_events(db, flt, key=k, backwards=True, skip=s,
                                                                      limit=hi - lo)[::-1])
            )  # fmt: skip
        elif first <= lo and last < hi - 1:  # the page holds the start of the range: read on from its end
            have = [(None, row) for row in page.rows[lo - first :]]
            key = page.last_key

            def read_on(k: SortKey | None = key, have: list = have) -> list[tuple[SortKey, EventRow]]:
                return [*have, *seek_events(db, flt, key=k, limit=hi - lo - len(have))]

            plans.append((0, read_on))
    _, best = min(plans, key=lambda plan: plan[0])
    return best()


def fetch_page(
    db: sqlite_utils.Database,
    flt: Filter,
    number: int,
    size: int = PAGE_SIZE,
    *,
    count: int | None = None,
    anchors: Mapping[int, Page] | None = None,
    keyset: bool = True,
    ids: Sequence[int] | None = None,
) -> Page:
    """Rows `number * size` … `number * size + size - 1` of the filtered
    timeline: from `ids` (the view's ids in order) when given, else see
    `read_rows` for where they are read from."""
    start = number * size
    lo = max(0, start - 1)  # and the row before, for its year
    if ids is not None:
        rows: list[tuple[SortKey | None, EventRow]] = [(None, r) for r in events_by_id(db, ids[lo : start + size])]
    else:
        rows = read_rows(db, flt, lo, start + size, count=count, anchors=anchors, keyset=keyset, size=size)  # type: ignore[assignment]
    prev_year = None
    if start > 0:
        if not rows:
            return Page(number, [], None)
        prev_year = rows[0][1].year
        rows = rows[1:]
    if not rows:
        return Page(number, [], prev_year)
    first_key = rows[0][0]
    if first_key is None:  # a row that came from an anchor page: its key is that page's
        first_key = next((p.last_key for p in (anchors or {}).values() if p.rows and p.rows[-1] is rows[0][1]), None)
    return Page(number, [row for _, row in rows], prev_year, first_key, rows[-1][0])
