"""Rebuild `provinces.json` and `districts.json` from vietnamadminunits (run by
hand after an upgrade).

    python -m store.data.build_provinces

The library knows the 63 units before the 2025 merger and the 34 after, and
which old units make up each new one. Names a reader meets in news text but the
library does not list (`TP.HCM`, `Sài Gòn`, the pre-2025 `Thừa Thiên Huế`) come
from EXTRA_ALIASES and NAME_BEFORE below.
"""

from __future__ import annotations

import json
from pathlib import Path

HERE = Path(__file__).parent

# Names by which people write a unit that the library's keyword lists miss.
EXTRA_ALIASES = {
    "79": ["TP.HCM", "TPHCM", "TP HCM", "HCM", "Sài Gòn", "Sài Gòn - Gia Định", "Thành phố Hồ Chí Minh"],
    "46": ["Thừa Thiên Huế", "Thừa Thiên - Huế", "Thừa Thiên", "TT-Huế", "TT Huế"],
    "77": ["Vũng Tàu", "BR-VT", "Bà Rịa Vũng Tàu"],
    "66": ["Daklak", "Đắc Lắc", "Đăk Lăk", "Đắk Lăk", "Đăk Lắk"],
    "67": ["Đăk Nông", "Đắc Nông"],
    "01": ["Hà Nội", "Hanoi", "Thủ đô Hà Nội"],
}
# The name a unit had before a date (the library already uses the newer one).
NAME_BEFORE = {"46": ("Thừa Thiên Huế", "2025-01-01")}


def build() -> list[dict]:
    import vietnamadminunits
    from vietnamadminunits.converter import converter_2025  # noqa: F401  (proves the data matches the code)

    root = Path(vietnamadminunits.__file__).parent / "data"
    legacy = json.loads((root / "parser_legacy.json").read_text(encoding="utf-8"))["DICT_PROVINCE"]
    new = json.loads((root / "parser_from_2025.json").read_text(encoding="utf-8"))["DICT_PROVINCE"]
    merged = json.loads((root / "converter_2025.json").read_text(encoding="utf-8"))["DICT_PROVINCE"]
    new_of_old = {old: new_key for new_key, olds in merged.items() for old in olds}
    out = []
    for key, unit in legacy.items():
        code = unit["provinceCode"]
        new_unit = new[new_of_old[key]]
        name = unit["provinceShort"]
        renamed = NAME_BEFORE.get(code)
        aliases = [name, unit["province"], *EXTRA_ALIASES.get(code, [])]
        out.append(
            {
                "code": code,
                "name": name,
                "full_name": unit["province"],
                "name_before": renamed[0] if renamed else None,
                "renamed_on": renamed[1] if renamed else None,
                "new_name": new_unit["provinceShort"],
                "new_code": new_unit["provinceCode"],
                "aliases": sorted(set(aliases)),
                "keywords": unit["provinceKeywords"],
            }
        )
    return out


def build_districts() -> list[dict]:
    """Every district before 2025 as {type, name, code}: `code` is its
    province's where no other province has a district of that type and name
    (`huyện Sa Thầy` is Kon Tum's) and the name is no province's, else null
    (`huyện Châu Thành` is in eight provinces)."""
    import vietnamadminunits

    from store.text import fold_key

    root = Path(vietnamadminunits.__file__).parent / "data"
    legacy = json.loads((root / "parser_legacy.json").read_text(encoding="utf-8"))
    unique = legacy["DICT_UNIQUE_DISTRICT_PROVINCE"]
    provinces = legacy["DICT_PROVINCE"]
    province_names = {fold_key(name) for row in build() for name in row["aliases"]}
    out = []
    for province_key, districts in legacy["DICT_PROVINCE_DISTRICT"].items():
        for key, d in districts.items():
            one = unique.get(key, {}).get("provinceKey") == province_key
            code = provinces[province_key]["provinceCode"] if one else None
            if fold_key(d["districtShort"]) in province_names:
                code = None
            row = {"type": d["districtType"], "name": d["districtShort"], "code": code}
            if row not in out:
                out.append(row)
    return sorted(out, key=lambda r: (r["code"] or "", r["type"], r["name"]))


if __name__ == "__main__":
    rows = build()
    (HERE / "provinces.json").write_text(json.dumps(rows, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{len(rows)} units written to {HERE / 'provinces.json'}")
    districts = build_districts()
    lines = ",\n".join(json.dumps(d, ensure_ascii=False) for d in districts)  # one a line
    (HERE / "districts.json").write_text(f"[\n{lines}\n]\n", encoding="utf-8")
    print(f"{len(districts)} districts written to {HERE / 'districts.json'}")
