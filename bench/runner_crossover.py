"""Threads vs Dask for the flow's chunk tasks: where a local Dask cluster starts to pay off.

Each row runs the same Prefect flow three ways: with the flow's thread pool; with the Dask
runner as `runner.task_runner: dask` without an address sets it up (a new local cluster of 2
worker processes x 1 thread for the run, its start counted); and against an existing cluster of
the same shape (`runner.address`, warmed by one untimed run, so models are already loaded in
its workers). Each run is TASKS chunk tasks of real pipeline work: read, clean
(pipeline.clean) and summarize (the embedded learned summarizer) real VietnameseMDS articles
(bench/throughput_data.py). That work is pure Python and holds the GIL, so threads run it on
one core however many there are; Dask runs it in two processes but pays for the cluster's start,
for shipping task inputs and results, and for the model loading again in each worker. The
chunk size (articles per task) sets the task length, from ~0.05 s to a few seconds.

One more row runs a torch model task (a tiny random-weight T5, beam search) the same way: torch
releases the GIL inside its kernels and already uses every core, so threads lose nothing there.

    python bench/runner_crossover.py [--chunks 5,20,60,150,300] [--runs 3] [--tasks 8]

Columns: task s = one chunk task's work done bare in this process (median); threads, dask new,
dask existing = seconds from entering the task runner to the last result (the new cluster's
start included); a ratio < 1 means Dask won. Medians of --runs runs, runners alternating.
Use `nice` on a shared machine: the numbers are only as quiet as the machine.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))
sys.path.append(str(BENCH))  # after ROOT: bench/models.py must not shadow models/

TORCH_TOKENS = 48  # new tokens per generate() in the torch task (sets its length)


def _summarizer():
    from models.registry import get_summarizer
    from pipeline.config import SummarizerConfig

    summarizer, status = get_summarizer(SummarizerConfig(backend="learned"))
    assert status.used == "learned", status.reason
    return summarizer


def brief_chunk_bare(paths: list[str]) -> list[str]:
    """The stage work of one chunk: read, clean and summarize each article (as the flow does)."""
    from flows.brief_flow import clean_document
    from pipeline.ingest import read_source

    summarizer = _summarizer()
    out = []
    for path in paths:
        article = clean_document(read_source(path, 1 << 20))
        out.append(summarizer.summarize(article).text)
    return out


_TINY: dict[str, object] = {}


def _tiny_t5():
    """A small random-weight T5 (seeded, so every worker builds the same one), built once."""
    if "model" not in _TINY:
        import torch
        from transformers import T5Config, T5ForConditionalGeneration

        torch.manual_seed(0)
        config = T5Config(
            vocab_size=8000,
            d_model=256,
            d_kv=32,
            d_ff=1024,
            num_layers=4,
            num_decoder_layers=4,
            num_heads=8,
            pad_token_id=0,
            eos_token_id=1,
            decoder_start_token_id=0,
        )
        _TINY["model"] = T5ForConditionalGeneration(config).eval()
    return _TINY["model"]


def generate_chunk_bare(rounds: int) -> int:
    """`rounds` beam-search generate() calls on a 4 x 256-token batch, under the model lock."""
    import torch

    from flows.brief_flow import model_lock

    model = _tiny_t5()
    generator = torch.Generator().manual_seed(1)
    tokens = 0
    with model_lock():
        for _ in range(rounds):
            ids = torch.randint(5, 8000, (4, 256), generator=generator)
            with torch.inference_mode():
                out = model.generate(
                    input_ids=ids,
                    num_beams=4,
                    max_new_tokens=TORCH_TOKENS,
                    min_new_tokens=TORCH_TOKENS,
                    no_repeat_ngram_size=3,
                )
            tokens += out.numel()
    return tokens


def _tasks():
    from prefect import task
    from prefect.cache_policies import NO_CACHE

    brief = task(name="brief-chunk", cache_policy=NO_CACHE)(brief_chunk_bare)
    generate = task(name="generate-chunk", cache_policy=NO_CACHE)(generate_chunk_bare)
    return brief, generate


def _flow():
    from prefect import flow

    from flows.brief_flow import _submitter, _task_runner
    from pipeline.config import RunnerConfig

    @flow(name="runner-crossover")
    def crossover(
        kind: str, runner: str, inputs: list, address: str | None = None
    ) -> dict[str, float]:
        import runner_crossover as rc  # by module name, so Dask workers import it too

        brief, generate = rc._tasks()
        fn = brief if kind == "brief" else generate
        key = "paths" if kind == "brief" else "rounds"
        t0 = time.perf_counter()
        config = RunnerConfig(task_runner=runner, workers=2, address=address)
        with _task_runner(config) as dask:
            t1 = time.perf_counter()
            submit = _submitter(dask)
            futures = [submit(fn, **{key: item}) for item in inputs]
            for future in futures:
                future.result()
            t2 = time.perf_counter()
        return {"start": t1 - t0, "tasks": t2 - t1, "wall": t2 - t0}

    return crossover


def _briefable(path: Path) -> bool:
    """The flow refuses one garbled article of the 628 (reported FAILED): leave it out here."""
    from pipeline.ingest import IngestError, read_source

    try:
        read_source(path, 1 << 20)
    except IngestError:
        return False
    return True


def _median_bare(fn, arg, runs: int) -> float:
    fn(arg)  # warm: models loaded, files cached
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn(arg)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chunks", default="5,25,100,250,500", help="articles per task")
    parser.add_argument("--tasks", type=int, default=6, help="chunk tasks per flow run")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--torch-rounds", type=int, default=1, help="generate() calls per task")
    args = parser.parse_args()

    home = Path(tempfile.mkdtemp(prefix="vnbrief-crossover-"))
    os.environ["PREFECT_HOME"] = str(home / ".prefect")
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
    os.environ.pop("PREFECT_API_URL", None)
    os.environ.setdefault("DASK_LOGGING__DISTRIBUTED", "error")  # no cluster chatter
    from throughput_data import DATA_ROOT, build

    from flows import cli

    files = [str(p) for p in build(628, DATA_ROOT / "articles-628") if _briefable(p)]
    sizes = [int(c) for c in args.chunks.split(",")]
    rows = []
    from distributed import LocalCluster

    with (
        cli._prefect_api(cli._prefect_home()) as api_ready,
        LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0"
        ) as cluster,
    ):
        api_ready()
        import runner_crossover as rc

        crossover = rc._flow()
        address = cluster.scheduler_address
        crossover("brief", "threads", [files[:2]])  # warm-up: database, imports
        for kind, item in (("brief", files[:2]), ("generate", 1)):  # the cluster's workers
            crossover(kind, "dask", [item, item], address)  # load their models once
        for size in sizes:
            chunks = [
                [files[(t * size + k) % len(files)] for k in range(size)]
                for t in range(args.tasks)
            ]
            task_s = _median_bare(rc.brief_chunk_bare, chunks[0], args.runs)
            rows.append(
                _row(crossover, "brief", f"brief x{size}", task_s, chunks, args.runs, address)
            )
        torch_s = _median_bare(rc.generate_chunk_bare, args.torch_rounds, args.runs)
        rounds = [args.torch_rounds] * args.tasks
        rows.append(_row(crossover, "generate", "torch T5", torch_s, rounds, args.runs, address))
    _print(rows, args)


def _row(crossover, kind, label, task_s, inputs, runs, address) -> dict:
    setups = {"threads": ("threads", None), "new": ("dask", None), "existing": ("dask", address)}
    results: dict[str, list] = {name: [] for name in setups}
    for _ in range(runs):
        for name, (runner, where) in setups.items():  # alternate: a load spike hits all alike
            results[name].append(crossover(kind, runner, inputs, where))
    print(f"  measured {label}: task {task_s:.2f} s", file=sys.stderr, flush=True)
    return {"label": label, "task_s": task_s, **results}


def _print(rows: list[dict], args) -> None:
    def med(runs, key):
        return statistics.median(r[key] for r in runs)

    load = os.getloadavg()[0]
    print(
        f"\n{args.tasks} chunk tasks per flow run; Dask: 2 worker processes x 1 thread; median "
        f"of {args.runs} runs; {os.cpu_count()} cores, 1-min load {load:.1f} at the end"
    )
    print(
        f"{'task':>12} {'task s':>7} {'threads s':>9} {'dask new s':>10} {'new/thr':>7} "
        f"{'dask existing s':>15} {'existing/thr':>12}"
    )
    won: dict[str, list[str]] = {"new": [], "existing": []}
    for row in rows:
        threads = med(row["threads"], "wall")
        cells = []
        for name in won:
            wall = med(row[name], "wall")
            cells.append((wall, wall / threads))
            if row["label"].startswith("brief") and wall < threads:
                won[name].append(f"{row['label']} ({row['task_s']:.2f} s tasks)")
        (new, new_ratio), (old, old_ratio) = cells
        print(
            f"{row['label']:>12} {row['task_s']:>7.2f} {threads:>9.2f} {new:>10.2f} "
            f"{new_ratio:>7.2f} {old:>15.2f} {old_ratio:>12.2f}"
        )
    print()
    for name, rows_won in won.items():
        # Not "a crossover": on a busy machine one row can win by noise; the list shows it.
        where = ", ".join(rows_won) if rows_won else "none of the stage-work rows"
        print(f"a {name} Dask cluster beat threads at: {where}")


if __name__ == "__main__":
    main()
