from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"


@pytest.fixture
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture
def seeded_db(tmp_path: Path):
    from store.db import connect
    from store.load import load_paths

    path = tmp_path / "seeds.db"
    db = connect(path)
    load_paths(db, [SEEDS])
    return db
