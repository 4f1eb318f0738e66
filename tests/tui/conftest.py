"""Fixtures for the app tests: databases built by tests/fixtures.py and an app
factory (`settle` and `SIZE` are in tui_helpers.py)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from fixtures import make_big_db, make_empty_db, make_fixture_db, make_hostile_db  # noqa: E402

from tui.app import SukienApp  # noqa: E402


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
        app = SukienApp(db_path, **kwargs)
        app.animation_level = "none"  # tests wait for animations otherwise
        return app

    return factory
