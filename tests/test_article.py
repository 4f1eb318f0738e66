import pytest

from store.article import BadArticle, parse_article


def test_header_lines():
    a = parse_article(
        b"# doc_id = x\n# url = https://dantri.com.vn/a-20210326175140241.htm\n# date = 20210326\n"
        b"Ngay 26/3, hoi thao.\nB.\n",
        "a.txt",
    )
    assert a.published == "2021-03-26" and a.published_source == "header"
    assert a.url.startswith("https://dantri.com.vn") and a.outlet == "Dân trí"


def test_dateline_and_title():
    text = "Hưởng ứng Ngày Chuyển đổi số\n14:16, 07/10/2022\nSáng 7/10, Sở tổ chức Hội nghị.\nThúy Hồng\n"
    a = parse_article(text.encode(), "b.txt")
    assert a.published == "2022-10-07" and a.published_source == "dateline"
    assert a.title == "Hưởng ứng Ngày Chuyển đổi số"
    assert a.paragraphs == ["Sáng 7/10, Sở tổ chức Hội nghị."]  # the byline is gone


def test_iso_timestamp_line():
    a = parse_article("Tiêu đề bài\n2026-02-26T12:29:01+00:00\nNgày 26.2, UBND họp.\n".encode(), "c.txt")
    assert a.published == "2026-02-26" and a.published_source == "timestamp"


def test_boilerplate_dropped():
    text = (
        "Trang Chủ Tin Tức Tổng Hợp\nTiêu đề\nbởi Doanh Nhân\nNội dung chính của bài.\nBình luận (0)\n"
        "You may also like\nThực hiện: Khánh Ngọc\nThiết kế: Hoàng Yến\nNGUOIDUATIN.VN |\n"
    )
    a = parse_article(text.encode(), "d.txt")
    assert a.paragraphs == ["Nội dung chính của bài."]
    assert a.outlet == "Người Đưa Tin"


def test_nfd_and_entities_normalised():
    nfd = "Đắk Lắk".encode()
    import unicodedata

    decomposed = unicodedata.normalize("NFD", "Ngày 26/3, UBND tỉnh Đắk Lắk &amp; Bộ TT&amp;TT họp.")
    a = parse_article(decomposed.encode(), "e.txt")
    assert "Đắk Lắk & Bộ TT&TT" in a.paragraphs[0]
    assert nfd.decode() in a.paragraphs[0]


@pytest.mark.parametrize(
    "data, reason",
    [
        (b"", "empty"),
        (b"   \n\n", "empty"),
        (b"%PDF-1.4 ...", "PDF"),
        (b"\xff\xd8\xff\x00\x00\x00\x00\x00\x00", "JPEG"),
        (b"ab\x00\x00\x00\x00\x00\x00\x00\x00", "binary"),
        (b"Ng\xe0y 26/3 \xff\xfe", "not UTF-8"),
    ],
)
def test_bad_files_named(data, reason):
    with pytest.raises(BadArticle, match=reason):
        parse_article(data, "x.txt")


def test_bom_and_utf16():
    text = "Ngày 26/3, UBND tỉnh Đắk Lắk họp.\n"
    assert parse_article(b"\xef\xbb\xbf" + text.encode(), "a").paragraphs[0].startswith("Ngày")
    assert parse_article(text.encode("utf-16"), "b").paragraphs[0].startswith("Ngày")


def test_glued_words_split_for_matching_only():
    from store.extract import extract
    from store.text import deglue

    assert deglue("UBNDtỉnh Tây Ninhtổ chức") == "UBND tỉnh Tây Ninh tổ chức"
    assert deglue("5.800tỷđồng") == "5.800 tỷ đồng"
    assert deglue("online Facebook TPHCM Hoàng") == "online Facebook TPHCM Hoàng"
    # words seen before are remembered, and give the same answer the second time
    assert deglue("Ninhtổ chức, Ninhtổ") == "Ninh tổ chức, Ninh tổ"
    assert deglue("Ninhtổ chức, Ninhtổ") == "Ninh tổ chức, Ninh tổ"
    text = "# date = 20260226\nSáng 26.2, UBNDtỉnh Tây Ninhtổ chức Hội nghị, dự kiến đầu tư 5.800tỷđồng.\n"
    facts = extract(parse_article(text.encode(), "g.txt"))
    assert facts.province_names() == ["Tây Ninh"]
    assert facts.kind == "conference" and facts.event_start == "2026-02-26"
    assert [(t.value, t.unit) for t in facts.targets] == [(5800, "tỷ đồng")]


@pytest.mark.parametrize(
    "line",
    [
        "Thứ năm, 26/2/2026, 12:29 (GMT+7)",
        "26/02/2026 12:29 GMT+7",
        "Cập nhật: 26/02/2026 12:29",
        "12:29 | 26/02/2026",
        "Thứ Năm, ngày 26/02/2026 - 12:29",
        "26.02.2026",
    ],
)
def test_dateline_forms(line):
    a = parse_article(f"Tiêu đề bài báo\n{line}\nNgày 26.2, UBND tỉnh họp bàn nhiều việc quan trọng.\n".encode(), "d")
    assert a.published == "2026-02-26" and a.title == "Tiêu đề bài báo"


def test_question_headline():
    text = "Thủy điện là “công thần” hay “tội đồ”?\nVai trò của thủy điện đang làm dấy lên tranh luận trái chiều.\n"
    assert parse_article(text.encode(), "q").title == "Thủy điện là “công thần” hay “tội đồ”?"


def test_words_pattern_longest_whole_word_wins():
    import re

    from store.text import words_pattern

    verbs = re.compile(words_pattern(["nói", "nói thêm", "cho biết", "cho biết thêm", "cho hay"]))
    found = [m.group(0) for m in verbs.finditer("Ông nói thêm: x. Bà cho biết, y; cho biết thêmz; không nói")]
    assert found == ["nói thêm", "cho biết", "cho biết", "nói"]
    assert verbs.search("bói") is None and verbs.search("nóix") is None  # whole words only
    assert verbs.match("nói") is not None  # at the very start of the text too
    cues = re.compile(words_pattern(["Mục tiêu", "phấn đấu"], ignore_case=True), re.I)
    assert [m.group(0) for m in cues.finditer("MỤC TIÊU là Phấn đấu")] == ["MỤC TIÊU", "Phấn đấu"]


@pytest.mark.parametrize(
    "text",
    [
        "Tiêu đề\n  Ngày 26/3,\tBộ TT&amp;TT  họp\x0b.\n\nSo\u0301 2 &#10; dòng\n",
        "Mo\u0323t\u00a0hai\n&#13;ba &amp bốn\n",
        "không có gì\n",
    ],
)
def test_clean_lines_is_clean_line_of_each_line(text):
    from store.text import clean_line, clean_lines

    assert clean_lines(text) == [clean_line(line) for line in text.split("\n")]


@pytest.mark.parametrize(
    ("header", "day"),
    [
        ("20210326", "2021-03-26"),
        ("2021-03-26T10:00:00+07:00", "2021-03-26"),
        ("26/03/2021", "2021-03-26"),
        ("Thứ Sáu, 26/03/2021 - 17:51", "2021-03-26"),
        ("26 tháng 3 năm 2021", "2021-03-26"),
        ("March 26, 2021", "2021-03-26"),
        ("hôm qua", None),  # no year: not believed
        ("31/02/2021", None),
        ("26/03/2031", None),  # after the day of the load
    ],
)
def test_header_dates_in_any_written_form(header, day):
    from datetime import date

    text = f"# date = {header}\nTiêu đề\nNgày 26/3, hội thảo diễn ra.\n"
    a = parse_article(text.encode(), "a.txt", date(2026, 11, 22))
    assert a.published == day
    assert a.published_source == ("header" if day else None)
