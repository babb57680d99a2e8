"""`vnbrief serve` / `vnbrief trigger`: the daily schedule on a real local Prefect server.

Schedules never fire on Prefect's ephemeral server, so `serve` starts `prefect server start` as a
child process (unless PREFECT_API_URL points at one already), serves `brief_articles` with a cron
schedule from the config, and stops the server again on Ctrl-C or SIGTERM so no orphan is left.

Prefect is imported only after PREFECT_API_URL is set: its settings are read at import time.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import warnings
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from types import FrameType
from zoneinfo import ZoneInfo

from pipeline.config import Config

FLOW_NAME = "brief_articles"
DEPLOYMENT_NAME = "daily-briefs"
DEPLOYMENT = f"{FLOW_NAME}/{DEPLOYMENT_NAME}"
DEFAULT_API_URL = "http://127.0.0.1:4200/api"
HEALTH_TIMEOUT_S = 60.0  # a fresh SQLite database takes 8-12 s here; slow disks need more
STOP_TIMEOUT_S = 15.0
STATE_FILE = "vnbrief-serve.json"  # under PREFECT_HOME: lets `trigger` find a server on any port
EXIT_OK, EXIT_FAIL = 0, 1


class ServeError(RuntimeError):
    """A problem the user can fix (busy port, server that will not start); printed as one line."""


def _err(message: str) -> None:
    print(f"vnbrief: error: {message}", file=sys.stderr)


def _prefect_home() -> Path:
    # The CLI sets PREFECT_HOME (default <project>/.prefect) before calling us.
    return Path(os.environ.get("PREFECT_HOME", Path.home() / ".prefect")).expanduser()


def _healthy(api_url: str, timeout_s: float = 2.0) -> bool:
    """True when a Prefect API answers its health check (stdlib only: no prefect import yet)."""
    try:
        with urllib.request.urlopen(f"{api_url.rstrip('/')}/health", timeout=timeout_s) as resp:
            return resp.status == 200
    except (urllib.error.URLError, OSError, ValueError):
        return False


def _port_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def _die_with_parent() -> None:
    """Linux: the server gets SIGTERM if vnbrief dies without cleanup (SIGKILL, OOM killer)."""
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # 1 = PR_SET_PDEATHSIG
    except Exception:  # best effort: the try/finally in serve() is the main guard
        pass


def _log_tail(path: Path, lines: int = 15) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return ""


def start_server(port: int, log_path: Path) -> subprocess.Popen[bytes]:
    """Start `prefect server start` on 127.0.0.1:port and wait until its API is healthy.

    The server runs in its own session so a terminal Ctrl-C reaches only vnbrief, which then
    stops the runner first (it pauses the schedule through the API) and the server last.
    """
    api_url = f"http://127.0.0.1:{port}/api"
    if not _port_free(port):
        hint = (
            f"a Prefect server already answers there: use it with PREFECT_API_URL={api_url}"
            if _healthy(api_url)
            else "another program uses it"
        )
        raise ServeError(f"port {port} is busy ({hint}), or pick another with --port")
    env = dict(os.environ)
    env.pop("PREFECT_API_URL", None)  # the server itself must not try to talk to a server
    log_path.parent.mkdir(parents=True, exist_ok=True)
    with log_path.open("wb") as log:
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "prefect",
                "server",
                "start",
                "--host",
                "127.0.0.1",
                "--port",
                str(port),
            ],
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            preexec_fn=_die_with_parent if sys.platform == "linux" else None,
        )
    try:
        deadline = time.monotonic() + HEALTH_TIMEOUT_S
        while not _healthy(api_url, timeout_s=1.0):
            if proc.poll() is not None:
                raise ServeError(
                    f"the Prefect server exited with code {proc.returncode} before it was ready "
                    f"(log: {log_path}):\n{_log_tail(log_path)}"
                )
            if time.monotonic() > deadline:
                raise ServeError(
                    f"the Prefect server did not answer {api_url}/health within "
                    f"{HEALTH_TIMEOUT_S:.0f} s (log: {log_path}):\n{_log_tail(log_path)}"
                )
            time.sleep(0.3)
    except BaseException:  # Ctrl-C while waiting, too: never leave the child behind
        stop_server(proc)
        raise
    return proc


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


def _raise_interrupt(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt(f"signal {signum}")


@contextlib.contextmanager
def _api_url_settings(api_url: str) -> Iterator[None]:
    """Point Prefect at api_url, even when prefect was imported earlier (tests, notebooks)."""
    os.environ["PREFECT_API_URL"] = api_url
    if "prefect" not in sys.modules:
        yield
        return
    from prefect.settings import PREFECT_API_URL, temporary_settings

    with temporary_settings({PREFECT_API_URL: api_url}):
        yield


def next_run(cron: str, timezone: str) -> datetime | None:
    """Next fire time, to show the user the schedule means what they think (None if unknown)."""
    try:
        from prefect._vendor.croniter import croniter  # private, so only for display

        return croniter(cron, datetime.now(ZoneInfo(timezone))).get_next(datetime)
    except Exception:
        return None


def _write_state(api_url: str, server: subprocess.Popen[bytes] | None) -> Path | None:
    path = _prefect_home() / STATE_FILE
    state = {"api_url": api_url, "pid": os.getpid(), "server_pid": server.pid if server else None}
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(state) + "\n", encoding="utf-8")
    except OSError:
        return None
    return path


def serve(cfg: Config, config_path: str, port: int) -> int:
    """Serve the daily deployment until Ctrl-C/SIGTERM; start (and stop) a server if none is set."""
    previous_sigterm = signal.signal(signal.SIGTERM, _raise_interrupt)
    server: subprocess.Popen[bytes] | None = None
    state_path: Path | None = None
    try:
        api_url = os.environ.get("PREFECT_API_URL", "").strip()
        if api_url:
            if not _healthy(api_url, timeout_s=5.0):
                _err(
                    f"no Prefect server at {api_url} (from PREFECT_API_URL): start it or unset "
                    "PREFECT_API_URL so `vnbrief serve` starts one"
                )
                return EXIT_FAIL
            print(f"Using the Prefect server at {api_url} (PREFECT_API_URL)")
        else:
            api_url = f"http://127.0.0.1:{port}/api"
            log_path = _prefect_home() / "server.log"
            print(
                f"Starting a Prefect server on 127.0.0.1:{port} "
                f"(data: {_prefect_home()}, log: {log_path}) ...",
                flush=True,
            )
            try:
                server = start_server(port, log_path)
            except ServeError as exc:
                _err(str(exc))
                return EXIT_FAIL
        state_path = _write_state(api_url, server)

        with _api_url_settings(api_url):
            from prefect.schedules import Cron
            from prefect.types.entrypoint import EntrypointType

            from flows.brief_flow import brief_articles

            sched = cfg.schedule
            upcoming = next_run(sched.cron, sched.timezone)
            ui_url = api_url[: -len("/api")] if api_url.endswith("/api") else api_url
            lines = [
                f"Prefect API:  {api_url}",
                f"Prefect UI:   {ui_url}",
                f"Deployment:   {DEPLOYMENT}",
                f"Schedule:     cron '{sched.cron}' in {sched.timezone}"
                + (f" (next run {upcoming.isoformat()})" if upcoming else ""),
                f"Config:       {config_path}",
                "Run it now:   vnbrief trigger [--wait]   (or from the UI)",
                "Stop:         Ctrl-C",
            ]
            print("\n".join(lines), flush=True)
            # On SIGTERM the runner calls its async stop() from a signal handler, which works
            # (it then exits) but leaves an un-awaited coroutine that prints a scary warning.
            warnings.filterwarnings(
                "ignore", message=r"coroutine 'Runner\.astop' was never awaited"
            )
            # Module entrypoint: the run subprocess imports flows.brief_flow from the installed
            # package, whatever the working directory is.
            brief_articles.serve(
                name=DEPLOYMENT_NAME,
                schedules=[Cron(sched.cron, timezone=sched.timezone)],
                parameters={"config_path": config_path},
                print_starting_message=False,
                entrypoint_type=EntrypointType.MODULE_PATH,
            )
    except KeyboardInterrupt:
        pass  # Ctrl-C or SIGTERM before the runner took over: a normal stop
    except SystemExit as exc:
        # The runner's own SIGTERM handler ends with sys.exit(0): still a clean stop.
        if exc.code not in (0, None):
            raise
    finally:
        signal.signal(signal.SIGTERM, previous_sigterm)
        if server is not None:
            print("Stopping the Prefect server ...", flush=True)
            stop_server(server)
        if state_path is not None:
            with contextlib.suppress(OSError):
                state_path.unlink()
    print("Stopped.", flush=True)
    return EXIT_OK


def served_api_url() -> str | None:
    """The API of the server a running `vnbrief serve` recorded, if it answers now."""
    try:
        state = json.loads((_prefect_home() / STATE_FILE).read_text(encoding="utf-8"))
        recorded = str(state["api_url"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return recorded if _healthy(recorded, timeout_s=1.0) else None


def _trigger_api_url() -> str:
    """PREFECT_API_URL, else the server a running `vnbrief serve` recorded, else port 4200."""
    api_url = os.environ.get("PREFECT_API_URL", "").strip()
    if api_url:
        return api_url
    recorded = served_api_url()
    if recorded:
        print(f"PREFECT_API_URL is not set; using the server `vnbrief serve` started: {recorded}")
        return recorded
    print(f"PREFECT_API_URL is not set; using {DEFAULT_API_URL}")
    return DEFAULT_API_URL


def trigger(cfg: Config, wait: bool) -> int:
    """Create a run of the served deployment now; with wait, block until it ends."""
    api_url = _trigger_api_url()
    if not _healthy(api_url, timeout_s=5.0):
        _err(f"no Prefect server at {api_url}: start one with `vnbrief serve`")
        return EXIT_FAIL
    with _api_url_settings(api_url):
        from prefect.client.orchestration import get_client
        from prefect.client.schemas.objects import DeploymentStatus
        from prefect.deployments import run_deployment
        from prefect.exceptions import ObjectNotFound

        with get_client(sync_client=True) as client:
            try:
                deployment = client.read_deployment_by_name(DEPLOYMENT)
            except ObjectNotFound:
                _err(f"no deployment {DEPLOYMENT} on {api_url}: start it with `vnbrief serve`")
                return EXIT_FAIL
        if deployment.status != DeploymentStatus.READY:
            print(
                f"warning: no `vnbrief serve` is polling {DEPLOYMENT} right now; the run will "
                "wait until one starts",
                file=sys.stderr,
            )
        flow_run = run_deployment(
            DEPLOYMENT,
            timeout=None if wait else 0,
            poll_interval=1,
            as_subflow=False,
        )
    state = flow_run.state
    state_name = state.name if state else "unknown"
    verb = "Flow run" if wait else "Created flow run"
    print(f"{verb} {flow_run.name} ({flow_run.id}): {state_name}")
    print(
        f"  {api_url[: -len('/api')] if api_url.endswith('/api') else api_url}"
        f"/runs/flow-run/{flow_run.id}"
    )
    if not wait:
        return EXIT_OK
    return EXIT_OK if state is not None and state.is_completed() else EXIT_FAIL
