"""Data-side helpers for the timeline (no Textual here).

`event_position` is a query that belongs in `store/query.py`; it lives here
until it moves (it uses the private `store.query._where`).
"""

from __future__ import annotations

from dataclasses import dataclass

import sqlite_utils

from store.query import EventRow, Filter, _where, page_events

PAGE_SIZE = 200


@dataclass(frozen=True)
class Page:
    """One page of timeline rows, and the year of the row just before it (so
    the first row knows whether it starts a new year without loading more)."""

    number: int
    rows: list[EventRow]
    prev_year: str | None


def fetch_page(db: sqlite_utils.Database, flt: Filter, number: int, size: int = PAGE_SIZE) -> Page:
    """Rows `number * size` … `number * size + size - 1` of the filtered timeline."""
    offset = number * size
    if offset == 0:
        return Page(number, page_events(db, flt, 0, size), None)
    rows = page_events(db, flt, offset - 1, size + 1)
    if not rows:
        return Page(number, [], None)
    return Page(number, rows[1:], rows[0].year)


def event_position(db: sqlite_utils.Database, flt: Filter, event_id: int) -> int | None:
    """Where `event_id` is (or would be, if the filter leaves it out) in the
    filtered timeline: the number of rows before it. None for an unknown id.
    One indexed range count, whatever the size of the database."""
    found = db.execute("select date_sort from events where id = ?", [event_id]).fetchone()
    if found is None:
        return None
    where, args, source = _where(flt)
    date_col, id_col = ("ep.date_sort", "ep.event_id") if flt.province else ("e.date_sort", "e.id")
    nulls = db.execute(f"select count(*) from {source} where ({where}) and {date_col} is null", args).fetchone()[0]
    if found[0] is None:
        sql = f"select count(*) from {source} where ({where}) and {date_col} is null and {id_col} < ?"
        return db.execute(sql, [*args, event_id]).fetchone()[0]
    sql = f"select count(*) from {source} where ({where}) and ({date_col}, {id_col}) < (?, ?)"
    return nulls + db.execute(sql, [*args, found[0], event_id]).fetchone()[0]
