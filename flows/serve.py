"""`vnbrief serve` / `vnbrief trigger`: the daily schedule on a real local Prefect server.

Schedules never fire on Prefect's ephemeral server, so `serve` starts `prefect server start` as a
child process (unless PREFECT_API_URL points at one already), serves `brief_articles` with a cron
schedule from the config, and stops the server again on Ctrl-C or SIGTERM so no orphan is left.

Prefect is imported only after PREFECT_API_URL is set: its settings are read at import time.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import warnings
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from types import FrameType
from zoneinfo import ZoneInfo

from flows.local_server import (
    ServerError,
    healthy,
    read_serve_state,
    start_server,
    stop_server,
    write_serve_state,
)
from pipeline.config import Config
from pipeline.report import REPORT_ARTIFACT_KEY, report_all_briefed

FLOW_NAME = "brief_articles"
DEPLOYMENT_NAME = "daily-briefs"
DEPLOYMENT = f"{FLOW_NAME}/{DEPLOYMENT_NAME}"
DEFAULT_API_URL = "http://127.0.0.1:4200/api"
EXIT_OK, EXIT_FAIL = 0, 1


def _err(message: str) -> None:
    print(f"vnbrief: error: {message}", file=sys.stderr)


def _prefect_home() -> Path:
    # The CLI sets PREFECT_HOME (flows.prefect_env.choose_prefect_home) before calling us.
    return Path(os.environ.get("PREFECT_HOME", Path.home() / ".prefect")).expanduser()


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


def serve(cfg: Config, config_path: str, port: int) -> int:
    """Serve the daily deployment until Ctrl-C/SIGTERM; start (and stop) a server if none is set."""
    previous_sigterm = signal.signal(signal.SIGTERM, _raise_interrupt)
    server: subprocess.Popen[bytes] | None = None
    state_path: Path | None = None
    try:
        api_url = os.environ.get("PREFECT_API_URL", "").strip()
        if api_url:
            if not healthy(api_url, timeout_s=5.0):
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
            except ServerError as exc:
                _err(str(exc))
                return EXIT_FAIL
        with contextlib.suppress(OSError):
            state_path = write_serve_state(
                _prefect_home(), api_url, server.pid if server else None, config_path
            )

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


def _trigger_api_url() -> str:
    """PREFECT_API_URL, else the server a running `vnbrief serve` recorded, else port 4200.

    The record lives under PREFECT_HOME, which does not depend on --config, so a serve started
    with any config (or port) is found.
    """
    api_url = os.environ.get("PREFECT_API_URL", "").strip()
    if api_url:
        return api_url
    state = read_serve_state(_prefect_home())
    if state and healthy(state["api_url"]):
        print(f"Using the server `vnbrief serve` started: {state['api_url']}")
        return state["api_url"]
    print(f"PREFECT_API_URL is not set and no `vnbrief serve` is running; trying {DEFAULT_API_URL}")
    return DEFAULT_API_URL


def _run_report(client, flow_run_id) -> str | None:
    """The markdown run report the flow published as an artifact, if any."""
    from prefect.client.schemas.filters import (
        ArtifactFilter,
        ArtifactFilterFlowRunId,
        ArtifactFilterKey,
    )

    artifacts = client.read_artifacts(
        artifact_filter=ArtifactFilter(
            flow_run_id=ArtifactFilterFlowRunId(any_=[flow_run_id]),
            key=ArtifactFilterKey(any_=[REPORT_ARTIFACT_KEY]),
        )
    )
    return str(artifacts[0].data) if artifacts else None


def trigger(cfg: Config, wait: bool) -> int:
    """Create a run of the served deployment now; with wait, block until it ends, print its
    report and exit non-zero unless every input has a brief (the same rule as `vnbrief run`)."""
    api_url = _trigger_api_url()
    if not healthy(api_url, timeout_s=5.0):
        _err(f"no Prefect server at {api_url}: start one with `vnbrief serve`")
        return EXIT_FAIL
    with _api_url_settings(api_url):
        from prefect.client.orchestration import get_client
        from prefect.client.schemas.objects import DeploymentStatus
        from prefect.deployments import run_deployment
        from prefect.exceptions import ObjectNotFound

        from flows.prefect_env import quiet_logging

        quiet_logging(verbose=False)
        with get_client(sync_client=True) as client:
            try:
                deployment = client.read_deployment_by_name(DEPLOYMENT)
            except ObjectNotFound:
                _err(f"no deployment {DEPLOYMENT} on {api_url}: start it with `vnbrief serve`")
                return EXIT_FAIL
            if deployment.status != DeploymentStatus.READY:
                print(
                    f"warning: no `vnbrief serve` is polling {DEPLOYMENT} right now; the run "
                    "will wait until one starts",
                    file=sys.stderr,
                )
            flow_run = run_deployment(
                DEPLOYMENT,
                timeout=None if wait else 0,
                poll_interval=1,
                as_subflow=False,
            )
            report = _run_report(client, flow_run.id) if wait else None
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
    if report is None:
        _err("the run published no report (see the flow run's logs in the UI)")
        return EXIT_FAIL
    print()
    print(report)
    completed = state is not None and state.is_completed()
    return EXIT_OK if completed and report_all_briefed(report) else EXIT_FAIL
