"""The run report: repairs shown on the input's line; the same verdict read back from text."""

from __future__ import annotations

from pipeline.article import BackendStatus
from pipeline.report import (
    FAILED,
    SKIPPED,
    UNCHANGED,
    WRITTEN,
    ArticleOutcome,
    RunReport,
    render_report,
    report_all_briefed,
    statuses_in,
)

STATUS = BackendStatus("summarizer", "extractive", "extractive", fell_back=False)


def _report(*outcomes: ArticleOutcome) -> RunReport:
    return RunReport("2025-12-01", "/out", outcomes, STATUS, STATUS)


def test_repairs_are_on_the_input_line():
    note = ("2 undecodable bytes replaced",)
    text = render_report(_report(ArticleOutcome("a.txt", WRITTEN, "/out/a.md", "a", note)))
    assert "  WRITTEN   a.txt: /out/a.md (2 undecodable bytes replaced)\n" in text


def test_verdict_read_back_from_text_and_markdown_matches_the_report():
    cases = [
        (ArticleOutcome("a.txt", WRITTEN, "/out/a.md"), ArticleOutcome("b.txt", UNCHANGED, "dup")),
        (ArticleOutcome("a.txt", WRITTEN, "/out/a.md"), ArticleOutcome("c.txt", FAILED, "empty")),
        (ArticleOutcome("d.txt", SKIPPED, "not Vietnamese: detected French (99% confidence)"),),
        (),
    ]
    for outcomes in cases:
        report = _report(*outcomes)
        for markdown in (False, True):
            rendered = render_report(report, markdown=markdown)
            assert statuses_in(rendered) == [o.status for o in outcomes]
            assert report_all_briefed(rendered) == (report.all_briefed and bool(outcomes))
