from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from store.dates import find_dates

REF = date(2021, 4, 26)


def first(text: str, ref: date | None = REF):
    found = find_dates(text, ref)
    return (found[0].date_start, found[0].date_end, found[0].precision, found[0].role) if found else None


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Ngày 26/3, UBND tỉnh", ("2021-03-26", None, "day", "event")),
        ("Sáng 7/10, Sở", ("2020-10-07", None, "day", "event")),
        ("Ngày 26-3, UBND", ("2021-03-26", None, "day", "event")),
        ("Ngày 26.2, tại", ("2021-02-26", None, "day", "event")),
        ("diễn ra từ ngày 27- 30/4 là", ("2021-04-27", "2021-04-30", "range", "event")),
        ("ngày 9-10/4", ("2021-04-09", "2021-04-10", "range", "event")),
        ("từ ngày 5 - 12.3.2026", ("2026-03-05", "2026-03-12", "range", "event")),
        ("14.3.2026", ("2026-03-14", None, "day", "event")),
        ("lúc 14:16, 07/10/2022", ("2022-10-07", None, "day", "event")),
        ("Đến tháng 8/2024, tỉnh", ("2024-08", None, "month", "asof")),
        ("quý III/2021", ("2021-07", "2021-09", "range", "period")),
        ("đầu năm 2024", ("2024", None, "approximate", "event")),
        ("đến năm 2030", ("2030", None, "year", "deadline")),
        ("hôm qua", ("2021-04-25", None, "day", "relative")),
    ],
)
def test_forms(text, expected):
    assert first(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "đạt 90% dân số",
        "đứng thứ 5 toàn quốc",
        "dịch Covid-19",
        "giai đoạn 2021-2025",
        "1.500/4.000 y",
        "20 tỉ đồng/năm",
    ],
)
def test_false_dates(text):
    assert find_dates(text, REF) == []


def test_year_from_reference_crosses_new_year():
    found = find_dates("Ngày 28/12, hội nghị", date(2021, 1, 5))
    assert found[0].date_start == "2020-12-28"


def test_no_reference_leaves_year_unknown():
    found = find_dates("Ngày 26/3, UBND", None)
    assert found[0].date_start == "????-03-26" and not found[0].resolved


def test_invalid_day_is_not_a_date():
    assert find_dates("ngày 31/2 và ngày 12/13", REF) == []


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789/.-–  ngàyNgàySángtháng%năm")), max_size=200))
def test_never_raises_and_stays_in_bounds(text):
    for d in find_dates(text, REF):
        assert 0 <= d.start < d.end <= len(text)
        if d.resolved:
            assert "1900" <= d.date_start[:4] <= "2100"


def test_long_spans_and_reporting_windows_are_periods():
    found = find_dates("Tính từ 18/3/2020 đến 23/4/2021, tỉnh đã tiếp nhận", REF)
    assert found[0].role == "period"
    assert find_dates("diễn ra từ 1/3 - 30/6 năm nay", REF)[0].role == "period"


def test_an_event_taking_place_now_is_on_the_reference_day():
    found = find_dates("Tọa đàm về chất lượng không khí đang diễn ra tại Hà Nội.", REF)
    assert (found[0].date_start, found[0].role) == ("2021-04-26", "relative")


def test_a_date_a_paper_was_signed_is_no_event_date():
    (d,) = find_dates("Theo Quyết định số 1179/QĐ-BGDĐT ngày 5/4/2021 của Bộ GD&ĐT, trường được công nhận.", REF)
    assert d.role == "document"
    (e,) = find_dates("Ngày 5/4/2021, Bộ GD&ĐT tổ chức lễ công nhận trường đạt chuẩn.", REF)
    assert e.role == "event"
