"""Who said what: direct quotes in quotation marks, reported speech after a verb
of saying, and interview answers (`Ông Nguyễn Tuấn Hà: ...`)."""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

from .lexicon import (
    ACADEMIC,
    FOREIGN_PLACES,
    NOT_PERSON_WORDS,
    PERSON_NOUNS,
    PERSON_WORDS,
    ROLE_TITLES,
    SPEECH_VERBS,
    SURNAMES,
)
from .people import (
    ROLE_END,
    TITLE_RE,
    UPPER_LETTERS,
    NameSpan,
    People,
    Person,
    case_odd,
    find_names,
    foreign_names,
    foreign_word,
    may_name,
    role_before,
)
from .sentences import split_sentences
from .text import words_pattern


@dataclass(frozen=True)
class QuoteFact:
    speaker: str
    role: str | None
    text: str
    direct: bool
    paragraph: int
    qa: bool = False


_OPEN = '“"«„'
_CLOSE = '”"»“'
_VERB_RE = re.compile(words_pattern(SPEECH_VERBS))
_TITLE_ALT = "|".join(re.escape(t) for t in ROLE_TITLES)
_PRONOUN = "|".join(PERSON_WORDS)
_PRONOUN_END = re.compile(r"(?:^|\s|,)(?:" + _PRONOUN + r")\s{0,2}$", re.I)
_PRONOUN_REACH = max(map(len, PERSON_WORDS)) + 6  # the most it can span, from the end
# the last letters of those words: what a letter ending one lowers to (`re.I` compares no other
# letter with these)
_PRONOUN_LAST = frozenset(w[-1] for w in PERSON_WORDS)
# `Quan chức này`, `chiến lược gia người Hàn Quốc này`, `vị HLV trên`: the person just quoted
_EPITHET_END = re.compile(
    r"(?:^|\s|,)(?:(?:nữ|nam|cựu|vị|nàng|chàng)\s)?(?:" + words_pattern(PERSON_NOUNS, ignore_case=True) + r")"
    r"(?:\s[\w]+){0,3}\s(?:này|trên|nói trên)\s{0,2}$",
    re.I,
)
# ông Hạnh / Thứ trưởng Dũng / bà Lan
_SHORT_REF = re.compile(
    r"(?<!\w)(?:(?:"
    + _PRONOUN
    + r")|(?:"
    + _TITLE_ALT
    + r")|(?:GS|PGS|TS|ThS|BS|PGS\.TS|GS\.TS|TS\.BS)\.?)\s((?-i:["
    + UPPER_LETTERS
    + r"])[a-zà-ỹđ]{0,12})(?!\w)",  # the name capitalised, whatever the case of what comes before
    re.I,
)
# The words a short reference opens with, to search lowered text for first (quicker than `_SHORT_REF`).
_SHORT_GATE = re.compile(
    words_pattern([w.lower() for w in (*PERSON_WORDS, *ROLE_TITLES, "gs", "pgs", "ts", "ths", "bs")])
)


def _last_short_ref(text: str, lower: str, gate: re.Match[str] | None) -> re.Match[str] | None:
    """The last match `_SHORT_REF.finditer(text)` gives. `_SHORT_REF` ignores
    case and has no first letter the engine could jump to, so it is only tried
    where `_SHORT_GATE` finds in `lower` (the text lowered) a word it may open
    with; `gate` is the first (`_SHORT_GATE.search(lower)`)."""
    last = None
    if len(lower) != len(text) or case_odd(text):
        for last in _SHORT_REF.finditer(text):  # noqa: B007 (the last one is kept)
            pass
        return last
    while gate is not None:
        m = _SHORT_REF.match(text, gate.start())
        if m:
            last, pos = m, m.end()
        else:
            pos = gate.start() + 1
        gate = _SHORT_GATE.search(lower, pos)
    return last


# A role standing for a person: `Thứ trưởng Bộ TT&TT`, `Phó Chủ tịch Thường trực UBND tỉnh Đắk Lắk`
# (its words may not include a verb: `Chủ tịch nước đã có công văn` is a clause).
_ROLE_REF = re.compile(words_pattern(ROLE_TITLES, ignore_case=True) + r"(?:\s[\wÀ-ỹĐđ&-]{1,20}){0,10}$", re.I)
_ROLE_REF_LOWER = re.compile(words_pattern(ROLE_TITLES, ignore_case=True) + r"(?:\s[\wÀ-ỹĐđ&-]{1,20}){0,10}$")
# The most a `_ROLE_REF` spans: a title, ten words, and a newline `$` may stand before. It ends the
# text, so it starts no further back than this from the end: no need to search the text before.
_ROLE_REF_REACH = max(len(t.lower()) for t in ROLE_TITLES) + 10 * 21 + 1
_GAP_OK = re.compile(
    r"^\s{0,2}(?:(?:[-–—,(]\s{0,2}[^.;:“\"]{0,200}?[-–—,)]?)\s{0,2}|(?:" + _TITLE_ALT + r")[^.;:“\"]{0,150}?\s)?"
    r"(?:(?:cũng|đã|còn|thì|vừa|lại|đều|tiếp tục|khi|trực tiếp|đồng thời|bất ngờ|thẳng thắn|công khai)\s{1,2}){0,3}"
    # when: `John Kirby ngày 19/4 cho biết`, `ông Hà sáng nay nhấn mạnh`
    r"(?:(?:hôm|vào|ngày|sáng|chiều|tối|trưa|đêm)(?:\s(?:nay|qua|hôm qua|ngày))?"
    r"(?:\s\d{1,2}/\d{1,2}(?:/\d{4})?)?\s{1,2}"
    r"(?:(?:cũng|đã|còn|vừa|lại)\s{1,2})?)?$"
)
_QA = re.compile(
    r"^(?:(?:Ông|Bà|Anh|Chị|Đồng chí)\s{1,2})?(?:" + ACADEMIC + r"\s{0,2})?"
    r"(?P<name>[A-ZÀ-ỸĐ][\wÀ-ỹ]{0,10}(?:\s[A-ZÀ-ỸĐ][\wÀ-ỹ]{0,10}){0,4})\s{0,2}:\s{0,2}(?P<text>.{8,})$"
)
# `TS.BS Nguyễn Khắc Kiểm, Phó Giám đốc Bệnh viện K Trung ương: Đây là ...`: an answer, the role given
_QA_ROLE = re.compile(
    r"^(?:(?:Ông|Bà|Anh|Chị|Đồng chí)\s{1,2})?(?:" + ACADEMIC + r"\s{0,2})?"
    r"(?P<name>[A-ZÀ-ỸĐ][\wÀ-ỹ]{0,10}(?:\s[A-ZÀ-ỸĐ][\wÀ-ỹ]{0,10}){1,4}),\s(?P<role>[^:.;“\"]{3,150}):\s{1,2}"
    r"(?P<text>.{8,})$"
)
_WRITES_THAT = re.compile(r"\s{0,2}[:,]|\s{1,2}(?:rằng|trên|trong)\s")  # `ông viết: ...`, `viết trên Twitter rằng`
_QUESTION = re.compile(r"^(?:PV|P\.V|NĐT|Phóng viên|Hỏi|Câu hỏi|[A-ZĐ]{2,6})\s{0,2}:", re.I)
_QUESTION_SENTENCES = 2  # at most, in a question put in an interview
_THEO = re.compile(r"(?:^|[,.;]\s|\s)(?:Cũng|Còn|Và)?\s?[Tt]heo\s(?P<ref>[^,]{2,160}),\s(?P<text>.{12,})$")
_LEAD_CONTENT = re.compile(r"^\s{0,2}(?:thêm\s{1,2})?(?:(?:rằng|là)\b)?\s{0,2}[,:]?\s{0,2}")  # not the `là` of `làm`
_NOT_CONTENT = re.compile(r"^(?:như trên|tại|với|về|chỉ đạo tại|cao việc|của)\b", re.I)
_MIN_WORDS = 5
# one capitalised word that is the whole subject: `Buffett cho biết`, `..., Buffett nói`
_BARE_NAME = re.compile(r"(?:^|[.,;:(–-]\s{0,2})\s{0,2}([A-Z][a-zà-ỹđ'’-]{2,})\s{0,2}$")
_BARE_TAIL = re.compile(r"[A-Z][a-zà-ỹđ'’-]{2,}\Z")  # how the last word must end for `_BARE_NAME`
# adverbs before a verb of saying, not part of its subject (`ông Hà cũng đã cho biết`)
_ADVERBS = ("cũng", "đã", "còn", "thì", "vừa", "lại", "đều", "tiếp tục")
_ADVERBS_END = re.compile(r"(?:\s(?:" + "|".join(_ADVERBS) + r"))+\s{0,2}$")
# someone's relation or possession, not the person: `chiến lược gia của ông Mitt Romney`
_OWNED = re.compile(r"(?<!\w)(?:của|về phía|cho|với)\s(?:(?i:" + _PRONOUN + r")\s)?$")
# a short reference that may stand for a person not named before: `ông Putin`, `HLV Pochettino`
_SHORT_PERSON = re.compile(r"(?:^|\s)(?:(?i:" + _PRONOUN + r")|HLV|Tổng thống|Thủ tướng|Ngoại trưởng)\s\S+$")
_OPENER = re.compile(r"(?:(?:" + _PRONOUN + r"|" + _TITLE_ALT + r")\s{1,2})?", re.I)  # `ông`, `Bộ trưởng`
# a verb of saying with a thing as its object: `chỉ đạo công tác ...`, `kiểm tra việc ...`
_NOT_SAYING_VERBS = ("chỉ đạo", "hướng dẫn", "báo cáo", "thông báo")
_NOT_SAYING = re.compile("(?:" + "|".join(_NOT_SAYING_VERBS) + r")\s(?:công tác|việc|hoạt động|tình hình)(?!\w)")
_BAN = tuple(a + b + c + " " for a in "bB" for b in "aA" for c in "nN")
_SAID_LAST = re.compile(r"^\s{0,2}(?:thêm|rõ)?\s{0,2}[.!…]?\s{0,2}$")  # the verb ends the sentence
_SAID_BY = (", ", " - ", " – ", " — ")
_MAX_SUBJECT = 90  # characters from the comma or dash to the verb: a name and a role, no more
_AND_VERB = re.compile(r",?\s(?:và|đồng thời)\s(?=(?:" + _VERB_RE.pattern + r"))")  # `..., và nhấn mạnh ...`
_AND_SAID = re.compile(
    r"^\s{0,2}(?:và|rồi|đồng thời)\s{1,2}(?:"
    + _VERB_RE.pattern
    + r")\s{0,2}(?:thêm\s{1,2})?(?:rằng|là)?\s{0,2}[,:]?\s{1,2}"
    r"(?P<text>[^“\"«]{12,})$"
)


class _Resolver:
    def __init__(self, people: People) -> None:
        self.people = people
        self.last: Person | None = None
        # foreign names of each text read (as a text has several verbs), up to where they were looked for
        self._foreign: dict[str, tuple[int, list[NameSpan]]] = {}
        # whether anyone holds a role (else no one is found by one): roles are given here only
        # with a foreign name (`_add`)
        self._roles = people.holds_roles()
        self.read("")

    def _add(self, name: str, role: str | None) -> Person:
        if role:
            self._roles = True
        return self.people.add(name, role)

    # Most paragraphs name no one (`collect_people` found no family name before
    # a capital in them): `find_names` then finds no one in any part of them.
    # `resolve` and `subject_before` ask it of their text when told where it
    # stands in the paragraph read; where a text opens the paragraph, its names
    # are the paragraph's, as `collect_people` found them.

    def read(self, par: str, pi: int = -1) -> None:
        """Texts given with their place (`at`) are from `par`, paragraph `pi`, from then on."""
        # what `collect_people` found in it is looked up when first asked (`_look`): most
        # paragraphs read ask nothing of it
        self._par = par
        self._pi = pi
        self._looked = False

    def _look(self) -> None:
        par, pi = self._par, self._pi
        read = self.people.read
        # the names `collect_people` found in it, if it read it (this same text)
        self._known = 0 <= pi < len(read) and read[pi][0] is par
        self._names = read[pi][1] if self._known else None
        self._named: bool | None = (self._names is not None) if self._known else None  # `may_name(par)`
        self._looked = True

    def _unnamed(self, start: int) -> bool:
        """Whether `find_names` finds no one in the paragraph's text from `start` on."""
        par = self._par
        if start and _is_word(par[start - 1]):
            return False  # a word cut: a family name may start the text, not the paragraph
        if not self._looked:
            self._look()
        if self._named is None:
            self._named = may_name(par)
        return not self._named

    def _names_before(self, verb_start: int) -> list[NameSpan] | None:
        """`find_names` of the paragraph's text before a verb of saying that
        starts at `verb_start`, if `collect_people` read the paragraph (else
        None): the paragraph's names that end before the verb, where a family
        name stands before a capital in that text. `find_names` reads the text
        as it reads the paragraph, up to the verb: what it reads of a name or a
        title does not go on into a verb (no name's word, one in lower case, nor
        one that a title or a family name goes on with: `_TITLE_INTO_VERB`), and
        the word after a family name only tells what is no name."""
        if not self._looked:
            self._look()
        names = self._names
        if not self._known or _TITLE_INTO_VERB:
            return None
        if not names:
            return []
        before = [span for span in names if span.end <= verb_start]
        return before if not before or may_name(self._par[:verb_start]) else []

    def resolve(self, ref_text: str, at: int | None = None) -> Person | None:
        """The person a stretch of text (a subject) ends by naming; `at`, if
        given, is where the text stands in the paragraph read."""
        ref_text = ref_text.rstrip(" ,-–—")
        plain = ref_text[1:].islower()  # (see `subject_before`)
        if plain and self.last is None and not self._roles and not ("A" <= ref_text[:1] <= "Z"):
            return None  # (as there) no name, short reference, role nor pronoun; no `_bare` capital
        names = [] if plain or (at is not None and self._unnamed(at)) else find_names(ref_text)
        if names and len(ref_text) - names[-1].end < 3:
            return self.people.add(names[-1].name, None)
        if plain and not self._roles:  # no short reference, and no role looked for
            lower, gate, short = ref_text, None, None
        else:
            lower = ref_text.lower()
            gate = _SHORT_GATE.search(lower)
            short = None if plain else _last_short_ref(ref_text, lower, gate)
        if short and len(ref_text) - short.end() < 3:
            p = self._short(short)
            if p:
                return p
        p = self._bare(ref_text, plain)  # `..., Buffett` of someone named before
        if p:
            return p
        # (with no role nor last speaker, `_role_or_pronoun` finds no one)
        p = None if self.last is None and not self._roles else self._role_or_pronoun(ref_text, lower, gate is not None)
        if p is None:
            # a name first with a role after it (`ông Trần Minh Tuệ, Trưởng BQL dự án cầu Móng Sến`)
            lead = len(ref_text) - len(ref_text.lstrip(" ,-–—"))
            if names:
                opener = _OPENER.match(ref_text, lead)
                first = names[0]
                if opener and first.start == opener.end() and ref_text[first.end : first.end + 1] == ",":
                    return self.people.add(first.name, None)
            # a name written the foreign way, last (`..., phát ngôn viên Ned Price`) or first with
            # a role after it (`Bhramar Mukherjee, nhà dịch tễ học tại Đại học Michigan,`)
            for span in [] if plain else foreign_names(ref_text):
                if len(ref_text) - span.end < 3 or (span.start == lead and ref_text[span.end : span.end + 1] == ","):
                    return self._add(span.name, role_before(ref_text, span.start))
        return p

    def _bare(self, subject: str, plain: bool = False) -> Person | None:
        """A subject that is one foreign name alone (`Buffett`), of someone named before.
        `plain` says the subject has no capital after its first character."""
        if plain and not ("A" <= subject[:1] <= "Z"):
            return None  # the name's capital (A to Z) could only be the first character
        # the name ends the subject, spaces aside: the last word must end with it (quicker to
        # check than searching the whole subject)
        last = subject.rsplit(None, 1)
        if not last or not _BARE_TAIL.search(last[-1]):
            return None
        bare = _BARE_NAME.search(subject)
        return self.people.by_given(bare.group(1)) if bare and foreign_word(bare.group(1)) else None

    def _short(self, ref: re.Match[str]) -> Person | None:
        """`ông Hà`, `Tổng thống Putin`: someone named before by that name; a
        foreign name after `ông` or such (`HLV Pochettino`) stands for its
        person even if not (not after any title: `Giám đốc NutiFood`)."""
        word = ref.group(1)
        p = self.people.by_given(word)
        if (
            p is None
            and len(word) > 2
            and foreign_word(word)
            and word not in FOREIGN_PLACES
            and word not in NOT_PERSON_WORDS
            and _SHORT_PERSON.search(ref.string, 0, ref.end())
        ):
            p = self.people.add(word, None)
        return p

    def _role_or_pronoun(self, text: str, lowered: str | None = None, titled: bool = True) -> Person | None:
        """`... Thứ trưởng Bộ TT&TT` → whoever holds that role; `... ông` → the last speaker.
        `lowered`, if given, is `text.lower()`; `titled` false says `_SHORT_GATE`
        found nothing in the text lowered (or in the text it was cut from, with
        adverbs and spaces after it), so there is no title in it either."""
        # (`_by_role_ref` finds no role untitled where lowering keeps the length)
        if self._roles and (titled or lowered is None or len(lowered) != len(text)):
            p = self._by_role_ref(text, lowered, titled)
            if p:
                return p
        if self.last is None:
            return None
        # a pronoun or an epithet (`này`, `trên`) ends the text, spaces aside: its last letter does
        tail = text.rstrip()[-4:].lower()
        if (tail[-1:] in _PRONOUN_LAST and _PRONOUN_END.search(text, max(0, len(text) - _PRONOUN_REACH))) or (
            tail.endswith(("này", "trên")) and _EPITHET_END.search(text, max(0, len(text) - 70))
        ):
            return self.last
        return None

    def _by_role_ref(self, text: str, lowered: str | None, titled: bool) -> Person | None:
        ref = text.rstrip()
        lower = lowered.rstrip() if lowered is not None else ref.lower()  # the same
        reach = max(0, len(ref) - _ROLE_REF_REACH)
        if len(lower) == len(ref):  # the lowered text, where the engine jumps to each first letter
            if not titled:
                return None  # `_SHORT_GATE` has every title, in this same lowered text
            m = _ROLE_REF_LOWER.search(lower, reach)
            role = ref[m.start() :] if m else None
        else:
            m = _ROLE_REF.search(ref, reach)
            role = m.group(0) if m else None
        if role and not ROLE_END.search(role):
            return self.people.by_role(role)
        return None

    def subject_before(self, text: str, verb_start: int, at: int | None = None, upto: int = 0) -> Person | None:
        """The speaker named just before a verb of saying, with an optional
        role in apposition and adverbs between (`ông Hà - Phó Chủ tịch - cũng cho biết`).
        `at`, if given, is where the text stands in the paragraph read: a
        sentence of it, or its part before a quotation mark. `upto` is where
        the text's last verb of saying starts, if later."""
        cut = max(0, verb_start - 300)
        head = text[cut:verb_start]
        # No capital after the first character (a third of them): no full name, foreign name
        # (capitalised words) nor short reference (a title or `ông`, then a capital) in the head.
        plain = head[1:].islower()
        if plain and not cut and self.last is None and not self._roles and not ("A" <= head[:1] <= "Z"):
            # (the common case) no name, no foreign name (the head is all the text before
            # the verb), no short reference nor role, no pronoun for anyone; nor `_bare`,
            # whose capital (A to Z) could only be the head's first character
            return None
        last = 0  # where the last full name of the head ends, in the text
        if not plain and (at is None or not self._unnamed(at + cut)):
            # the paragraph's names, read by `collect_people`, where the head opens it
            names = self._names_before(verb_start) if at == 0 and not cut else None
            if names is None:
                names = find_names(head)
            if names:
                if _GAP_OK.match(head[names[-1].end :]):
                    return self.people.add(names[-1].name, None)
                last = names[-1].end + cut
        # Only foreign names before the verb count, and those of the text before a verb are the
        # text's that end before it (a name is capitalised words, one space apart, a verb no such
        # word, and what stands before it no word character): looked for no further.
        if plain and not cut:
            foreign = []  # (the head is all the text before the verb)
        else:
            read = self._foreign.get(text)
            if read is None or read[0] < verb_start:
                upto = max(upto, verb_start)
                read = self._foreign[text] = (upto, foreign_names(text[:upto]))
            foreign = read[1]
        # `Cao ủy EU Josep Borrell ngày 19/4 cho biết`: the last before the verb
        for span in reversed(foreign):
            if span.end > verb_start:
                continue
            if (
                span.start >= last
                and _GAP_OK.match(text[span.end : verb_start])
                and not _OWNED.search(text, max(0, span.start - 20), span.start)
            ):
                return self._add(span.name, role_before(text, span.start))
            break
        if plain and not self._roles:  # no short reference, and no role looked for
            lower, gate = head, None
        else:
            lower = head.lower()
            gate = _SHORT_GATE.search(lower)
        if gate is not None and not plain:
            short = _last_short_ref(head, lower, gate)
            if short and _GAP_OK.match(head[short.end() :]):
                p = self._short(short)
                if p:
                    return p
        p = self._bare(head, plain)  # `Buffett cho biết` of someone named before
        if p or (self.last is None and not self._roles):
            return p  # (with no role nor last speaker, `_role_or_pronoun` finds no one)
        # adverbs dropped from the end; only where there are some (spaces aside, the text ends with one)
        if head.rstrip().endswith(_ADVERBS):
            return self._role_or_pronoun(_ADVERBS_END.sub("", head), titled=gate is not None)
        return self._role_or_pronoun(head, lower, titled=gate is not None)


_GUEST = re.compile(r"(?:phỏng vấn|trao đổi với|chia sẻ với|trò chuyện với|trả lời)", re.I)


def _interviewee(paragraphs: list[str], people: People) -> Person | None:
    """The person an interview is with: named where the interview is
    introduced, else the first person the article names."""
    for par in paragraphs[:8]:
        if _GUEST.search(par):
            names = find_names(par)
            if names:
                return people.add(names[0].name, None)
    return people.people[0] if people.people else None


_CLOSING = re.compile('[”"»]')
_MARK = re.compile("[" + re.escape(_OPEN + _CLOSE) + "]")


def _quoted_spans(par: str) -> list[tuple[int, int, bool]]:
    """(start, end, closed) of quoted passages, the marks excluded. Only the
    quotation marks are visited, not every character between them."""
    spans: list[tuple[int, int, bool]] = []
    if not ("“" in par or '"' in par or "«" in par or "„" in par):  # most paragraphs quote nobody (`_OPEN`)
        return spans
    marks = [(m.start(), m.group()) for m in _MARK.finditer(par)]
    k = 0
    while k < len(marks):
        i, c = marks[k]
        if c in _OPEN and (i == 0 or not par[i - 1].isalnum()):
            close_chars = "”" if c == "“" else ("»" if c == "«" else '"“”')
            depth = 0
            for after in range(k + 1, len(marks)):
                j, d = marks[after]
                if c == "“" and d == "“":
                    depth += 1
                elif d in close_chars:
                    if depth == 0:
                        spans.append((i + 1, j, True))
                        k = after + 1
                        break
                    depth -= 1
            else:
                spans.append((i + 1, len(par), False))
                break
            continue
        k += 1
    return spans


_GOES_ON = 3  # paragraphs a quotation may run on without marks before the one that closes it


def _closes_soon(paragraphs: list[str], pi: int) -> bool:
    """Whether paragraph `pi`, with no quotation mark, goes on a quotation
    opened before it: a later paragraph closes it (its first mark a closing
    one) with only unmarked paragraphs between."""
    if _MARK.search(paragraphs[pi]):
        return False
    for par in paragraphs[pi + 1 : pi + 1 + _GOES_ON]:
        mark = _MARK.search(par)
        if mark is None:
            continue
        return mark.group() in '”»"' and not (mark.group() == '"' and mark.start() == 0)
    return False


def _words(text: str) -> int:  # noqa: D103
    return len(text.split())


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _class_of(chars: str) -> str:
    """A character class body (no brackets) of these characters, as ranges."""
    codes = sorted(set(map(ord, chars)))
    parts = []
    k = 0
    while k < len(codes):
        j = k
        while j + 1 < len(codes) and codes[j + 1] == codes[j] + 1:
            j += 1
        lo, hi = re.escape(chr(codes[k])), re.escape(chr(codes[j]))
        parts.append(lo if j == k else lo + "-" + hi)
        k = j + 1
    return "".join(parts)


# `_VERB_RE` tries its trie at every one of its first letters (a third of the text) and looks
# behind each for a word character. A verb stands after a character that is no word character
# (mostly a space) or at the start: searched from the character before it, most of which can be
# told apart with one look at a table, the engine tries far fewer places. The class leaves out
# only word characters (those of the Latin scripts, as checked here): it holds every character
# that is none, and a few that are; those are found after a match, and the text read again.
_LATIN = "".join(map(chr, [*range(0x30, 0x7B), *range(0xC0, 0x250), *range(0x1E00, 0x1F00)]))
_AFTER_NON_WORD = re.compile(
    "[^"
    + _class_of("".join(c for c in _LATIN if _is_word(c)))
    + "]("
    + words_pattern(SPEECH_VERBS).replace(r"(?<!\w.)", "")
    + ")"
)


_VERB_FIRST = frozenset(v[0] for v in SPEECH_VERBS)


def _title_into_verb() -> bool:
    """Whether `find_names`, reading a text up to a verb of saying, might not
    read as it does the text with the verb after: where a title it skips (at
    a family name) may go on into the verb, or a word of a name may be
    followed by one that opens with `phố`."""
    surnames = {w.lower() for w in SURNAMES}
    verbs = [v.lower() for v in SPEECH_VERBS]
    if any(" " in w for w in surnames) or any(v.startswith("phố") for v in verbs):
        return True
    for title in ROLE_TITLES:
        words = title.lower().split()
        for i in range(1, len(words) if words[0] in surnames else 1):
            rest = " ".join(words[i:])
            if any(rest == v or rest.startswith(v + " ") or v.startswith(rest + " ") for v in verbs):
                return True
    return False


_TITLE_INTO_VERB = _title_into_verb()


def _find_verbs(text: str) -> list[tuple[int, int, str]]:
    """(start, end, verb) of each match of `_VERB_RE.finditer(text)`."""
    out = []
    pos = 0
    m = _VERB_RE.match(text) if text[:1] in _VERB_FIRST else None
    if m:
        out.append((0, m.end(), m.group()))
        pos = m.end()  # a verb after it starts after a character past it
    for m in _AFTER_NON_WORD.finditer(text, pos):
        if _is_word(text[m.start()]):  # a word character of another script: not after it
            return [(m.start(), m.end(), m.group()) for m in _VERB_RE.finditer(text)]
        out.append((m.start(1), m.end(), m.group(1)))
    return out


def _verbs_within(
    par: str, verbs: list[tuple[int, int, str]], sentences: list[tuple[int, int]]
) -> list[list[tuple[int, int, str]]]:
    """Of each sentence `par[a:b]`, the verbs of saying `_VERB_RE.finditer(par[a:b])`
    finds, as (start, end, verb) from `a`, taken from `verbs`, those of all `par`
    (in order, as the sentences are): the ones within the sentence, when no word
    goes on across its ends (the pattern looks at the character on either side
    of a word) and no verb crosses one; else found again."""
    out = []
    k = 0  # the first verb that ends past the sentence's start
    for a, b in sentences:
        while k < len(verbs) and verbs[k][1] <= a:
            k += 1
        within = []
        again = (a > 0 and _is_word(par[a - 1])) or (b < len(par) and _is_word(par[b]))
        j = k
        while not again and j < len(verbs) and verbs[j][0] < b:
            s, e, verb = verbs[j]
            again = s < a or e > b
            within.append((s - a, e - a, verb))
            j += 1
        out.append([(m.start(), m.end(), m.group()) for m in _VERB_RE.finditer(par[a:b])] if again else within)
    return out


_SAID_AFTER = re.compile(r"^\s{0,2}[,\-–—]?\s{0,3}\S")  # `"...", ông Minh nói`: the speaker after the quotation
# a comma or colon ends the text, spaces aside: `ông Minh nói: "..."`
_COLON_END = re.compile(r"[:,]\s{0,2}$")
# the most it spans (`$` may stand before a newline that ends the text): searched for no further back
_COLON_END_REACH = 4


def find_quotes(paragraphs: list[str], people: People, skip: AbstractSet[int] = frozenset()) -> list[QuoteFact]:
    res = _Resolver(people)
    out: list[QuoteFact] = []
    open_speaker: Person | None = None  # a quotation still open from an earlier paragraph
    open_pending: list[tuple[int, str]] = []  # open quote paragraphs waiting for an attribution

    def emit(p: Person, text: str, direct: bool, pi: int, qa: bool = False) -> None:
        text = text.strip().strip(_OPEN + _CLOSE).strip()
        if _words(text) < _MIN_WORDS:
            return
        res.last = p
        out.append(QuoteFact(p.name, p.role, text, direct, pi, qa))

    def reported(sentence: str, verbs: list[tuple[int, int, str]], at: int) -> tuple[Person, str, int] | None:
        """The speaker a sentence (whose verbs of saying are `verbs`, and which
        stands at `at` in the paragraph read) reports, what they said and -1:
        `X (role) cho biết, <content>`. For `<content> - X (role) nêu rõ.`, said
        last: the speaker, "" and where the content ends in the sentence."""
        for start, end, verb in verbs:
            if (
                sentence.startswith(_NOT_SAYING_VERBS, start)
                and _NOT_SAYING.match(sentence, start)
                and sentence[end : end + 1] not in ",:"
            ):
                continue  # `chỉ đạo công tác phòng, chống dịch`: directing work, saying nothing
            if start >= 4 and sentence.startswith(_BAN, start - 4):  # (what lowers to `ban `)
                continue  # `Ban chỉ đạo`: a committee, not a verb
            if verb == "nói" and sentence.startswith(" chung", end):
                continue  # `nói chung`: in general
            if verb == "viết" and not _WRITES_THAT.match(sentence, end):
                continue  # `viết 1 đoạn văn`, `viết phác đồ`: writing something, not saying it
            speaker = res.subject_before(sentence, start, at, verbs[-1][0])
            if speaker is None:
                continue
            rest = sentence[end:]
            lead = _LEAD_CONTENT.match(rest)
            content = rest[lead.end() if lead else 0 :]
            if not _SAID_LAST.match(rest):
                if _NOT_CONTENT.match(content) or content[:1] in _OPEN or content.rstrip().endswith(":"):
                    continue
                return speaker, content, -1
            # said last: the statement is what comes before the speaker, up to a comma or a dash
            name_at = sentence.rfind(speaker.name, 0, start)
            cut = max(sentence.rfind(sep, 0, name_at if name_at >= 0 else start) for sep in _SAID_BY)
            if cut > 0 and start - cut <= _MAX_SUBJECT:
                return speaker, "", cut
        return None

    after_question = False
    for pi, par in enumerate(paragraphs):
        if pi in skip:
            continue
        # a question put to the interviewee: marked, or short and ending in `?` (a long
        # paragraph that ends in a question is the speaker's own, asked to make a point)
        colon = ":" in par  # a question put or an interview answer has one
        if (colon and _QUESTION.match(par)) or (
            par.rstrip().endswith("?") and len(split_sentences(par)) <= _QUESTION_SENTENCES
        ):
            open_speaker = None
            after_question = True
            continue
        # An answer after a question, opened by a dash: the interviewee speaks.
        if after_question and par[:2] in ("- ", "– ", "— "):
            after_question = False
            guest = _interviewee(paragraphs, people)
            if guest is not None:
                emit(guest, par[2:], False, pi, qa=True)
                continue
        after_question = False
        res.read(par, pi)
        # Continuation of a quotation opened in an earlier paragraph.
        if open_speaker is not None or open_pending:
            spans = _quoted_spans(par)
            closing = _CLOSING.search(par)
            close_at = closing.start() if closing else -1
            if close_at >= 0 and (not spans or spans[0][0] > close_at):
                inner = par[:close_at]
                tail = par[close_at + 1 :]
                speaker = open_speaker
                if speaker is None:
                    m = _VERB_RE.search(tail)
                    speaker = res.resolve(tail[: m.start()], close_at + 1) if m else None
                if speaker:
                    for ppi, ptext in open_pending:
                        emit(speaker, ptext, True, ppi)
                    emit(speaker, inner, True, pi)
                open_speaker, open_pending = None, []
                continue
            if par[:1] in _OPEN or open_speaker is not None or _closes_soon(paragraphs, pi):
                if open_speaker is not None:
                    emit(open_speaker, par, True, pi)
                else:
                    open_pending.append((pi, par))
                continue
            open_speaker, open_pending = None, []

        # Interview answer: `Ông Nguyễn Tuấn Hà: ...`
        m = _QA.match(par) if colon else None
        if m is None and colon:
            m = _QA_ROLE.match(par)
            if m and (_VERB_RE.search(m.group("role")) or not TITLE_RE.search(m.group("role"))):
                m = None  # `X, who ... said: ...`: reported, or no role at all
        if m:
            names = find_names(m.group("name"))
            p = None
            if names and names[0].name == m.group("name").strip():
                p = people.add(names[0].name, None)
            if p:
                emit(p, m.group("text"), False, pi, qa=True)
                continue

        handled_from = len(par)
        # Direct quotations in the paragraph.
        for qs, qe, closed in _quoted_spans(par):
            inner = par[qs:qe]
            if _words(inner) < _MIN_WORDS:
                continue
            before = par[: qs - 1]
            after = par[qe + 1 :] if closed else ""
            speaker = None
            more = None  # `"...", ông Minh nói và cho biết, <more>`
            if closed:
                vm = _VERB_RE.search(after[:140])
                if vm and _SAID_AFTER.match(after):
                    speaker = res.resolve(after[: vm.start()], qe + 1)
                    more = _AND_SAID.match(after[vm.end() :])
            if speaker is None and _COLON_END.search(before, max(0, len(before) - _COLON_END_REACH)):
                verbs = list(_VERB_RE.finditer(before))
                vm = verbs[-1] if verbs else None
                between = before[vm.end() :] if vm is not None else ""
                if vm is not None and (
                    not between.strip(" :,") or (before.rstrip().endswith(":") and "." not in between)
                ):
                    speaker = res.subject_before(before, vm.start(), 0)
                if speaker is None and before.rstrip().endswith(":"):
                    speaker = res.resolve(before.rstrip()[:-1], 0)
            if speaker is None:
                if not closed and qs <= 1:
                    open_pending.append((pi, inner))
                continue
            if not closed:
                open_speaker = speaker
            emit(speaker, inner, True, pi)
            if more is not None:
                emit(speaker, more.group("text"), False, pi)
            handled_from = min(handled_from, qs - 1)
        if handled_from < len(par):
            par = par[:handled_from]
            if _words(par) < 8:
                continue

        # Reported speech: `Theo ông Hạnh, ...`
        theo = par.find("heo")  # `_THEO` starts at most 8 characters before its `[Tt]heo`
        m = _THEO.search(par, max(0, theo - 8)) if theo >= 0 else None
        if m:
            p = res.resolve(m.group("ref"), m.start("ref"))
            if p:
                emit(p, m.group("text"), False, pi)
                continue
        # Reported speech: `X (role) cho biết, ...`, up to the sentence where
        # someone else (or the same speaker again) is said to speak.
        # the verbs of the whole paragraph, found once for all its sentences
        par_verbs = _find_verbs(par)
        if not par_verbs:
            continue
        sentences = split_sentences(par)
        if len(sentences) == 1 and sentences[0] == (0, len(par)):
            sentence_verbs = [par_verbs]  # one sentence, the whole paragraph
        else:
            sentence_verbs = _verbs_within(par, par_verbs, sentences)
        k = 0
        spoke = False  # someone is said to speak in an earlier sentence of the paragraph
        while k < len(sentences):
            found = (
                reported(par[sentences[k][0] : sentences[k][1]], sentence_verbs[k], sentences[k][0])
                if sentence_verbs[k]
                else None
            )
            if found is None:
                k += 1
                continue
            speaker, content, said_up_to = found
            if said_up_to >= 0:  # `<statement> - X nêu rõ.`: the paragraph up to there, if no one spoke before
                said = par[: sentences[k][0] + said_up_to]
                if not spoke and not any(c in said for c in _OPEN + _CLOSE):
                    emit(speaker, said, False, pi)
                spoke = True
                k += 1
                continue
            spoke = True
            j = k + 1
            while j < len(sentences) and (
                not sentence_verbs[j]
                or reported(par[sentences[j][0] : sentences[j][1]], sentence_verbs[j], sentences[j][0]) is None
            ):
                j += 1
            content += par[sentences[k][1] : sentences[j][0] if j < len(sentences) else len(par)]
            parts = _AND_VERB.split(content, maxsplit=1)
            if len(parts) == 2:
                emit(speaker, parts[0], False, pi)
                second = _VERB_RE.match(parts[1])
                tail = parts[1][second.end() :] if second else parts[1]
                lead2 = _LEAD_CONTENT.match(tail)
                emit(speaker, tail[lead2.end() if lead2 else 0 :], False, pi)
            else:
                emit(speaker, content, False, pi)
            k = j
    return out
