"""Facts to and from JSON: what is kept per article, and the answer-key shape
(`../shared/eval/FORMAT.md`) that `sukien facts --jsonl` prints."""

from __future__ import annotations

from typing import Any

import orjson

from .extract import Facts


def facts_to_json(f: Facts) -> bytes:
    """The facts as JSON in UTF-8, as the database keeps them (orjson: a quarter of
    `json.dumps`'s time, which was a twentieth of an article's extraction)."""
    data = {
        "file": f.file,
        "published": f.published,
        "event_start": f.event_start,
        "event_end": f.event_end,
        "precision": f.precision,
        "year_known": f.year_known,
        "kind": f.kind,
        "title": f.title,
        "provinces": [p.code for p in f.provinces],
        "province_names": f.province_names(),
        "speakers": [{"name": n, "role": r} for n, r in f.speakers],
        "quotes": [
            {
                "speaker": q.speaker,
                "role": q.role,
                "text": q.text,
                "direct": q.direct,
                "paragraph": q.paragraph,
                "qa": q.qa,
            }
            for q in f.quotes
        ],
        "targets": [
            {
                "text": t.text,
                "subject": t.subject,
                "value": t.value,
                "unit": t.unit,
                "comparator": t.comparator,
                "year": t.year,
                "kind": t.kind,
                "paragraph": t.paragraph,
            }
            for t in f.targets
        ],
        "terms": f.terms,
    }
    return orjson.dumps(data)


def _number(v: float | None) -> int | float | None:
    if v is None:
        return None
    return int(v) if float(v).is_integer() else v


def answer_shape(facts: dict[str, Any], event: dict[str, Any] | None) -> dict[str, Any]:
    """One article's facts in the answer-key format. An article whose own
    date lacked a year takes its event's (the same event reported elsewhere)."""
    start, end, precision = facts.get("event_start"), facts.get("event_end"), facts.get("precision")
    if not facts.get("year_known") and start and event and event.get("date_start"):
        ev_start = event["date_start"]
        if len(ev_start) >= 10 and ev_start[4:] == start[4:]:
            start, end, precision = ev_start, event.get("date_end"), event.get("precision")
        elif len(ev_start) >= 4:
            start = ev_start[:4] + start[4:]
            end = ev_start[:4] + end[4:] if end else None
        facts = {**facts, "year_known": True}
    if not facts.get("year_known") or not start:
        event_date: Any = None
    elif precision == "range" and end and end != start:
        event_date = {"start": start, "end": end}
    else:
        event_date = start
    return {
        "file": facts["file"],
        "published": facts.get("published"),
        "event_date": event_date,
        "event_kind": facts.get("kind"),
        "provinces": facts.get("province_names", []),
        "speakers": facts.get("speakers", []),
        "quotes": [
            {"speaker": q["speaker"], "text": q["text"], "direct": q["direct"]} for q in facts.get("quotes", [])
        ],
        "targets": [
            {"text": t["text"], "value": _number(t["value"]), "unit": t["unit"], "year": t["year"], "kind": t["kind"]}
            for t in facts.get("targets", [])
        ],
    }
