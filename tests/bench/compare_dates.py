"""Event-date accuracy and speed: sukien's extractor against dateparser's
`search_dates` (the first date it finds taken as the event date), on an answer key.

    .venv/bin/python tests/bench/compare_dates.py [KEY.jsonl] [CORPUS_DIR]

Defaults: ../shared/eval/dev-gold.jsonl over ../shared/corpus/unc/. Prints a
markdown table (the one in the README) and, with --json, the figures as JSON.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from store.article import parse_article  # noqa: E402
from store.extract import extract  # noqa: E402


def matches(key: object, got: object) -> bool:
    if key is None or got is None:
        return key is None and got is None
    if isinstance(key, dict):
        return isinstance(got, dict) and all(matches(key.get(k), got.get(k)) for k in ("start", "end"))
    if isinstance(got, dict):
        return False
    return str(got)[: len(str(key))] == str(key)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("key", nargs="?", default=str(ROOT.parent / "shared" / "eval" / "dev-gold.jsonl"))
    ap.add_argument("corpus", nargs="?", default=str(ROOT.parent / "shared" / "corpus" / "unc"))
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    rows = [json.loads(line) for line in Path(a.key).read_text(encoding="utf-8").splitlines() if line.strip()]
    rows = [r for r in rows if "event_date" not in (r.get("uncertain_fields") or [])]
    articles = [parse_article((Path(a.corpus) / r["file"]).read_bytes(), r["file"]) for r in rows]

    t0 = time.perf_counter()
    ours = [extract(art).event_date_value() for art in articles]
    ours_ms = (time.perf_counter() - t0) * 1000 / len(rows)

    t_import = time.perf_counter()
    from dateparser.search import search_dates

    import_s = time.perf_counter() - t_import
    search_dates("Ngày 1/1/2021", languages=["vi"])  # the first call loads its data: not counted below
    theirs = []
    t0 = time.perf_counter()
    for art in articles:
        settings = {"PREFER_DATES_FROM": "past"}
        if art.ref_date:
            settings["RELATIVE_BASE"] = datetime(art.ref_date.year, art.ref_date.month, art.ref_date.day)
        found = search_dates(art.body, languages=["vi"], settings=settings) or []
        theirs.append(found[0][1].date().isoformat() if found else None)
    theirs_ms = (time.perf_counter() - t0) * 1000 / len(rows)

    ours_acc = sum(matches(r["event_date"], g) for r, g in zip(rows, ours, strict=True)) / len(rows)
    theirs_acc = sum(matches(r["event_date"], g) for r, g in zip(rows, theirs, strict=True)) / len(rows)
    result = {
        "articles": len(rows),
        "sukien_accuracy": round(ours_acc, 3),
        "sukien_ms_per_article": round(ours_ms, 1),
        "search_dates_accuracy": round(theirs_acc, 3),
        "search_dates_ms_per_article": round(theirs_ms, 1),
        "dateparser_import_s": round(import_s, 2),
    }
    print(f"event_date on {len(rows)} articles of {Path(a.key).name}\n")
    print("| extractor | event_date accuracy | ms per article |")
    print("| --- | --- | --- |")
    print(f"| sukien (`store.extract`, all facts) | {ours_acc:.3f} | {ours_ms:.1f} |")
    print(f"| dateparser `search_dates`, first date | {theirs_acc:.3f} | {theirs_ms:.1f} |")
    if a.json:
        print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
