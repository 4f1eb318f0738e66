"""Extraction floors in CI (like trafilatura's eval_gate): the seeds key always,
the dev key when ../shared is present."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
SCORE = SHARED / "eval" / "score.py"

SEEDS_FLOORS = (
    "published=1,event_date=1,event_kind=1,provinces_f1=0.95,speakers_f1=0.9,quotes_f1=0.85,quote_speaker=0.9,"
    "targets_f1=0.85"
)
DEV_FLOORS = (
    "published=1,event_date=0.9,event_kind=0.85,provinces_f1=0.9,speakers_f1=0.85,quotes_f1=0.8,quote_speaker=0.9,"
    "targets_f1=0.8"
)


def facts_for(folder: Path, tmp: Path) -> Path:
    from tui.cli import main

    db = tmp / "gate.db"
    assert main(["load", str(folder), "--db", str(db), "-q"]) == 0
    out = tmp / "facts.jsonl"
    cmd = [sys.executable, "-m", "tui.cli", "facts", "--jsonl", "--db", str(db)]
    out.write_text(subprocess.run(cmd, capture_output=True, text=True, check=True).stdout, encoding="utf-8")
    return out


def score(key: Path, facts: Path, floors: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(SCORE), str(key), str(facts), "--require", floors], capture_output=True, text=True
    )


@pytest.mark.skipif(not SCORE.exists(), reason="../shared is absent")
def test_seeds_floors(tmp_path):
    result = score(SHARED / "eval" / "seeds-gold.jsonl", facts_for(ROOT / "seeds", tmp_path), SEEDS_FLOORS)
    assert result.returncode == 0, result.stdout


@pytest.mark.skipif(not SCORE.exists(), reason="../shared is absent")
def test_dev_floors(tmp_path):
    folder = tmp_path / "dev"
    folder.mkdir()
    for line in (SHARED / "eval" / "dev-gold.jsonl").read_text(encoding="utf-8").splitlines():
        name = json.loads(line)["file"]
        shutil.copy(SHARED / "corpus" / "unc" / name, folder)
    result = score(SHARED / "eval" / "dev-gold.jsonl", facts_for(folder, tmp_path), DEV_FLOORS)
    assert result.returncode == 0, result.stdout
