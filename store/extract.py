"""One article in, its facts out: the main event (date, kind, place, title),
people, quotes and targets. A cascade of cheap rules, each a pure function."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from datetime import date

from .article import Article
from .dates import APPROX, DAY, MONTH, RANGE, YEAR, DateMention, find_dates
from .lexicon import EVENT_KINDS, SURNAMES
from .people import collect_people, find_names
from .provinces import Province, find_district_mentions_each, find_mentions_each
from .quotes import QuoteFact, find_quotes
from .targets import TargetFact, find_targets
from .text import deglue, fold, fold_words, words_pattern


@dataclass
class Facts:
    file: str
    published: str | None
    event_start: str | None
    event_end: str | None
    precision: str | None
    year_known: bool
    kind: str | None
    title: str
    provinces: list[Province]
    speakers: list[tuple[str, str | None]]
    quotes: list[QuoteFact]
    targets: list[TargetFact]
    terms: list[str] = field(default_factory=list)

    def event_date_value(self) -> str | dict | None:
        """The event date in the answer-key shape: a string or {start, end}."""
        if not self.event_start or not self.year_known:
            return None
        if self.precision == RANGE and self.event_end and self.event_end != self.event_start:
            return {"start": self.event_start, "end": self.event_end}
        return self.event_start

    def province_names(self) -> list[str]:
        when = self.event_start if self.year_known else self.published
        names: list[str] = []
        for p in self.provinces:
            name = p.name_at(when)
            if name not in names:
                names.append(name)
        return names


_KIND_RE = [(re.compile(r"(?<!\w)" + re.escape(w) + r"(?!\w)", re.I), k) for w, k in EVENT_KINDS]
# all kinds in one pass over the lowered text: the leftmost word wins, and at one
# place the longest (`họp báo` over `họp`)
_KIND_OF = {w.lower(): k for w, k in reversed(EVENT_KINDS)}
_ANY_KIND = re.compile(words_pattern(_KIND_OF))
_EVENT_VERB = re.compile(
    r"\b(?:tổ chức|khai mạc|diễn ra|bế mạc|chủ trì|tham dự|tiếp|làm việc|họp|phát động|ký kết|khánh thành|"
    r"trao tặng|trao|thăm|kiểm tra|công bố|ra mắt|khởi công)\b",
    re.I,
)
_BARE_YEAR = re.compile(r"(?<![\d/.,-])((?:19|20)\d\d)(?![\d/%-])")
_NAMED = re.compile(r"[“\"]([^”\"]{6,120})[”\"]")
_STOP_TERMS = set(
    "và của các những được cho với trong tại đã là có một này đó theo từ để về khi như thì sẽ đến người năm ngày tháng "
    "tỉnh thành phố ông bà".split()
)


def _lead(paragraphs: list[str], captions: set[int], n: int = 3) -> list[int]:
    return [i for i in range(len(paragraphs)) if i not in captions][:n]


def event_kind(article: Article, qa_count: int, anchor: tuple[int, int] | None) -> str | None:
    """The kind of the reported event, from the sentence that dates it, else the lead."""
    if qa_count >= 2:
        return "interview"
    texts = []
    if anchor is not None:
        pi, pos = anchor
        par = article.paragraphs[pi]
        start = max(par.rfind(". ", 0, pos), 0)
        end = par.find(". ", pos)
        texts.append(par[start : end if end > 0 else len(par)])
    lead = _lead(article.paragraphs, article.captions)
    texts += [article.paragraphs[i] for i in lead]
    if article.title:
        texts.append(article.title)
    for text in texts:
        m = _ANY_KIND.search(text.lower())
        if m:
            return _KIND_OF[m.group(0)]
    return "other" if anchor is not None else None


def event_date(article: Article, dates: list[list[DateMention]], is_interview: bool) -> tuple[DateMention | None, int]:
    """The main event's date: a day or range that is not a deadline, a period
    or a plan after publication; in the lead, or beside an event verb
    (`tổ chức`, `diễn ra`, `làm việc`) further down."""
    lead = _lead(article.paragraphs, article.captions, 4)
    ref = article.ref_date.isoformat() if article.ref_date else None
    oldest = f"{int(ref[:4]) - 1}{ref[4:]}" if ref else ""
    candidates = []
    for pi, par in enumerate(article.paragraphs):
        in_lead = pi in lead
        if pi in article.captions:
            continue
        for d in dates[pi]:
            if d.role not in ("event", "relative") or d.precision not in (DAY, RANGE):
                continue
            if ref and d.resolved and d.date_start > ref:
                continue  # a plan, not what happened
            if ref and d.resolved and d.date_start < oldest:
                continue  # history (`Ngày 12/4/1961, ...`), not the news
            near = par[max(0, d.start - 120) : d.end + 160]
            verb = bool(_EVENT_VERB.search(near))
            if not in_lead and not verb:
                continue
            rank = lead.index(pi) if in_lead else 6 + pi
            score = rank * 2 + (0 if verb else 1)
            candidates.append((score, d.start, pi, d))
    if candidates and not is_interview:
        candidates.sort(key=lambda c: (c[0], c[1]))
        _, _, pi, d = candidates[0]
        return d, pi
    return None, -1


def latest_fact(dates: list[list[DateMention]], ref: date | None) -> DateMention | None:
    best = None
    for ds in dates:
        for d in ds:
            if not d.resolved or d.role in ("deadline", "period"):
                continue
            if ref and d.date_start[:10] > ref.isoformat():
                continue
            if best is None or d.date_start > best.date_start:
                best = d
    return best


def text_year(article: Article, dates: list[list[DateMention]]) -> int | None:
    """The year an undated article is about: its most frequent year, leaving out deadlines and periods."""
    excluded = set()
    for pi, ds in enumerate(dates):
        for d in ds:
            if d.role in ("deadline", "period"):
                excluded.add((pi, d.start, d.end))
    counts: Counter[int] = Counter()
    for pi, par in enumerate([article.title or "", *article.paragraphs]):
        for m in _BARE_YEAR.finditer(par):
            real = pi - 1
            if any(real == e[0] and e[1] <= m.start() < e[2] for e in excluded):
                continue
            before = par[max(0, m.start() - 24) : m.start()].lower()
            if re.search(r"(?:đến|tới|trước|giai đoạn|tầm nhìn|định hướng)\s(?:năm\s)?$", before):
                continue
            counts[int(m.group(1))] += 1
    return counts.most_common(1)[0][0] if counts else None


# `Địa điểm: xã Ya Tăng, huyện Sa Thầy, tỉnh Kon Tum`: where a project or event is, in a fact box
_PLACE_LINE = re.compile(r"^[-–•+*]?\s{0,2}Địa điểm(?:\s[\w ]{1,25})?\s{0,2}:", re.I)
# `(SN 1998, trú huyện Quỳnh Lưu, tỉnh Nghệ An)`, `quê ở Thanh Hóa`: a person's home
_HOME = re.compile(
    r"(?<!\w)(?:trú|ngụ|quê|quê quán|nguyên quán|thường trú|tạm trú|hộ khẩu)(?:\s(?:tại|ở))?\s[^.;()“”\"]{0,60}$"
)
# an address or contact line (`Địa chỉ: 160 Hiền Vương, ..., TP. HCM.`, `Hotline: ...`): where to
# write, not where the event is
_CONTACT_LINE = re.compile(
    r"^[-–•+*]?\s{0,2}(?:Địa chỉ|Hotline|Liên hệ|Website|Email|Điện thoại|ĐT|Fanpage)\s{0,2}:", re.I
)
_IN_A_NAME = re.compile(r"(?:^|\s)(?:" + "|".join(sorted(SURNAMES)) + r")(?:\s[A-ZÀ-ỸĐ]\w*)?\s$")
_HCM = "79"
_UNCLE_HO = re.compile(
    r"(?:Chủ tịch|Bác|tư tưởng|TNCS|Lăng|Bảo tàng|Học viện[^,.;()]{0,40}|Đại học[^,.;()]{0,30}|Đoàn|Huân chương"
    r"|Giải thưởng)\s$",
    re.I,
)
_CITY = re.compile(r"(?:TP\.?|thành phố)\s?$", re.I)
_BODY_OF = re.compile(r"(?:Sở|Hội|Công ty|Trường|Đại học|Bệnh viện|đoàn|đại diện|từ)\s[^,.;]{0,30}$")  # a guest's
_STREET = re.compile(r"(?<!\w)(?:đường|(?<!thành )phố|xa lộ|đại lộ|ngõ|ngách|hẻm|kiệt)\s$", re.I)
_PHOTO = re.compile(r"\b(?:Ảnh|Nguồn|Video|Clip|Đồ họa)\b", re.I)


def _section_subjects(article: Article, mentions: list[list]) -> set[str]:
    """Provinces a section is about: named in its sub-heading (a short line
    that is not a photo caption) and again in two of its paragraphs
    (`Lập mới 2 thị trấn tại Tuyên Quang`, then the section on it)."""
    out: set[str] = set()
    heads = sorted(i for i in article.captions if len(article.paragraphs[i]) <= 120)
    for n, h in enumerate(heads):
        if not mentions[h] or _PHOTO.search(article.paragraphs[h]) or ":" in article.paragraphs[h]:
            continue
        end = heads[n + 1] if n + 1 < len(heads) else len(article.paragraphs)
        for code in {m.province.code for m in mentions[h]}:
            named = sum(1 for i in range(h + 1, end) if any(m.province.code == code for m in mentions[i]))
            if named >= 2:
                out.add(code)
    return out


def _paragraph_weight(par: str, lead: bool, caption: bool) -> float:
    """How much a paragraph's places count: the lead and a fact box's place
    line most, a caption little, an address or contact line not at all."""
    if _CONTACT_LINE.match(par):
        return 0.0
    if lead or _PLACE_LINE.match(par):
        return 3.0
    return 0.5 if caption else 1.0


def event_provinces(article: Article) -> list[Province]:
    """The provinces where the event happens or that it is about: weighted by
    where they are named (title and lead count more), guests left out."""
    scores: dict[str, float] = defaultdict(float)
    first: dict[str, int] = {}
    by_code: dict[str, Province] = {}
    lead = set(_lead(article.paragraphs, article.captions, 2))
    order = 0
    texts = [article.title or "", *article.paragraphs]

    def weight_of(k: int) -> float:  # of texts[k], read only where a place is named
        return 3.0 if k == 0 else _paragraph_weight(texts[k], k - 1 in lead, k - 1 in article.captions)

    mentions = find_mentions_each(texts)
    for k, (text, found) in enumerate(zip(texts, mentions, strict=True)):
        weight = weight_of(k) if found else 0.0
        for m in found:
            code = m.province.code
            by_code[code] = m.province
            before = text[max(0, m.start - 40) : m.start]
            if _STREET.search(before):
                continue  # `Xa lộ Hà Nội`, `phố Huế`: a street named after a place
            if _IN_A_NAME.search(before) and any(
                n.start < m.start < n.end for n in find_names(text[m.start - 30 : m.end])
            ):
                continue  # `anh Phạm Thái Bình`: a person's name
            if (
                m.province.code == _HCM
                and fold(m.text) == "ho chi minh"
                and _UNCLE_HO.search(before)
                and not _CITY.search(before)
            ):
                continue  # `tư tưởng Hồ Chí Minh`, `Học viện Chính trị quốc gia Hồ Chí Minh`: the man
            w = weight
            if _BODY_OF.search(before):
                w *= 0.4
            elif _HOME.search(text, max(0, m.start - 70), m.start):
                w *= 0.5  # where someone lives or comes from, not where the event is
            scores[code] += w
            first.setdefault(code, order)
            order += 1
    if not scores:  # no province named: the districts that are (`huyện Sa Thầy` is in Kon Tum)
        for k, found in enumerate(find_district_mentions_each(texts)):
            weight = weight_of(k) if found else 0.0
            for m in found:
                by_code[m.province.code] = m.province
                scores[m.province.code] += weight
                first.setdefault(m.province.code, len(first))
        for code in [c for c, score in scores.items() if score < 2.0]:  # in passing (an address), not the subject
            del scores[code]
        if not scores:
            return []
    sections = _section_subjects(article, mentions[1:])
    ranked = sorted(scores, key=lambda c: (-scores[c], first[c]))
    top = scores[ranked[0]]
    keep = [c for c in ranked if scores[c] >= max(0.5 * top, 2.0) or c == ranked[0] or c in sections]
    return [by_code[c] for c in keep[:4]]


def event_title(article: Article, anchor: tuple[int, int] | None, kind: str | None, speakers: list) -> str:
    """A name for the event: a named event in the dated sentence (`Hội thảo
    "X"` → X, `Tuần lễ Chuyển đổi số – Huế 2021`), else the headline, else
    the lead sentence cut short."""
    if anchor is not None and kind not in (None, "other", "interview"):
        pi, pos = anchor
        par = article.paragraphs[pi]
        start = max(par.rfind(". ", 0, pos) + 1, 0)
        end = par.find(". ", pos)
        sentence = par[start : end if end > 0 else len(par)].strip()
        for pat, k in _KIND_RE:
            if k != kind:
                continue
            m = pat.search(sentence)
            if not m:
                continue
            phrase = sentence[m.start() :]
            named = _NAMED.match(phrase[len(m.group(0)) :].lstrip())
            if named and not re.search(r"chủ đề", phrase[: named.start() + len(m.group(0)) + 2]):
                return named.group(1).strip()
            cut = re.search(r"\s(?:với chủ đề|với sự|diễn ra|do|tại|vào|từ ngày|nhằm|có sự|với|là)\s|[,.;:(]", phrase)
            head = phrase[: cut.start()] if cut else phrase[:120]
            theme = _NAMED.search(phrase[:300])
            if head.strip().lower() == m.group(0).lower() or len(head.split()) < 3:
                if theme:
                    return f"{head.strip()} “{theme.group(1).strip()}”"
                break
            if theme and theme.start() > len(head) and not re.search(r"\b(?:19|20)\d\d$", head.strip()):
                return f"{head.strip()} “{theme.group(1).strip()}”"
            return head.strip()
    if kind == "interview" and speakers:
        name, role = speakers[0]
        return f"Phỏng vấn {name}" + (f", {role}" if role else "")
    if article.title:
        return article.title
    first = article.paragraphs[0] if article.paragraphs else article.file
    cut = re.search(r"[.;:!?]\s", first)
    text = first[: cut.start()] if cut else first
    return text if len(text) <= 140 else text[:137].rsplit(" ", 1)[0] + "…"


_STOP_FOLDED = {fold(w) for w in _STOP_TERMS}


def key_terms(title: str, article: Article) -> list[str]:
    words = [w for w in fold_words(title) if w not in _STOP_FOLDED and not w.isdigit()]
    return sorted(set(words))


MAX_PARAGRAPH = 20_000  # characters of one paragraph that extraction reads
MAX_PARAGRAPHS = 3_000


def extract(article: Article) -> Facts:
    """All facts of one article. Cost is bounded per character: extraction
    reads at most MAX_PARAGRAPHS paragraphs of at most MAX_PARAGRAPH characters."""
    if len(article.paragraphs) > MAX_PARAGRAPHS or any(len(p) > MAX_PARAGRAPH for p in article.paragraphs):
        article = replace(article, paragraphs=[p[:MAX_PARAGRAPH] for p in article.paragraphs[:MAX_PARAGRAPHS]])
    ref = article.ref_date
    # Words glued by lost markup are split for matching (`Ninhtổ chức`, `5.800tỷđồng`);
    # quotes keep the text exactly as written.
    quoted = article
    article = replace(
        article, paragraphs=[deglue(p) for p in article.paragraphs], title=deglue(article.title or "") or None
    )
    dates = [find_dates(p, ref) for p in article.paragraphs]
    people = collect_people(quoted.paragraphs)
    quotes = find_quotes(quoted.paragraphs, people, quoted.captions)
    qa = sum(1 for q in quotes if q.qa)
    is_interview = qa >= 2
    d, pi = event_date(article, dates, is_interview)
    anchor = (pi, d.start) if d is not None else None
    kind = event_kind(article, qa, anchor)
    speakers: list[tuple[str, str | None]] = []
    for q in quotes:
        if q.speaker not in [s[0] for s in speakers]:
            person = next((p for p in people.people if p.name == q.speaker), None)
            speakers.append((q.speaker, person.role if person else q.role))
    start = end = precision = None
    year_known = False
    if d is not None:
        start, end, precision, year_known = d.date_start, d.date_end, d.precision, d.resolved
        if not year_known:
            year = text_year(article, dates)
            if year:
                start = f"{year:04d}" + start[4:]
                end = f"{year:04d}" + end[4:] if end else None
                year_known = True
    elif is_interview or kind is not None:
        fact = latest_fact(dates, ref)
        if fact is not None and is_interview:
            start, precision, year_known = fact.date_start[:7], APPROX, True
        elif is_interview:
            year = text_year(article, dates)
            if year:
                start, precision, year_known = f"{year:04d}", APPROX, True
    if precision == RANGE and end == start:
        precision = DAY
    title = event_title(article, anchor, kind, speakers)
    facts = Facts(
        file=article.file,
        published=article.published,
        event_start=start,
        event_end=end if precision == RANGE else None,
        precision=precision,
        year_known=year_known,
        kind=kind,
        title=title,
        provinces=event_provinces(article),
        speakers=speakers,
        quotes=quotes,
        targets=find_targets(article.paragraphs, dates, article.captions),
    )
    facts.terms = key_terms(title, article)
    return facts


__all__ = ["Facts", "extract", "MONTH", "YEAR"]
