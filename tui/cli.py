"""The `sukien` command line. Heavy modules are imported inside each command,
so `sukien --help` and the app start quickly."""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import sys
import textwrap
from pathlib import Path

EXIT_OK, EXIT_ERROR, EXIT_USAGE, EXIT_SKIPPED = 0, 1, 2, 3

EPILOG = """\
commands:
  sukien                      open the timeline app
  sukien load PATH...         read articles (files or folders) into the database
  sukien events               list events (--province, --json)
  sukien digest               write a markdown digest (--province, --since, --until, -o)
  sukien facts --jsonl        print the facts extracted from each article, one JSON object a line

The database is --db PATH, else $SUKIEN_DB, else ~/.local/share/sukien/sukien.db.
Exit codes: 0 success; 1 error; 2 bad usage; 3 loaded, but some files were skipped.
"""


def _db_arg(p: argparse.ArgumentParser, *, sub: bool = True) -> None:
    # On a subcommand the option must not reset a `--db` given before it (`sukien --db X load ...`).
    p.add_argument(
        "--db",
        metavar="PATH",
        default=argparse.SUPPRESS if sub else None,
        help="database file (default: $SUKIEN_DB or ~/.local/share/sukien/sukien.db)",
    )


def _filter_args(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--province", metavar="P", help="only events in this province (diacritics optional: 'hue', 'Đắk Lắk')"
    )
    p.add_argument("--since", metavar="DATE", help="only events on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD)")
    p.add_argument("--until", metavar="DATE", help="only events on or before DATE")
    p.add_argument("--kind", metavar="KIND", help="only events of this kind (workshop, conference, week, ...)")
    p.add_argument("--search", metavar="TEXT", help="only events whose text matches (diacritics optional)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sukien",
        description="A terminal timeline explorer for Vietnamese news.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _db_arg(parser, sub=False)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("app", help="open the timeline app (the default)")
    _db_arg(p)

    p = sub.add_parser(
        "load",
        help="read articles into the database",
        description="Read plain-text articles (files, or folders searched recursively) into the database. "
        "Unchanged files are skipped by content hash; changed files replace their old rows.",
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="article files or folders")
    p.add_argument("-q", "--quiet", action="store_true", help="print only the summary and problems")
    p.add_argument("-j", "--workers", type=int, metavar="N", help="extraction processes (default: one per core)")
    _db_arg(p)

    p = sub.add_parser("events", help="list events", description="List events in timeline order.")
    _filter_args(p)
    p.add_argument("--json", action="store_true", help="print a JSON list")
    _db_arg(p)

    p = sub.add_parser(
        "digest",
        help="write a markdown digest",
        description="Write a markdown summary of the selected events (to standard output, or -o FILE).",
    )
    _filter_args(p)
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")
    p.add_argument("--title", help="the digest's title")
    _db_arg(p)

    p = sub.add_parser(
        "facts",
        help="print per-article facts",
        description="Print the facts extracted from each article, one JSON object a line "
        "(the answer-key format of shared/eval/FORMAT.md).",
    )
    p.add_argument("--jsonl", action="store_true", help="JSON Lines output (the only format; kept for clarity)")
    _db_arg(p)
    return parser


def _fail(message: str, code: int = EXIT_ERROR) -> int:
    print(f"sukien: {message}", file=sys.stderr)
    return code


def _open(args: argparse.Namespace, *, create: bool = True):  # noqa: ANN202
    from store.db import connect, default_db_path

    path = args.db or str(default_db_path())
    return connect(path, create=create), path


def _filter(args: argparse.Namespace):  # noqa: ANN202
    from store.provinces import resolve
    from store.query import KINDS, Filter

    if args.province and resolve(args.province) is None:
        raise _UsageError(f"unknown province {args.province!r} (try a name such as 'Đắk Lắk', 'Huế' or 'TP.HCM')")
    if args.kind and args.kind not in KINDS:
        raise _UsageError(f"unknown kind {args.kind!r}; one of: {', '.join(KINDS)}")
    for name in ("since", "until"):
        value = getattr(args, name)
        if value and not _valid_date(value):
            raise _UsageError(f"--{name} {value!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
    return Filter(province=args.province, since=args.since, until=args.until, kind=args.kind, search=args.search)


def _valid_date(value: str) -> bool:
    import re
    from datetime import date

    m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value)
    if not m:
        return False
    try:
        date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))
    except ValueError:
        return False
    return True


class _UsageError(Exception):
    pass


def visible(text: str) -> str:
    from store.text import visible as _visible

    return _visible(text)


class _Progress:
    """A one-line progress bar on standard error: count, rate and ETA."""

    def __init__(self, enabled: bool) -> None:
        import time

        self.enabled = enabled
        self.start = time.monotonic()
        self.last = 0.0
        self.clock = time.monotonic

    def __call__(self, done: int, total: int, name: str) -> None:
        if not self.enabled:
            return
        now = self.clock()
        if now - self.last < 0.1 and done < total:
            return
        self.last = now
        elapsed = max(now - self.start, 1e-6)
        rate = done / elapsed
        eta = (total - done) / rate if rate > 0 else 0
        width = 24
        filled = int(width * done / total) if total else width
        bar = "█" * filled + "░" * (width - filled)
        line = f"{bar} {done}/{total} · {rate:.0f}/s · ETA {int(eta) // 60}:{int(eta) % 60:02d} · {visible(name[-30:])}"
        print(f"\r\x1b[K{line}", end="", file=sys.stderr, flush=True)

    def close(self) -> None:
        if self.enabled:
            print("\r\x1b[K", end="", file=sys.stderr, flush=True)


def cmd_load(args: argparse.Namespace) -> int:
    from store.load import load_paths

    db, path = _open(args)
    progress = _Progress(sys.stderr.isatty() and not args.quiet)
    try:
        report = load_paths(db, args.paths, progress=progress, workers=args.workers)
    finally:
        progress.close()
    for name, reason in report.skipped:
        print(f"skipped {visible(name)}: {visible(reason)}", file=sys.stderr)
    if not (report.loaded or report.replaced or report.unchanged or report.skipped):
        return _fail(f"no files found in {', '.join(args.paths)}")
    print(f"{report.summary()} ({path})")
    if report.loaded + report.replaced + report.unchanged == 0 and report.skipped:
        return EXIT_ERROR
    return EXIT_SKIPPED if report.skipped else EXIT_OK


def cmd_events(args: argparse.Namespace) -> int:
    from store.query import event_detail, iter_events

    flt = _filter(args)
    db, _ = _open(args, create=False)
    events = iter_events(db, flt)  # read and printed a row at a time
    if args.json:
        sys.stdout.write("[")
        n = 0
        for n, e in enumerate(events, 1):
            detail = event_detail(db, e.id)
            item = json.dumps(
                {
                    "id": e.id,
                    "title": e.title,
                    "kind": e.kind,
                    "date_start": e.date_start,
                    "date_end": e.date_end,
                    "precision": e.precision,
                    "provinces": e.provinces,
                    "sources": [s.file for s in detail.sources] if detail else [],
                    "quotes": e.n_quotes,
                    "targets": e.n_targets,
                },
                ensure_ascii=False,
                indent=2,
            )
            sys.stdout.write(("," if n > 1 else "") + "\n" + textwrap.indent(item, "  "))
        sys.stdout.write("\n]\n" if n else "]\n")  # as json.dumps(list, indent=2) writes it
        return EXIT_OK
    shown = 0
    for e in events:
        places = visible(", ".join(e.provinces)) or "-"
        line = f"{e.date_label:<14} {places:<18} {e.kind:<10} {visible(e.title)}"
        print(f"{line}  [q{e.n_quotes} t{e.n_targets} s{e.n_sources}]")
        shown += 1
    if not shown:
        print(f"no events ({flt.describe()})")
    return EXIT_OK


def cmd_digest(args: argparse.Namespace) -> int:
    from store.digest import digest_chunks, write_digest

    db, _ = _open(args, create=False)
    flt = _filter(args)
    if args.output:
        out = write_digest(db, flt, Path(args.output), title=args.title)
        print(f"digest written to {out}", file=sys.stderr)
    else:
        for chunk in digest_chunks(db, flt, title=args.title):  # written as it is made
            sys.stdout.write(chunk)
    return EXIT_OK


def cmd_facts(args: argparse.Namespace) -> int:
    from store.facts import answer_shape

    db, _ = _open(args, create=False)
    events = {r["id"]: r for r in db.query("select id, date_start, date_end, precision from events")}
    for row in db.query("select facts, event_id from articles order by file, id"):
        facts = json.loads(row["facts"])
        print(json.dumps(answer_shape(facts, events.get(row["event_id"])), ensure_ascii=False))
    return EXIT_OK


def cmd_app(args: argparse.Namespace) -> int:
    from store.db import default_db_path

    path = args.db or str(default_db_path())
    _open(args)  # create or migrate before the app starts, and fail here with a clear message
    from tui.app import SukienApp

    SukienApp(path).run()
    return EXIT_OK


COMMANDS = {"load": cmd_load, "events": cmd_events, "digest": cmd_digest, "facts": cmd_facts, "app": cmd_app}


def _sqlite_message(exc: sqlite3.Error, db: str | None) -> str:
    from store.db import default_db_path

    where = db or str(default_db_path())
    text = str(exc)
    if "locked" in text or "busy" in text:
        return f"{where}: the database is busy (another sukien is writing to it); try again when it has finished"
    if "readonly" in text or "read-only" in text:
        return f"{where}: the database is read-only; use a copy you can write, or --db PATH"
    if "malformed" in text or "not a database" in text:
        return f"{where}: the database is damaged ({text}); load your articles into a new one with --db PATH"
    return f"{where}: database error: {text}"


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    command = args.command or "app"
    from store.db import StoreError

    try:
        return COMMANDS[command](args)
    except _UsageError as exc:
        return _fail(str(exc), EXIT_USAGE)
    except StoreError as exc:
        return _fail(str(exc))
    except sqlite3.Error as exc:
        return _fail(_sqlite_message(exc, getattr(args, "db", None)))
    except BrokenPipeError:  # `sukien events | head`: the reader has what it wanted
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    except OSError as exc:
        return _fail(f"{exc.filename or ''}: {exc.strerror or exc}".lstrip(": "))
    except KeyboardInterrupt:
        return _fail("interrupted", 130)
    except Exception as exc:  # noqa: BLE001 - the last resort: one line, never a traceback
        return _fail(f"unexpected error ({type(exc).__name__}: {exc}); please report it")


if __name__ == "__main__":
    sys.exit(main())
