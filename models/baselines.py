"""Reference points for `vnbrief eval`: Lead-k and the classic unsupervised extractive methods.

Lead-k takes the first k *real* sentences (the same eligibility as the extractive summarizer:
headings, bylines and credits without final punctuation are skipped), which makes the baseline
harder to beat, not easier. The sumy methods (LexRank, TextRank, LSA, Luhn) get the code base's
own sentence splitter and syllable tokens, with the Vietnamese stopword list, because sumy's
NLTK tokenizers know no Vietnamese.
"""

from __future__ import annotations

from models.extractive import _article_sentences, _eligible
from pipeline.article import CleanArticle, Summary
from pipeline.metrics import syllables
from pipeline.stopwords import STOPWORDS

SUMY_METHODS = {
    "lexrank": ("sumy.summarizers.lex_rank", "LexRankSummarizer"),
    "textrank": ("sumy.summarizers.text_rank", "TextRankSummarizer"),
    "lsa": ("sumy.summarizers.lsa", "LsaSummarizer"),
    "luhn": ("sumy.summarizers.luhn", "LuhnSummarizer"),
}


def real_sentences(article: CleanArticle) -> list[str]:
    sentences = _article_sentences(article)
    return [s.text for s in ([s for s in sentences if _eligible(s)] or sentences)]


class LeadSummarizer:
    """The first k real sentences: the baseline news summaries are measured against."""

    def __init__(self, k: int) -> None:
        if k < 1:
            raise ValueError(f"lead needs at least one sentence, got {k}")
        self.k = k
        self.name = f"lead-{k}"

    def summarize(self, article: CleanArticle) -> Summary:
        sentences = real_sentences(article)
        if not sentences:
            raise ValueError(f"no body text (title: {article.title!r})")
        return Summary(" ".join(sentences[: self.k]), (), self.name)


class _SyllableTokenizer:
    """sumy's tokenizer interface, backed by the metric's syllables."""

    language = "vietnamese"

    def to_words(self, text: str) -> list[str]:
        return syllables(text)


class SumySummarizer:
    """One of sumy's unsupervised summarizers, picking k sentences in article order."""

    def __init__(self, method: str, k: int) -> None:
        if method not in SUMY_METHODS:
            raise ValueError(f"unknown sumy method {method!r} (known: {', '.join(SUMY_METHODS)})")
        import importlib

        from sumy.nlp.stemmers import null_stemmer

        module, cls = SUMY_METHODS[method]
        self._impl = getattr(importlib.import_module(module), cls)(null_stemmer)
        self._impl.stop_words = STOPWORDS
        self.k = k
        self.name = f"{method}-{k}"

    def summarize(self, article: CleanArticle) -> Summary:
        from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence

        texts = real_sentences(article)
        if not texts:
            raise ValueError(f"no body text (title: {article.title!r})")
        tok = _SyllableTokenizer()
        doc = ObjectDocumentModel([Paragraph([Sentence(t, tok) for t in texts])])
        picked = {str(s) for s in self._impl(doc, self.k)}
        return Summary(" ".join(t for t in texts if t in picked), (), self.name)
