"""Small databases for tests, written straight into the schema of store/db.py
(no extraction involved), so app tests do not depend on the extractors.

- `make_fixture_db`: the four events of the seed articles, with quotes and targets.
- `make_hostile_db`: titles, quotes, names and bodies full of markup and escape codes.
- `make_big_db`: many generated events, to check paging.
- `make_empty_db`: the schema and nothing else.
"""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

from store.db import connect, index_search
from store.provinces import resolve


def _article(ident: int, file: str, *, url: str | None, outlet: str | None, title: str, published: str | None,
             body: str, event_id: int) -> dict[str, Any]:  # fmt: skip
    return {
        "id": ident,
        "file": file,
        "path": f"seeds/{file}",
        "sha256": f"{ident:064x}",
        "url": url,
        "outlet": outlet,
        "title": title,
        "published": published,
        "published_precision": "day" if published and len(published) == 10 else "year",
        "published_source": "header" if url else "body",
        "body": body,
        "facts": "{}",
        "event_id": event_id,
    }


def _event(ident: int, title: str, kind: str, start: str, end: str | None, precision: str, provinces: list[str],
           n_quotes: int, n_targets: int, n_sources: int) -> dict[str, Any]:  # fmt: skip
    return {
        "id": ident,
        "title": title,
        "kind": kind,
        "date_start": start,
        "date_end": end or start,
        "precision": precision,
        "date_sort": start,
        "year": int(start[:4]),
        "provinces": json.dumps(provinces, ensure_ascii=False),
        "provinces_new": json.dumps([resolve(p).new_name for p in provinces], ensure_ascii=False),  # type: ignore[union-attr]
        "terms": "",
        "n_quotes": n_quotes,
        "n_targets": n_targets,
        "n_sources": n_sources,
    }


def _write(path: str | Path, articles, events, sources, quotes, targets) -> Path:  # type: ignore[no-untyped-def]
    path = Path(path)
    db = connect(path)
    with db.conn:
        db["articles"].insert_all(articles)
        db["events"].insert_all(events)
        db["event_provinces"].insert_all(
            {"event_id": e["id"], "province": resolve(name).code, "date_sort": e["date_sort"]}  # type: ignore[union-attr]
            for e in events
            for name in json.loads(e["provinces"])
        )
        db["event_sources"].insert_all({"event_id": ev, "article_id": art} for ev, art in sources)
        for position, (qid, event_id, article_id, speaker, role, text, direct) in enumerate(quotes):
            db["quotes"].insert(
                {
                    "id": qid,
                    "event_id": event_id,
                    "article_id": article_id,
                    "person_id": None,
                    "speaker": speaker,
                    "role": role,
                    "text": text,
                    "direct": int(direct),
                    "position": position,
                }
            )
            db["quote_sources"].insert({"quote_id": qid, "article_id": article_id})
        db["targets"].insert_all(
            {
                "id": tid,
                "event_id": event_id,
                "article_id": article_id,
                "text": text,
                "subject": subject,
                "value": value,
                "unit": unit,
                "comparator": comparator,
                "year": year,
                "kind": kind,
                "position": tid,
            }
            for tid, event_id, article_id, text, subject, value, unit, comparator, year, kind in targets
        )
        index_search(db)  # rows written by hand: their search rows too
    db.close()
    return path


HA = "Nguyễn Tuấn Hà"
HA_ROLE = "Phó Chủ tịch Thường trực UBND tỉnh Đắk Lắk"
DUNG = "Nguyễn Huy Dũng"
DUNG_ROLE = "Thứ trưởng Bộ TT-TT"


def make_fixture_db(path: str | Path) -> Path:
    """The four events of the seed articles (three in Đắk Lắk, one in Thừa Thiên Huế)."""
    articles = [
        _article(
            1,
            "000_fbf29b6908ef3d8c.txt",
            url="https://dantri.com.vn/xa-hoi/chuyen-doi-so-de-lam-viec-cu-tot-hon-lam-viec-moi-ma-truoc-day-chua-the-20210326175140241.htm",
            outlet="dantri.com.vn",
            title="Chuyển đổi số để làm việc cũ tốt hơn, làm việc mới mà trước đây chưa thể",
            published="2021-03-26",
            body=(
                'Ngày 26/3, UBND tỉnh Đắk Lắk tổ chức Hội thảo "Chuyển đổi số - Xu thế tất yếu của sự phát '
                'triển" với sự tham dự của trên 500 đại biểu.\n'
                f"Báo cáo tại Hội thảo, ông {HA} - {HA_ROLE} cho biết, mục tiêu về chính quyền số của tỉnh "
                "Đắk Lắk là 100% dịch vụ công trực tuyến mức độ 4."
            ),
            event_id=1,
        ),
        _article(
            2,
            "001_bcca5a54d533eb84.txt",
            url=None,
            outlet=None,
            title="Chuyển đổi số trên 3 trụ cột chính",
            published="2021-03-26",
            body=(
                "Ngày 26-3, UBND tỉnh Đắk Lắk phối hợp với Công ty CP CN Sao Bắc Đẩu tổ chức Hội thảo "
                '"Chuyển đổi số - Xu thế tất yếu của sự phát triển".\n'
                f'Phát biểu tại hội thảo, {DUNG_ROLE} {DUNG} cho biết: "Chúng ta đang sống trong một giai đoạn '
                'đặc biệt".'
            ),
            event_id=1,
        ),
        _article(
            3,
            "003_6cb6e56a362651ed.txt",
            url=None,
            outlet="Doanh Nhân Giao Thương",
            title="5 gợi mở tạo đột phá trong chuyển đổi số ở Thừa Thiên – Huế",
            published="2021-05-04",
            body=(
                "Tuần lễ Chuyển đổi số – Huế 2021 với chủ đề “Cơ hội và thách thức” diễn ra từ ngày 27- 30/4 "
                "là sự kiện nhận được sự quan tâm của Chính phủ; đại diện lãnh đạo 36 tỉnh, thành trên cả nước."
            ),
            event_id=2,
        ),
        _article(
            4,
            "002_9b311bb2bf35d815.txt",
            url=None,
            outlet=None,
            title="Hưởng ứng Ngày Chuyển đổi số - Đắk Lắk hướng tới công dân số",
            published="2022-10-07",
            body=(
                "Sáng 7/10, Sở Thông tin và Truyền thông (TT-TT) đã tổ chức Hội nghị hưởng ứng Ngày Chuyển đổi "
                "số quốc gia và Ngày Chuyển đổi số tỉnh (10/10) năm 2022 với chủ đề “Đắk Lắk hướng tới công dân số”."
            ),
            event_id=3,
        ),
        _article(
            5,
            "004_53d47d22b3e1cf47.txt",
            url=None,
            outlet="Người Đưa Tin",
            title="Đắk Lắk đẩy mạnh xây dựng chính quyền số",
            published="2024",
            body=(
                f"Người Đưa Tin (NĐT) đã có cuộc trao đổi với ông {HA} - {HA_ROLE} về vấn đề này.\n\n"
                f"Ông {HA}: Thực hiện mục tiêu xây dựng chính quyền số, đẩy mạnh ứng dụng công nghệ số trong "
                "mọi hoạt động sản xuất, kinh doanh, dịch vụ."
            ),
            event_id=4,
        ),
    ]
    events = [
        _event(
            1,
            "Chuyển đổi số - Xu thế tất yếu của sự phát triển",
            "workshop",
            "2021-03-26",
            None,
            "day",
            ["Đắk Lắk"],
            3,
            4,
            2,
        ),  # fmt: skip
        _event(
            2,
            "Tuần lễ Chuyển đổi số – Huế 2021",
            "week",
            "2021-04-27",
            "2021-04-30",
            "range",
            ["Thừa Thiên Huế"],
            2,
            1,
            1,
        ),  # fmt: skip
        _event(
            3,
            "Hội nghị hưởng ứng Ngày Chuyển đổi số: Đắk Lắk hướng tới công dân số",
            "conference",
            "2022-10-07",
            None,
            "day",
            ["Đắk Lắk"],
            0,
            1,
            1,
        ),  # fmt: skip
        _event(
            4,
            "Phỏng vấn ông Nguyễn Tuấn Hà về xây dựng chính quyền số",
            "interview",
            "2024",
            None,
            "approximate",
            ["Đắk Lắk"],
            2,
            2,
            1,
        ),  # fmt: skip
    ]
    sources = [(1, 1), (1, 2), (2, 3), (3, 4), (4, 5)]
    quotes = [
        (
            1,
            1,
            2,
            DUNG,
            DUNG_ROLE,
            "Chúng ta đang sống trong một giai đoạn đặc biệt, khi nhiều thành tựu công nghệ xuất hiện cùng lúc.",
            True,
        ),  # fmt: skip
        (
            2,
            1,
            2,
            DUNG,
            DUNG_ROLE,
            "Chuyển đổi số là một hành trình dài, vì vậy chúng ta phải đi cùng nhau thì mới có thể đi được xa.",
            True,
        ),  # fmt: skip
        (
            3,
            1,
            1,
            HA,
            HA_ROLE,
            "mục tiêu về chính quyền số của tỉnh Đắk Lắk là 100% dịch vụ công trực tuyến mức độ 4",
            False,
        ),  # fmt: skip
        (
            4,
            2,
            3,
            "Lê Trường Lưu",
            "Bí thư Tỉnh ủy Thừa Thiên Huế",
            "Tuần lễ Chuyển đổi số – Huế 2021 chính là "
            "sự đổi mới, sáng tạo trong thực hiện Chương trình chuyển đổi số quốc gia",
            False,
        ),  # fmt: skip
        (
            5,
            2,
            3,
            None,
            None,
            "Thừa Thiên Huế không phải là tỉnh đầu tiên trên cả nước lựa chọn và công bố ngày "
            "chuyển đổi số, nhưng là địa phương đầu tiên tổ chức sự kiện Tuần lễ về chuyển đổi số",
            True,
        ),  # fmt: skip
        (
            6,
            4,
            5,
            HA,
            HA_ROLE,
            "Thực hiện mục tiêu xây dựng chính quyền số, đẩy mạnh ứng dụng công nghệ số trong "
            "mọi hoạt động sản xuất, kinh doanh, dịch vụ",
            True,
        ),  # fmt: skip
        (
            7,
            4,
            5,
            HA,
            HA_ROLE,
            "Đắk Lắk đang triển khai chiến lược để tăng cường hiệu quả hoạt động của các cơ quan Nhà nước",
            True,
        ),  # fmt: skip
    ]
    targets = [
        (
            1,
            1,
            1,
            "100% dịch vụ công trực tuyến mức độ 4",
            "dịch vụ công trực tuyến mức độ 4",
            100.0,
            "%",
            None,
            2025,
            "target",
        ),  # fmt: skip
        (
            2,
            1,
            1,
            "từ 90% trở lên hồ sơ công việc tại cấp tỉnh được xử lý trên môi trường mạng",
            "hồ sơ công việc cấp tỉnh xử lý trên môi trường mạng",
            90.0,
            "%",
            ">=",
            2025,
            "target",
        ),  # fmt: skip
        (3, 1, 1, "kinh tế số chiếm 20% GRDP", "kinh tế số trong GRDP", 20.0, "%", None, 2025, "target"),
        (4, 1, 1, "trên 500 đại biểu", "đại biểu tham dự", 500.0, "đại biểu", ">", 2021, "figure"),
        (
            5,
            2,
            3,
            "đại diện lãnh đạo 36 tỉnh, thành",
            "tỉnh, thành tham dự",
            36.0,
            "tỉnh, thành",
            None,
            2021,
            "figure",
        ),  # fmt: skip
        (
            6,
            3,
            4,
            "80% người dân trưởng thành có điện thoại thông minh",
            "người dân có điện thoại thông minh",
            80.0,
            "%",
            None,
            2025,
            "target",
        ),  # fmt: skip
        (7, 4, 5, "kinh tế số chiếm 20% GRDP", "kinh tế số trong GRDP", 20.0, "%", None, 2025, "target"),
        (8, 4, 5, "100% xã có cáp quang", "xã có cáp quang", 100.0, "%", None, 2025, "target"),
    ]
    return _write(path, articles, events, sources, quotes, targets)


HOSTILE_TITLE = "[bold red]x[/] \x1b[2J Hội thảo [link=file:///etc/passwd]bấm[/link]"
HOSTILE_QUOTE = "\x1b[31m[bold]đỏ[/bold]\x07 và [link=file:///etc/passwd]liên kết[/link]"
HOSTILE_SPEAKER = "[i]Ông A[/i]\x1b[0m"


def make_hostile_db(path: str | Path) -> Path:
    """One event whose title, quote, speaker, target and body try markup and escape codes."""
    body = "Dòng 1 \x1b[2J [bold]đậm[/bold]\n[link=file:///etc/passwd]passwd[/link] \x1b]0;title\x07 kết thúc"
    articles = [
        _article(
            1,
            "evil.txt",
            url="https://example.com/[bold]x[/]",
            outlet="[red]Báo[/red]",
            title=HOSTILE_TITLE,
            published="2023-05-01",
            body=body,
            event_id=1,
        ),  # fmt: skip
    ]
    events = [_event(1, HOSTILE_TITLE, "workshop", "2023-05-01", None, "day", ["Đắk Lắk"], 1, 1, 1)]
    quotes = [(1, 1, 1, HOSTILE_SPEAKER, "[b]Chủ tịch[/b]", HOSTILE_QUOTE, True)]
    targets = [(1, 1, 1, "[red]100%[/red] \x1b[2J", "[red]chỉ tiêu[/red]\x1b[1m", 100.0, "[u]%", None, 2025,
                "target")]  # fmt: skip
    return _write(path, articles, events, [(1, 1)], quotes, targets)


def make_empty_db(path: str | Path) -> Path:
    """A database with the schema and no articles."""
    connect(path).close()
    return Path(path)


def make_big_db(path: str | Path, n: int = 20_000, *, seed: int = 7) -> Path:
    """`n` generated events over 2000–2024 in a few provinces (fast bulk insert,
    no quotes or articles): for paging and scrolling."""
    rng = random.Random(seed)
    names = ["Đắk Lắk", "Thừa Thiên Huế", "Hà Nội", "Hồ Chí Minh", "Đà Nẵng", "Cần Thơ"]
    codes = {name: resolve(name).code for name in names}  # type: ignore[union-attr]
    events = []
    links = []
    for i in range(1, n + 1):
        year = 2000 + (i - 1) * 25 // n
        date = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        province = names[i % len(names)]
        kind = ("workshop", "conference", "forum", "meeting")[i % 4]
        title = f"Sự kiện số {i}: hội thảo chuyển đổi số"
        events.append(
            (
                i,
                title,
                kind,
                date,
                date,
                "day",
                date,
                year,
                json.dumps([province], ensure_ascii=False),
                "[]",
                "",
                i % 4,
                i % 3,
                1,
            )  # fmt: skip
        )
        links.append((i, codes[province], date))
    db = connect(path)
    with db.conn:
        db.conn.executemany(
            "insert into events (id, title, kind, date_start, date_end, precision, date_sort, year,"
            " provinces, provinces_new, terms, n_quotes, n_targets, n_sources)"
            " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            events,
        )
        db.conn.executemany("insert into event_provinces (event_id, province, date_sort) values (?, ?, ?)", links)
        index_search(db)
    db.close()
    return Path(path)


if __name__ == "__main__":
    import sys

    target = sys.argv[1] if len(sys.argv) > 1 else "/tmp/fixture.db"
    kind = sys.argv[2] if len(sys.argv) > 2 else "seed"
    Path(target).unlink(missing_ok=True)
    maker = {"seed": make_fixture_db, "hostile": make_hostile_db, "empty": make_empty_db, "big": make_big_db}[kind]
    print(maker(target))
