"""Bulk writes (`store.bulk`) and the synthetic database generator of the
benchmark: consistent rows that the queries, the digest and a later load read
like any other."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "bench"))

from synth import load_templates, make_synthetic_db  # noqa: E402

from store.bulk import NewArticle, NewEvent, NewQuote, NewTarget, insert_events  # noqa: E402
from store.db import connect  # noqa: E402
from store.query import Filter, count_events, event_detail, histogram, page_events  # noqa: E402


def test_insert_events_writes_every_table():
    db = connect(":memory:")
    n = insert_events(
        db,
        [
            NewEvent(
                "Hội thảo chuyển đổi số",
                "workshop",
                "2021-03-26",
                provinces=["Đắk Lắk", "hue"],
                terms=["chuyen doi so"],
                articles=[
                    NewArticle("a.txt", "Bài A", "Ngày 26/3, hội thảo…", outlet="dantri.com.vn"),
                    NewArticle("b.txt", "Bài B", "Hội thảo chuyển đổi số…"),
                ],
                quotes=[NewQuote("Chúng ta phải đi cùng nhau", "Nguyễn Huy Dũng", "Thứ trưởng", article=1)],
                targets=[NewTarget("100% dịch vụ công", 100.0, "%", year=2025)],
            ),  # fmt: skip
            NewEvent("Không ngày", "other", None),
        ],
    )
    assert n == 2
    assert [r.title for r in page_events(db, Filter(), 0, 10)] == ["Hội thảo chuyển đổi số", "Không ngày"]
    row = page_events(db, Filter(province="Thừa Thiên Huế"), 0, 10)[0]
    assert row.provinces == ["Đắk Lắk", "Thừa Thiên Huế"]
    assert (row.n_quotes, row.n_targets, row.n_sources) == (1, 1, 2)
    detail = event_detail(db, row.id)
    assert detail is not None
    assert [s.file for s in detail.sources] == ["a.txt", "b.txt"]
    assert detail.quotes[0].sources == ["b.txt"] and detail.participants == [("Nguyễn Huy Dũng", "Thứ trưởng")]
    assert count_events(db, Filter(search="cung nhau")) == 1  # through a quote
    assert count_events(db, Filter(search="bai a")) == 1  # through an article
    facts = json.loads(db.execute("select facts from articles where file = 'b.txt'").fetchone()[0])
    assert facts["event_start"] == "2021-03-26" and facts["quotes"][0]["speaker"] == "Nguyễn Huy Dũng"
    assert db.execute("select count(*) from articles where text_sha256 is null").fetchone()[0] == 0
    undated = db.execute("select date_sort, precision from events where title = 'Không ngày'").fetchone()
    assert undated == ("9999", "unknown")
    insert_events(db, [NewEvent("Sau", "forum", "2022-01-01", articles=[NewArticle("c.txt", "C", "c")])])
    assert db.execute("select max(id) from events").fetchone()[0] == 3  # appended after what is there


def test_synthetic_db(tmp_path):
    templates, source = load_templates(n_articles=40)
    path = make_synthetic_db(tmp_path / "synth.db", 2_000, templates=templates, seed=3)
    db = connect(path)
    q = db.execute
    assert q("select count(*) from events").fetchone()[0] == 2_000
    # every event has its sources; counts on events agree with the rows
    assert q("select count(*) from events e where n_sources != (select count(*) from event_sources s"
             " where s.event_id = e.id) or n_quotes != (select count(*) from quotes where event_id = e.id)"
             " or n_targets != (select count(*) from targets where event_id = e.id)").fetchone()[0] == 0  # fmt: skip
    assert q("select count(*) from events where n_sources = 0").fetchone()[0] == 0
    assert q("select count(*) from articles a where event_id not in (select id from events)").fetchone()[0] == 0
    assert q("select count(*) from quote_sources").fetchone()[0] == q("select count(*) from quotes").fetchone()[0]
    assert q("select count(*) from search_fts").fetchone()[0] == 2_000
    years = {r[0] for r in q("select substr(date_sort, 1, 4) from events")}
    assert len(years) > 15  # spread over the years
    assert count_events(db, Filter()) == 2_000
    hist = histogram(db)
    assert (
        hist.total == 2_000 and hist.undated == q("select count(*) from events where date_sort = '9999'").fetchone()[0]
    )
    if source.startswith("corpus"):
        assert q("select count(distinct province) from event_provinces").fetchone()[0] > 20
        assert q("select count(*) from quotes").fetchone()[0] > 0


@pytest.mark.skipif(not (Path(__file__).resolve().parents[2] / "shared" / "corpus" / "unc").is_dir(),
                    reason="../shared is absent")  # fmt: skip
def test_templates_come_from_the_corpus():
    templates, source = load_templates(n_articles=20)
    assert source == "corpus:20"
    assert len(templates) >= 15 and all(t.articles for t in templates)
