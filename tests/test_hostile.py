"""Bad files, faults and untrusted text: nothing lost, nothing obeyed, every problem named."""

from __future__ import annotations

import codecs
import os
import signal
import sqlite3
import subprocess
import sys
import time
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from store.article import parse_article
from store.db import SCHEMA_VERSION, StoreError, connect
from store.extract import extract
from store.load import load_paths
from store.query import Filter, all_events, count_events
from store.text import clean_line
from tui.cli import main

GOOD = "Ngày 26/3, UBND tỉnh Đắk Lắk tổ chức Hội thảo về chuyển đổi số với trên 500 đại biểu.\n"
GOOD2 = "Sáng 7/10, Sở TT-TT tỉnh Gia Lai tổ chức Hội nghị với 300 đại biểu tham dự.\n"


TONES = "\u0300\u0301\u0303\u0309\u0323"


def to_cp1258(text: str) -> bytes:
    """How Vietnamese Windows-1258 writes text: base letters precomposed, tone marks combining."""
    out = []
    for ch in text:
        d = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in d if c not in TONES))
        out.append(base + "".join(c for c in d if c in TONES))
    return "".join(out).encode("cp1258")


def load(tmp_path: Path, files: dict[str, bytes], **kw):
    folder = tmp_path / "in"
    folder.mkdir(exist_ok=True)
    for name, data in files.items():
        (folder / name).write_bytes(data)
    db = connect(tmp_path / "h.db")
    report = load_paths(db, [folder], today="2026-11-22", **kw)
    reasons = {Path(p).name: r for p, r in report.skipped}
    return db, report, reasons


@pytest.mark.parametrize(
    "data, reason",
    [
        (b"", "empty file"),
        (b"  \n\t\n ", "empty file"),
        (b"\x00\x01\x02\x00" * 100, "binary data"),
        (b"%PDF-1.7\n%\xe2\xe3", "a PDF file"),
        (b"\x89PNG\r\n\x1a\n....", "a PNG image"),
        (b"\xff\xd8\xff\xe0JFIF", "a JPEG image"),
        (b"Ng\xe0y 26/3 \xc3\x28 \xff\xfe\xfd", "not UTF-8"),
        (b"# url = http://x\n# date = 20210326\n", "no article text"),
    ],
)
def test_bad_file_skipped_with_reason(tmp_path, data, reason):
    db, report, reasons = load(tmp_path, {"good.txt": GOOD.encode(), "bad.txt": data})
    assert report.loaded == 1
    assert reason in reasons["bad.txt"]


@pytest.mark.parametrize(
    "encode",
    [
        lambda t: codecs.BOM_UTF8 + t.encode(),
        lambda t: t.encode("utf-16"),
        lambda t: unicodedata.normalize("NFD", t).encode(),
        lambda t: t.replace("\n", "\r\n").encode(),
        lambda t: to_cp1258(t),
    ],
    ids=["utf8-bom", "utf16-bom", "nfd", "crlf", "cp1258"],
)
def test_encodings_load_like_plain_utf8(tmp_path, encode):
    plain = extract(parse_article(GOOD.encode(), "a.txt"))
    other = extract(parse_article(encode(GOOD), "a.txt"))
    assert (other.event_start, other.kind, other.province_names(), [t.value for t in other.targets]) == (
        plain.event_start,
        plain.kind,
        plain.province_names(),
        [t.value for t in plain.targets],
    )


def test_nul_bytes_inside_text(tmp_path):
    db, report, _ = load(tmp_path, {"nul.txt": GOOD.replace("UBND", "UB\x00ND").encode()})
    assert report.loaded == 1 and "\x00" not in db.execute("select body from articles").fetchone()[0]


@pytest.mark.parametrize("header", ["20211345", "29991231", "abc", "2021"])
def test_impossible_or_future_header_dates_ignored(header):
    art = parse_article(f"# date = {header}\n{GOOD}".encode(), "a.txt", today=__import__("datetime").date(2026, 11, 22))
    assert art.published is None


def test_huge_header_line_and_long_lines(tmp_path):
    files = {
        "header.txt": b"# title = " + b"x" * 1_000_000 + b"\n" + GOOD.encode(),
        "line.txt": ("Ngày 26/3, " + "rất dài " * 250_000 + "\n").encode(),
        "quotes.txt": ("“" * 5000 + '"' * 5001 + " Ông Nguyễn Văn An cho biết: “" * 2000 + "\n").encode(),
        "numbers.txt": ("1.1." * 300_000 + " tỷ đồng\n").encode(),
    }
    started = time.perf_counter()
    db, report, reasons = load(tmp_path, files, workers=1)
    assert report.loaded == 4, reasons
    assert time.perf_counter() - started < 60  # generous: a regression to quadratic takes hours


def test_twenty_megabyte_article(tmp_path):
    body = (GOOD * (20 * 1024 * 1024 // len(GOOD.encode()))).encode()
    db, report, reasons = load(tmp_path, {"big.txt": body}, workers=1)
    assert report.loaded == 1, reasons


def test_duplicate_content_under_another_name(tmp_path):
    db, report, reasons = load(tmp_path, {"a.txt": GOOD.encode(), "copy of a.txt": GOOD.encode()})
    assert report.loaded == 1 and "same content as" in reasons["copy of a.txt"]


def test_links_and_odd_names(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_bytes(GOOD.encode())
    os.symlink(folder / "missing.txt", folder / "broken.txt")
    os.symlink(folder / "loop1.txt", folder / "loop2.txt")
    os.symlink(folder / "loop2.txt", folder / "loop1.txt")
    os.symlink(folder, folder / "self")  # a folder loop
    odd = os.fsencode(folder) + b"/b\xe0i-vi\xeat.txt"
    with open(odd, "wb") as fh:
        fh.write(GOOD2.encode())
    db = connect(tmp_path / "h.db")
    report = load_paths(db, [folder])
    assert report.loaded == 2
    reasons = {Path(p).name: r for p, r in report.skipped}
    assert reasons["broken.txt"] == "broken symbolic link"
    assert reasons["loop1.txt"] == "a loop of symbolic links"


def test_file_vanishing_during_load(tmp_path, monkeypatch):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_bytes(GOOD.encode())
    (folder / "b.txt").write_bytes(GOOD2.encode())
    import store.load as load_mod

    real = load_mod.iter_files

    def vanishing(paths, report):
        for p in real(paths, report):
            if p.name == "b.txt":
                p.unlink()
            yield p

    monkeypatch.setattr(load_mod, "iter_files", vanishing)
    report = load_paths(connect(tmp_path / "h.db"), [folder])
    assert report.loaded == 1 and "cannot read" in dict(report.skipped)[next(iter(dict(report.skipped)))]


def test_not_sqlite_corrupt_newer_and_foreign(tmp_path):
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not a database" * 1000)
    with pytest.raises(StoreError, match="junk.db"):
        connect(junk)
    newer = tmp_path / "newer.db"
    db = connect(newer)
    db.execute("update meta set value = ? where key = 'schema_version'", [str(SCHEMA_VERSION + 1)])
    db.conn.commit()
    db.conn.close()
    with pytest.raises(StoreError, match="newer than this sukien"):
        connect(newer)
    foreign = tmp_path / "foreign.db"
    conn = sqlite3.connect(foreign)
    conn.execute("create table invoices (id integer)")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="not sukien's"):
        connect(foreign)
    damaged = tmp_path / "damaged.db"
    db = connect(damaged)
    load_paths(db, [Path(__file__).parent.parent / "seeds"])
    db.conn.close()
    raw = bytearray(damaged.read_bytes())
    raw[4096:8192] = b"\xff" * 4096
    damaged.write_bytes(bytes(raw))
    for f in damaged.parent.glob("damaged.db-*"):
        f.unlink()
    code = main(["events", "--db", str(damaged)])
    assert code == 1


def test_read_only_database(tmp_path, capsys, monkeypatch):
    """A database that cannot be written (read-only media, no permission;
    opened read-only here because permission bits do not stop root)."""
    path = tmp_path / "ro.db"
    connect(path).conn.close()
    import store.db as dbmod

    real = dbmod.sqlite3.connect

    def read_only(target, *args, **kwargs):
        return real(f"file:{target}?mode=ro", *args, uri=True, **kwargs)

    monkeypatch.setattr(dbmod.sqlite3, "connect", read_only)
    assert main(["events", "--db", str(path)]) == 0  # reading works
    assert main(["load", str(Path(__file__).parent.parent / "seeds"), "--db", str(path)]) == 1
    err = capsys.readouterr().err
    assert "read-only" in err and "Traceback" not in err


def test_busy_database_is_a_clear_message(tmp_path, capsys, monkeypatch):
    path = tmp_path / "busy.db"
    connect(path).conn.close()
    blocker = sqlite3.connect(path)
    blocker.execute("begin exclusive")
    import store.db as dbmod

    real = dbmod.sqlite3.connect
    monkeypatch.setattr(dbmod.sqlite3, "connect", lambda *a, **k: real(*a, **{**k, "timeout": 0.2}))
    monkeypatch.setattr(dbmod, "BUSY_MS", 200)
    try:
        code = main(["load", str(Path(__file__).parent.parent / "seeds"), "--db", str(path)])
    finally:
        blocker.rollback()
        blocker.close()
    err = capsys.readouterr().err
    assert code == 1 and "busy" in err and "Traceback" not in err


def _wait_for_first_batch(proc: subprocess.Popen, path: Path) -> None:
    """Until the load has committed something (or ended)."""
    deadline = time.time() + 60
    while time.time() < deadline and proc.poll() is None:
        time.sleep(0.1)
        try:
            conn = sqlite3.connect(path, timeout=1)
            n = conn.execute("select count(*) from articles").fetchone()[0]
            conn.close()
        except sqlite3.Error:
            n = 0
        if n > 0:
            return


def test_kill_during_load_leaves_whole_articles(tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(600):
        (folder / f"{i:04d}.txt").write_text(f"Bài số {i}\n" + GOOD.replace("500", str(100 + i)) * 3, encoding="utf-8")
    path = tmp_path / "k.db"
    cmd = [sys.executable, "-m", "tui.cli", "load", str(folder), "--db", str(path), "-q", "-j", "1"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _wait_for_first_batch(proc, path)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    conn = sqlite3.connect(path)
    assert conn.execute("pragma integrity_check").fetchone()[0] == "ok"
    n = conn.execute("select count(*) from articles").fetchone()[0]
    orphans = conn.execute("select count(*) from articles where event_id is null").fetchone()[0]
    conn.close()
    assert n % 200 == 0 or n == 600  # whole batches only
    assert orphans == 0
    assert main(["load", str(folder), "--db", str(path), "-q"]) == 0
    clean = tmp_path / "clean.db"
    assert main(["load", str(folder), "--db", str(clean), "-q"]) == 0
    a = [(e.date_start, e.title, e.n_sources) for e in all_events(connect(path))]
    b = [(e.date_start, e.title, e.n_sources) for e in all_events(connect(clean))]
    assert sorted(a) == sorted(b)


def test_search_and_filter_input_are_parameters(seeded_db):
    for text in ["'; drop table events; --", '" OR 1', "NEAR(a b)", "*", "title_folded:x", "\x00", "((("]:
        count_events(seeded_db, Filter(search=text))
        count_events(seeded_db, Filter(province=text))
    assert count_events(seeded_db) == 4


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=400))
def test_parsers_never_raise_and_normalise_idempotently(text):
    once = clean_line(text)
    assert clean_line(once) == once
    try:
        art = parse_article(text.encode("utf-8", "surrogatepass"), "x.txt")
    except Exception as exc:  # only the named refusal is allowed
        assert type(exc).__name__ in ("BadArticle", "UnicodeEncodeError")
        return
    extract(art)


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list('“”"«»0123456789.,/-% ôngbàcho biết:NguyễnVănAn\n')), max_size=3000))
def test_extraction_on_adversarial_alphabet(text):
    try:
        art = parse_article(text.encode(), "x.txt")
    except Exception as exc:
        assert type(exc).__name__ == "BadArticle"
        return
    started = time.perf_counter()
    extract(art)
    assert time.perf_counter() - started < 5


def _write_articles(folder: Path, n: int, offset: int = 0) -> None:
    folder.mkdir()
    for i in range(offset, offset + n):
        (folder / f"{i:04d}.txt").write_text(f"Bài số {i}\n" + GOOD.replace("500", str(100 + i)) * 2, encoding="utf-8")


def test_two_loads_at_once_both_finish(tmp_path):
    _write_articles(tmp_path / "a", 150)
    _write_articles(tmp_path / "b", 150, offset=1000)
    path = tmp_path / "two.db"
    connect(path).conn.close()
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "tui.cli", "load", str(tmp_path / d), "--db", str(path), "-q", "-j", "1"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for d in ("a", "b")
    ]
    outs = [p.communicate(timeout=300) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outs
    assert all("Traceback" not in err for _, err in outs)
    assert connect(path).execute("select count(*) from articles").fetchone()[0] == 300


def test_ctrl_c_during_load(tmp_path):
    _write_articles(tmp_path / "many", 1500)
    path = tmp_path / "int.db"
    cmd = [sys.executable, "-m", "tui.cli", "load", str(tmp_path / "many"), "--db", str(path), "-q", "-j", "1"]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    _wait_for_first_batch(proc, path)
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=120)
    if proc.returncode == 0:
        pytest.skip("the load finished before the interrupt")
    assert proc.returncode == 130 and "interrupted" in err and "Traceback" not in err
    conn = sqlite3.connect(path)
    assert conn.execute("pragma integrity_check").fetchone()[0] == "ok"
    assert conn.execute("select count(*) from articles where event_id is null").fetchone()[0] == 0
    conn.close()
    assert main(["load", str(tmp_path / "many"), "--db", str(path), "-q"]) == 0
    assert connect(path).execute("select count(*) from articles").fetchone()[0] == 1500


def test_same_article_in_nfd_and_with_bom_is_a_duplicate(tmp_path):
    db, report, reasons = load(
        tmp_path,
        {
            "a.txt": GOOD.encode(),
            "b.txt": unicodedata.normalize("NFD", GOOD).encode(),
            "c.txt": codecs.BOM_UTF8 + GOOD.encode(),
        },
    )
    assert report.loaded == 1
    assert all("same content as a.txt" in reasons[n] for n in ("b.txt", "c.txt"))


def test_file_changed_during_load(tmp_path, monkeypatch):
    folder = tmp_path / "in"
    folder.mkdir()
    target = folder / "a.txt"
    target.write_bytes(GOOD.encode())
    import store.load as load_mod

    real = load_mod.iter_files

    def changing(paths, report):
        for p in real(paths, report):
            p.write_bytes(GOOD2.encode())  # changed between listing and reading
            yield p

    monkeypatch.setattr(load_mod, "iter_files", changing)
    db = connect(tmp_path / "h.db")
    assert load_paths(db, [folder]).loaded == 1
    monkeypatch.setattr(load_mod, "iter_files", real)
    assert load_paths(db, [folder]).unchanged == 1  # what was stored is what was read
    target.write_bytes(GOOD.encode())  # changed after the load: the next load replaces it
    assert load_paths(db, [folder]).replaced == 1
    assert "Đắk Lắk" in all_events(db)[0].provinces


def test_load_while_the_app_reads(tmp_path, seeds_dir):
    path = tmp_path / "open.db"
    db = connect(path)
    load_paths(db, [seeds_dir / "000_fbf29b6908ef3d8c.txt"])
    reader = sqlite3.connect(path)
    reader.execute("begin")
    reader.execute("select count(*) from events").fetchone()  # a read transaction held open, as the app's
    try:
        assert main(["load", str(seeds_dir), "--db", str(path), "-q"]) == 0
    finally:
        reader.rollback()
        reader.close()
    assert count_events(connect(path)) == 4
