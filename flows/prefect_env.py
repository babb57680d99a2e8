"""Environment Prefect must see before it is first imported, so runs are quiet and work offline.

Also where Prefect keeps its state (never beside a read-only config) and which log lines reach
the terminal (vnbrief's own; Prefect's internals only with --verbose).
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
from pathlib import Path

from pipeline.store import ensure_writable_dir

PROJECT_DIR = Path(__file__).resolve().parent.parent
# Our own modules: their log records are what a user reads; Prefect's are diagnostics.
OWN_CODE = tuple(str(PROJECT_DIR / d) + os.sep for d in ("flows", "pipeline", "models"))
VERBOSE_ENV = "VNBRIEF_VERBOSE"  # "1": --verbose, passed on to the processes `serve` starts


class PrefectHomeError(OSError):
    """No writable place for Prefect's database; the CLI prints one line."""


def _user_state_dir() -> Path:
    base = os.environ.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
    return Path(base) / "vnbrief" / "prefect"


def choose_prefect_home() -> Path:
    """PREFECT_HOME if set; else <project>/.prefect; else the user's state folder.

    Independent of --config on purpose: `vnbrief trigger` finds what `vnbrief serve --config
    other.yaml` started, and a config in a read-only folder cannot make Prefect hang trying to
    create its database there.
    """
    if os.environ.get("PREFECT_HOME"):
        home = Path(os.environ["PREFECT_HOME"]).expanduser()
        candidates = [home]
    else:
        candidates = [PROJECT_DIR / ".prefect", _user_state_dir()]
    errors = []
    for home in candidates:
        try:
            ensure_writable_dir(home)
            return home
        except OSError as exc:
            errors.append(f"{home}: {exc.strerror or exc}")
    raise PrefectHomeError(
        "no writable folder for Prefect's state (" + "; ".join(errors) + "); "
        "set PREFECT_HOME to a writable folder"
    )


def prepare_prefect_env(project_dir: Path | None = None) -> Path:
    """Keep Prefect's database and results in one writable place and stop telemetry lookups.

    Values already set by the user win, so an existing server (PREFECT_API_URL) is used.
    `project_dir` is accepted for callers that pass the config's folder; it no longer decides
    where the state lives (see choose_prefect_home). Returns PREFECT_HOME.
    """
    home = choose_prefect_home()
    os.environ["PREFECT_HOME"] = str(home)
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
    return home


def api_url_configured() -> bool:
    """True when a Prefect API is already set (env, or settings of an imported Prefect: tests)."""
    if os.environ.get("PREFECT_API_URL", "").strip():
        return True
    if "prefect" not in sys.modules:
        return False
    from prefect.settings import get_current_settings

    return bool(get_current_settings().api.url)


class _OwnRecordsOnly(logging.Filter):
    """Terminal shows vnbrief's own log lines, one line each; Prefect's engine chatter
    (task failures already in the report, state changes, shutdown errors) stays out."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not record.pathname.startswith(OWN_CODE):
            return False
        record.exc_info = None  # a traceback only with --verbose
        record.exc_text = None
        record.stack_info = None
        return True


_FILTER = _OwnRecordsOnly()


def quiet_logging(verbose: bool) -> None:
    """Install (or, with verbose, remove) the terminal filter on every console handler.

    Call after Prefect is imported: it configures logging on import.
    """
    loggers = [logging.getLogger()] + [
        logging.getLogger(name) for name in list(logging.root.manager.loggerDict)
        if name.startswith(("prefect", "uvicorn", "fastapi", "httpx"))
    ]
    for logger in loggers:
        for handler in getattr(logger, "handlers", []):
            if not isinstance(handler, logging.StreamHandler):
                continue  # the API handler sends logs to the server/UI, unfiltered
            if verbose:
                handler.removeFilter(_FILTER)
            else:
                handler.addFilter(_FILTER)


def drain_background_workers(timeout_s: float = 5.0) -> None:
    """Send the logs and events Prefect still queues, while its server is up.

    Without this they are sent at interpreter exit, after vnbrief stopped the server: each then
    retries for a minute and prints "Error logging to API".
    """
    if "prefect" not in sys.modules:
        return
    from prefect.events.worker import EventsWorker
    from prefect.logging.handlers import APILogWorker

    for worker in (APILogWorker, EventsWorker):
        # Draining is a courtesy: never turn a finished run into an error.
        with contextlib.suppress(Exception):
            worker.drain_all(timeout=timeout_s)


@contextlib.contextmanager
def without_flow_heartbeats():
    """No flow run heartbeats while the API is a temporary server of this process.

    Heartbeats let a lasting server mark a crashed run as crashed; a temporary server dies with
    the run, so there they only cost: Prefect's heartbeat thread sleeps in 1 s steps and every
    flow run waits for it to wake before it ends (0.5 s a run on average, up to 1 s).
    """
    from prefect.settings import PREFECT_FLOWS_HEARTBEAT_FREQUENCY, temporary_settings

    with temporary_settings(updates={PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None}):
        yield
