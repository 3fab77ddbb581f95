"""Suite-wide rules."""

from __future__ import annotations

import pytest


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """A skipped browser or Spark test is a failure: CI must never pass without running them."""
    outcome = yield
    report = outcome.get_result()
    if report.skipped and (item.get_closest_marker("browser") or item.get_closest_marker("spark")):
        report.outcome = "failed"
        report.longrepr = f"{item.nodeid}: browser/Spark tests must run, not skip ({report.longrepr})"
