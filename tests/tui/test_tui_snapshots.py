"""What a person sees, for the main views (a few snapshots only; behaviour is
checked by the Pilot tests). Update with `pytest tests/tui --snapshot-update`
after checking the new pictures in snapshot_report.html."""

from __future__ import annotations

from tui_helpers import SIZE, settle


def test_timeline(snap_compare, fixture_db, make_app):
    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await settle(pilot)
        await pilot.press("j")
        await settle(pilot)

    assert snap_compare(make_app(fixture_db), terminal_size=SIZE, run_before=run_before)


def test_event_quotes(snap_compare, fixture_db, make_app):
    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("tab")
        await settle(pilot)

    assert snap_compare(make_app(fixture_db), terminal_size=SIZE, run_before=run_before)


def test_event_targets(snap_compare, fixture_db, make_app):
    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("tab", "tab")
        await settle(pilot)

    assert snap_compare(make_app(fixture_db), terminal_size=SIZE, run_before=run_before)


def test_empty_database(snap_compare, empty_db, make_app, monkeypatch):
    monkeypatch.chdir(empty_db.parent)  # a relative path, so the picture does not show the temporary folder

    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await settle(pilot)

    assert snap_compare(make_app(empty_db.name), terminal_size=SIZE, run_before=run_before)
