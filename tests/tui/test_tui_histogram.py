"""The histogram of events over time (`h`), keys pressed before the first
view, and a search view paged from its ids."""

from __future__ import annotations

import sqlite3

import pytest
from tui_helpers import SIZE, settle

from store.query import Filter
from store.text import fold
from tui.widgets.histogram import Histogram, buckets
from tui.widgets.timeline import Timeline


async def test_histogram_toggles_and_follows_the_view(fixture_db, make_app):
    app = make_app(fixture_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        hist = app.screen.query_one(Histogram)
        assert not hist.display
        await pilot.press("h")
        await settle(pilot)
        assert hist.display
        assert hist.counts is not None and hist.counts.total == 4
        assert hist.counts.months == {"2021-03": 1, "2021-04": 1, "2022-10": 1}
        caption = hist.render_line(4).text
        assert "Events per month, 2021–2024" in caption and "1 known only by year" in caption
        assert "here 03/2021" in caption  # the highlighted event's month
        await pilot.press("j", "j")
        await settle(pilot)
        assert "here 10/2022" in hist.render_line(4).text

        app.apply_filter(Filter(province="Huế"))
        await settle(pilot)
        assert hist.counts is not None and hist.counts.total == 1
        assert app.screen._histograms.keys() == {Filter(), Filter(province="Huế")}  # counted once per filter

        await pilot.press("h")
        await settle(pilot)
        assert not hist.display


async def test_clicking_a_period_goes_there(big_db, make_app):
    app = make_app(big_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("h")
        await settle(pilot)
        hist = app.screen.query_one(Histogram)
        timeline = app.query_one(Timeline)
        target = next(i for i, b in enumerate(hist._buckets) if b.year == "2012")
        await pilot.click(Histogram, offset=(1 + target * hist._column, 2))  # 1: the left padding
        await settle(pilot)
        con = sqlite3.connect(big_db)
        (before,) = con.execute("select count(*) from events where date_sort < ?", [hist._buckets[target].start])
        assert timeline.cursor == before[0]
        assert timeline.current_row is not None and timeline.current_row.year == "2012"
        assert "here" in hist.render_line(4).text


def test_buckets_fit_the_width():
    from store.query import Histogram as Counts

    counts = Counts({"2000-01": 5, "2010-06": 3, "2024-12": 7}, {"2005": 2}, 1)
    cols, unit = buckets(counts, 400)
    assert unit == "month" and len(cols) == 25 * 12
    cols, unit = buckets(counts, 110)
    assert unit == "quarter" and len(cols) == 100
    assert sum(b.n for b in cols) == 15  # year-only events are left out of quarters
    cols, unit = buckets(counts, 40)
    assert unit == "year" and sum(b.n for b in cols) == 17
    cols, unit = buckets(counts, 10)
    assert unit == "3 years" and len(cols) == 9 and sum(b.n for b in cols) == 17
    assert buckets(Counts({}, {}, 3), 80) == ([], "month")


async def test_keys_before_the_first_view_are_kept(big_db, make_app):
    app = make_app(big_db)
    async with app.run_test(size=SIZE) as pilot:
        timeline = app.query_one(Timeline)
        await pilot.press("G")  # at once: usually before the first view has loaded
        await settle(pilot)
        assert timeline.cursor == 19_999
        assert timeline.current_row is not None


@pytest.mark.parametrize(
    ("words", "like", "by_ids"),
    [("su kien 1", "su kien so 1", False), ("su kien so 1234", "su kien so 1234", True)],
    ids=["many matches, paged by key", "few matches, paged from ids"],
)
async def test_search_view_pages_in_timeline_order(big_db, make_app, words, like, by_ids):
    app = make_app(big_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        timeline = app.query_one(Timeline)
        timeline.cursor = 5_000
        await settle(pilot)
        await pilot.press("slash", *words, "enter")
        await settle(pilot)
        con = sqlite3.connect(big_db)
        ids = [i for i, title in con.execute("select id, title from events order by date_sort, id")
               if fold(title).startswith(like)]  # fmt: skip
        assert timeline.count == len(ids)
        assert (timeline._view.ids is not None) == by_ids
        if by_ids:
            assert list(timeline._view.ids) == ids  # type: ignore[arg-type]
        else:
            assert 0 < timeline.cursor < len(ids) - 1  # near where the cursor was in time
        await pilot.press("G")
        await settle(pilot)
        assert timeline.current_row is not None and timeline.current_row.id == ids[-1]
        timeline.scroll_to(y=len(ids) // 2, animate=False)
        await settle(pilot)
        assert timeline.row_at(len(ids) // 2).id == ids[len(ids) // 2]  # type: ignore[union-attr]
        assert timeline.row_at(len(ids) // 2).id == ids[len(ids) // 2]  # type: ignore[union-attr]
