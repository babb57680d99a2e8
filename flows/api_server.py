"""Which Prefect API a `vnbrief run` talks to, found or started before Prefect is imported.

Prefect's own temporary server starts only when the flow first needs it, after ~2 s of imports,
and takes 4-8 s to boot; `vnbrief run` spends most of its fixed cost waiting for it. So the CLI
decides first: PREFECT_API_URL if set; else the server of a running `vnbrief serve` (no boot at
all); else it starts the same temporary server (uvicorn with Prefect's ephemeral app) as its very
first step, so the server boots on the other core while this process imports Prefect and the
pipeline. Its log goes to $PREFECT_HOME/temporary-server.log instead of the terminal, and it is
stopped when the command ends. stdlib only: nothing here may import Prefect.
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

HEALTH_TIMEOUT_S = 120.0  # a fresh SQLite database on a busy machine can take this long


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class TemporaryServer:
    """Prefect's ephemeral API app in a child process on a free local port."""

    def __init__(self, prefect_home: Path) -> None:
        self.port = _free_port()
        self.api_url = f"http://127.0.0.1:{self.port}/api"
        self.log_path = prefect_home / "temporary-server.log"
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
        # The settings Prefect's own SubprocessASGIServer gives its child: no UI, ephemeral app.
        env.update(PREFECT_UI_ENABLED="0", PREFECT__SERVER_EPHEMERAL="1", PREFECT__SERVER_FINAL="1")
        with self.log_path.open("wb") as log:
            self.proc = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "uvicorn",
                    "--factory",
                    "prefect.server.api.server:create_app",
                    "--host",
                    "127.0.0.1",
                    "--port",
                    str(self.port),
                    "--log-level",
                    "error",
                    "--lifespan",
                    "on",
                ],
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # a terminal Ctrl-C reaches vnbrief, which stops it
            )

    def wait_ready(self, timeout_s: float = HEALTH_TIMEOUT_S) -> None:
        from flows.serve import _healthy

        deadline = time.monotonic() + timeout_s
        while not _healthy(self.api_url, timeout_s=1.0):
            if self.proc.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(
                    f"the temporary Prefect server did not start (log: {self.log_path})"
                )
            time.sleep(0.05)

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


def _no_wait() -> None:
    return None


@contextlib.contextmanager
def prefect_api(prefect_home: Path) -> Iterator[Callable[[], None]]:
    """Choose (or start) the API; yields a function that waits until it answers.

    Must be entered before Prefect is imported, which reads PREFECT_API_URL at import; when
    Prefect is already imported (tests, notebooks) its own settings are left alone.
    """
    if "prefect" in sys.modules or os.environ.get("PREFECT_API_URL", "").strip():
        yield _no_wait
        return
    from flows.serve import served_api_url

    url = served_api_url()
    server = None if url else TemporaryServer(prefect_home)
    os.environ["PREFECT_API_URL"] = url or server.api_url
    try:
        yield server.wait_ready if server else _no_wait
    finally:
        os.environ.pop("PREFECT_API_URL", None)
        if server is not None:
            _drain_prefect()
            server.stop()


def _drain_prefect() -> None:
    """Send Prefect's queued logs and events before their server goes away (else: errors)."""
    if "prefect" not in sys.modules:
        return
    with contextlib.suppress(Exception):
        from prefect.events.worker import EventsWorker
        from prefect.logging.handlers import APILogWorker

        APILogWorker.drain_all(timeout=5)
        EventsWorker.drain_all(timeout=5)
