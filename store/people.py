"""People and their roles: `ông Nguyễn Tuấn Hà - Phó Chủ tịch Thường trực UBND
tỉnh Đắk Lắk`, `Thứ trưởng Bộ TT&TT Nguyễn Huy Dũng`, `PGS.TS. Đào Xuân Cơ`,
and the short references that follow (`ông Hà`, `Thứ trưởng Dũng`)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import takewhile

from .lexicon import (
    ACADEMIC,
    FOREIGN_PLACES,
    NAME_STOPWORDS,
    NOT_PERSON_NAMES,
    NOT_PERSON_WORDS,
    PERSON_WORDS,
    ROLE_ENDERS,
    ROLE_TITLES,
    SPEECH_VERBS,
    SURNAMES,
)
from .provinces import all_provinces, district_names, resolve
from .text import any_case, fold, fold_key, is_syllable, words_pattern

_WORD = re.compile(r"[^\W\d_]+")
TITLE_RE = re.compile(words_pattern(ROLE_TITLES, ignore_case=True), re.I)
_TITLE_CASED = words_pattern(ROLE_TITLES)  # to embed where case counts
_ACADEMIC_RE = re.compile(ACADEMIC + r"$")
_SURNAME_RE = re.compile(words_pattern(SURNAMES) + r"\s[A-ZÀ-ỸĐ]")
ROLE_END = re.compile(r"\s(?=" + words_pattern((*SPEECH_VERBS, *ROLE_ENDERS)) + ")")


def _titlecase(word: str) -> bool:
    return word[:1].isupper() and (len(word) == 1 or word[1:].islower())


@dataclass(frozen=True)
class NameSpan:
    name: str
    start: int
    end: int


@dataclass
class Person:
    name: str
    role: str | None = None  # the longest role given, for display
    gender: str | None = None  # "m" (ông), "f" (bà), None
    roles: list[str] = field(default_factory=list)  # every role given, for `Thứ trưởng` → this person

    @property
    def given(self) -> str:
        return self.name.split()[-1]


@dataclass
class People:
    """The people of one article, in order of first mention."""

    people: list[Person] = field(default_factory=list)
    # the paragraphs `collect_people` read, in order, each with the names `find_names` finds in it
    # (None where `may_name` is false): what reads the article again is spared looking
    read: list[tuple[str, list[NameSpan] | None]] = field(default_factory=list, repr=False, compare=False)

    def add(self, name: str, role: str | None, gender: str | None = None) -> Person:
        for p in self.people:
            if p.name == name:
                if role and (not p.role or len(role) > len(p.role)):
                    p.role = role
                if role and role not in p.roles:
                    p.roles.append(role)
                if gender and not p.gender:
                    p.gender = gender
                return p
        person = Person(name, role, gender, [role] if role else [])
        self.people.append(person)
        return person

    def by_given(self, given: str, before: int | None = None) -> Person | None:
        """`ông Hạnh` → Hoàng Đức Hạnh (the latest person with that given name)."""
        hits = [p for p in self.people if p.given == given]
        if not hits and foreign_word(given):  # `thầy Ernest` → Ernest Wong: foreign names go by either end
            hits = [p for p in self.people if p.name.split()[0] == given and " " in p.name]
        return hits[-1] if hits else None

    def holds_roles(self) -> bool:
        """Whether anyone has a role (else `by_role` finds no one)."""
        return any(p.roles for p in self.people)

    def by_role(self, role_ref: str) -> Person | None:
        """`Thứ trưởng Bộ TT&TT` → the person whose role it is."""
        ref, folded_title = _role_ref_words(role_ref)
        best, best_score = None, 0.0
        for p in self.people:
            for held in p.roles:
                parts, words = _role_words(held)
                if folded_title is not None and not any(part.startswith(folded_title) for part in parts):
                    continue
                score = len(ref & words) / max(1, len(ref))
                if score > best_score:
                    best, best_score = p, score
        return best if best_score >= 0.5 else None


_ROLE_SEEN: dict[str, tuple[list[str], frozenset[str]]] = {}
_ROLE_REF_SEEN: dict[str, tuple[frozenset[str], str | None]] = {}


def _role_ref_words(role_ref: str) -> tuple[frozenset[str], str | None]:
    """A reference to a role (`Thứ trưởng Bộ TT&TT`): its folded words, and its title folded (None without one)."""
    hit = _ROLE_REF_SEEN.get(role_ref)
    if hit is None:
        title = TITLE_RE.match(role_ref)
        hit = frozenset(fold_key(role_ref).replace("tt tt", "tt").split()), fold(title.group(0)) if title else None
        if len(_ROLE_REF_SEEN) < 100_000:
            _ROLE_REF_SEEN[role_ref] = hit
    return hit


_ROLE_SPLIT = re.compile(r",|–|-")


def _role_words(role: str) -> tuple[list[str], frozenset[str]]:
    """A role's titles, folded (a role may list several: `Ủy viên Trung ương
    Đảng, Thứ trưởng Bộ Công an`), and its folded words; kept, as `by_role`
    reads every role of the article for each reference."""
    hit = _ROLE_SEEN.get(role)
    if hit is None:
        hit = [fold(x.strip()) for x in _ROLE_SPLIT.split(role)], frozenset(fold_key(role).split())
        if len(_ROLE_SEEN) < 100_000:
            _ROLE_SEEN[role] = hit
    return hit


def _place(name: str) -> bool:
    """A district named like a person, as written: `Hoàng Mai` (two words only:
    `Đặng Văn Lâm` is a person though `Văn Lâm` is a district, and `Văn Bân`
    though `Văn Bàn` is); or a team or firm named after its province
    (`Hoàng Anh Gia Lai`)."""
    words = name.split()
    if len(words) >= 4 and resolve(" ".join(words[-2:])) is not None:
        return True  # a name, then a province (`Hồng Lĩnh Hà Tĩnh`); not `Trương Hòa Bình`, a person
    return len(words) == 2 and name in district_names()


# Before a family name, these make it a place named after someone: `đường Nguyễn Lương Bằng`,
# `phố Lê Lợi`, `xã Sơn Thành Tây`, `trường THPT Chu Văn An`. Not `tỉnh` or `huyện` (`Chủ tịch UBND
# tỉnh Phan Ngọc Thọ` names a person after a title), nor `trường` after `Hội đồng` (a member).
_PLACE_NOUNS = frozenset(
    "thôn ấp làng đường phố ngõ hẻm kiệt cầu chợ sông hồ núi đảo cảng xã phường trường thpt thcs".split()
)


def _names_a_place(text: str, start: int, end: int) -> bool:
    """Whether the word `text[start:end]`, right before a family name, makes the name a place's."""
    prev = text[start:end]
    low = prev.lower()
    if low in _PLACE_NOUNS:
        if low == "trường":
            return _word_before(text, start).lower() != "đồng"  # `Hội đồng trường Nguyễn Mai Hương`
        return not (low == "phố" and _word_before(text, start).lower() == "thành")  # `Chủ tịch thành phố Nguyễn...`
    if prev not in _QUARTERS:
        return False
    before = _word_before(text, start)
    return not before[:1].isupper() or before in _UNIT_TYPES  # not `Việt Nam Đoàn...`


_QUARTERS = {"Nam", "Bắc", "Đông", "Tây"}  # capitalised before a family name, they open a place
_UNIT_TYPES = {"Quận", "Huyện", "Phường", "Xã", "Thị"}  # `Quận Nam Từ Liêm` (but `Hà Nam Trương Quốc Huy`)

# A family name as a whole `_WORD` (a run of letters: a digit ends one, so `2Nguyễn` holds `Nguyễn`).
# `find_names` visits these only, not every word: the check for a letter before comes after the
# first character, so the engine jumps from capital to capital.
_SURNAME_WORD = re.compile(
    words_pattern(SURNAMES).replace(r"(?<!\w.)", r"(?<![^\W\d_].)").replace(r"(?!\w)", r"(?![^\W\d_])")
)


def _is_letter(ch: str) -> bool:
    """What `[^\\W\\d_]` matches: a word character, not a digit nor `_`."""
    return ch.isalpha() or (ch.isalnum() and not ch.isdecimal())


_WORD_BEFORE = re.compile(r"([^\W\d_]+)[\W\d_]*\Z")  # the last word, then what is no letter to the end


def _word_span_before(text: str, end: int) -> tuple[int, int] | None:
    """(start, end) of the last `_WORD` that ends at or before `end`."""
    if text[end - 1 : end] == " ":  # mostly a word, then a space: from the space before it
        start = text.rfind(" ", 0, end - 1) + 1
        if text[start : end - 1].isalpha():  # all letters (of `_WORD`), from a space (no letter)
            return start, end - 1
    # in the few characters before, mostly: a word there starts where the match does (a letter
    # before would have matched first), unless at the window's start with a letter before it
    window = max(0, end - 24)
    m = _WORD_BEFORE.search(text, window, end)
    if m is not None and (m.start() > window or not window or not _is_letter(text[window - 1])):
        return m.span(1)
    k = end
    while k and not _is_letter(text[k - 1]):
        k -= 1
    if not k:
        return None
    j = k - 1
    while j and _is_letter(text[j - 1]):
        j -= 1
    return j, k


def _word_before(text: str, end: int) -> str:
    span = _word_span_before(text, end)
    return text[span[0] : span[1]] if span else ""


# Whether a string names a province, and whether a run of words passes as a person's name: the
# same strings recur from article to article, and `resolve` would fold each one again.
_PROVINCE_SEEN: dict[str, bool] = {}
_NAME_OK_SEEN: dict[str, bool] = {}


def _is_province(name: str) -> bool:
    hit = _PROVINCE_SEEN.get(name)
    if hit is None:
        hit = resolve(name) is not None
        if len(_PROVINCE_SEEN) < 100_000:
            _PROVINCE_SEEN[name] = hit
    return hit


@lru_cache(maxsize=1)
def _surnames_in_places() -> tuple[frozenset[str], frozenset[str]]:
    """The family names a province's name may open with, and those it may end
    with, as `resolve` reads: it folds the text and looks the whole up among the
    names of each province (after a `tỉnh`, `thành phố` or `TP` it may drop), so
    the text's first and last folded words are a name's (or the prefix's)."""
    keys = {fold_key(n) for p in all_provinces() for n in (*p.aliases, p.name, p.name_before or "") if n}
    if "" in keys:  # a name of no letters: any text of none would do, so no word tells
        return SURNAMES, SURNAMES
    firsts = {k.split()[0] for k in keys} | {"tinh", "thanh", "tp"}
    lasts = {k.split()[-1] for k in keys}
    folded = {w: fold_key(w).split() for w in SURNAMES}
    return (
        frozenset(w for w, f in folded.items() if not f or f[0] in firsts),
        frozenset(w for w, f in folded.items() if not f or f[-1] in lasts),
    )


def _name_ok(name: str) -> bool:
    """A run of a family name and capitalised words that is no place: not a province, a district
    (`_place`), nor `Đại học Y Hà Nội` (a one-letter `Y`, then a province: a school's name)."""
    hit = _NAME_OK_SEEN.get(name)
    if hit is None:
        first, rest = name.split(" ", 1)
        hit = (
            not (first in _surnames_in_places()[0] and _is_province(name))
            and not _place(name)
            and not (len(first) == 1 and _is_province(rest))
        )
        if len(_NAME_OK_SEEN) < 100_000:
            _NAME_OK_SEEN[name] = hit
    return hit


def may_name(text: str) -> bool:
    """Whether `find_names` may find anyone in the text: a family name stands
    before a capital. Not in a text where none stands, nor in any part of it
    that starts after a character that is no word character (a family name
    there stands in the text too)."""
    return _SURNAME_RE.search(text) is not None


def find_names(text: str) -> list[NameSpan]:
    """Full Vietnamese names: a family name and one to three more capitalised
    syllables (`Nguyễn Huy Dũng`), not place names (`Hà Nội`)."""
    return _read_names(text) if _SURNAME_RE.search(text) else []


# The family names a title may open with (`Hoàng tử`, `Đồng chí`): `TITLE_RE` matches at a family
# name (a whole run of letters) only if the title's first run of letters is that name, as `re.I` compares
# (a longer word would go on with a letter, a shorter one end before one). `_read_names` tries
# `TITLE_RE` at these only.
_SURNAMES_OPENING_TITLES = frozenset(
    w
    for w in SURNAMES
    if any(re.fullmatch(re.escape("".join(takewhile(str.isalpha, t))), w, re.I) for t in ROLE_TITLES)
)


def _read_names(text: str) -> list[NameSpan]:
    """`find_names`, where `may_name`."""
    out = []
    read_to = 0  # the words before this are read: part of a name, or of a place
    opens_place, ends_place = _surnames_in_places()  # (most family names are in no province's)
    for m in _SURNAME_WORD.finditer(text):
        s, e = m.span()
        if s < read_to:
            continue
        w = m.group()
        # the word before, if a space alone stands between (a letter right before the space)
        prev = _word_span_before(text, s) if s > 1 and text[s - 1] == " " and _is_letter(text[s - 2]) else None
        if prev and _names_a_place(text, *prev):
            # `đường Nguyễn Lương Bằng`, `quận Nam Từ Liêm`: past the whole name
            while text.startswith(" ", e) and (nxt := _WORD.match(text, e + 1)) and _titlecase(nxt.group()):
                e = nxt.end()
            read_to = e
            continue
        second = _WORD.search(text, e)  # the next word, wherever it is
        if second and (
            (pair := w + " " + second.group()) in NOT_PERSON_NAMES or (w in opens_place and _is_province(pair))
        ):
            read_to = second.end()  # `Hà Nội Chử Xuân Dũng`, `Châu Âu Ursula`: a place, then the name
            continue
        if w in ends_place:  # the word before, wherever it is
            prev = prev or _word_span_before(text, s)
            if prev and _is_province(text[prev[0] : prev[1]] + " " + w):
                continue  # `An Giang Nguyễn Thanh Bình`: a place, then the name
        if w in _SURNAMES_OPENING_TITLES and TITLE_RE.match(text, s):
            continue  # a title
        # up to three more capitalised words, one space apart
        end, count, nxt = e, 1, second
        while (
            count < 4
            and nxt is not None
            and nxt.start() == end + 1
            and text[end] == " "
            and (word := nxt.group())[:1].isupper()
            and (len(word) == 1 or word[1:].islower())  # (`_titlecase`)
            and word not in NAME_STOPWORDS
            and not text.startswith(" phố", nxt.end())
        ):
            end, count = nxt.end(), count + 1
            nxt = _WORD.match(text, end + 1) if text.startswith(" ", end) else None
        if count >= 2 and _name_ok(name := text[s:end]):
            out.append(NameSpan(name, s, end))
            read_to = end
    return out


# Names not written the Vietnamese way (`John Kirby`, `G.C. Gautam`, `Alfredo Muñoz`): a run of
# capitalised words, at least one of them no Vietnamese syllable. Only read where a person is
# expected: after a title or `ông` (`titled_foreign_names`), or as the one who speaks (see `quotes`).
UPPER_LETTERS = "A-Z" + "".join(c for c in map(chr, range(0xC0, 0x1F00)) if c.isupper())
_CAP_WORD = rf"[{UPPER_LETTERS}][a-zà-ỹđ'’-]*[a-zà-ỹđ]"
_INITIALS = r"(?:[A-Z]\.\s?){1,3}"
# Two words at least, or initials and a word (`G.C. Gautam`), with no word character, dot,
# `&`, apostrophe or hyphen before. That is `(?<![\w.&’'-])(?:{_INITIALS}{_CAP_WORD}(?:\s(?:
# {_INITIALS})?{_CAP_WORD}){0,4}|{_CAP_WORD}(?:\s(?:{_INITIALS})?{_CAP_WORD}){1,4})(?![\w&])`,
# written with the first capital letter first and the check before it after, so that the
# engine jumps from capital to capital instead of trying the whole pattern at every character.
_NAME_RUN = re.compile(
    rf"[{UPPER_LETTERS}](?<![\w.&’'-].)"
    rf"(?:(?<=[A-Z])\.\s?(?:[A-Z]\.\s?){{0,2}}{_CAP_WORD}(?:\s(?:{_INITIALS})?{_CAP_WORD}){{0,4}}"  # initials first
    rf"|[a-zà-ỹđ'’-]*[a-zà-ỹđ](?:\s(?:{_INITIALS})?{_CAP_WORD}){{1,4}})(?![\w&])"
)
# a thing named right before: `tàu Ever Given`, `tờ New York Times`, `hãng Pfizer`
_THING_BEFORE = re.compile(
    r"(?<!\w)(?:tàu|hãng|hãng tin|tờ|báo|trang|kênh|đài|công ty|tập đoàn|đội|câu lạc bộ|CLB|tổ chức|nhóm|ban nhạc|"
    r"dự án|chương trình|ứng dụng|mạng|sân|khách sạn|thành phố|bang|tỉnh|vùng|khu|dòng|mẫu|phim|album|ca khúc|"
    r"sách|giải|chiến dịch|trường|đại học|viện|quỹ|website|tạp chí|hội nghị|sự kiện|diễn đàn|theo|"
    r"huyện|xã|quận|phường|thị xã|thị trấn|buôn|bản|làng|thôn)\s$",
    re.I,
)
# capitalised words that open a sentence or a reference, not a name
_OPENERS = frozenset(
    "Ông Bà Anh Chị Cô Em Cụ Chú Bác Thầy Theo Phía Còn Và Nhưng Tuy Khi Sau Trước Tại Với Cả Nếu Vì Do Bởi Trong "
    "Ngoài Tờ Đài Hãng Trang Báo Tạp Ngài Vợ Chồng Con Bố Mẹ Cháu Đội Nhóm The".split()
)
_THING_OPENERS = frozenset("Tờ Đài Hãng Trang Báo Tạp Đội Nhóm".split())
_FOREIGN_SEEN: dict[str, bool] = {}
_RUN_NAME_SEEN: dict[str, tuple[str, int] | None] = {}  # the foreign name in a run of capitalised words
_TITLED = re.compile(words_pattern([w.lower() for w in (*PERSON_WORDS, *ROLE_TITLES)]) + r"\s")
_TOKEN = re.compile(r"(?:[A-Z]\.\s?)*[^\s.]+")  # a word of a run, with its initials
# letters only Vietnamese writes: đ, ă, â, ê, ô, ơ, ư and the hook, tilde and dot below
_VIETNAMESE_ONLY = re.compile("[đăâêôơư" + "ảãạẻẽẹỉĩịỏõọủũụỷỹỵ" + "ằắẳẵặầấẩẫậềếểễệồốổỗộờớởỡợừứửữự]")


def foreign_word(word: str) -> bool:
    """A word that is no Vietnamese syllable (`Kirby`, `Jens`), not one with
    letters only Vietnamese writes (`Đắk`)."""
    hit = _FOREIGN_SEEN.get(word)
    if hit is None:
        lower = word.lower().replace("’", "").replace("'", "")
        if _VIETNAMESE_ONLY.search(lower):
            hit = False  # `Đắk Nia`, `Krông Pắc`: Vietnamese letters, a name of here
        else:
            hit = any(c in "fjwz" for c in lower) or not all(is_syllable(part) for part in lower.split("-") if part)
        if len(_FOREIGN_SEEN) < 100_000:
            _FOREIGN_SEEN[word] = hit
    return hit


# A capital and the letters a `_CAP_WORD` goes on with. Each word of a `_NAME_RUN` opens one of
# these (what stands before it, a space, a dot or no word character, cannot go on one), and is
# all of it, or its part before an apostrophe or a hyphen (`Kirby` of `Kirby-`).
_CAP_RUN = re.compile(rf"[{UPPER_LETTERS}][a-zà-ỹđ'’-]+")
_PLAIN_CAP_RUNS: set[str] = set()  # `_CAP_RUN`s seen with no foreign word
_FOREIGN_CAP_RUNS: set[str] = set()  # and with one


def _cap_run_foreign(run: str) -> bool:
    """Whether a word of a name could be foreign in this `_CAP_RUN`: the run,
    or a part of it that ends in a letter before an apostrophe or a hyphen."""
    if run in _PLAIN_CAP_RUNS:
        return False
    hit = (run[-1] not in "'’-" and foreign_word(run)) or any(
        run[k] in "'’-" and run[k - 1] not in "'’-" and foreign_word(run[:k]) for k in range(2, len(run))
    )
    seen = _FOREIGN_CAP_RUNS if hit else _PLAIN_CAP_RUNS
    if len(seen) < 100_000:
        seen.add(run)
    return hit


def foreign_names(text: str) -> list[NameSpan]:
    """Capitalised runs that name a person in a foreign way: two words or more
    (initials joined to the next), one at least not Vietnamese, after any
    country or body before them (`Hải quân Indonesia Yudo Margono` → `Yudo
    Margono`); not a team, firm, paper or place (`Real Madrid`, `New York
    Times`, `tàu Ever Given`)."""
    # most texts have no foreign word at all (`_foreign_span` wants one): one quick pass tells
    runs = _CAP_RUN.findall(text)
    if _FOREIGN_CAP_RUNS.isdisjoint(runs) and (
        _PLAIN_CAP_RUNS.issuperset(runs) or not any(map(_cap_run_foreign, runs))
    ):
        return []
    return [span for m in _NAME_RUN.finditer(text) if (span := _foreign_span(text, m)) is not None]


def titled_foreign_names(text: str) -> list[NameSpan]:
    """`foreign_names` right after a person word or a title (`ông Narendra
    Raval`, `Tổng thống Nga Vladimir Putin`)."""
    if "İ" not in text and not _may_name_titled(text):
        return []  # most paragraphs: no title before a capital letter names anyone foreign
    lower = text.lower()
    if len(lower) != len(text):
        return [f for f in foreign_names(text) if _PERSON_BEFORE.search(text, max(0, f.start - 30), f.start)]
    out: list[NameSpan] = []
    for t in _TITLED.finditer(lower):  # in lowered text the engine jumps to each first letter
        if not text[t.end() : t.end() + 1].isupper() or (out and t.start() < out[-1].end):
            continue
        span = _titled_span(text, t.end())
        if span is not None:
            out.append(span)
    return out


_LONGEST_NAME = 100  # characters a foreign name may run to


def _titled_span(text: str, end: int) -> NameSpan | None:
    """The foreign name after a title that ends at `end`, if a person word or a title is right before it."""
    # a country or a body may come first: the name begins within 60 characters
    # (and is read whole, however far it runs: `Raul Castro`, not `Raul Ca`)
    m = _NAME_RUN.search(text, end, end + 60 + _LONGEST_NAME)
    if m and m.start() >= end + 60:
        m = None
    span = _foreign_span(text, m) if m else None
    if span is not None and _PERSON_BEFORE.search(text, max(0, span.start - 30), span.start):
        return span
    return None


def _any_case(ch: str) -> str:
    """`text.any_case` as a character class (or the one character)."""
    chars = any_case(ch)
    return "[" + re.escape(chars) + "]" if len(chars) > 1 else re.escape(ch)


def _any_case_words(words: Iterable[str]) -> str:
    """`words_pattern` of lower-case words, each letter matching what `re.I` would take for it,
    but without `re.I` (under which the engine tests each branch in full); no check before."""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        alts = [_any_case(ch) + build(node[ch]) for ch in sorted(node) if ch]
        if "" in node:
            alts.append(r"(?!\w)")
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    return build(trie)


# Where `_TITLED` may find, in the lowered text, what `titled_foreign_names` reads on from (a title
# or a person word, then a space and a capital), found in the text reversed: the capital first,
# for the engine to jump from capital to capital. The class holds every character `isupper` is
# true of (below U+1F00, those of `UPPER_LETTERS`; above, it takes all). Not where lowering changes
# a length (`İ` alone does): there `titled_foreign_names` reads `foreign_names`.
_TITLE_THEN_CAPITAL = re.compile(
    rf"[{UPPER_LETTERS}\u1f00-\U0010ffff]\s" + _any_case_words(w.lower()[::-1] for w in (*PERSON_WORDS, *ROLE_TITLES))
)


def _may_name_titled(text: str) -> bool:
    """Whether `titled_foreign_names` may find anyone: whether, after any title
    or person word followed by a space and a capital, `_titled_span` finds a
    name. `_TITLED` finds some of these titles only (none overlapping), so
    there may be none."""
    rev = text[::-1]
    last = len(text) - 1
    pos = 0
    while (m := _TITLE_THEN_CAPITAL.search(rev, pos)) is not None:
        if _titled_span(text, last - m.start()) is not None:
            return True
        pos = m.start() + 1  # every place, not only those `finditer` would give
    return False


def _foreign_span(text: str, m: re.Match[str]) -> NameSpan | None:
    found = _run_name(m.group(0))
    if found is None or _THING_BEFORE.search(text, max(0, m.start() - 16), m.start()):
        return None
    return NameSpan(found[0], m.start() + found[1], m.end())


def _run_name(run: str) -> tuple[str, int] | None:
    """The foreign name a `_NAME_RUN` holds and where it starts in the run,
    what comes before the run aside; kept, as runs recur."""
    if run in _RUN_NAME_SEEN:
        return _RUN_NAME_SEEN[run]
    found = _read_run_name(run)
    if len(_RUN_NAME_SEEN) < 100_000:
        _RUN_NAME_SEEN[run] = found
    return found


def _read_run_name(run: str) -> tuple[str, int] | None:
    """`_run_name`, read (positions from the run's start)."""
    tokens = _TOKEN.findall(run)
    if not any(foreign_word(t.rsplit(".", 1)[-1].strip()) for t in tokens):
        return None  # Vietnamese words only: a place, a body or a name `find_names` reads
    start = 0
    while tokens and tokens[0] in _OPENERS:  # `Ông Trump`, `Theo Joe Biden`
        if tokens[0] in _THING_OPENERS:
            return None  # `Tờ Thai Rath`: a paper
        start = run.index(tokens[1]) if len(tokens) > 1 else len(run)
        tokens = tokens[1:]
    while len(tokens) > 2 and (tokens[0] in FOREIGN_PLACES or tokens[0] in NOT_PERSON_WORDS):
        start = run.index(tokens[1], start + len(tokens[0]))
        tokens = tokens[1:]
    bare = [t.rsplit(".", 1)[-1].strip() for t in tokens]
    if len(tokens) + sum(1 for t in tokens if "." in t) < 2 or tokens[0] in FOREIGN_PLACES:
        return None
    if tokens[-1] in FOREIGN_PLACES:
        return None
    if any(b in NOT_PERSON_WORDS for b in bare) or not any(foreign_word(b) for b in bare if b):
        return None
    for k in range(1, len(bare) - 1):  # `Bkav Nguyễn Tử Quảng`: a firm, then a Vietnamese name
        if bare[k] in SURNAMES and not any(foreign_word(b) for b in bare[k:]):
            return None
    name = " ".join(tokens)
    if _is_province(name) or name in NOT_PERSON_NAMES:
        return None
    return name, start


_ROLE_STOP = re.compile(r"[.;:]\s|,\s(?!" + _TITLE_CASED + ")")
_ROLE_AFTER = re.compile(r"^\s{0,2}(?:[-–—(]|,)\s{0,2}")


def role_after(text: str, end: int) -> str | None:
    """`..., Phó Chủ tịch UBND tỉnh,` or ` - Chủ tịch UBND TP Đà Nẵng - ` after a name."""
    m = _ROLE_AFTER.match(text[end : end + 4])
    if not m:
        if TITLE_RE.match(text, end + 1) and text[end : end + 1] == " ":  # `ông Nguyễn Thành Phong Chủ tịch UBND ...`
            rest = text[end + 1 : end + 201]
            stop = re.search(r"[.;:,]\s", rest)
            role = rest[: stop.start()] if stop else rest
            verb = ROLE_END.search(role)
            return (role[: verb.start()] if verb else role).strip(" ,-–—") or None
        return None
    opener = m.group(0).strip()
    rest = text[end + m.end() : end + m.end() + 200]
    if not TITLE_RE.match(rest):
        return None
    if opener in "-–—":
        stop = re.search(r"\s[-–—]\s|[.;:]\s|$", rest)
    elif opener == "(":
        stop = re.search(r"\)", rest)
    else:
        stop = _ROLE_STOP.search(rest)
    role = rest[: stop.start()] if stop else rest
    verb = ROLE_END.search(role)
    if verb:
        role = role[: verb.start()]
    return role.strip(" ,-–—") or None


def case_odd(text: str) -> bool:
    """Whether the text has a letter whose lower case is not what `re.I` compares
    it by (`İ` lowers to two characters; `ı` and `ſ` match `i` and `s`). Where
    none stands, a pattern of lower-case words finds in the lowered text what
    the same pattern with `re.I` finds in the text, and quicker (the engine can
    jump to each first letter)."""
    return "İ" in text or "ı" in text or "ſ" in text


_TITLE_LOWER = re.compile(words_pattern(ROLE_TITLES, ignore_case=True))  # `TITLE_RE`, for lowered text
_PERSON_WORD_END = re.compile(r"\s(?:" + "|".join(PERSON_WORDS) + r")$", re.I)


def role_before(text: str, start: int) -> str | None:
    """`Thứ trưởng Bộ TT&TT Nguyễn Huy Dũng`: the role that ends right before a name."""
    window = text[max(0, start - 200) : start]
    cut = max(window.rfind(". "), window.rfind(": "), window.rfind("; "), window.rfind("“"), window.rfind('"'))
    clause = window[cut + 1 :] if cut >= 0 else window
    # (`case_odd` is true of the one letter, `İ`, whose lower case changes the length)
    m = TITLE_RE.search(clause) if case_odd(clause) else _TITLE_LOWER.search(clause.lower())
    if not m:
        return None
    role = clause[m.start() :].strip(" ,")
    role = _PERSON_WORD_END.sub("", role)
    if ROLE_END.search(role):  # `Chủ tịch nước đề nghị ... cho phạm nhân X`: a clause, not a role
        return None
    return role or None


# `ông Narendra Raval`, `Tổng thống Nga Vladimir Putin`: a person word or a title right before
_PERSON_BEFORE = re.compile(
    r"(?<!\w)(?:(?i:" + "|".join(PERSON_WORDS) + ")|" + _TITLE_CASED + r")(?:\s[" + UPPER_LETTERS + r"][\w-]*){0,2}\s$"
)


def gender_before(text: str, start: int) -> str | None:
    before = text[max(0, start - 6) : start].lower()
    if before.endswith("ông "):
        return "m"
    if before.endswith("bà "):
        return "f"
    return None


def collect_people(paragraphs: list[str]) -> People:
    """Every full name in the article with the longest role given for it; a
    name written the foreign way when a title or `ông`/`bà` comes before it
    (`Tổng thống Nga Vladimir Putin`), so `ông Putin` later is known."""
    people = People()
    for par in paragraphs:
        # only right after `ông` or a title, and without a role (a role would let it take the
        # quotes of whoever holds a like role)
        for span in titled_foreign_names(par):
            people.add(span.name, None, gender_before(par, span.start))
        names = _read_names(par) if may_name(par) else None
        people.read.append((par, names))
        for span in names or ():
            role = role_before(par, span.start)
            if role and _ACADEMIC_RE.search(role):
                role = None
            after = role_after(par, span.end)
            people.add(span.name, after or role, gender_before(par, span.start))
    return people
