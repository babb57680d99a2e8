"""Write the day's digest (digest.md + digest.json) after the briefs, and publish it to Prefect.

Called by the brief flow inside its run lock, after the index: it reads every brief of the day on
disk, so a second run the same day regroups all of them into one digest. The digest is a view of
the briefs; a failure here is logged loudly and never turns a written brief into a failed one.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from prefect.artifacts import create_markdown_artifact

from models.extractive import ExtractiveSummarizer
from models.registry import get_summarizer, get_translator
from pipeline.config import Config
from pipeline.digest_build import build_digest, read_items
from pipeline.digest_render import render_digest, render_digest_json
from pipeline.render import DIGEST_NAME
from pipeline.store import atomic_write_text

MAX_KEY_POINTS = 5


def write_digest(
    day_dir: Path, day: str, cfg: Config, generated_at: str, logger: Any
) -> Path | None:
    """digest.md for `day_dir`; None when there are no briefs or the digest could not be made."""
    try:
        items = read_items(day_dir) if day_dir.exists() else []
        if not items:
            return None
        summarizer, _ = get_summarizer(cfg.summarizer, Path(cfg.base_dir))
        translator, t_status = get_translator(cfg.translator, Path(cfg.base_dir))
        fallback = ExtractiveSummarizer(
            sentences=cfg.summarizer.sentences, key_points=MAX_KEY_POINTS
        )
        digest = build_digest(
            day,
            items,
            generated_at,
            summarize=summarizer.summarize,
            fallback=fallback.summarize,
            translate=translator.translate if translator is not None else None,
            english_unavailable=t_status.reason or "no translator configured",
            settings=cfg.digest,
        )
        markdown = render_digest(digest)
        path = day_dir / DIGEST_NAME
        atomic_write_text(path, markdown)
        atomic_write_text(day_dir / "digest.json", render_digest_json(digest))
    except Exception as exc:  # the briefs stand; say loudly that the digest does not
        logger.error("could not write the digest for %s: %s: %s", day, type(exc).__name__, exc)
        return None
    logger.info("digest: %d stories from %d briefs -> %s", len(digest.stories), digest.briefs, path)
    try:
        create_markdown_artifact(markdown=markdown, key="daily-digest", description=f"Digest {day}")
    except Exception as exc:  # an artifact is a copy for the UI; the file on disk is the digest
        logger.warning("could not publish the digest artifact: %s", exc)
    return path
