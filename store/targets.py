"""Numeric goals and reported figures: value, unit, comparator, year, kind."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .dates import DateMention
from .lexicon import COMPARATORS, FIGURE_CUES, LABEL_BEFORE, NOT_UNITS, TARGET_CUES, UPPER_UNITS
from .sentences import split_sentences
from .text import words_pattern


@dataclass(frozen=True)
class TargetFact:
    text: str
    subject: str
    value: float
    unit: str
    comparator: str | None
    year: int | None
    kind: str  # "target" or "figure"
    paragraph: int
    offset: int


# A number: 1.715 / 259.652 / 18,6 / 1,5 / 100 — glued units allowed (`5.800tỷđồng`).
# A dash before it only after a digit (`20-50 gia đình`), never after a letter (`Covid-19`, `F-16`);
# a comma only after something else than a digit (`72%),297 tin`, not `18,6`).
_NUM = r"(\d{1,3}(?:\.\d{3}){1,4}|\d{1,9})(?:,(\d{1,4}))?"  # `1.715`, `259.652`, `18,6`: the whole part, the decimals
_NUMBER = re.compile(r"(?<![\w./:%])(?<!\d,)(?<![^\d\s]-)" + _NUM + r"(?![\d:])")
_DIGIT = re.compile(r"\d")
_WORD = re.compile(r"[^\W\d_][\w&]*(?:/[^\W\d_]+)?", re.U)
# searched in lowered text: without `re.I` the engine jumps to each first letter
_PAST = re.compile(words_pattern([c.lower() for c in FIGURE_CUES]))
_TARGET = re.compile(words_pattern([c.lower() for c in TARGET_CUES]))
_CONNECTIVE = re.compile(r"^(?:Bên cạnh đó|Đồng thời|Ngoài ra|Cùng với đó|Về [^,]{1,40}|Trong đó)\s?,", re.I)
_PERIOD = re.compile(
    r"(?:giai đoạn|đến năm|tới năm|đến hết năm|trước năm|năm)\s{0,2}"
    r"(?:(?:19|20)\d\d\s{0,2}[-–]\s{0,2})?((?:19|20)\d\d)\b",
    re.I,
)
# A goal's own noun or a rule's limit right before the number (at most two words between);
# not `tối đa`, which as often gives a capacity (`độ sâu tối đa 250 mét`).
_GOAL_BEFORE = re.compile(
    r"(?<!\w)(?:chỉ tiêu|mục tiêu|định mức|không quá|không vượt quá|không dưới)"
    r"(?:\s[^\W\d]+){0,2}\s{1,2}$"
)
_TIMES = re.compile(r"\s{1,2}lần(?!\w)")
# `gấp 20 lần`, `tăng 5 lần`, `gấp 2 đến 5 lần`: a multiple
_FOLD_BEFORE = re.compile(
    r"(?<!\w)(?:gấp|tăng|giảm)(?:\s(?:lên|gần|hơn|khoảng|xấp xỉ|tới|đến))?"
    r"\s(?:[\d.,]{1,12}\s{0,2}(?:-|–|đến|tới)\s{0,2})?[\d.,]{1,12}$",
    re.I,
)
# `x/y units`: x of y (not a fraction such as `1/3`, see the caller)
_OUT_OF = re.compile(r"/" + _NUM + r"(?=\s)")
_RANGE_LOW = re.compile(r"(?<![\w.,/:%-])" + _NUM + "-$")
# the low end's own unit, written again before the dash: `10% - 15%`, `55,22 triệu đồng/lượng - 55,57 ...`
_LOW_UNIT = re.compile(r"(?:\s{0,2}%|(?:\s[^\W\d]+(?:/[^\W\d]+)?){1,3})$")
_SAME_UNIT_NEXT = re.compile(r"\s{0,2}(?:[-–]|đến|tới)\s{0,2}[\d.,]+\s{0,2}(?:%|[^\W\d])")
_RANGE_NEXT = re.compile(r"\s{0,2}(?:[-–]|đến|tới)\s{0,2}\d")
_COUNTED = re.compile(r"\s(?:người|ha|tấn|đồng|km|m|lượt|ca|hộ|doanh)")
_STOP_UNIT = set(NOT_UNITS)
_CLOCK = re.compile(r"h\d{1,2}$")
_TIME_UNITS = {"năm", "tháng", "tuần", "ngày", "giờ"}
# symbols of measure and time units: the unit ends there (`838m ngoài khơi`, `3 ngày triển khai`)
_ONE_WORD_UNITS = _TIME_UNITS | {"phút", "giây", "lần"} | {
    "m", "cm", "mm", "km", "m2", "m3", "km2", "m²", "km²", "ha", "kg", "km/h", "kw", "mw", "gw", "kwh", "mwh",
} | {u.lower() for u in UPPER_UNITS}  # fmt: skip
_AFTER_TIME = {"tù", "tuổi"}  # `3 năm tù`, `6 tháng tuổi`
_SPAN_AFTER = re.compile(r"\s{0,2}(?:qua|tới|trước|sau|nay|gần đây|sắp tới|liền|trở lại đây|đầu|cuối)(?!\w)")
# `tháng 4`, `tháng Giêng`: a month named, not months counted
_MONTH_NAMED = re.compile(r"\s{0,2}(?:\d|[IVX]+\b|[A-ZĐ])")
# Words that end a unit: `30 tuổi có`, `20.272 người thì`, `12.500 tỷ đồng lên`.
_UNIT_ENDERS = set(
    "có thì là lên xuống và của đã được với cho trong tại từ đến mà nên sẽ đang bị không chỉ còn này đó nào các những "
    "một mỗi trên dưới hơn so vào ra về theo do để nhưng hay hoặc khi sau trước đều cũng vẫn rồi lại nữa như tăng giảm "
    "đạt liền gồm thuộc tới qua nay".split()
)
# `Tính đến 18h, ngày 26/4/2021`, `lỗ lũy kế tại ngày 31/12/2019`: the date the numbers are as of
_ASOF = re.compile(
    r"(?:tính đến|tính tới|đến|tới|tính từ đầu năm đến|tại|vào)\s{1,3}(?:hết\s{1,3})?"
    r"(?:\d{1,2}\s?(?:h|giờ)(?:\s?\d{2})?,?\s{1,3})?(?:(?:sáng|trưa|chiều|tối|đêm)\s{1,3})?(?:ngày\s{1,3})?$",
    re.I,
)
# words before `số N` that make it a name: `Kế hoạch số 15`, `bão số 9`
_DOC_WORDS = {
    "hoạch",
    "định",
    "quyết",
    "bản",
    "văn",
    "báo",
    "trình",
    "thị",
    "nhà",
    "phòng",
    "tư",
    "lệnh",
    "luật",
    "bão",
}


def parse_number(int_part: str, frac: str | None) -> float:
    """`1.715` → 1715, `18,6` → 18.6."""
    value = float(int_part.replace(".", ""))
    if frac:
        value += float("0." + frac)
    return value


def _unit_after(text: str, pos: int) -> tuple[str, int] | None:
    """The unit right after a number at `pos`: `%`, or up to three lower-case
    words (a multiplier counts as one of them); None if it is no quantity."""
    rest = text[pos : pos + 80]
    times = _TIMES.match(rest)
    if times and _FOLD_BEFORE.search(text, max(0, pos - 40), pos):
        return "lần", pos + times.end()  # `gấp 20 lần`: a multiple (`lần 1` is the first time)
    stripped = rest.lstrip()
    if stripped.startswith("%"):
        return "%", pos + (len(rest) - len(stripped)) + 1
    if re.match(r"\s{0,2}phần trăm\b", rest):
        return "%", pos + rest.index("trăm") + 4
    if rest[:1] not in (" ", "\u00a0") and not (rest[:1].isalpha() and rest[:1].islower()):
        return None
    words: list[str] = []
    end = pos
    for m in _WORD.finditer(rest):
        if m.start() > 0 and rest[end - pos : m.start()].strip() not in ("",):
            break
        w = m.group(0)
        upper_unit = not words and w.split("/")[0] in UPPER_UNITS  # `USD`, `USD/thùng`
        if not w[:1].islower() and not (words and w.isupper()) and not upper_unit:
            break
        if not words and (w.lower() in _STOP_UNIT or _CLOCK.match(w)):  # `9h30`: a time of day
            return None
        if words and w.lower() in _UNIT_ENDERS:
            break
        if words and words[-1].lower() in _ONE_WORD_UNITS and w.lower() not in _AFTER_TIME:
            break  # `3 ngày triển khai`: the days, not `ngày triển`; but `3 năm tù`
        words.append(w)
        end = pos + m.end()
        if len(words) >= 2:
            break
    if not words:
        return None
    last = words[-1].lower()
    if last == "tuổi" or (last == "tháng" and _MONTH_NAMED.match(text, end)):
        return None  # an age (`44 năm tuổi`, `6 tháng tuổi`), or a date (`5 tháng 3`)
    if text[end : end + 1] == "/" and re.match(r"/[^\W\d_]+", text[end:]):
        m2 = re.match(r"/[^\W\d_]+", text[end:])
        assert m2
        words[-1] += m2.group(0)
        end += m2.end()
    return " ".join(words), end


def _label_before(before: str) -> bool:
    tail = before.rstrip().lower()
    if tail.endswith(("/", "#", "no.")) or (
        tail.endswith("-") and not _LOW_UNIT.sub("", tail[:-1].rstrip())[-1:].isdigit()  # not `20-50`, `10% - 15%`
    ):
        return True
    raw_words = before.split()
    if (
        tail.endswith(" số")
        and len(raw_words) >= 2
        and (raw_words[-2][:1].isupper() or raw_words[-2].lower() in _DOC_WORDS)
    ):
        return True
    if tail.endswith("cách đây") or tail.endswith("cách đây hơn") or tail.endswith("cách đây gần"):
        return True
    # part of a name: `Ban QLDA Điện 2`, `thủy điện Đak Mi 4` (a capitalised word right before, mid-sentence)
    if raw_words and before.endswith(" ") and raw_words[-1][:1].isupper() and raw_words[-1][-1:].isalpha():
        if len(raw_words) >= 2 and not raw_words[-2].endswith((".", ":", "!", "?")):
            return True
    words = tail.split()
    for n in (1, 2, 3):
        if " ".join(words[-n:]) in LABEL_BEFORE:
            return True
    return False


def _out_of(x: float, y: float) -> bool:
    """`x/y` is x of y things: not a fraction (`1/3`, `2/3 dân số`), a month
    (`9/2020`), or round the clock (`24/24`, `24/7`)."""
    return x >= 2 and y > 4 and not (1900 <= y <= 2100 and y.is_integer()) and not (x == 24 and y in (7, 24))


def _comparator(before: str) -> str | None:
    tail = before.rstrip().lower()
    for word, sym in COMPARATORS:
        if tail.endswith(word):
            return sym
    return None


_COMPARED = re.compile(r"(?:so với|cùng kỳ|hồi|tương đương(?: với)?)(?:\s[^\s,;]+){0,4}\s{0,2}$", re.I)
_BORN = re.compile(r"(?:sinh|SN)\s{0,2}(?:năm\s{0,2})?$", re.I)  # `sinh năm 2011`: a birth, not a deadline
# `Năm 2020, ...`, `Trong năm 2020, ...` opening a paragraph: its numbers are of that year
_PARAGRAPH_YEAR = re.compile(
    r"^(?:Trong |Tính chung |Cả |Riêng |Hết )?(?:năm|quý [IV]{1,3}/)\s{0,2}((?:19|20)\d\d)\s{0,2},", re.I
)


def _years_of(sentence: str, dates: list[DateMention], lo: int, hi: int) -> list[tuple[int, int, bool]]:
    """(offset in the sentence, year, compared) of each deadline or as-of year
    stated in it; `compared` for a year compared with (`so với 717 tỷ đồng năm
    2018`, `cùng kỳ năm 2019`), which is only a compared number's."""
    years = []
    for d in dates:
        if not (lo <= d.start < hi and d.resolved and d.has_year):
            continue
        at = d.start - lo
        if _BORN.search(sentence, max(0, at - 12), at):
            continue
        compared = _COMPARED.search(sentence, max(0, at - 40), at) is not None
        if d.precision in ("year", "month", "approximate", "range"):
            years.append((at, int((d.date_end or d.date_start)[:4]), compared))
        elif _ASOF.search(sentence[max(0, at - 24) : at]):  # `Tính đến ngày 27/4/2021`
            years.append((at, int(d.date_start[:4]), compared))
    for m in _PERIOD.finditer(sentence):
        if _BORN.search(sentence, max(0, m.start() - 12), m.start()):
            continue
        compared = _COMPARED.search(sentence, max(0, m.start() - 40), m.start()) is not None
        years.append((m.start(), int(m.group(1)), compared))
    if not years:
        # an as-of date earlier in the paragraph (`Đến tháng 8/2024, ... . ... 259.652 hộ`)
        for d in dates:
            if d.start < lo and d.role == "asof" and d.has_year:
                years.append((-1, int(d.date_start[:4]), False))
    return sorted(years)


# a sentence with a time of its own (`Từ đó đến nay`, `hiện nay`) is not of the year its paragraph opens with
_OWN_TIME = re.compile(
    r"(?<!\w)(?:đến nay|tới nay|hiện nay|hiện tại|từ đó|sau đó|trước đó|năm nay|năm ngoái|năm sau|năm trước)(?!\w)",
    re.I,
)


def _paragraph_year(par: str) -> list[tuple[int, int, bool]]:
    """The year a paragraph opens with (`Năm 2020, ngân hàng lãi ... . Nợ xấu ...`), for its later sentences."""
    m = _PARAGRAPH_YEAR.match(par)
    return [(-1, int(m.group(1)), False)] if m else []


_YEAR_NEXT = 32  # characters from a number to a year that follows it in its phrase (`40% vào năm 2030`)


def _year_at(sentence: str, years: list[tuple[int, int, bool]], at: int) -> int | None:
    """The year that governs a number at `at`: one right after it in its phrase,
    else the last stated before it, else the first after. A number compared
    with (`so với 717 tỷ đồng năm 2018`) takes the compared year after it."""
    compared = _COMPARED.search(sentence, max(0, at - 40), at) is not None
    if compared:
        own = [y for pos, y, c in years if c and at < pos <= at + _YEAR_NEXT]
        return own[0] if own else None
    kept = [(pos, y) for pos, y, c in years if not c]
    after = [y for pos, y in kept if at < pos <= at + _YEAR_NEXT]
    if after:
        return after[0]
    before = [y for pos, y in kept if pos < at]
    if before:
        return before[-1]
    return kept[0][1] if kept else None


_WEAK_CUES = frozenset({"sẽ", "cần", "phải", "hãy"})  # modal words: a goal only in the number's own clause
_CLAUSE_END = re.compile(r"[,;:()]")
_PLAN_NOUNS = frozenset({"kế hoạch", "chỉ tiêu", "mục tiêu"})
_MEASURED_AGAINST = re.compile(r"(?:%|hoàn thành|vượt|so với|đúng)\s{1,2}$")
_NOT_AIM = ("đã ", "chỉ ", "nếu ")  # `đã phải sơ tán`, `chỉ cần 3 phút`, `nếu ... sẽ`: no aim


def _goal_cues(sentence: str) -> list[tuple[int, bool]]:
    """(offset, strong) of each word of aim in the sentence (`mục tiêu`,
    `phấn đấu`; `sẽ`, `cần` weak), not one that opens a name in mid-sentence
    (`Cần Thơ`, `Kế hoạch 15/KH-UBND`)."""
    lower = sentence.lower()
    same = len(lower) == len(sentence)
    out = []
    for m in _TARGET.finditer(lower):
        if same and m.start() > 0 and sentence[m.start()].isupper() and sentence[m.start() - 1] == " ":
            continue
        weak = m.group(0) in _WEAK_CUES
        if weak and lower[max(0, m.start() - 4) : m.start()].endswith(_NOT_AIM):
            continue
        if m.group(0) in _PLAN_NOUNS and _MEASURED_AGAINST.search(lower, max(0, m.start() - 16), m.start()):
            continue  # `hoàn thành 127,5% kế hoạch`, `không đúng kế hoạch`: a plan measured against
        out.append((m.start(), not weak))
    return out


def _aimed(sentence: str, cues: list[tuple[int, bool]], a: int, b: int) -> bool:
    """Whether the number at `a`..`b` is aimed at: a strong word of aim in its
    sentence, or a weak one in its clause (`Tỉnh sẽ hỗ trợ 500 hộ`; not
    `Chỉ đi khoảng 2km, du khách sẽ dễ dàng bắt gặp`)."""
    for pos, strong in cues:
        if strong:
            return True
        lo, hi = (pos, a) if pos < a else (b, pos)
        if not _CLAUSE_END.search(sentence, lo, hi):
            return True
    return False


def find_targets(
    paragraphs: list[str],
    dates_by_par: list[list[DateMention]],
    skip: set[int] = frozenset(),  # type: ignore[assignment]
) -> list[TargetFact]:
    out: list[TargetFact] = []
    prev_kind = None
    for pi, par in enumerate(paragraphs):
        if pi in skip or not _DIGIT.search(par):
            continue
        date_spans = [(d.start, d.end) for d in dates_by_par[pi]]
        for s0, s1 in split_sentences(par):
            sentence = par[s0:s1]
            numbers = list(_NUMBER.finditer(sentence)) if _DIGIT.search(sentence) else []
            if not numbers:
                continue
            # the sentence's years, its words of aim and whether it goes on a goal, read once
            cues: tuple[list[tuple[int, int, bool]], list[tuple[int, bool]], bool] | None = None
            found_here = []
            for m in numbers:
                a, b = s0 + m.start(), s0 + m.end()
                if any(x <= a < y or x < b <= y for x, y in date_spans):
                    continue
                before = sentence[max(0, m.start() - 160) : m.start()]
                if _label_before(before):
                    continue
                dashed = before.rstrip()
                if dashed.endswith(("-", "–")):  # `20-50 gia đình`, `300 - 500 giường`: a range, not a score
                    low = _RANGE_LOW.search(_LOW_UNIT.sub("", dashed[:-1].rstrip()) + "-")  # (`2-1`), a code...
                    if low is None or not 0 < parse_number(low.group(1), low.group(2)) < parse_number(*m.groups()):
                        continue
                # `1-4 ca`, `từ 500 đến 1.000 người`: the first number of a range waits for the second.
                after = sentence[m.end() : m.end() + 6]
                if _RANGE_NEXT.match(after):
                    continue
                of = _OUT_OF.match(sentence, m.end())  # `85.157.192/98.713.820 nhân khẩu`, `5/5 tiêu chuẩn`
                if of and _out_of(parse_number(*m.groups()), parse_number(of.group(1), of.group(2))):
                    unit = _unit_after(sentence, of.end())
                else:
                    unit = _unit_after(sentence, m.end())
                if unit is None:
                    continue
                unit_text, uend = unit
                if len(unit_text) == 1 and unit_text not in ("%", "m"):
                    continue  # `5K`, `3D`: a name, not a unit (but `400m` is metres)
                if unit_text.split()[0] in _TIME_UNITS and _SPAN_AFTER.match(sentence, uend):
                    continue  # `trong 5 năm qua`: a span of time, not a figure
                if _RANGE_NEXT.match(sentence, uend) and (
                    before.endswith("từ ") or _SAME_UNIT_NEXT.match(sentence, uend)
                ):
                    continue  # `từ 23% đến 25%`, `7,42 USD đến 15,8 USD`: the range's upper end counts
                value = parse_number(m.group(1), m.group(2))
                if unit_text != "%" and 1900 <= value <= 2100 and not m.group(2) and "." not in m.group(1):
                    # a bare year followed by a word is a year, not a count
                    if not _COUNTED.match(sentence, m.end()):
                        continue
                if cues is None:
                    goes_on = prev_kind == "target" and bool(_CONNECTIVE.match(sentence))  # `Đồng thời, ...`
                    years_here = _years_of(sentence, dates_by_par[pi], s0, s1)
                    if not years_here and s0 > 0 and not _OWN_TIME.search(sentence):
                        years_here = _paragraph_year(par)
                    cues = (years_here, _goal_cues(sentence), goes_on)
                years, aims, goes_on = cues
                year = _year_at(sentence, years, m.start())
                goal = goes_on or _aimed(sentence, aims, m.start(), uend)
                lowered = before.lower()
                if _GOAL_BEFORE.search(lowered):
                    kind = "target"  # `chỉ tiêu 50 triệu hồ sơ`, `không quá 50 người`: a goal or a limit, said so
                elif _PAST.search(lowered):
                    kind = "figure"
                elif goal:
                    kind = "target"
                else:
                    kind = "figure"
                subj_words = before.split()[-6:]
                found_here.append(
                    TargetFact(
                        text=sentence[max(0, m.start() - 40) : uend].strip(),
                        subject=" ".join(subj_words),
                        value=value,
                        unit=unit_text,
                        comparator=_comparator(before),
                        year=year,
                        kind=kind,
                        paragraph=pi,
                        offset=a,
                    )
                )
            if found_here:
                prev_kind = "target" if any(t.kind == "target" for t in found_here) else "figure"
                out.extend(found_here)
    return out
