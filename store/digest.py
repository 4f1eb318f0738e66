"""The markdown digest: the events a filter selects, in timeline order, as one
CommonMark (+ GFM tables) document that can be read, diffed and shared.

Two rules shape this module:

- Same database, same filter → same bytes. No clock, no dict or set order,
  every list sorted on a total key.
- Every string from an article (titles, names, roles, quotes, outlets, URLs)
  is untrusted. It goes through `escape_md` (or `safe_url` for link targets)
  so it is shown as the characters it is and can never open a heading, list,
  block quote, code block, table, link or raw HTML.
"""

from __future__ import annotations

import os
import re
import secrets
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from urllib.parse import urlsplit

import sqlite_utils

from .db import StoreError
from .query import EventDetail, EventRow, Filter, Quote, Source, Target, count_rows, event_detail, iter_events
from .text import format_number, format_value  # noqa: F401 (format_number: part of this module's API)

DEFAULT_TITLE = "sukien digest"
MAX_QUOTES = 5  # per event: direct speech first, then reported, each in article order
MAX_TARGETS = 20  # table rows per event
MAX_SOURCES = 20
MAX_PEOPLE = 10
MAX_QUOTE_CHARS = 600
MAX_CELL_CHARS = 160
MAX_TITLE_CHARS = 200
MAX_URL_CHARS = 2000
NO_FILTER = Filter()  # every event (Filter is frozen, so one shared default is safe)

# --------------------------------------------------------------------------
# Escaping untrusted text
# --------------------------------------------------------------------------

# C0 controls become their visible "control pictures" (ESC → ␛); line breaks
# and tabs become spaces (a field is always one line); DEL → ␡. C1 controls,
# bidi overrides/isolates and the BOM are dropped: they are invisible and only
# ever used to disguise text.
_CONTROL_MAP: dict[int, str | None] = {c: chr(0x2400 + c) for c in range(0x20)}
_CONTROL_MAP.update({ord(c): " " for c in "\t\n\r\v\f\x1c\x1d\x1e\x1f\x85\u2028\u2029"})
_CONTROL_MAP[0x7F] = "\u2421"
_CONTROL_MAP.update({c: None for c in range(0x80, 0xA0) if c != 0x85})
_CONTROL_MAP.update({c: None for c in (0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0xFEFF)})
_CONTROL_MAP.update({c: None for c in range(0x2066, 0x206A)})

_WHITESPACE = re.compile(r"\s+")
_SURROGATE = re.compile(r"[\ud800-\udfff]")

# Characters that are markdown syntax wherever they stand. `&`, `<` and `>`
# become entities (no raw HTML, no autolinks, no entity smuggling, no block
# quotes); the rest get a backslash. Parentheses, `.`, `!`, `:` and the like
# are left alone: with `[` and `]` escaped they cannot form a link, and
# leaving them keeps ordinary Vietnamese prose readable in the source.
_INLINE_ESCAPES = {
    "&": "&amp;",
    "<": "&lt;",
    ">": "&gt;",
    "\\": "\\\\",
    "`": "\\`",
    "*": "\\*",
    "_": "\\_",
    "[": "\\[",
    "]": "\\]",
    "#": "\\#",
    "|": "\\|",
    "~": "\\~",
    "$": "\\$",  # GitHub renders $…$ as maths
}
_INLINE = re.compile("[" + re.escape("".join(_INLINE_ESCAPES)) + "]")
# What would still open a block if the text began a line: a list item
# (`-`, `+`, `1.`, `1)`), a thematic break or setext underline (`-`, `=`).
# `#`, `>`, `*`, `_`, `` ` ``, `~` and `|` are already escaped everywhere.
# `1.234` or `2024.` followed by a word is no list item and stays as it is.
_LINE_START = re.compile(r"^(?:[-+=]|\d{1,9}[.)](?= |$))")


def clean_text(text: object) -> str:
    """One line of plain text: NFC, controls made visible or dropped, every
    run of whitespace (newlines too) one space, no leading or trailing space."""
    s = "" if text is None else str(text)
    if s.isprintable():  # no control, format, surrogate or separator but ` `: most text
        s = unicodedata.normalize("NFC", s)
        return (_WHITESPACE.sub(" ", s) if "  " in s else s).strip()
    s = _SURROGATE.sub("\ufffd", s)
    s = unicodedata.normalize("NFC", s).translate(_CONTROL_MAP)
    return _WHITESPACE.sub(" ", s).strip()


def _escape_clean(s: str) -> str:
    out = _INLINE.sub(lambda m: _INLINE_ESCAPES[m.group(0)], s)
    m = _LINE_START.match(out)
    if m:
        lead = m.group(0)
        # `-` → `\-`; `12.` → `12\.`
        out = (lead[:-1] + "\\" + lead[-1]) + out[len(lead) :]
    return out


def escape_md(text: object, limit: int | None = None) -> str:
    """Untrusted text as inline markdown that shows exactly its characters.

    Safe anywhere inline, at the start of a line, inside link text and inside
    a table cell. `limit` cuts the *plain* text (with `…`) before escaping, so
    an escape is never cut in half.
    """
    return _escape_clean(_truncate(clean_text(text), limit))


def _truncate(s: str, limit: int | None) -> str:
    if limit is not None and len(s) > limit:
        return s[: limit - 1].rstrip() + "…"
    return s


# Percent-encode anything that is not plainly safe in a link destination:
# whitespace and controls, the characters that end or confuse `(…)` / `<…>`,
# backslash (an escape), quotes, and non-ASCII (as UTF-8).
_URL_SAFE = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~:/?#[]@!$&'*+,;=%")
_PCT = re.compile(r"%(?![0-9A-Fa-f]{2})")
_ENTITY_LIKE = re.compile(r"&(?=#?[0-9A-Za-z]+;)")


def safe_url(url: object) -> str | None:
    """A link destination for an http(s) URL, or None for anything else
    (`javascript:`, `data:`, relative paths, empty, control characters, too long).

    Spaces, parentheses, `<>`, quotes, backslashes and non-ASCII characters are
    percent-encoded; a `&` that would read as an entity is backslash-escaped.
    """
    if url is None:
        return None
    raw = str(url).strip()
    if not raw or len(raw) > MAX_URL_CHARS:
        return None
    if not raw.isprintable() if raw.isascii() else any(unicodedata.category(c) in ("Cc", "Cf", "Cs") for c in raw):
        return None  # (an ASCII character that is not printable is a control character)
    try:
        parts = urlsplit(raw)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    raw = _PCT.sub("%25", raw)
    if _URL_SAFE.issuperset(raw):
        out = raw
    else:
        out = "".join(c if c in _URL_SAFE else "".join(f"%{b:02X}" for b in c.encode("utf-8")) for c in raw)
    return _ENTITY_LIKE.sub(r"\\&", out)


def _link(label: str, url: object) -> str:
    """`[label](url)` for a safe URL, else the label alone. `label` is already escaped."""
    dest = safe_url(url)
    return f"[{label}]({dest})" if dest else label


# --------------------------------------------------------------------------
# Anchors
# --------------------------------------------------------------------------


class _SlugDrop(dict):
    """A translation table that drops what a slug leaves out, each character
    classified once, on first sight."""

    def __missing__(self, code: int) -> int | None:
        c = chr(code)
        keep = c in " -" or unicodedata.category(c)[0] in "LMN" or unicodedata.category(c) == "Pc"
        self[code] = code if keep else None
        return self[code]


_SLUG_DROP = _SlugDrop()


class _Slugger:
    """Heading anchors as GitHub makes them (github-slugger): lower case, drop
    everything but letters, marks, numbers, `_`, `-` and spaces, spaces to
    `-`, and `-1`, `-2`… for repeats. Fed every heading in document order.
    Event headings begin with their number, so their slugs are never empty
    and never collide."""

    def __init__(self) -> None:
        self._seen: dict[str, int] = {}

    def slug(self, plain: str) -> str:
        base = plain.lower().translate(_SLUG_DROP).replace(" ", "-")
        result = base
        while result in self._seen:
            self._seen[base] += 1
            result = f"{base}-{self._seen[base]}"
        self._seen[result] = 0
        return result


# --------------------------------------------------------------------------
# Pieces of an event section
# --------------------------------------------------------------------------

_ISO_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")


def _when(row: EventRow) -> str:
    """Plain text: `26/03/2021`, `27–30/04/2021`, `~2024 (approximate)`, `date unknown`."""
    label = row.date_label
    if label == "?":
        return "date unknown"
    if row.precision == "approximate":
        return f"{label} (approximate)"
    return label


def _when_md(row: EventRow) -> str:
    """`_when` as markdown. The date parts come from the database and are
    escaped; the leading `~` of an approximate date is ours and left bare (a
    single `~` with every other `~` escaped can neither strike through nor
    fence)."""
    when = clean_text(_when(row))
    if when.startswith("~"):
        return "~" + escape_md(when[1:])
    return escape_md(when)


def _where(row: EventRow) -> str:
    return ", ".join(p for p in (clean_text(p) for p in row.provinces) if p)


def _event_heading(n: int, row: EventRow) -> str:
    """The heading as plain (unescaped, cleaned) text: `1. 26/03/2021 · Đắk Lắk — Title`."""
    place = _where(row)
    head = f"{n}. {clean_text(_when(row))}"
    if place:
        head += f" · {place}"
    title = _truncate(clean_text(row.title), MAX_TITLE_CHARS) or "(untitled)"
    return f"{head} — {title}"


def _escape_heading(n: int, row: EventRow) -> str:
    # The number and separators are ours; every other part is escaped.
    place = _where(row)
    head = f"{n}. {_when_md(row)}"
    if place:
        head += f" · {escape_md(place)}"
    title = escape_md(row.title, MAX_TITLE_CHARS) or "(untitled)"
    return f"{head} — {title}"


def _published(value: str | None) -> str:
    s = clean_text(value)
    m = _ISO_DAY.match(s)
    return f"{m.group(3)}/{m.group(2)}/{m.group(1)}" if m else s


def _source_line(src: Source) -> str:
    label = escape_md(src.outlet) or escape_md(src.file) or f"article {src.article_id}"
    parts = [_link(label, src.url)]
    if src.url and safe_url(src.url) is None and clean_text(src.url):
        parts.append(f"{escape_md(src.url, 200)} (not a web link)")
    if clean_text(src.title):
        parts.append(f"“{escape_md(src.title, MAX_TITLE_CHARS)}”")
    if clean_text(src.published):
        parts.append(escape_md(_published(src.published)))
    return "- " + " · ".join(parts)


def _source_key(src: Source) -> tuple[str, str, str, int]:
    return (clean_text(src.published), clean_text(src.outlet), clean_text(src.file), src.article_id)


def pick_quotes(quotes: Iterable[Quote], limit: int = MAX_QUOTES) -> list[Quote]:
    """The quotes a digest shows: repeats dropped, direct speech before
    reported, article order within each, at most `limit`."""
    seen: set[tuple[str, str]] = set()
    unique: list[tuple[int, Quote]] = []
    for i, q in enumerate(quotes):
        key = (clean_text(q.speaker), clean_text(q.text))
        if not key[1] or key in seen:
            continue
        seen.add(key)
        unique.append((i, q))
    unique.sort(key=lambda iq: (not iq[1].direct, iq[0]))
    return [q for _, q in unique[:limit]]


def _quote_block(q: Quote) -> list[str]:
    text = escape_md(q.text, MAX_QUOTE_CHARS)
    body = f"“{text}”" if q.direct else text
    who = f"**{escape_md(q.speaker)}**" if clean_text(q.speaker) else "unattributed"
    if clean_text(q.role):
        who += f", {escape_md(q.role)}"
    if not q.direct:
        who += " (reported)"
    srcs = sorted({clean_text(s) for s in q.sources} - {""})
    if srcs:
        who += " · " + ", ".join(escape_md(s) for s in srcs)
    return [f"> {body}", ">", f"> — {who}"]


def _cell(text: object, limit: int = MAX_CELL_CHARS) -> str:
    return escape_md(text, limit)


def _target_row(t: Target) -> str:
    indicator = clean_text(t.subject) or clean_text(t.text)
    value = format_value(t.value, t.comparator)
    year = "" if t.year is None else str(t.year)
    cells = [_cell(indicator), _cell(value), _cell(t.unit), _cell(year), _cell(t.kind)]
    return "| " + " | ".join(cells) + " |"


def _more(n: int, noun: str) -> str:
    return f"*…and {n} more {noun}{'' if n == 1 else 's'}.*"


def _event_section(n: int, detail: EventDetail, heading: str) -> list[str]:
    row = detail.row
    out = [f"## {heading}", ""]
    out.append(f"- **When:** {_when_md(row)}")
    place = _where(row)
    out.append(f"- **Where:** {escape_md(place) if place else 'not given'}")
    out.append(f"- **Kind:** {escape_md(row.kind) or 'other'}")
    people = [(clean_text(name), clean_text(role)) for name, role in detail.participants]
    people = [p for p in people if p[0]]
    if people:
        shown = [f"{escape_md(name)} ({escape_md(role)})" if role else escape_md(name) for name, role in people]
        extra = len(shown) - MAX_PEOPLE
        line = ", ".join(shown[:MAX_PEOPLE]) + (f", and {extra} more" if extra > 0 else "")
        out.append(f"- **People:** {line}")
    out.append("")

    out += ["### Sources", ""]
    sources = sorted(detail.sources, key=_source_key)
    if sources:
        out += [_source_line(s) for s in sources[:MAX_SOURCES]]
        if len(sources) > MAX_SOURCES:
            out += ["", _more(len(sources) - MAX_SOURCES, "source")]
    else:
        out.append("No sources recorded.")
    out.append("")

    quotes = pick_quotes(detail.quotes, MAX_QUOTES)
    if quotes:
        out += ["### Quotes", ""]
        for q in quotes:
            out += _quote_block(q)
            out.append("")
        total = len(pick_quotes(detail.quotes, len(detail.quotes)))
        if total > len(quotes):
            out += [_more(total - len(quotes), "quote"), ""]

    if detail.targets:
        out += ["### Targets", ""]
        out.append("| Indicator | Value | Unit | Year | Kind |")
        out.append("| --- | ---: | --- | ---: | --- |")
        out += [_target_row(t) for t in detail.targets[:MAX_TARGETS]]
        out.append("")
        if len(detail.targets) > MAX_TARGETS:
            out += [_more(len(detail.targets) - MAX_TARGETS, "target"), ""]
    return out


# --------------------------------------------------------------------------
# The document
# --------------------------------------------------------------------------


def render_digest(db: sqlite_utils.Database, flt: Filter = NO_FILTER, *, title: str | None = None) -> str:
    """The events `flt` selects as a markdown document, oldest first.

    A `#` title, the filter and the count, a contents list linking to each
    event, then one `##` section per event (when, where, kind, people, sources,
    up to MAX_QUOTES quotes, targets table). Deterministic: the same database
    and filter always give the same string.
    """
    return "".join(digest_chunks(db, flt, title=title))


def digest_chunks(
    db: sqlite_utils.Database,
    flt: Filter = NO_FILTER,
    *,
    title: str | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Iterator[str]:
    """`render_digest` a piece at a time: the events are read twice (for the
    contents, then for the sections) as they are written, in one read
    transaction, so memory stays flat however many there are. `progress` is
    called with (steps done, steps in all) after each event of either pass,
    two steps an event; it may raise to stop."""
    began = not db.conn.in_transaction
    if began:
        db.conn.execute("begin")  # one snapshot: a load meanwhile changes neither pass
    try:
        yield from _trim_end(_digest_lines(db, flt, title, progress))
    finally:
        if began and db.conn.in_transaction:
            db.conn.execute("commit")


def _trim_end(lines: Iterable[str]) -> Iterator[str]:
    """Each line with its newline, blank lines at the end left out."""
    blank = 0
    for line in lines:
        if not line:
            blank += 1
            continue
        yield "\n" * blank + line + "\n"
        blank = 0


def _digest_lines(
    db: sqlite_utils.Database, flt: Filter, title: str | None, progress: Callable[[int, int], None] | None
) -> Iterator[str]:
    doc_title = _truncate(clean_text(title), MAX_TITLE_CHARS) or DEFAULT_TITLE
    n = count_rows(db, flt)
    yield from (f"# {escape_md(doc_title)}", "")
    yield f"**Filter:** {escape_md(flt.describe())} — **{n} event{'' if n == 1 else 's'}**"
    yield ""
    if not n:
        yield from ("No events match this filter.", "")
        return

    # Event slugs start with the event's number, so they never collide with
    # each other, only with the title's: a slugger per event that knows it.
    def slug(i: int, row: EventRow) -> str:
        slugger = _Slugger()
        slugger.slug(doc_title)
        return slugger.slug(_event_heading(i, row))

    yield from ("**Contents**", "")
    for i, row in enumerate(iter_events(db, flt), 1):
        # The link text drops the leading `N. `: the list numbers itself.
        yield f"{i}. [{_escape_heading(i, row).split('. ', 1)[1]}](#{slug(i, row)})"
        if progress is not None:
            progress(i, 2 * n)
    yield ""
    for i, row in enumerate(iter_events(db, flt), 1):
        detail = event_detail(db, row.id) or EventDetail(row)
        yield from _event_section(i, detail, _escape_heading(i, detail.row))
        if progress is not None:
            progress(n + i, 2 * n)


def write_digest(
    db: sqlite_utils.Database,
    flt: Filter,
    path: str | os.PathLike[str],
    *,
    title: str | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Path:
    """Write `render_digest(db, flt)` to `path` as UTF-8, atomically (a temporary
    file in the same folder, then `os.replace`), and return the path. The
    document is written as it is made, so memory stays flat."""
    target = Path(path)
    tmp = target.with_name(f".{target.name}.{secrets.token_hex(6)}.tmp")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)  # the umask applies
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
                for chunk in digest_chunks(db, flt, title=title, progress=progress):
                    fh.write(chunk)
                fh.flush()
                os.fsync(fh.fileno())
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
        try:
            os.replace(tmp, target)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise StoreError(f"{target}: cannot write the digest ({exc.strerror or exc})") from None
    return target
