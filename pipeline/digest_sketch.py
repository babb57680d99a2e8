"""A small fingerprint of an article body, kept in its brief, to find wire copies later.

The digest sees only what briefs hold, and a brief holds a summary, not the body; two outlets
trimming one wire text differently get different summaries. So each brief carries a bottom-k
sketch of its body's word 5-grams: the k smallest 32-bit hashes plus the number of distinct
5-grams. Two sketches estimate how much of the shorter body lies inside the other (containment),
the measure that recognises a trimmed copy. Exact when a body has fewer than k 5-grams.
"""

from __future__ import annotations

import hashlib
import re

from pipeline.clean_rules import normalize

SKETCH_SIZE = 64  # WHY: ~±0.06 error on containment near the wire-copy cut, 512 hex characters
SHINGLE_SYLLABLES = 5  # WHY: a 5-syllable run is rarely shared by chance, yet survives light edits
_SYLLABLE = re.compile(r"\w+")

Sketch = tuple[int, tuple[int, ...]]  # (distinct 5-grams, smallest hashes ascending)


def syllables(text: str, *, lower: bool = True) -> list[str]:
    """Runs of letters/digits of the normalised text; `lower=False` keeps case for name spotting."""
    text = normalize(text)
    return _SYLLABLE.findall(text.lower() if lower else text)


def shingles(text: str, size: int = SHINGLE_SYLLABLES) -> frozenset[tuple[str, ...]]:
    syl = syllables(text)
    return frozenset(tuple(syl[i : i + size]) for i in range(max(0, len(syl) - size + 1)))


def _hash(shingle: tuple[str, ...]) -> int:
    digest = hashlib.blake2b(" ".join(shingle).encode("utf-8"), digest_size=4).digest()
    return int.from_bytes(digest, "big")


def body_sketch(text: str) -> Sketch:
    hashes = sorted({_hash(sh) for sh in shingles(text)})
    return len(hashes), tuple(hashes[:SKETCH_SIZE])


def encode(sketch: Sketch) -> str:
    count, hashes = sketch
    return f"{count}:" + "".join(f"{h:08x}" for h in hashes)


def decode(text: object) -> Sketch | None:
    """None for a missing or malformed value (an older brief): the caller falls back."""
    if not isinstance(text, str) or ":" not in text:
        return None
    count, _, hexes = text.partition(":")
    try:
        hashes = tuple(int(hexes[i : i + 8], 16) for i in range(0, len(hexes), 8))
        return int(count), hashes
    except ValueError:
        return None


def containment(a: Sketch, b: Sketch) -> float:
    """Estimated share of the smaller body's 5-grams found in the other body."""
    (na, ha), (nb, hb) = a, b
    if not na or not nb:
        return 0.0
    sa, sb = set(ha), set(hb)
    union_bottom = sorted(sa | sb)[:SKETCH_SIZE]
    both = sa & sb
    jaccard = sum(1 for h in union_bottom if h in both) / len(union_bottom)
    return min(1.0, jaccard * (na + nb) / ((1 + jaccard) * min(na, nb)))
