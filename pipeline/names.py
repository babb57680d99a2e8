"""Vietnamese person names: the project's one surname list and the name-shape predicates.

Used by the cleaner (bylines, photo credits, portrait captions, quote attributions) and by the
translation glossary (``models.glossary`` protects names from translation). One list, so the two
never disagree about who is a person.
"""

from __future__ import annotations

import re

# Common family names, capitalised. A capitalised run starting with one of these is a person's
# name ("Nguyễn Phú Trọng"), whereas "Phủ Chủ tịch" or "Bộ Ngoại giao" are institutions.
# fmt: off
SURNAMES: frozenset[str] = frozenset({
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ",
    "Hồ", "Ngô", "Dương", "Lý", "Tô", "Lương", "Đinh", "Trịnh", "Đào", "Mai", "Cao", "Lâm", "Hà",
    "Tạ", "Trương", "Quách", "Chu", "Thái", "Kiều", "Triệu", "Doãn", "Đoàn", "Lại", "Lưu", "Mạc",
    "Nghiêm", "Phùng", "Tăng", "Tống", "Vương", "Giáp", "Âu", "La", "Hứa", "Châu", "Thân",
    "Thạch", "Khổng", "Lã", "Lò", "Quan",
    # rarer surnames that are also frequent capitalised common words (see below)
    "Từ", "Đồng", "Giang", "Tôn", "Khúc", "Kim", "Ông", "Phí", "Ninh", "Nông", "Lục",
})
# Surnames that also start ordinary capitalised phrases ("Từ năm 2020", "Ông cho biết",
# "Đồng bằng", "Kim ngạch"): the glossary, which scans running text, leaves them out; the
# cleaner, which judges whole short lines, keeps them.
COMMON_WORD_SURNAMES: frozenset[str] = frozenset({
    "Từ", "Đồng", "Giang", "Tôn", "Khúc", "Kim", "Ông", "Phí", "Ninh", "Nông", "Lục",
})
# fmt: on
_SURNAME_KEYS = frozenset(s.casefold() for s in SURNAMES)


def is_surname(word: str) -> bool:
    return word.casefold() in _SURNAME_KEYS


def _words(text: str) -> list[str]:
    return text.split()


def _is_name_token(tok: str, allow_caps: bool) -> bool:
    core = tok.strip(".")
    if not core or len(core) > 12 or not core.replace("-", "").replace("'", "").isalpha():
        return False
    if allow_caps and core.isupper():
        return True
    return core[0].isupper() and (len(core) == 1 or core[1:].islower() or "-" in core)


_NAME_SPLIT_RE = re.compile(r"\s*(?:\s[-–—]\s|[-–—]|,|&|/|\svà\s|\sand\s)\s*")


_GLUED_INITIAL_RE = re.compile(r"(?<![\w.])([A-ZĐ])\.(?=[A-ZĐ][a-zà-ỹđ])")


def is_person_name(text: str) -> bool:
    """One name: 2-5 capitalised syllables ("Ngọc Ánh", "NGỌC AN", "Thongloun Sisoulith"); an
    initial may be glued to the next syllable ("T.Lộc" reads as "T. Lộc")."""
    toks = _words(_GLUED_INITIAL_RE.sub(r"\1. ", text))
    if not 2 <= len(toks) <= 5:
        return False
    caps = all(t.strip(".").isupper() for t in toks)
    return all(_is_name_token(t, caps) for t in toks)


def is_names_line(text: str) -> bool:
    """One to four person names joined by "-", ",", "&", "và" (a typical byline body)."""
    parts = [p for p in _NAME_SPLIT_RE.split(text.strip()) if p]
    if not 1 <= len(parts) <= 4:
        return False
    return all(is_person_name(p) for p in parts)


def is_full_name(text: str) -> bool:
    """A Vietnamese full name (surname first, 2-5 syllables): "Nguyễn Thị Hằng"."""
    toks = _words(text)
    return is_person_name(text) and len(toks) >= 2 and is_surname(toks[0])


def is_titled_name(text: str) -> bool:
    """Role words then a full name, nothing else: "Nghệ nhân nhân dân Lê Minh Tâm", "Giám đốc
    Sở Y tế Nguyễn Văn A" (a pull-quote attribution or a portrait caption)."""
    if re.search(r"[\d.,:;!?“”\"()/&]|\s[-–—]\s", text):
        return False
    toks = _words(text)
    if not 3 <= len(toks) <= 12:
        return False
    for k in range(2, 5):  # the name is the last 2-4 syllables
        name, role = toks[-k:], toks[:-k]
        if role and is_full_name(" ".join(name)) and not is_person_name(" ".join(role)):
            return role[0][:1].isupper()
    return False


# fmt: off
HONORIFICS = (
    "Ông", "Bà", "Anh", "Chị", "Cô", "Thầy", "Đồng chí", "Ngài", "Cụ", "Chú", "Bác sĩ", "BS.",
    "Giáo sư", "GS.", "GS.TS", "GS.TSKH", "PGS.TS", "PGS.TS.", "PGS.", "TS.", "ThS.", "Luật sư",
    "LS.", "Nhà báo", "Nhà văn", "Nhà thơ", "NSND", "NSƯT", "Nghệ sĩ", "Đại tướng",
    "Thượng tướng", "Trung tướng", "Thiếu tướng", "Đại tá", "Thượng tá", "Trung tá", "Thiếu tá",
    "Đại úy", "Tổng Bí thư", "Chủ tịch nước", "Chủ tịch", "Thủ tướng", "Phó Thủ tướng",
    "Bộ trưởng", "Thứ trưởng", "Đại sứ", "Tổng thống", "Tiến sĩ", "Thạc sĩ", "Kỹ sư",
    "Hòa thượng", "Linh mục", "Em", "Bé", "Mr.", "Ms.", "Mrs.", "Dr.",
)
# fmt: on
_HONORIFIC_RE = re.compile(
    r"^(?:" + "|".join(re.escape(h) for h in sorted(HONORIFICS, key=len, reverse=True)) + r")\s+"
)
# Common nouns that open a place's name and never a person's ("Biển Phước Hải, Bà Rịa – Vũng
# Tàu", "Đảo Phú Quý, Bình Thuận"): a travel list's subheadings, not a portrait's caption
# fmt: off
_PLACE_NOUNS = frozenset({
    "biển", "đảo", "núi", "sông", "vịnh", "bãi", "đèo", "thác", "hang", "động", "chùa", "đền",
    "phố", "chợ", "làng", "bản", "xã", "huyện", "tỉnh", "quận", "phường", "cầu", "đồi", "rừng",
    "suối", "đầm", "phá", "mũi",
})
# fmt: on
# fmt: off
_VERB_CUES = {
    "cho", "biết", "nói", "khẳng", "định", "nhấn", "mạnh", "rằng", "đề", "nghị", "yêu", "cầu",
    "chia", "sẻ", "phát", "biểu", "đã", "sẽ", "đang", "là", "được", "bị", "cũng", "vẫn",
    "không", "rất", "hỏi", "trả", "lời", "kể", "bày", "tỏ", "đánh", "giá", "nêu", "tin",
    "muốn", "thấy", "nên", "cần", "phải",
}
# fmt: on


def _titled_name(text: str) -> str:
    """The full name ending a "<office words> <Surname Given>" run, else the text unchanged."""
    toks = _words(text)
    for n in (4, 3, 2):
        if len(toks) - n < 1 or len(toks) - n > 8:
            continue
        tail = " ".join(toks[-n:])
        if is_full_name(tail):
            return tail
    return text


def person_title_parts(text: str) -> tuple[str, str] | None:
    """(name, titles) for a line that is only a person and their titles, else None.

    "Ông Hoàng Bình Quân, Ủy viên Trung ương Đảng, Trưởng Ban Đối ngoại Trung ương." and
    "- Bà Nguyễn Thị A, giáo viên" qualify; "Ông X cho biết, ..." (a sentence) does not.
    """
    s = text.strip().lstrip("-–—•* ").strip("()").rstrip(" .")
    if not s or len(_words(s)) > 28 or s.endswith(":") or re.search(r"[“”\"?!;]", s):
        return None
    head, _, titles = s.partition(",")
    if re.match(r"^(?:theo|nguồn)\b", head, re.IGNORECASE):
        return None  # "Theo Forbes, Newsweek": a source credit, not a person
    honor = _HONORIFIC_RE.match(head)
    name = head[honor.end() :] if honor else head
    if not is_person_name(name.strip()) and honor:
        name = _titled_name(name)  # "Chủ tịch Quốc hội Trần Thanh Mẫn": titles, then the name
    if not is_person_name(name.strip()):
        return None
    if not honor and name.split()[0].casefold() in _PLACE_NOUNS:
        return None
    if not honor and not titles.strip():
        return None  # a bare name is a byline candidate, decided by position
    lowered = [w.casefold().strip(".,()") for w in _words(titles) if not w[:1].isupper()]
    if any(w in _VERB_CUES for w in lowered):
        return None
    return name.strip(), titles.strip()


def leads_with_person(text: str) -> bool:
    """The line opens with a person who then does something: office words and a full name
    ("Phó Chủ tịch UBND phường Nghĩa Đô Phan Thị Thu Hà phát biểu ..."), a full name ("Nguyễn
    Văn A trao quà ..."), or an honorific and a name ("Ông Tám đầu tư ..."); at least two words
    follow the name. How a photo caption names who is in the picture."""
    toks = _words(text)
    for end in range(2, min(len(toks) - 1, 14)):
        for n in (4, 3, 2):
            if end - n < 0 or not is_full_name(" ".join(toks[end - n : end]).rstrip(",")):
                continue
            role = toks[: end - n]
            if len(toks) - end >= 2 and (not role or role[0][:1].isupper()):
                return True
    honor = _HONORIFIC_RE.match(text)
    rest = _words(text[honor.end() :]) if honor else []
    return len(rest) >= 3 and rest[0][:1].isupper()
