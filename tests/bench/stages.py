"""Where extraction spends its time: each step of `store.extract` timed over
the corpus (`../shared/corpus/unc`), in ms an article, one process.

    SUKIEN_PURE=1 .venv/bin/python tests/bench/stages.py

Each step is timed by wrapping the function `store.extract` calls; compiled
modules (`store/native.py`) call each other directly, so with the compiled
extraction only the whole is timed: `SUKIEN_PURE=1` times the plain modules.
The load's workers each do this for their share of the files; the writer's
part is not included (see `bench.py` for the load as a whole)."""

from __future__ import annotations

import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import store.extract as extract  # noqa: E402
import store.load as load  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "unc"
STEPS = ["deglue", "find_dates", "collect_people", "find_quotes", "event_date", "event_kind", "event_title",
         "event_provinces", "find_targets", "key_terms", "text_year"]  # fmt: skip


def main() -> int:
    if not CORPUS.is_dir():
        print(f"{CORPUS}: not here", file=sys.stderr)
        return 1
    spent: dict[str, float] = defaultdict(float)

    def timed(module, name: str, label: str | None = None) -> None:  # type: ignore[no-untyped-def]
        inner = getattr(module, name)

        def wrapper(*args, **kwargs):  # type: ignore[no-untyped-def]
            start = time.perf_counter()
            try:
                return inner(*args, **kwargs)
            finally:
                spent[label or name] += time.perf_counter() - start

        setattr(module, name, wrapper)

    for name in STEPS:
        timed(extract, name)
    timed(load, "parse_article", "parse_article (reading)")
    timed(load, "facts_to_json")
    timed(load, "extract", "extract (all the steps above)")
    files = sorted(p for p in CORPUS.rglob("*") if p.is_file() and not p.name.startswith("."))
    jobs = [(str(p), p.name, p.read_bytes(), "2026-01-01", str(p)) for p in files]
    load._parse_one(jobs[0])  # first calls build the patterns' caches
    spent.clear()
    start = time.perf_counter()
    for job in jobs:
        load._parse_one(job)
    total = time.perf_counter() - start
    for name, seconds in sorted(spent.items(), key=lambda kv: -kv[1]):
        print(f"{name:32s} {seconds / len(jobs) * 1000:6.3f} ms")
    print(f"{'an article, all told':32s} {total / len(jobs) * 1000:6.3f} ms ({len(jobs)} articles)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
