"""The markdown digest: content, order, filters, determinism, and that no text
from an article can change the document's structure."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from store.db import StoreError, connect
from store.digest import (
    MAX_QUOTES,
    clean_text,
    escape_md,
    format_number,
    render_digest,
    safe_url,
    write_digest,
)
from store.provinces import resolve
from store.query import Filter, all_events

HOSTILE_TITLE = "# heading\n- item\n```\nfence\n```\n]( javascript:alert(1)) | a | b |\n|---|---|\n\x1b[2J<b>bold</b>"
SCRIPT = "<script>alert(1)</script>"

# --------------------------------------------------------------------------
# Fixture: rows straight into the tables of store/db.py
# --------------------------------------------------------------------------


class Builder:
    def __init__(self, db):
        self.db = db
        self.next_article = 1
        self.next_quote = 1
        self.next_target = 1

    def article(self, file, *, outlet=None, url=None, title=None, published=None, body="") -> int:
        aid = self.next_article
        self.next_article += 1
        self.db["articles"].insert(
            {
                "id": aid,
                "file": file,
                "path": f"/data/{aid}/{file}",
                "sha256": f"{aid:064x}",
                "url": url,
                "outlet": outlet,
                "title": title,
                "published": published,
                "published_precision": "day",
                "published_source": "meta",
                "body": body,
                "facts": "{}",
                "event_id": None,
            }
        )
        return aid

    def event(
        self,
        eid,
        title,
        *,
        start,
        end=None,
        precision="day",
        kind="workshop",
        provinces=(),
        articles=(),
        quotes=(),
        targets=(),
    ) -> int:
        self.db["events"].insert(
            {
                "id": eid,
                "title": title,
                "kind": kind,
                "date_start": start,
                "date_end": end,
                "precision": precision,
                "date_sort": start,
                "year": int(start[:4]),
                "provinces": json.dumps(list(provinces), ensure_ascii=False),
                "provinces_new": json.dumps([resolve(p).new_name for p in provinces], ensure_ascii=False),
                "terms": "",
                "n_quotes": len(quotes),
                "n_targets": len(targets),
                "n_sources": len(articles),
            }
        )
        for name in provinces:
            self.db["event_provinces"].insert({"event_id": eid, "province": resolve(name).code, "date_sort": start})
        for aid in articles:
            self.db["event_sources"].insert({"event_id": eid, "article_id": aid})
            self.db.execute("update articles set event_id = ? where id = ?", [eid, aid])
        for pos, q in enumerate(quotes):
            qid = self.next_quote
            self.next_quote += 1
            srcs = q.get("sources", articles[:1])
            self.db["quotes"].insert(
                {
                    "id": qid,
                    "event_id": eid,
                    "article_id": srcs[0] if srcs else None,
                    "person_id": None,
                    "speaker": q.get("speaker"),
                    "role": q.get("role"),
                    "text": q["text"],
                    "direct": int(q.get("direct", True)),
                    "position": pos,
                }
            )
            for aid in srcs:
                self.db["quote_sources"].insert({"quote_id": qid, "article_id": aid})
        for pos, t in enumerate(targets):
            tid = self.next_target
            self.next_target += 1
            self.db["targets"].insert(
                {
                    "id": tid,
                    "event_id": eid,
                    "article_id": articles[0] if articles else None,
                    "text": t["text"],
                    "subject": t.get("subject"),
                    "value": t.get("value"),
                    "unit": t.get("unit"),
                    "comparator": t.get("comparator"),
                    "year": t.get("year"),
                    "kind": t.get("kind", "target"),
                    "position": pos,
                }
            )
        return eid


def build_db(path=":memory:"):
    """Four ordinary events (inserted out of date order) across Đắk Lắk,
    Thừa Thiên Huế → Huế and Hà Nội, 2021–2025."""
    db = connect(path)
    b = Builder(db)
    with db.conn:
        a_dl = b.article(
            "dl1.txt",
            outlet="Báo Đắk Lắk",
            url="https://baodaklak.vn/tin (1).html",
            title="Hội thảo chuyển đổi số",
            published="2021-03-27",
        )
        a_dl2 = b.article("dl2.txt", outlet=None, url=None, title="Bản tin địa phương", published="2021-03-26")
        a_hue = b.article("hue1.txt", outlet="Báo Thừa Thiên Huế", url="javascript:alert(1)", published="2021-04-30")
        a_hn = b.article("hn1.txt", outlet="VnExpress", url="http://vnexpress.net/a?x=1&copy;=2", published="2024")
        a_hue2 = b.article("hue2.txt", outlet="Báo Huế", url="https://baohue.vn/x", published="2025-07-11T08:00:00")

        # Inserted first but dated last: the digest must follow dates, not ids.
        b.event(
            4,
            "Diễn đàn kinh tế số Huế",
            start="2025-07-10",
            kind="forum",
            provinces=["Huế"],
            articles=[a_hue2],
        )
        b.event(
            1,
            "Hội thảo chuyển đổi số tỉnh Đắk Lắk",
            start="2021-03-26",
            kind="workshop",
            provinces=["Đắk Lắk"],
            articles=[a_dl, a_dl2],
            quotes=[
                {
                    "speaker": "Nguyễn Văn A",
                    "role": "Chủ tịch UBND tỉnh",
                    "text": "Chuyển đổi số là nhiệm vụ trọng tâm.",
                },
                {
                    "speaker": "Trần Thị B",
                    "role": "Giám đốc Sở TT&TT",
                    "text": "Sở sẽ hỗ trợ doanh nghiệp.",
                    "direct": False,
                    "sources": [a_dl, a_dl2],
                },
            ],
            targets=[
                {
                    "text": "80% dịch vụ công trực tuyến mức 4",
                    "subject": "dịch vụ công trực tuyến mức 4",
                    "value": 80.0,
                    "unit": "%",
                    "year": 2025,
                    "kind": "target",
                    "comparator": "≥",
                },
                {
                    "text": "1.234 doanh nghiệp số",
                    "subject": None,
                    "value": 1234.0,
                    "unit": "doanh nghiệp",
                    "year": None,
                    "kind": "figure",
                },
            ],
        )
        b.event(
            2,
            "Tuần lễ văn hóa Huế",
            start="2021-04-27",
            end="2021-04-30",
            precision="range",
            kind="week",
            provinces=["Thừa Thiên Huế"],
            articles=[a_hue],
            quotes=[
                {"speaker": f"Người {i}", "role": None, "text": f"Câu nói số {i}.", "direct": i % 2 == 0}
                for i in range(8)
            ],
        )
        b.event(
            3,
            "Hội nghị toàn quốc",
            start="2024",
            precision="approximate",
            kind="conference",
            provinces=["Hà Nội"],
            articles=[a_hn],
        )
    return db


def build_hostile_db(path=":memory:"):
    """One event whose every text field tries to break out of its place."""
    db = connect(path)
    b = Builder(db)
    with db.conn:
        a1 = b.article(
            "evil`file`.txt",
            outlet="[Evil](javascript:alert(1)) " + SCRIPT,
            url="javascript:alert(1)",
            title=HOSTILE_TITLE,
            published="2022-01-01",
        )
        a2 = b.article("ok.txt", outlet="Ok | outlet", url='https://example.com/a b(c)<d>"e"', published="2022-01-02")
        b.event(
            7,
            HOSTILE_TITLE,
            start="2022-01-01",
            kind="meeting\n# kind",
            provinces=["Hà Nội"],
            articles=[a1, a2],
            quotes=[
                {"speaker": "](javascript:alert(1))", "role": "> role\n# h", "text": SCRIPT + "\n\n# not a heading"},
                {
                    "speaker": "*bold*",
                    "role": "`code`",
                    "text": "```\nfence\n```\n- item\n1. one\n> quote",
                    "direct": False,
                },
                {"speaker": "x", "role": None, "text": "\x1b[2J\x07 | a | b |\n|---|---|\n<img src=x onerror=y>"},
            ],
            targets=[
                {
                    "text": "a | b\nc",
                    "subject": "| x | y |\n|---|---|",
                    "value": 1.5,
                    "unit": "<b>u</b>",
                    "comparator": "`>`",
                    "year": 2030,
                    "kind": "target\n# h",
                },
            ],
        )
    return db


@pytest.fixture
def db():
    return build_db()


@pytest.fixture
def hostile_db():
    return build_hostile_db()


# --------------------------------------------------------------------------
# Helpers over the parsed document
# --------------------------------------------------------------------------

MD = MarkdownIt("commonmark").enable("table")


def tokens(text):
    return MD.parse(text)


def flat(toks):
    """Every token, inline children included."""
    for t in toks:
        yield t
        if t.children:
            yield from flat(t.children)


def count(toks, type_, tag=None):
    return sum(1 for t in flat(toks) if t.type == type_ and (tag is None or t.tag == tag))


def headings(toks, tag):
    out = []
    for i, t in enumerate(toks):
        if t.type == "heading_open" and t.tag == tag:
            out.append(toks[i + 1].content)
    return out


def links(toks):
    return [t.attrs["href"] for t in flat(toks) if t.type == "link_open"]


def plain_text(toks):
    return "".join(t.content for t in flat(toks) if t.type in ("text", "code_inline"))


def assert_no_html(toks):
    assert count(toks, "html_block") == 0
    assert count(toks, "html_inline") == 0


# --------------------------------------------------------------------------
# Content and order
# --------------------------------------------------------------------------


def test_sections_in_timeline_order(db):
    md = render_digest(db)
    toks = tokens(md)
    h1 = headings(toks, "h1")
    h2 = headings(toks, "h2")
    assert h1 == ["sukien digest"]
    assert len(h2) == 4
    assert h2[0] == "1. 26/03/2021 · Đắk Lắk — Hội thảo chuyển đổi số tỉnh Đắk Lắk"
    assert h2[1] == "2. 27–30/04/2021 · Thừa Thiên Huế — Tuần lễ văn hóa Huế"
    assert h2[2] == "3. ~2024 (approximate) · Hà Nội — Hội nghị toàn quốc"
    assert h2[3] == "4. 10/07/2025 · Huế — Diễn đàn kinh tế số Huế"
    assert "**Filter:** all events — **4 events**" in md
    assert_no_html(toks)


def test_contents_links_to_every_section(db):
    md = render_digest(db)
    toks = tokens(md)
    anchors = [h for h in links(toks) if h.startswith("#")]
    assert len(anchors) == 4
    assert len(set(anchors)) == 4
    # GitHub-style slugs of the numbered headings: never empty, never colliding.
    assert "](#1-26032021--đắk-lắk--hội-thảo-chuyển-đổi-số-tỉnh-đắk-lắk)\n" in md
    assert anchors[0].startswith("#1-26032021--%C4%91%E1%BA%AFk-l%E1%BA%AFk--h%E1%BB%99i-th%E1%BA%A3o-")
    assert [a.split("-")[0] for a in anchors] == ["#1", "#2", "#3", "#4"]
    # The contents list is an ordered list of four items, one per event.
    assert count(toks, "ordered_list_open") == 1
    first_list = toks.index(next(t for t in toks if t.type == "ordered_list_open"))
    items = 0
    for t in toks[first_list:]:
        if t.type == "ordered_list_close":
            break
        items += t.type == "list_item_open"
    assert items == 4


def test_filter_by_province_new_name_covers_old_name(db):
    md = render_digest(db, Filter(province="Huế"))
    h2 = headings(tokens(md), "h2")
    assert [h.split(" — ")[1] for h in h2] == ["Tuần lễ văn hóa Huế", "Diễn đàn kinh tế số Huế"]
    assert "province Thừa Thiên Huế" in md  # describe(): the name at `since` (none: the old name)
    assert "**2 events**" in md


def test_filter_by_province_without_diacritics(db):
    md = render_digest(db, Filter(province="dak lak"))
    h2 = headings(tokens(md), "h2")
    assert h2 == ["1. 26/03/2021 · Đắk Lắk — Hội thảo chuyển đổi số tỉnh Đắk Lắk"]
    assert "province Đắk Lắk" in md
    assert "**1 event**" in md


def test_filter_since_until(db):
    md = render_digest(db, Filter(since="2021-04", until="2024"))
    h2 = headings(tokens(md), "h2")
    assert [h.split(".")[0] for h in h2] == ["1", "2"]
    assert "Tuần lễ văn hóa Huế" in h2[0]
    assert "Hội nghị toàn quốc" in h2[1]
    assert "**Filter:** since 2021-04 · until 2024 — **2 events**" in md
    md = render_digest(db, Filter(since="2025"))
    assert headings(tokens(md), "h2") == ["1. 10/07/2025 · Huế — Diễn đàn kinh tế số Huế"]


def test_sources_as_links_only_for_web_urls(db):
    md = render_digest(db)
    toks = tokens(md)
    hrefs = [h for h in links(toks) if not h.startswith("#")]
    # dl1 (encoded), hn1, hue2; the javascript: URL and the url-less article are not links.
    assert hrefs == [
        "https://baodaklak.vn/tin%20%281%29.html",
        "http://vnexpress.net/a?x=1&copy;=2",
        "https://baohue.vn/x",
    ]
    assert "[Báo Đắk Lắk](https://baodaklak.vn/tin%20%281%29.html)" in md
    assert "- dl2.txt · “Bản tin địa phương” · 26/03/2021" in md  # no url: the file name, no link
    assert "- Báo Thừa Thiên Huế · javascript:alert(1) (not a web link)" in md
    assert "javascript:" not in "".join(hrefs)
    # Sources within an event: by publication date.
    assert md.index("- dl2.txt") < md.index("[Báo Đắk Lắk]")
    assert "· 11/07/2025" in md


def test_quotes_as_blockquotes(db):
    md = render_digest(db)
    toks = tokens(md)
    assert "> “Chuyển đổi số là nhiệm vụ trọng tâm.”\n>\n> — **Nguyễn Văn A**, Chủ tịch UBND tỉnh · Báo Đắk Lắk" in md
    # Reported speech: no quotation marks, marked, both sources (sorted).
    assert (
        "> Sở sẽ hỗ trợ doanh nghiệp.\n>\n> — **Trần Thị B**, Giám đốc Sở TT&amp;TT (reported) · Báo Đắk Lắk, dl2.txt"
    ) in md
    # Event 1: 2 quotes; event 2: 8 quotes, MAX_QUOTES shown (direct first).
    assert count(toks, "blockquote_open") == 2 + MAX_QUOTES
    sec2 = md.split("\n## 2. ")[1].split("\n## 3. ")[0]
    shown = [line for line in sec2.splitlines() if line.startswith("> ") and not line.startswith("> —")]
    assert shown == [
        "> “Câu nói số 0.”",
        "> “Câu nói số 2.”",
        "> “Câu nói số 4.”",
        "> “Câu nói số 6.”",
        "> Câu nói số 1.",
    ]
    assert "*…and 3 more quotes.*" in sec2
    # Speakers are bold inside the block quote.
    inside, speakers = 0, []
    for t in flat(toks):
        inside += {"blockquote_open": 1, "blockquote_close": -1}.get(t.type, 0)
        if inside and t.type == "strong_open":
            speakers.append(t)
    assert len(speakers) == 2 + MAX_QUOTES


def test_targets_table(db):
    md = render_digest(db)
    toks = tokens(md)
    assert count(toks, "table_open") == 1
    assert "| Indicator | Value | Unit | Year | Kind |" in md
    assert "| dịch vụ công trực tuyến mức 4 | ≥ 80 | % | 2025 | target |" in md
    assert "| 1.234 doanh nghiệp số | 1234 | doanh nghiệp |  | figure |" in md
    table = _table_rows(toks)
    assert table[0] == ["Indicator", "Value", "Unit", "Year", "Kind"]
    assert table[1:] == [
        ["dịch vụ công trực tuyến mức 4", "≥ 80", "%", "2025", "target"],
        ["1.234 doanh nghiệp số", "1234", "doanh nghiệp", "", "figure"],
    ]


def _table_rows(toks):
    rows, row, inside = [], None, False
    for t in toks:
        if t.type == "tr_open":
            row = []
        elif t.type in ("th_open", "td_open"):
            inside = True
        elif t.type == "inline" and inside and row is not None:
            row.append("".join(c.content for c in t.children if c.type == "text"))
        elif t.type in ("th_close", "td_close"):
            inside = False
        elif t.type == "tr_close":
            rows.append(row)
            row = None
    return rows


def test_kind_and_dates(db):
    md = render_digest(db)
    assert "- **Kind:** workshop" in md
    assert "- **When:** 27–30/04/2021" in md
    assert "- **When:** ~2024 (approximate)" in md
    assert "- **People:** Nguyễn Văn A (Chủ tịch UBND tỉnh), Trần Thị B (Giám đốc Sở TT&amp;TT)" in md


def test_title_and_empty_database():
    db = connect(":memory:")
    md = render_digest(db, title="Báo cáo *tuần*")
    toks = tokens(md)
    assert headings(toks, "h1") == ["Báo cáo \\*tuần\\*"]  # source of the inline: escaped
    assert plain_text(toks).startswith("Báo cáo *tuần*")
    assert headings(toks, "h2") == []
    assert "No events match this filter." in md
    assert "**0 events**" in md
    assert md.endswith("\n") and not md.endswith("\n\n")


def test_filter_matching_nothing(db):
    md = render_digest(db, Filter(province="Cà Mau"))
    assert headings(tokens(md), "h2") == []
    assert "No events match this filter." in md


# --------------------------------------------------------------------------
# Determinism
# --------------------------------------------------------------------------


def test_same_database_same_bytes(db):
    assert render_digest(db) == render_digest(db)
    assert render_digest(db, Filter(province="hue")) == render_digest(db, Filter(province="Huế"))


def test_two_databases_built_alike_give_identical_bytes(tmp_path):
    one = write_digest(build_db(tmp_path / "a.db"), Filter(), tmp_path / "a.md")
    two = write_digest(build_db(tmp_path / "b.db"), Filter(), tmp_path / "b.md")
    assert one.read_bytes() == two.read_bytes()
    assert one.read_bytes() == render_digest(build_db()).encode("utf-8")
    h1 = write_digest(build_hostile_db(tmp_path / "c.db"), Filter(), tmp_path / "c.md")
    h2 = write_digest(build_hostile_db(), Filter(), tmp_path / "d.md")
    assert h1.read_bytes() == h2.read_bytes()


# --------------------------------------------------------------------------
# Untrusted text
# --------------------------------------------------------------------------


def test_hostile_text_cannot_change_structure(hostile_db):
    md = render_digest(hostile_db)
    toks = tokens(md)
    assert_no_html(toks)
    # One h1, one h2 (the event), h3 for Sources, Quotes, Targets: nothing else.
    assert [t.tag for t in toks if t.type == "heading_open"] == ["h1", "h2", "h3", "h3", "h3"]
    # Links: the contents entry and the one https source; nothing from the text.
    hrefs = links(toks)
    assert len(hrefs) == 2
    assert hrefs[0].startswith("#1-01012022--h%C3%A0-n%E1%BB%99i---heading---item--fence")
    assert hrefs[1] == "https://example.com/a%20b%28c%29%3Cd%3E%22e%22"
    # One table (the targets), with exactly one body row of five cells.
    assert count(toks, "table_open") == 1
    rows = _table_rows(toks)
    assert len(rows) == 2 and all(len(r) == 5 for r in rows)
    assert rows[1][0] == "| x | y | |---|---|"
    assert rows[1][1] == "`>` 1.5"
    assert rows[1][2] == "<b>u</b>"
    assert rows[1][4] == "target # h"
    # Three quotes → three block quotes; no lists, code or fences besides ours.
    assert count(toks, "blockquote_open") == 3
    assert count(toks, "fence") == 0
    assert count(toks, "code_block") == 0
    assert count(toks, "code_inline") == 0
    assert count(toks, "em_open") == 0
    assert count(toks, "ordered_list_open") == 1  # the contents
    assert count(toks, "bullet_list_open") == 2  # the facts, the sources
    assert count(toks, "hr") == 0
    # The characters are all there, as text.
    text = plain_text(toks)
    assert SCRIPT in text
    assert "<img src=x onerror=y>" in text
    assert "# heading - item ``` fence ``` ]( javascript:alert(1)) | a | b | |---|---| ␛[2J<b>bold</b>" in text
    assert "␛[2J␇ | a | b |" in text
    assert "*bold*" in text and "`code`" in text
    assert "[Evil](javascript:alert(1)) " + SCRIPT in text
    # No raw control characters, no raw tags in the source either.
    assert "\x1b" not in md and "\x07" not in md
    assert "<script" not in md and "<img" not in md and "<b>" not in md


def test_hostile_text_title_argument():
    db = connect(":memory:")
    md = render_digest(db, title=HOSTILE_TITLE)
    toks = tokens(md)
    assert [t.tag for t in toks if t.type == "heading_open"] == ["h1"]
    assert links(toks) == []
    assert count(toks, "table_open") == 0
    assert_no_html(toks)
    assert md.count("\n#") == 0  # one line for the title


def test_hostile_filter_text_is_escaped(db):
    md = render_digest(db, Filter(search="<script>x</script> [a](javascript:b)"))
    toks = tokens(md)
    assert_no_html(toks)
    assert links(toks) == []


@pytest.mark.parametrize(
    "text",
    [
        "# h",
        "## h",
        "- item",
        "+ item",
        "* item",
        "1. item",
        "12) item",
        "1.",
        "2024. item",
        "- - -",
        "-- -",
        "+",
        "> quote",
        "```",
        "~~~",
        "    indented code",
        "---",
        "===",
        "***",
        "___",
        "| a | b |",
        "<div>",
        "<!-- c -->",
        "[a]: http://x",
        "[a](http://x)",
        "![i](http://x)",
        "<http://x>",
        "&lt;",
        "&#60;script&#62;",
        "a\\",
        "`x`",
        "*em* _em_ **strong**",
        "\x1b[31mred\x1b[0m",
        "a\nb\n# c",
        "a\r\n\r\nb",
        "\u202eevil",
        "\ud800x",
    ],
)
def test_escape_md_round_trips_as_one_plain_paragraph(text):
    escaped = escape_md(text)
    assert "\n" not in escaped and "\r" not in escaped
    # At the start of a document, alone, and after a list marker: always plain text.
    for src, wrap in ((escaped, "paragraph_open"), (f"- {escaped}", "bullet_list_open"), (f"> {escaped}", None)):
        toks = tokens(src)
        kinds = [t.type for t in toks]
        if wrap:
            assert kinds[0] == wrap
        inline = [t for t in toks if t.type == "inline"]
        assert len(inline) == 1
        assert [c.type for c in inline[0].children] == ["text"], (text, escaped, src)
        assert inline[0].children[0].content == clean_text(text)
        assert not any(k.startswith(("heading", "fence", "code", "html", "table", "hr")) for k in kinds)


def test_escape_md_in_table_cell():
    row = f"| {escape_md('a | b')} | {escape_md('c')} |"
    toks = tokens("| x | y |\n| --- | --- |\n" + row + "\n")
    assert _table_rows(toks) == [["x", "y"], ["a | b", "c"]]


def test_clean_text():
    assert clean_text("  a\n\tb\r\n c  ") == "a b c"
    assert clean_text("\x1b[2J") == "␛[2J"
    assert clean_text("\x00\x7f") == "␀␡"
    assert clean_text("a\u202eb\ufeffc\x9b") == "abc"
    assert clean_text("Hoa\u0300") == "Hoà"  # NFC
    assert clean_text(None) == ""


def test_escape_md_limit_cuts_before_escaping():
    assert escape_md("ab*cd*ef", limit=4) == "ab\\*…"
    assert escape_md("abc", limit=4) == "abc"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://a.vn/x", "https://a.vn/x"),
        ("HTTP://a.vn/x y", "HTTP://a.vn/x%20y"),
        ("https://a.vn/(x)<y>", "https://a.vn/%28x%29%3Cy%3E"),
        ("https://a.vn/đường", "https://a.vn/%C4%91%C6%B0%E1%BB%9Dng"),
        ("https://a.vn/50%", "https://a.vn/50%25"),
        ("https://a.vn/%C4%91", "https://a.vn/%C4%91"),
        ("https://a.vn/?a=1&amp;b=2", "https://a.vn/?a=1\\&amp;b=2"),
        ("https://a.vn/a\\b", "https://a.vn/a%5Cb"),
        ("javascript:alert(1)", None),
        (" JavaScript:alert(1)", None),
        ("data:text/html,<script>", None),
        ("vbscript:x", None),
        ("file:///etc/passwd", None),
        ("/relative/path", None),
        ("https:///nohost", None),
        ("https://a.vn/\nx", None),
        ("https://a.vn/\x1b", None),
        ("", None),
        (None, None),
        ("http://[::1", None),
    ],
)
def test_safe_url(url, expected):
    assert safe_url(url) == expected


def test_safe_url_survives_the_parser():
    url = safe_url("https://a.vn/a b(c)?q=<x>&amp;z")
    toks = tokens(f"[t]({url})")
    # The href is exactly the URL's characters: `&amp;` stays text, not an entity.
    assert links(toks) == ["https://a.vn/a%20b%28c%29?q=%3Cx%3E&amp;z"]


def test_format_number():
    assert format_number(80.0) == "80"
    assert format_number(3.5) == "3.5"
    assert format_number(1e-7) == "0.0000001"
    assert format_number(1.5e20) == "150000000000000000000"
    assert format_number(None) == ""


# --------------------------------------------------------------------------
# Writing the file
# --------------------------------------------------------------------------


def test_write_digest_atomic_utf8(db, tmp_path):
    out = tmp_path / "sub" / "digest.md"
    path = write_digest(db, Filter(province="dak lak"), out)
    assert path == out
    data = out.read_bytes()
    assert data.decode("utf-8") == render_digest(db, Filter(province="dak lak"))
    assert b"\r\n" not in data
    # Overwrite in place; no temporary files left behind.
    write_digest(db, Filter(), out)
    assert out.read_text(encoding="utf-8") == render_digest(db)
    assert sorted(p.name for p in out.parent.iterdir()) == ["digest.md"]


def test_write_digest_respects_umask(db, tmp_path):
    old = os.umask(0o022)
    try:
        path = write_digest(db, Filter(), tmp_path / "d.md")
    finally:
        os.umask(old)
    assert path.stat().st_mode & 0o777 == 0o644


def test_write_digest_error_is_a_store_error(db, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StoreError, match="cannot write the digest"):
        write_digest(db, Filter(), blocker / "digest.md")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file"]


def test_write_digest_reports_progress_and_stops_cleanly(db, tmp_path):
    out = tmp_path / "digest.md"
    seen = []
    write_digest(db, Filter(), out, progress=lambda done, total: seen.append((done, total)))
    steps = len(seen)
    assert steps > 2 and seen == [(i, steps) for i in range(1, steps + 1)]  # two an event: contents, section
    first = out.read_bytes()

    def stop(done, total):
        if done == total // 2 + 1:  # while the sections are written
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        write_digest(db, Filter(), out, progress=stop)
    assert out.read_bytes() == first  # the old file stays whole; no partial one is left
    assert sorted(p.name for p in tmp_path.iterdir()) == ["digest.md"]
    assert not db.conn.in_transaction  # the read snapshot is closed


def test_digest_reads_one_snapshot(tmp_path):
    """A write between the contents and the sections does not reach the document."""
    from store.db import connect
    from store.digest import digest_chunks

    db = build_db(tmp_path / "a.db")
    before = render_digest(db)
    chunks = digest_chunks(db)
    head = next(chunks)
    other = connect(tmp_path / "a.db")
    with other.conn:
        other.execute("update events set title = 'Changed meanwhile'")
    assert head + "".join(chunks) == before
    assert "Changed meanwhile" in render_digest(db)


def test_store_does_not_import_textual():
    import subprocess

    code = "import sys, store.digest; print('textual' in sys.modules)"
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parents[1],
    )
    assert out.stdout.strip() == "False"


def test_event_rows_used_as_given(db):
    # The digest is exactly the events all_events returns, in that order.
    ids = [r.title for r in all_events(db, Filter())]
    h2 = headings(tokens(render_digest(db)), "h2")
    assert [h.split(" — ", 1)[1] for h in h2] == ids


def test_odd_events_untitled_undated_placeless():
    db = connect(":memory:")
    with db.conn:
        for eid, title in ((1, ""), (2, "Cùng tên"), (3, "Cùng tên")):
            db["events"].insert(
                {
                    "id": eid,
                    "title": title,
                    "kind": None,
                    "date_start": None,
                    "date_end": None,
                    "precision": None,
                    "date_sort": None,
                    "year": None,
                    "provinces": None,
                    "provinces_new": None,
                    "terms": "",
                    "n_quotes": 0,
                    "n_targets": 0,
                    "n_sources": 0,
                }
            )
    # A title that reads like the first event heading takes its slug first, as on GitHub.
    md = render_digest(db, title="1. date unknown — (untitled)")
    toks = tokens(md)
    assert headings(toks, "h2") == [
        "1. date unknown — (untitled)",
        "2. date unknown — Cùng tên",
        "3. date unknown — Cùng tên",
    ]
    assert [h for h in links(toks)] == [
        "#1-date-unknown--untitled-1",
        "#2-date-unknown--c%C3%B9ng-t%C3%AAn",
        "#3-date-unknown--c%C3%B9ng-t%C3%AAn",
    ]
    assert "- **Where:** not given" in md
    assert "- **Kind:** other" in md
    assert "No sources recorded." in md
    assert count(toks, "table_open") == 0
    assert count(toks, "blockquote_open") == 0
