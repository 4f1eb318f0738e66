"""The gazetteer: 63 pre-2025 provinces, the 34 units after the 2025 merger,
and the names people write them by, with or without diacritics.

Data lives in `data/provinces.json` (built from vietnamadminunits by
`data/build_provinces.py`); this module only matches.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .text import fold, fold_key, line_starts, strip_marks, strip_marks_aligned

_TOKEN = re.compile(r"\w+")
MERGER_DATE = "2025-07-01"  # the 63 provinces became 34 units


@dataclass(frozen=True)
class Province:
    code: str
    name: str  # current short name, as the library gives it (`Huế`, `Đắk Lắk`)
    name_before: str | None  # the name before `renamed_on` (`Thừa Thiên Huế`)
    renamed_on: str | None
    new_name: str  # the 2025 unit it belongs to
    aliases: tuple[str, ...]

    def name_at(self, date: str | None) -> str:
        """The unit's name on `date` (YYYY-MM-DD or a prefix; None means before):
        from the 2025 merger on, the name of the unit it became part of."""
        if date and date[:10] >= MERGER_DATE[: len(date[:10])] and len(date) >= 7:
            return self.new_name
        if self.name_before and (date is None or date < (self.renamed_on or "")):
            return self.name_before
        return self.name


@dataclass(frozen=True)
class Mention:
    province: Province
    start: int
    end: int
    text: str


@lru_cache(maxsize=1)
def all_provinces() -> tuple[Province, ...]:
    raw = json.loads(resources.files(__package__).joinpath("data/provinces.json").read_text(encoding="utf-8"))
    return tuple(
        Province(
            code=r["code"],
            name=r["name"],
            name_before=r["name_before"],
            renamed_on=r["renamed_on"],
            new_name=r["new_name"],
            aliases=tuple(r["aliases"]),
        )
        for r in raw
    )


@lru_cache(maxsize=1)
def provinces_by_code() -> dict[str, Province]:
    return {p.code: p for p in all_provinces()}


def unit_code(prov: Province) -> str:
    """The code under which the 2025 unit a province joined is filed: the
    code of the old province that gave the new unit its name."""
    for p in all_provinces():
        if p.name == prov.new_name:
            return p.code
    return prov.code


@lru_cache(maxsize=1)
def _alias_index() -> dict[str, list[tuple[tuple[str, ...], Province]]]:
    """First folded token → [(folded alias tokens, province)], longest first."""
    index: dict[str, list[tuple[tuple[str, ...], Province]]] = {}
    for prov in all_provinces():
        names = set(prov.aliases) | {prov.name} | ({prov.name_before} if prov.name_before else set())
        for alias in names:
            tokens = tuple(_TOKEN.findall(fold(alias)))
            if tokens and tokens[0] != "tinh" and tokens[:2] != ("thanh", "pho"):
                index.setdefault(tokens[0], []).append((tokens, prov))
    for entries in index.values():
        entries.sort(key=lambda e: -len(e[0]))
    return index


@lru_cache(maxsize=1)
def _by_name() -> dict[str, Province]:
    """Folded name → province, for every name a unit goes by."""
    out: dict[str, Province] = {}
    for prov in all_provinces():
        for alias in (*prov.aliases, prov.name, prov.name_before or ""):
            if alias:
                out.setdefault(fold_key(alias), prov)
    return out


@lru_cache(maxsize=1)
def _districts() -> dict[str, Province]:
    """Folded `type name` of a district no other province shares → its province
    (`huyen sa thay` → Kon Tum), from `data/districts.json` (it lists the others too)."""
    by_code = {p.code: p for p in all_provinces()}
    raw = json.loads(resources.files(__package__).joinpath("data/districts.json").read_text(encoding="utf-8"))
    return {fold_key(f"{r['type']} {r['name']}"): by_code[r["code"]] for r in raw if r["code"]}


@lru_cache(maxsize=1)
def district_names() -> frozenset[str]:
    """The name of every district before 2025, as written (`Hoàng Mai`, `Châu Thành`)."""
    raw = json.loads(resources.files(__package__).joinpath("data/districts.json").read_text(encoding="utf-8"))
    return frozenset(r["name"] for r in raw)


# its first letter first: the engine jumps to those (a pattern that opens with a
# look-behind is tried at every character), then checks what stands before
_DISTRICT_HEAD = re.compile(
    r"[HhQqTt](?<!\w.)(?:(?i:(?<=[Hh])uyện|(?<=[Qq])uận|(?<=[Tt])hị xã|(?<=[Tt])hành phố)|(?<=T)P\.?)\s{1,2}"
)
_NAME_WORD = re.compile(r"\w+")


def find_district_mentions(text: str) -> list[Mention]:
    """Districts named with their type (`huyện Sa Thầy`, `TP Buôn Ma Thuột`),
    each as a mention of its province; only names one province has."""
    if "TP" not in text:  # most paragraphs name no district: four substring tests say so
        lowered = text.lower()
        if not ("huyện" in lowered or "quận" in lowered or "thị xã" in lowered or "thành phố" in lowered):
            return []
    districts = _districts()
    out: list[Mention] = []
    for m in _DISTRICT_HEAD.finditer(text):
        kind = fold_key(m.group(0))
        kind = "thanh pho" if kind == "tp" else kind
        words: list[re.Match[str]] = []
        pos = m.end()
        while len(words) < 4:
            w = _NAME_WORD.match(text, pos)
            if not w or not _capitalised(w.group(0)):
                break
            words.append(w)
            pos = w.end() + 1
            if text[w.end() : pos] != " ":
                break
        for k in range(len(words), 0, -1):
            prov = districts.get(kind + " " + fold_key(" ".join(w.group(0) for w in words[:k])))
            if prov is not None:
                end = words[k - 1].end()
                out.append(Mention(prov, m.start(), end, text[m.start() : end]))
                break
    return out


def find_district_mentions_each(texts: list[str]) -> list[list[Mention]]:
    """`[find_district_mentions(t) for t in texts]`; none at all where the texts
    together hold none of the words its first test looks for (lower case, as
    each text's is, is the same joined: no letter of these words changes with
    what stands next to it)."""
    joined = "\n".join(texts)
    if "TP" not in joined:
        lowered = joined.lower()
        if not ("huyện" in lowered or "quận" in lowered or "thị xã" in lowered or "thành phố" in lowered):
            return [[] for _ in texts]
    return [find_district_mentions(t) for t in texts]


def resolve(name: str) -> Province | None:
    """A province from any of its names, typed with or without diacritics or a
    `tỉnh`/`thành phố`/`TP` prefix: `hue`, `Thừa Thiên Huế`, `TP.HCM`, `dak lak`."""
    by_name = _by_name()
    key = fold_key(name)
    for prefix in ("tinh ", "thanh pho ", "tp "):
        if key.startswith(prefix) and key[len(prefix) :] in by_name:
            key = key[len(prefix) :]
            break
    return by_name.get(key)


def _capitalised(word: str) -> bool:
    return word[:1].isupper() or word[:1].isdigit()


@lru_cache(maxsize=1)
def _alias_pattern() -> re.Pattern[str]:
    """Every alias in one expression over the text without its diacritics:
    a trie of whole words, each word capitalised (`Hòa Bình`, not `hòa bình`),
    longest first. Each branch opens with a capital letter, so the regex engine
    jumps from capital to capital."""
    trie: dict = {}
    for entries in _alias_index().values():
        for tokens, _prov in entries:
            node = trie
            for t in tokens:
                node = node.setdefault(t, {})
            node[""] = {}

    def word(token: str) -> tuple[str, str]:
        head, rest = token[0], token[1:]
        head = re.escape(head.upper()) if head.isalpha() else re.escape(head)
        return head, (f"(?i:{re.escape(rest)})" if rest else "")

    def branches(node: dict) -> list[tuple[str, str]]:
        """Each branch as its first character and the rest."""
        alts = []
        for token in sorted((t for t in node if t), key=len, reverse=True):
            child = node[token]
            rest = {k: v for k, v in child.items() if k}
            longer = f"\\W+{build(rest)}" if rest else None
            end = r"(?!\w)" if "" in child else None
            tail = "|".join(x for x in (longer, end) if x)
            head, body = word(token)
            alts.append((head, body + (f"(?:{tail})" if "|" in tail else tail)))
        return alts

    def build(node: dict) -> str:
        return "(?:" + "|".join(head + body for head, body in branches(node)) + ")"

    # At the top, the branches grouped by their first letter, in their order:
    # at a capital the engine tries the one group it opens, not every branch
    # (two branches with different first letters never match at one place).
    groups: dict[str, list[str]] = {}
    for head, body in branches(trie):
        groups.setdefault(head, []).append(body)
    return re.compile(
        "|".join(
            head + r"(?<!\w.)" + (bodies[0] if len(bodies) == 1 else "(?:" + "|".join(bodies) + ")")  # a whole word
            for head, bodies in groups.items()
        )
    )


# Names that hold a province's name but are something else, as matched (without diacritics).
_NOT_PROVINCE = re.compile(r"(?<!\w)Thai Binh Duong(?!\w)")


def find_mentions(text: str) -> list[Mention]:
    """Every place in `text` where a province is named (capitalised words, so
    `hòa bình` the word is not `Hòa Bình` the province)."""
    plain = strip_marks(text)
    if len(plain) != len(text):  # a letter that is not one letter without its marks: word by word
        return _find_mentions_by_word(text)
    out: list[Mention] = []
    not_here = [n.span() for n in _NOT_PROVINCE.finditer(plain)] if "Duong" in plain else []
    for m in _alias_pattern().finditer(plain):
        start, end = m.span()
        if any(a <= start < b for a, b in not_here):
            continue  # `Thái Bình Dương`: the Pacific, not Thái Bình
        prov = _alias_provinces().get(fold_key(m.group(0)))
        if prov is not None:
            out.append(Mention(prov, start, end, text[start:end]))
    return out


# the texts `plain_text` joined last, and their text without marks
_PLAIN_LAST: tuple[str, str | None] = ("", "")


def plain_text(texts: list[str]) -> str | None:
    """`strip_marks_aligned` of the texts joined by line breaks. The last answer
    is kept: the loader asks again for the one of an article's title and
    paragraphs, in which `find_mentions_each` found its provinces (the words
    of its event's search row)."""
    global _PLAIN_LAST
    joined = "\n".join(texts)
    last = _PLAIN_LAST
    if joined == last[0]:
        return last[1]
    plain = strip_marks_aligned(joined)
    _PLAIN_LAST = (joined, plain)
    return plain


def find_mentions_each(texts: list[str]) -> list[list[Mention]]:
    """`[find_mentions(t) for t in texts]`, in one search over the texts joined by
    line breaks. Where each character is one without its marks (`strip_marks`'
    quick path), a match that lies within one text is the one found in it alone
    (the line break stands where its start or end would, for a look at the
    character before or after: it is no word character). A match may run on
    across a line break (the pattern allows any non-word characters between
    words): then each text is searched alone."""
    plain = plain_text(texts)
    if plain is None:
        return [find_mentions(t) for t in texts]
    out: list[list[Mention]] = [[] for _ in texts]
    starts = line_starts(texts)
    not_here = [n.span() for n in _NOT_PROVINCE.finditer(plain)] if "Duong" in plain else []
    for m in _alias_pattern().finditer(plain):
        start, end = m.span()
        i = bisect_right(starts, start) - 1
        at = starts[i]
        if end > at + len(texts[i]):
            return [find_mentions(t) for t in texts]
        if any(a <= start < b for a, b in not_here):
            continue  # `Thái Bình Dương`: the Pacific, not Thái Bình
        prov = _alias_provinces().get(fold_key(m.group(0)))
        if prov is not None:
            out[i].append(Mention(prov, start - at, end - at, texts[i][start - at : end - at]))
    return out


@lru_cache(maxsize=1)
def _alias_provinces() -> dict[str, Province]:
    return {" ".join(tokens): prov for entries in _alias_index().values() for tokens, prov in entries}


def _find_mentions_by_word(text: str) -> list[Mention]:
    index = _alias_index()
    words = [(m.start(), m.end(), m.group(0)) for m in _TOKEN.finditer(text)]
    folded = [fold(w[2]) if _capitalised(w[2]) else "" for w in words]
    out: list[Mention] = []
    i = 0
    while i < len(words):
        if not folded[i]:
            i += 1
            continue
        hit = None
        for tokens, prov in index.get(folded[i], ()):
            n = len(tokens)
            if tuple(folded[i : i + n]) == tokens and all(_capitalised(w[2]) for w in words[i : i + n]):
                hit = (n, prov)
                break
        if hit:
            n, prov = hit
            start, end = words[i][0], words[i + n - 1][1]
            if not _NOT_PROVINCE.match(fold_key(" ".join(w[2] for w in words[i : i + n + 1])).title()):
                out.append(Mention(prov, start, end, text[start:end]))
            i += n
        else:
            i += 1
    return out
