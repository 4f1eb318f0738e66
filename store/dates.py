"""Finding and resolving date expressions in Vietnamese news text.

Our own patterns find the candidates (dateparser's `search_dates` reads `90%`
as 1990 and `đứng thứ 5` as a weekday); each is resolved against the article's
reference date and carries a precision. Every pattern is linear: bounded
repetition only, no nested quantifiers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from operator import attrgetter

from .text import any_case

# precision values
DAY, RANGE, MONTH, YEAR, APPROX = "day", "range", "month", "year", "approximate"

MIN_YEAR, MAX_YEAR = 1900, 2100


@dataclass(frozen=True)
class DateMention:
    start: int  # character offsets in the text searched
    end: int
    text: str
    date_start: str  # YYYY-MM-DD, YYYY-MM or YYYY; `????-MM-DD` when the year is unknown
    date_end: str | None
    precision: str
    role: str  # "event" (a day or range something happened), "period", "deadline", "asof", "relative"
    has_year: bool

    @property
    def resolved(self) -> bool:
        return not self.date_start.startswith("?")


_D = r"(?P<d>[0-3]?\d)"
# `(?<![\d/.,])(?P<d>[0-3]?\d)` opening a pattern, its first digit first: the
# engine then jumps from digit to digit instead of trying every character
# (the look-behind made after that digit, so one character longer)
_D_FIRST = r"(?P<d>\d(?<![\d/.,]\d)(?:(?<=[0-3])\d)?)"
_M = r"(?P<m>[01]?\d)"
_Y = r"(?P<y>(?:19|20)\d\d)"
# Words after which a bare `26/3`, `26-3` or `26.3` is a date.
_CUE = (
    r"(?:ngày|hôm|sáng|trưa|chiều|tối|đêm|rạng sáng|khuya|từ|đến|tới|hết|trước|sau|nay|qua|"
    r"hai|ba|tư|năm|sáu|bảy|nhật|thứ \d)"
)
_RANGE_SEP = r"\s{0,3}(?:-|–|—|đến|tới|và)\s{0,3}"


def _first_letter_first(words: list[str]) -> tuple[str, str]:
    """`words` as an alternation under `re.I`, in two parts: the characters that
    may open one of them (for a character class), and a pattern that, right
    after one of those characters, matches the rest of a word that opens with
    it (to go under `(?i:...)`). A pattern that opens with a class of letters
    is searched by jumping from one of them to the next; one that opens with
    `\b` or under `re.I` is tried at every character. No word here is the start
    of another, so which word matches does not hang on their order."""
    by_first: dict[str, list[str]] = {}
    for word in words:
        by_first.setdefault(word[0], []).append(word[1:])
    letters = "".join(map(any_case, by_first))
    return letters, "|".join(f"(?<={c})(?:{'|'.join(tails)})" for c, tails in by_first.items())


_CUE_LETTERS, _CUE_RESTS = _first_letter_first(_CUE[3:-1].split("|"))
_TIMES_OF_DAY = ["sáng", "trưa", "chiều", "tối", "đêm"]
_TIME_LETTERS, _TIME_RESTS = _first_letter_first(_TIMES_OF_DAY)

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # 27/04/2021 - 30/04/2021, 19/4 - 25/4, 30/4 - 1/5 (2021)
    (
        "range2",
        re.compile(
            _D_FIRST
            + r"[/.-](?P<m>[01]?\d)(?:[/.-](?P<y>(?:19|20)\d\d))?"
            + _RANGE_SEP
            + r"(?P<d2>[0-3]?\d)[/.-](?P<m2>[01]?\d)(?:[/.-](?P<y2>(?:19|20)\d\d))?(?![\d%])",
            re.I,
        ),
    ),
    # 27- 30/4, 9-10/4/2021, 5 - 12.3.2026
    (
        "range1",
        re.compile(
            _D_FIRST + _RANGE_SEP + r"(?P<d2>[0-3]?\d)[/.](?P<m>[01]?\d)"
            r"(?:[/.](?P<y>(?:19|20)\d\d))?(?![\d%/])",
            re.I,
        ),
    ),
    # 07/10/2022, 14.3.2026, 26-3-2021
    ("dmy", re.compile(_D_FIRST + r"([/.-])" + _M + r"\2" + _Y + r"(?![\d%])")),
    # Ngày 26/3, Sáng 7/10, ngày 26-3, Ngày 26.2, (27/4)
    (
        "dm",
        re.compile(
            # `(?:\(|\b<cue>,?\s{1,3})<day>[/.-]<month>` under `re.I`, its first character first
            # (`(?<!\w.)` after a cue's first letter is the `\b` before it); not a time (`từ 9-11h30`, `8-10 giờ`)
            f"[({_CUE_LETTERS}](?i:(?:(?<=\\()|(?<!\\w.)(?:{_CUE_RESTS}),?\\s{{1,3}})"
            + rf"{_D}[/.-]{_M}(?![\d%/.,-]\d|\d|%|\s?h\d|h\b|\s?giờ|:\d))",
        ),
    ),
    # tháng 8/2024, tháng 6 năm 2024, tháng 06-2024
    # (`\btháng...` under `re.I`, as below `\bquý`, `\bnăm`: their first letter first, see _first_letter_first)
    (
        "my",
        re.compile(
            r"[tT](?<!\w.)(?i:háng\s{1,3}" + _M + r"(?:\s{0,3}[/.-]\s{0,3}|\s{1,3}năm\s{1,3})" + _Y + r"(?!\d))"
        ),
    ),
    # quý III/2021, quý 2 năm 2021
    (
        "quarter",
        re.compile(
            r"[qQ](?<!\w.)(?i:uý\s{1,3}(?P<q>IV|III|II|I|[1-4])(?:\s{0,3}/\s{0,3}|\s{1,3}năm\s{1,3})" + _Y + r"(?!\d))"
        ),
    ),
    # đầu/giữa/cuối năm 2024
    ("approx", re.compile(r"\b(?P<part>đầu|giữa|cuối)\s{1,3}năm\s{1,3}" + _Y + r"(?!\d)", re.I)),
    # năm 2021, (năm) học 2020-2021 is a period
    ("year", re.compile(r"[nN](?<!\w.)(?i:ăm\s{1,3}" + _Y + r"(?![\d/-]))")),
    # hôm qua, hôm nay, sáng nay, hôm kia
    (
        "relative",
        re.compile(
            # `\b(?:(?:sáng|trưa|chiều|tối|đêm)\s{1,3}(?P<rel1>nay|qua)|hôm\s{1,3}(?P<rel2>nay|qua|kia)`
            # `|đang\s{1,3}(?:diễn ra|được tổ chức)(?P<rel3>))\b` under `re.I`, its first letter first
            f"[{_TIME_LETTERS}hH](?<!\\w.)(?i:(?:{_TIME_RESTS})\\s{{1,3}}(?P<rel1>nay|qua)"
            r"|(?<=h)ôm\s{1,3}(?P<rel2>nay|qua|kia)|(?<=đ)ang\s{1,3}(?:diễn ra|được tổ chức)(?P<rel3>))\b",
        ),
    ),
]

# What each pattern cannot match without, checked first: a day-month (found
# from its separator, below), or a word in the lowered text, is far cheaper to
# find than the pattern.
_DAY_MONTH = re.compile(r"\d[/.-][01]?\d(?!\d)")
_BY_NAME = dict(_PATTERNS)
_DAY_MONTH_PATTERNS = [(name, _BY_NAME[name]) for name in ("range2", "range1", "dmy", "dm")]
_BY_WORD = [(word, [(name, _BY_NAME[name]) for name in names])
            for word, names in (("tháng", ("my",)), ("quý", ("quarter",)), ("năm", ("approx", "year")))]  # fmt: skip
_RELATIVE = [("relative", _BY_NAME["relative"])]

# Where in the text each pattern is searched. Every match of a day-month
# pattern holds a place where `_DAY_MONTH` matches at most 14 characters after
# the match's start (`rạng sáng, 26/3`), and reads at most 30 characters from
# its start (`27/04/2021 - 30/04/2021` and the character after it).
# So no match starts before the first `_DAY_MONTH` match less 16, nor after
# the last one; and a search that stops 40 characters after the last one, on
# a character that is not a digit (so that no other day-month ends there),
# finds what one over the whole text finds. Likewise the patterns led by a
# word start at most 7 characters before it (`giữa  năm`) and read at most 24
# after it, where the lowered text has a character for each of the text's.
_BEFORE_DAY_MONTH, _AFTER_DAY_MONTH = 16, 40
_BEFORE_WORD, _AFTER_WORD = 7, 30
# `_DAY_MONTH` found from its separator, one pattern for each (the same places,
# one character on): a search for a pattern that opens with one literal
# character jumps from one to the next, where one that opens with `\d` tries each.
_DAY_MONTH_AT = [(sep, re.compile(re.escape(sep) + r"(?<=\d" + re.escape(sep) + r")[01]?\d(?!\d)")) for sep in "/-."]


def _day_month_span(text: str) -> tuple[int, int] | None:
    """Where `_DAY_MONTH` matches in `text`: the first match's start and the last one's end."""
    first, last = len(text), -1
    for sep, pat in _DAY_MONTH_AT:
        m = pat.search(text) if sep in text else None
        if m:
            first = min(first, m.start() - 1)  # the digit before the separator
            end = m.end()
            for later in pat.finditer(text, end):
                end = later.end()
            last = max(last, end)
    return (first, last) if last >= 0 else None


def _searches(text: str) -> list[tuple[str, re.Pattern[str], int, int]]:
    """The patterns that may match in `text`, in the order they take precedence,
    each with the start and end of the part of `text` where they may."""
    lower = text.lower()
    out: list[tuple[str, re.Pattern[str], int, int]] = []
    span = _day_month_span(text)
    if span:
        start, end = max(0, span[0] - _BEFORE_DAY_MONTH), span[1] + _AFTER_DAY_MONTH
        while end < len(text) and text[end].isdecimal():  # `\d` is a decimal digit
            end += 1
        out += [(name, pat, start, end) for name, pat in _DAY_MONTH_PATTERNS]
    if "19" in text or "20" in text:  # the patterns led by a word all need a year
        aligned = len(lower) == len(text)  # no letter lowered to two (`İ`): offsets in both agree
        for word, pats in _BY_WORD:
            at = lower.find(word)
            if at >= 0:
                start, end = (max(0, at - _BEFORE_WORD), lower.rfind(word) + _AFTER_WORD) if aligned else (0, len(text))
                out += [(name, pat, start, end) for name, pat in pats]
    if (
        ("nay" in lower or "qua" in lower or "kia" in lower)
        and (  # a time of day, spelt out (faster than `any` over a tuple)
            "hôm" in lower or "sáng" in lower or "trưa" in lower or "chiều" in lower or "tối" in lower or "đêm" in lower
        )
    ) or ("đang" in lower and ("diễn ra" in lower or "được tổ chức" in lower)):
        out += [(name, pat, 0, len(text)) for name, pat in _RELATIVE]
    return out


_QUARTERS = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
# `(?:đến|tới|...)\s{1,3}(?:hết\s{1,3})?$` and `(?:giai đoạn|...)\s{0,3}(?:năm\s|ngày\s)?$` under `re.I`, each
# word's first letter first (see _first_letter_first)
_DEADLINE_LETTERS, _DEADLINE_RESTS = _first_letter_first(["đến", "tới", "trước", "vào", "cho tới", "cho đến", "trong"])
_DEADLINE_BEFORE = re.compile(f"[{_DEADLINE_LETTERS}](?i:(?:{_DEADLINE_RESTS})\\s{{1,3}}(?:hết\\s{{1,3}})?)$")
_PERIOD_LETTERS, _PERIOD_RESTS = _first_letter_first(
    "giai đoạn|nhiệm kỳ|niên độ|năm học|mùa giải|kế hoạch|chương trình|tính từ|trong thời gian từ|từ đầu năm".split("|")
)
_PERIOD_BEFORE = re.compile(f"[{_PERIOD_LETTERS}](?i:(?:{_PERIOD_RESTS})\\s{{0,3}}(?:năm\\s|ngày\\s)?)$")
MAX_EVENT_DAYS = 62  # a longer span is a period (a campaign, a reporting window), not an event


def _valid(y: int | None, m: int, d: int | None = None) -> bool:
    if not 1 <= m <= 12:
        return False
    if y is not None and not MIN_YEAR <= y <= MAX_YEAR:
        return False
    if d is None:
        return True
    try:
        date(y or 2000, m, d)
    except ValueError:
        return False
    return True


@lru_cache(maxsize=4096)
def _pick_year(m: int, d: int, ref: date | None) -> int | None:
    """The year of a yearless day-month: the one nearest the reference date
    (so a `28/12` in an article of 3 January is last year's)."""
    if ref is None:
        return None
    best = None
    for y in (ref.year - 1, ref.year, ref.year + 1):
        try:
            cand = date(y, m, d)
        except ValueError:
            continue
        gap = (cand - ref).days
        gap = gap * 2 if gap > 0 else -gap  # news mostly reports what happened: the past weighs more
        if best is None or gap < best[0]:
            best = (gap, y)
    return best[1] if best else None


def _fmt(y: int | None, m: int, d: int | None = None) -> str:
    ys = f"{y:04d}" if y else "????"
    return f"{ys}-{m:02d}" + (f"-{d:02d}" if d else "")


def find_dates(text: str, ref: date | None = None) -> list[DateMention]:
    """All date expressions in `text`, in order, without overlaps."""
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for name, pat, start, end in _searches(text):
        for m in pat.finditer(text, start, end):
            s, e = m.span("d") if name == "dm" else m.span()
            if name == "dm":
                e = m.end()
            if taken and not all(e <= a or s >= b for a, b in taken):
                continue
            mention = _resolve(name, m, text, ref)
            if mention is not None:
                found.append(mention)
                taken.append((s, e))
    if len(found) > 1:
        found.sort(key=_START)
    return found


_START = attrgetter("start")


# `Quyết định 1179/QĐ-BGDĐT ngày 5/4/2021`, `Công điện số 541/CĐ-TTg ngày 23/4`: when a paper was
# signed, not when the news happened
_DOCUMENT_BEFORE = re.compile(
    r"(?:Quyết định|Công điện|Nghị quyết|Công văn|Thông tư|Nghị định|Chỉ thị|Văn bản|Tờ trình|Thông báo|Kế hoạch)"
    r"(?:\s{1,2}số)?\s{1,2}[\w./ -]{1,25}?\s{1,2}(?:ban hành\s{1,2})?ngày\s{1,2}$"
)


def _role_from_context(text: str, start: int) -> str:
    # the pattern ends in `ngày` and a space or two (and a line break): look for `ngày` first
    if "ngày" in text[max(0, start - 7) : start] and _DOCUMENT_BEFORE.search(text, max(0, start - 60), start):
        return "document"
    before = text[max(0, start - 24) : start]
    if _PERIOD_BEFORE.search(before):
        return "period"
    if _DEADLINE_BEFORE.search(before):
        return "deadline"
    return "event"


def _resolve(name: str, m: re.Match[str], text: str, ref: date | None) -> DateMention | None:
    g = m.groupdict()
    s, e = m.span()
    if name == "dm":
        s = m.start("d")
    raw = text[s:e]
    role = _role_from_context(text, s)
    if name in ("range1", "range2"):
        d1, d2 = int(g["d"]), int(g["d2"])
        m2 = int(g["m2"]) if g.get("m2") else int(g["m"])
        m1 = int(g["m"])
        y2 = int(g["y2"]) if g.get("y2") else (int(g["y"]) if g.get("y") and name == "range1" else None)
        y1 = int(g["y"]) if g.get("y") and name == "range2" else y2
        if name == "range1":
            y1 = y2 = int(g["y"]) if g.get("y") else None
        if not (_valid(y1, m1, d1) and _valid(y2, m2, d2)):
            return None
        if name == "range1" and d1 >= d2:
            return None
        has_year = y2 is not None
        if y2 is None:
            y2 = _pick_year(m2, d2, ref)
            y1 = y2
        if y1 is None and y2 is not None:
            y1 = y2
        if y1 is not None and y2 is not None and (m1, d1) > (m2, d2) and y1 == y2:
            y1 = y2 - 1
        start_s, end_s = _fmt(y1, m1, d1), _fmt(y2, m2, d2)
        if y1 and y2 and start_s > end_s:
            return None
        if "đến" not in raw and "tới" not in raw and "và" not in raw and role == "deadline":
            role = "event"
        if y1 and y2 and (date.fromisoformat(end_s) - date.fromisoformat(start_s)).days > MAX_EVENT_DAYS:
            role = "period"
        return DateMention(s, e, raw, start_s, end_s, RANGE, "event" if role == "deadline" else role, has_year)
    if name == "dmy":
        y, mo, d = int(g["y"]), int(g["m"]), int(g["d"])
        if not _valid(y, mo, d):
            return None
        return DateMention(s, e, raw, _fmt(y, mo, d), None, DAY, role, True)
    if name == "dm":
        mo, d = int(g["m"]), int(g["d"])
        if not _valid(None, mo, d):
            return None
        guess = _pick_year(mo, d, ref)
        return DateMention(s, e, raw, _fmt(guess, mo, d), None, DAY, role, False)
    if name == "my":
        y, mo = int(g["y"]), int(g["m"])
        if not _valid(y, mo):
            return None
        return DateMention(s, e, raw, _fmt(y, mo), None, MONTH, "asof" if role == "deadline" else role, True)
    if name == "quarter":
        q, y = _QUARTERS[g["q"].lower()], int(g["y"])
        first = (q - 1) * 3 + 1
        return DateMention(s, e, raw, _fmt(y, first), _fmt(y, first + 2), RANGE, "period", True)
    if name == "approx":
        y = int(g["y"])
        return DateMention(s, e, raw, f"{y:04d}", None, APPROX, role, True)
    if name == "year":
        y = int(g["y"])
        return DateMention(s, e, raw, f"{y:04d}", None, YEAR, role, True)
    if name == "relative":
        if ref is None:
            return None
        word = "nay" if g.get("rel3") is not None else (g.get("rel1") or g.get("rel2") or "").lower()
        delta = {"nay": 0, "qua": 1, "kia": 2}[word]
        day = ref - timedelta(days=delta)
        return DateMention(s, e, raw, day.isoformat(), None, DAY, "relative", True)
    return None


def parse_iso_day(value: str) -> date | None:
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None
