"""Prefect set-up shared by the in-process flow tests: one test server per module, real stderr."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Iterator

import pytest


@pytest.fixture(scope="module")
def prefect_server() -> Iterator[None]:
    """A Prefect test server for the requesting module (~10 s to start on 2 cores)."""
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("DO_NOT_TRACK", "1")
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield


def point_prefect_console_at_stderr() -> None:
    """Prefect's console handler keeps the stream it first saw; under pytest that is a capture
    buffer closed after the first test, and writing to it recurses. Point it at the real stderr."""
    from prefect.logging.handlers import PrefectConsoleHandler

    names = list(logging.root.manager.loggerDict)
    for logger in [logging.getLogger(), *map(logging.getLogger, names)]:
        for handler in getattr(logger, "handlers", []):
            if isinstance(handler, PrefectConsoleHandler):
                handler.stream = sys.__stderr__  # not setStream: it flushes the closed buffer
                handler.console.file = sys.__stderr__
