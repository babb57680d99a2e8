"""The embedded extractive summarizer: no weights, always available, and the fallback for seq2seq.

Why this design: on Vietnamese news (e.g. VietNews) the Lead-3 baseline is hard to beat
with unsupervised extractive methods, because journalists put the gist first. So position is the
strongest signal, and centrality (TF-IDF over syllable uni+bigrams) plus similarity to the title
only re-rank within it, e.g. to drop a scene-setting opener in favour of the sentence that states
the news. Maximal Marginal Relevance then keeps the summary and key points free of the
near-duplicate paragraphs scraped pages often contain (a caption repeating a body sentence).

Syllable bigrams approximate Vietnamese words (most are two syllables: "hợp tác", "Việt Nam") at
no cost. pyvi word segmentation was measured on the samples (0.7 s import, ~9 ms per article,
about 3x this whole summarizer's ~3 ms) and not used: in a bag of features, syllable bigrams
already carry the two-syllable words it would join.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from pipeline.article import CleanArticle, Summary
from pipeline.segment import split_sentences
from pipeline.stopwords import STOPWORDS
from pipeline.unicode_forms import nfc

# --- scoring weights (see module docstring) -------------------------------------------------
# WHY: position dominates because news leads carry the story; it alone would be Lead-N.
POSITION_WEIGHT = 0.5
# WHY: per-sentence decay 0.8 keeps sentences 2-4 competitive while sentence 10 is nearly out.
POSITION_DECAY = 0.8
# WHY: centrality finds sentences that share the article's vocabulary, i.e. its main topic.
CENTRALITY_WEIGHT = 0.25
# WHY: the title is the editor's own summary; overlap with it is strong evidence of relevance.
TITLE_WEIGHT = 0.3
# WHY: cosine at which a sentence fully matches the title; not normalised by the best match, so
# a figurative title ("Giữ “lửa” ...") that matches nothing well does not promote noise.
TITLE_SATURATION = 0.5
# WHY: key points should cover the whole story, not restate the lead, so position decays slower.
KEY_POINT_POSITION_DECAY = 0.97
# WHY: the first sentence of a paragraph is usually its topic sentence.
PARAGRAPH_LEAD_BONUS = 0.05
# WHY: figures (amounts, counts, dates) mark concrete facts, which is what key points are for.
NUMBER_BONUS = 0.05

# --- selection --------------------------------------------------------------------------------
# WHY 0.75: mostly relevance; the redundancy term only breaks near ties between similar picks.
MMR_LAMBDA = 0.75
# WHY: above this TF-IDF cosine two sentences state the same fact (captions repeating the body).
DUPLICATE_COSINE = 0.6
# WHY: a sentence whose content syllables are 80% inside another one adds nothing new.
DUPLICATE_CONTAINMENT = 0.8
# WHY: containment is meaningless for tiny sentences (5 common words fit inside anything).
CONTAINMENT_MIN_WORDS = 8

# --- eligibility and penalties -----------------------------------------------------------------
# WHY: fewer syllables than this is a heading, byline or credit ("Ảnh: Nguyên Minh"), not a fact.
MIN_SYLLABLES = 6
# WHY: below this a sentence is usually too thin to stand alone in a summary.
SHORT_SYLLABLES = 12
# WHY: beyond this a sentence crowds the summary (Vietnamese news averages 25-40 syllables).
LONG_SYLLABLES = 70
# WHY: the multiplier a very long sentence decays to; long official sentences can still be key.
LONG_FLOOR = 0.7
# WHY: a sentence opening with "Tuy nhiên", "Điều này"... needs its predecessor to make sense.
ANAPHORA_PENALTY = 0.85
# WHY: a bare quotation or question without its speaker/context reads badly as a summary line.
QUOTE_PENALTY = 0.7
QUESTION_PENALTY = 0.8


# Openers that point back to the previous sentence (compared lowercased, after NFC).
# fmt: off
_ANAPHORIC_OPENERS = (
    "đây ", "đó ", "điều này", "điều đó", "việc này", "tuy nhiên", "ngoài ra", "bên cạnh đó",
    "trong đó", "qua đó", "qua đây", "do đó", "vì vậy", "vì thế", "theo đó", "thêm vào đó",
    "như vậy", "mặt khác", "trong khi đó", "cũng ", "họ ", "ông cho", "bà cho", "ngoài những",
)
# fmt: on
_WORD = re.compile(r"\w+")
_FINAL_PUNCT = re.compile(r"[.!?…][”’\"'»)\]]*$|[”\"»][.!?…]?$")
# A paragraph whose last sentence is a credit ("Ảnh: TTXVN", "(Nguồn: VOV)") is a photo caption.
_CREDIT = re.compile(r"^\(?\s*(?:ảnh|video|clip|đồ họa|đồ hoạ|nguồn)\b[^:]{0,20}:", re.IGNORECASE)
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")


@dataclass(frozen=True)
class _Sentence:
    text: str
    paragraph_lead: bool
    syllables: int
    content: frozenset[str]  # content unigrams, for the containment test
    has_number: bool
    features: Counter[str]


class ExtractiveSummarizer:
    """Lead-biased, centrality- and title-aware MMR selection of the article's own sentences."""

    name = "extractive"

    def __init__(self, sentences: int = 3, key_points: int = 4) -> None:
        if sentences < 1:
            raise ValueError(f"sentences must be at least 1, got {sentences}")
        if key_points < 0:
            raise ValueError(f"key_points must not be negative, got {key_points}")
        self.sentences = sentences
        self.key_points = key_points

    def summarize_batch(self, articles: Sequence[CleanArticle]) -> list[Summary]:
        return [self.summarize(article) for article in articles]

    def summarize(self, article: CleanArticle) -> Summary:
        """Pick the summary sentences, then further distinct key points; both in article order.

        Key points are ranked like the summary but with a flatter position prior, so that they
        add facts from the rest of the article instead of restating the lead.
        """
        all_sentences = _article_sentences(article)
        if not all_sentences:
            raise ValueError(
                f"cannot summarize an article with no body text (title: {article.title!r})"
            )
        candidates = [s for s in all_sentences if _eligible(s)] or all_sentences
        if len(candidates) <= self.sentences:
            return Summary(" ".join(s.text for s in candidates), (), "extractive")

        vectors = _tfidf([s.features for s in candidates], _features(article.title))
        *sentence_vecs, title_vec = vectors
        base = _content_scores(candidates, sentence_vecs, title_vec)
        lead_scores = _with_position(base, candidates, POSITION_DECAY)
        summary = _mmr(candidates, sentence_vecs, lead_scores, self.sentences, [])
        point_scores = _with_position(base, candidates, KEY_POINT_POSITION_DECAY)
        points = _mmr(candidates, sentence_vecs, point_scores, self.key_points, summary)
        summary, points = sorted(summary), sorted(points)
        return Summary(
            text=" ".join(candidates[i].text for i in summary),
            key_points=tuple(candidates[i].text for i in points),
            method="extractive",
        )


def _syllables(text: str) -> list[str]:
    return _WORD.findall(nfc(text).lower())


def _features(text: str, syl: list[str] | None = None) -> Counter[str]:
    """Content syllables plus syllable bigrams (approximate words), skipping all-stopword ones."""
    if syl is None:
        syl = _syllables(text)
    feats: Counter[str] = Counter(w for w in syl if w not in STOPWORDS)
    feats.update(
        f"{a} {b}"
        for a, b in zip(syl, syl[1:], strict=False)
        if not (a in STOPWORDS and b in STOPWORDS)
    )
    return feats


def _article_sentences(article: CleanArticle) -> list[_Sentence]:
    out: list[_Sentence] = []
    for paragraph in article.paragraphs:
        sents = split_sentences(paragraph)
        caption = bool(sents) and len(sents) <= 3 and bool(_CREDIT.match(sents[-1]))
        for k, text in enumerate(sents):
            syl = _syllables(text)
            out.append(
                _Sentence(
                    text=text,
                    paragraph_lead=k == 0,
                    # a caption's sentences count as fragments: they are never picked
                    syllables=0 if caption else len(syl),
                    content=frozenset(w for w in syl if w not in STOPWORDS),
                    has_number=any(ch.isdigit() for ch in text),
                    features=_features(text, syl),
                )
            )
    return out


def _eligible(s: _Sentence) -> bool:
    """Drop headings, bylines and credits: too short, or no sentence-final punctuation."""
    return s.syllables >= MIN_SYLLABLES and bool(_FINAL_PUNCT.search(s.text))


def _tfidf(docs: list[Counter[str]], extra: Counter[str]) -> list[dict[str, float]]:
    """L2-normalised TF-IDF vectors for `docs` (IDF from them alone) and for `extra` (the title)."""
    df: Counter[str] = Counter()
    for d in docs:
        df.update(d.keys())
    n = len(docs)
    vectors = []
    for d in (*docs, extra):
        vec = {
            f: (1.0 + math.log(c)) * (math.log((1 + n) / (1 + df[f])) + 1.0) for f, c in d.items()
        }
        norm = math.sqrt(sum(w * w for w in vec.values())) or 1.0
        vectors.append({f: w / norm for f, w in vec.items()})
    return vectors


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b.get(f, 0.0) for f, w in a.items())


def centrality(vecs: list[dict[str, float]]) -> list[float]:
    """Each sentence's cosine with the centroid of the *other* sentences (leave-one-out)."""
    centroid: dict[str, float] = {}
    for v in vecs:
        for f, w in v.items():
            centroid[f] = centroid.get(f, 0.0) + w
    c_sq = sum(w * w for w in centroid.values())
    central = []
    for v in vecs:
        # C - v in O(|v|): v is unit length, so v.(C - v) = v.C - 1
        # and |C - v|^2 = |C|^2 - 2 v.C + 1
        dot = _cosine(v, centroid) if v else 0.0
        rest_sq = c_sq - 2 * dot + (1.0 if v else 0.0)
        central.append((dot - (1.0 if v else 0.0)) / math.sqrt(rest_sq) if rest_sq > 1e-12 else 0.0)
    return central


def _content_scores(
    cands: list[_Sentence], vecs: list[dict[str, float]], title: dict[str, float]
) -> list[float]:
    """Everything but position: centrality, title overlap and bonuses (before penalties)."""
    central = centrality(vecs)
    titled = [min(1.0, _cosine(v, title) / TITLE_SATURATION) for v in vecs]
    max_c = max(central) or 1.0

    return [
        CENTRALITY_WEIGHT * c / max_c
        + TITLE_WEIGHT * t
        + (PARAGRAPH_LEAD_BONUS if s.paragraph_lead else 0.0)
        + (NUMBER_BONUS if s.has_number else 0.0)
        for s, c, t in zip(cands, central, titled, strict=True)
    ]


def _with_position(base: list[float], cands: list[_Sentence], decay: float) -> list[float]:
    """Add the lead prior (rank among real sentences) and apply the per-sentence penalties."""
    return [
        (b + POSITION_WEIGHT * decay**rank) * _penalty(s)
        for rank, (b, s) in enumerate(zip(base, cands, strict=True))
    ]


def opens_anaphorically(sentence: str) -> bool:
    """Whether the sentence opens by pointing back ("Theo đó", "Ông cho biết"), past any opening
    quote or dash: out of its place it reads as a fragment."""
    return nfc(sentence).lower().lstrip("“\"'‘(–- ").startswith(_ANAPHORIC_OPENERS)


def _penalty(s: _Sentence) -> float:
    factor = 1.0
    if s.syllables < SHORT_SYLLABLES:
        factor *= 0.5 + 0.5 * s.syllables / SHORT_SYLLABLES
    elif s.syllables > LONG_SYLLABLES:
        factor *= max(LONG_FLOOR, LONG_SYLLABLES / s.syllables)
    if opens_anaphorically(s.text):
        factor *= ANAPHORA_PENALTY
    quoted = sum(len(q) for q in _QUOTED.findall(s.text))
    if s.text[:1] in '“"' or quoted > 0.6 * len(s.text):
        factor *= QUOTE_PENALTY
    if s.text.rstrip("”’\"'»)] ").endswith("?"):
        factor *= QUESTION_PENALTY
    return factor


def _duplicate(a: _Sentence, b: _Sentence, similarity: float) -> bool:
    if similarity >= DUPLICATE_COSINE:
        return True
    smaller = min(len(a.content), len(b.content))
    if smaller < CONTAINMENT_MIN_WORDS:
        return False
    return len(a.content & b.content) / smaller >= DUPLICATE_CONTAINMENT


def _mmr(
    cands: list[_Sentence],
    vecs: list[dict[str, float]],
    scores: list[float],
    k: int,
    already: list[int],
    lam: float = MMR_LAMBDA,
) -> list[int]:
    """Up to `k` new indices in pick order, never a near-duplicate of a pick or of `already`."""
    top = max(scores) or 1.0
    rel = [s / top for s in scores]
    redundancy = [0.0] * len(cands)
    alive = set(range(len(cands))) - set(already)

    def drop_similar(picked: int) -> None:
        for i in list(alive):
            sim = _cosine(vecs[i], vecs[picked])
            if _duplicate(cands[i], cands[picked], sim):
                alive.discard(i)
            else:
                redundancy[i] = max(redundancy[i], sim)

    for picked in already:
        drop_similar(picked)
    chosen: list[int] = []
    while alive and len(chosen) < k:
        # ties go to the earlier sentence, so the result is deterministic
        best = max(
            alive, key=lambda i: (lam * rel[i] - (1 - lam) * redundancy[i], -i)
        )
        chosen.append(best)
        alive.discard(best)
        drop_similar(best)
    return chosen
