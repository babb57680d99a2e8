"""`vnbrief` command line: parse arguments, validate config, then hand over to the flows.

Prefect is imported only after the environment is prepared, so every command runs offline with
its state kept in the project folder.
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import json
import os
import sys
import traceback
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

from pipeline.config import Config, ConfigError, load_config

DEFAULT_CONFIG = Path(__file__).resolve().parent.parent / "configs" / "default.yaml"
EXIT_OK, EXIT_INCOMPLETE, EXIT_USAGE = 0, 1, 2
EXIT_NOT_WRITABLE = 3  # permission denied or read-only file system
EXIT_NOT_A_FOLDER = 4  # a file stands where a folder is needed
EXIT_DISK_FULL = 5
EXIT_PREFECT = 6  # Prefect's server could not start
EXIT_INTERNAL = 70  # a bug in vnbrief: the traceback comes with --verbose

# What an OSError from the file system means for the user, and the exit code it gives.
OS_ERRORS = {
    errno.EACCES: (EXIT_NOT_WRITABLE, "permission denied"),
    errno.EPERM: (EXIT_NOT_WRITABLE, "permission denied"),
    errno.EROFS: (EXIT_NOT_WRITABLE, "read-only file system"),
    errno.ENOTDIR: (EXIT_NOT_A_FOLDER, "part of the path is a file, not a folder"),
    errno.EEXIST: (EXIT_NOT_A_FOLDER, "a file of that name is in the way"),
    errno.ENOSPC: (EXIT_DISK_FULL, "disk full: free some space and run again"),
    errno.EDQUOT: (EXIT_DISK_FULL, "disk quota exceeded: free some space and run again"),
}


class EnvironmentProblem(Exception):
    """A problem of the machine, not of the articles: one line and a distinct exit code."""

    def __init__(self, message: str, code: int) -> None:
        super().__init__(message)
        self.code = code


def os_problem(what: str, exc: OSError, path: Path | None = None) -> EnvironmentProblem:
    code, meaning = OS_ERRORS.get(exc.errno or 0, (EXIT_NOT_WRITABLE, exc.strerror or str(exc)))
    where = path or exc.filename
    return EnvironmentProblem(f"{what}{f' {where}' if where else ''}: {meaning}", code)


def _iso_day(value: str) -> str:
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a date in YYYY-MM-DD form: {value!r}") from exc


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="vnbrief", description="Bilingual (Vietnamese + English) briefs of Vietnamese news."
    )
    verbose_help = "show Prefect's own log lines and tracebacks"
    parser.add_argument("--verbose", "-v", action="store_true", help=verbose_help)
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--verbose", "-v", action="store_true", default=argparse.SUPPRESS, help=verbose_help
    )
    commands = parser.add_subparsers(dest="command", required=True)

    def command(name: str, **kwargs) -> argparse.ArgumentParser:
        return commands.add_parser(name, parents=[common], **kwargs)

    def add_config(p: argparse.ArgumentParser) -> None:
        p.add_argument("--config", default=str(DEFAULT_CONFIG), help="YAML config file")

    run = command("run", help="brief articles now (files or folders; default: the inbox)")
    run.add_argument("paths", nargs="*", help="article files (.txt, .html) or folders")
    add_config(run)
    run.add_argument("--out", help="output folder (default: outputs from the config)")
    run.add_argument("--date", type=_iso_day, help="day folder YYYY-MM-DD (default: today)")
    run.add_argument("--force", action="store_true", help="redo articles that are unchanged")

    clean = command("clean", help="print one article with scraped boilerplate removed")
    clean.add_argument("file")
    clean.add_argument("--json", action="store_true", help="metadata, paragraphs and removals")

    models = command("models", help="configured models: list, pull")
    models_sub = models.add_subparsers(dest="models_command", required=True)
    for name, text in (("list", "where each model loads from"), ("pull", "download to HF cache")):
        add_config(models_sub.add_parser(name, help=text, parents=[common]))
    convert = models_sub.add_parser(
        "convert", help="CTranslate2 copy (backend: ctranslate2)", parents=[common]
    )
    add_config(convert)
    convert.add_argument("--role", choices=("summarizer", "translator"), help="default: both")
    convert.add_argument("--out", help="output folder (default: models/<name>-ct2-<type>)")
    convert.add_argument("--quantization", default="int8", help="int8 (default), float32, ...")
    convert.add_argument(
        "--english-vmap", action="store_true", help="translator: English output shortlist"
    )
    train = models_sub.add_parser(
        "train-extractive", help="train the learned summarizer", parents=[common]
    )
    add_config(train)
    train.add_argument("--train", required=True, help="JSONL with text, summary (and title)")
    train.add_argument("--out", help="model file (default: the packaged models/data one)")

    ev = command("eval", help="score summarizers / the translator against references")
    ev_sub = ev.add_subparsers(dest="eval_command", required=True)
    ev_sum = ev_sub.add_parser(
        "summaries", help="ROUGE-1/2/L on syllables vs JSONL references", parents=[common]
    )
    ev_sum.add_argument("data", help="JSONL lines with text, summary (optional title)")
    ev_sum.add_argument("--systems", default="configured", help="comma-separated; also always "
                        "lead-3, extractive, learned. Known: configured, lead-N, extractive, "
                        "learned, lexrank-N, textrank-N, lsa-N, luhn-N")
    ev_tr = ev_sub.add_parser(
        "translation", help="BLEU and chrF vs TSV/JSONL (vi, en) references", parents=[common]
    )
    ev_tr.add_argument("data", help="TSV vi<TAB>en, or JSONL with vi and en")
    for p in (ev_sum, ev_tr):
        add_config(p)
        p.add_argument("--limit", type=int, help="score only the first N items")
        p.add_argument("--out", help="Markdown file (default: <outputs>/eval/<data>-<kind>.md)")

    serve = command("serve", help="run the daily schedule on a local Prefect server")
    add_config(serve)
    serve.add_argument("--port", type=int, default=4200, help="Prefect server port")

    trigger = command("trigger", help="run the served daily deployment now")
    add_config(trigger)
    trigger.add_argument("--wait", action="store_true", help="wait for the run to finish")
    return parser


def _load(path: str) -> Config:
    cfg = load_config(path)
    _prefect_home()
    return cfg


def _prefect_home() -> Path:
    from flows.prefect_env import prepare_prefect_env

    try:
        return prepare_prefect_env()
    except OSError as exc:
        raise EnvironmentProblem(str(exc), EXIT_NOT_WRITABLE) from exc


def _writable(what: str, folder: Path) -> None:
    from pipeline.store import ensure_writable_dir

    try:
        ensure_writable_dir(folder)
    except OSError as exc:
        raise os_problem(f"cannot use {what}", exc, folder) from exc


def _no_wait() -> None:
    return None


@contextlib.contextmanager
def _prefect_api(home: Path) -> Iterator[Callable[[], None]]:
    """The Prefect API of this run; yields a function that waits until it answers.

    PREFECT_API_URL (or a test harness) if set; else the server of a running `vnbrief serve`
    (no boot at all); else a temporary server owned by this process (it dies with it), spawned
    first thing so it boots while the caller imports Prefect and the pipeline.
    """
    from flows.local_server import (
        ServerError,
        healthy,
        read_serve_state,
        spawn_temporary_server,
        stop_server,
        wait_healthy,
    )
    from flows.prefect_env import (
        api_url_configured,
        drain_background_workers,
        without_flow_heartbeats,
    )

    if api_url_configured():
        yield _no_wait
        return
    state = read_serve_state(home)
    if state and healthy(state["api_url"], timeout_s=1.0):
        os.environ["PREFECT_API_URL"] = state["api_url"]
        try:
            yield _no_wait
        finally:
            drain_background_workers()
            os.environ.pop("PREFECT_API_URL", None)
        return
    log_path = home / "run-server.log"
    server, api_url = spawn_temporary_server(log_path)
    os.environ["PREFECT_API_URL"] = api_url

    def ready() -> None:
        try:
            wait_healthy(server, api_url, log_path)
        except ServerError as exc:
            raise EnvironmentProblem(f"cannot start Prefect: {exc}", EXIT_PREFECT) from exc

    try:
        with without_flow_heartbeats():  # nothing outlives this process to watch them
            yield ready
    finally:
        drain_background_workers()
        os.environ.pop("PREFECT_API_URL", None)
        stop_server(server)


def cmd_run(args: argparse.Namespace) -> int:
    cfg = load_config(args.config)
    out = Path(args.out).expanduser().resolve() if args.out else cfg.resolve(cfg.outputs)
    _writable("output folder", out)  # before Prefect starts: a bad folder fails in a second
    home = _prefect_home()
    from pipeline.language import load_identifier

    load_identifier(background=True)  # ~0.3 s, while Prefect boots and imports
    with _prefect_api(home) as api_ready:
        from flows.brief_flow import brief_articles
        from flows.prefect_env import quiet_logging
        from pipeline.report import render_report

        api_ready()  # the server booted during the imports above

        quiet_logging(args.verbose)
        try:
            report = brief_articles(
                paths=[str(Path(p).resolve()) for p in args.paths] or None,
                config_path=str(Path(args.config).resolve()),
                out_dir=str(out) if args.out else None,
                day=args.date,
                force=args.force,
            )
        except OSError as exc:
            if exc.errno not in OS_ERRORS:
                raise
            raise os_problem("cannot write", exc) from exc
    print(render_report(report))
    return EXIT_OK if report.all_briefed and report.outcomes else EXIT_INCOMPLETE


def cmd_clean(args: argparse.Namespace) -> int:
    from pipeline.clean import article_to_json, clean_text
    from pipeline.htmltext import HtmlInput, read_html
    from pipeline.ingest import IngestError, read_source

    try:
        doc = read_source(args.file, max_bytes=50 * 1024 * 1024)
        page = read_html(doc.text) if doc.is_html else HtmlInput(doc.text, frozenset())
    except (IngestError, ValueError) as exc:
        print(f"vnbrief: error: {args.file}: {exc}", file=sys.stderr)
        return EXIT_INCOMPLETE
    if doc.notes:  # repairs made while decoding: worth knowing, not worth failing for
        print(f"vnbrief: note: {args.file}: {'; '.join(doc.notes)}", file=sys.stderr)
    article = clean_text(page.text, page.captions)
    if args.json:
        print(json.dumps(article_to_json(article), ensure_ascii=False, indent=2))
    else:
        print(article.title + "\n\n" + article.body)
    return EXIT_OK


def cmd_models(args: argparse.Namespace) -> int:
    cfg = _load(args.config)
    from flows.model_commands import models_convert, models_list, models_pull

    if args.models_command == "convert":
        return models_convert(cfg, args.role, args.out, args.quantization, args.english_vmap)
    if args.models_command == "train-extractive":
        from flows.model_commands import train_extractive

        return train_extractive(args.train, args.out)
    return models_list(cfg) if args.models_command == "list" else models_pull(cfg)


def cmd_eval(args: argparse.Namespace) -> int:
    cfg = load_config(args.config)
    from flows.eval_cmd import EvalDataError, run_summaries, run_translation

    try:
        if args.eval_command == "summaries":
            systems = [s.strip() for s in args.systems.split(",") if s.strip()]
            return run_summaries(cfg, args.data, systems, args.limit, args.out)
        return run_translation(cfg, args.data, args.limit, args.out)
    except (OSError, EvalDataError, ValueError) as exc:
        print(f"vnbrief: error: {exc}", file=sys.stderr)
        return EXIT_USAGE


def cmd_serve(args: argparse.Namespace) -> int:
    cfg = _load(args.config)
    from flows.serve import serve

    return serve(cfg, config_path=str(Path(args.config).resolve()), port=args.port)


def cmd_trigger(args: argparse.Namespace) -> int:
    cfg = _load(args.config)
    from flows.serve import trigger

    return trigger(cfg, wait=args.wait)


COMMANDS = {
    "run": cmd_run,
    "clean": cmd_clean,
    "models": cmd_models,
    "eval": cmd_eval,
    "serve": cmd_serve,
    "trigger": cmd_trigger,
}


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    from flows.prefect_env import VERBOSE_ENV

    if args.verbose:
        os.environ[VERBOSE_ENV] = "1"  # the processes `serve` starts inherit it
    try:
        return COMMANDS[args.command](args)
    except ConfigError as exc:
        print(f"vnbrief: config error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except EnvironmentProblem as exc:
        print(f"vnbrief: error: {exc}", file=sys.stderr)
        return exc.code
    except BrokenPipeError:  # `vnbrief clean x | head`: the reader left; not an error of ours
        sys.stderr.close()
        return EXIT_OK
    except KeyboardInterrupt:
        print("vnbrief: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # a bug: one line, the traceback only when asked for
        if args.verbose:
            traceback.print_exc()
        print(
            f"vnbrief: internal error: {type(exc).__name__}: {exc}"
            + ("" if args.verbose else " (run with --verbose for the traceback)"),
            file=sys.stderr,
        )
        return EXIT_INTERNAL
    finally:
        if args.verbose:
            os.environ.pop(VERBOSE_ENV, None)


if __name__ == "__main__":
    sys.exit(main())
