"""Loading articles into the database: idempotent (an unchanged file changes
nothing, a changed one replaces its rows), atomic per batch, and grouping the
reports of one event from several outlets into one event."""

from __future__ import annotations

import gc
import hashlib
import json
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from itertools import chain, islice
from pathlib import Path
from typing import Any

import orjson
import sqlite_utils

from . import NATIVE
from .article import BadArticle, parse_article
from .db import SEARCH_TABLE, index_search, search_text, writing
from .extract import extract
from .facts import facts_to_json
from .provinces import MERGER_DATE, plain_text, provinces_by_code, unit_code
from .text import WORD, fold, fold_key

BATCH = 200  # articles a transaction
WORKER_NICE = 10  # how much lower the workers' priority is than the writer's
CHUNK = 2 * BATCH  # files read into memory at a time


@dataclass
class LoadReport:
    loaded: int = 0
    replaced: int = 0
    unchanged: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    events: int = 0

    def summary(self) -> str:
        parts = [f"{self.loaded} loaded"]
        if self.replaced:
            parts.append(f"{self.replaced} replaced")
        parts.append(f"{self.unchanged} unchanged")
        parts.append(f"{len(self.skipped)} skipped")
        return ", ".join(parts) + f"; {self.events} events in the database"


def iter_files(paths: Iterable[str | os.PathLike[str]], report: LoadReport) -> Iterator[Path]:
    """Files under the given paths, in a stable order; hidden files left out.
    Broken links and missing paths are reported, not raised."""
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            for root, dirs, files in os.walk(p, followlinks=False):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if not name.startswith("."):
                        yield Path(root) / name
        elif p.is_file():
            yield p
        elif p.is_symlink():
            report.skipped.append((display(p), "broken symbolic link"))
        else:
            report.skipped.append((display(p), "no such file or folder"))


def display(path: Path | str) -> str:
    """A path as text that can be printed and stored, whatever its bytes."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


@dataclass
class _Parsed:
    key: str
    name: str
    sha256: str
    shown: str = ""  # the path as the user gave it, for messages
    row: dict[str, Any] | None = None  # its `body` as UTF-8 bytes
    facts_json: bytes | None = None  # UTF-8
    search: bytes | None = None  # its title and body for its event's search row, in UTF-8 (see `_parse_one`)
    error: str | None = None


def _parse_one(job: tuple[str, str, bytes | str, str | None, str]) -> _Parsed:
    """Read one article and extract its facts (runs in a worker process). The
    job holds the file's bytes, or its path for the worker to read."""
    key, name, data, today, shown = job
    if isinstance(data, str):
        path = Path(data)
        try:
            data = path.read_bytes()
        except (OSError, RuntimeError) as exc:
            return _Parsed(key, name, "", shown, error=_unreadable(path, exc))
    sha = hashlib.sha256(data).hexdigest()
    ref = date.fromisoformat(today) if today else None
    try:
        try:
            article = parse_article(data, name, ref)
            facts_json = facts_to_json(extract(article))
        except (BadArticle, RecursionError):
            raise
        except Exception:
            if not NATIVE:
                raise
            # the compiled extraction checks declared types as it runs, where plain
            # Python may go on: the article is read again by the plain modules
            article, facts_json = _read_plain(data, name, ref)
    except RecursionError:
        return _Parsed(key, name, sha, shown, error="text too deeply nested to read")
    except Exception as exc:  # noqa: BLE001 - one bad file must not stop the load; it is reported, not hidden
        if type(exc).__name__ == "BadArticle":  # this module's, or the plain copy's
            return _Parsed(key, name, sha, shown, error=str(exc))
        return _Parsed(key, name, sha, shown, error=f"could not be read as an article ({type(exc).__name__}: {exc})")
    # the body and the facts go to the writer as UTF-8, which is how the database keeps them: in
    # a str they would be encoded to be sent, decoded on arrival and encoded again to be written
    body = article.body.encode()
    row = {
        "file": article.file,
        "path": key,
        "sha256": article.sha256,
        "text_sha256": hashlib.sha256((article.title or "").encode() + b"\n" + body).hexdigest(),
        "url": article.url,
        "outlet": article.outlet,
        "title": article.title,
        "published": article.published,
        "published_precision": article.published_precision,
        "published_source": article.published_source,
        "body": body,
        "event_id": None,
    }
    # the words of its event's search row, made here: its text without diacritics, as its
    # provinces were found in it (`plain_text` keeps it; the index's tokenizer drops them as
    # well, but takes an eighth of the writer's time more to), or else as written (`search_text`)
    plain = plain_text([article.title or "", *article.paragraphs])
    search = (plain if plain is not None else search_text(article.title, article.body)).encode()
    return _Parsed(key, name, sha, shown, row=row, facts_json=facts_json, search=search)


def _read_plain(data: bytes, name: str, ref: date | None) -> tuple[Any, bytes]:
    """An article and its facts' JSON from the plain-Python modules (`native.pure`)."""
    from .native import pure

    article = pure("article").parse_article(data, name, ref)
    return article, pure("facts").facts_to_json(pure("extract").extract(article))


def _worker_init() -> None:
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C
    # the writer first: it keeps up with the results instead of leaving a backlog
    # to write alone, on one core, after the workers are done
    if hasattr(os, "nice"):
        os.nice(WORKER_NICE)


def load_paths(
    db: sqlite_utils.Database,
    paths: Iterable[str | os.PathLike[str]],
    *,
    progress: Callable[[int, int, str], None] | None = None,
    workers: int | None = None,
    today: str | None = None,
) -> LoadReport:
    """Load every article under `paths`. Unchanged files (same content hash at
    the same path) are not extracted again; extraction runs in `workers`
    processes (default: one per core) and one writer commits each batch in a
    transaction. Files are read a chunk at a time, so memory stays flat
    however large the folder."""
    from contextlib import ExitStack

    report = LoadReport()
    today = today or date.today().isoformat()
    files = list(iter_files(paths, report))
    total = len(files)
    known = {r["path"]: (r["id"], r["sha256"]) for r in db.query("select id, path, sha256 from articles")}
    n_workers = workers if workers is not None else (os.cpu_count() or 1)
    state = {"done": 0}
    with ExitStack() as stack:
        pool = None
        if n_workers > 1 and total >= 16:
            import multiprocessing as mp
            from concurrent.futures import ProcessPoolExecutor

            ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else None
            if ctx is not None:
                # what is alive now is what the workers start from: no collection walks it
                # again, in a worker (touching it would copy its pages) or here (the writer)
                gc.freeze()
                stack.callback(gc.unfreeze)
            pool = stack.enter_context(
                ProcessPoolExecutor(max_workers=n_workers, mp_context=ctx, initializer=_worker_init)
            )
        pending: Iterable[_Parsed] = ()
        try:
            # the workers extract one chunk while the writer commits the one before
            for start in range(0, total, CHUNK):
                jobs = _read_chunk(files[start : start + CHUNK], known, report, progress, state, total, today)
                ahead = (
                    pool.map(_parse_one, jobs, chunksize=_share(len(jobs), n_workers, last=start + CHUNK >= total))
                    if pool
                    else map(_parse_one, jobs)
                )
                _write_all(db, pending, known, report, progress, state, total)
                pending = ahead
            _write_all(db, pending, known, report, progress, state, total)
        except BaseException:
            if pool:
                pool.shutdown(wait=False, cancel_futures=True)
            raise
    if progress:
        progress(state["done"], total, "")
    report.events = db.execute("select count(*) from events").fetchone()[0]
    return report


def _share(jobs: int, workers: int, last: bool = False) -> int:
    """Jobs sent to a worker at a time: up to 64 (each send is a round trip
    through the parent, which is also the writer: 16 at a time cost the load
    about 0.1 s of CPU more), and at least two shares a worker, so the last
    ones of a chunk are not left to one worker while the other waits. Of the
    `last` chunk, eight shares a worker: its results come in as they are
    read, and the writer has little left to do when the workers stop."""
    return max(1, min(64, jobs // ((8 if last else 2) * workers)))


def _read_chunk(files, known, report, progress, state, total, today) -> list[tuple[str, str, bytes | str, str, str]]:  # noqa: ANN001
    """A chunk of files as jobs. A file loaded before is read and hashed here:
    if unchanged it is counted, not sent. The others go as their paths, for
    the workers to read (the writer's process reads and sends less)."""
    jobs: list[tuple[str, str, bytes | str, str, str]] = []
    folders: dict[Path, Path] = {}  # each folder resolved once: a file that is no link is its folder's
    for path in files:
        shown = display(path)
        try:
            if path.is_symlink() or path.name in ("", ".", ".."):
                key = display(path.resolve())
            else:
                folder = folders.get(path.parent)
                if folder is None:
                    folder = folders[path.parent] = path.parent.resolve()
                key = display(folder / path.name)
            if key not in known:
                jobs.append((key, display(path.name), os.fspath(path), today, shown))
                continue
            data = path.read_bytes()
        except (OSError, RuntimeError) as exc:
            report.skipped.append((shown, _unreadable(path, exc)))
            state["done"] += 1
            continue
        if known[key][1] == hashlib.sha256(data).hexdigest():
            report.unchanged += 1
            state["done"] += 1
            if progress:
                progress(state["done"], total, shown)
            continue
        jobs.append((key, display(path.name), data, today, shown))
    return jobs


def _unreadable(path: Path, exc: OSError | RuntimeError) -> str:
    """Why a file could not be read, in words."""
    if isinstance(exc, RuntimeError) or exc.errno == 40:  # RuntimeError: pathlib's word for a loop of links
        return "a loop of symbolic links"
    try:
        if path.is_symlink() and not path.exists():
            return "broken symbolic link"
    except OSError:
        pass
    return f"cannot read ({exc.strerror or exc})"


def _write_all(db, results, known, report, progress, state, total) -> None:  # noqa: ANN001
    """Write the results as they come, BATCH to a transaction: each is written
    while the workers read the next, so little is left when the last comes."""
    results = iter(results)
    for first in results:
        _write_batch(db, chain([first], islice(results, BATCH - 1)), known, report, progress, state, total)


def _write_batch(db, batch, known, report, progress, state, total) -> None:  # noqa: ANN001
    fresh: dict[int, bytes] = {}  # events new in this batch, with their one report: their search rows' text
    changed: set[int] = set()  # the others this batch changed: their search rows from the database
    people: dict[str, list] = {}
    next_id: int | None = None  # the id of the next new event
    with writing(db):  # one transaction: the batch lands whole or not at all
        for parsed in batch:
            state["done"] += 1
            if progress:
                progress(state["done"], total, parsed.shown)
            if parsed.error or parsed.row is None:
                report.skipped.append((parsed.shown, parsed.error or "unreadable"))
                continue
            key = parsed.key
            dup = db.conn.execute(
                "select path from articles where text_sha256 = ? and path != ?", [parsed.row["text_sha256"], key]
            ).fetchone()
            if dup:
                report.skipped.append((parsed.shown, f"same content as {Path(dup[0]).name}, already loaded"))
                continue
            old_event = None
            if key in known:
                old_id = known[key][0]
                row = db.execute("select event_id from articles where id = ?", [old_id]).fetchone()
                old_event = row[0] if row else None
                _delete_article(db, old_id)
                report.replaced += 1
            else:
                report.loaded += 1
            facts = orjson.loads(parsed.facts_json or b"{}")
            # the event's id first, so the article goes in once with its event set (an
            # update would write its whole row, body and all, a second time); a new event
            # is written by `rebuild_event` in one go, its id taken here (this transaction
            # is the only writer): inserted bare and then updated, its row and its three
            # indexes were written twice
            found = _find_event(db, facts)
            if found is None:
                if next_id is None:
                    next_id = (db.conn.execute("select max(id) from events").fetchone()[0] or 0) + 1
                event_id, next_id = next_id, next_id + 1
            else:
                event_id = found
                fresh.pop(event_id, None)  # new in this batch, with a second report now
                changed.add(event_id)
            row = {**parsed.row, "facts": parsed.facts_json, "event_id": event_id}
            article_id = db.conn.execute(
                f"insert into articles ({', '.join(row)}) values ({', '.join(_VALUE.get(c, '?') for c in row)})",
                list(row.values()),
            ).lastrowid
            known[key] = (article_id, parsed.sha256)
            db.conn.execute(
                "insert or ignore into event_sources (event_id, article_id) values (?, ?)", [event_id, article_id]
            )
            if found is None:  # its one report, known here: no rows to read back or clear
                member = {"id": article_id, "file": row["file"], "facts": facts, "published": row["published"]}
                title = rebuild_event(db, event_id, search=False, only=member, people=people)
                # its search row, from the text at hand; its quotes are words of it, not written twice
                fresh[event_id] = search_text(title).encode() + b" " + (parsed.search or b"")
            else:
                rebuild_event(db, event_id, search=False, people=people)
            if old_event is not None and old_event != event_id:
                rebuild_event(db, old_event, search=False, people=people)
                fresh.pop(old_event, None)
                changed.add(old_event)
        # the search rows last (a delete would make the index write out the rows it holds)
        if changed:
            index_search(db, "e.id in (select value from json_each(?))", [json.dumps(sorted(changed))])
        db.conn.executemany(f"insert into {SEARCH_TABLE} (rowid, text) values (?, cast(? as text))", fresh.items())


# the columns the worker sends as UTF-8 bytes: cast, they are kept as text (a blob would not be)
_VALUE = {"body": "cast(? as text)", "facts": "cast(? as text)"}


def _delete_article(db: sqlite_utils.Database, article_id: int) -> None:
    db.execute("delete from event_sources where article_id = ?", [article_id])
    db.execute("delete from quote_sources where article_id = ?", [article_id])
    db.execute("delete from articles where id = ?", [article_id])


def _overlaps(a0: str, a1: str | None, b0: str, b1: str | None, partial: bool) -> bool:
    """Date spans overlap (or touch within a day); `partial` compares month-day only."""
    if partial:
        a0, a1, b0, b1 = a0[5:], (a1 or a0)[5:], b0[5:], (b1 or b0)[5:]
    else:
        a1, b1 = a1 or a0, b1 or b0
    if len(a0) != len(b0):
        return False
    return not (a1 < b0 or b1 < a0)


def _find_event(db: sqlite_utils.Database, facts: dict[str, Any]) -> int | None:
    """An existing event this article reports: same province, same or
    overlapping dates, and shared key terms in the title."""
    start, end = facts.get("event_start"), facts.get("event_end")
    if not start or len(start) < 10 or not facts.get("provinces"):
        return None
    partial = not facts.get("year_known")
    terms = set(facts.get("terms") or [])
    best, best_score = None, 0.0
    for code in facts["provinces"]:
        if partial:
            rows = db.conn.execute(
                "select e.id, e.date_start, e.date_end, e.terms, e.kind from event_provinces ep join events e"
                " on e.id = ep.event_id where ep.province = ? and substr(e.date_start, 6) between ? and ?",
                [code, start[5:10], (end or start)[5:10]],
            ).fetchall()
        else:
            rows = db.conn.execute(
                "select e.id, e.date_start, e.date_end, e.terms, e.kind from event_provinces ep join events e"
                " on e.id = ep.event_id where ep.province = ? and ep.date_sort between ? and ?",
                [code, _shift(start, -1), _shift(end or start, 1)],
            ).fetchall()
            # events known so far only by day and month (`Ngày 26-3` in an undated article)
            rows += db.conn.execute(
                "select e.id, e.date_sort, null, e.terms, e.kind from event_provinces ep join events e"
                " on e.id = ep.event_id where ep.province = ? and ep.date_sort between ? and ?",
                [code, "????-" + start[5:10], "????-" + (end or start)[5:10]],
            ).fetchall()
        for eid, d0, d1, ev_terms, kind in rows:
            if not d0 or not _overlaps(start, end, d0, d1, partial or d0.startswith("?")):
                continue
            other = set(orjson.loads(ev_terms or "[]"))
            if not terms or not other:
                continue
            score = len(terms & other) / len(terms | other)
            if kind and kind == facts.get("kind"):
                score += 0.1
            if score > best_score:
                best, best_score = eid, score
    return best if best_score >= 0.35 else None


def _shift(day: str, days: int) -> str:
    try:
        return (date.fromisoformat(day[:10]) + timedelta(days=days)).isoformat()
    except ValueError:
        return day


def _similar(fa: list[str], fb: list[str]) -> bool:
    """Two reports of one statement (as folded words): they open alike, or one
    quotes the other's opening words somewhere inside a longer passage."""
    wa, wb = fa[:14], fb[:14]
    if not wa or not wb:
        return False
    sa, sb = set(wa), set(wb)
    if len(sa & sb) / min(len(sa), len(sb)) >= 0.7:
        return True
    short, long_ = (fa, fb) if len(fa) <= len(fb) else (fb, fa)
    return len(short) >= 8 and f" {' '.join(short[:8])} " in f" {' '.join(long_)} "


_EVENT_COLUMNS = (
    "title kind date_start date_end precision date_sort year provinces provinces_new terms n_quotes n_targets n_sources"
).split()
_EVENT_INSERT = (
    f"insert into events ({', '.join(_EVENT_COLUMNS)}, id) values ({', '.join(['?'] * (len(_EVENT_COLUMNS) + 1))})"
)
_EVENT_UPDATE = f"update events set {', '.join(c + ' = ?' for c in _EVENT_COLUMNS)} where id = ?"


def rebuild_event(
    db: sqlite_utils.Database,
    event_id: int,
    *,
    search: bool = True,
    only: dict[str, Any] | None = None,
    people: dict[str, list] | None = None,
) -> str | None:
    """Recompute an event from the facts of the articles that report it: its
    date, kind, title and places; its quotes (one per statement, with every
    source) and its targets. An event left with no source is removed. Without
    `search` its search row is left for the caller to write. `only` is the
    single report of a new event (`id`, `file`, `published` and its parsed
    `facts`): it has no rows yet to read or clear, and its row is inserted
    with the id given. `people` keeps the speakers looked up in this
    transaction (see `_person`). Returns the event's title (None if it is
    removed)."""
    if only is not None:
        members: list[dict[str, Any]] = [only]
        facts = [only["facts"]]
    else:
        members = list(
            db.query(
                "select a.id, a.file, a.facts, a.published from event_sources es join articles a"
                " on a.id = es.article_id where es.event_id = ? order by a.published is null, a.published, a.file",
                [event_id],
            )
        )
        db.execute("delete from quote_sources where quote_id in (select id from quotes where event_id = ?)", [event_id])
        db.execute("delete from quotes where event_id = ?", [event_id])
        db.execute("delete from targets where event_id = ?", [event_id])
        db.execute("delete from event_provinces where event_id = ?", [event_id])
        if not members:
            db.execute("delete from events where id = ?", [event_id])
            db.execute(f"delete from {SEARCH_TABLE} where rowid = ?", [event_id])
            return None
        facts = [orjson.loads(m["facts"]) for m in members]
    dated = [f for f in facts if f.get("year_known") and f.get("event_start")]
    main = dated[0] if dated else facts[0]
    start = main.get("event_start") if main.get("year_known") else None
    end = main.get("event_end") if start else None
    precision = main.get("precision") if start else None
    if start is None:
        # an undated report: fall back to its publication date, marked approximate
        pub = next((m["published"] for m in members if m["published"]), None)
        if pub:
            start, precision = pub, "approximate"
    if start is None and (main.get("event_start") or "").startswith("????-"):
        partial_day = main["event_start"]
    else:
        partial_day = None
    named = [f["title"] for f in facts if f.get("title")]
    title = next((t for t in named if len(t) <= 120), named[0]) if named else members[0]["file"]
    kinds = [f.get("kind") for f in facts if f.get("kind")]
    kind = kinds[0] if kinds else "other"
    codes: list[str] = []
    for f in facts:
        for c in f.get("provinces", []):
            if c not in codes:
                codes.append(c)
    provinces = provinces_by_code()
    names = list(dict.fromkeys(provinces[c].name_at(start) for c in codes if c in provinces))
    new_names = sorted({provinces[c].new_name for c in codes if c in provinces})
    terms = sorted({t for f in facts for t in f.get("terms", [])})
    date_sort = start or partial_day or "9999"
    # quotes: one per statement, with all its sources
    kept: list[dict] = []
    position = 0
    for m, f in zip(members, facts, strict=True):
        for q in f.get("quotes", []):
            words: list[str] | None = None  # folded, read only to compare with an earlier quote of its speaker
            same = None
            for k in kept:
                if k["speaker"] == q["speaker"]:
                    if words is None:
                        words = WORD.findall(fold(q["text"]))
                    if k["words"] is None:
                        k["words"] = WORD.findall(fold(k["text"]))
                    if _similar(k["words"], words):
                        same = k
                        break
            if same:
                same["sources"].add(m["id"])
                continue
            position += 1
            kept.append({**q, "words": words, "article_id": m["id"], "sources": {m["id"]}, "position": position})
    seen_targets: set[tuple] = set()
    target_rows: list[tuple[Any, ...]] = []
    for m, f in zip(members, facts, strict=True):
        for t in f.get("targets", []):
            key = (t.get("value"), fold_key(t.get("unit") or ""), t.get("kind"))
            if key in seen_targets:
                continue
            seen_targets.add(key)
            target_rows.append(
                (
                    event_id,
                    m["id"],
                    t["text"],
                    t.get("subject"),
                    t["value"],
                    t["unit"],
                    t.get("comparator"),
                    t.get("year"),
                    t["kind"],
                    len(target_rows),
                )
            )
    columns = [
        *(title, kind, start, end, precision or "unknown", date_sort, int(start[:4]) if start else None),
        *(orjson.dumps(v).decode() for v in (names, new_names, terms)),
        *(len(kept), len(target_rows), len(members), event_id),
    ]
    conn = db.conn
    conn.execute(_EVENT_INSERT if only is not None else _EVENT_UPDATE, columns)  # a new event goes in whole, once
    for k in kept:
        person_id = _person(db, k["speaker"], k.get("role"), people) if k.get("speaker") else None
        qid = conn.execute(
            "insert into quotes (event_id, article_id, person_id, speaker, role, text, direct, position)"
            " values (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                event_id,
                k["article_id"],
                person_id,
                k["speaker"],
                k.get("role"),
                k["text"],
                int(bool(k["direct"])),
                k["position"],
            ],
        ).lastrowid
        conn.executemany(
            "insert or ignore into quote_sources (quote_id, article_id) values (?, ?)",
            [(qid, a) for a in sorted(k["sources"])],
        )
    conn.executemany(
        "insert into targets (event_id, article_id, text, subject, value, unit, comparator, year, kind, position)"
        " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        target_rows,
    )
    filed = [c for c in codes if c in provinces]
    if date_sort[:1].isdigit() and date_sort >= MERGER_DATE[: len(date_sort)] and len(date_sort) >= 7:
        # after the 2025 merger an event is also filed under the unit it happened in (Phú Yên → Đắk Lắk)
        filed += [unit_code(provinces[c]) for c in filed]
    conn.executemany(
        "insert or ignore into event_provinces (event_id, province, date_sort) values (?, ?, ?)",
        [(event_id, c, date_sort) for c in dict.fromkeys(filed)],
    )
    if search:
        index_search(db, "e.id = ?", [event_id])
    return title


def _person(db: sqlite_utils.Database, name: str, role: str | None, seen: dict[str, list] | None = None) -> int:
    """The id of the person `name` (folded), added if new; a role is kept if
    none was known. `seen` remembers the answers ([id, role known]) for one
    transaction, in which no one else writes."""
    folded = fold_key(name)
    known = seen.get(folded) if seen is not None else None
    if known is None:
        row = db.conn.execute("select id, role from people where name_folded = ?", [folded]).fetchone()
        if row:
            known = [row[0], bool(row[1])]
        else:
            try:
                cur = db.conn.execute(
                    "insert into people (name, role, name_folded) values (?, ?, ?)", [name, role, folded]
                )
                known = [int(cur.lastrowid or 0), bool(role)]
            except sqlite3.IntegrityError:
                known = [db.execute("select id from people where name_folded = ?", [folded]).fetchone()[0], True]
        if seen is not None:
            seen[folded] = known
    if role and not known[1]:
        db.execute("update people set role = ? where id = ?", [role, known[0]])
        known[1] = True
    return int(known[0])
