"""Pages read from any starting place (the start, the end, a neighbouring page
or a far one) are the rows an offset query gives."""

from __future__ import annotations

import pytest

from store.db import connect
from store.query import Filter, date_position, event_position, has_undated_sort, page_events, seek_events
from tui.widgets.paging import PAGE_SIZE, fetch_page

FILTERS = [Filter(), Filter(province="Hà Nội"), Filter(kind="forum"), Filter(search="su kien 1"),
           Filter(since="2010", until="2012-06")]  # fmt: skip


def expected(db, flt, number):  # type: ignore[no-untyped-def]
    return [r.id for r in page_events(db, flt, number * PAGE_SIZE, PAGE_SIZE)]


@pytest.mark.parametrize("flt", FILTERS, ids=lambda f: f.describe())
def test_pages_from_every_start(big_db, flt):
    db = connect(big_db)
    count = len(page_events(db, flt, 0, 10**9))
    last = (count - 1) // PAGE_SIZE
    numbers = sorted({0, 1, last // 2, last - 1, last} - {-1})
    alone = {n: fetch_page(db, flt, n, count=count) for n in numbers}  # from the start or the end
    for n, page in alone.items():
        assert [r.id for r in page.rows] == expected(db, flt, n), n
        if n:
            prev = page_events(db, flt, n * PAGE_SIZE - 1, 1)[0]
            assert page.prev_year == prev.year
    for n in numbers:  # from a neighbour, from a far page, with both around
        for anchors in ({n - 1: alone.get(n - 1)}, {n + 1: alone.get(n + 1)}, {0: alone[0], last: alone[last]}):
            anchors = {k: v for k, v in anchors.items() if v is not None}
            if n in anchors:
                continue
            for k in list(anchors):
                anchors[k] = fetch_page(db, flt, k, count=count)
            page = fetch_page(db, flt, n, count=count, anchors=anchors)
            assert [r.id for r in page.rows] == expected(db, flt, n), (n, list(anchors))
    # walking page by page from each neighbour gives the whole timeline
    pages = {0: fetch_page(db, flt, 0, count=count)}
    for n in range(1, min(last, 12) + 1):
        pages[n] = fetch_page(db, flt, n, count=count, anchors={n - 1: pages[n - 1]})
        assert [r.id for r in pages[n].rows] == expected(db, flt, n)


def test_seek_both_ways(big_db):
    db = connect(big_db)
    rows = seek_events(db, Filter(), limit=5)
    assert [r.id for _, r in rows] == [r.id for r in page_events(db, Filter(), 0, 5)]
    key = rows[2][0]
    assert [r.id for _, r in seek_events(db, Filter(), key=key, limit=2)] == [r.id for _, r in rows[3:5]]
    assert [r.id for _, r in seek_events(db, Filter(), key=key, backwards=True)] == [rows[1][1].id, rows[0][1].id]
    tail = seek_events(db, Filter(), backwards=True, limit=3)
    assert [r.id for _, r in tail][::-1] == [r.id for r in page_events(db, Filter(), 20_000 - 3, 3)]


def test_positions(big_db):
    db = connect(big_db)
    flt = Filter(province="Hà Nội")
    rows = page_events(db, flt, 500, 3)
    for i, row in enumerate(rows):
        assert event_position(db, flt, row.id) == 500 + i
    assert event_position(db, Filter(), 10**9) is None
    every = page_events(db, Filter(), 0, 10**9)
    first_2010 = next(i for i, r in enumerate(every) if r.date_start >= "2010")
    assert date_position(db, Filter(), "2010") == first_2010
    assert date_position(db, Filter(), "2010-01-01") == first_2010


def test_rows_without_a_sort_date_page_by_offset(tmp_path):
    from fixtures import make_big_db

    path = make_big_db(tmp_path / "nulls.db", 1_000)
    db = connect(path)
    with db.conn:
        db.execute("update events set date_sort = null where id % 7 = 0")
    assert has_undated_sort(db, Filter())
    assert not has_undated_sort(connect(make_big_db(tmp_path / "dated.db", 10)), Filter())
    count = 1_000
    pages = {0: fetch_page(db, Filter(), 0, count=count, keyset=False)}
    for n in range(1, 5):
        pages[n] = fetch_page(db, Filter(), n, count=count, anchors={n - 1: pages[n - 1]}, keyset=False)
        assert [r.id for r in pages[n].rows] == expected(db, Filter(), n)
    nulls = [r.id for r in page_events(db, Filter(), 0, 200) if r.id % 7 == 0]
    assert nulls and event_position(db, Filter(), nulls[3]) == 3


def test_histogram_counts(big_db):
    from store.query import histogram

    db = connect(big_db)
    for flt in (Filter(), Filter(province="Hà Nội"), Filter(since="2010", until="2011"), Filter(search="su kien 1")):
        hist = histogram(db, flt)
        every = page_events(db, flt, 0, 10**9)
        assert hist.total == len(every)
        months: dict[str, int] = {}
        for r in every:
            months[r.date_start[:7]] = months.get(r.date_start[:7], 0) + 1
        assert hist.months == months and not hist.years and not hist.undated
        assert sum(hist.per_year().values()) == len(every)


def test_histogram_sorts_out_partial_dates():
    from store.bulk import NewEvent, insert_events
    from store.query import histogram

    db = connect(":memory:")
    insert_events(
        db,
        [
            NewEvent("a", "other", "2021-03-26"),
            NewEvent("b", "other", "2021-03-01"),
            NewEvent("c", "other", "2024", precision="approximate"),
            NewEvent("d", "other", None),
        ],
    )
    db.execute("insert into events (id, title, date_sort) values (9, 'e', '????-04-02')")
    hist = histogram(db)
    assert hist.months == {"2021-03": 2}
    assert hist.years == {"2024": 1}
    assert hist.undated == 2
    assert hist.per_year() == {"2021": 2, "2024": 1}
