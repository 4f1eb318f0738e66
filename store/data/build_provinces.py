"""Rebuild `provinces.json` from vietnamadminunits (run by hand after an upgrade).

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


if __name__ == "__main__":
    rows = build()
    (HERE / "provinces.json").write_text(json.dumps(rows, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{len(rows)} units written to {HERE / 'provinces.json'}")
