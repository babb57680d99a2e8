"""The on-demand flow: every input article becomes one bilingual brief, plus the day's index.

Tasks work on CHUNKS of articles (runner.chunk_size), one task per chunk per stage, chained so
chunk 2 is cleaned while chunk 1 is summarized. A task per article per stage cost more in Prefect
bookkeeping (~50 ms) than the stages themselves (a few ms). Failures are caught per article inside
each task and travel with the article as its outcome, so one bad article is reported and the rest
of its chunk and of the batch goes on. Model stages hand a whole chunk to the backend at once
(summarize_batch, one translate call), so sentences are batched across articles. Models come from
models.registry, loaded once per process (per Dask worker with `runner.task_runner: dask`).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE
from prefect.futures import PrefectFuture

from flows.digest_step import write_digest
from flows.prefect_env import VERBOSE_ENV, quiet_logging
from models.base import Summarizer
from models.registry import forget_failures, get_summarizer, get_translator
from pipeline.article import BackendStatus, CleanArticle, Summary
from pipeline.clean import clean_text
from pipeline.config import Config, RunnerConfig, load_config
from pipeline.fingerprint import brief_fingerprint
from pipeline.htmltext import HtmlInput, read_html
from pipeline.ingest import (
    IngestError,
    SourceDocument,
    check_vietnamese,
    discover_inputs,
    read_source,
)
from pipeline.language import load_identifier
from pipeline.render import (
    Brief,
    English,
    IndexEntry,
    render_brief,
    render_index,
    slugify,
)
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
# One model call at a time per process: tokenizers are not thread-safe, and two generate() calls
# would only fight over the same cores.
_MODEL_LOCKS: dict[str, threading.Lock] = {}


def model_lock() -> threading.Lock:
    """The process's model lock, reached through a function so tasks pickle for Dask workers."""
    return _MODEL_LOCKS.setdefault("models", threading.Lock())


@dataclass(frozen=True)
class Work:
    """One input on its way through the stages; `outcome` is set once it dropped out."""

    path: str
    doc: SourceDocument | None = None
    article: CleanArticle | None = None
    summary: Summary | None = None
    english: English | None = None
    outcome: ArticleOutcome | None = None
    index_entry: IndexEntry | None = None


def _failure(path: str, err: BaseException, stage: str | None = None) -> ArticleOutcome:
    """Input problems speak for themselves; other errors say which stage raised them."""
    if isinstance(err, IngestError):
        return ArticleOutcome(path, SKIPPED if err.skip else FAILED, err.reason)
    reason = f"{type(err).__name__}: {err}"
    return ArticleOutcome(path, FAILED, f"{stage}: {reason}" if stage else reason)


def _each(works: Sequence[Work], stage: str | None, step: Callable[[Work], Work]) -> list[Work]:
    """Apply `step` to every live article; an exception becomes that article's outcome only."""
    out = []
    for work in works:
        if work.outcome is not None:
            out.append(work)
            continue
        try:
            out.append(step(work))
        except Exception as err:
            out.append(replace(work, outcome=_failure(work.path, err, stage)))
    return out


def _live(works: Sequence[Work]) -> list[Work]:
    return [w for w in works if w.outcome is None]


def _fill(works: Sequence[Work], field: str, values: Sequence[Any]) -> list[Work]:
    """Put one value per live article back in order (values came from a batched call)."""
    it = iter(values)
    return [w if w.outcome is not None else replace(w, **{field: next(it)}) for w in works]


@task(
    name="load-models",
    retries=MODEL_RETRIES,
    retry_delay_seconds=MODEL_RETRY_DELAYS,
    cache_policy=NO_CACHE,
)
def load_models(cfg: Config) -> tuple[BackendStatus, BackendStatus]:
    """Load both backends once for the process; a model that cannot load becomes a fallback."""
    forget_failures()  # retried once per run: a long-lived `serve` sees a model that arrived
    load_identifier()  # the input language check's model (cached for the process)
    _, summarizer_status = get_summarizer(cfg.summarizer, Path(cfg.base_dir))
    _, translator_status = get_translator(cfg.translator, Path(cfg.base_dir))
    return summarizer_status, translator_status


@task(name="ingest", cache_policy=NO_CACHE)
def ingest_chunk(paths: list[str], max_bytes: int) -> list[Work]:
    return _each(
        [Work(p) for p in paths], None, lambda w: replace(w, doc=read_source(w.path, max_bytes))
    )


def clean_document(doc: SourceDocument) -> CleanArticle:
    page = HtmlInput(doc.text, frozenset())
    if doc.is_html:
        try:
            page = read_html(doc.text)
        except ValueError as exc:
            raise IngestError(str(exc)) from exc
    article = clean_text(page.text, page.captions)
    if not article.paragraphs:
        raise IngestError("no article text left after removing boilerplate")
    check_vietnamese(article.title + "\n" + article.body)
    return article


@task(name="clean", cache_policy=NO_CACHE)
def clean_chunk(works: list[Work]) -> list[Work]:
    return _each(works, "cleaned", lambda w: replace(w, article=clean_document(w.doc)))


def summarize_all(summarizer: Summarizer, articles: list[CleanArticle]) -> list[Summary]:
    """The backend's batched path when it has one, else one article at a time."""
    batch = getattr(summarizer, "summarize_batch", None)
    if batch is None:
        return [summarizer.summarize(a) for a in articles]
    return list(batch(articles))


ANY_BACKEND = "*"  # `expected` default: calls outside the flow accept whatever loads


def _same_backend(status: BackendStatus, expected: str | None, works: list[Work]) -> list[Work]:
    """On a Dask worker the model loads again; if it fell back there, the brief would claim a
    model that was not used: fail those articles loudly instead."""
    if expected == ANY_BACKEND or status.used == expected:
        return works
    err = RuntimeError(
        f"{status.role} on this worker is {status.used}, not {expected}: {status.reason}"
    )
    return [
        w if w.outcome else replace(w, outcome=_failure(w.path, err, status.role)) for w in works
    ]


@task(name="summarize", cache_policy=NO_CACHE)
def summarize_chunk(
    works: list[Work], cfg: Config, expected: str | None = ANY_BACKEND
) -> list[Work]:
    summarizer, status = get_summarizer(cfg.summarizer, Path(cfg.base_dir))
    works = _same_backend(status, expected, works)
    live = _live(works)
    with model_lock():
        try:
            return _fill(works, "summary", summarize_all(summarizer, [w.article for w in live]))
        except Exception:
            # One article spoilt the batch (or memory ran short): redo one by one to isolate it.
            return _each(
                works, "summarized", lambda w: replace(w, summary=summarizer.summarize(w.article))
            )


def _texts(work: Work) -> list[str]:
    summary = work.summary
    return [work.article.title, summary.text, *summary.key_points]


def _english(out: Sequence[str]) -> English:
    return English(title=out[0], summary=out[1], key_points=tuple(out[2:]))


@task(name="translate", cache_policy=NO_CACHE)
def translate_chunk(
    works: list[Work], cfg: Config, expected: str | None = ANY_BACKEND
) -> list[Work]:
    translator, status = get_translator(cfg.translator, Path(cfg.base_dir))
    works = _same_backend(status, expected, works)
    if translator is None:
        unavailable = English(unavailable=status.reason or "no translator configured")
        return _fill(works, "english", [unavailable] * len(_live(works)))
    live = _live(works)
    texts = [_texts(w) for w in live]
    with model_lock():
        try:
            # One call for the whole chunk: its distinct sentences are length-sorted and batched
            # across articles, and a sentence repeated in several articles is translated once.
            flat = translator.translate([t for group in texts for t in group])
        except Exception:
            return _each(
                works,
                "translated",
                lambda w: replace(w, english=_english(translator.translate(_texts(w)))),
            )
    englishes, start = [], 0
    for group in texts:
        englishes.append(_english(flat[start : start + len(group)]))
        start += len(group)
    return _fill(works, "english", englishes)


def _index_entry(brief: Brief) -> IndexEntry:
    art = brief.article
    return IndexEntry(
        slug=brief.slug,
        title_vi=art.title,
        title_en=brief.english.title,
        outlet=art.outlet,
        published=art.published,
    )


@task(name="write", cache_policy=NO_CACHE)
def write_chunk(
    works: list[Work],
    day_dir: Path,
    statuses: tuple[BackendStatus, BackendStatus],
    generated_at: str,
) -> list[Work]:
    """Write each brief atomically (no API call per brief: the run publishes one index)."""

    def write(work: Work) -> Work:
        brief = Brief(
            slug=slugify(work.article.title, work.doc.sha256),
            input_file=work.path,
            input_sha256=work.doc.sha256,
            article=work.article,
            summary=work.summary,
            english=work.english,
            summarizer=statuses[0],
            translator=statuses[1],
            generated_at=generated_at,
        )
        path = day_dir / f"{brief.slug}.md"
        atomic_write_text(path, render_brief(brief))
        notes = (*work.doc.notes, *([work.summary.note] if work.summary.note else []))
        outcome = ArticleOutcome(work.path, WRITTEN, str(path), brief.slug, notes=notes)
        return replace(work, outcome=outcome, index_entry=_index_entry(brief))

    return _each(works, "writing brief", write)


@task(name="brief", cache_policy=NO_CACHE)
def brief_chunk(
    works: list[Work],
    cfg: Config,
    expected: tuple[str | None, str | None],
    day_dir: Path,
    statuses: tuple[BackendStatus, BackendStatus],
    generated_at: str,
) -> list[Work]:
    """Clean, summarize, translate and write in one task: a run with a single chunk has no
    chunks to overlap, so four stage tasks would only add Prefect bookkeeping (~50 ms each)."""
    works = summarize_chunk.fn(clean_chunk.fn(works), cfg, expected[0])
    works = translate_chunk.fn(works, cfg, expected[1])
    return write_chunk.fn(works, day_dir, statuses, generated_at)


def _publish(logger: Any, *artifacts: tuple[str, str, str]) -> None:
    """Markdown artifacts (key, text, description): copies for the UI, so failures only warn.

    Each is one API call; they go out at once instead of one after the other.
    """
    import contextvars
    from concurrent.futures import ThreadPoolExecutor

    from prefect.artifacts import create_markdown_artifact

    def publish(artifact: tuple[str, str, str]) -> None:
        key, markdown, description = artifact
        try:
            create_markdown_artifact(markdown=markdown, key=key, description=description)
        except Exception as exc:
            logger.warning("could not publish the %s artifact: %s", key, exc)

    # Each call runs in a copy of this thread's context, so it belongs to this flow run.
    contexts = [contextvars.copy_context() for _ in artifacts]
    with ThreadPoolExecutor(max_workers=len(artifacts) or 1) as pool:
        list(pool.map(lambda ctx, a: ctx.run(publish, a), contexts, artifacts))


def _settle(todo: list[Work], future: PrefectFuture) -> list[Work]:
    """A chunk's results; if its task chain itself failed, every article of it failed."""
    try:
        return future.result()
    except Exception as err:
        return [replace(w, outcome=_failure(w.path, err, "chunk")) for w in todo]


def chunk_size_for(runner: RunnerConfig, n: int) -> int:
    """Articles per task: runner.chunk_size, but on Dask at most an equal share per worker.

    A Dask task beats a thread only when it is long (bench/runner_crossover.py: about a second
    of GIL-holding work), so chunks stay large, yet a run of 300 articles in chunks of 250
    would leave one of two workers nearly idle: split it 150/150 instead.
    """
    if runner.task_runner != "dask" or n <= 0:
        return runner.chunk_size
    return max(1, min(runner.chunk_size, -(-n // runner.workers)))


def _chunks(items: Sequence[str], size: int) -> Iterator[list[str]]:
    for start in range(0, len(items), size):
        yield list(items[start : start + size])


@contextmanager
def _task_runner(runner: RunnerConfig) -> Iterator[Any]:
    """The flow's own thread pool, or a Dask cluster (existing at runner.address, or local)."""
    if runner.task_runner != "dask":
        yield None
        return
    from prefect_dask import DaskTaskRunner

    if runner.address:
        dask = DaskTaskRunner(address=runner.address)
    else:
        dask = DaskTaskRunner(
            cluster_kwargs={
                "n_workers": runner.workers,
                "threads_per_worker": 1,
                "processes": True,
                "dashboard_address": None,
            }
        )
    with dask:
        yield dask


def _submitter(dask: Any) -> Callable[..., PrefectFuture]:
    def submit(task_fn: Any, **parameters: Any) -> PrefectFuture:
        if dask is None:
            return task_fn.submit(**parameters)
        return dask.submit(task_fn, parameters=parameters)

    return submit


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

    summarizer_status, translator_status = statuses = load_models(cfg)
    for status in statuses:
        if status.fell_back or not status.available:
            logger.warning("%s: %s", status.role, status.reason)

    with run_lock(out, timeout_s=3600, on_wait=logger.info), _task_runner(cfg.runner) as dask:
        submit = _submitter(dask)
        manifest = Manifest(out)
        fingerprint = brief_fingerprint(cfg, [summarizer_status.used, translator_status.used])
        generated_at = now.isoformat(timespec="seconds")
        size = chunk_size_for(cfg.runner, len(inputs))
        ingests = [
            submit(ingest_chunk, paths=chunk, max_bytes=cfg.max_input_kb * 1024)
            for chunk in _chunks(inputs, size)
        ]
        # Duplicates and unchanged inputs are decided in input order as each chunk is read; the
        # rest of the chunk goes down the stage chain at once (the runner resolves the futures).
        first_by_sha: dict[str, str] = {}
        written: list[tuple[list[Work], PrefectFuture]] = []
        for chunk, ingest in zip(_chunks(inputs, size), ingests, strict=True):
            todo: list[Work] = []
            for work in _settle([Work(p) for p in chunk], ingest):
                doc = work.doc
                if work.outcome is not None:
                    outcomes[work.path] = work.outcome
                elif doc.sha256 in first_by_sha:
                    first = first_by_sha[doc.sha256]
                    outcomes[work.path] = ArticleOutcome(
                        work.path, UNCHANGED, f"duplicate of {first} (same content)"
                    )
                elif not force and (earlier := manifest.unchanged(doc.sha256, fingerprint)):
                    first_by_sha[doc.sha256] = work.path
                    outcomes[work.path] = ArticleOutcome(
                        work.path, UNCHANGED, f"unchanged since last run: {out / earlier.brief}"
                    )
                else:
                    first_by_sha[doc.sha256] = work.path
                    todo.append(work)
            if not todo:
                continue
            if len(inputs) <= size:  # one chunk: one task for the stages after ingest
                expected = (summarizer_status.used, translator_status.used)
                brief = submit(
                    brief_chunk,
                    works=todo,
                    cfg=cfg,
                    expected=expected,
                    day_dir=day_dir,
                    statuses=statuses,
                    generated_at=generated_at,
                )
                written.append((todo, brief))
                continue
            cleaned = submit(clean_chunk, works=todo)
            summarized = submit(
                summarize_chunk, works=cleaned, cfg=cfg, expected=summarizer_status.used
            )
            translated = submit(
                translate_chunk, works=summarized, cfg=cfg, expected=translator_status.used
            )
            written.append(
                (
                    todo,
                    submit(
                        write_chunk,
                        works=translated,
                        day_dir=day_dir,
                        statuses=statuses,
                        generated_at=generated_at,
                    ),
                )
            )

        known: dict[str, IndexEntry] = {}
        done = 0
        for todo, future in written:
            for work in _settle(todo, future):
                outcomes[work.path] = work.outcome
                if work.outcome.status != WRITTEN:
                    continue
                done += 1
                known[work.index_entry.slug] = work.index_entry
                manifest.record(
                    ManifestEntry(
                        sha256=work.doc.sha256,
                        config=fingerprint,
                        brief=str(Path(work.outcome.detail).relative_to(out)),
                        input_file=work.path,
                    )
                )
            logger.info("[%d/%d] briefs written", done, len(inputs))
        manifest.save()

        index_path = None
        entries = index_entries(day_dir, known) if day_dir.exists() else []
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
        artifacts = [("run-report", report_md, f"vnbrief run report {day}")]
        if index_path is not None:
            # One artifact for all briefs of the day: one API call per brief cost more than
            # briefing the article (the briefs themselves are the files on disk).
            index_md = index_path.read_text("utf-8")
            artifacts.append((f"briefs-{day}", index_md, f"briefs of {day}"))
        _publish(logger, *artifacts)
    return report
