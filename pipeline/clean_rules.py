"""Compatibility names for code written against the old single-module cleaner vocabulary.

The vocabulary now lives in ``pipeline.cleaning`` (grouped by family) and ``pipeline.names``;
import from there in new code.
"""

from pipeline.cleaning.outlets import OUTLETS, looks_like_outlet, outlet_name
from pipeline.cleaning.rules import (
    RELATED_HEADINGS,
    SECTIONS,
    footer_reason,
    is_breadcrumb,
    is_caption_only,
    is_follow_us,
    is_read_more,
    is_related_heading,
    split_credit,
)
from pipeline.cleaning.text import fold, is_sentence, is_title_like, key, normalize, words
from pipeline.names import SURNAMES, is_full_name, is_names_line, is_person_name

__all__ = [
    "OUTLETS",
    "RELATED_HEADINGS",
    "SECTIONS",
    "SURNAMES",
    "fold",
    "footer_reason",
    "is_breadcrumb",
    "is_caption_only",
    "is_follow_us",
    "is_full_name",
    "is_names_line",
    "is_person_name",
    "is_read_more",
    "is_related_heading",
    "is_sentence",
    "is_title_like",
    "key",
    "looks_like_outlet",
    "normalize",
    "outlet_name",
    "split_credit",
    "words",
]
