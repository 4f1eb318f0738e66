"""Opening, creating and migrating the database (sqlite-utils throughout)."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlite_utils

SCHEMA_VERSION = 8
BUSY_MS = 30_000  # how long a writer waits for another before giving up


class StoreError(Exception):
    """A problem the user can act on; the message is one clear line."""


def default_db_path() -> Path:
    """`$SUKIEN_DB`, else `sukien.db` in the user's data folder
    (`$XDG_DATA_HOME/sukien`, normally `~/.local/share/sukien`)."""
    env = os.environ.get("SUKIEN_DB")
    if env:
        return Path(env).expanduser()
    base = os.environ.get("XDG_DATA_HOME") or os.path.join(os.path.expanduser("~"), ".local", "share")
    return Path(base) / "sukien" / "sukien.db"


def connect(path: str | os.PathLike[str] | None = None, *, create: bool = True) -> sqlite_utils.Database:
    """Open (and if need be create and migrate) the database at `path`.

    Raises StoreError with a clear message for a file that is not a sukien
    database, one from a newer version, or one that cannot be opened.
    """
    if path is None:
        path = default_db_path()
    if str(path) == ":memory:":
        db = sqlite_utils.Database(memory=True)
    else:
        p = Path(path)
        if not p.exists() and not create:
            raise StoreError(f"{p}: no database here; load articles first with `sukien load PATH`")
        try:
            p.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"{p.parent}: cannot create the folder ({exc.strerror})") from None
        try:
            conn = sqlite3.connect(str(p), timeout=BUSY_MS / 1000)  # one connection per thread
        except sqlite3.Error as exc:
            raise StoreError(f"{p}: cannot open the database ({exc})") from None
        db = sqlite_utils.Database(conn)
    try:
        migrate(db)
        # in WAL mode a commit then waits for no disk flush: after a power cut the
        # last commits may be gone, but the file is whole (a load can be run again)
        db.conn.execute("pragma synchronous = normal")
    except StoreError as exc:
        raise StoreError(f"{path}: {exc}") from None
    except sqlite3.OperationalError as exc:
        if "readonly" in str(exc):
            raise StoreError(
                f"{path}: the database is read-only and needs upgrading; use a copy you can write"
            ) from None
        if "locked" in str(exc):
            raise StoreError(f"{path}: the database is busy (another sukien is writing to it); try again") from None
        raise StoreError(f"{path}: not a usable sukien database ({exc})") from None
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{path}: not a usable sukien database ({exc})") from None
    return db


@contextmanager
def opened(path: str | os.PathLike[str] | None = None, *, create: bool = True) -> Iterator[sqlite_utils.Database]:
    """`connect`, closed again when the block ends (one connection per thread)."""
    db = connect(path, create=create)
    try:
        yield db
    finally:
        db.close()


@contextmanager
def writing(db: sqlite_utils.Database) -> Iterator[sqlite_utils.Database]:
    """One write transaction, all or nothing. BEGIN IMMEDIATE takes the write
    lock at the start (waiting up to BUSY_MS for another writer), so a second
    load waits its turn instead of failing when it upgrades a read."""
    db.conn.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        db.conn.rollback()
        raise
    else:
        db.conn.commit()


def schema_version(db: sqlite_utils.Database) -> int:
    if "meta" not in db.table_names():
        return 0
    row = db.execute("select value from meta where key = 'schema_version'").fetchone()
    return int(row[0]) if row else 0


def migrate(db: sqlite_utils.Database) -> None:
    """Bring the schema up to SCHEMA_VERSION, one step at a time."""
    version = schema_version(db)
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"the database has schema version {version}, newer than this sukien ({SCHEMA_VERSION}); upgrade sukien"
        )
    if version == SCHEMA_VERSION:
        return
    if version == 0 and [t for t in db.table_names() if not t.startswith("sqlite_")]:
        raise StoreError("an SQLite database, but not sukien's (it has other tables); choose another --db PATH")
    if db.memory is False:
        try:
            db.enable_wal()
        except sqlite3.OperationalError:
            pass
    with writing(db):
        if version < 1:
            _create_v1(db)
        if version < 2:
            _add_v2_indexes(db)
            if "text_sha256" not in db.table("articles").columns_dict:
                db.table("articles").add_column("text_sha256", str)
                db.table("articles").create_index(["text_sha256"], if_not_exists=True)
        if version < 4:
            _search_v4(db)
        if version < 5:
            _totals_v5(db)
        if version < 6:
            _province_totals_v6(db)
        if version < 7:
            _search_v7(db)
        # Version 8 creates no folded copies of titles and quotes (`title_folded`,
        # `text_folded`): nothing read them. An older database keeps its columns,
        # left empty from now on, rather than have its biggest tables rewritten;
        # the version tells an older sukien that this one's rows lack them.
        db.table("meta").upsert({"key": "schema_version", "value": str(SCHEMA_VERSION)}, pk="key")


def _create_v1(db: sqlite_utils.Database) -> None:
    db.table("meta").create({"key": str, "value": str}, pk="key", if_not_exists=True)
    db.table("provinces").create(
        {"code": str, "name": str, "name_before": str, "new_name": str, "aliases_folded": str},
        pk="code",
        if_not_exists=True,
    )
    db.table("articles").create(
        {
            "id": int,
            "file": str,
            "path": str,
            "sha256": str,  # of the file's bytes: an unchanged file is not read again
            "text_sha256": str,  # of the normalised text: the same article saved twice is one
            "url": str,
            "outlet": str,
            "title": str,
            "published": str,
            "published_precision": str,
            "published_source": str,
            "body": str,
            "facts": str,  # the article's own extracted facts, JSON
            "event_id": int,
        },
        pk="id",
        if_not_exists=True,
    )
    db.table("articles").create_index(["path"], unique=True, if_not_exists=True)
    db.table("articles").create_index(["sha256"], if_not_exists=True)
    db.table("articles").create_index(["text_sha256"], if_not_exists=True)
    db.table("articles").create_index(["event_id"], if_not_exists=True)
    db.table("events").create(
        {
            "id": int,
            "title": str,
            "kind": str,
            "date_start": str,
            "date_end": str,
            "precision": str,
            "date_sort": str,
            "year": int,
            "provinces": str,  # JSON list of names as at the event's date
            "provinces_new": str,  # JSON list of the 2025 units
            "terms": str,  # folded key terms, for grouping reports of one event
            "n_quotes": int,
            "n_targets": int,
            "n_sources": int,
        },
        pk="id",
        if_not_exists=True,
    )
    db.table("events").create_index(["date_sort", "id"], if_not_exists=True)
    db.table("events").create_index(["kind", "date_sort", "id"], if_not_exists=True)
    db.table("event_provinces").create(
        {"event_id": int, "province": str, "date_sort": str},
        pk=("event_id", "province"),
        foreign_keys=[("event_id", "events", "id")],
        if_not_exists=True,
    )
    db.table("event_provinces").create_index(["province", "date_sort", "event_id"], if_not_exists=True)
    db.table("event_sources").create(
        {"event_id": int, "article_id": int},
        pk=("event_id", "article_id"),
        foreign_keys=[("event_id", "events", "id"), ("article_id", "articles", "id")],
        if_not_exists=True,
    )
    db.table("event_sources").create_index(["article_id"], if_not_exists=True)
    db.table("people").create({"id": int, "name": str, "role": str, "name_folded": str}, pk="id", if_not_exists=True)
    db.table("people").create_index(["name_folded", "role"], unique=True, if_not_exists=True)
    db.table("quotes").create(
        {
            "id": int,
            "event_id": int,
            "article_id": int,
            "person_id": int,
            "speaker": str,
            "role": str,
            "text": str,
            "direct": int,
            "position": int,
        },
        pk="id",
        foreign_keys=[("event_id", "events", "id"), ("article_id", "articles", "id"), ("person_id", "people", "id")],
        if_not_exists=True,
    )
    db.table("quotes").create_index(["event_id", "position"], if_not_exists=True)
    db.table("quotes").create_index(["article_id"], if_not_exists=True)
    db.table("quote_sources").create(
        {"quote_id": int, "article_id": int},
        pk=("quote_id", "article_id"),
        foreign_keys=[("quote_id", "quotes", "id"), ("article_id", "articles", "id")],
        if_not_exists=True,
    )
    db.table("quote_sources").create_index(["article_id"], if_not_exists=True)
    db.table("targets").create(
        {
            "id": int,
            "event_id": int,
            "article_id": int,
            "text": str,
            "subject": str,
            "value": float,
            "unit": str,
            "comparator": str,
            "year": int,
            "kind": str,
            "position": int,
        },
        pk="id",
        foreign_keys=[("event_id", "events", "id"), ("article_id", "articles", "id")],
        if_not_exists=True,
    )
    db.table("targets").create_index(["event_id", "position"], if_not_exists=True)
    db.table("targets").create_index(["article_id"], if_not_exists=True)
    _fill_provinces(db)


def _totals_v5(db: sqlite_utils.Database) -> None:
    """Version 5: the number of events, kept by triggers. `count(*)` reads a
    whole index (0.43 s for a million events with a cold cache), and the
    timeline needs the number before it can draw its first screen."""
    db.conn.execute("create table if not exists totals (name text primary key, n integer not null)")
    db.conn.execute("insert or replace into totals (name, n) values ('events', (select count(*) from events))")
    for name, op, sign in (("events_total_insert", "insert", "+"), ("events_total_delete", "delete", "-")):
        db.conn.execute(
            f"create trigger if not exists {name} after {op} on events"
            f" begin update totals set n = n {sign} 1 where name = 'events'; end"
        )


def _province_totals_v6(db: sqlite_utils.Database) -> None:
    """Version 6: the number of events of each province (`province:01`), kept
    by triggers like the number of events: a province filter is counted from
    one row, not from 72,900 index entries (48 ms with a cold cache)."""
    db.conn.execute("delete from totals where name like 'province:%'")
    db.conn.execute(
        "insert into totals (name, n) select 'province:' || province, count(*) from event_provinces group by province"
    )
    db.conn.execute(
        "create trigger if not exists province_total_insert after insert on event_provinces begin"
        " insert into totals (name, n) values ('province:' || new.province, 1)"
        " on conflict (name) do update set n = n + 1; end"
    )
    db.conn.execute(
        "create trigger if not exists province_total_delete after delete on event_provinces begin"
        " update totals set n = n - 1 where name = 'province:' || old.province; end"
    )


def total_events(db: sqlite_utils.Database, province: str | None = None) -> int:
    """How many events the database holds, or files under the province with
    code `province` (one row read)."""
    name = f"province:{province}" if province else "events"
    row = db.execute("select n from totals where name = ?", [name]).fetchone()
    if row:
        return int(row[0])
    if province:
        return db.execute("select count(*) from event_provinces where province = ?", [province]).fetchone()[0]
    return db.execute("select count(*) from events").fetchone()[0]


def _add_v2_indexes(db: sqlite_utils.Database) -> None:
    """Version 2: small covering indexes for a search's matches. A search
    finds ids in the full-text indexes and needs each one's event and sort
    date; read from the tables, those are random reads all over a large file
    (2.4 s for 35,000 matches of a million-event database with a cold cache),
    from these indexes 0.5 s. `store.query` names them (INDEXED BY)."""
    db.table("events").create_index(["id", "date_sort"], index_name="idx_events_id_date_sort", if_not_exists=True)
    db.table("quotes").create_index(["id", "event_id"], index_name="idx_quotes_id_event_id", if_not_exists=True)
    db.table("event_sources").create_index(
        ["article_id", "event_id"], index_name="idx_event_sources_article_id_event_id", if_not_exists=True
    )


# Full-text search, one row per event (its rowid is the event's id): the
# text of its title, its quotes and every article that reports it. A match is
# an event id with no lookup, so a search reads one small index (`detail=none`:
# which events hold a word, not where) and walks the timeline's own date index
# like any other filter. The tokenizer drops diacritics (`remove_diacritics 2`
# also drops the second mark of `ế`); `đ` has none to drop (it is a letter of
# its own), so it is written `d` as the row goes in, and `fts_query` does the
# same: `hue`, `dak lak` and the same words with their diacritics all match.
# Matches are not ranked, so no row's size is kept (`columnsize=0`). Prefix
# indexes: the last word of a search is a prefix (`so*`), read as one list
# instead of merging the lists of every word it begins (72 ms → 10 ms at 1M).
SEARCH_TABLE = "search_fts"
OLD_FTS = ("articles", "quotes", "events")  # versions 1-3: a full-text index per table
_SEARCH_CREATE = (
    f"create virtual table if not exists {SEARCH_TABLE} using fts5(text, detail=none, columnsize=0,"
    " prefix='1 2 3', tokenize='unicode61 remove_diacritics 2')"
)
_SEARCH_TEXT = (
    "select e.id, replace(replace(coalesce(e.title, '')"
    " || ' ' || coalesce((select group_concat(q.text, ' ') from quotes q where q.event_id = e.id), '')"
    " || ' ' || coalesce((select group_concat(coalesce(a.title, '') || ' ' || coalesce(a.body, ''), ' ')"
    " from event_sources es join articles a on a.id = es.article_id where es.event_id = e.id), ''),"
    " 'đ', 'd'), 'Đ', 'D')"
    " from events e"
)


def index_search(db: sqlite_utils.Database, where: str = "1", params: tuple | list = (), *, new: bool = False) -> None:
    """Write the search rows of the events `where` selects (a condition on
    `e`), from their rows as they are now. With `new` the events have no row
    yet: the delete is skipped (it would make the index write out what it holds)."""
    if not new:
        db.conn.execute(f"delete from {SEARCH_TABLE} where rowid in (select e.id from events e where {where})", params)
    db.conn.execute(f"insert into {SEARCH_TABLE} (rowid, text) {_SEARCH_TEXT} where {where}", params)


def search_text(*parts: str | None) -> str:
    """Words of a search row, from the text at hand rather than read back from
    the articles: the loader's new events (their title, and their one report's
    title and body, which hold its quotes: `_SEARCH_TEXT` without them, as they
    would cost a tenth of the index's time and find nothing more)."""
    return " ".join(p or "" for p in parts).replace("đ", "d").replace("Đ", "D")


def _search_v4(db: sqlite_utils.Database) -> None:
    """Version 4: one full-text row per event instead of an index per table
    (a match needed each quote's and article's event and then each event's
    date: tens of thousands of random reads for a common word)."""
    for name in OLD_FTS:
        table = db.table(name)
        if table.detect_fts():
            table.disable_fts()
    # the events' search rows are written by version 7's step, as every version now has them


def _search_v7(db: sqlite_utils.Database) -> None:
    """Version 7: the search rows from the text as written, the tokenizer
    dropping the diacritics. Before, each article's whole body was kept a
    second time folded, for this index alone: a sixth of the load's time went
    to folding it, and an eighth of the file to keeping it."""
    db.conn.execute(f"drop table if exists {SEARCH_TABLE}")
    if "body_folded" in db.table("articles").columns_dict:  # versions 1-6
        if sqlite3.sqlite_version_info >= (3, 35):
            db.conn.execute("alter table articles drop column body_folded")
        else:  # SQLite too old to drop a column: the copies go, the empty column stays
            db.conn.execute("update articles set body_folded = null")
    db.conn.execute(_SEARCH_CREATE)
    index_search(db)


def _fill_provinces(db: sqlite_utils.Database) -> None:
    import json

    from .provinces import all_provinces
    from .text import fold_key

    db.table("provinces").upsert_all(
        (
            {
                "code": p.code,
                "name": p.name,
                "name_before": p.name_before,
                "new_name": p.new_name,
                "aliases_folded": json.dumps(sorted({fold_key(a) for a in p.aliases}), ensure_ascii=False),
            }
            for p in all_provinces()
        ),
        pk="code",
    )
