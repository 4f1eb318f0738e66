import json
import subprocess
import sys

import pytest

from tui.cli import main


def run(*args, db):
    return main([*args, "--db", str(db)])


@pytest.fixture
def db_path(tmp_path, seeds_dir):
    path = tmp_path / "cli.db"
    assert main(["load", str(seeds_dir), "--db", str(path)]) == 0
    return path


def test_load_summary(tmp_path, seeds_dir, capsys):
    assert main(["load", str(seeds_dir), "--db", str(tmp_path / "x.db")]) == 0
    out = capsys.readouterr().out
    assert out.startswith("5 loaded, 0 unchanged, 0 skipped; 4 events")


def test_load_with_skipped_file_exits_3(tmp_path, seeds_dir, capsys):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    assert main(["load", str(seeds_dir / "000_fbf29b6908ef3d8c.txt"), str(bad), "--db", str(tmp_path / "x.db")]) == 3
    err = capsys.readouterr().err
    assert "bad.txt: empty file" in err


def test_events_json(db_path, capsys):
    assert run("events", "--json", db=db_path) == 0
    events = json.loads(capsys.readouterr().out)
    assert [e["date_start"] for e in events] == ["2021-03-26", "2021-04-27", "2022-10-07", "2024-08"]
    assert [e["kind"] for e in events] == ["workshop", "week", "conference", "interview"]
    assert events[0]["sources"] == ["000_fbf29b6908ef3d8c.txt", "001_bcca5a54d533eb84.txt"]
    assert events[3]["precision"] == "approximate"
    assert all(
        set(e) >= {"title", "kind", "date_start", "date_end", "precision", "provinces", "sources"} for e in events
    )


def test_events_province_filter(db_path, capsys):
    assert run("events", "--province", "hue", db=db_path) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert len(lines) == 1 and "Tuần lễ" in lines[0]


def test_digest_to_file(db_path, tmp_path):
    out = tmp_path / "d.md"
    assert run("digest", "--province", "Đắk Lắk", "-o", str(out), db=db_path) == 0
    text = out.read_text(encoding="utf-8")
    assert text.count("\n## ") == 3


def test_facts_jsonl(db_path, capsys):
    assert run("facts", "--jsonl", db=db_path) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(rows) == 5
    by_file = {r["file"][:3]: r for r in rows}
    assert by_file["001"]["event_date"] == "2021-03-26"  # year from the same event in another outlet
    assert by_file["003"]["event_date"] == {"start": "2021-04-27", "end": "2021-04-30"}


@pytest.mark.parametrize(
    "args, message",
    [
        (["events", "--province", "Atlantis"], "unknown province"),
        (["events", "--kind", "party"], "unknown kind"),
        (["digest", "--since", "2021-13-01"], "is not a date"),
    ],
)
def test_usage_errors_are_one_line(db_path, capsys, args, message):
    assert run(*args, db=db_path) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1 and "Traceback" not in err


def test_not_a_database(tmp_path, capsys):
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not sqlite at all" * 100)
    assert main(["events", "--db", str(junk)]) == 1
    err = capsys.readouterr().err
    assert "junk.db" in err and "Traceback" not in err


def test_missing_database_for_read_commands(tmp_path, capsys):
    assert main(["events", "--db", str(tmp_path / "none.db")]) == 1
    assert "sukien load" in capsys.readouterr().err


def test_help_for_every_command():
    for cmd in ([], ["load"], ["events"], ["digest"], ["facts"]):
        out = subprocess.run([sys.executable, "-m", "tui.cli", *cmd, "--help"], capture_output=True, text=True)
        assert out.returncode == 0 and "--db" in out.stdout


def test_env_database(tmp_path, seeds_dir, monkeypatch, capsys):
    monkeypatch.setenv("SUKIEN_DB", str(tmp_path / "env.db"))
    assert main(["load", str(seeds_dir)]) == 0
    assert (tmp_path / "env.db").exists()


def test_empty_folder_says_so(tmp_path, capsys):
    (tmp_path / "empty").mkdir()
    assert main(["load", str(tmp_path / "empty"), "--db", str(tmp_path / "x.db")]) == 1
    assert "no files found" in capsys.readouterr().err


def test_missing_path_is_named(tmp_path, capsys, seeds_dir):
    code = main(["load", str(seeds_dir), str(tmp_path / "nope"), "--db", str(tmp_path / "x.db")])
    assert code == 3 and "nope: no such file or folder" in capsys.readouterr().err


def test_file_names_and_titles_are_printed_visibly(tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "b\x1b]0;pwned\x07.txt").write_bytes(b"")
    (folder / "a.txt").write_text("Hội nghị \x1b[2J lớn\nChiều 26/4, UBND tỉnh Gia Lai họp bàn.\n", encoding="utf-8")
    db = tmp_path / "v.db"
    main(["load", str(folder), "--db", str(db)])
    main(["events", "--db", str(db)])
    out = capsys.readouterr()
    assert "\x1b" not in out.err + out.out and "␛]0;pwned␇.txt: empty file" in out.err
