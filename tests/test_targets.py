from store.dates import find_dates
from store.targets import find_targets, parse_number


def targets(*pars, ref=None):
    pars = list(pars)
    return [
        (t.value, t.unit, t.kind, t.year, t.comparator) for t in find_targets(pars, [find_dates(p, ref) for p in pars])
    ]


def test_vietnamese_numbers():
    assert parse_number("1.715", None) == 1715
    assert parse_number("259.652", None) == 259652
    assert parse_number("18", "6") == 18.6


def test_goal_with_comparators():
    got = targets("Mục tiêu là 100% dịch vụ công trực tuyến, từ 90% trở lên hồ sơ và phát triển 20 doanh nghiệp số.")
    assert got == [
        (100, "%", "target", None, None),
        (90, "%", "target", None, ">="),
        (20, "doanh nghiệp", "target", None, None),
    ]


def test_reported_figures_with_as_of_year():
    got = targets("Đến tháng 8/2024, tỉnh có 1.715 sản phẩm trên sàn. Số hộ được đào tạo là 259.652 hộ, đạt 43%.")
    assert got == [
        (1715, "sản phẩm", "figure", 2024, None),
        (259652, "hộ", "figure", 2024, None),
        (43, "%", "figure", 2024, "="),
    ]


def test_deadline_year_and_multipliers():
    got = targets("Giai đoạn 2021 -2025, vốn xây dựng cơ bản là 300 tỉ đồng. Thế giới ghi nhận hơn 147 triệu ca mắc.")
    assert got == [(300, "tỉ đồng", "target", 2025, None), (147, "triệu ca", "figure", None, ">")]


def test_labels_dates_and_years_are_not_quantities():
    assert targets("Dịch vụ mức độ 4, Covid-19, ngày 26/4, năm 2021, Công nghiệp 4.0, lần 1.", ref=None) == []


def test_range_takes_upper_value():
    assert targets("Quy mô từ 500 đến 1.000 người.")[0][:2] == (1000, "người")


def test_names_spans_and_letters_are_not_quantities():
    assert targets("EVN yêu cầu Ban QLDA Điện 2 phối hợp. Thủy điện Đak Mi 4 xả lũ.") == []
    assert targets("Trong 5 năm qua, ngành đã làm nhiều việc. Thông điệp 5K được nhắc lại.") == []
    assert targets("Trong 5 năm qua, tỉnh đã đào tạo 259.652 lao động.") == [(259652, "lao động", "figure", None, None)]


def test_target_text_is_the_phrase_in_a_later_sentence():
    pars = ["Câu đầu tiên của đoạn. Câu sau có 1.715 sản phẩm trên sàn."]
    (fact,) = find_targets(pars, [find_dates(p, None) for p in pars])
    assert fact.text.endswith("1.715 sản phẩm")


def test_a_time_unit_is_one_word_unless_it_names_an_age_or_a_sentence():
    got = targets("Sau 73 ngày triển khai, tỉnh xong 2 năm kế hoạch. Bị cáo lĩnh 3 năm tù.")
    assert [(v, u) for v, u, *_ in got] == [(73, "ngày"), (2, "năm"), (3, "năm tù")]
    assert targets("Lãi suất thấp nhất trong 10 năm trở lại đây.") == []  # a span of time


def test_a_goal_noun_or_a_limit_right_before_the_number_makes_a_target():
    got = targets("Đến nay đã thu nhận 33,9 triệu hồ sơ, đạt 67,8% so với chỉ tiêu 50 triệu hồ sơ.")
    assert [(v, k) for v, _u, k, *_ in got] == [(33.9, "figure"), (67.8, "figure"), (50, "target")]
    assert targets("Mỗi bàn tiêm đã được hướng dẫn tiêm không quá 100 người.")[0][2] == "target"
    assert targets("Tàu lặn đã xuống độ sâu tối đa 250 mét.")[0][2] == "figure"  # a capacity, not a goal


def test_a_name_is_no_goal_cue():
    # `cần` (need) is a cue; `Cần Thơ` is a city, and `Kế hoạch 15` a document
    assert targets("Sở KH&CN TP Cần Thơ cũng tổ chức 4 hội đồng tư vấn.")[0][2] == "figure"
    assert targets("Tỉnh cần thêm 4 hội đồng tư vấn.")[0][2] == "target"


def test_a_dashed_range_gives_its_upper_value():
    got = targets("Mỗi ổ dịch có từ 20-50 gia đình. Tỷ lệ sẽ lên 70-75%. Giá 10.000-12.000 đồng/kg.")
    assert [(v, u) for v, u, *_ in got] == [(50, "gia đình"), (75, "%"), (12000, "đồng/kg")]
    # a name, a score, a code and a chain are no ranges
    assert targets("Bệnh nhân Covid-19 và F-16. Tỷ số 2-1 nghiêng về đội nhà, thua 0-1 trước.") == []
    assert targets("Ca bệnh BN2863-2864 từ Ấn Độ, sơ đồ 4-4-2 kim cương.") == []


def test_a_multiple_counts_in_times():
    got = targets("Diện tích mới gấp gần 4 lần hiện tại. Sản lượng đã gấp 20 lần năm ngoái.")
    assert [(v, u, k) for v, u, k, *_ in got] == [(4, "lần", "figure"), (20, "lần", "figure")]
    assert targets("Đây là lần 1, và 3 lần nữa ông lại đến.") == []  # the first time; three more times


def test_x_of_y_counts_x():
    got = targets("Đã thu nhận 85.157.192/98.713.820 nhân khẩu. Thành phố bảo đảm 5/5 tiêu chuẩn.")
    assert [(v, u) for v, u, *_ in got] == [(85157192, "nhân khẩu"), (5, "tiêu chuẩn")]
    # a fraction, a month and round the clock are not
    assert targets("Chiếm 1/3 dân số, khảo sát vào 9/2020 chỉ ra. Trực 24/24 giờ.") == []


def test_units_in_capitals_and_numbers_after_a_glued_comma():
    got = targets("Tổng công suất lắp đặt 360 MW. Có 764 tin đã xử lý (chiếm 72%),297 tin đang xử lý.")
    assert [(v, u) for v, u, *_ in got] == [(360, "MW"), (764, "tin"), (72, "%"), (297, "tin")]
    assert targets("Máy có RAM 8 GB.") == []  # a product's specification is no figure
    assert targets("Tăng 18,6 triệu lượt.")[0][:2] == (18.6, "triệu lượt")  # a decimal comma stays


def test_times_of_day_and_function_words_are_no_units():
    assert targets("Cuộc họp lùi đến 9h30 sáng. Điểm TOEIC từ 500 trở lên. Gói 3 có phí, nhóm 2 để xét.") == []
    assert [(v, u) for v, u, *_ in targets("Tận dụng 6.000 m2 đất.")] == [(6000, "m2")]


def test_an_age_is_no_figure():
    assert targets("Bệnh nhân nam, 36 tuổi, trú tại Hà Nội. Con tàu 44 năm tuổi, bé gái 6 tháng tuổi.") == []


def test_months_counted_but_not_a_month_named():
    got = targets("Dự án rút ngắn thời gian thực hiện 2 tháng. Ông về đội sau 17 tháng cầm quân.")
    assert [(v, u) for v, u, *_ in got] == [(2, "tháng"), (17, "tháng")]
    assert targets("Lễ hội diễn ra mùng 5 tháng Giêng, hạn chót 10 tháng 3.") == []
    assert targets("Trong 6 tháng đầu năm, tỉnh thu hút đầu tư.") == []  # a reporting period


def test_measures_end_at_their_symbol_and_metres_count():
    got = targets("Tàu lặn xuống độ sâu 838m ngoài khơi, gió giật 162 km/h, đường hầm dài 3,5 km dẫn vào núi.")
    assert [(v, u) for v, u, *_ in got] == [(838, "m"), (162, "km/h"), (3.5, "km")]


def test_a_rise_or_fall_in_times_is_a_multiple():
    got = targets("Giá cát đã tăng 3 lần. Số ca gấp 2 đến 5 lần dự báo.")
    assert [(v, u) for v, u, *_ in got] == [(3, "lần"), (5, "lần")]


def test_a_number_after_a_lane_or_a_match_minute_is_a_label():
    assert targets("Quán nằm ở ngõ 102 phố Hàng Bạc. Đội khách ghi bàn ở phút 31 sau sai lầm.") == []


def test_the_year_of_a_number_is_its_own_not_one_compared_with():
    got = targets("Doanh thu năm 2019 đạt hơn 1.114 tỷ đồng, tăng mạnh so với 717 tỷ đồng năm 2018.")
    assert [(v, y) for v, _u, _k, y, _c in got] == [(1114, 2019), (717, 2018)]
    got = targets("Tỉ lệ phải đạt 30% từ năm 2021-2025 tiến đến 40% vào năm 2030.")
    assert [(v, y) for v, _u, _k, y, _c in got] == [(30, 2025), (40, 2030)]
    assert targets("Lợi nhuận tăng 5% so với cùng kỳ năm 2019.")[0][3] is None


def test_an_as_of_date_with_a_time_gives_its_year():
    got = targets("Tính đến 18h, ngày 26/4/2021, tỉnh đã cách ly hơn 76 nghìn trường hợp.")
    assert got[0][3] == 2021
    assert targets("Lỗ lũy kế tại ngày 31/12/2019 là hơn 4.766 tỷ đồng.")[0][3] == 2019


def test_a_level_with_a_unit_is_a_quantity_and_a_change_takes_its_unit_later():
    got = targets("Tỷ lệ nợ xấu được kiểm soát ở mức 2,2%. Giải đấu mở rộng từ 32 lên 36 CLB tham dự.")
    assert [(v, u) for v, u, *_ in got] == [(2.2, "%"), (36, "CLB")]
    assert targets("Dịch ở mức độ 4, nguy cơ rất cao.") == []


def test_a_modal_word_aims_only_at_a_number_of_its_own_clause():
    assert targets("Tỉnh sẽ hỗ trợ 500 hộ dân.")[0][2] == "target"
    assert targets("Chỉ đi khoảng 2 km, du khách sẽ dễ dàng bắt gặp cảnh đẹp.")[0][2] == "figure"
    assert targets("Khoảng 3.000 người đã phải sơ tán khỏi vùng lũ.")[0][2] == "figure"
    assert targets("Các cầu thủ chỉ cần 3 phút để hồi phục.")[0][2] == "figure"
    # a strong word of aim counts anywhere in the sentence
    assert targets("Khoảng 2 km đường, theo kế hoạch, sẽ được mở rộng.")[0][2] == "target"


def test_spaced_ranges_units_per_thing_and_numbers_glued_to_a_word():
    got = targets("Bệnh viện cần khoảng 300 - 500 giường. Giá dầu Brent là 67,94 USD/thùng.")
    assert [(v, u) for v, u, *_ in got] == [(500, "giường"), (67.94, "USD/thùng")]
    assert targets("Tỷ số 2 - 1 nghiêng về đội khách.") == []
    pars = ["Sàn HOSE có 32 mã tăng so với323 mã giảm."]
    from store.text import deglue

    glued = [deglue(p) for p in pars]
    assert [(t.value, t.unit) for t in find_targets(glued, [find_dates(p, None) for p in glued])] == [
        (32, "mã"),
        (323, "mã"),
    ]


def test_an_as_of_time_with_the_part_of_the_day():
    assert targets("Tính đến 14h chiều ngày 30/4/2021, toàn tỉnh có 07 trường hợp.")[0][3] == 2021


def test_a_paragraph_opening_year_holds_for_its_later_sentences_and_a_birth_year_for_none():
    got = targets("Năm 2020, ngân hàng lãi 23.050 tỷ đồng. Nợ xấu nội bảng là 5.229,5 tỷ đồng.")
    assert [(v, y) for v, _u, _k, y, _c in got] == [(23050, 2020), (5229.5, 2020)]
    assert targets("Chị P. sinh được 4 người con, cháu đầu sinh năm 2011.")[0][3] is None


def test_contacts_counted_and_names_with_numbers_are_no_quantities():
    got = targets("Ngành y tế đã xác định được 113 F1, hơn 300 F2.")
    assert [(v, u) for v, u, *_ in got] == [(113, "F1"), (300, "F2")]
    assert targets("Sau cơn bão số 9 hoành hành, Bệnh viện 108 hiện đã hoạt động trở lại.") == []


def test_a_range_with_its_unit_on_both_ends_counts_once_at_its_upper_end():
    got = targets("Lãi suất từ 23% đến 25%. Giá vàng 55,22 triệu đồng/lượng - 55,57 triệu đồng/lượng.")
    assert [(v, u) for v, u, *_ in got] == [(25, "%"), (55.57, "triệu đồng/lượng")]
    assert [(v, u) for v, u, *_ in targets("Tăng trưởng năm 2021 là 10% - 15%.")] == [(15, "%")]
    assert targets("Năm 2019, thầy Hội đạt giải 3 toàn quốc.") == []
    assert [(v, u) for v, u, *_ in targets("Trao 4 giải A, mỗi giải 20 triệu đồng.")][-1] == (20, "triệu đồng")


def test_a_time_of_day_after_a_dash_is_no_date():
    from datetime import date

    got = find_dates("Hội thảo diễn ra từ 9-11h30 ngày 25/4/2021 tại Hà Nội.", date(2021, 4, 26))
    assert [d.date_start for d in got] == ["2021-04-25"]


def test_a_plan_measured_against_is_no_aim():
    got = targets("Lợi nhuận đạt 13.298 tỷ đồng, bằng 133% kế hoạch năm.")
    assert [k for _v, _u, k, *_ in got] == ["figure", "figure"]
    assert targets("Theo kế hoạch, họ dự định tổ chức một giải đấu gồm 15 đội.")[0][2] == "target"
