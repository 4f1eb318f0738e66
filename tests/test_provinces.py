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


def test_names_that_start_like_prefixes():
    names = [m.province.name for m in find_mentions("tỉnh Thanh Hóa, Thanh Hoá và Thành phố Hồ Chí Minh")]
    assert names == ["Thanh Hóa", "Thanh Hóa", "Hồ Chí Minh"]


def test_names_after_the_2025_merger():
    assert resolve("Quảng Nam").name_at("2021-04-27") == "Quảng Nam"
    assert resolve("Quảng Nam").name_at("2026-02-26") == "Đà Nẵng"
    assert resolve("Thừa Thiên Huế").name_at("2025-08") == "Huế"
    assert resolve("Phú Yên").name_at("2025-07-01") == "Đắk Lắk"
