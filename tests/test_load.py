import json
import shutil

import pytest
from conftest import SEEDS

from store.db import connect
from store.load import load_paths
from store.query import Filter, all_events, count_events, event_detail


def test_seed_timeline_exact(seeded_db):
    events = all_events(seeded_db)
    got = [(e.date_start, e.date_end, e.precision, e.kind, e.provinces) for e in events]
    assert got == [
        ("2021-03-26", None, "day", "workshop", ["Đắk Lắk"]),
        ("2021-04-27", "2021-04-30", "range", "week", ["Thừa Thiên Huế"]),
        ("2022-10-07", None, "day", "conference", ["Đắk Lắk"]),
        ("2024-08", None, "approximate", "interview", ["Đắk Lắk"]),
    ]
    assert events[0].title == "Chuyển đổi số - Xu thế tất yếu của sự phát triển"
    assert events[1].title == "Tuần lễ Chuyển đổi số – Huế 2021"
    assert "Đắk Lắk hướng tới công dân số" in events[2].title
    assert "Nguyễn Tuấn Hà" in events[3].title
    sources = [sorted(s.file[:3] for s in event_detail(seeded_db, e.id).sources) for e in events]
    assert sources == [["000", "001"], ["003"], ["002"], ["004"]]


def test_same_statement_from_two_outlets_is_one_quote(seeded_db):
    detail = event_detail(seeded_db, all_events(seeded_db)[0].id)
    goals = [q for q in detail.quotes if q.text.startswith("mục tiêu về chính quyền số")]
    assert len(goals) == 1 and len(goals[0].sources) == 2


def test_province_filter_and_folded_search(seeded_db):
    assert count_events(seeded_db, Filter(province="Đắk Lắk")) == 3
    assert count_events(seeded_db, Filter(province="dak lak")) == 3
    assert count_events(seeded_db, Filter(province="Huế")) == 1
    assert count_events(seeded_db, Filter(province="Thừa Thiên Huế")) == 1
    assert count_events(seeded_db, Filter(search="chuyen doi so")) == 4
    assert count_events(seeded_db, Filter(search="hue")) >= 1
    # with or without diacritics, in either case, typed precomposed or not, even the last word begun
    hue = count_events(seeded_db, Filter(search="hue"))
    for typed in ("Huế", "HUẾ", "hu\u00ea\u0301", "huê"):
        assert count_events(seeded_db, Filter(search=typed)) == hue, typed
    for typed in ("chuyển đổi số", "CHUYỂN ĐỔI SỐ", "chuyen đổi", "chuyển doi s"):
        assert count_events(seeded_db, Filter(search=typed)) == 4, typed
    assert count_events(seeded_db, Filter(search="Đắk Lắ")) == count_events(seeded_db, Filter(search="dak lak")) == 3
    assert count_events(seeded_db, Filter(search='" OR 1=1 --')) == 0
    assert count_events(seeded_db, Filter(since="2022", until="2022-12-31")) == 1


def test_every_quote_is_found_by_its_words(seeded_db):
    """A quote's words are its article's (the search rows hold the articles,
    not the quotes a second time): a search for a quote finds its event."""
    from store.query import fts_query

    quotes = seeded_db.execute("select event_id, text from quotes").fetchall()
    assert len(quotes) > 20
    for event_id, text in quotes:
        words = text.split()
        for part in (words[:6], words[-4:]):
            hits = {r[0] for r in seeded_db.execute(
                "select rowid from search_fts where search_fts match ?", [fts_query(" ".join(part))])}  # fmt: skip
            assert event_id in hits, (event_id, part)


def test_reload_unchanged_changes_nothing(tmp_path, seeds_dir):
    db = connect(tmp_path / "a.db")
    load_paths(db, [seeds_dir])
    before = [r for r in db.query("select id, sha256 from articles order by id")]
    report = load_paths(db, [seeds_dir])
    assert (report.loaded, report.replaced, report.unchanged) == (0, 0, 5)
    assert [r for r in db.query("select id, sha256 from articles order by id")] == before


def test_changed_file_replaces_its_rows(tmp_path, seeds_dir):
    folder = tmp_path / "arts"
    shutil.copytree(seeds_dir, folder)
    db = connect(tmp_path / "a.db")
    load_paths(db, [folder])
    target = folder / "002_9b311bb2bf35d815.txt"
    target.write_text(target.read_text(encoding="utf-8").replace("Sáng 7/10", "Sáng 6/10"), encoding="utf-8")
    report = load_paths(db, [folder])
    assert report.replaced == 1 and report.unchanged == 4
    assert db.execute("select count(*) from articles").fetchone()[0] == 5
    dates = [e.date_start for e in all_events(db)]
    assert "2022-10-06" in dates and "2022-10-07" not in dates


def test_grouping_across_separate_loads(tmp_path, seeds_dir):
    db = connect(tmp_path / "a.db")
    load_paths(db, [seeds_dir / "001_bcca5a54d533eb84.txt"])
    load_paths(db, [seeds_dir / "000_fbf29b6908ef3d8c.txt"])
    assert count_events(db) == 1
    row = db.execute("select date_start, n_sources from events").fetchone()
    assert row == ("2021-03-26", 2)


def test_bad_file_is_named_and_load_goes_on(tmp_path, seeds_dir):
    folder = tmp_path / "mixed"
    shutil.copytree(seeds_dir, folder)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "scan.txt").write_bytes(b"%PDF-1.7 binary")
    db = connect(tmp_path / "a.db")
    report = load_paths(db, [folder])
    assert report.loaded == 5
    reasons = dict((p.rsplit("/", 1)[-1], r) for p, r in report.skipped)
    assert reasons == {"empty.txt": "empty file", "scan.txt": "a PDF file, not text"}


def test_facts_kept_per_article(seeded_db):
    facts = json.loads(seeded_db.execute("select facts from articles where file like '004%'").fetchone()[0])
    assert facts["kind"] == "interview" and facts["speakers"][0]["name"] == "Nguyễn Tuấn Hà"


def test_text_sent_as_utf8_is_kept_as_text(seeded_db):
    """The workers send bodies, facts and search rows as UTF-8 bytes: they are
    written as text (a blob would compare and search as bytes), and read back
    as the same words."""
    q = seeded_db.execute
    kinds = q("select distinct typeof(body), typeof(facts) from articles").fetchall()
    assert kinds == [("text", "text")]
    assert q("select distinct typeof(text) from search_fts").fetchall() == [("text",)]
    body = q("select body from articles where file like '004%'").fetchone()[0]
    assert "Nguyễn Tuấn Hà" in body
    assert q("select count(*) from articles where body like '%Đắk Lắk%'").fetchone()[0] >= 3


def test_same_day_other_province_never_merges(tmp_path):
    folder = tmp_path / "two"
    folder.mkdir()
    text = "# date = 20210426\nChiều 26/4, UBND tỉnh {p} tổ chức Hội nghị chuyển đổi số năm 2021.\nNội dung hội nghị.\n"
    (folder / "a.txt").write_text(text.format(p="Đắk Lắk"), encoding="utf-8")
    (folder / "b.txt").write_text(text.format(p="Gia Lai"), encoding="utf-8")
    (folder / "c.txt").write_text(text.format(p="Gia Lai") + "Bài của báo khác.\n", encoding="utf-8")
    db = connect(tmp_path / "g.db")
    load_paths(db, [folder])
    events = all_events(db)
    assert sorted((e.provinces[0], e.n_sources) for e in events) == [("Gia Lai", 2), ("Đắk Lắk", 1)]


def test_version_1_database_migrates(tmp_path):
    import sqlite3

    from store.db import SCHEMA_VERSION

    path = tmp_path / "v1.db"
    db = connect(path)
    db.execute("drop index if exists idx_articles_text_sha256")
    db.execute("update meta set value = '1' where key = 'schema_version'")
    db.conn.commit()
    db.conn.close()
    conn = sqlite3.connect(path)
    conn.execute("alter table articles drop column text_sha256")
    conn.commit()
    conn.close()
    db = connect(path)
    assert db.execute("select value from meta where key = 'schema_version'").fetchone()[0] == str(SCHEMA_VERSION)
    assert "text_sha256" in db["articles"].columns_dict
    assert load_paths(db, [SEEDS]).loaded == 5


def test_statement_inside_a_longer_quote_is_the_same_statement():
    from store.load import _similar
    from store.text import fold_words

    short = "chuyển đổi số chỉ đơn giản là thay đổi cách nghĩ, dùng dữ liệu số và công nghệ số"
    longer = "Cách đây hơn 1 năm, khi dịch ập đến. Chuyển đổi số chỉ đơn giản là thay đổi cách nghĩ, dùng dữ liệu số"
    assert _similar(fold_words(short), fold_words(longer))
    other = "Đắk Lắk tập trung vào giải quyết một số vấn đề trọng tâm, cụ thể và lâu dài."
    assert not _similar(fold_words(short), fold_words(other))


def test_after_the_merger_an_event_is_filed_under_its_2025_unit(tmp_path):
    from store.query import provinces_present

    folder = tmp_path / "merged"
    folder.mkdir()
    text = "# date = {d}\nSáng {dm}, UBND tỉnh {p} tổ chức Hội nghị tổng kết năm với 300 đại biểu.\nNội dung.\n"
    (folder / "a.txt").write_text(text.format(d="20250820", dm="20/8", p="Phú Yên"), encoding="utf-8")
    (folder / "b.txt").write_text(text.format(d="20210420", dm="20/4", p="Đắk Lắk"), encoding="utf-8")
    (folder / "c.txt").write_text(text.format(d="20210421", dm="21/4", p="Phú Yên"), encoding="utf-8")
    db = connect(tmp_path / "m.db")
    load_paths(db, [folder])
    assert [e.provinces for e in all_events(db, Filter(province="Đắk Lắk"))] == [["Đắk Lắk"], ["Đắk Lắk"]]
    assert count_events(db, Filter(province="Phú Yên")) == 2
    names = [name for name, _ in provinces_present(db)]
    assert sorted(names) == ["Phú Yên", "Đắk Lắk"]


def test_since_leaves_out_undated_events(tmp_path):
    folder = tmp_path / "undated"
    folder.mkdir()
    (folder / "a.txt").write_text("Tin không có ngày\nUBND tỉnh Gia Lai họp bàn nhiều việc.\n", encoding="utf-8")
    (folder / "b.txt").write_text("# date = 20210426\nChiều 26/4, UBND tỉnh Gia Lai họp.\nNội dung.\n", "utf-8")
    db = connect(tmp_path / "u.db")
    load_paths(db, [folder])
    assert count_events(db) == 2
    assert [e.date_start for e in all_events(db, Filter(since="2021"))] == ["2021-04-26"]


def test_search_rows_follow_the_events(tmp_path, seeds_dir):
    """One search row per event, rewritten when an article changes: words
    gone from the file no longer match, new ones do."""
    folder = tmp_path / "arts"
    shutil.copytree(seeds_dir, folder)
    db = connect(tmp_path / "a.db")
    load_paths(db, [folder])
    assert (
        db.execute("select count(*) from search_fts").fetchone()[0]
        == db.execute("select count(*) from events").fetchone()[0]
    )
    assert count_events(db, Filter(search="zyxwv")) == 0
    target = folder / "002_9b311bb2bf35d815.txt"
    text = target.read_text(encoding="utf-8")
    target.write_text(text.replace("Sáng 7/10", "Sáng 7/10, hội nghị Zyxwv"), encoding="utf-8")
    load_paths(db, [folder])
    assert count_events(db, Filter(search="zyxwv")) == 1
    target.write_text(text, encoding="utf-8")
    load_paths(db, [folder])
    assert count_events(db, Filter(search="zyxwv")) == 0
    assert (
        db.execute("select count(*) from search_fts").fetchone()[0]
        == db.execute("select count(*) from events").fetchone()[0]
    )


def test_search_row_of_an_event_grows_with_a_later_report(tmp_path, seeds_dir):
    """A second outlet's report, loaded later, joins the event: the event's
    search row is rewritten with its words, and no row is left behind."""
    folder = tmp_path / "arts"
    folder.mkdir()
    shutil.copy(seeds_dir / "000_fbf29b6908ef3d8c.txt", folder)
    db = connect(tmp_path / "a.db")
    load_paths(db, [folder])
    events = db.execute("select count(*) from events").fetchone()[0]
    later = (seeds_dir / "001_bcca5a54d533eb84.txt").read_text(encoding="utf-8")
    marker = "\nHội thảo có sự tham gia của công ty Qwxyzt và nhiều đơn vị khác.\n"
    (folder / "001.txt").write_text(later.rstrip() + marker, encoding="utf-8")
    load_paths(db, [folder])
    assert db.execute("select count(*) from events").fetchone()[0] == events  # the same event
    assert count_events(db, Filter(search="qwxyzt")) == 1
    assert count_events(db, Filter(search="Sao Bắc Đẩu")) == 1
    assert db.execute("select count(*) from search_fts").fetchone()[0] == events


def test_version_3_database_gets_one_search_row_per_event(tmp_path, seeds_dir):
    """Version 3 had a full-text index per table; version 4 replaces them
    with the events' search rows, built from the rows already there."""
    path = tmp_path / "v3.db"
    db = connect(path)
    load_paths(db, [seeds_dir])
    db.execute("drop table search_fts")
    db.execute("alter table articles add column body_folded text")  # versions 1-6 kept each body folded too
    db.execute("update articles set body_folded = lower(body)")
    for table, column in (("articles", "title_folded"), ("quotes", "text_folded"), ("events", "title_folded")):
        db.execute(f"alter table {table} add column {column} text")  # versions 1-7 kept folded titles and quotes
    for table, columns in {"articles": ["title_folded", "body_folded"], "quotes": ["text_folded"],
                           "events": ["title_folded"]}.items():  # fmt: skip
        db[table].enable_fts(columns, create_triggers=True)
    db.execute("update meta set value = '3' where key = 'schema_version'")
    db.conn.commit()
    db.close()
    db = connect(path)
    assert not [t for t in db.table_names() if t.startswith(("articles_fts", "quotes_fts", "events_fts"))]
    assert count_events(db, Filter(search="chuyen doi so")) == 4
    assert count_events(db, Filter(search="Đắk Lắk")) == 3
    assert count_events(db, Filter(search="dak lak")) == 3
    assert "body_folded" not in db["articles"].columns_dict  # version 7: the index drops the diacritics itself
    assert load_paths(db, [seeds_dir]).unchanged == 5


def test_the_number_of_events_is_kept_as_events_come_and_go(tmp_path, seeds_dir):
    """The timeline's first screen needs the number of events: a kept total,
    right after loads, deletes and an upgrade from version 4."""
    from store.db import total_events

    path = tmp_path / "a.db"
    db = connect(path)
    assert total_events(db) == 0
    load_paths(db, [seeds_dir])
    counted = db.execute("select count(*) from events").fetchone()[0]
    assert counted > 0 and total_events(db) == counted == count_events(db)
    with db.conn:
        db.execute("delete from events where id = (select max(id) from events)")
    assert total_events(db) == counted - 1
    db.execute("drop table totals")
    db.execute("drop trigger events_total_insert")
    db.execute("drop trigger events_total_delete")
    db.execute("update meta set value = '4' where key = 'schema_version'")
    db.conn.commit()
    db.close()
    db = connect(path)
    assert total_events(db) == counted - 1
    with db.conn:
        db.execute("insert into events (title, kind, date_sort) values ('x', 'other', '2020')")
    assert total_events(db) == counted


def test_the_number_of_events_of_each_province_is_kept(tmp_path, seeds_dir):
    """A province filter is counted from a kept total: right after loads, a
    re-load that moves an article, and an upgrade from version 5."""
    from store.db import total_events

    def counted(db):
        return dict(db.execute("select province, count(*) from event_provinces group by province").fetchall())

    folder = tmp_path / "arts"
    shutil.copytree(seeds_dir, folder)
    path = tmp_path / "a.db"
    db = connect(path)
    load_paths(db, [folder])
    real = counted(db)
    assert real and {code: total_events(db, code) for code in real} == real
    assert count_events(db, Filter(province="Đắk Lắk")) == real["66"] == 3
    assert count_events(db, Filter(province="Hà Giang")) == 0
    target = folder / "002_9b311bb2bf35d815.txt"  # the 2022 Đắk Lắk conference, now in Huế
    target.write_text(target.read_text(encoding="utf-8").replace("Đắk Lắk", "Huế"), encoding="utf-8")
    load_paths(db, [folder])
    real = counted(db)
    assert {code: total_events(db, code) for code in real} == real
    assert count_events(db, Filter(province="Đắk Lắk")) == real["66"] == 2
    db.execute("delete from totals where name like 'province:%'")
    db.execute("drop trigger province_total_insert")
    db.execute("drop trigger province_total_delete")
    db.execute("update meta set value = '5' where key = 'schema_version'")
    db.conn.commit()
    db.close()
    db = connect(path)
    assert {code: total_events(db, code) for code in real} == real


def _many_articles(folder, n=60):
    """`n` small articles: one event in each of several provinces and days,
    most reported by two outlets (so reports of one event fall in different
    batches), with a quote and a target each."""
    provinces = ["Đắk Lắk", "Gia Lai", "Kon Tum", "Lâm Đồng", "Khánh Hòa", "Bình Định"]
    folder.mkdir()
    for i in range(n):
        event = i % (n // 2)
        province = provinces[event % len(provinces)]
        day = 1 + event // len(provinces)
        outlet = "baodaklak.vn" if i < n // 2 else "dantri.com.vn"
        (folder / f"a{i:03d}.txt").write_text(
            f"# url = https://{outlet}/bai-{i}.html\n# date = 202103{day:02d}\n"
            f"Hội nghị chuyển đổi số tỉnh {province} lần {event}\n"
            f"Sáng {day}/3, UBND tỉnh {province} tổ chức Hội nghị chuyển đổi số lần thứ {event}.\n"
            f'Ông Nguyễn Văn An, Chủ tịch UBND tỉnh {province}, cho biết: "Tỉnh phấn đấu đến năm 2025'
            f' có {80 + event % 10}% hồ sơ được xử lý trực tuyến, đó là việc phải làm ngay".\n'
            + ("Bài viết của phóng viên thường trú.\n" if outlet == "dantri.com.vn" else ""),
            encoding="utf-8",
        )


def _contents(db):
    return {
        "events": db.execute(
            "select title, date_start, provinces, n_sources, n_quotes, n_targets from events order by 1, 2, 3"
        ).fetchall(),
        "quotes": db.execute("select speaker, text, direct from quotes order by 1, 2").fetchall(),
        "targets": db.execute("select value, unit, year, kind from targets order by 1, 2, 3, 4").fetchall(),
        "sources": db.execute(
            "select e.title, a.file from event_sources es join events e on e.id = es.event_id"
            " join articles a on a.id = es.article_id order by 1, 2"
        ).fetchall(),
        "search": db.execute("select count(*) from search_fts where search_fts match 'phan* dau'").fetchone(),
    }


def test_workers_and_batches_write_what_one_process_writes(tmp_path, monkeypatch):
    """Many chunks and batches, results written as they come from two
    workers: the same rows as one process reading the files in turn."""
    import store.load

    folder = tmp_path / "in"
    _many_articles(folder)
    one = connect(tmp_path / "one.db")
    load_paths(one, [folder], workers=1, today="2026-11-22")
    monkeypatch.setattr(store.load, "BATCH", 7)
    monkeypatch.setattr(store.load, "CHUNK", 16)
    seen: list[int] = []
    two = connect(tmp_path / "two.db")
    report = load_paths(two, [folder], workers=2, today="2026-11-22", progress=lambda done, total, _: seen.append(done))
    assert (report.loaded, report.skipped) == (60, [])
    assert seen[:-1] == list(range(1, 61)) and seen[-1] == 60
    expected = _contents(one)
    assert len(expected["events"]) == 30 and {e[3] for e in expected["events"]} == {2}
    assert _contents(two) == expected


def test_a_batch_that_fails_leaves_the_ones_before_whole(tmp_path, monkeypatch):
    import store.load

    folder = tmp_path / "in"
    _many_articles(folder)
    monkeypatch.setattr(store.load, "BATCH", 7)
    monkeypatch.setattr(store.load, "CHUNK", 14)
    real = store.load.rebuild_event
    calls = []

    def failing(*args, **kwargs):  # the 25th article's event: in the fourth batch
        calls.append(1)
        if len(calls) == 25:
            raise KeyboardInterrupt
        return real(*args, **kwargs)

    monkeypatch.setattr(store.load, "rebuild_event", failing)
    db = connect(tmp_path / "t.db")
    with pytest.raises(KeyboardInterrupt):
        load_paths(db, [folder], workers=2, today="2026-11-22")
    assert db.execute("select count(*) from articles").fetchone()[0] == 21  # three batches of seven
    assert db.execute("select count(*) from events where id not in (select rowid from search_fts)").fetchone()[0] == 0
    assert db.execute("select count(*) from articles where event_id not in (select id from events)").fetchone()[0] == 0
    monkeypatch.setattr(store.load, "rebuild_event", real)
    report = load_paths(db, [folder], workers=2, today="2026-11-22")
    assert (report.loaded, report.unchanged) == (39, 21)


def test_search_rows_written_by_the_load_are_those_the_database_gives(seeded_db):
    """The loader writes a new event's search row from the text at hand (the
    article's `plain_text`, without diacritics); read again from the database
    (`index_search`: the text as written, and the quotes) it holds the same
    words, and the index the same terms."""
    from store.db import index_search
    from store.text import WORD, fold

    def words(db):
        rows = db.execute("select rowid, text from search_fts")
        return {rowid: set(WORD.findall(fold(text))) for rowid, text in rows}

    def terms(db):
        db.execute("create virtual table if not exists temp.terms using fts5vocab(main, search_fts, row)")
        return db.execute("select term, doc from temp.terms order by term").fetchall()

    loaded, loaded_terms = words(seeded_db), terms(seeded_db)
    rows = [text for (text,) in seeded_db.execute("select text from search_fts")]
    assert not any("đ" in text or "Đ" in text for text in rows)  # the tokenizer keeps `đ`: it is written `d`
    index_search(seeded_db)
    again = words(seeded_db)
    assert loaded.keys() == again.keys() and len(loaded) == 4
    assert loaded == again
    assert loaded_terms == terms(seeded_db) and len(loaded_terms) > 400
