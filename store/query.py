"""Reading the timeline back: filtered, paged, searched. Every view is a query
on an index, so it stays fast whatever the size of the database."""

from __future__ import annotations

import json
import re
from array import array
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

import sqlite_utils

from .db import total_events
from .provinces import provinces_by_code, resolve
from .text import strip_marks

KINDS = ("workshop", "conference", "week", "ceremony", "forum", "interview", "meeting", "other")


@dataclass(frozen=True)
class Filter:
    """What the user narrowed the timeline to. Every field is optional."""

    province: str | None = None  # any spelling: `Huế`, `thua thien hue`, `TP.HCM`
    since: str | None = None  # YYYY, YYYY-MM or YYYY-MM-DD, inclusive
    until: str | None = None  # inclusive
    kind: str | None = None
    search: str | None = None  # free text, diacritics optional

    def with_(self, **changes: Any) -> Filter:
        return replace(self, **changes)

    def describe(self) -> str:
        """One line for people: `province Đắk Lắk · since 2021 · "chuyển đổi số"`."""
        parts = []
        if self.province:
            prov = resolve(self.province)
            parts.append(f"province {prov.name_at(self.since) if prov else self.province}")
        if self.since:
            parts.append(f"since {self.since}")
        if self.until:
            parts.append(f"until {self.until}")
        if self.kind:
            parts.append(f"kind {self.kind}")
        if self.search:
            parts.append(f"search “{self.search}”")
        return " · ".join(parts) if parts else "all events"


@dataclass(frozen=True)
class EventRow:
    id: int
    title: str
    kind: str
    date_start: str | None
    date_end: str | None
    precision: str
    provinces: list[str]
    n_quotes: int
    n_targets: int
    n_sources: int

    @property
    def year(self) -> str:
        return (self.date_start or "")[:4] or "????"

    @property
    def date_label(self) -> str:
        return date_label(self.date_start, self.date_end, self.precision)


@dataclass(frozen=True)
class Source:
    article_id: int
    file: str
    outlet: str | None
    url: str | None
    published: str | None
    title: str | None


@dataclass(frozen=True)
class Quote:
    speaker: str | None
    role: str | None
    text: str
    direct: bool
    sources: list[str]  # outlets or file names


@dataclass(frozen=True)
class Target:
    text: str
    subject: str | None
    value: float | None
    unit: str | None
    comparator: str | None
    year: int | None
    kind: str  # "target" or "figure"


@dataclass(frozen=True)
class EventDetail:
    row: EventRow
    participants: list[tuple[str, str | None]] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)


def date_label(start: str | None, end: str | None, precision: str | None) -> str:
    """`26/03/2021`, `27–30/04/2021`, `04/2021`, `2021`, `~2024`, `?`."""

    def one(d: str) -> str:
        parts = d.split("-")
        return "/".join(reversed(parts))

    if not start:
        return "?"
    if precision == "range" and end and end != start:
        s, e = start.split("-"), end.split("-")
        if len(s) == 3 and len(e) == 3 and s[:2] == e[:2]:
            return f"{s[2]}–{e[2]}/{s[1]}/{s[0]}"
        return f"{one(start)}–{one(end)}"
    label = one(start)
    return f"~{label}" if precision == "approximate" else label


def _event_row(t: Sequence[Any]) -> EventRow:
    """An EventRow from a tuple of `_COLS`, as `db.conn.execute` gives it
    (quicker than sqlite-utils' dicts where rows are read one event at a time)."""
    eid, title, kind, date_start, date_end, precision, provinces, n_quotes, n_targets, n_sources = t
    return EventRow(
        id=eid,
        title=title or "",
        kind=kind or "other",
        date_start=date_start,
        date_end=date_end,
        precision=precision or "day",
        provinces=json.loads(provinces or "[]"),
        n_quotes=n_quotes or 0,
        n_targets=n_targets or 0,
        n_sources=n_sources or 0,
    )


_ROW_KEYS = ("id", "title", "kind", "date_start", "date_end", "precision", "provinces", "n_quotes", "n_targets",
             "n_sources")  # fmt: skip


def _row(r: dict) -> EventRow:
    """An EventRow from a sqlite-utils row of `_COLS` (and maybe more columns)."""
    return _event_row([r[k] for k in _ROW_KEYS])


_TOKEN = re.compile(r"[^\W_]+")


def fts_query(text: str) -> str | None:
    """A safe FTS5 query from user text: its words, each quoted, all required,
    the last one as a prefix. Never passes user syntax through."""
    # the tokenizer's words (`covid_19` is two) without their marks, `đ` as `d` (as the
    # index has it); a mark left apart (`x\u0301y`) stays inside its word, as in the index
    words = _TOKEN.findall(strip_marks(text))
    if not words:
        return None
    quoted = [f'"{w}"' for w in words]
    quoted[-1] += "*"
    return " ".join(quoted)


def _where(flt: Filter, *, rows: bool = True) -> tuple[str, list[Any], str]:
    """SQL WHERE clause, its parameters, and the FROM clause for a filter.

    Without `rows` (for counts, positions, keys and ids) a province filter
    reads its index alone, not the events it points to: those are random
    reads, 71,000 of them for a province of a million-event database."""
    clauses: list[str] = []
    args: list[Any] = []
    source = "events e"
    id_col = "e.id"
    if flt.province:
        prov = resolve(flt.province)
        if rows or flt.kind:
            source = "event_provinces ep join events e on e.id = ep.event_id"
        else:
            source = "event_provinces ep"
            id_col = "ep.event_id"
        clauses.append("ep.province = ?")
        args.append(prov.code if prov else "\x00none")
    date_col = "ep.date_sort" if flt.province else "e.date_sort"
    if flt.since:
        clauses.append(f"{date_col} >= ? and {date_col} < '9999'")  # not undated events (`9999`, `????-MM-DD`)
        args.append(flt.since)
    if flt.until:
        clauses.append(f"{date_col} < ?")
        args.append(flt.until + "\uffff")
    if flt.kind:
        clauses.append("e.kind = ?")
        args.append(flt.kind)
    if flt.search:
        q = fts_query(flt.search)
        if q is None:
            clauses.append("0")
        else:
            clauses.append(f"{id_col} in (select rowid from search_fts where search_fts match ?)")
            args.append(q)
            if not rows:
                # walk the view's date index, keeping the matches (the set is read once a
                # statement), rather than look up each match's date all over the file
                by_date = (
                    "idx_event_provinces_province_date_sort_event_id" if flt.province else "idx_events_date_sort_id"
                )
                if source in ("events e", "event_provinces ep"):
                    source += f" indexed by {by_date}"
                if flt.kind and not flt.province:
                    source = "events e indexed by idx_events_kind_date_sort_id"
    where = " and ".join(clauses) if clauses else "1"
    return where, args, source


def count_events(db: sqlite_utils.Database, flt: Filter = Filter()) -> int:
    """How many events `flt` selects: one indexed count (a search counts its
    matches). Callers that show a view keep it rather than asking again."""
    if flt == Filter():
        return total_events(db)
    if flt == Filter(province=flt.province):
        prov = resolve(flt.province or "")
        return total_events(db, prov.code) if prov else 0
    if flt.search and flt == Filter(search=flt.search):
        return search_count(db, flt.search)
    where, args, source = _where(flt, rows=False)
    return db.execute(f"select count(*) from {source} where {where}", args).fetchone()[0]


SortKey = tuple[str | None, int]
"""Where a row sits in timeline order: (date_sort, event id)."""


def _order(flt: Filter) -> tuple[str, str]:
    return ("ep.date_sort", "ep.event_id") if flt.province else ("e.date_sort", "e.id")


def has_undated_sort(db: sqlite_utils.Database, flt: Filter = Filter()) -> bool:
    """Whether some event of `flt` has no sort date at all (only in databases
    written by hand: loads write `9999`). Keyset paging skips such rows, so a
    view that has them pages by offset."""
    if not flt.province and flt != Filter() and not has_undated_sort(db, Filter()):
        return False  # none among all events (one index step), so none among some (no search read)
    where, args, source = _where(flt, rows=False)
    date_col, _ = _order(flt)
    sql = f"select exists(select 1 from {source} where {date_col} is null and ({where}))"
    return bool(db.execute(sql, args).fetchone()[0])


def seek_events(
    db: sqlite_utils.Database,
    flt: Filter = Filter(),
    *,
    key: SortKey | None = None,
    backwards: bool = False,
    skip: int = 0,
    limit: int = 200,
) -> list[tuple[SortKey, EventRow]]:
    """Rows of the filtered timeline with their sort keys, walking one index.

    Forwards: the rows after `key` (from the first row without one), oldest
    first. Backwards: the rows before `key` (from the last row without one),
    newest first. `skip` rows are passed over first; that costs a step along
    the index per row, so callers start from the nearest key they know.
    A `key` must not have a None date (see `has_undated_sort`).
    """
    where, args, source = _where(flt, rows=False)
    date_col, id_col = _order(flt)
    clauses = [f"({where})"]
    params = list(args)
    if key is not None:
        clauses.append(f"({date_col}, {id_col}) {'<' if backwards else '>'} (?, ?)")
        params += [key[0], key[1]]
    direction = "desc" if backwards else "asc"
    # the keys from the index alone (skipping costs no row reads), then their rows
    sql = (
        f"select {_COLS}, k.k_date, k.k_id from (select {date_col} as k_date, {id_col} as k_id from {source}"
        f" where {' and '.join(clauses)} order by {date_col} {direction}, {id_col} {direction} limit ? offset ?) k"
        f" join events e on e.id = k.k_id order by k.k_date {direction}, k.k_id {direction}"
    )
    return [((r["k_date"], r["k_id"]), _row(r)) for r in db.query(sql, [*params, limit, skip])]


def event_key(db: sqlite_utils.Database, event_id: int) -> SortKey | None:
    """The sort key of an event, None for an unknown id."""
    found = db.execute("select date_sort from events where id = ?", [event_id]).fetchone()
    return None if found is None else (found[0], event_id)


def event_position(db: sqlite_utils.Database, flt: Filter, event_id: int) -> int | None:
    """Where `event_id` is (or would be, if the filter leaves it out) in the
    filtered timeline: the number of rows before it. None for an unknown id.
    One indexed range count, whatever the size of the database."""
    key = event_key(db, event_id)
    return None if key is None else key_position(db, flt, key)


def key_position(db: sqlite_utils.Database, flt: Filter, key: SortKey) -> int:
    """The number of rows of the filtered timeline before sort key `key`."""
    where, args, source = _where(flt, rows=False)
    date_col, id_col = _order(flt)
    nulls_sql = f"select count(*) from {source} where {date_col} is null and ({where})"
    if key[0] is None:
        return db.execute(f"{nulls_sql} and {id_col} < ?", [*args, key[1]]).fetchone()[0]
    nulls = db.execute(nulls_sql, args).fetchone()[0]
    sql = f"select count(*) from {source} where ({date_col}, {id_col}) < (?, ?) and ({where})"
    return nulls + db.execute(sql, [key[0], key[1], *args]).fetchone()[0]


def search_count(db: sqlite_utils.Database, text: str) -> int:
    """How many events match a search (every event has its one search row)."""
    q = fts_query(text)
    if q is None:
        return 0
    return db.execute("select count(*) from search_fts where search_fts match ?", [q]).fetchone()[0]


SPARSE = 500  # a search matching fewer than one event in SPARSE is read as a list of ids


def search_view(db: sqlite_utils.Database, flt: Filter) -> tuple[int, array | None]:
    """How a search's view is read: its count and, when its matches are few,
    their ids in timeline order (each match's date is one read, fewer than
    walking the date index past thousands of others to fill a screen); when
    they are many, no ids: the view is paged by key along the date index,
    each page a short walk, like any other filter."""
    matches = search_count(db, flt.search or "")
    total = db.execute("select max(id) from events").fetchone()[0] or 0
    if matches * SPARSE < total:
        ids = timeline_ids(db, flt)
        return len(ids), ids
    return (matches if flt == Filter(search=flt.search) else count_events(db, flt)), None


def timeline_ids(db: sqlite_utils.Database, flt: Filter) -> array:
    """The ids of the events `flt` selects, in timeline order (8 bytes an event).

    A search's matches come from three full-text indexes and cannot be walked
    in date order, so its view is read once, with this, then paged from
    memory: its count is the length, and any page is `events_by_id`."""
    where, args, source = _where(flt, rows=False)
    date_col, id_col = _order(flt)
    if flt.search and not flt.province and not flt.kind:  # each match's sort date from a small index
        source = "events e indexed by idx_events_id_date_sort"
    elif flt.search and flt.province and not flt.kind:
        source = "event_provinces ep"
    sql = f"select {id_col} from {source} where {where} order by {date_col}, {id_col}"
    return array("q", (r[0] for r in db.execute(sql, args)))


def events_by_id(db: sqlite_utils.Database, ids: Sequence[int]) -> list[EventRow]:
    """The events with these ids, in the order given (unknown ids left out)."""
    if not ids:
        return []
    found: dict[int, EventRow] = {}
    for start in range(0, len(ids), 500):
        chunk = list(ids[start : start + 500])
        sql = f"select {_COLS} from events e where e.id in ({', '.join('?' * len(chunk))})"
        found.update((r["id"], _row(r)) for r in db.query(sql, chunk))
    return [found[i] for i in ids if i in found]


def ids_position(db: sqlite_utils.Database, ids: Sequence[int], key: SortKey) -> int:
    """The number of ids (in timeline order, from `timeline_ids`) before sort
    key `key`: a binary search, one point query a step."""

    def at(i: int) -> tuple[str, int]:
        row = db.execute("select date_sort from events where id = ?", [ids[i]]).fetchone()
        return ((row[0] if row else None) or "", ids[i])

    target = (key[0] or "", key[1])
    lo, hi = 0, len(ids)
    while lo < hi:
        mid = (lo + hi) // 2
        if at(mid) < target:
            lo = mid + 1
        else:
            hi = mid
    return lo


def date_position(db: sqlite_utils.Database, flt: Filter, day: str) -> int:
    """The number of rows of the filtered timeline dated before `day` (a
    YYYY, YYYY-MM or YYYY-MM-DD prefix): where the timeline reaches it."""
    return key_position(db, flt, (day, -1))


_COLS = (
    "e.id, e.title, e.kind, e.date_start, e.date_end, e.precision, e.provinces, e.n_quotes, e.n_targets, e.n_sources"
)


def page_events(db: sqlite_utils.Database, flt: Filter = Filter(), offset: int = 0, limit: int = 200) -> list[EventRow]:
    """Events in timeline order (oldest first), `limit` of them from `offset`."""
    where, args, source = _where(flt)
    order = "ep.date_sort, ep.event_id" if flt.province else "e.date_sort, e.id"
    sql = f"select {_COLS} from {source} where {where} order by {order} limit ? offset ?"
    return [_row(r) for r in db.query(sql, [*args, limit, offset])]


def all_events(db: sqlite_utils.Database, flt: Filter = Filter()) -> list[EventRow]:
    return list(iter_events(db, flt))


def iter_events(db: sqlite_utils.Database, flt: Filter = Filter()) -> Iterator[EventRow]:
    """The events `flt` selects in timeline order, read as they are used (memory stays flat)."""
    where, args, source = _where(flt)
    order = "ep.date_sort, ep.event_id" if flt.province else "e.date_sort, e.id"
    for t in db.conn.execute(f"select {_COLS} from {source} where {where} order by {order}", args):
        yield _event_row(t)


def count_rows(db: sqlite_utils.Database, flt: Filter = Filter()) -> int:
    """How many rows `iter_events` gives: the same query, counted."""
    where, args, source = _where(flt)
    return db.execute(f"select count(*) from {source} where {where}", args).fetchone()[0]


def get_event(db: sqlite_utils.Database, event_id: int) -> EventRow | None:
    t = db.conn.execute(f"select {_COLS} from events e where e.id = ?", [event_id]).fetchone()
    return _event_row(t) if t else None


def event_detail(db: sqlite_utils.Database, event_id: int) -> EventDetail | None:
    row = get_event(db, event_id)
    if row is None:
        return None
    run = db.conn.execute  # tuples: one event's rows at a time, many times over in a digest
    sources = [
        Source(*r)
        for r in run(
            "select a.id, a.file, a.outlet, a.url, a.published, a.title from event_sources es"
            " join articles a on a.id = es.article_id where es.event_id = ?"
            " order by a.published is null, a.published, a.file, a.id",
            [event_id],
        )
    ]
    quotes = [
        Quote(speaker, role, text, bool(direct), json.loads(srcs or "[]"))
        for speaker, role, text, direct, srcs in run(
            "select q.speaker, q.role, q.text, q.direct,"
            " (select json_group_array(src) from (select coalesce(a.outlet, a.file) as src from quote_sources qs"
            "  join articles a on a.id = qs.article_id where qs.quote_id = q.id order by a.file, a.id)) as srcs"
            " from quotes q where q.event_id = ? order by q.position, q.id",
            [event_id],
        )
    ]
    targets = [
        Target(*r)
        for r in run(
            "select text, subject, value, unit, comparator, year, kind from targets"
            " where event_id = ? order by position, id",
            [event_id],
        )
    ]
    participants: list[tuple[str, str | None]] = []
    seen: set[str] = set()
    for q in quotes:
        if q.speaker and q.speaker not in seen:
            seen.add(q.speaker)
            participants.append((q.speaker, q.role))
    return EventDetail(row, participants, sources, quotes, targets)


def article_text(db: sqlite_utils.Database, article_id: int) -> str:
    row = db.execute("select body from articles where id = ?", [article_id]).fetchone()
    return row[0] if row else ""


def provinces_present(db: sqlite_utils.Database) -> list[tuple[str, int]]:
    """(name, number of events) for each province that has events, most first.
    The name is the one in use at the latest event there."""
    out = []
    units = provinces_by_code()
    # the kept totals, and each province's latest date from its index: a few
    # reads, not a pass over every event's province (0.4 s at a million)
    totals = db.execute(
        "select substr(name, 10) as code, n from totals where name like 'province:%' and n > 0 order by n desc, code"
    ).fetchall()
    for code, n in totals:
        prov = units.get(code)
        if prov is None:
            continue
        # a unit that became part of another in 2025 keeps its own name here, so no two rows share one
        latest = None
        if prov.new_name == prov.name:
            latest = db.execute("select max(date_sort) from event_provinces where province = ?", [code]).fetchone()[0]
        out.append((prov.name_at(latest if latest and latest[:1].isdigit() else None), n))
    return out


def counts_by_year(db: sqlite_utils.Database, flt: Filter = Filter()) -> list[tuple[str, int]]:
    where, args, source = _where(flt, rows=False)
    col = "ep.date_sort" if flt.province else "e.date_sort"
    return [
        (r[0] or "????", r[1])
        for r in db.execute(
            f"select substr({col}, 1, 4) as y, count(*) from {source} where {where} group by y order by y", args
        ).fetchall()
        if r[0] and r[0].isdigit() and r[0] != "9999"  # undated events have no year to offer
    ]


@dataclass(frozen=True)
class Histogram:
    """Events of a view per month, from one aggregate query.

    `months` maps `YYYY-MM` to a count, for events dated to a day, a range or
    a month; `years` maps `YYYY` to the events known only by their year (or
    approximately); `undated` counts the rest (no date, or a day without a year).
    """

    months: dict[str, int]
    years: dict[str, int]
    undated: int

    @property
    def total(self) -> int:
        return sum(self.months.values()) + sum(self.years.values()) + self.undated

    def per_year(self) -> dict[str, int]:
        out: dict[str, int] = dict(self.years)
        for month, n in self.months.items():
            out[month[:4]] = out.get(month[:4], 0) + n
        return dict(sorted(out.items()))


def histogram(db: sqlite_utils.Database, flt: Filter = Filter()) -> Histogram:
    """The events of `flt` per month: one `group by` over the sort-date index
    (a few hundred groups back, whatever the number of events)."""
    where, args, source = _where(flt, rows=False)
    date_col, _ = _order(flt)
    months: dict[str, int] = {}
    years: dict[str, int] = {}
    undated = 0
    sql = f"select substr({date_col}, 1, 7) as m, count(*) from {source} where {where} group by m order by m"
    for bucket, n in db.execute(sql, args).fetchall():
        bucket = bucket or ""
        year = bucket[:4]
        if not (year.isdigit() and year != "9999"):
            undated += n
        elif len(bucket) == 7 and bucket[5:7].isdigit() and "01" <= bucket[5:7] <= "12":
            months[bucket] = n
        else:
            years[year] = years.get(year, 0) + n
    return Histogram(months, years, undated)
