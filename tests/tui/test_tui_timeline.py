"""The timeline: order, year grouping, keys, the mouse, filters, search and paging."""

from __future__ import annotations

import sqlite3

from textual.widgets import Input, Static
from tui_helpers import SIZE, settle

from store.query import Filter
from tui.screens import EventScreen, ProvinceScreen, TimelineScreen
from tui.widgets.paging import PAGE_SIZE
from tui.widgets.timeline import MAX_PAGES, Timeline


def lines(timeline: Timeline, n: int) -> list[str]:
    return [timeline.render_line(y).text for y in range(n)]


def status(app) -> str:  # type: ignore[no-untyped-def]
    return str(app.screen.query_one("#status", Static).content)


async def test_rows_in_order_grouped_by_year(fixture_db, make_app):
    app = make_app(fixture_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        timeline = app.query_one(Timeline)
        assert timeline.count == 4
        text = lines(timeline, 5)
        assert text[0].startswith("2021  26/03/2021")
        assert "Đắk Lắk" in text[0] and "workshop" in text[0]
        assert "Chuyển đổi số - Xu thế tất yếu của sự phát triển" in text[0]
        assert "❝3" in text[0] and "◎4" in text[0] and "⧉2" in text[0]
        assert text[1].startswith("      27–30/04/2021")  # same year: no year in the gutter
        assert "Thừa Thiên Huế" in text[1] and "week" in text[1]
        assert text[2].startswith("2022  07/10/2022")
        assert text[3].startswith("2024  ~2024")
        assert text[4].strip() == ""
        assert "all events · 4 events" in status(app)


async def test_keys_move_the_cursor(fixture_db, make_app):
    app = make_app(fixture_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        timeline = app.query_one(Timeline)
        assert timeline.has_focus
        steps = [("j", 1), ("j", 2), ("k", 1), ("down", 2), ("up", 1), ("G", 3), ("g", 0), ("end", 3),
                 ("home", 0), ("pagedown", 3), ("pageup", 0), ("k", 0)]  # fmt: skip
        for key, expected in steps:
            await pilot.press(key)
            assert timeline.cursor == expected, key
        await pilot.press("j", "j")
        await settle(pilot)
        assert timeline.current_row is not None
        assert timeline.current_row.title == "Hội nghị hưởng ứng Ngày Chuyển đổi số: Đắk Lắk hướng tới công dân số"
        assert "3/4" in status(app)


async def test_click_opens_the_row(fixture_db, make_app):
    app = make_app(fixture_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.click(Timeline, offset=(30, 1))
        await settle(pilot)
        assert isinstance(app.screen, EventScreen)
        assert app.screen.row.title == "Tuần lễ Chuyển đổi số – Huế 2021"
        await pilot.press("escape")
        assert isinstance(app.screen, TimelineScreen)
        assert app.query_one(Timeline).cursor == 1


async def choose_province(pilot, typed: str | None = None, value: str | None = None) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("p")
    await settle(pilot)
    assert isinstance(pilot.app.screen, ProvinceScreen)
    if typed:
        await pilot.press(*typed)
    if value is not None:
        pilot.app.screen.query_one(Input).value = value
    await pilot.pause()
    await pilot.press("enter")
    await settle(pilot)


async def test_province_filter(fixture_db, make_app):
    app = make_app(fixture_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        timeline = app.query_one(Timeline)

        await choose_province(pilot, value="Đắk Lắk")
        assert timeline.count == 3
        assert timeline.filter.province == "Đắk Lắk"
        assert "province Đắk Lắk · 3 events of 4" in status(app)

        for spelling in ("Huế", "Thừa Thiên Huế", "thua thien hue"):
            await choose_province(pilot, value=spelling)
            assert timeline.count == 1, spelling
            assert "Tuần lễ Chuyển đổi số – Huế 2021" in lines(timeline, 1)[0]

        await choose_province(pilot, value="")  # nothing typed: every province
        assert timeline.count == 4
        assert timeline.filter == Filter()


async def test_province_typed_without_diacritics(fixture_db, make_app):
    app = make_app(fixture_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await choose_province(pilot, typed="hue")
        assert app.query_one(Timeline).count == 1
        await choose_province(pilot, typed="dak lak")
        assert app.query_one(Timeline).count == 3


async def test_unknown_province_is_reported(fixture_db, make_app):
    app = make_app(fixture_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await choose_province(pilot, value="Atlantis")
        assert app.query_one(Timeline).count == 4
        assert any("Atlantis" in n.message for n in app._notifications)
        await pilot.press("p")
        await settle(pilot)
        await pilot.press("escape")  # cancelled: nothing changes
        await settle(pilot)
        assert isinstance(app.screen, TimelineScreen)
        assert app.query_one(Timeline).count == 4


async def test_search_without_diacritics(fixture_db, make_app):
    app = make_app(fixture_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        timeline = app.query_one(Timeline)
        await pilot.press("slash")
        assert app.screen.query_one("#search", Input).has_focus
        await pilot.press(*"chuyen doi so", "enter")
        await settle(pilot)
        assert timeline.filter.search == "chuyen doi so"
        assert timeline.count == 3
        assert timeline.has_focus
        assert "search “chuyen doi so” · 3 events of 4" in status(app)

        await pilot.press("escape")  # back to every event
        await settle(pilot)
        assert timeline.count == 4
        assert timeline.filter == Filter()


async def test_search_with_no_match_says_so(fixture_db, make_app):
    app = make_app(fixture_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"khong co zzz", "enter")
        await settle(pilot)
        assert app.query_one(Timeline).count == 0
        empty = app.screen.query_one("#empty", Static)
        assert empty.display
        assert "No events match" in str(empty.content)
        await pilot.press("escape")
        await settle(pilot)
        assert not empty.display
        assert app.query_one(Timeline).count == 4


async def test_escape_in_the_search_box_cancels(fixture_db, make_app):
    app = make_app(fixture_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"hue", "escape")
        await settle(pilot)
        assert not app.screen.query_one("#search", Input).display
        assert app.query_one(Timeline).filter == Filter()


async def test_empty_database_shows_how_to_load(empty_db, make_app):
    app = make_app(empty_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.query_one(Timeline).count == 0
        assert not app.query_one(Timeline).display
        empty = app.screen.query_one("#empty", Static)
        assert empty.display
        hint = str(empty.content)
        assert "sukien load PATH" in hint
        assert "make run" in hint
        for key in ("j", "G", "enter"):  # nothing to move to, nothing breaks
            await pilot.press(key)
        assert isinstance(app.screen, TimelineScreen)


async def test_initial_filter(fixture_db, make_app):
    app = make_app(fixture_db, initial_filter=Filter(province="hue"))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.query_one(Timeline).count == 1


async def test_paging_a_big_timeline(big_db, make_app):
    app = make_app(big_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        timeline = app.query_one(Timeline)
        assert timeline.count == 20_000
        assert len(timeline._pages) <= 4  # only what the screen needs, and the two ends read ahead
        assert (timeline.count - 1) // PAGE_SIZE in timeline._pages  # End will not wait for the database

        await pilot.press("G")
        await settle(pilot)
        assert timeline.cursor == 19_999
        last = timeline.current_row
        assert last is not None
        con = sqlite3.connect(big_db)
        (last_id,) = con.execute("select id from events order by date_sort desc, id desc limit 1").fetchone()
        assert last.id == last_id
        assert "…" not in "".join(lines(timeline, 10))

        height = timeline.scrollable_content_region.height
        await pilot.press("pageup")
        assert timeline.cursor == 19_999 - (height - 1)

        await pilot.press("g")
        await settle(pilot)
        await pilot.press("pagedown")
        assert timeline.cursor == height - 1

        # scrolling (as the wheel does) far away loads the pages on screen
        timeline.scroll_to(y=12_345, animate=False)
        await settle(pilot)
        assert timeline.scroll_offset.y == 12_345
        assert timeline.row_at(12_345) is not None
        text = lines(timeline, height)
        assert "…" not in "".join(text)
        assert text[0][:4].isdigit()  # the top line names the year

        for y in range(0, 20_000, PAGE_SIZE * 3):  # jump around: the cache stays bounded
            timeline.scroll_to(y=y, animate=False)
            await settle(pilot)
        assert len(timeline._pages) <= MAX_PAGES


async def test_years_across_page_edges(big_db, make_app):
    """A row at the start of a page knows whether it starts a year, from the
    row before the page (fetched with it)."""
    con = sqlite3.connect(big_db)
    years = [r[0][:4] for r in con.execute("select date_sort from events order by date_sort, id")]
    app = make_app(big_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        timeline = app.query_one(Timeline)
        for index in (PAGE_SIZE, PAGE_SIZE * 5, PAGE_SIZE * 40):
            timeline.scroll_to(y=index - 1, animate=False)
            await settle(pilot)
            row = timeline.row_at(index)
            assert row is not None
            assert timeline._starts_year(index, row) == (years[index] != years[index - 1])
        first_of_2001 = years.index("2001")
        timeline.scroll_to(y=first_of_2001 - 1, animate=False)
        await settle(pilot)
        assert lines(timeline, 2)[1].startswith("2001")


async def test_filter_keeps_the_cursor_near_the_event(big_db, make_app):
    app = make_app(big_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        timeline = app.query_one(Timeline)
        timeline.cursor = 10_000
        await settle(pilot)
        row = timeline.current_row
        assert row is not None
        await choose_province(pilot, value=row.provinces[0])
        assert timeline.current_row is not None and timeline.current_row.id == row.id
        await pilot.press("escape")
        await settle(pilot)
        assert timeline.cursor == 10_000
