"""The run report: one line per input saying written / skipped / failed and why."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pipeline.article import BackendStatus

WRITTEN, UNCHANGED, SKIPPED, FAILED = "written", "unchanged", "skipped", "failed"
REPORT_ARTIFACT_KEY = "run-report"  # the Prefect artifact `vnbrief trigger --wait` reads back
_STATUS_LINE = re.compile(r"^(?:- |  )(WRITTEN|UNCHANGED|SKIPPED|FAILED)\s", re.MULTILINE)


@dataclass(frozen=True)
class ArticleOutcome:
    input_file: str
    status: str  # WRITTEN | UNCHANGED | SKIPPED | FAILED
    detail: str  # the brief's path, or the reason it was not written
    slug: str | None = None
    notes: tuple[str, ...] = ()  # repairs worth knowing, e.g. "3 undecodable bytes replaced"


@dataclass(frozen=True)
class RunReport:
    day: str
    out_dir: str
    outcomes: tuple[ArticleOutcome, ...]
    summarizer: BackendStatus
    translator: BackendStatus
    index_path: str | None = None
    notes: tuple[str, ...] = field(default_factory=tuple)

    def count(self, status: str) -> int:
        return sum(1 for o in self.outcomes if o.status == status)

    @property
    def all_briefed(self) -> bool:
        """True when every input has a brief on disk (new now, or unchanged from before)."""
        return all(o.status in (WRITTEN, UNCHANGED) for o in self.outcomes)


def _model_line(status: BackendStatus) -> str:
    if not status.available:
        return f"{status.role}: NOT AVAILABLE ({status.requested}): {status.reason}"
    if status.fell_back:
        return (
            f"{status.role}: {status.used} (FALLBACK: {status.requested} "
            f"could not be loaded: {status.reason})"
        )
    return f"{status.role}: {status.used}"


def render_report(report: RunReport, markdown: bool = False) -> str:
    bullet = "- " if markdown else "  "
    lines = [f"{'# ' if markdown else ''}vnbrief run report: {report.day} -> {report.out_dir}", ""]
    lines.append(f"{bullet}{_model_line(report.summarizer)}")
    lines.append(f"{bullet}{_model_line(report.translator)}")
    lines += [f"{bullet}{note}" for note in report.notes]
    lines.append("")
    for o in report.outcomes:
        notes = f" ({'; '.join(o.notes)})" if o.notes else ""
        lines.append(f"{bullet}{o.status.upper():9} {o.input_file}: {o.detail}{notes}")
    if not report.outcomes:
        lines.append(f"{bullet}no input articles found")
    lines.append("")
    lines.append(
        f"{report.count(WRITTEN)} written, {report.count(UNCHANGED)} unchanged, "
        f"{report.count(SKIPPED)} skipped, {report.count(FAILED)} failed"
        + (f"; index: {report.index_path}" if report.index_path else "")
    )
    return "\n".join(lines) + "\n"


def statuses_in(rendered: str) -> list[str]:
    """The status of each input line of a rendered report (text or markdown), in order."""
    return [m.group(1).lower() for m in _STATUS_LINE.finditer(rendered)]


def report_all_briefed(rendered: str) -> bool:
    """RunReport.all_briefed for a report read back as text: inputs, and all have a brief."""
    statuses = statuses_in(rendered)
    return bool(statuses) and all(s in (WRITTEN, UNCHANGED) for s in statuses)
