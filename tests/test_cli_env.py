"""Environment problems read like a tool: one line, a distinct exit code, within seconds.

Read-only and full file systems are real: tiny tmpfs mounts (the tests run as root here, as CI
does); where mounting is not allowed they are skipped.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from flows import cli, prefect_env
from flows.cli import (
    EXIT_DISK_FULL,
    EXIT_INTERNAL,
    EXIT_NOT_A_FOLDER,
    EXIT_NOT_WRITABLE,
    EXIT_USAGE,
)

ROOT = Path(__file__).resolve().parent.parent
VNBRIEF = Path(sys.executable).parent / "vnbrief"
SAMPLES = ROOT / "samples"


def _config(folder: Path, **overrides) -> Path:
    data = {"summarizer": {"backend": "extractive"}, "translator": {"backend": "none"}}
    data.update(overrides)
    path = folder / "config.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    return path


def _vnbrief(*args: str, env: dict[str, str] | None = None, timeout: float = 120):
    started = time.monotonic()
    result = subprocess.run(
        [str(VNBRIEF), *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, "HF_HUB_OFFLINE": "1", **(env or {})},
    )
    return result, time.monotonic() - started


def _mount(args: list[str]) -> bool:
    try:
        return subprocess.run(["mount", *args], capture_output=True).returncode == 0
    except OSError:
        return False


@contextlib.contextmanager
def _mounted(target: Path, args: list[str]) -> Iterator[Path]:
    target.mkdir(parents=True, exist_ok=True)
    if not _mount([*args, str(target)]):
        pytest.skip("cannot mount a tmpfs here (needs root)")
    try:
        yield target
    finally:
        subprocess.run(["umount", "-l", str(target)], capture_output=True)


@pytest.fixture
def read_only_dir(tmp_path: Path) -> Iterator[Path]:
    with _mounted(tmp_path / "ro", ["-t", "tmpfs", "-o", "ro,size=64k", "tmpfs"]) as path:
        yield path


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[Path]:
    """16 KiB: room for the probe and a brief or two, not for a whole run's output."""
    with _mounted(tmp_path / "tiny", ["-t", "tmpfs", "-o", "size=16k", "tmpfs"]) as path:
        yield path


def _one_line(stderr: str) -> str:
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    assert "Traceback" not in stderr
    return lines[0]


def test_output_path_under_a_file(tmp_path: Path) -> None:
    afile = tmp_path / "afile"
    afile.write_text("x", encoding="utf-8")
    config = _config(tmp_path)
    for out, meaning in (
        (afile / "sub", "part of the path is a file, not a folder"),
        (afile, "a file of that name is in the way"),
    ):
        result, seconds = _vnbrief("run", str(SAMPLES), "--config", str(config), "--out", str(out))
        assert result.returncode == EXIT_NOT_A_FOLDER
        assert _one_line(result.stderr) == (
            f"vnbrief: error: cannot use output folder {out}: {meaning}"
        )
        assert seconds < 5  # ~0.3 s: checked before Prefect is imported or started


def test_output_folder_not_writable(tmp_path: Path, read_only_dir: Path) -> None:
    out = read_only_dir / "out"
    result, seconds = _vnbrief(
        "run", str(SAMPLES), "--config", str(_config(tmp_path)), "--out", str(out)
    )
    assert result.returncode == EXIT_NOT_WRITABLE
    assert _one_line(result.stderr) == (
        f"vnbrief: error: cannot use output folder {out}: read-only file system"
    )
    assert seconds < 5


def test_config_in_read_only_folder_with_outputs_beside_it(tmp_path: Path) -> None:
    """The config's folder is read-only: its default outputs cannot be written (one line, at
    once), and Prefect's state is never put there (PREFECT_HOME does not follow the config)."""
    src = tmp_path / "project"
    src.mkdir()
    config = _config(src, outputs="outputs")
    ro = tmp_path / "ro-project"
    ro.mkdir()
    if not _mount(["--bind", str(src), str(ro)]):
        pytest.skip("cannot bind-mount here (needs root)")
    try:
        if not _mount(["-o", "remount,ro,bind", str(ro)]):
            pytest.skip("cannot remount read-only here")
        env = {"PREFECT_HOME": ""}
        result, seconds = _vnbrief("run", str(SAMPLES), "--config", str(ro / config.name), env=env)
        assert result.returncode == EXIT_NOT_WRITABLE
        assert _one_line(result.stderr) == (
            f"vnbrief: error: cannot use output folder {ro / 'outputs'}: read-only file system"
        )
        assert seconds < 5
    finally:
        subprocess.run(["umount", "-l", str(ro)], capture_output=True)


def test_prefect_state_falls_back_when_the_project_is_read_only(
    tmp_path: Path, read_only_dir: Path, monkeypatch
) -> None:
    monkeypatch.delenv("PREFECT_HOME", raising=False)
    monkeypatch.setattr(prefect_env, "PROJECT_DIR", read_only_dir)
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    assert prefect_env.choose_prefect_home() == tmp_path / "state" / "vnbrief" / "prefect"
    monkeypatch.setenv("PREFECT_HOME", str(read_only_dir / "home"))
    with pytest.raises(prefect_env.PrefectHomeError, match="set PREFECT_HOME to a writable"):
        prefect_env.choose_prefect_home()


def test_disk_already_full(tmp_path: Path, tiny_disk: Path) -> None:
    filler = tiny_disk / "filler"
    with contextlib.suppress(OSError), filler.open("wb") as handle:
        handle.write(b"\0" * 64 * 1024)
    result, seconds = _vnbrief(
        "run", str(SAMPLES), "--config", str(_config(tmp_path)), "--out", str(tiny_disk / "out")
    )
    assert result.returncode == EXIT_DISK_FULL
    assert _one_line(result.stderr).endswith("disk full: free some space and run again")
    assert seconds < 5


@pytest.mark.slow
def test_disk_full_while_writing(tmp_path: Path, tiny_disk: Path) -> None:
    """Room for a brief or two, then ENOSPC: one line naming the file, exit 5, no temp files."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    real = [*SAMPLES.glob("*.txt"), *(ROOT / "tests" / "clean_real" / "fixtures").glob("*.txt")]
    for path in real:
        shutil.copy(path, inbox / path.name)
    out = tiny_disk / "out"
    result, _ = _vnbrief(
        "run", str(inbox), "--config", str(_config(tmp_path)), "--out", str(out), timeout=300
    )
    assert result.returncode == EXIT_DISK_FULL, result.stderr
    problems = [line for line in result.stderr.splitlines() if "vnbrief: error" in line]
    assert len(problems) == 1 and "disk full" in problems[0], result.stderr
    assert str(out) in problems[0]
    assert "Traceback" not in result.stderr
    assert not list(out.rglob("*.tmp"))


def test_bad_cron_is_a_config_error_naming_the_key(tmp_path: Path) -> None:
    config = _config(tmp_path, schedule={"cron": "61 25 * * *"})
    for command in (["serve", "--config", str(config)], ["run", "--config", str(config)]):
        result, seconds = _vnbrief(*command)
        assert result.returncode == EXIT_USAGE
        assert "config key 'schedule.cron' is not a valid cron expression" in _one_line(
            result.stderr
        )
        assert seconds < 5


def test_internal_errors_are_one_line_unless_verbose(monkeypatch, capsys) -> None:
    def broken(args):
        raise RuntimeError("something vnbrief did not expect")

    monkeypatch.setitem(cli.COMMANDS, "clean", broken)
    assert cli.main(["clean", "x.txt"]) == EXIT_INTERNAL
    err = capsys.readouterr().err
    assert _one_line(err) == (
        "vnbrief: internal error: RuntimeError: something vnbrief did not expect "
        "(run with --verbose for the traceback)"
    )
    assert cli.main(["clean", "x.txt", "--verbose"]) == EXIT_INTERNAL
    err = capsys.readouterr().err
    assert "Traceback (most recent call last)" in err and "something vnbrief" in err
    assert cli.main(["--verbose", "clean", "x.txt"]) == EXIT_INTERNAL


def _children(pid: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError, IndexError, ValueError):
            fields = stat.read_text().rsplit(")", 1)[1].split()
            if int(fields[1]) == pid:
                found.append(int(stat.parent.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG is Linux")
def test_kill_9_of_a_run_leaves_no_server_behind(tmp_path: Path) -> None:
    proc = subprocess.Popen(
        [str(VNBRIEF), "run", str(SAMPLES), "--config", str(_config(tmp_path)),
         "--out", str(tmp_path / "out")],
        env={**os.environ, "HF_HUB_OFFLINE": "1"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        children: list[int] = []
        while not children and time.monotonic() < deadline and proc.poll() is None:
            children = _children(proc.pid)
            time.sleep(0.2)
        assert children, "the run started no Prefect server"
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
        deadline = time.monotonic() + 20
        while any(_alive(c) for c in children) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not any(_alive(c) for c in children), "the Prefect server outlived the run"
    finally:
        for child in _children(proc.pid):
            with contextlib.suppress(ProcessLookupError):
                os.kill(child, signal.SIGKILL)
        if proc.poll() is None:
            proc.kill()
