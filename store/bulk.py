"""Writing many events at once, straight into the schema, without extraction:
for generated benchmark databases, imports from other tools, and tests.

    from store.bulk import NewArticle, NewEvent, NewQuote, insert_events
    insert_events(db, [NewEvent("Hội thảo chuyển đổi số", "workshop", "2021-03-26",
                                provinces=["Đắk Lắk"], articles=[NewArticle("a.txt", "…", "…")],
                                quotes=[NewQuote("…", "Nguyễn Văn A")])])

Every row a load would write is written, and consistently: the event with its
sort date, year, province names as at its date and counts; its
`event_provinces`, `event_sources`, `quote_sources` and `people` rows; each
article with its own facts (the JSON `load.rebuild_event`
reads, so a later load that groups a real report into a bulk event rebuilds it
to the same thing); the search row of each event. Rows go in
with `executemany`, `batch` events to a transaction.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import sqlite_utils

from .db import index_search
from .provinces import Province, all_provinces, resolve
from .text import fold_key

BATCH = 20_000


@dataclass
class NewArticle:
    file: str
    title: str | None
    body: str
    url: str | None = None
    outlet: str | None = None
    published: str | None = None
    published_precision: str | None = None
    published_source: str | None = None
    path: str | None = None  # unique; default `bulk/<article id>/<file>`
    sha256: str | None = None  # default: the hash of the body (`text_sha256` is always that of title and body)


@dataclass
class NewQuote:
    text: str
    speaker: str | None = None
    role: str | None = None
    direct: bool = True
    article: int = 0  # which of the event's articles it is from


@dataclass
class NewTarget:
    text: str
    value: float | None
    unit: str | None
    kind: str = "target"  # or "figure"
    subject: str | None = None
    comparator: str | None = None
    year: int | None = None
    article: int = 0


@dataclass
class NewEvent:
    title: str
    kind: str
    date_start: str | None  # YYYY-MM-DD (or a prefix); None: undated
    date_end: str | None = None
    precision: str = "day"
    provinces: Sequence[str] = ()  # codes or any name `resolve` knows
    terms: Sequence[str] = ()  # folded key terms (for grouping later reports)
    articles: Sequence[NewArticle] = field(default_factory=list)
    quotes: Sequence[NewQuote] = field(default_factory=list)
    targets: Sequence[NewTarget] = field(default_factory=list)


_EVENT_COLS = (
    "id, title, kind, date_start, date_end, precision, date_sort, year, provinces, provinces_new,"
    " terms, n_quotes, n_targets, n_sources"
)
_ARTICLE_COLS = (
    "id, file, path, sha256, url, outlet, title, published, published_precision, published_source, body,"
    " facts, event_id, text_sha256"
)
_QUOTE_COLS = "id, event_id, article_id, person_id, speaker, role, text, direct, position"
_TARGET_COLS = "id, event_id, article_id, text, subject, value, unit, comparator, year, kind, position"


def _insert_sql(table: str, cols: str) -> str:
    n = cols.count(",") + 1
    return f"insert into {table} ({cols}) values ({', '.join('?' * n)})"


class _Writer:
    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db
        self.by_code: dict[str, Province] = {p.code: p for p in all_provinces()}
        self.codes: dict[str, str | None] = {}
        self.people: dict[str, int] = {r[0]: r[1] for r in db.execute("select name_folded, id from people")}
        self.new_people: list[tuple[int, str, str | None, str]] = []

        def next_id(table: str) -> int:
            return (db.execute(f"select max(id) from {table}").fetchone()[0] or 0) + 1

        self.event_id = next_id("events")
        self.article_id = next_id("articles")
        self.quote_id = next_id("quotes")
        self.target_id = next_id("targets")
        self.person_id = next_id("people")
        self.reset()

    def reset(self) -> None:
        self.events: list[tuple] = []
        self.links: list[tuple] = []
        self.articles: list[tuple] = []
        self.sources: list[tuple] = []
        self.quotes: list[tuple] = []
        self.quote_sources: list[tuple] = []
        self.targets: list[tuple] = []
        self.new_people = []

    def code(self, name: str) -> str | None:
        if name not in self.codes:
            if name in self.by_code:
                self.codes[name] = name
            else:
                found = resolve(name)
                self.codes[name] = found.code if found else None
        return self.codes[name]

    def person(self, name: str, role: str | None) -> int:
        key = fold_key(name)
        pid = self.people.get(key)
        if pid is None:
            pid = self.people[key] = self.person_id
            self.person_id += 1
            self.new_people.append((pid, name, role, key))
        return pid

    def add(self, ev: NewEvent) -> None:
        eid = self.event_id
        self.event_id += 1
        start = ev.date_start
        codes = list(dict.fromkeys(c for c in (self.code(p) for p in ev.provinces) if c))
        provinces = [self.by_code[c] for c in codes]
        names = [p.name_at(start) for p in provinces]
        date_sort = start or "9999"
        terms = list(ev.terms)
        self.links.extend((eid, c, date_sort) for c in codes)
        article_ids = list(range(self.article_id, self.article_id + len(ev.articles)))
        self.article_id += len(ev.articles)
        quotes: list[list[dict[str, Any]]] = [[] for _ in article_ids]
        targets: list[list[dict[str, Any]]] = [[] for _ in article_ids]
        for position, q in enumerate(ev.quotes, 1):
            aid = article_ids[q.article] if article_ids else None
            pid = self.person(q.speaker, q.role) if q.speaker else None
            qid = self.quote_id
            self.quote_id += 1
            self.quotes.append((qid, eid, aid, pid, q.speaker, q.role, q.text, int(q.direct), position))
            if aid is not None:
                self.quote_sources.append((qid, aid))
                quotes[q.article].append(
                    {
                        "speaker": q.speaker,
                        "role": q.role,
                        "text": q.text,
                        "direct": q.direct,
                        "paragraph": 0,
                        "qa": False,
                    }
                )
        for position, t in enumerate(ev.targets):
            aid = article_ids[t.article] if article_ids else None
            tid = self.target_id
            self.target_id += 1
            self.targets.append(
                (tid, eid, aid, t.text, t.subject, t.value, t.unit, t.comparator, t.year, t.kind, position)
            )
            if aid is not None:
                targets[t.article].append(
                    {"text": t.text, "subject": t.subject, "value": t.value, "unit": t.unit,
                     "comparator": t.comparator, "year": t.year, "kind": t.kind, "paragraph": 0}
                )  # fmt: skip
        for i, (aid, art) in enumerate(zip(article_ids, ev.articles, strict=True)):
            facts = {
                "file": art.file,
                "published": art.published,
                "event_start": start,
                "event_end": ev.date_end if start else None,
                "precision": ev.precision,
                "year_known": bool(start),
                "kind": ev.kind,
                "title": ev.title,
                "provinces": codes,
                "province_names": names,
                "speakers": [{"name": q["speaker"], "role": q["role"]} for q in quotes[i] if q["speaker"]],
                "quotes": quotes[i],
                "targets": targets[i],
                "terms": terms,
            }
            body = art.body
            self.articles.append(
                (aid, art.file, art.path or f"bulk/{aid}/{art.file}",
                 art.sha256 or hashlib.sha256(body.encode("utf-8")).hexdigest(), art.url, art.outlet, art.title,
                 art.published, art.published_precision, art.published_source, body,
                 json.dumps(facts, ensure_ascii=False), eid,
                 hashlib.sha256((art.title or "").encode() + b"\n" + body.encode()).hexdigest())
            )  # fmt: skip
            self.sources.append((eid, aid))
        self.events.append(
            (eid, ev.title, ev.kind, start, ev.date_end if start else None,
             ev.precision if start else "unknown", date_sort, int(start[:4]) if start else None,
             json.dumps(names, ensure_ascii=False),
             json.dumps(sorted({p.new_name for p in provinces}), ensure_ascii=False),
             json.dumps(terms, ensure_ascii=False), len(ev.quotes), len(ev.targets), len(article_ids))
        )  # fmt: skip

    def flush(self) -> None:
        if not self.events:
            return
        conn = self.db.conn
        with conn:  # one transaction: the batch lands whole or not at all
            conn.executemany("insert into people (id, name, role, name_folded) values (?, ?, ?, ?)", self.new_people)
            conn.executemany(_insert_sql("events", _EVENT_COLS), self.events)
            conn.executemany("insert into event_provinces (event_id, province, date_sort) values (?, ?, ?)", self.links)
            conn.executemany(_insert_sql("articles", _ARTICLE_COLS), self.articles)
            conn.executemany("insert into event_sources (event_id, article_id) values (?, ?)", self.sources)
            conn.executemany(_insert_sql("quotes", _QUOTE_COLS), self.quotes)
            conn.executemany("insert into quote_sources (quote_id, article_id) values (?, ?)", self.quote_sources)
            conn.executemany(_insert_sql("targets", _TARGET_COLS), self.targets)
            index_search(self.db, "e.id between ? and ?", [self.events[0][0], self.events[-1][0]])
        self.reset()


def insert_events(
    db: sqlite_utils.Database,
    events: Iterable[NewEvent],
    *,
    batch: int = BATCH,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Write `events` (and their articles, quotes and targets) after the rows
    already there; returns how many were written. Each batch of `batch` events
    is one transaction; `progress(n)` is called after each with the total so far."""
    writer = _Writer(db)
    n = 0
    for ev in events:
        writer.add(ev)
        n += 1
        if len(writer.events) >= batch:
            writer.flush()
            if progress:
                progress(n)
    writer.flush()
    if progress:
        progress(n)
    return n
