"""Environment Prefect must see before it is first imported, so runs are quiet and work offline."""

from __future__ import annotations

import os
from pathlib import Path


def prepare_prefect_env(project_dir: Path) -> None:
    """Keep Prefect's database and results inside the project and stop telemetry lookups.

    Values already set by the user win, so an existing server (PREFECT_API_URL) or home is used.
    """
    os.environ.setdefault("PREFECT_HOME", str(project_dir / ".prefect"))
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("DO_NOT_TRACK", "1")
    # A fresh SQLite database takes 8-10 s to start here; the default 20 s limit is too tight.
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")
    os.environ.setdefault("PREFECT_SERVER_ALLOW_EPHEMERAL_MODE", "true")
    # One "Finished in state Completed()" line per task run drowns the per-article progress lines.
    os.environ.setdefault("PREFECT_LOGGING_LOGGERS_PREFECT_TASK_RUNS_LEVEL", "WARNING")
    # transformers/huggingface: no progress bars or telemetry in logs.
    os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
