"""Fixed translations for official terms and verbatim names, enforced around any MT model.

Why placeholders, and why these ones: generic vi->en models (opus-mt, vinai-translate) render
titles inconsistently ("Party General Secretary", "Secretary-General", "Tong Bi thu") and often
anglicise or drop diacritics from names. Editors need the house terms, so terms are taken out
of the model's hands entirely:

1. `protect` replaces every glossary term and every protected name in a source sentence with a
   placeholder `ZXQ<n>`. Tags such as `<g0>` or `__0__` are split into punctuation pieces by
   SentencePiece and routinely mangled or dropped by Marian/mBART; a short all-caps Latin
   letter-and-digit string is instead copied through, the same way these models copy unknown
   acronyms and numbers. Such a string never occurs in Vietnamese text, so it cannot collide.
2. `restore` puts the English term (or the name, verbatim) back in place of each placeholder,
   tolerating the light damage models do to copied strings (case changes, "ZXQ 0").
3. Placeholders the model dropped are NOT re-inserted at a guessed position: appending a term
   to the end of a sentence would produce a wrong sentence that looks right. Instead
   `restore_report` returns the lost slots so the translator can count and report them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

from pipeline.names import COMMON_WORD_SURNAMES, SURNAMES
from pipeline.unicode_forms import nfc

PLACEHOLDER_PREFIX = "ZXQ"
_PLACEHOLDER_RE = re.compile(r"z\s?x\s?q\s?(\d+)", re.IGNORECASE)
_WORD_RE = re.compile(r"[^\W\d_]+")

# Person names are protected from translation; the surname list is the project's one list
# (pipeline.names), minus surnames that also start ordinary capitalised phrases ("Từ", "Ông").
VIETNAMESE_SURNAMES = SURNAMES - COMMON_WORD_SURNAMES
# A diacritic-free word that is also a well-formed Vietnamese syllable ("Nga", "Theo", "Long")
# is not evidence of a foreign name: "Tổng thống Nga Vladimir Putin" must keep "Nga" (Russia)
# out of the protected name.
_VIETNAMESE_ASCII_SYLLABLE = re.compile(
    r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?"
    r"(?:uye|uya|uyu|oai|oay|oeo|uay|uoi|ieu|yeu|ai|ao|au|ay|eo|eu|ia|iu|oa|oe|oi|oo|ua|ue|ui"
    r"|uo|uy|ya|ye|[aeiouy])"
    r"(?:ch|ng|nh|[cmnpt])?",
    re.IGNORECASE,
)
_MAX_NAME_WORDS = 4


class GlossaryError(ValueError):
    """The glossary file is missing or malformed; the message names the file and the problem."""


@dataclass(frozen=True)
class Slot:
    """One protected span: what the source said and what must appear in the English text."""

    placeholder: str
    source: str
    target: str
    kind: str  # "term" (glossary entry) | "name" (kept verbatim)


def _is_title_word(word: str) -> bool:
    return word[0].isupper() and (len(word) == 1 or word[1:].islower())


class Glossary:
    """Protects terms and names in source sentences and restores them in translations."""

    def __init__(
        self,
        terms: Mapping[str, str],
        keep: Iterable[str] = (),
        detect_names: bool = True,
    ) -> None:
        self.terms = {nfc(k).strip(): v.strip() for k, v in terms.items() if k.strip()}
        self.keep = tuple(nfc(name).strip() for name in keep if name.strip())
        self.detect_names = detect_names
        targets = dict(self.terms)
        for name in self.keep:
            targets.setdefault(name, name)
        self._targets = targets
        self._kinds = {k: ("term" if k in self.terms else "name") for k in targets}
        self._lookup = {self._key(k): k for k in targets}
        self._pattern = self._compile(targets) if targets else None

    @staticmethod
    def _key(text: str) -> str:
        return " ".join(text.split())

    @staticmethod
    def _compile(sources: Iterable[str]) -> re.Pattern[str]:
        # Longest first so "Phó Thủ tướng" wins over "Thủ tướng"; whitespace inside a term may
        # vary in scraped text ("TP.  Hồ Chí Minh").
        alternatives = [
            r"\s+".join(re.escape(part) for part in source.split())
            for source in sorted(sources, key=len, reverse=True)
        ]
        return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)")

    @classmethod
    def from_yaml(cls, path: str | Path) -> Glossary:
        path = Path(path)
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except FileNotFoundError as exc:
            raise GlossaryError(f"glossary file {path} does not exist") from exc
        except OSError as exc:
            raise GlossaryError(f"cannot read glossary file {path}: {exc}") from exc
        except yaml.YAMLError as exc:
            raise GlossaryError(f"glossary file {path} is not valid YAML: {exc}") from exc
        data = data or {}
        if not isinstance(data, dict):
            raise GlossaryError(f"glossary file {path} must be a mapping with 'terms' and 'keep'")
        unknown = set(data) - {"terms", "keep", "detect_names"}
        if unknown:
            raise GlossaryError(
                f"glossary file {path}: unknown key(s) {', '.join(sorted(unknown))} "
                "(allowed: detect_names, keep, terms)"
            )
        terms = data.get("terms") or {}
        if not isinstance(terms, dict) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in terms.items()
        ):
            raise GlossaryError(
                f"glossary file {path}: 'terms' must map Vietnamese to English text"
            )
        keep = data.get("keep") or []
        if not isinstance(keep, list) or not all(isinstance(n, str) for n in keep):
            raise GlossaryError(f"glossary file {path}: 'keep' must be a list of names")
        detect = data.get("detect_names", True)
        if not isinstance(detect, bool):
            raise GlossaryError(f"glossary file {path}: 'detect_names' must be true or false")
        return cls(terms, keep, detect)

    def __len__(self) -> int:
        return len(self._targets)

    def protect(self, text: str) -> tuple[str, tuple[Slot, ...]]:
        """Replace terms and names by placeholders; the slots say what each one stands for."""
        text = nfc(text)
        slots: list[Slot] = []

        def add(source: str, target: str, kind: str) -> str:
            placeholder = f"{PLACEHOLDER_PREFIX}{len(slots)}"
            slots.append(Slot(placeholder, source, target, kind))
            return placeholder

        if self._pattern is not None:

            def replace(match: re.Match[str]) -> str:
                source = self._lookup[self._key(match.group(0))]
                return add(match.group(0), self._targets[source], self._kinds[source])

            text = self._pattern.sub(replace, text)
        if self.detect_names:
            pieces: list[str] = []
            last = 0
            for start, end in find_names(text):
                pieces.append(text[last:start])
                name = text[start:end]
                pieces.append(add(name, name, "name"))
                last = end
            pieces.append(text[last:])
            text = "".join(pieces)
        return text, tuple(slots)

    def restore(self, text: str, slots: Sequence[Slot]) -> str:
        return self.restore_report(text, slots)[0]

    def restore_report(self, text: str, slots: Sequence[Slot]) -> tuple[str, tuple[Slot, ...]]:
        """Put targets back; also return the slots whose placeholder the model dropped."""
        seen: set[int] = set()

        def replace(match: re.Match[str]) -> str:
            index = int(match.group(1))
            if index >= len(slots):
                return ""  # a placeholder the model invented: no term stands behind it
            seen.add(index)
            return slots[index].target

        restored = _PLACEHOLDER_RE.sub(replace, text)
        if len(seen) != len(slots) or "  " in restored:
            restored = re.sub(r"[ \t]{2,}", " ", restored).strip()
        lost = tuple(slot for i, slot in enumerate(slots) if i not in seen)
        return restored, lost


def find_names(text: str) -> list[tuple[int, int]]:
    """Character spans of likely person names in `text` (see the surname and ASCII rules)."""
    spans: list[tuple[int, int]] = []
    for run in _capitalised_runs(text):
        words = [text[s:e] for s, e in run]
        span = _vietnamese_name(words) or _foreign_name(words)
        if span is not None:
            first, last = span
            spans.append((run[first][0], run[last][1]))
    return spans


def _capitalised_runs(text: str) -> list[list[tuple[int, int]]]:
    """Maximal runs of title-case words separated by exactly one space."""
    runs: list[list[tuple[int, int]]] = []
    current: list[tuple[int, int]] = []
    for match in _WORD_RE.finditer(text):
        word = match.group(0)
        joined = bool(current) and text[current[-1][1] : match.start()] == " "
        if _is_title_word(word):
            if current and not joined:
                runs.append(current)
                current = []
            current.append(match.span())
        elif current:
            runs.append(current)
            current = []
    if current:
        runs.append(current)
    return [run for run in runs if len(run) >= 2]


def _vietnamese_name(words: list[str]) -> tuple[int, int] | None:
    for i, word in enumerate(words[:-1]):
        if word in VIETNAMESE_SURNAMES:
            return i, min(len(words), i + _MAX_NAME_WORDS) - 1
    return None


def _foreign_name(words: list[str]) -> tuple[int, int] | None:
    # Trailing words without Vietnamese diacritics ("Hàn Quốc Lee Jae Myung" -> "Lee Jae Myung"),
    # minus leading ones that read as Vietnamese syllables.
    end = len(words)
    start = end
    while start > 0 and words[start - 1].isascii():
        start -= 1
    while start < end and _VIETNAMESE_ASCII_SYLLABLE.fullmatch(words[start]):
        start += 1
    if end - start >= 2:
        return start, end - 1
    return None
