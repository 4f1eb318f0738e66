"""App-wide things: export, help, command palette, untrusted text, start-up."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from fixtures import HOSTILE_QUOTE, HOSTILE_SPEAKER
from textual.widgets import Static
from tui_helpers import SIZE, settle

from store.query import Filter
from tui.screens import ArticleScreen, EventScreen, HelpScreen, TimelineScreen
from tui.widgets.safe import visible
from tui.widgets.timeline import Timeline

ROOT = Path(__file__).resolve().parents[2]


async def test_export_writes_the_digest_of_the_view(fixture_db, make_app, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    app = make_app(fixture_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("p")
        await settle(pilot)
        await pilot.press(*"hue", "enter")
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        digest = tmp_path / "digest.md"
        assert digest.exists()
        text = digest.read_text(encoding="utf-8")
        assert "Tuần lễ Chuyển đổi số – Huế 2021" in text
        assert "Xu thế tất yếu" not in text  # only the filtered view
        messages = [n.message for n in app._notifications]
        assert any(str(digest) in m for m in messages), messages


async def test_export_to_a_chosen_path(fixture_db, make_app, tmp_path):
    target = tmp_path / "out" / "my-digest.md"
    app = make_app(fixture_db, digest_path=target)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        assert "Xu thế tất yếu" in target.read_text(encoding="utf-8")
        assert any(str(target) in n.message for n in app._notifications)


async def test_a_long_export_says_how_far_it_is(fixture_db, make_app, tmp_path, monkeypatch):
    import tui.app

    monkeypatch.setattr(tui.app, "PROGRESS_EVERY_S", 0.0)
    target = tmp_path / "digest.md"
    app = make_app(fixture_db, digest_path=target)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        assert target.exists()
        messages = [n.message for n in app._notifications]
        assert any(m.startswith("Writing the digest of ") and m.endswith("%…") for m in messages), messages


async def test_quitting_during_an_export_leaves_no_partial_file(fixture_db, make_app, tmp_path, monkeypatch):
    import time

    import store.digest

    real = store.digest.event_detail

    def slow(db, event_id):  # an export of many events, in small
        time.sleep(0.3)
        return real(db, event_id)

    monkeypatch.setattr(store.digest, "event_detail", slow)
    out = tmp_path / "out"
    app = make_app(fixture_db, digest_path=out / "digest.md")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await pilot.pause(0.5)
        assert [p.name for p in out.iterdir() if p.name.endswith(".tmp")]  # under way
        await pilot.press("q")
        assert list(out.iterdir()) == []  # stopped and cleaned up before the app ends, not after


async def test_export_failure_is_reported(fixture_db, make_app, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    app = make_app(fixture_db, digest_path=blocker / "digest.md")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        assert any(n.severity == "error" for n in app._notifications)


async def test_help_screen(fixture_db, make_app):
    app = make_app(fixture_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        body = str(app.screen.query_one("#help-body", Static).content)
        for expected in ("↓ j", "Next event", "home g", "/", "Search titles", "esc", "Back to the timeline",
                         "tab", "Write the digest", "^p", "Quit sukien"):  # fmt: skip
            assert expected in body, expected
        await pilot.press("escape")
        assert isinstance(app.screen, TimelineScreen)
        assert app.is_running


async def test_command_palette_filters(fixture_db, make_app):
    app = make_app(fixture_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"interview")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await settle(pilot)
        timeline = app.query_one(Timeline)
        assert timeline.filter == Filter(kind="interview")
        assert timeline.count == 1

        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"year 2021")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await settle(pilot)
        assert timeline.filter == Filter(kind="interview", since="2021", until="2021")
        assert timeline.count == 0

        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"province hue")  # no diacritics needed
        await pilot.pause(0.5)
        await pilot.press("enter")
        await settle(pilot)
        assert timeline.filter.province == "Thừa Thiên Huế"

        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"clear")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await settle(pilot)
        assert timeline.filter == Filter()
        assert timeline.count == 4


async def test_palette_filter_from_an_event_returns_to_the_timeline(fixture_db, make_app):
    app = make_app(fixture_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, EventScreen)
        app.narrow(province="Huế")
        await settle(pilot)
        assert isinstance(app.screen, TimelineScreen)
        assert app.query_one(Timeline).count == 1


def test_control_characters_are_made_visible():
    assert visible("a\x1b[2Jb") == "a␛[2Jb"
    assert visible("x\x07\x00\x7f\x9b") == "x␇␀␡\\x9b"
    assert visible("two\nlines") == "two␊lines"
    assert visible("two\r\nlines\tand\x1b", multiline=True) == "two\nlines\tand␛"
    assert visible("\u202eevil") == "\\u202eevil"
    assert visible("[bold]x[/]") == "[bold]x[/]"


async def test_hostile_text_is_shown_literally(hostile_db, make_app):
    app = make_app(hostile_db)
    async with app.run_test(size=(200, 40)) as pilot:
        await settle(pilot)
        timeline = app.query_one(Timeline)
        strip = timeline.render_line(0)
        assert "[bold red]x[/] ␛[2J Hội thảo [link=file:///etc/passwd]bấm[/link]" in strip.text
        assert all(seg.style is None or not seg.style.link for seg in strip)
        assert "\x1b" not in strip.text

        await pilot.press("enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, EventScreen)
        heading = str(screen.query_one("#event-heading", Static).content)
        assert "[bold red]x[/] ␛[2J" in heading
        screen.show_pane("quotes")
        quotes = str(screen.query_one("#quotes-body", Static).content)
        assert visible(HOSTILE_SPEAKER) in quotes
        assert "[b]Chủ tịch[/b]" in quotes
        assert f"“{visible(HOSTILE_QUOTE)}”" in quotes
        assert "\x1b" not in quotes and "\x07" not in quotes
        overview = str(screen.query_one("#overview-body", Static).content)
        assert "[red]Báo[/red]" in overview and "https://example.com/[bold]x[/]" in overview

        screen.show_pane("sources")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ArticleScreen)
        body = str(app.screen.query_one("#article-body", Static).content)
        assert "Dòng 1 ␛[2J [bold]đậm[/bold]\n[link=file:///etc/passwd]passwd[/link] ␛]0;title␇ kết thúc" == body


def test_the_app_starts_light():
    """Importing the app does not import the heavy extraction libraries."""
    code = "import sys, tui.app; print(sorted(m for m in ('dateparser', 'vietnamadminunits') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


SEEDS = Path(__file__).resolve().parents[2] / "seeds"


async def test_reload_shows_events_loaded_meanwhile(tmp_path, make_app):
    from store.db import connect
    from store.load import load_paths
    from tui.widgets.timeline import Timeline

    seeds = SEEDS
    path = tmp_path / "live.db"
    load_paths(connect(path), [seeds / "002_9b311bb2bf35d815.txt"], workers=1)
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        timeline = app.query_one(Timeline)
        assert timeline.count == 1
        load_paths(connect(path), [seeds], workers=1)  # another terminal loads while the app is open
        await pilot.press("r")
        await settle(pilot)
        assert timeline.count == 4
        assert timeline.current_row is not None and "Đắk Lắk hướng tới công dân số" in timeline.current_row.title


async def test_the_footer_follows_a_burst_of_binding_changes(fixture_db, make_app):
    """The footer is rebuilt once after several changes of bindings, and shows
    the bindings as they end up: `Esc` appears with a search and goes with it."""
    from textual.widgets._footer import FooterKey

    from tui.widgets.footer import KeysFooter

    rebuilt = []
    real = KeysFooter.recompose

    async def counting(self):  # noqa: ANN001, ANN202
        rebuilt.append(1)
        return await real(self)

    app = make_app(fixture_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        footer = app.screen.query_one(KeysFooter)

        def keys() -> list[str]:
            return [k.description for k in footer.query(FooterKey)]

        assert "All events" not in keys()
        KeysFooter.recompose = counting  # type: ignore[method-assign]
        try:
            await pilot.press("slash", *"hue", "enter")  # search box opens and closes, focus moves, the view changes
            await settle(pilot)
        finally:
            KeysFooter.recompose = real  # type: ignore[method-assign]
        assert "All events" in keys()
        assert 1 <= len(rebuilt) <= 5  # once for each burst, not once for each change (Textual's: 8 here)
        await pilot.press("escape")
        await settle(pilot)
        assert "All events" not in keys()
