"""Throughput of `vnbrief run` (extractive path) as a new user would run it, vs the bare stages.

Each run is a fresh process (`python bench/throughput.py --child ...`) doing what `vnbrief run`
does (choose or boot the Prefect API before importing Prefect, run the flow, stop the server),
with timestamps. Still in that process, the bare pipeline functions then brief the same articles
(read, clean, summarize, render + atomic write, no Prefect), so flow/bare is measured on the same
machine load. Stage times of the flow are the task runs' durations read back from the Prefect API.

    python bench/throughput.py [--sizes 3,30,300,1000] [--runs 3] [--chunk-sizes 50]
    python bench/throughput.py --sizes 300,1000 --runners threads,dask --chunk-sizes 10,250

Inputs: distinct real articles from bench/throughput_data.py (VietnameseMDS, see its docstring).
Columns: wall = process start to exit; start-up = process start to the first article task
(imports, Prefect API boot, flow run creation, model check); articles = first article task start
to last brief written; finish = index, manifest, report, server stop; ms/art = articles / N;
bare = the same stages without Prefect; RSS = peak resident memory of the run (its largest
process). A second table compares the whole flow run (flow run created to report published:
the fixed per-run cost included) with the bare stages, and the marginal cost of one more
article (the slope between consecutive N) with the bare cost of one more article, which is
what the "flow overhead <= 2x bare" target is about once N is large. Medians of --runs runs.
Use `nice` on a shared machine.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.append(str(ROOT / "bench"))  # after ROOT: bench/models.py must not shadow models/

STAGES = ("ingest", "clean", "summarize", "translate", "write")
FUSED = "brief"  # a run of one chunk does clean..write in one task (flows/brief_flow.py)


def child(args: argparse.Namespace) -> None:
    """One run in this fresh process; prints one JSON line of timings."""
    t0 = float(os.environ["BENCH_T0"])
    from flows import cli
    from pipeline.config import load_config

    cfg = load_config(args.config)
    home = cli._prefect_home()
    from pipeline.language import load_identifier

    load_identifier(background=True)  # as `vnbrief run` does
    with cli._prefect_api(home) as api_ready:
        from flows.brief_flow import brief_articles

        api_ready()
        t_flow_call = time.time()
        state = brief_articles(
            paths=[args.inputs],
            config_path=args.config,
            out_dir=args.out,
            force=True,
            return_state=True,
        )
        report = state.result()
        flow_run_id = state.state_details.flow_run_id
        t_flow_end = time.time()
        from flows.brief_flow import chunk_size_for

        n_in = len(report.outcomes)
        chunks = -(-n_in // chunk_size_for(cfg.runner, n_in))
        stages = _stage_times(flow_run_id, 3 if chunks == 1 else 1 + len(STAGES) * chunks)
    t_end = time.time()
    written = written_count(report)
    bare = _bare(args.inputs, cfg, Path(args.out) / "bare")
    first_start = min(v["first_start"] for k, v in stages.items() if k in (*STAGES, FUSED))
    last_end = stages.get("write", stages.get(FUSED))["last_end"]
    print(
        json.dumps(
            {
                "written": written,
                "startup": first_start - t0,
                "articles": last_end - first_start,
                "finish": (t_flow_end - last_end)
                + (t_end - t_flow_end - stages["_query_s"]["total"]),
                "stages": {k: v["total"] for k, v in stages.items() if k in (*STAGES, FUSED)},
                "bare": bare,
                "end": t_end - t0 - stages["_query_s"]["total"],
                "flow": t_flow_end - t_flow_call,
            }
        )
    )


def written_count(report) -> int:
    return sum(1 for o in report.outcomes if o.status == "written")


def _stage_times(flow_run_id, expected: int) -> dict[str, dict[str, float]]:
    """Sum of task run durations per stage, from the API (task runs are recorded from events)."""
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterId
    from prefect.events.worker import EventsWorker

    started = time.time()
    EventsWorker.drain_all(timeout=10)
    runs = []
    with get_client(sync_client=True) as client:
        for _ in range(100):
            runs, page = [], None
            while page is None or len(page) == 200:  # the API returns at most 200 per call
                page = client.read_task_runs(
                    flow_run_filter=FlowRunFilter(id=FlowRunFilterId(any_=[flow_run_id])),
                    limit=200,
                    offset=len(runs),
                )
                runs += page
            if len(runs) >= expected and all(r.end_time for r in runs):
                break
            time.sleep(0.2)
    out: dict[str, dict[str, float]] = {}
    for run in runs:
        stage = run.name.rsplit("-", 1)[0]
        if stage not in (*STAGES, FUSED) or not (run.start_time and run.end_time):
            continue
        entry = out.setdefault(stage, {"total": 0.0, "first_start": 1e20, "last_end": 0.0})
        entry["total"] += (run.end_time - run.start_time).total_seconds()
        entry["first_start"] = min(entry["first_start"], run.start_time.timestamp())
        entry["last_end"] = max(entry["last_end"], run.end_time.timestamp())
    out["_query_s"] = {"total": time.time() - started}
    return out


def _bare(inputs: str, cfg, out: Path) -> dict[str, float]:
    """The same stages as plain function calls on the same articles (no Prefect)."""
    from flows.brief_flow import clean_document, summarize_all
    from models.registry import get_summarizer, get_translator
    from pipeline.ingest import IngestError, discover_inputs, read_source
    from pipeline.render import Brief, English, render_brief, slugify
    from pipeline.store import atomic_write_text

    files, _ = discover_inputs([inputs])
    summarizer, s_status = get_summarizer(cfg.summarizer, cfg.base_dir)
    translator, t_status = get_translator(cfg.translator, cfg.base_dir)
    times = dict.fromkeys(STAGES, 0.0)
    t = time.perf_counter()
    docs = []
    for path in files:
        # An input the flow refuses too (reported there) is not part of either timing.
        with contextlib.suppress(IngestError):
            docs.append(read_source(path, cfg.max_input_kb * 1024))
    times["ingest"] = time.perf_counter() - t
    t = time.perf_counter()
    articles = [clean_document(d) for d in docs]
    times["clean"] = time.perf_counter() - t
    t = time.perf_counter()
    summaries = summarize_all(summarizer, articles)
    times["summarize"] = time.perf_counter() - t
    t = time.perf_counter()
    if translator is None:
        englishes = [English(unavailable=t_status.reason)] * len(articles)
    else:
        texts = [[a.title, s.text, *s.key_points] for a, s in zip(articles, summaries, strict=True)]
        flat = translator.translate([x for group in texts for x in group])
        englishes, start = [], 0
        for group in texts:
            part = flat[start : start + len(group)]
            englishes.append(English(title=part[0], summary=part[1], key_points=tuple(part[2:])))
            start += len(group)
    times["translate"] = time.perf_counter() - t
    t = time.perf_counter()
    for doc, article, summary, english in zip(docs, articles, summaries, englishes, strict=True):
        brief = Brief(
            slug=slugify(article.title, doc.sha256),
            input_file=doc.path,
            input_sha256=doc.sha256,
            article=article,
            summary=summary,
            english=english,
            summarizer=s_status,
            translator=t_status,
            generated_at="2026-01-01T00:00:00+07:00",
        )
        atomic_write_text(out / f"{brief.slug}.md", render_brief(brief))
    times["write"] = time.perf_counter() - t
    return times


def run_once(inputs: Path, config: Path, home: Path) -> dict:
    with tempfile.TemporaryDirectory(prefix="vnbrief-bench-") as out:
        env = dict(
            os.environ, PREFECT_HOME=str(home), HF_HUB_OFFLINE="1", BENCH_T0=repr(time.time())
        )
        env.pop("PREFECT_API_URL", None)
        cmd = [
            sys.executable,
            __file__,
            "--child",
            "--inputs",
            str(inputs),
            "--config",
            str(config),
            "--out",
            out,
        ]
        start = time.time()
        log = Path(out) / "child.log"
        with log.open("wb") as err:
            proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=err, cwd=ROOT)
        stdout = proc.stdout.read()
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.time() - start
        if status != 0:
            tail = log.read_text(errors="replace")[-3000:]
            raise SystemExit(f"bench child failed ({status}):\n{tail}")
    result = json.loads(stdout.decode().strip().splitlines()[-1])
    result["wall"] = result["end"]  # the bare pass after it is not part of the run
    result["process"] = wall
    result["rss_mb"] = usage.ru_maxrss / 1024
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="3,30,300,1000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--chunk-sizes", default="250", help="comma-separated")
    parser.add_argument("--runners", default="threads", help="threads,dask: the crossover")
    parser.add_argument(
        "--reuse-server", action="store_true", help="runs find a `vnbrief serve` server"
    )
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--inputs", help=argparse.SUPPRESS)
    parser.add_argument("--config", help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args)
        return

    work = Path(tempfile.mkdtemp(prefix="vnbrief-bench-"))
    home = work / ".prefect"
    sizes = [int(s) for s in args.sizes.split(",")]
    setups = [(r, int(c)) for r in args.runners.split(",") for c in args.chunk_sizes.split(",")]

    def config_for(runner: str, chunk: int) -> Path:
        config = work / f"{runner}-{chunk}" / "configs" / "bench.yaml"
        config.parent.mkdir(parents=True, exist_ok=True)
        config.write_text(
            "summarizer:\n  backend: extractive\ntranslator:\n  backend: none\n"
            f"runner:\n  task_runner: {runner}\n  workers: 2\n  chunk_size: {chunk}\n",
            encoding="utf-8",
        )
        return config

    print(
        f"extractive path, translator none, median of {args.runs} runs (first: a warm-up run "
        "on 3 articles, not counted)"
    )
    server = _serve_like(home) if args.reuse_server else None
    try:
        rows = _measure(args, setups, sizes, config_for, home)
    finally:
        if server is not None:
            from flows.local_server import stop_server

            stop_server(server)
    _print(rows)


def _serve_like(home: Path):
    """A server as `vnbrief serve` leaves it (state file included), for runs to reuse."""
    from flows.local_server import free_port, start_server, write_serve_state

    os.environ["PREFECT_HOME"] = str(home)
    port = free_port()
    server = start_server(port, home / "server.log")
    api_url = f"http://127.0.0.1:{port}/api"
    write_serve_state(home, api_url, server.pid, "bench")  # records this (living) process
    print(f"reusing one Prefect server at {api_url}, as while `vnbrief serve` runs")
    return server


def _measure(args, setups, sizes, config_for, home) -> list:
    from throughput_data import DATA_ROOT, build

    build(3, DATA_ROOT / "articles-3")
    run_once(DATA_ROOT / "articles-3", config_for(*setups[0]), home)  # creates the database
    rows = []
    for runner, chunk in setups:
        config = config_for(runner, chunk)
        for n in sizes:
            inputs = DATA_ROOT / f"articles-{n}"
            build(n, inputs)
            runs = [run_once(inputs, config, home) for _ in range(args.runs)]
            # An input the decoder refuses (one garbled real article of the 628) is reported
            # FAILED by the flow; every run must brief the same ones.
            assert len({r["written"] for r in runs}) == 1 and runs[0]["written"] >= 0.99 * n
            rows.append((f"{runner}/{chunk}", n, runs))
    return rows


def _print(rows: list) -> None:
    def med(runs, key, sub=None):
        return statistics.median(r[key][sub] if sub else r[key] for r in runs)

    print(
        f"\n{'runner/chunk':>12} {'N':>5} {'wall s':>7} {'start-up s':>10} {'articles s':>10} "
        f"{'finish s':>8} "
        f"{'ms/art':>7} {'bare ms/art':>11} {'flow/bare':>9} {'art/min':>8} {'RSS MB':>7}"
    )
    for setup, n, runs in rows:
        bare = statistics.median(sum(r["bare"].values()) for r in runs)
        ratio = statistics.median(r["articles"] / sum(r["bare"].values()) for r in runs)
        articles = med(runs, "articles")
        print(
            f"{setup:>12} {n:>5} {med(runs, 'wall'):>7.2f} {med(runs, 'startup'):>10.2f} "
            f"{articles:>10.2f} {med(runs, 'finish'):>8.2f} {1000 * articles / n:>7.1f} "
            f"{1000 * bare / n:>11.1f} {ratio:>9.2f} {60 * n / med(runs, 'wall'):>8.0f} "
            f"{max(r['rss_mb'] for r in runs):>7.0f}"
        )
    _print_marginal(rows)
    print(
        "\nstage by stage, ms per article: flow = sum of the stage's chunk task run times "
        "(chunks overlap, so a task's time includes waiting for the others) / bare"
    )
    print("(one chunk: clean..write run as one task, shown under clean as the sum of them)")
    print(f"{'runner/chunk':>12} {'N':>5} " + " ".join(f"{s:>17}" for s in STAGES))
    for setup, n, runs in rows:
        fused = any(FUSED in r["stages"] for r in runs)
        cells = []
        for stage in STAGES:
            if fused and stage != "ingest":
                if stage != "clean":
                    cells.append(f"{'(in clean)':>17}")
                    continue
                flow = statistics.median(r["stages"].get(FUSED, 0.0) for r in runs)
                bare = statistics.median(sum(r["bare"][s] for s in STAGES[1:]) for r in runs)
            else:
                flow = statistics.median(r["stages"].get(stage, 0.0) for r in runs)
                bare = med(runs, "bare", stage)
            cells.append(f"{1000 * flow / n:>8.2f} /{1000 * bare / n:>7.2f}")
        print(f"{setup:>12} {n:>5} " + " ".join(cells))


def _print_marginal(rows: list) -> None:
    """Fixed per-run cost vs cost per extra article: the slope between consecutive sizes."""
    print(
        "\nwhole flow run (flow run created -> report published, no process start-up) vs bare; "
        "marginal = slope between this N and the previous one"
    )
    print(
        f"{'runner/chunk':>12} {'N':>5} {'flow s':>7} {'bare s':>7} {'flow/bare':>9} "
        f"{'marginal ms/art':>15} {'bare ms/art':>11} {'marginal/bare':>13}"
    )
    previous: dict[str, tuple[int, float, float]] = {}
    for setup, n, runs in rows:
        flow = statistics.median(r["flow"] for r in runs)
        bare = statistics.median(sum(r["bare"].values()) for r in runs)
        cells = f"{'-':>15} {'-':>11} {'-':>13}"
        if setup in previous and n > previous[setup][0]:
            n0, flow0, bare0 = previous[setup]
            slope, bare_slope = (flow - flow0) / (n - n0), (bare - bare0) / (n - n0)
            cells = (
                f"{1000 * slope:>15.2f} {1000 * bare_slope:>11.2f} "
                f"{slope / bare_slope if bare_slope > 0 else float('nan'):>13.2f}"
            )
        previous[setup] = (n, flow, bare)
        print(f"{setup:>12} {n:>5} {flow:>7.2f} {bare:>7.2f} {flow / bare:>9.2f} {cells}")


if __name__ == "__main__":
    main()
