"""sukien's scale benchmark: loading the corpus, the app at a million events,
the digest. Builds what it measures, prints a table, and with --json one JSON
object on its last line.

    .venv/bin/python tests/bench/bench.py [--json] [--events N] [--cache DIR] [--fresh]

- Load: `store.load.load_paths` on ../shared/corpus/unc/ (every core), against
  the floor: the same files read, hashed and inserted with full-text search
  through sqlite-utils in one process, without extraction (the same run),
  three times each in turns, their medians compared. Then the unchanged
  re-load. Each in its own process. `load_compiled` says whether
  the extraction ran compiled (`make bench` builds it; see store/native.py).
- The app at N events (default 1,000,000) in a database from `synth.py`
  (cached in DIR, `$XDG_CACHE_HOME/sukien-bench` by default, keyed by the
  generator's version; `--fresh` builds it again). Each figure is measured
  with Pilot (`App.run_test`) in its own process: from the key press (or the
  mount) to the rows of the new view drawn, or the worker done; peak memory is
  the process's VmHWM.
- The digest of 10,000 generated events (`store.digest.render_digest`).

Figures, not tests: nothing here fails when a goal is missed.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

CORPUS = ROOT.parent / "shared" / "corpus" / "unc"
TODAY = "2025-12-31"
SIZE = (120, 40)
PROVINCE = "Hà Nội"  # the province with the most events
SEARCH = "chuyen doi so"

GOALS = {
    "load_articles_per_s": (">=", 100),
    "load_floor_ratio": ("<=", 4),
    "reload_unchanged_s": ("<=", 2),
    "app_first_paint_s_1m": ("<=", 0.5),
    "app_end_key_s_1m": ("<=", 0.05),
    "app_filter_s_1m": ("<=", 0.15),
    "app_search_s_1m": ("<=", 0.3),
    "app_rss_mb_1m": ("<=", 200),
    "digest_10k_s": ("<=", 3),
}


def peak_rss_mb() -> float:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child(*args: str) -> dict:
    """Run this file with `args` in a new process; its last line is JSON."""
    out = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "--child", *args],
        check=True,
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


# ---- load ---------------------------------------------------------------------


def files_of(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file() and not p.name.startswith("."))


def child_load(db_path: str) -> dict:
    from store.db import connect
    from store.load import load_paths

    db = connect(db_path)
    t0 = time.perf_counter()
    report = load_paths(db, [CORPUS], workers=os.cpu_count(), today=TODAY)
    db.close()  # as the floor's: all written
    seconds = time.perf_counter() - t0
    from store.native import status

    return {"s": seconds, "loaded": report.loaded, "unchanged": report.unchanged, "events": report.events,
            "skipped": len(report.skipped), "compiled": status() or "in use"}  # fmt: skip


def child_floor(db_path: str) -> dict:
    """Read, hash and insert the files with full-text search, no extraction."""
    import hashlib

    import sqlite_utils

    t0 = time.perf_counter()
    db = sqlite_utils.Database(db_path)
    db.enable_wal()
    table = db["articles"]
    table.create({"id": int, "path": str, "sha256": str, "title": str, "body": str}, pk="id")
    table.create_index(["path"], unique=True)
    table.enable_fts(["title", "body"], create_triggers=True)
    rows = []
    for path in files_of(CORPUS):
        data = path.read_bytes()
        text = data.decode("utf-8", "replace")
        rows.append({"path": str(path), "sha256": hashlib.sha256(data).hexdigest(),
                     "title": text.split("\n", 1)[0], "body": text})  # fmt: skip
    with db.conn:
        table.insert_all(rows, batch_size=200)
    db.close()
    return {"s": time.perf_counter() - t0, "n": len(rows)}


RUNS = 5  # the floor and the load, each this many times, one after the other: the medians are compared


def bench_load(tmp: Path) -> dict:
    if not CORPUS.is_dir():
        return {}
    n = len(files_of(CORPUS))
    for path in files_of(CORPUS):  # the files in the page cache for both
        path.read_bytes()
    floors, loads = [], []
    for run in range(RUNS):  # in turns, so a slow minute of this machine falls on both
        floors.append(child("floor", str(tmp / f"floor-{run}.db")))
        loads.append(child("load", str(tmp / f"corpus-{run}.db")))
    again = child("load", str(tmp / f"corpus-{RUNS - 1}.db"))
    floor_s = statistics.median(f["s"] for f in floors)
    load_s = statistics.median(o["s"] for o in loads)
    return {
        "load_articles": n,
        "load_s": round(load_s, 2),
        "load_articles_per_s": round(n / load_s, 1),
        "load_floor_s": round(floor_s, 2),
        "load_floor_ratio": round(load_s / floor_s, 2),
        "load_runs_s": [round(o["s"], 2) for o in loads],
        "load_floor_runs_s": [round(f["s"], 2) for f in floors],
        "load_events": loads[-1]["events"],
        "reload_unchanged_s": round(again["s"], 2),
        "reload_unchanged": again["unchanged"],
        "load_compiled": loads[-1]["compiled"],  # the compiled extraction (`store/native.py`), or why not
    }


# ---- the app --------------------------------------------------------------------


def child_app(db_path: str, scenario: str) -> dict:
    from tui.app import SukienApp
    from tui.widgets.histogram import Histogram
    from tui.widgets.timeline import Timeline

    painted: dict[tuple[int, int], float] = {}  # (view, row index) → when first drawn since the last clear
    original = Timeline._render_row

    def render_row(self, index, row, width, top=False):  # type: ignore[no-untyped-def]
        painted.setdefault((self._view_gen, index), time.perf_counter())
        return original(self, index, row, width, top)

    Timeline._render_row = render_row  # type: ignore[method-assign]
    mounted: list[float] = []

    class App(SukienApp):
        CSS_PATH = str(Path(sys.modules[SukienApp.__module__].__file__).with_name("app.tcss"))  # type: ignore[arg-type]

        def on_mount(self) -> None:
            mounted.append(time.perf_counter())

    app = App(db_path)
    app.animation_level = "none"
    out: dict[str, float] = {}

    async def until_drawn(timeline: Timeline, start: float, ready=lambda: True, limit: float = 60) -> float:  # type: ignore[no-untyped-def]
        """Seconds from `start` until, once `ready()`, every row on screen has
        been drawn (`painted` is cleared by the caller at `start`)."""
        while time.perf_counter() - start < limit:
            if ready() and timeline.count is not None:
                top = timeline.scroll_offset.y
                bottom = min(timeline.count, top + timeline.scrollable_content_region.height)
                times = [painted.get((timeline._view_gen, i)) for i in range(top, bottom)]
                if all(t is not None for t in times):
                    return max(times, default=start) - start  # type: ignore[type-var, operator]
            await asyncio.sleep(0.0005)
        return float("nan")

    async def settled(timeline: Timeline) -> None:
        """Until no page read is running or waiting to start."""
        quiet = 0
        while quiet < 3:
            await app.workers.wait_for_complete()
            await asyncio.sleep(0.005)
            busy = timeline._in_flight or timeline._fetch_scheduled or any(not w.is_finished for w in app.workers)
            quiet = 0 if busy else quiet + 1

    async def press(pilot, key: str, timeline: Timeline, ready=lambda: True) -> float:  # type: ignore[no-untyped-def]
        painted.clear()
        start = time.perf_counter()
        await pilot.press(key)
        return await until_drawn(timeline, start, ready)

    async def run() -> None:
        async with app.run_test(size=SIZE) as pilot:
            timeline = app.query_one(Timeline)
            out["first_paint_s"] = await until_drawn(timeline, mounted[0])
            if scenario == "keys":
                # a person reads the first screen before pressing a key: let the app's start-up reads
                # finish (each page read that lands schedules the next, the ends of the view last)
                await settled(timeline)
                out["end_key_s"] = await press(pilot, "end", timeline, lambda: timeline.cursor == timeline.count - 1)
                out["home_key_s"] = await press(pilot, "home", timeline)
                downs = [await press(pilot, "pagedown", timeline) for _ in range(30)]
                out["pagedown_max_s"], out["pagedown_median_s"] = max(downs), statistics.median(downs)
                ups = []
                await press(pilot, "end", timeline)
                ups = [await press(pilot, "pageup", timeline) for _ in range(30)]
                out["pageup_max_s"] = max(ups)
                painted.clear()
                start = time.perf_counter()
                timeline.scroll_to(y=timeline.count // 2, animate=False)  # the scroll bar dragged halfway
                out["jump_middle_s"] = await until_drawn(timeline, start)
            elif scenario == "filter":
                start = time.perf_counter()
                await pilot.press("p")
                while not getattr(app.screen, "_provinces", None):  # noqa: ASYNC110 - waits on the dialog's worker
                    await asyncio.sleep(0.001)
                out["province_dialog_s"] = time.perf_counter() - start
                await pilot.press(*PROVINCE)
                out["filter_s"] = await press(
                    pilot, "enter", timeline, lambda: timeline.view_filter.province == PROVINCE
                )
                out["filter_count"] = timeline.count or 0
                out["filter_end_key_s"] = await press(
                    pilot, "end", timeline, lambda: timeline.cursor == timeline.count - 1
                )
                out["clear_filter_s"] = await press(
                    pilot, "escape", timeline, lambda: timeline.view_filter.province is None
                )
            elif scenario == "search":
                await pilot.press("slash", *SEARCH)
                out["search_s"] = await press(pilot, "enter", timeline, lambda: timeline.view_filter.search == SEARCH)
                out["search_count"] = timeline.count or 0
                out["search_end_key_s"] = await press(
                    pilot, "end", timeline, lambda: timeline.cursor == timeline.count - 1
                )
            elif scenario == "histogram":
                hist = app.screen.query_one(Histogram)
                lags: list[float] = []
                stop = False

                async def ticker() -> None:  # how late the event loop runs a 10 ms timer
                    while not stop:
                        t = time.perf_counter()
                        await asyncio.sleep(0.01)
                        lags.append(time.perf_counter() - t - 0.01)

                task = asyncio.create_task(ticker())
                start = time.perf_counter()
                await pilot.press("h")
                while hist.counts is None:  # noqa: ASYNC110 (timing a worker we do not own)
                    await asyncio.sleep(0.001)
                out["histogram_s"] = time.perf_counter() - start
                stop = True
                await task
                out["histogram_ui_lag_max_s"] = max(lags, default=0.0)
                await press(pilot, "end", timeline)  # the marked period moves with the cursor
            await pilot.press("q")

    asyncio.run(run())
    out["rss_mb"] = peak_rss_mb()
    return out


def bench_app(db_path: Path, tag: str, scenarios=("keys", "filter", "search", "histogram")) -> dict:  # type: ignore[no-untyped-def]
    got: dict[str, float] = {}
    rss = []
    paints = []
    for scenario in scenarios:
        r = child("app", str(db_path), scenario)
        rss.append(r.pop("rss_mb"))
        paints.append(r.pop("first_paint_s"))
        got.update(r)
    out = {f"app_{k}_{tag}": round(v, 4) if isinstance(v, float) else v for k, v in got.items()}
    out[f"app_first_paint_s_{tag}"] = round(max(paints), 4)
    out[f"app_rss_mb_{tag}"] = round(max(rss), 1)
    return out


# ---- the digest -----------------------------------------------------------------


def child_digest(db_path: str) -> dict:
    from store.db import connect
    from store.digest import render_digest
    from store.query import Filter

    db = connect(db_path)
    t0 = time.perf_counter()
    text = render_digest(db, Filter())
    return {"s": time.perf_counter() - t0, "chars": len(text)}


# ---- main -----------------------------------------------------------------------


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "sukien-bench"


def table(figures: dict) -> str:
    lines = ["| figure | value | goal | |", "| --- | --- | --- | --- |"]
    for key, value in figures.items():
        goal = GOALS.get(key)
        mark = ""
        if goal and isinstance(value, (int, float)):
            op, limit = goal
            mark = "met" if (value >= limit if op == ">=" else value <= limit) else "MISSED"
        shown = f"{value:,}" if isinstance(value, int) else f"{value:,.4g}" if isinstance(value, float) else str(value)
        lines.append(f"| {key} | {shown} | {f'{goal[0]} {goal[1]}' if goal else ''} | {mark} |")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON object on the last line")
    parser.add_argument("--events", type=int, default=1_000_000, help="events in the big database")
    parser.add_argument("--cache", type=Path, default=None, help="where the generated databases are kept")
    parser.add_argument("--fresh", action="store_true", help="generate the databases again")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        kind, *rest = args.child
        result = {"load": child_load, "floor": child_floor, "app": child_app, "digest": child_digest}[kind](*rest)
        print(json.dumps(result))
        return 0

    from synth import GENERATOR_VERSION, cached_synthetic_db

    started = time.perf_counter()
    cache = args.cache or cache_dir()
    if args.fresh:
        for old in cache.glob("synthetic-*"):
            old.unlink()
    tag = "1m" if args.events == 1_000_000 else f"{args.events // 1000}k"
    figures: dict = {}

    def step(name: str) -> None:
        print(f"[{time.perf_counter() - started:6.1f} s] {name}", file=sys.stderr, flush=True)

    with tempfile.TemporaryDirectory(prefix="sukien-bench-") as tmp:
        step("loading the corpus (floor, load, re-load)")
        figures.update(bench_load(Path(tmp)))
    step(f"the database of {args.events:,} events")
    t0 = time.perf_counter()
    big, reused = cached_synthetic_db(args.events, cache, progress=sys.stderr.isatty())
    figures[f"synth_{tag}_s"] = round(time.perf_counter() - t0, 1)
    figures[f"synth_{tag}_reused"] = reused
    figures[f"synth_{tag}_gb"] = round(sum(p.stat().st_size for p in big.parent.glob(big.name + "*")) / 1e9, 2)
    figures["synth_version"] = GENERATOR_VERSION
    step("the app at 10,000 events")
    small, _ = cached_synthetic_db(10_000, cache)
    figures.update(bench_app(small, "10k", scenarios=("keys", "search")))
    step(f"the app at {args.events:,} events")
    figures.update(bench_app(big, tag))
    step("the digest of 10,000 events")
    figures["digest_10k_s"] = round(child("digest", str(small))["s"], 2)
    figures["bench_s"] = round(time.perf_counter() - started, 1)
    step("done")
    ordered = {k: figures[k] for k in GOALS if k in figures} | {k: v for k, v in figures.items() if k not in GOALS}
    print(table(ordered))
    if args.json:
        print(json.dumps(ordered, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
