"""Drilling into an event: the four panes, reading a source, going back."""

from __future__ import annotations

from textual.widgets import DataTable, Static, TabbedContent
from tui_helpers import SIZE, settle

from tui.screens import ArticleScreen, EventScreen, TimelineScreen
from tui.widgets.timeline import Timeline


def text_of(screen, selector: str) -> str:  # type: ignore[no-untyped-def]
    return str(screen.query_one(selector, Static).content)


def table_rows(table: DataTable) -> list[list[str]]:
    return [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]


async def open_event(pilot, index: int) -> EventScreen:  # type: ignore[no-untyped-def]
    await settle(pilot)
    pilot.app.query_one(Timeline).cursor = index
    await pilot.press("enter")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, EventScreen)
    return screen


async def test_overview(fixture_db, make_app):
    app = make_app(fixture_db)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_event(pilot, 0)
        assert screen.pane == "overview"
        overview = text_of(screen, "#overview-body")
        assert "26/03/2021" in overview
        assert "Đắk Lắk" in overview
        assert "workshop" in overview
        assert "Nguyễn Huy Dũng — Thứ trưởng Bộ TT-TT" in overview
        assert "Nguyễn Tuấn Hà — Phó Chủ tịch Thường trực UBND tỉnh Đắk Lắk" in overview
        assert "dantri.com.vn · 2021-03-26" in overview
        assert "https://dantri.com.vn/xa-hoi/" in overview
        assert "Chuyển đổi số trên 3 trụ cột chính" in overview  # the second source, with no outlet


async def test_range_and_approximate_dates(fixture_db, make_app):
    app = make_app(fixture_db)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_event(pilot, 1)
        assert "27–30/04/2021  (date range)" in text_of(screen, "#overview-body")
        await pilot.press("escape")
        screen = await open_event(pilot, 3)
        assert "~2024  (approximate)" in text_of(screen, "#overview-body")


async def test_quotes_grouped_by_speaker(fixture_db, make_app):
    app = make_app(fixture_db)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_event(pilot, 0)
        await pilot.press("tab")
        assert screen.pane == "quotes"
        quotes = text_of(screen, "#quotes-body")
        assert quotes.count("Nguyễn Huy Dũng") == 1  # one heading for both of his quotes
        assert "“Chúng ta đang sống trong một giai đoạn đặc biệt" in quotes
        assert "“Chuyển đổi số là một hành trình dài" in quotes
        reported = "mục tiêu về chính quyền số của tỉnh Đắk Lắk là 100% dịch vụ công trực tuyến mức độ 4 (reported)"
        assert reported in quotes
        assert quotes.index("Nguyễn Huy Dũng") < quotes.index("Nguyễn Tuấn Hà")


async def test_unattributed_quote(fixture_db, make_app):
    app = make_app(fixture_db)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_event(pilot, 1)
        screen.show_pane("quotes")
        quotes = text_of(screen, "#quotes-body")
        assert "Lê Trường Lưu — Bí thư Tỉnh ủy Thừa Thiên Huế" in quotes
        assert "Unattributed" in quotes


async def test_targets_table(fixture_db, make_app):
    app = make_app(fixture_db)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_event(pilot, 0)
        await pilot.press("tab", "tab")
        assert screen.pane == "targets"
        table = screen.query_one("#targets-table", DataTable)
        assert table.has_focus
        rows = table_rows(table)
        assert rows[0] == ["dịch vụ công trực tuyến mức độ 4", "100", "%", "by 2025", "target"]
        assert rows[1][1:] == ["≥ 90", "%", "by 2025", "target"]
        assert rows[3] == ["đại biểu tham dự", "> 500", "đại biểu", "in 2021", "figure"]
        assert text_of(screen, "#target-text") == "100% dịch vụ công trực tuyến mức độ 4"
        await pilot.press("down")
        assert "từ 90% trở lên hồ sơ công việc" in text_of(screen, "#target-text")


async def test_event_without_quotes(fixture_db, make_app):
    app = make_app(fixture_db)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_event(pilot, 2)
        screen.show_pane("quotes")
        assert "No quotes" in text_of(screen, "#quotes-body")


async def test_sources_and_article_text(fixture_db, make_app):
    app = make_app(fixture_db)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_event(pilot, 0)
        await pilot.press("shift+tab")  # backwards from Overview wraps to Sources
        assert screen.pane == "sources"
        table = screen.query_one("#sources-table", DataTable)
        rows = table_rows(table)
        assert rows[0][:2] == ["dantri.com.vn", "2021-03-26"]
        assert rows[0][3].startswith("https://dantri.com.vn/")
        await pilot.press("enter")
        await settle(pilot)
        article = app.screen
        assert isinstance(article, ArticleScreen)
        body = text_of(article, "#article-body")
        assert "với sự tham dự của trên 500 đại biểu." in body
        assert "\n" in body  # paragraphs kept
        await pilot.press("escape")
        assert app.screen is screen
        assert screen.pane == "sources"


async def test_tab_cycles_and_escape_goes_back(fixture_db, make_app):
    app = make_app(fixture_db)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_event(pilot, 0)
        seen = [screen.pane]
        for _ in range(4):
            await pilot.press("tab")
            seen.append(screen.pane)
        assert seen == ["overview", "quotes", "targets", "sources", "overview"]
        assert app.screen.query_one(TabbedContent).active == "overview"
        await pilot.press("escape")
        assert isinstance(app.screen, TimelineScreen)
        assert app.query_one(Timeline).has_focus
