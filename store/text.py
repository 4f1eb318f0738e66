"""Text normalisation shared by every extractor: NFC, entities, folding."""

from __future__ import annotations

import codecs
import html
import re
import unicodedata
from collections.abc import Callable, Iterable
from decimal import Decimal
from itertools import accumulate, compress
from typing import Any

_SPACE_CHARS = "\t\u00a0" + "".join(map(chr, range(0x2000, 0x200C))) + "\u202f\u205f\u3000"  # and " "
_SPACE = re.compile("[ " + re.escape(_SPACE_CHARS) + "]+")
_ENTITY = re.compile(r"&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});?")
_CONTROL_CHARS = "".join(map(chr, (*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F)))
_CONTROL = re.compile("[" + re.escape(_CONTROL_CHARS) + "]")
_CONTROL_OR_SPACE = re.compile("[" + re.escape(_CONTROL_CHARS + _SPACE_CHARS) + "]")
assert not any(map(str.isprintable, _CONTROL_CHARS + _SPACE_CHARS))  # (see clean_lines)


def _entity(match: re.Match[str]) -> str:
    raw = match.group(0)
    text = raw if raw.endswith(";") else raw + ";"
    out = html.unescape(text)
    return raw if out == text else out


def clean_line(line: str) -> str:
    """NFC, HTML entities decoded (also `&amp` without `;`), control
    characters dropped, runs of spaces collapsed."""
    line = unicodedata.normalize("NFC", line)
    if "&" in line:
        line = _ENTITY.sub(_entity, line)
        line = unicodedata.normalize("NFC", line)
    line = _CONTROL.sub("", line)
    return _SPACE.sub(" ", line).strip()


MAX_LINE = 200_000  # characters of one line that are read


def clean_lines(text: str) -> list[str]:
    """`clean_line` of each line of `text` (at most MAX_LINE characters of
    each), done on the whole text at once."""
    if len(text) > MAX_LINE:
        return [clean_line(raw[:MAX_LINE]) for raw in text.split("\n")]
    out = unicodedata.normalize("NFC", text)
    if "&" in out:
        decoded = _ENTITY.sub(_entity, out)
        if decoded.count("\n") != out.count("\n"):  # `&#10;`: a line break inside one line
            return [clean_line(raw) for raw in text.split("\n")]
        out = unicodedata.normalize("NFC", decoded)
    lines = out.split("\n")
    # Most texts have no double space, control character or odd space: none of
    # the latter is printable (nor is a line break: hence line by line), and
    # `isprintable` is a quicker test than a search for them.
    if "  " in out or not all(map(str.isprintable, lines)):
        if "  " in out or _CONTROL_OR_SPACE.search(out):
            out = _CONTROL.sub("", out)
            if "  " in out or any(c in out for c in _SPACE_CHARS):  # most texts have single plain spaces only
                out = _SPACE.sub(" ", out)
            lines = out.split("\n")
    return list(map(str.strip, lines))


def _combining_class() -> re.Pattern[str]:
    """Every combining mark of the Basic Multilingual Plane, as one character class."""
    ranges: list[tuple[int, int]] = []
    for cp in range(0x0300, 0x10000):
        if unicodedata.combining(chr(cp)) or cp < 0x0370:
            if ranges and ranges[-1][1] == cp - 1:
                ranges[-1] = (ranges[-1][0], cp)
            else:
                ranges.append((cp, cp))
    return re.compile("[" + "".join(f"\\u{a:04x}-\\u{b:04x}" for a, b in ranges) + "]+")


_COMBINING = _combining_class()
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def _fold_slow(text: str) -> str:
    """`fold` of a casefolded text: decomposed, every mark dropped."""
    out = _COMBINING.sub("", unicodedata.normalize("NFD", text.replace("đ", "d")))
    if out.isascii() or not _ASTRAL.search(out):
        return out
    return "".join(c for c in out if not unicodedata.combining(c))


def _strip_slow(text: str) -> str:
    return _COMBINING.sub("", unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D")))


# The fast path of `fold` and `strip_marks`, for text of ASCII, Vietnamese letters
# and a few common signs (nearly all text here): decomposing a whole text and
# dropping its marks with a regex costs ~40 ns a character. Instead each such
# character is encoded to a byte of its own by a charmap codec, then decoded
# through a table that gives each byte its character without marks: two passes
# in C. Both tables are built from the general path, one character at a time;
# that is the same as on a whole text because every character listed is one
# base letter (or sign) plus marks that are all dropped, so no mark moves from
# one letter to another. A text with any other character fails to encode and
# takes the general path.
_VIETNAMESE = "đàáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"
_SIGNS = "…“”–—‘’•™®©°≥≤→×±·«»²"  # the signs seen most in Vietnamese news
_PLAIN = "\x00\t\n\r" + "".join(map(chr, range(0x20, 0x7F)))  # byte 0 must stay NUL (see charmap_build)


def _charmap(chars: str, strip: Callable[[str], str]) -> tuple[Any, str]:
    """An encoding map giving each of `chars` a byte, and the decoding table
    giving each byte its character through `strip`."""
    assert len(set(chars)) == len(chars) <= 256 and chars[0] == "\x00"
    out = []
    for c in chars:
        plain = strip(c)
        decomposed = unicodedata.normalize("NFD", c)
        assert len(plain) == 1 and not _COMBINING.fullmatch(c) and unicodedata.combining(decomposed[0]) == 0
        assert _COMBINING.fullmatch(decomposed[1:]) or len(decomposed) == 1
        out.append(plain)
    encoding = codecs.charmap_build(chars.ljust(256, "\ufffe"))
    assert type(encoding).__name__ == "EncodingMap"  # not a dict: the fast C map
    return encoding, "".join(out).ljust(256, "\ufffe")


_FOLD_MAP = _charmap(_PLAIN + _VIETNAMESE + _SIGNS, _fold_slow)
_STRIP_CHARS = _PLAIN + _VIETNAMESE + _VIETNAMESE.upper() + _SIGNS
_STRIP_MAP = _charmap(_STRIP_CHARS, _strip_slow)


def _by_charmap(text: str, charmap: tuple[Any, str]) -> str | None:
    try:
        data = codecs.charmap_encode(text, "strict", charmap[0])[0]
    except UnicodeEncodeError:  # a character not in the map
        return None
    return codecs.charmap_decode(data, "strict", charmap[1])[0]


def fold(text: str) -> str:
    """Lower case, without diacritics (`đ` → `d` too): `Đắk Lắk` → `dak lak`."""
    out = text.casefold()
    if out.isascii():
        return out
    fast = _by_charmap(out, _FOLD_MAP)
    return fast if fast is not None else _fold_slow(out)


def strip_marks(text: str) -> str:
    """Without diacritics, case kept: `Đắk Lắk` → `Dak Lak` (letters stay one
    character each, for matching by position)."""
    if text.isascii():
        return text
    fast = _by_charmap(text, _STRIP_MAP)
    return fast if fast is not None else _strip_slow(text)


def strip_marks_aligned(text: str) -> str | None:
    """`strip_marks` where it gives each character one (its quick path: a text
    of ASCII, Vietnamese letters and common signs), else None."""
    return text if text.isascii() else _by_charmap(text, _STRIP_MAP)


# Besides its two cases, what `re.I` takes for a letter of ASCII or Vietnamese:
# only these three have any (`ſ` is an `s`, the Kelvin sign a `k`).
_ODD_CASES = {"i": "İı", "k": "\u212a", "s": "ſ"}


def any_case(char: str) -> str:
    """The characters that `re.I` takes for `char` (a lower-case letter of ASCII
    or Vietnamese, or a digit), for a character class: a pattern (or a branch)
    that opens with a class is searched (or skipped) by testing one character,
    one that opens under `re.I` is tried in full."""
    upper = char.upper()
    return char + (upper if upper != char else "") + _ODD_CASES.get(char, "")


def words_pattern(words: Iterable[str], *, ignore_case: bool = False) -> str:
    """Whole words or phrases as one regular expression: a trie of their
    characters. Where several end at one place the longest wins, as in an
    alternation sorted longest first; but at each place the engine tests one
    character instead of every word, and jumps to the places where a word's
    first character stands (the check for a word character before comes after
    that first character). Compile it with `re.I` when `ignore_case`."""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word.lower() if ignore_case else word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict, top: bool) -> str:
        alts = [re.escape(ch) + (r"(?<!\w.)" if top else "") + build(node[ch], False) for ch in sorted(node) if ch]
        if "" in node:
            alts.append(r"(?!\w)")  # after the longer words that go on from here
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    return build(trie, True)


def line_starts(texts: list[str]) -> list[int]:
    """Where each of `texts` starts in `"\n".join(texts)`."""
    starts = list(accumulate((len(t) + 1 for t in texts), initial=0))
    starts.pop()
    return starts


WORD = re.compile(r"\w+")  # a folded word


def fold_words(text: str) -> list[str]:
    """Folded word tokens, for matching and search."""
    return WORD.findall(fold(text))


def fold_key(text: str) -> str:
    """A folded key with single spaces and no punctuation: `TP. Hồ Chí Minh` → `tp ho chi minh`."""
    return " ".join(fold_words(text))


# Words glued together where markup was stripped (`UBNDtỉnh`, `Ninhtổ`,
# `5.800tỷđồng`): split into Vietnamese syllables for matching. The body text
# itself is kept as written.
_VOWELS = "aăâeêioôơuưy" + "àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
_MARKED = set("đăâêôơư" + _VOWELS[12:])
_SYLLABLE = re.compile(
    r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnpqrstvx])?[" + _VOWELS + r"]{1,3}(?:ch|nh|ng|[cmnpt])?"
)


def is_syllable(word: str) -> bool:
    """One Vietnamese syllable, in lower case (`nguyễn`, `hà`; not `john`, `kirby`)."""
    return _SYLLABLE.fullmatch(word) is not None


def _split_word(word: str) -> str:
    lower = word.lower()
    if _SYLLABLE.fullmatch(lower) or not any(c in _MARKED for c in lower):
        return word
    m = re.match(r"^([A-ZĐ]{2,})(?=[a-zđ" + _VOWELS + "])", word)
    if m:  # UBNDtỉnh → UBND tỉnh
        return m.group(1) + " " + _split_word(word[m.end() :])
    pos, parts = 0, []
    while pos < len(lower):
        s = _SYLLABLE.match(lower, pos)
        if not s or s.end() == pos:
            return word
        parts.append(word[pos : s.end()])
        pos = s.end()
    return " ".join(parts) if len(parts) > 1 else word


# A number glued to its unit: `100km`, `5.800tỷđồng` (not `9x`, `4G`, `F0`).
_DIGIT_GLUE = re.compile(
    r"(?<=\d)(?=(?:km|ha|kg|ml|mm|cm|m2|m3|usd|vnd|vnđ|mw|kw|gb|tấn|tỷ|tỉ|triệu|nghìn|ngàn|đồng|người|lượt|ca|hộ)(?!\w)"
    r"|(?:tỷ|tỉ|triệu|nghìn|ngàn)đồng(?!\w))",
    re.I,
)


_LONG_WORD = re.compile(r"[^\W\d_]{4,}")
_LETTER_AFTER_DIGIT = re.compile(r"\d[^\W\d_]")
_DIGIT_AFTER_LETTER = re.compile(r"[a-zđà-ỹ]\d")  # lower case only: not `F0`, `BN2863`
# Words already seen: those that stay whole, and how the others split. A
# text's words are checked against them as sets, so only new words run the
# syllable rules, and a text with nothing glued is not rewritten.
_WHOLE: set[str] = set()
_SPLIT: dict[str, str] = {}
# Whitespace-separated tokens already seen that `deglue` leaves as they are.
_CLEAN: set[str] = set()
_GLUED_TOKENS: dict[str, str] = {}  # and those it changes, as it changes them
_MAX_SEEN = 500_000


def _split_match(match: re.Match[str]) -> str:
    word = match.group(0)
    return _SPLIT.get(word, word)


# a lower-case word glued to the number after it: `so với323 mã`, `vắc xin28 ngày` (not `F0`, `iPhone12`)
_WORD_THEN_DIGIT = re.compile(r"(?<![\w])([a-zđ" + _VOWELS + r"]{2,})(?=\d)")


def _word_digit(match: re.Match[str]) -> str:
    word = match.group(1)
    return word + " " if is_syllable(word) else word


def _deglue_all(text: str) -> str:
    """Every rule of `deglue`, on the whole of `text`."""
    out = _DIGIT_GLUE.sub(" ", text) if _LETTER_AFTER_DIGIT.search(text) else text
    if _DIGIT_AFTER_LETTER.search(out):
        out = _WORD_THEN_DIGIT.sub(_word_digit, out)
    words = set(_LONG_WORD.findall(out))
    words -= _WHOLE
    if not words:
        return out
    glued = False
    for word in words:
        split = _SPLIT.get(word)
        if split is None:
            split = _split_word(word)
            if split == word:
                _WHOLE.add(word)
                continue
            _SPLIT[word] = split
        glued = True
    return _LONG_WORD.sub(_split_match, out) if glued else out


def _replace_tokens(text: str, new: dict[str, str]) -> str:
    """`text` with each whole whitespace-separated token that is a key of `new` replaced by its value."""
    spans = []
    for token, out in new.items():
        i = text.find(token)
        while i >= 0:
            end = i + len(token)
            if (i == 0 or text[i - 1].isspace()) and (end == len(text) or text[end].isspace()):
                spans.append((i, end, out))
            i = text.find(token, i + 1)
    spans.sort()
    parts: list[str] = []
    pos = 0
    for start, end, out in spans:
        parts += (text[pos:start], out)
        pos = end
    parts.append(text[pos:])
    return "".join(parts)


# What `deglue` needs to know of a text, one byte a character: a token's
# *shape*. Encoded by the `strip_marks` map (a byte for each of its characters,
# in C), then translated: whitespace → space, digit → `0`, letter → `a` (vowel),
# `m` (vowel with a mark: `ă`, `ế`), `d` (`đ`) or `b` (another letter), in upper
# case for an upper-case letter, anything else → `.`.
def _shape_class(char: str) -> str:
    if char.isspace():
        return " "
    if re.fullmatch(r"\d", char):
        return "0"
    if not re.fullmatch(r"[^\W\d_]", char):
        return "."
    low = char.lower()
    assert len(low) == 1
    kind = ("m" if low in _MARKED else "a") if low in _VOWELS else ("d" if low == "đ" else "b")
    return kind if char == low else kind.upper()


_SHAPES = bytes(ord(_shape_class(c)) for c in _STRIP_CHARS).ljust(256, b".")
# what the digit rules need: a digit then a unit (two letters, or a letter and
# a digit: `m2`), or two small letters then a digit
_SHAPE_DIGIT_GLUE = re.compile(rb"0[a-zA-Z][a-zA-Z0]|[abdm]{2}0")
_SHAPE_LONG_WORD = re.compile(rb"[a-zA-Z]{4,}")  # a match of _LONG_WORD
_SHAPE_VOWELS = re.compile(rb"[aAmM]+")


def _shape_stays(shape: bytes) -> bool:
    """Whether every token of this shape comes out of `_deglue_all` as it went
    in. The digit rules need a digit against letters (`_SHAPE_DIGIT_GLUE`).
    `_split_word` changes only a word with a mark (`đ` or a marked vowel) that
    opens with two capitals and has a small letter (`UBNDtỉnh`), or that splits
    into two syllables or more: each syllable holds one run of one to three
    vowels, which the syllable pattern takes whole, so a word with one such run
    (`nguyễn`, `quyết`) is one syllable or none."""
    if _SHAPE_DIGIT_GLUE.search(shape):
        return False
    for word in _SHAPE_LONG_WORD.findall(shape):
        if b"m" not in word and b"d" not in word and b"M" not in word and b"D" not in word:
            continue  # no mark
        if word[:2].isupper() and not word.isupper():
            return False
        vowels = _SHAPE_VOWELS.findall(word)
        if len(vowels) > 1 or (vowels and len(vowels[0]) > 3):
            return False
    return True


_SAFE_SHAPES: set[bytes] = set()  # shapes seen that `_shape_stays`
_UNSAFE_SHAPES: set[bytes] = set()  # and those that may not
_STRIP_ENCODING = _STRIP_MAP[0]


def _new_shapes(shapes: list[bytes]) -> None:
    """Sort the shapes not seen before into those that stay and those that may not."""
    if len(_SAFE_SHAPES) + len(_UNSAFE_SHAPES) > _MAX_SEEN:
        _SAFE_SHAPES.clear()
        _UNSAFE_SHAPES.clear()
    for new in set(shapes).difference(_SAFE_SHAPES, _UNSAFE_SHAPES):
        (_SAFE_SHAPES if _shape_stays(new) else _UNSAFE_SHAPES).add(new)


def deglue(text: str) -> str:
    """`UBNDtỉnh Tây Ninhtổ chức` → `UBND tỉnh Tây Ninh tổ chức`; `5.800tỷđồng` → `5.800 tỷ đồng`;
    `so với323 mã` → `so với 323 mã`. Only words with Vietnamese letters are split, and only
    into whole syllables."""
    # Every rule looks within one whitespace-separated token (whitespace, like
    # the text's start or end, is neither a letter nor a digit), so the text
    # comes out token by token. Most tokens cannot change, as their shape shows
    # (a few thousand shapes, against tens of thousands of tokens): a text whose
    # shapes are all known to stay is settled by a few passes in C. The other
    # tokens are checked against those seen before, the new ones all at once,
    # joined by spaces, and one by one only when some of them change.
    try:
        shapes = codecs.charmap_encode(text, "strict", _STRIP_ENCODING)[0].translate(_SHAPES).split()
    except UnicodeEncodeError:  # a character not in the map: every token is looked at
        tokens = text.split()
    else:
        if _SAFE_SHAPES.issuperset(shapes):
            return text
        _new_shapes(shapes)
        # the same tokens as `text.split()` (whitespace is a space in the shape, and nothing else is)
        tokens = list(compress(text.split(), map(_UNSAFE_SHAPES.__contains__, shapes)))
    if _CLEAN.issuperset(tokens):
        return text
    if len(_CLEAN) + len(_WHOLE) + len(_SPLIT) + len(_GLUED_TOKENS) > _MAX_SEEN:
        _CLEAN.clear()
        _WHOLE.clear()
        _SPLIT.clear()
        _GLUED_TOKENS.clear()
    new = set(tokens).difference(_CLEAN)
    unseen = [token for token in new if token not in _GLUED_TOKENS]
    if unseen:
        joined = " ".join(unseen)
        if _deglue_all(joined) == joined:
            _CLEAN.update(unseen)
        else:
            for token in unseen:
                out = _deglue_all(token)
                if out == token:
                    _CLEAN.add(token)
                else:
                    _GLUED_TOKENS[token] = out
    glued = {token: _GLUED_TOKENS[token] for token in new if token in _GLUED_TOKENS}
    return _replace_tokens(text, glued) if glued else text


def format_number(value: float | int | None) -> str:
    """`100.0` → `100`, `259652.5` → `259652.5`, `1e-07` → `0.0000001`; never an exponent."""
    if value is None:
        return ""
    v = float(value)
    if v != v or v in (float("inf"), float("-inf")):
        return str(v)
    if v.is_integer() and abs(v) < 1e16:
        return str(int(v))
    text = repr(v)
    if "e" in text or "E" in text:
        text = format(Decimal(text), "f")
    return text


COMPARATOR_SIGNS = {">=": "≥", "<=": "≤", ">": ">", "<": "<", "~": "~", "=": ""}


def format_value(value: float | int | None, comparator: str | None = None) -> str:
    """A target's value for people: `≥ 90`, `~ 60`, `1715`."""
    number = format_number(value)
    if not number:
        return ""
    sign = COMPARATOR_SIGNS.get(comparator or "", comparator or "")
    return f"{sign} {number}".strip()


# C0 controls → the Unicode "control pictures" (␀ … ␟), DEL → ␡, C1 controls
# and bidirectional overrides → a `\\x9b`/`\\u202e` escape.
_ONE_LINE: dict[int, str] = {c: chr(0x2400 + c) for c in range(0x20)}
_ONE_LINE[0x7F] = "\u2421"
_ONE_LINE.update({c: f"\\x{c:02x}" for c in range(0x80, 0xA0)})
_ONE_LINE.update({c: f"\\u{c:04x}" for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))})
_ONE_LINE[0x2028] = "\u2424"  # line separator
_ONE_LINE[0x2029] = "\u2424"  # paragraph separator

_MULTI_LINE = dict(_ONE_LINE)
del _MULTI_LINE[0x0A]  # newline
del _MULTI_LINE[0x09]  # tab


def visible(text: str | None, *, multiline: bool = False) -> str:
    """`text` with every control character replaced by a visible stand-in.

    With `multiline`, newlines and tabs are kept (and `\\r\\n` becomes `\\n`).
    """
    if not text:
        return ""
    if multiline:
        return text.replace("\r\n", "\n").translate(_MULTI_LINE)
    return text.translate(_ONE_LINE)
