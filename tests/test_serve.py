"""End to end: `vnbrief serve` starts a real Prefect server, registers the cron deployment, runs
triggered flow runs, and leaves no server behind when stopped.

One test on purpose: the server start is most of the cost (~10 s), so every check shares it.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import httpx
import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
VNBRIEF = Path(sys.executable).parent / "vnbrief"
SAMPLE = ROOT / "samples" / "baoquocte-giu-lua-hop-tac.txt"
TITLE_PART = "trong mọi lĩnh vực hợp tác"  # from the sample's Vietnamese title line
CRON, TZ = "30 5 * * *", "Asia/Ho_Chi_Minh"  # not the default: proves the config is used
DEPLOYMENT_PATH = "/deployments/name/brief_articles/daily-briefs"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _port_open(port: int) -> bool:
    with socket.socket() as sock:
        sock.settimeout(0.5)
        return sock.connect_ex(("127.0.0.1", port)) == 0


def _wait_for(what: str, check, timeout_s: float, proc: subprocess.Popen, log: Path):
    """Poll check() until it returns a truthy value; fail fast with the log if serve died."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        if proc.poll() is not None:
            tail = log.read_text(errors="replace")[-4000:]
            pytest.fail(f"vnbrief serve exited ({proc.returncode}) waiting for {what}:\n{tail}")
        time.sleep(0.5)
    tail = log.read_text(errors="replace")[-4000:]
    pytest.fail(f"timed out after {timeout_s} s waiting for {what}:\n{tail}")


@dataclass
class Served:
    proc: subprocess.Popen
    port: int
    api: str
    env: dict[str, str]
    outputs: Path
    log: Path


@pytest.fixture
def served(tmp_path: Path) -> Iterator[Served]:
    """A `vnbrief serve` process on a free port with its own PREFECT_HOME; always torn down."""
    inbox, outputs, home = tmp_path / "inbox", tmp_path / "outputs", tmp_path / "prefect-home"
    inbox.mkdir()
    shutil.copy(SAMPLE, inbox / SAMPLE.name)
    data = yaml.safe_load((ROOT / "configs" / "default.yaml").read_text(encoding="utf-8"))
    data.update(
        inbox=str(inbox),
        outputs=str(outputs),
        summarizer={"backend": "extractive"},
        translator={"backend": "none"},
        schedule={"cron": CRON, "timezone": TZ},
    )
    config = tmp_path / "config.yaml"
    config.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")

    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env.update(
        PREFECT_HOME=str(home),
        PREFECT_RUNNER_POLL_FREQUENCY="1",
        PREFECT_SERVER_ANALYTICS_ENABLED="false",
        DO_NOT_TRACK="1",
    )
    log = tmp_path / "serve.log"
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [str(VNBRIEF), "serve", "--config", str(config), "--port", str(port)],
            env=env,
            cwd=tmp_path,  # not the repo: the run must not depend on the working directory
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    served = Served(proc, port, f"http://127.0.0.1:{port}/api", env, outputs, log)
    try:
        yield served
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=10)
        # serve puts the server in its own session; kill it too if serve could not.
        state = home / "vnbrief-serve.json"
        if state.exists():
            server_pid = json.loads(state.read_text()).get("server_pid")
            if server_pid:
                with contextlib.suppress(ProcessLookupError, PermissionError):
                    os.killpg(server_pid, signal.SIGKILL)


def _today() -> str:
    return datetime.now(ZoneInfo(TZ)).date().isoformat()


@pytest.mark.slow
def test_serve_schedule_trigger_and_clean_stop(served: Served) -> None:
    started = time.monotonic()
    proc, log = served.proc, served.log
    client = httpx.Client(base_url=served.api, timeout=5)

    def deployment() -> dict | None:
        try:
            resp = client.get(DEPLOYMENT_PATH)
        except httpx.TransportError:
            return None
        return resp.json() if resp.status_code == 200 else None

    dep = _wait_for("the deployment", deployment, 60, proc, log)
    schedules = [s["schedule"] for s in dep["schedules"]]
    assert [(s.get("cron"), s.get("timezone")) for s in schedules] == [(CRON, TZ)]
    assert all(s["active"] for s in dep["schedules"])
    assert dep["parameters"]["config_path"].endswith("config.yaml")

    # 1) A run created through the API, as the UI's "Quick run" does.
    day_before = _today()
    for _ in range(10):  # SQLite busy with the runner's start-up writes answers 503: retry
        resp = client.post(f"/deployments/{dep['id']}/create_flow_run", json={})
        if resp.status_code != 503:
            break
        time.sleep(0.5)
    assert resp.status_code == 201, resp.text
    run_id = resp.json()["id"]

    def finished() -> str | None:
        state = client.get(f"/flow_runs/{run_id}").json().get("state") or {}
        kind = state.get("type")
        return kind if kind in ("COMPLETED", "FAILED", "CRASHED", "CANCELLED") else None

    assert _wait_for("the flow run", finished, 120, proc, log) == "COMPLETED", log.read_text()

    days = {day_before, _today()}
    day_dirs = [served.outputs / d for d in days if (served.outputs / d).is_dir()]
    assert len(day_dirs) == 1, list(served.outputs.iterdir())
    day_dir = day_dirs[0]
    assert (day_dir / "index.md").is_file()
    briefs = [p for p in day_dir.glob("*.md") if p.name not in ("index.md", "digest.md")]
    assert len(briefs) == 1, briefs
    lines = briefs[0].read_text(encoding="utf-8").splitlines()
    assert any(line.startswith("# ") and TITLE_PART in line for line in lines), lines[:20]

    # 2) `vnbrief trigger --wait` finds the server through serve's record (no PREFECT_API_URL,
    # and the default config, not serve's), prints the run report and fails when an input did.
    (served.outputs.parent / "inbox" / "empty.txt").write_bytes(b"")
    result = subprocess.run(
        [str(VNBRIEF), "trigger", "--wait"],
        env=served.env,
        capture_output=True,
        text=True,
        timeout=90,
    )
    assert result.returncode == 1, result.stdout + result.stderr
    assert f"Using the server `vnbrief serve` started: {served.api}" in result.stdout
    assert "Completed" in result.stdout, result.stdout
    assert "FAILED" in result.stdout and "empty.txt: empty file" in result.stdout
    assert "UNCHANGED" in result.stdout and "1 unchanged, 0 skipped, 1 failed" in result.stdout
    served_output = log.read_text(errors="replace")
    assert "Traceback" not in served_output and "Task run failed" not in served_output

    # 3) Ctrl-C stops the runner and the server it started: no orphan keeps the port.
    os.killpg(proc.pid, signal.SIGINT)
    try:
        code = proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        pytest.fail("vnbrief serve did not stop within 30 s of SIGINT:\n" + log.read_text())
    assert code == 0, log.read_text()
    assert not _port_open(served.port), "the Prefect server outlived vnbrief serve"
    assert time.monotonic() - started < 120


@pytest.mark.slow
def test_sigterm_stops_serve_and_its_server(served: Served) -> None:
    """SIGTERM (systemd, docker stop) takes the runner's own handler path, unlike Ctrl-C."""
    client = httpx.Client(base_url=served.api, timeout=5)

    def ready() -> bool:
        try:
            return client.get(DEPLOYMENT_PATH).json().get("status") == "READY"
        except (httpx.TransportError, ValueError):
            return False

    _wait_for("the deployment to be polled", ready, 60, served.proc, served.log)
    served.proc.send_signal(signal.SIGTERM)  # the process only, as a service manager does
    try:
        code = served.proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        pytest.fail("vnbrief serve did not stop within 30 s of SIGTERM:\n" + served.log.read_text())
    assert code == 0, served.log.read_text()
    assert not _port_open(served.port), "the Prefect server outlived vnbrief serve"
    assert "Stopped." in served.log.read_text()


def _isolated_env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    return {**env, "PREFECT_HOME": str(tmp_path / "prefect-home"), "DO_NOT_TRACK": "1"}


def test_serve_reports_a_busy_port(tmp_path: Path) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = subprocess.run(
            [str(VNBRIEF), "serve", "--port", str(port)],
            env=_isolated_env(tmp_path),
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert result.returncode == 1, result.stdout + result.stderr
    assert f"port {port} is busy" in result.stderr


def test_trigger_without_server_says_how_to_start_one(tmp_path: Path) -> None:
    api = f"http://127.0.0.1:{_free_port()}/api"
    result = subprocess.run(
        [str(VNBRIEF), "trigger"],
        env={**_isolated_env(tmp_path), "PREFECT_API_URL": api},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1, result.stdout + result.stderr
    assert f"no Prefect server at {api}: start one with `vnbrief serve`" in result.stderr
