"""A synthetic sukien database of N events, with fields drawn from the real
corpus, written through the store API (`store.bulk.insert_events`).

    .venv/bin/python tests/bench/synth.py OUT.db 1000000

Templates are the events of real articles loaded with `store.load.load_paths`
(a sample of `../shared/corpus/unc/`, or the seed articles when the corpus is
absent), or of a database already loaded (`templates_from_db`). Each generated
event copies one template's title, kind, precision, terms, quotes, targets and
articles, and gets its own date, spread over 2000–2025 (more news in later
years, and a few busy months), and, for half of them, another province.

To keep a million events buildable in minutes, each article keeps the lead of
its real body (up to LEAD_CHARS), an event keeps at most MAX_QUOTES quotes and
MAX_TARGETS targets, and 1% of the events are undated.
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import sqlite_utils  # noqa: E402

from store.bulk import NewArticle, NewEvent, NewQuote, NewTarget, insert_events  # noqa: E402
from store.db import connect  # noqa: E402

# 2: schema 2; 3: articles.text_sha256; 4: schema 3; 5: schema 4 (search rows); 6: schema 7 (no folded bodies);
# 7: schema 8 (no folded titles or quotes)
GENERATOR_VERSION = 7
CORPUS = ROOT.parent / "shared" / "corpus" / "unc"
SEEDS = ROOT / "seeds"
LEAD_CHARS = 300
MAX_QUOTES = 2
MAX_TARGETS = 3
FIRST_YEAR, LAST_YEAR = 2000, 2025
TODAY = "2025-12-31"


@dataclass(frozen=True)
class Template:
    title: str
    kind: str
    precision: str
    span_days: int  # date_end - date_start for ranges
    provinces: tuple[str, ...]
    terms: tuple[str, ...]
    articles: tuple[NewArticle, ...]
    quotes: tuple[NewQuote, ...]
    targets: tuple[NewTarget, ...]


def _lead(body: str) -> str:
    out = []
    size = 0
    for para in body.split("\n"):
        if not para.strip():
            continue
        out.append(para)
        size += len(para)
        if size >= LEAD_CHARS:
            break
    text = "\n".join(out)
    return text[:LEAD_CHARS]


def templates_from_db(db: sqlite_utils.Database) -> list[Template]:
    """One template per event of a loaded database."""
    import json
    from datetime import date

    out = []
    for ev in db.query("select * from events order by id"):
        arts = list(
            db.query(
                "select a.* from event_sources es join articles a on a.id = es.article_id"
                " where es.event_id = ? order by a.id limit 3",
                [ev["id"]],
            )
        )
        index = {a["id"]: i for i, a in enumerate(arts)}
        quotes = tuple(
            NewQuote(q["text"], q["speaker"], q["role"], bool(q["direct"]), index.get(q["article_id"], 0))
            for q in db.query(
                "select * from quotes where event_id = ? order by position, id limit ?", [ev["id"], MAX_QUOTES]
            )
        )
        targets = tuple(
            NewTarget(t["text"], t["value"], t["unit"], t["kind"], t["subject"], t["comparator"], t["year"],
                      index.get(t["article_id"], 0))
            for t in db.query(
                "select * from targets where event_id = ? order by position, id limit ?", [ev["id"], MAX_TARGETS]
            )
        )  # fmt: skip
        articles = tuple(
            NewArticle(a["file"], a["title"], _lead(a["body"] or ""), a["url"], a["outlet"], None,
                       a["published_precision"], a["published_source"])
            for a in arts
        )  # fmt: skip
        span = 0
        if ev["precision"] == "range" and ev["date_start"] and ev["date_end"]:
            try:
                span = (date.fromisoformat(ev["date_end"][:10]) - date.fromisoformat(ev["date_start"][:10])).days
            except ValueError:
                span = 0
        codes = tuple(r[0] for r in db.execute("select province from event_provinces where event_id = ?", [ev["id"]]))
        out.append(
            Template(ev["title"] or "", ev["kind"] or "other", ev["precision"] or "day", max(0, min(span, 30)),
                     codes, tuple(json.loads(ev["terms"] or "[]")), articles, quotes, targets)
        )  # fmt: skip
    return out


def load_templates(n_articles: int = 400) -> tuple[list[Template], str]:
    """Templates from `n_articles` real articles (every k-th file of the
    corpus), or from the seeds when the corpus is absent; and where they came from."""
    from store.load import load_paths

    if CORPUS.is_dir():
        files = sorted(p for p in CORPUS.iterdir() if p.is_file() and not p.name.startswith("."))
        step = max(1, len(files) // n_articles)
        paths, source = files[::step][:n_articles], f"corpus:{n_articles}"
    else:
        paths, source = [SEEDS], "seeds"
    with tempfile.TemporaryDirectory() as tmp:
        db = connect(Path(tmp) / "sample.db")
        load_paths(db, paths, today=TODAY)
        templates = templates_from_db(db)
        db.close()
    return templates, source


def _year_weights() -> list[float]:
    # news grows over time: 2025 has ~5 times the events of 2000
    return [1 + 4 * (y - FIRST_YEAR) / (LAST_YEAR - FIRST_YEAR) for y in range(FIRST_YEAR, LAST_YEAR + 1)]


def synth_events(templates: list[Template], n: int, *, seed: int = 1) -> Iterator[NewEvent]:
    from datetime import date, timedelta

    from store.provinces import all_provinces

    rng = random.Random(seed)
    years = list(range(FIRST_YEAR, LAST_YEAR + 1))
    weights = _year_weights()
    codes = [p.code for p in all_provinces()]
    busy = {(rng.choice(years), rng.randint(1, 12)) for _ in range(12)}  # months the news clusters in
    for i in range(n):
        t = templates[rng.randrange(len(templates))]
        if rng.random() < 0.01:
            start = end = None
        else:
            year = rng.choices(years, weights)[0]
            month = rng.randint(1, 12)
            if (year, month) not in busy and rng.random() < 0.15:
                year, month = rng.choice(sorted(busy))
            day = date(year, month, rng.randint(1, 28))
            start = day.isoformat()
            end = (day + timedelta(days=t.span_days)).isoformat() if t.precision == "range" else start
        provinces = t.provinces
        if rng.random() < 0.5:
            provinces = (rng.choice(codes),)
        articles = [
            NewArticle(a.file, a.title, a.body, a.url, a.outlet, start, a.published_precision, a.published_source,
                       path=f"synthetic/{i:07d}-{j}/{a.file}")
            for j, a in enumerate(t.articles)
        ]  # fmt: skip
        yield NewEvent(t.title, t.kind, start, end, t.precision, provinces, t.terms, articles, t.quotes, t.targets)


def make_synthetic_db(
    path: str | Path,
    n: int,
    *,
    templates: list[Template] | None = None,
    seed: int = 1,
    progress: bool = False,
) -> Path:
    """A new database at `path` with `n` generated events."""
    path = Path(path)
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    if templates is None:
        templates, _ = load_templates()
    db = connect(path)
    db.execute("pragma synchronous = off")  # a scratch database: speed over durability
    db.execute("pragma cache_size = -262144")  # 256 MB while building
    t0 = time.perf_counter()

    def report(done: int) -> None:
        if progress:
            rate = done / max(1e-9, time.perf_counter() - t0)
            print(f"\r  generated {done:,}/{n:,} events ({rate:,.0f}/s)", end="", file=sys.stderr, flush=True)

    insert_events(db, synth_events(templates, n, seed=seed), progress=report)
    if progress:
        print(file=sys.stderr)
    db.execute("pragma wal_checkpoint(truncate)")
    db.close()
    return path


def cached_synthetic_db(n: int, cache_dir: Path, *, progress: bool = False) -> tuple[Path, bool]:
    """The database of `n` events in `cache_dir`, generated unless a complete
    one from this generator version is there; and whether it was reused."""
    templates_key = "corpus" if CORPUS.is_dir() else "seeds"
    path = cache_dir / f"synthetic-v{GENERATOR_VERSION}-{templates_key}-{n}.db"
    done = path.with_suffix(".done")
    if path.exists() and done.exists():
        return path, True
    done.unlink(missing_ok=True)
    cache_dir.mkdir(parents=True, exist_ok=True)
    templates, _ = load_templates()
    make_synthetic_db(path, n, templates=templates, progress=progress)
    done.write_text("ok\n")
    return path, False


if __name__ == "__main__":
    out = sys.argv[1] if len(sys.argv) > 1 else "/tmp/synthetic.db"
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 100_000
    t = time.perf_counter()
    make_synthetic_db(out, count, progress=True)
    print(f"{out}: {count:,} events in {time.perf_counter() - t:.1f} s")
