"""The compiled extraction (`store/native.py`): used only when built from the
source as it is, the same facts as plain Python, and an article a compiled
module fails on read again by the plain ones."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SEEDS, SHARED

import store
import store.load
from store import native

CORPUS = SHARED / "corpus" / "unc"


def _facts(module_of, path: Path) -> str:  # type: ignore[no-untyped-def]
    from datetime import date

    article = module_of("article").parse_article(path.read_bytes(), path.name, date(2026, 11, 22))
    return module_of("facts").facts_to_json(module_of("extract").extract(article))


def _in_use(name: str):  # type: ignore[no-untyped-def]
    import importlib

    return importlib.import_module(f"store.{name}")


def _articles() -> list[Path]:
    files = sorted(SEEDS.iterdir())
    if CORPUS.is_dir():
        files += sorted(CORPUS.iterdir())[::25]  # a hundred of the corpus, every kind of section
    return files


@pytest.mark.skipif(not store.NATIVE, reason="the compiled extraction is not built here (`python -m store.compile`)")
def test_compiled_and_plain_extraction_give_the_same_facts():
    assert Path(_in_use("extract").__file__).suffix != ".py"
    assert Path(native.pure("extract").__file__).suffix == ".py"
    for path in _articles():
        assert _facts(_in_use, path) == _facts(native.pure, path), path.name


def test_the_plain_copy_is_plain_and_apart():
    extract = native.pure("extract")
    assert Path(extract.__file__).suffix == ".py"
    assert extract.__name__ != "store.extract" and extract.extract is not _in_use("extract").extract
    facts = json.loads(_facts(native.pure, SEEDS / sorted(p.name for p in SEEDS.iterdir())[0]))
    assert facts["title"] and facts["provinces"]


def _fake_build(tmp_path: Path, sources: dict[str, str]) -> Path:
    built = tmp_path / "native"
    (built / "store").mkdir(parents=True)
    (built / native.MANIFEST).write_text(json.dumps({"abi": native._abi(), "sources": sources}))
    return built


def test_a_build_from_other_sources_is_not_used(tmp_path, monkeypatch):
    monkeypatch.delenv("SUKIEN_PURE", raising=False)
    package = type(sys)("fake")
    package.__path__ = ["here"]
    current = native._hashes()
    assert native.status(_fake_build(tmp_path / "a", current)) is None
    edited = {**current, "quotes": "0" * 64}
    built = _fake_build(tmp_path / "b", edited)
    assert "other sources" in (native.status(built) or "")
    assert native.enable(package, built) is False and package.__path__ == ["here"]
    assert "not built" in (native.status(tmp_path / "nowhere") or "")
    monkeypatch.setenv("SUKIEN_PURE", "1")
    built = _fake_build(tmp_path / "c", current)
    assert native.status(built) == "SUKIEN_PURE is set"
    assert native.stale(built) is None  # built from this source: `make` does not build it again


def test_a_matching_build_goes_first_in_the_path(tmp_path, monkeypatch):
    monkeypatch.delenv("SUKIEN_PURE", raising=False)
    monkeypatch.setattr(sys, "path", list(sys.path))
    package = type(sys)("fake")
    package.__path__ = ["here"]
    built = _fake_build(tmp_path, native._hashes())
    assert native.enable(package, built) is True
    assert package.__path__ == [str(built / "store"), "here"] and str(built) in sys.path


def test_sukien_pure_turns_the_build_off():
    code = "import store, store.extract; print(store.NATIVE, store.extract.__file__.endswith('.py'))"
    env = {"SUKIEN_PURE": "1", "PATH": "/usr/bin:/bin"}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env)
    assert out.stdout.split() == ["False", "True"]


def test_an_article_a_compiled_module_fails_on_is_read_by_the_plain_ones(monkeypatch):
    path = SEEDS / sorted(p.name for p in SEEDS.iterdir())[0]
    job = (str(path), path.name, path.read_bytes(), "2026-11-22", str(path))
    expected = store.load._parse_one(job)
    assert expected.error is None

    def fails(article):  # type: ignore[no-untyped-def]
        raise TypeError("str object expected; got None")

    monkeypatch.setattr(store.load, "extract", fails)
    monkeypatch.setattr(store.load, "NATIVE", True)
    again = store.load._parse_one(job)
    assert again.error is None and again.facts_json == expected.facts_json and again.row == expected.row
    monkeypatch.setattr(store.load, "NATIVE", False)  # plain Python failing is reported, as before
    failed = store.load._parse_one(job)
    assert failed.facts_json is None and "TypeError" in (failed.error or "")


def test_a_bad_article_is_reported_by_either(monkeypatch):
    job = ("x.txt", "x.txt", b"", "2026-11-22", "x.txt")
    for compiled in (False, True):
        monkeypatch.setattr(store.load, "NATIVE", compiled)
        parsed = store.load._parse_one(job)
        assert parsed.facts_json is None and parsed.error and "could not be read" not in parsed.error
