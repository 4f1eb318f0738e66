"""Fixtures for the app tests: databases built by tests/fixtures.py, an app
factory, and `settle`, which waits until every worker is done and its
messages are handled."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from textual.pilot import Pilot

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from fixtures import make_big_db, make_empty_db, make_fixture_db, make_hostile_db  # noqa: E402

from tui.app import SukienApp  # noqa: E402

SIZE = (120, 40)


async def settle(pilot: Pilot, rounds: int = 50) -> None:
    """Wait for the app's workers, then for the messages they posted, until
    nothing more is started."""
    app = pilot.app
    for _ in range(rounds):
        await app.workers.wait_for_complete()
        await pilot.pause()
        if not any(worker.is_running or worker.state.name == "PENDING" for worker in app.workers):
            await pilot.pause()
            if not any(worker.is_running or worker.state.name == "PENDING" for worker in app.workers):
                return
    raise AssertionError("the app did not settle")


@pytest.fixture
def fixture_db(tmp_path: Path) -> Path:
    return make_fixture_db(tmp_path / "fixture.db")


@pytest.fixture
def hostile_db(tmp_path: Path) -> Path:
    return make_hostile_db(tmp_path / "hostile.db")


@pytest.fixture
def empty_db(tmp_path: Path) -> Path:
    return make_empty_db(tmp_path / "empty.db")


@pytest.fixture(scope="session")
def big_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_big_db(tmp_path_factory.mktemp("big") / "big.db", 20_000)


@pytest.fixture
def make_app():
    def factory(db_path: Path, **kwargs) -> SukienApp:  # type: ignore[no-untyped-def]
        return SukienApp(db_path, **kwargs)

    return factory
