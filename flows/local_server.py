"""Prefect API servers that vnbrief starts itself, tied to vnbrief's life.

`vnbrief run` needs a Prefect API; Prefect's own temporary server inherits the terminal (its
shutdown noise reaches the user) and outlives a `kill -9` of the run. So vnbrief starts the same
server itself: output into a log file, its own process group, and PR_SET_PDEATHSIG so the kernel
stops it when vnbrief dies however it dies. `vnbrief serve` uses the same helpers for its
long-lived `prefect server start`.

Stdlib only: Prefect must not be imported before PREFECT_API_URL is set.
"""

from __future__ import annotations

import contextlib
import importlib.util
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

HEALTH_TIMEOUT_S = 60.0  # a fresh SQLite database takes 8-12 s here; slow disks need more
STOP_TIMEOUT_S = 15.0
SERVE_STATE_FILE = "vnbrief-serve.json"  # under PREFECT_HOME: lets `trigger` find `serve`


class ServerError(RuntimeError):
    """A server that will not start or a busy port; printed as one line."""


def healthy(api_url: str, timeout_s: float = 2.0) -> bool:
    """True when a Prefect API answers its health check."""
    try:
        with urllib.request.urlopen(f"{api_url.rstrip('/')}/health", timeout=timeout_s) as resp:
            return resp.status == 200
    except (urllib.error.URLError, OSError, ValueError):
        return False


def port_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _die_with_parent() -> None:
    """Linux: the child gets SIGTERM when vnbrief dies without cleanup (SIGKILL, OOM killer)."""
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # 1 = PR_SET_PDEATHSIG
    except Exception:  # best effort: the try/finally of the caller is the main guard
        pass


def log_tail(path: Path, lines: int = 15) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return ""


def _spawn(args: list[str], env: dict[str, str], log_path: Path) -> subprocess.Popen[bytes]:
    log_path.parent.mkdir(parents=True, exist_ok=True)
    with log_path.open("wb") as log:
        return subprocess.Popen(
            args,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # a terminal Ctrl-C reaches vnbrief, which stops it in order
            preexec_fn=_die_with_parent if sys.platform == "linux" else None,
        )


def wait_healthy(proc: subprocess.Popen[bytes], api_url: str, log_path: Path) -> None:
    try:
        deadline = time.monotonic() + HEALTH_TIMEOUT_S
        while not healthy(api_url, timeout_s=1.0):
            if proc.poll() is not None:
                raise ServerError(
                    f"the Prefect server exited with code {proc.returncode} before it was ready "
                    f"(log: {log_path}):\n{log_tail(log_path)}"
                )
            if time.monotonic() > deadline:
                raise ServerError(
                    f"the Prefect server did not answer {api_url}/health within "
                    f"{HEALTH_TIMEOUT_S:.0f} s (log: {log_path}):\n{log_tail(log_path)}"
                )
            time.sleep(0.2)
    except BaseException:  # Ctrl-C while waiting, too: never leave the child behind
        stop_server(proc)
        raise


def start_server(port: int, log_path: Path) -> subprocess.Popen[bytes]:
    """`prefect server start` on 127.0.0.1:port (UI, scheduler), healthy when this returns."""
    api_url = f"http://127.0.0.1:{port}/api"
    if not port_free(port):
        hint = (
            f"a Prefect server already answers there: use it with PREFECT_API_URL={api_url}"
            if healthy(api_url)
            else "another program uses it"
        )
        raise ServerError(f"port {port} is busy ({hint}), or pick another with --port")
    env = dict(os.environ)
    env.pop("PREFECT_API_URL", None)  # the server itself must not try to talk to a server
    args = [sys.executable, "-m", "prefect", "server", "start", "--host", "127.0.0.1"]
    proc = _spawn([*args, "--port", str(port)], env, log_path)
    wait_healthy(proc, api_url, log_path)
    return proc


def _prefect_package_dir() -> str:
    spec = importlib.util.find_spec("prefect")
    if spec is None or not spec.submodule_search_locations:
        raise ServerError("Prefect is not installed in this environment")
    return str(Path(next(iter(spec.submodule_search_locations))).parent)


def start_temporary_server(log_path: Path) -> tuple[subprocess.Popen[bytes], str]:
    """The server Prefect would start for a run without PREFECT_API_URL (same command and
    settings as prefect.server.api.server.SubprocessASGIServer, Prefect 3.8), but owned by us."""
    port = free_port()
    env = dict(os.environ)
    env.pop("PREFECT_API_URL", None)
    env.update(PREFECT_UI_ENABLED="0", PREFECT__SERVER_EPHEMERAL="1", PREFECT__SERVER_FINAL="1")
    args = [
        sys.executable, "-m", "uvicorn", "--app-dir", _prefect_package_dir(), "--factory",
        "prefect.server.api.server:create_app", "--host", "127.0.0.1", "--port", str(port),
        "--log-level", "error", "--lifespan", "on",
    ]  # fmt: skip
    proc = _spawn(args, env, log_path)
    api_url = f"http://127.0.0.1:{port}/api"
    wait_healthy(proc, api_url, log_path)
    return proc, api_url


def stop_server(proc: subprocess.Popen[bytes]) -> None:
    """SIGTERM the server's process group, wait, then SIGKILL: a second Ctrl-C skips the wait."""
    if proc.poll() is not None:
        return

    def signal_group(sig: int) -> None:
        try:
            os.killpg(proc.pid, sig)  # its own session: pgid == pid
        except (ProcessLookupError, PermissionError):
            with contextlib.suppress(ProcessLookupError):
                proc.send_signal(sig)

    signal_group(signal.SIGTERM)
    try:
        proc.wait(timeout=STOP_TIMEOUT_S)
    except (subprocess.TimeoutExpired, KeyboardInterrupt):
        signal_group(signal.SIGKILL)
        proc.wait(timeout=5)


def write_serve_state(home: Path, api_url: str, server_pid: int | None, config: str) -> Path:
    path = home / SERVE_STATE_FILE
    state = {"api_url": api_url, "pid": os.getpid(), "server_pid": server_pid, "config": config}
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(state) + "\n", encoding="utf-8")
    return path


def read_serve_state(home: Path) -> dict | None:
    """What a running `vnbrief serve` recorded, if that serve process is still alive."""
    try:
        state = json.loads((home / SERVE_STATE_FILE).read_text(encoding="utf-8"))
        os.kill(int(state["pid"]), 0)
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return state if isinstance(state.get("api_url"), str) else None
