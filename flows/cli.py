"""`vnbrief` command line: parse arguments, validate config, then hand over to the flows.

Prefect is imported only after the environment is prepared, so every command runs offline with
its state kept in the project folder.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

from pipeline.config import Config, ConfigError, load_config

DEFAULT_CONFIG = Path(__file__).resolve().parent.parent / "configs" / "default.yaml"
EXIT_OK, EXIT_INCOMPLETE, EXIT_USAGE = 0, 1, 2


def _iso_day(value: str) -> str:
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a date in YYYY-MM-DD form: {value!r}") from exc


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="vnbrief", description="Bilingual (Vietnamese + English) briefs of Vietnamese news."
    )
    sub = parser.add_subparsers(dest="command", required=True)

    def add_config(p: argparse.ArgumentParser) -> None:
        p.add_argument("--config", default=str(DEFAULT_CONFIG), help="YAML config file")

    run = sub.add_parser("run", help="brief articles now (files or folders; default: the inbox)")
    run.add_argument("paths", nargs="*", help="article files (.txt, .html) or folders")
    add_config(run)
    run.add_argument("--out", help="output folder (default: outputs from the config)")
    run.add_argument("--date", type=_iso_day, help="day folder YYYY-MM-DD (default: today)")
    run.add_argument("--force", action="store_true", help="redo articles that are unchanged")

    clean = sub.add_parser("clean", help="print one article with scraped boilerplate removed")
    clean.add_argument("file")
    clean.add_argument("--json", action="store_true", help="metadata, paragraphs and removals")

    models = sub.add_parser("models", help="configured models: list, pull")
    models_sub = models.add_subparsers(dest="models_command", required=True)
    for name, text in (("list", "where each model loads from"), ("pull", "download to HF cache")):
        add_config(models_sub.add_parser(name, help=text))
    train = models_sub.add_parser("train-extractive", help="train the learned summarizer")
    add_config(train)
    train.add_argument("--train", required=True, help="JSONL with text, summary (and title)")
    train.add_argument("--out", help="model file (default: the packaged models/data one)")

    ev = sub.add_parser("eval", help="score summarizers / the translator against references")
    ev_sub = ev.add_subparsers(dest="eval_command", required=True)
    ev_sum = ev_sub.add_parser("summaries", help="ROUGE-1/2/L on syllables vs JSONL references")
    ev_sum.add_argument("data", help="JSONL lines with text, summary (optional title)")
    ev_sum.add_argument("--systems", default="configured", help="comma-separated; also always "
                        "lead-3, extractive, learned. Known: configured, lead-N, extractive, "
                        "learned, lexrank-N, textrank-N, lsa-N, luhn-N")
    ev_tr = ev_sub.add_parser("translation", help="BLEU and chrF vs TSV/JSONL (vi, en) references")
    ev_tr.add_argument("data", help="TSV vi<TAB>en, or JSONL with vi and en")
    for p in (ev_sum, ev_tr):
        add_config(p)
        p.add_argument("--limit", type=int, help="score only the first N items")
        p.add_argument("--out", help="Markdown file (default: <outputs>/eval/<data>-<kind>.md)")

    serve = sub.add_parser("serve", help="run the daily schedule on a local Prefect server")
    add_config(serve)
    serve.add_argument("--port", type=int, default=4200, help="Prefect server port")

    trigger = sub.add_parser("trigger", help="run the served daily deployment now")
    add_config(trigger)
    trigger.add_argument("--wait", action="store_true", help="wait for the run to finish")
    return parser


def _load(path: str) -> Config:
    cfg = load_config(path)
    from flows.prefect_env import prepare_prefect_env

    prepare_prefect_env(Path(cfg.base_dir))
    return cfg


def cmd_run(args: argparse.Namespace) -> int:
    _load(args.config)
    from flows.brief_flow import brief_articles
    from pipeline.report import render_report

    report = brief_articles(
        paths=[str(Path(p).resolve()) for p in args.paths] or None,
        config_path=str(Path(args.config).resolve()),
        out_dir=str(Path(args.out).resolve()) if args.out else None,
        day=args.date,
        force=args.force,
    )
    print(render_report(report))
    return EXIT_OK if report.all_briefed and report.outcomes else EXIT_INCOMPLETE


def cmd_clean(args: argparse.Namespace) -> int:
    from pipeline.clean import article_to_json, clean_text
    from pipeline.htmltext import html_to_text
    from pipeline.ingest import IngestError, read_source

    try:
        doc = read_source(args.file, max_bytes=50 * 1024 * 1024)
        text = html_to_text(doc.text) if doc.is_html else doc.text
    except (IngestError, ValueError) as exc:
        print(f"vnbrief: error: {args.file}: {exc}", file=sys.stderr)
        return EXIT_INCOMPLETE
    article = clean_text(text)
    if args.json:
        print(json.dumps(article_to_json(article), ensure_ascii=False, indent=2))
    else:
        print(article.title + "\n\n" + article.body)
    return EXIT_OK


def cmd_models(args: argparse.Namespace) -> int:
    cfg = _load(args.config)
    from flows.model_commands import models_list, models_pull

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
    try:
        return COMMANDS[args.command](args)
    except ConfigError as exc:
        print(f"vnbrief: config error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:  # `vnbrief clean x | head`: the reader left; not an error of ours
        sys.stderr.close()
        return EXIT_OK
    except KeyboardInterrupt:
        print("vnbrief: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
