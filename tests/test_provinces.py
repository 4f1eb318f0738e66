import pytest

from store.provinces import all_provinces, find_mentions, resolve


def test_gazetteer_has_63_old_and_34_new_units():
    units = all_provinces()
    assert len(units) == 63
    assert len({p.new_name for p in units}) == 34


@pytest.mark.parametrize("typed", ["Huế", "hue", "Thừa Thiên Huế", "thua thien hue", "Thừa Thiên - Huế", "TT Huế"])
def test_hue_spellings(typed):
    p = resolve(typed)
    assert p is not None and p.name_at("2021-04-27") == "Thừa Thiên Huế" and p.name_at("2025-08-01") == "Huế"


@pytest.mark.parametrize("typed", ["TP.HCM", "TPHCM", "Sài Gòn", "tp ho chi minh", "Thành phố Hồ Chí Minh"])
def test_hcm_aliases(typed):
    assert resolve(typed).name == "Hồ Chí Minh"


def test_old_unit_maps_to_2025_unit():
    assert resolve("Đắk Nông").new_name == "Lâm Đồng"
    assert resolve("dak lak").name == "Đắk Lắk"


def test_mentions_need_capitals():
    names = [m.province.name for m in find_mentions("vì hòa bình, tỉnh Hòa Bình và TP.HCM")]
    assert names == ["Hòa Bình", "Hồ Chí Minh"]


def test_packaged_table_matches_vietnamadminunits():
    pytest.importorskip("vietnamadminunits")
    from store.data.build_provinces import build

    built = {r["code"]: (r["name"], r["new_name"]) for r in build()}
    assert built == {p.code: (p.name, p.new_name) for p in all_provinces()}


def test_packaged_districts_match_vietnamadminunits():
    pytest.importorskip("vietnamadminunits")
    import json
    from importlib import resources

    from store.data.build_provinces import build_districts

    packaged = json.loads(resources.files("store").joinpath("data/districts.json").read_text(encoding="utf-8"))
    assert packaged == build_districts()
    assert {"type": "Huyện", "name": "Sa Thầy", "code": "62"} in packaged
    assert {d["code"] for d in packaged if d["name"] == "Châu Thành"} == {None}  # in eight provinces: no clue


def test_districts_named_with_their_type():
    from store.provinces import find_district_mentions

    text = "xã Ya Tăng, huyện Sa Thầy và TP. Buôn Ma Thuột; huyện Châu Thành; Sa Thầy; quận Ba Đình"
    assert [(m.province.name, m.text) for m in find_district_mentions(text)] == [
        ("Kon Tum", "huyện Sa Thầy"),
        ("Đắk Lắk", "TP. Buôn Ma Thuột"),
        ("Hà Nội", "quận Ba Đình"),
    ]


def test_names_that_start_like_prefixes():
    names = [m.province.name for m in find_mentions("tỉnh Thanh Hóa, Thanh Hoá và Thành phố Hồ Chí Minh")]
    assert names == ["Thanh Hóa", "Thanh Hóa", "Hồ Chí Minh"]


def test_names_after_the_2025_merger():
    assert resolve("Quảng Nam").name_at("2021-04-27") == "Quảng Nam"
    assert resolve("Quảng Nam").name_at("2026-02-26") == "Đà Nẵng"
    assert resolve("Thừa Thiên Huế").name_at("2025-08") == "Huế"
    assert resolve("Phú Yên").name_at("2025-07-01") == "Đắk Lắk"


def _event_provinces(text: str) -> list[str]:
    from store.article import parse_article
    from store.extract import extract

    return extract(parse_article(text.encode(), "a.txt")).province_names()


def test_a_section_about_another_province_counts():
    lead = "Sáng 26/4, UBND tỉnh Thừa Thiên Huế tổ chức hội nghị về tiêm vắc xin tại Thừa Thiên Huế."
    body = "\n".join(f"Thừa Thiên Huế đã tiêm {n} liều vắc xin cho người dân trong đợt này." for n in range(2, 8))
    section = (
        "Quảng Bình chuẩn bị tiêm\n"
        "Sở Y tế Quảng Bình cho biết, ngành y tế đang triển khai các biện pháp cần thiết.\n"
        "Việc tiêm vắc xin tại Quảng Bình sẽ bắt đầu từ tuần sau, theo kế hoạch của tỉnh."
    )
    text = f"# date = 20210426\nTiêm vắc xin Covid-19\n{lead}\n{body}\n{section}\n"
    assert _event_provinces(text) == ["Thừa Thiên Huế", "Quảng Bình"]
    # named once in a sub-heading, or in a photo caption, it is no section of its own
    once = section.replace("Việc tiêm vắc xin tại Quảng Bình", "Việc tiêm vắc xin")
    assert _event_provinces(f"# date = 20210426\nTiêm vắc xin Covid-19\n{lead}\n{body}\n{once}\n") == ["Thừa Thiên Huế"]
    photo = section.replace("Quảng Bình chuẩn bị tiêm", "Quảng Bình chuẩn bị tiêm (Ảnh: X)")
    assert _event_provinces(f"# date = 20210426\nTiêm vắc xin Covid-19\n{lead}\n{body}\n{photo}\n") == [
        "Thừa Thiên Huế"
    ]


def test_a_fact_box_place_counts():
    text = (
        "# date = 20210427\nKý hợp đồng mở rộng thủy điện\n"
        "Chiều 27/4, tại Hà Nội, Tập đoàn Điện lực Việt Nam tổ chức lễ ký kết hợp đồng thi công.\n"
        "Tập đoàn yêu cầu các nhà thầu tập trung nguồn lực để sớm khởi công công trình.\n"
        "Địa điểm xây dựng: xã Ya Tăng, huyện Sa Thầy, tỉnh Kon Tum và thị trấn Ialy, tỉnh Gia Lai.\n"
    )
    assert _event_provinces(text) == ["Hà Nội", "Kon Tum", "Gia Lai"]
    assert _event_provinces(text.replace("Địa điểm xây dựng:", "Công nhân đến từ")) == ["Hà Nội"]


def test_districts_stand_for_their_province_when_none_is_named():
    lead = "Sáng 26/4, UBND huyện Krông Pa tổ chức hội nghị về phòng chống hạn hán cho người dân."
    more = "Huyện Krông Pa có hơn 2.000 ha lúa bị ảnh hưởng, theo báo cáo của huyện."
    text = f"# date = 20210426\nChống hạn\n{lead}\n{more}\n"
    assert _event_provinces(text) == ["Gia Lai"]
    # a province named: the districts add nothing
    assert _event_provinces(text.replace("Chống hạn", "Chống hạn ở Phú Yên")) == ["Phú Yên"]
    # a district named once in passing (an address) is not what the article is about
    passing = (
        "# date = 20210426\nMáy in mới\nMáy in khổ A3 mới có đủ các chức năng in, chụp và quét.\n"
        "Máy in nhanh, giá hợp lý và tiết kiệm mực cho văn phòng nhỏ.\n"
        "Sản phẩm bán tại cửa hàng số 5, quận Đống Đa từ tuần này.\n"
    )
    assert _event_provinces(passing) == []


def test_a_persons_home_and_a_street_named_after_a_province_weigh_less():
    text = (
        "# date = 20210430\nTai nạn giao thông nghiêm trọng\n"
        "Ngày 29/4, Công an tỉnh Đồng Nai cho biết đang điều tra vụ tai nạn trên địa bàn tỉnh.\n"
        "Tài xế là anh N.V.A. (SN 1990, trú huyện Quỳnh Lưu, tỉnh Nghệ An) đã bị tạm giữ.\n"
    )
    assert _event_provinces(text) == ["Đồng Nai"]
    alone = "# date = 20210430\nĐám cưới voi\nÔng Long (ngụ huyện Lắk, Đắk Lắk) vừa tổ chức lễ cưới cho con gái.\n"
    assert _event_provinces(alone) == ["Đắk Lắk"]  # the only place named still counts
    street = "# date = 20210430\nKẹt xe cửa ngõ\nTại TP Thủ Đức, xe nối đuôi nhau trên Xa lộ Hà Nội và đường Hà Nội.\n"
    assert _event_provinces(street) == ["Hồ Chí Minh"]


def test_announcing_results_is_no_ceremony():
    from store.article import parse_article
    from store.extract import extract

    def kind(text: str) -> str | None:
        return extract(parse_article(text.encode(), "a.txt")).kind

    results = "# date = 20210426\nKết quả quý I\nNgày 26/4, VPBank vừa công bố kết quả kinh doanh quý I.\n"
    assert kind(results) != "ceremony"
    rite = "# date = 20210426\nQuy hoạch\nNgày 26/4, tỉnh Kiên Giang tổ chức lễ công bố quy hoạch đảo Phú Quốc.\n"
    assert kind(rite) == "ceremony"


def test_the_pacific_is_not_thai_binh():
    names = [m.province.name for m in find_mentions("Khu vực châu Á - Thái Bình Dương và tỉnh Thái Bình, Bình Dương")]
    assert names == ["Thái Bình", "Bình Dương"]


def test_a_contact_line_names_no_place_of_the_event():
    text = (
        "# date = 20210426\nKhám miễn phí\nNgày 26/4, Bệnh viện tỉnh Bình Định tổ chức khám miễn phí.\n"
        "Địa chỉ: 160 Hiền Vương, quận Tân Phú, TP. HCM.\n"
    )
    assert _event_provinces(text) == ["Bình Định"]


def test_a_province_in_a_persons_name_or_in_uncle_hos_is_no_place():
    text = (
        "# date = 20210426\nGạo ST25\nNgày 26/4, tại Cần Thơ, anh Phạm Thái Bình cho biết doanh nghiệp đã đăng ký.\n"
        "Sinh viên đoạt giải Olympic Tư tưởng Hồ Chí Minh tại Cần Thơ.\n"
    )
    assert _event_provinces(text) == ["Cần Thơ"]
    city = "# date = 20210426\nTuyển sinh\nNgày 26/4, Trường Đại học Kinh tế - Tài chính TP.HCM công bố điểm.\n"
    assert _event_provinces(city) == ["Hồ Chí Minh"]
