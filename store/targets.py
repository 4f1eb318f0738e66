"""Numeric goals and reported figures: value, unit, comparator, year, kind."""

from __future__ import annotations

import re
from collections.abc import Iterator
from collections.abc import Set as AbstractSet
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
# _NUMBER is _NUM with those checks of what stands before it, made after its first digit (so one
# character longer each): the engine then jumps from digit to digit instead of trying every character.
# What must follow it, at once: a number is kept only with a unit (see find_targets and _unit_after),
# and a unit opens, after spaces, with a letter or `%`; `/` must open `x/y` (_OUT_OF). A number that
# fails this has no shorter match (it would end before a digit, `.` or `,`) and no match starts
# inside it (each digit there stands after a digit, `.` or `d,`): it is dropped as before, not cut.
# Its first digit is found by a cheaper test than `\d`'s Unicode look-up at every character: a
# character outside three ranges of code points, which hold no decimal digit (ASCII ones apart, the
# first other is U+0660; the Latin letters with diacritics of U+1E00-U+1EFF and the punctuation of
# U+2000-U+206F hold none), then `(?<=\d)`: the same matches. (A class of wide ranges that are
# kept, not left out, takes the compiler milliseconds to build.)
_DIGIT_FIRST = "[^\x00-/:-\u065f\u1e00-\u206f](?<=\\d)"
_NUMBER = re.compile(
    "(" + _DIGIT_FIRST + r"(?<![\w./:%]\d)(?<!\d,\d)(?<![^\d\s]-\d)(?:\d{0,2}(?:\.\d{3}){1,4}|\d{0,8}))"
    r"(?:,(\d{1,4}))?(?=\s*(?:[^\W\d_]|%)|/\d)"
)
_WORD = r"[^\W\d_][\w&]*(?:/[^\W\d_]+)?"
# a unit's first two words, with only spaces before them
_TWO_WORDS = re.compile(rf"\s*({_WORD})(?:\s*({_WORD}))?")
# searched in lowered text: without `re.I` the engine jumps to each first letter
_PAST_CUES = [c.lower() for c in FIGURE_CUES]
_PAST = re.compile(words_pattern(_PAST_CUES))
_TARGET = re.compile(words_pattern([c.lower() for c in TARGET_CUES]))
_CONNECTIVE = re.compile(r"^(?:Bên cạnh đó|Đồng thời|Ngoài ra|Cùng với đó|Về [^,]{1,40}|Trong đó)\s?,", re.I)
_PERIOD = re.compile(
    r"(?:giai đoạn|đến năm|tới năm|đến hết năm|trước năm|năm)\s{0,2}"
    r"(?:(?:19|20)\d\d\s{0,2}[-–]\s{0,2})?((?:19|20)\d\d)\b",
    re.I,
)


def _may_state_period(lower: str) -> bool:
    """Whether a lowered sentence may hold a _PERIOD: it needs `năm` or `đoạn` in any case, and
    a letter that `re.I` takes for one of theirs lowers to it."""
    return "năm" in lower or "đoạn" in lower


def _periods(sentence: str, lower: str) -> Iterator[re.Match[str]]:
    """`_PERIOD.finditer(sentence)` (`lower`: the sentence lowered), faster. A period holds a year:
    it starts at most 13 characters before a `19` or `20`, and looks at most 5 characters past
    one (its word boundary), so it is looked for only from the first of them to the last."""
    last = max(sentence.rfind("19"), sentence.rfind("20"))
    if last < 0 or not _may_state_period(lower):
        return iter(())
    first = min(i for i in (sentence.find("19"), sentence.find("20")) if i >= 0)
    return _PERIOD.finditer(sentence, max(0, first - 13), last + 5)


# A goal's own noun or a rule's limit right before the number (at most two words between);
# not `tối đa`, which as often gives a capacity (`độ sâu tối đa 250 mét`).
_GOAL_BEFORE = re.compile(
    r"(?<!\w)(?:chỉ tiêu|mục tiêu|định mức|không quá|không vượt quá|không dưới)"
    r"(?:\s[^\W\d]+){0,2}\s{1,2}$"
)


def _may_say_goal(lowered: str) -> bool:
    """Whether a lowered text holds the words _GOAL_BEFORE needs (`tiêu`, `mức`, `không`): a cheap test first."""
    return "tiêu" in lowered or "mức" in lowered or "không" in lowered


def _may_say_past(lowered: str) -> bool:
    """Whether a lowered text holds a word of _PAST: a cheap test first."""
    return any(map(lowered.__contains__, _PAST_CUES))


# right after a number: `lần` (group 1: a multiple, if a word before says so), or a per cent
_TIMES_OR_PERCENT = re.compile(r"(\s{1,2}lần(?!\w))|\s*%|\s{0,2}phần trăm\b")
_SLASH_WORD = re.compile(r"/[^\W\d_]+")  # `USD/thùng`
# `gấp 20 lần`, `tăng 5 lần`, `gấp 2 đến 5 lần`: a multiple
_FOLD_BEFORE = re.compile(
    r"(?<!\w)(?:gấp|tăng|giảm)(?:\s(?:lên|gần|hơn|khoảng|xấp xỉ|tới|đến))?"
    r"\s(?:[\d.,]{1,12}\s{0,2}(?:-|–|đến|tới)\s{0,2})?[\d.,]{1,12}$",
    re.I,
)
# `x/y units`: x of y (not a fraction such as `1/3`, see the caller)
_OUT_OF = re.compile(r"/" + _NUM + r"(?=\s)")
_RANGE_LOW = re.compile(r"(?<![\w.,/:%-])" + _NUM + "-$")
_RANGE_LOW_LEN = 32  # longer than any match of it (19 + 5 + 1): it is looked for in the end only
# the low end's own unit, written again before the dash: `10% - 15%`, `55,22 triệu đồng/lượng - 55,57 ...`
_LOW_UNIT = re.compile(r"(?:\s{0,2}%|(?:\s[^\W\d]+(?:/[^\W\d]+)?){1,3})$")


def _without_low_unit(text: str) -> str:
    """`_LOW_UNIT.sub("", text)`, faster: the unit spans at most the last three words and the
    space before each, so the engine need not try it at every character of a long text."""
    if text[-1:].isspace():
        return _LOW_UNIT.sub("", text)  # (callers strip the text: not met)
    k = 3 + sum(len(w) for w in text.rsplit(None, 3)[-3:])
    if k >= len(text):
        return _LOW_UNIT.sub("", text)
    return text[:-k] + _LOW_UNIT.sub("", text[-k:])


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
    """The unit right after a number at `pos`: `%` (or `phần trăm`), `lần` after
    `gấp`/`tăng`/`giảm`, or one or two words (lower case, or a unit in capitals:
    `USD`), the last with the `/word` it may have (`tỷ đồng/năm`); None if it is
    no quantity."""
    limit = pos + 80  # the patterns see the text as if it ended there
    lead = _TIMES_OR_PERCENT.match(text, pos, limit)
    if lead:
        if lead.group(1) is None:
            return "%", lead.end()
        if _FOLD_BEFORE.search(text, max(0, pos - 40), pos):
            return "lần", lead.end()  # `gấp 20 lần`: a multiple (`lần 1` is the first time)
    first = text[pos : pos + 1]
    if first not in (" ", "\u00a0") and not (first.isalpha() and first.islower()):
        return None
    two = _TWO_WORDS.match(text, pos, limit)
    if two is None:
        return None
    w = two.group(1)
    if not w[:1].islower() and w.split("/")[0] not in UPPER_UNITS:  # `USD`, `USD/thùng`
        return None
    last = w.lower()  # the last word, lowered
    if last in _STOP_UNIT or (w[:1] == "h" and _CLOCK.match(w)):  # `9h30`: a time of day
        return None
    words = [w]
    end = two.end(1)
    w = two.group(2)
    if w is not None and (w[:1].islower() or w.isupper()):
        lw = w.lower()
        # `3 ngày triển khai`: the days, not `ngày triển`; but `3 năm tù`
        if lw not in _UNIT_ENDERS and (last not in _ONE_WORD_UNITS or lw in _AFTER_TIME):
            words.append(w)
            last = lw
            end = two.end(2)
    if last == "tuổi" or (last == "tháng" and _MONTH_NAMED.match(text, end)):
        return None  # an age (`44 năm tuổi`, `6 tháng tuổi`), or a date (`5 tháng 3`)
    if text[end : end + 1] == "/":
        m2 = _SLASH_WORD.match(text, end)
        if m2:
            words[-1] += m2.group(0)
            end = m2.end()
    return " ".join(words), end


_LABELS = frozenset(LABEL_BEFORE)
_LABEL_ENDS = frozenset(label.split(" ")[-1] for label in LABEL_BEFORE)  # a label's last word
_AGO = ("cách đây", "cách đây hơn", "cách đây gần")
_COMPARATOR_WORDS = tuple(word for word, _ in COMPARATORS)
# Ends of the text before a number are compared with these short words: lowering only its last
# characters is enough (a character's lower case does not depend on the next ones; it may on the
# ones before only for `Σ`, never in these words).
_TAIL = 1 + max(len(w) for w in ("no.", " số", *_AGO, *_COMPARATOR_WORDS))
_MARKED_ENDS = ("/", "#", "no.", "-", " số", *_AGO)  # the ends tested first in _label_before


def _label_before(before: str, stripped: str, tail: str) -> bool:
    """Whether the number after `before` is a label's (`lần 2`, `Điều 5`, `Kế hoạch số 15`,
    `Ban QLDA Điện 2`), not a quantity. `stripped`: `before` right-stripped; `tail`: its end, lowered."""
    if tail.endswith(_MARKED_ENDS):
        if tail.endswith(("/", "#", "no.")) or (
            tail.endswith("-")
            and not _without_low_unit(stripped.lower()[:-1].rstrip())[-1:].isdigit()  # not `20-50`, `10% - 15%`
        ):
            return True
        raw_words = before.rsplit(None, 3)[-3:]  # the last three words (`before.split()[-3:]`, without splitting all)
        if (
            tail.endswith(" số")
            and len(raw_words) >= 2
            and (raw_words[-2][:1].isupper() or raw_words[-2].lower() in _DOC_WORDS)
        ):
            return True
        if tail.endswith(_AGO):
            return True
    split = before.rsplit(None, 1)
    if not split:
        return False
    last = split[-1]
    # part of a name: `Ban QLDA Điện 2`, `thủy điện Đak Mi 4` (a capitalised word right before, mid-sentence)
    if last[:1].isupper() and before.endswith(" ") and last[-1:].isalpha():
        raw_words = before.rsplit(None, 3)[-3:]
        if len(raw_words) >= 2 and not raw_words[-2].endswith((".", ":", "!", "?")):
            return True
    if last.lower() not in _LABEL_ENDS:
        return False  # no label ends with the last word
    words = [w.lower() for w in before.rsplit(None, 3)[-3:]]
    for n in (1, 2, 3):
        if " ".join(words[-n:]) in _LABELS:
            return True
    return False


def _out_of(x: float, y: float) -> bool:
    """`x/y` is x of y things: not a fraction (`1/3`, `2/3 dân số`), a month
    (`9/2020`), or round the clock (`24/24`, `24/7`)."""
    return x >= 2 and y > 4 and not (1900 <= y <= 2100 and y.is_integer()) and not (x == 24 and y in (7, 24))


def _comparator(tail: str) -> str | None:
    """The comparator that the end of the text before a number (`tail`, stripped, lowered) says."""
    if not tail.endswith(_COMPARATOR_WORDS):
        return None
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


def _years_of(sentence: str, lower: str, dates: list[DateMention], lo: int, hi: int) -> list[tuple[int, int, bool]]:
    """(offset in the sentence, year, compared) of each deadline or as-of year
    stated in it; `compared` for a year compared with (`so với 717 tỷ đồng năm
    2018`, `cùng kỳ năm 2019`), which is only a compared number's. `lower`: the sentence lowered."""
    if not dates and not _may_state_period(lower):
        return []
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
    for m in _periods(sentence, lower):
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


def _goal_cues(sentence: str, lower: str) -> list[tuple[int, bool]]:
    """(offset, strong) of each word of aim in the sentence (`mục tiêu`,
    `phấn đấu`; `sẽ`, `cần` weak), not one that opens a name in mid-sentence
    (`Cần Thơ`, `Kế hoạch 15/KH-UBND`). `lower`: the sentence lowered."""
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
    skip: AbstractSet[int] = frozenset(),
) -> list[TargetFact]:
    out: list[TargetFact] = []
    prev_kind = None
    for pi, par in enumerate(paragraphs):
        if pi in skip:
            continue
        # The paragraph's numbers, found at once: a number never spans two sentences (only spaces
        # and quote marks stand between them), and one is found in its sentence as in the paragraph.
        numbers = list(_NUMBER.finditer(par))
        if numbers and dates_by_par[pi]:  # not one that is part of a date
            date_spans = [(d.start, d.end) for d in dates_by_par[pi]]
            kept = []
            for m in numbers:
                a, b = m.span()
                for x, y in date_spans:
                    if x <= a < y or x < b <= y:
                        break
                else:
                    kept.append(m)
            numbers = kept
        if not numbers:
            continue
        ni = 0
        for s0, s1 in split_sentences(par):
            if ni == len(numbers):
                break
            if numbers[ni].start() >= s1:
                continue  # none in this sentence
            nj = ni + 1  # this sentence's numbers: numbers[ni:nj]
            while nj < len(numbers) and numbers[nj].start() < s1:
                nj += 1
            here, ni = numbers[ni:nj], nj
            sentence = par[s0:s1]
            # the sentence's years, whether it goes on a goal and may say one, read once; its words of aim when needed
            years: list[tuple[int, int, bool]] | None = None
            goes_on = may_goal = may_past = sliced = False
            lower = ""
            aims: list[tuple[int, bool]] | None = None
            found_here = []
            target_here = False  # whether one of them is a target
            for m in here:
                a, b = m.span()
                start, end = a - s0, b - s0  # in the sentence
                after = sentence[end : end + 1]
                if not (after.isspace() or after == "%" or after == "/" or (after.isalpha() and after.islower())):
                    continue  # no unit (see _unit_after; `/` may open `x/y units`): no quantity, found at once
                before = sentence[start - 160 if start > 160 else 0 : start]
                stripped = before.rstrip()
                tail = stripped[-_TAIL:].lower()  # its end, lowered, for short words
                if _label_before(before, stripped, tail):
                    continue
                if stripped.endswith(("-", "–")):  # `20-50 gia đình`, `300 - 500 giường`: a range, not a score
                    low_text = _without_low_unit(stripped[:-1].rstrip()) + "-"
                    low = _RANGE_LOW.search(low_text, max(0, len(low_text) - _RANGE_LOW_LEN))  # (`2-1`), a code...
                    if low is None or not 0 < parse_number(low.group(1), low.group(2)) < parse_number(*m.groups()):
                        continue
                # `1-4 ca`, `từ 500 đến 1.000 người`: the first number of a range waits for the second.
                if _RANGE_NEXT.match(sentence, end, end + 6):
                    continue
                of = _OUT_OF.match(sentence, end) if sentence.startswith("/", end) else None  # `5/5 tiêu chuẩn`
                if of and _out_of(parse_number(*m.groups()), parse_number(of.group(1), of.group(2))):
                    unit = _unit_after(sentence, of.end())
                else:
                    unit = _unit_after(sentence, end)
                if unit is None:
                    continue
                unit_text, uend = unit
                if len(unit_text) == 1 and unit_text not in ("%", "m"):
                    continue  # `5K`, `3D`: a name, not a unit (but `400m` is metres)
                if unit_text.partition(" ")[0] in _TIME_UNITS and _SPAN_AFTER.match(sentence, uend):
                    continue  # `trong 5 năm qua`: a span of time, not a figure
                if _RANGE_NEXT.match(sentence, uend) and (
                    before.endswith("từ ") or _SAME_UNIT_NEXT.match(sentence, uend)
                ):
                    continue  # `từ 23% đến 25%`, `7,42 USD đến 15,8 USD`: the range's upper end counts
                whole, frac = m.groups()
                value = parse_number(whole, frac)
                if unit_text != "%" and 1900 <= value <= 2100 and not frac and "." not in whole:
                    # a bare year followed by a word is a year, not a count
                    if not _COUNTED.match(sentence, end):
                        continue
                if years is None:
                    goes_on = prev_kind == "target" and bool(_CONNECTIVE.match(sentence))  # `Đồng thời, ...`
                    lower = sentence.lower()
                    years = _years_of(sentence, lower, dates_by_par[pi], s0, s1)
                    if not years and s0 > 0:
                        years = _paragraph_year(par)
                        if years and _OWN_TIME.search(sentence):
                            years = []
                    # a word that is not in the lowered sentence is not in the lowered text before a number either
                    may_goal, may_past = _may_say_goal(lower), _may_say_past(lower)
                    # the text before a number lowered is the lowered sentence's, where each character
                    # lowers to one, alone (all but `Σ`, whose lower case hangs on the next letter)
                    sliced = len(lower) == len(sentence) and "Σ" not in sentence
                year = _year_at(sentence, years, start) if years else None  # (None without years)
                if may_goal or may_past:
                    lowered = lower[start - 160 if start > 160 else 0 : start] if sliced else before.lower()
                else:
                    lowered = ""
                if may_goal and _may_say_goal(lowered) and _GOAL_BEFORE.search(lowered):
                    kind = "target"  # `chỉ tiêu 50 triệu hồ sơ`, `không quá 50 người`: a goal or a limit, said so
                elif may_past and _PAST.search(lowered):
                    kind = "figure"
                elif goes_on:
                    kind = "target"
                else:
                    if aims is None:
                        aims = _goal_cues(sentence, lower)
                    kind = "target" if _aimed(sentence, aims, start, uend) else "figure"
                target_here = target_here or kind == "target"
                found_here.append(
                    TargetFact(
                        text=sentence[max(0, start - 40) : uend].strip(),
                        subject=" ".join(before.rsplit(None, 6)[-6:]),  # its last six words
                        value=value,
                        unit=unit_text,
                        comparator=_comparator(tail) if tail.endswith(_COMPARATOR_WORDS) else None,
                        year=year,
                        kind=kind,
                        paragraph=pi,
                        offset=a,
                    )
                )
            if found_here:
                prev_kind = "target" if target_here else "figure"
                out.extend(found_here)
    return out
