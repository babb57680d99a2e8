"""The on-demand flow: every input article becomes one bilingual brief, plus the day's index.

Stages run as mapped Prefect tasks, one stage at a time, so one bad article is reported and the
rest of the batch goes on. Models come from models.registry, loaded once per process.
"""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact
from prefect.futures import PrefectFuture

from flows.digest_step import write_digest
from flows.prefect_env import VERBOSE_ENV, quiet_logging
from models.base import BackendStatus, Summary
from models.registry import forget_failures, get_summarizer, get_translator
from pipeline.article import CleanArticle
from pipeline.clean import clean_text
from pipeline.config import Config, load_config
from pipeline.fingerprint import brief_fingerprint
from pipeline.htmltext import html_to_text
from pipeline.ingest import (
    IngestError,
    SourceDocument,
    check_vietnamese,
    discover_inputs,
    read_source,
)
from pipeline.render import Brief, English, render_brief, render_index, slugify
from pipeline.report import (
    FAILED,
    SKIPPED,
    UNCHANGED,
    WRITTEN,
    ArticleOutcome,
    RunReport,
    render_report,
)
from pipeline.store import Manifest, ManifestEntry, atomic_write_text, index_entries, run_lock

DEFAULT_CONFIG = Path(__file__).resolve().parent.parent / "configs" / "default.yaml"
MODEL_RETRIES = 2
MODEL_RETRY_DELAYS = [2, 10]  # seconds: a transient OOM or file lock gets a second chance


@task(name="load-models", retries=MODEL_RETRIES, retry_delay_seconds=MODEL_RETRY_DELAYS)
def load_models(cfg: Config) -> tuple[BackendStatus, BackendStatus]:
    """Load both backends once for the process; a model that cannot load becomes a fallback."""
    forget_failures()  # retried once per run: a long-lived `serve` sees a model that arrived
    _, summarizer_status = get_summarizer(cfg.summarizer, Path(cfg.base_dir))
    _, translator_status = get_translator(cfg.translator, Path(cfg.base_dir))
    return summarizer_status, translator_status


@task(name="ingest")
def ingest_article(path: str, max_bytes: int) -> SourceDocument:
    return read_source(path, max_bytes)


@task(name="clean")
def clean_article(doc: SourceDocument) -> CleanArticle:
    text = doc.text
    if doc.is_html:
        try:
            text = html_to_text(text)
        except ValueError as exc:
            raise IngestError(str(exc)) from exc
    article = clean_text(text)
    if not article.paragraphs:
        raise IngestError("no article text left after removing boilerplate")
    check_vietnamese(article.title + "\n" + article.body)
    return article


@task(name="summarize", retries=MODEL_RETRIES, retry_delay_seconds=MODEL_RETRY_DELAYS)
def summarize_article(article: CleanArticle, cfg: Config) -> Summary:
    summarizer, _ = get_summarizer(cfg.summarizer, Path(cfg.base_dir))
    return summarizer.summarize(article)


@task(name="translate", retries=MODEL_RETRIES, retry_delay_seconds=MODEL_RETRY_DELAYS)
def translate_article(article: CleanArticle, summary: Summary, cfg: Config) -> English:
    translator, status = get_translator(cfg.translator, Path(cfg.base_dir))
    if translator is None:
        return English(unavailable=status.reason or "no translator configured")
    texts = [article.title, summary.text, *summary.key_points]
    out = translator.translate(texts)
    return English(title=out[0], summary=out[1], key_points=tuple(out[2:]))


@task(name="write-brief")
def write_brief(brief: Brief, day_dir: Path) -> str:
    path = day_dir / f"{brief.slug}.md"
    markdown = render_brief(brief)
    atomic_write_text(path, markdown)
    try:
        create_markdown_artifact(
            markdown=markdown, key=f"brief-{brief.slug}"[:100], description=brief.article.title
        )
    except Exception as exc:  # an artifact is a copy for the UI; the file on disk is the brief
        get_run_logger().warning("could not publish artifact for %s: %s", brief.slug, exc)
    return str(path)


def _settle(futures: list[PrefectFuture]) -> list[tuple[object | None, BaseException | None]]:
    """Wait for mapped futures and split each into (value, error) without raising."""
    settled: list[tuple[object | None, BaseException | None]] = []
    for future in futures:
        future.wait()
        state = future.state
        if state.is_completed():
            settled.append((state.result(), None))
        else:
            err = state.result(raise_on_failure=False)
            if not isinstance(err, BaseException):
                err = RuntimeError(str(err))
            settled.append((None, err))
    return settled


def _failure(path: str, err: BaseException, stage: str | None = None) -> ArticleOutcome:
    """Input problems speak for themselves; other errors say which stage raised them."""
    if isinstance(err, IngestError):
        return ArticleOutcome(path, SKIPPED if err.skip else FAILED, err.reason)
    reason = f"{type(err).__name__}: {err}"
    return ArticleOutcome(path, FAILED, f"{stage}: {reason}" if stage else reason)


def _collect(
    stage: str,
    paths: list[str],
    futures: list[PrefectFuture],
    outcomes: dict[str, ArticleOutcome],
    logger: Any,
) -> dict[str, Any]:
    """Results of one mapped stage by input path; failures go to `outcomes` and drop out."""
    done: dict[str, Any] = {}
    for n, (path, (value, err)) in enumerate(zip(paths, _settle(futures), strict=True), 1):
        if err is not None:
            outcomes[path] = _failure(path, err, stage)
        else:
            done[path] = value
            if not getattr(value, "unavailable", None):  # nothing was translated: say nothing
                logger.info("[%d/%d] %s %s", n, len(paths), stage, Path(path).name)
    return done


@flow(name="brief_articles", log_prints=True)
def brief_articles(
    paths: list[str] | None = None,
    config_path: str | None = None,
    out_dir: str | None = None,
    day: str | None = None,
    force: bool = False,
) -> RunReport:
    """Brief every article in `paths` (files or folders; default: the config's inbox)."""
    quiet_logging(verbose=os.environ.get(VERBOSE_ENV) == "1")  # also in `serve`'s run processes
    logger = get_run_logger()
    cfg = load_config(config_path or DEFAULT_CONFIG)
    out = Path(out_dir).expanduser() if out_dir else cfg.resolve(cfg.outputs)
    now = datetime.now(ZoneInfo(cfg.schedule.timezone))  # one clock for day, stamps, report
    day = day or now.date().isoformat()
    day_dir = out / day
    files, missing = discover_inputs(paths or [str(cfg.resolve(cfg.inbox))])
    outcomes: dict[str, ArticleOutcome] = {str(p): _failure(str(p), err) for p, err in missing}
    inputs = [str(p) for p in files]
    order = [str(p) for p, _ in missing] + inputs
    logger.info("%d input article(s); writing to %s", len(inputs), day_dir)

    summarizer_status, translator_status = load_models(cfg)
    for status in (summarizer_status, translator_status):
        if status.fell_back or not status.available:
            logger.warning("%s: %s", status.role, status.reason)

    with run_lock(out, timeout_s=3600, on_wait=logger.info):
        manifest = Manifest(out)
        fingerprint = brief_fingerprint(cfg, [summarizer_status.used, translator_status.used])

        docs: dict[str, SourceDocument] = {}
        first_by_sha: dict[str, str] = {}
        futures = ingest_article.map(inputs, max_bytes=cfg.max_input_kb * 1024)
        for path, (doc, err) in zip(inputs, _settle(futures), strict=True):
            if err is not None:
                outcomes[path] = _failure(path, err)
            elif doc.sha256 in first_by_sha:
                outcomes[path] = ArticleOutcome(
                    path, UNCHANGED, f"duplicate of {first_by_sha[doc.sha256]} (same content)"
                )
            elif not force and (earlier := manifest.unchanged(doc.sha256, fingerprint)):
                first_by_sha[doc.sha256] = path
                outcomes[path] = ArticleOutcome(
                    path, UNCHANGED, f"unchanged since last run: {out / earlier.brief}"
                )
            else:
                first_by_sha[doc.sha256] = path
                docs[path] = doc

        articles: dict[str, CleanArticle] = _collect(
            "cleaned", list(docs), clean_article.map(list(docs.values())), outcomes, logger
        )
        summaries: dict[str, Summary] = _collect(
            "summarized",
            list(articles),
            summarize_article.map(list(articles.values()), cfg=cfg),
            outcomes,
            logger,
        )
        englishes: dict[str, English] = _collect(
            "translated",
            list(summaries),
            translate_article.map(
                [articles[p] for p in summaries], list(summaries.values()), cfg=cfg
            ),
            outcomes,
            logger,
        )

        generated_at = now.isoformat(timespec="seconds")
        briefs = [
            Brief(
                slug=slugify(articles[p].title, docs[p].sha256),
                input_file=p,
                input_sha256=docs[p].sha256,
                article=articles[p],
                summary=summaries[p],
                english=englishes[p],
                summarizer=summarizer_status,
                translator=translator_status,
                generated_at=generated_at,
            )
            for p in englishes
        ]
        wr_futures = write_brief.map(briefs, day_dir=day_dir)
        for brief, (written, err) in zip(briefs, _settle(wr_futures), strict=True):
            path = brief.input_file
            if err is not None:
                outcomes[path] = _failure(path, err, "writing brief")
                continue
            outcomes[path] = ArticleOutcome(
                path, WRITTEN, str(written), brief.slug, notes=docs[path].notes
            )
            manifest.record(
                ManifestEntry(
                    sha256=brief.input_sha256,
                    config=fingerprint,
                    brief=str(Path(str(written)).relative_to(out)),
                    input_file=path,
                )
            )
        manifest.save()

        index_path = None
        entries = index_entries(day_dir) if day_dir.exists() else []
        if entries:
            index_path = day_dir / "index.md"
            atomic_write_text(index_path, render_index(day, entries))
            write_digest(day_dir, day, cfg, generated_at, logger)  # digest.md: briefs by story

        report = RunReport(
            day=day,
            out_dir=str(out),
            outcomes=tuple(outcomes[p] for p in order),
            summarizer=summarizer_status,
            translator=translator_status,
            index_path=str(index_path) if index_path else None,
        )
        report_md = render_report(report, markdown=True)
        atomic_write_text(out / "reports" / f"{day}-{now.strftime('%H%M%S')}.md", report_md)
        try:
            create_markdown_artifact(markdown=report_md, key="run-report")
        except Exception as exc:
            logger.warning("could not publish the run report artifact: %s", exc)
    return report
