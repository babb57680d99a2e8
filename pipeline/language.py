"""Which language an article is in: only Vietnamese written with its diacritics is briefed.

py3langid (a maintained fork of langid.py; its 97-language naive Bayes model ships inside the
4.6 MB wheel, ~1 ms per article, deterministic) names the language. Undiacritised Vietnamese is
still "vi" to it, so the share of words carrying Vietnamese letters splits it off: a brief made
from text without tone marks would be a guess, not a translation. French or Spanish accents
alone never pass (the old check accepted them at 20-25 %): the identifier must say Vietnamese.
Measured by bench/language_eval.py.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from functools import lru_cache

from pipeline.decode import vietnamese_word_share

VIETNAMESE = "vi"
NO_DIACRITICS = "vi-nodiac"
# Vietnamese news: 0.5-0.7 of words carry a Vietnamese letter; undiacritised text 0.0-0.05.
MIN_VIETNAMESE_WORD_SHARE = 0.2
# Undiacritised text is called Vietnamese when "vi" is among the model's top 4 with at least 5 %
# (set on bench/language_eval.py's data: 186 of 188 named, none of 548 other paragraphs).
NODIAC_TOP, NODIAC_MIN_PROB = 4, 0.05
MAX_CHARS = 6000  # the first pages of an article decide its language; keeps the check ~1 ms

LANGUAGE_NAMES = {
    "vi": "Vietnamese",
    NO_DIACRITICS: "Vietnamese without diacritics",
    "en": "English",
    "fr": "French",
    "es": "Spanish",
    "pt": "Portuguese",
    "id": "Indonesian",
    "ms": "Malay",
    "tl": "Tagalog",
    "de": "German",
    "it": "Italian",
    "nl": "Dutch",
    "zh": "Chinese",
    "ja": "Japanese",
    "ko": "Korean",
    "th": "Thai",
    "lo": "Lao",
    "km": "Khmer",
    "ru": "Russian",
    "ca": "Catalan",
    "gl": "Galician",
    "ro": "Romanian",
    "pl": "Polish",
    "tr": "Turkish",
    "jv": "Javanese",
    "und": "undetermined",
}


@dataclass(frozen=True)
class LanguageGuess:
    code: str  # ISO 639-1 from the identifier, or NO_DIACRITICS
    confidence: float  # the identifier's probability for its label
    vietnamese_share: float  # words carrying Vietnamese letters

    @property
    def name(self) -> str:
        return LANGUAGE_NAMES.get(self.code, self.code)

    @property
    def is_vietnamese(self) -> bool:
        return self.code == VIETNAMESE


_LOAD_LOCK = threading.Lock()  # a caller arriving during a background load waits for it


def _identifier():
    with _LOAD_LOCK:
        return _load_identifier()


@lru_cache(maxsize=1)
def _load_identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def load_identifier(background: bool = False) -> None:
    """Load the language model now (~0.3 s, once per process) rather than in the first article.

    In the background it overlaps whatever the caller does next (`vnbrief run`: the Prefect
    server's boot and imports); its lzma decompression releases the GIL.
    """
    if background:
        threading.Thread(target=_identifier, name="langid-load", daemon=True).start()
    else:
        _identifier()


def identify(text: str) -> LanguageGuess:
    sample = text[:MAX_CHARS]
    share = vietnamese_word_share(sample)
    ranked = _identifier().rank(sample)
    code, confidence = ranked[0]
    if share < MIN_VIETNAMESE_WORD_SHARE and any(
        lang == VIETNAMESE and p >= NODIAC_MIN_PROB for lang, p in ranked[:NODIAC_TOP]
    ):
        # Without tone marks Vietnamese sometimes looks Acehnese or Bikol to the model, but
        # Vietnamese stays near the top; no other language put it there (bench: 0 of 548).
        code = NO_DIACRITICS
    return LanguageGuess(code=code, confidence=float(confidence), vietnamese_share=share)


def describe_skip(guess: LanguageGuess) -> str:
    """The report's reason for a non-Vietnamese article."""
    if guess.code == NO_DIACRITICS:
        return (
            f"Vietnamese written without diacritics ({guess.vietnamese_share:.0%} of words carry "
            f"Vietnamese letters, at least {MIN_VIETNAMESE_WORD_SHARE:.0%} needed): a brief would "
            "have to guess the tones"
        )
    return f"not Vietnamese: detected {guess.name} ({guess.confidence:.0%} confidence)"
