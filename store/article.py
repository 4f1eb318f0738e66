"""From a file's bytes to an Article: decoded, normalised, header lines and
datelines read, boilerplate dropped, title and outlet found."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import date
from urllib.parse import urlparse

from .text import clean_lines

MAX_BYTES = 50 * 1024 * 1024


class BadArticle(ValueError):
    """The file cannot be read as an article; the message says why."""


@dataclass
class Article:
    file: str
    sha256: str
    paragraphs: list[str]  # body paragraphs, cleaned, boilerplate removed
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None  # YYYY-MM-DD
    published_precision: str | None = None
    published_source: str | None = None  # header, timestamp, dateline, url
    headers: dict[str, str] = field(default_factory=dict)
    captions: set[int] = field(default_factory=set)  # indexes of short caption/heading paragraphs

    @property
    def body(self) -> str:
        return "\n".join(self.paragraphs)

    @property
    def ref_date(self) -> date | None:
        if self.published:
            try:
                return date.fromisoformat(self.published)
            except ValueError:
                return None
        return None


def decode(data: bytes) -> str:
    """Bytes to text: UTF-8 (with or without BOM) or UTF-16 with a BOM.
    Anything else is refused with a reason."""
    if not data.strip():
        raise BadArticle("empty file")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise BadArticle("broken UTF-16 text") from None
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise BadArticle(f"{what}, not text")
    head = data[:4096]
    if head.count(b"\x00") > len(head) // 8:
        raise BadArticle("binary data, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        legacy = _legacy_vietnamese(data)
        if legacy is None:
            raise BadArticle(
                f"not UTF-8 text (bad byte at offset {exc.start}) and not Vietnamese Windows-1258"
            ) from None
        text = legacy
    return text.replace("\x00", "")


_MAGIC = (
    (b"%PDF", "a PDF file"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or .docx/.xlsx)"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office file"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"SQLite format 3", "an SQLite database"),
)
# Bytes Windows-1258 uses for Vietnamese letters and tone marks.
_CP1258_MARKS = set(b"\xcc\xec\xd2\xde\xf2\xe3\xc3\xe2\xc2\xea\xca\xf4\xd4\xf5\xd5\xfd\xdd\xf0\xd0")


def _legacy_vietnamese(data: bytes) -> str | None:
    """Text in Windows-1258 (the old Vietnamese Windows encoding), if the bytes
    look like it: many of its tone-mark and letter bytes, and it decodes."""
    high = [b for b in data[:65536] if b >= 0x80]
    if not high or sum(b in _CP1258_MARKS for b in high) < 0.6 * len(high):
        return None
    try:
        text = data.decode("cp1258")
    except UnicodeDecodeError:
        return None
    import unicodedata

    return unicodedata.normalize("NFC", text)


_HEADER = re.compile(r"^#\s{0,3}([A-Za-z_]{1,20})\s{0,3}=\s{0,3}(.*)$", re.S)
MAX_HEADER_VALUE = 2000
_ISO_TS = re.compile(r"^(\d{4})-(\d{2})-(\d{2})[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?(?:Z|[+-]\d{2}:?\d{2})?$")
_DATELINE = re.compile(
    r"^(?:(?:cập nhật|đăng|ngày đăng|thời gian|xuất bản|published|updated)\s{0,2}(?:lúc|ngày)?\s{0,2}:?\s{0,2})?"
    r"(?:(?:thứ\s{1,2}\w{1,4}|chủ\s{1,2}nhật)\s{0,2},?\s{0,2})?"
    r"(?:(?P<h1>\d{1,2}):(?P<mi1>\d{2})\s{0,2}(?:,|-|\|)?\s{0,2})?"
    r"(?:ngày\s{1,2})?(?P<d>\d{1,2})[/.-](?P<m>\d{1,2})[/.-](?P<y>\d{4})"
    r"(?:\s{0,2}(?:,|-|\|)?\s{0,2}(?P<h2>\d{1,2}):(?P<mi2>\d{2})(?:\s{0,2}\(?GMT[+-]\d{1,2}\)?)?)?$",
    re.I,
)
_BOILERPLATE = re.compile(
    "|".join(
        f"(?:{p})"
        for p in (
            r"^bình luận\s{0,2}\(\d{1,6}\)$",
            r"^you may also like$",
            r"^(?:xem thêm|tin liên quan|bài liên quan|đọc thêm)\s{0,2}:?$",
            r"^(?:thực hiện|thiết kế|ảnh|đồ họa|biên tập|trình bày|video|nguồn)\s{0,2}:.{0,80}$",
            r"^[A-Z0-9.-]{2,40}\.(?:VN|COM|NET|ORG)\s{0,2}\|.{0,200}$",
            r"^(?:trang chủ|home)\b.{0,300}$",
            r"^bởi\s.{1,60}$",
            r"^(?:chia sẻ|share|tweet|in bài|gửi bài)(?:\s{0,2}\|\s{0,2}\w{1,10}){0,5}$",
            r"^(?:tags?|từ khóa)\s{0,2}:.{0,300}$",
        )
    ),
    re.I,
)
_OUTLET_LINE = re.compile(r"^(?:Báo|Tạp chí|Theo)\s[\wÀ-ỹ .-]{2,40}$")
_SITE_LINE = re.compile(r"^([A-Z0-9.-]{2,40}\.(?:VN|COM|NET|ORG))\s{0,2}\|")
_BYLINE = re.compile(r"^(?:[A-ZÀ-ỸĐ][\wà-ỹđ]{0,10}\.?\s{0,2}){1,5}$")
# its characters: on a stripped line (no line break at its end for `$` to stand
# before) `endswith` gives the same answer without a search along the line
_SENTENCE_ENDS = tuple('.!?…:;"”»)')

OUTLETS_BY_DOMAIN = {
    "dantri.com.vn": "Dân trí",
    "vnexpress.net": "VnExpress",
    "tuoitre.vn": "Tuổi Trẻ",
    "thanhnien.vn": "Thanh Niên",
    "nguoiduatin.vn": "Người Đưa Tin",
    "vietnamnet.vn": "VietNamNet",
    "baogiaothong.vn": "Báo Giao thông",
    "baodaklak.vn": "Báo Đắk Lắk",
    "vov.vn": "VOV",
    "vtv.vn": "VTV",
    "nhandan.vn": "Nhân Dân",
}


def _valid_day(y: int, m: int, d: int, today: date | None = None) -> str | None:
    try:
        day = date(y, m, d)
    except ValueError:
        return None
    if not 1900 <= y <= 2100:
        return None
    if today is not None and (day - today).days > 1:
        return None
    return day.isoformat()


def header_day(value: str, today: date | None = None) -> str | None:
    """The day a `# date =` header gives: `20210326` or an ISO timestamp
    (`2021-03-26T10:00:00+07:00`) directly; another written form with a year
    (`26/03/2021`, `Thứ Sáu, 26/03/2021 - 17:51`, `26 tháng 3 năm 2021`,
    `March 26, 2021`) through dateparser, day first. No year, no date."""
    digits = re.sub(r"\D", "", value)
    if len(digits) >= 8:
        day = _valid_day(int(digits[:4]), int(digits[4:6]), int(digits[6:8]), today)
        if day:
            return day
    if not _YEAR.search(value):
        return None
    import dateparser  # only here: a second or so of import, for a header that needs it

    settings = {"DATE_ORDER": "DMY", "REQUIRE_PARTS": ["day", "month", "year"], "RETURN_AS_TIMEZONE_AWARE": False}
    try:
        parsed = dateparser.parse(value[:100], languages=["vi", "en"], settings=settings)  # type: ignore[arg-type]
    except Exception:  # noqa: BLE001 - a header it cannot read gives no date; the article is still read
        return None
    return _valid_day(parsed.year, parsed.month, parsed.day, today) if parsed else None


_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
# `http(s)://host` then `/`, `?`, `#` or the end, the host plain ASCII: no user, port,
# brackets or odd characters, so `urlparse` would only lower its case
_PLAIN_URL = re.compile(r"https?://([A-Za-z0-9.-]+)(?=[/?#]|\Z)")


def _host(url: str) -> str:
    """`urlparse(url).hostname or ""`, without `urlparse` for most URLs."""
    m = _PLAIN_URL.match(url)
    if m:
        return m.group(1).lower()
    return urlparse(url).hostname or ""


def parse_article(data: bytes, file: str, today: date | None = None) -> Article:
    """Parse one article's bytes. Raises BadArticle when it is not an article.
    A publication date after `today` (plus a day) is not believed."""
    if len(data) > MAX_BYTES:
        raise BadArticle(f"too large ({len(data) // (1024 * 1024)} MB; the limit is {MAX_BYTES // (1024 * 1024)} MB)")
    text = decode(data)
    sha = hashlib.sha256(data).hexdigest()
    art = Article(file=file, sha256=sha, paragraphs=[])
    lines: list[str] = []
    in_header = True
    if "\r" in text:  # (rare: one scan instead of two)
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    for line in clean_lines(text):
        if not line:
            continue
        if in_header:
            m = _HEADER.match(line)
            if m:
                art.headers[m.group(1).lower()] = m.group(2)[:MAX_HEADER_VALUE].strip()
                continue
            in_header = False
        lines.append(line)
    if "url" in art.headers:
        art.url = art.headers["url"] or None
    if "date" in art.headers:
        day = header_day(art.headers["date"], today)
        if day:
            art.published, art.published_precision, art.published_source = day, "day", "header"
    if "title" in art.headers:
        art.title = art.headers["title"] or None
    # Timestamp and dateline lines near the top.
    kept: list[str] = []
    for i, line in enumerate(lines):
        if i < 6:
            m = _ISO_TS.match(line)
            if m:
                day = _valid_day(int(m.group(1)), int(m.group(2)), int(m.group(3)), today)
                if day and not art.published:
                    art.published, art.published_precision, art.published_source = day, "day", "timestamp"
                continue
            m = _DATELINE.match(line)
            if m:
                day = _valid_day(int(m.group("y")), int(m.group("m")), int(m.group("d")), today)
                if day and not art.published:
                    art.published, art.published_precision, art.published_source = day, "day", "dateline"
                continue
        kept.append(line)
    lines = kept
    # Boilerplate and credits.
    body: list[str] = []
    for line in lines:
        site = _SITE_LINE.match(line) if "|" in line else None  # the pattern needs a `|`
        if site and not art.outlet:
            domain = site.group(1).lower()
            art.outlet = OUTLETS_BY_DOMAIN.get(domain, domain)
        if _BOILERPLATE.match(line):
            continue
        body.append(line)
    # Trailing outlet / byline lines.
    while body:
        last = body[-1]
        if _OUTLET_LINE.match(last) and len(last) < 45:
            if not art.outlet:
                art.outlet = re.sub(r"^Theo\s", "", last)
            body.pop()
        elif _BYLINE.match(last) and len(last) < 40 and not last.endswith(_SENTENCE_ENDS):
            body.pop()
        else:
            break
    # Title: a header, else a short first line that is not a sentence.
    if body and not art.title:
        first = body[0]
        headline = len(first) <= 200 and not re.search(r"[.!?:;…]$", first)
        second = body[1] if len(body) > 1 else ""
        asks = len(first) <= 150 and first.endswith(("?", "!")) and len(second) > len(first)
        if (headline or asks) and len(body) > 1:
            art.title = first
            body = body[1:]
            if body and body[0] == art.title:
                body = body[1:]
    if art.title:
        body = [p for i, p in enumerate(body) if not (i < 3 and p == art.title)]
    art.paragraphs = body
    art.captions = {i for i, p in enumerate(body) if is_caption(p)}
    if not art.outlet and art.url:
        try:
            host = _host(art.url).removeprefix("www.")
        except ValueError:  # a malformed URL header: keep it as text, take no outlet from it
            host = ""
        art.outlet = OUTLETS_BY_DOMAIN.get(host, host or None)
    if not art.published and art.url:
        m = re.search(r"(20\d\d)(\d\d)(\d\d)\d{6,}\.htm", art.url)
        if m:
            day = _valid_day(int(m.group(1)), int(m.group(2)), int(m.group(3)), today)
            if day:
                art.published, art.published_precision, art.published_source = day, "day", "url"
    if not body:
        raise BadArticle("no article text after the header lines")
    return art


_CREDIT_IN_BRACKETS = re.compile(r"\((?:Ảnh|Nguồn|Video)\s{0,2}:[^)]{0,80}\)\.?$", re.I)
_CREDIT = re.compile(r"\bẢnh\s{0,2}:\s{0,2}[^.]{0,60}$")


def is_caption(paragraph: str) -> bool:
    """A photo caption or sub-heading: short, and not ended like a sentence."""
    p = paragraph.strip()
    # (the bracketed credit ends the stripped paragraph: `)` or `).` ends it)
    if (p.endswith((")", ").")) and _CREDIT_IN_BRACKETS.search(p)) or ("Ảnh" in p and _CREDIT.search(p)):
        return True
    return len(p) < 160 and not p.endswith(_SENTENCE_ENDS)
