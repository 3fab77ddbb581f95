"""`fourfold demo` loads a screened synthetic force into the review queue (made once, reused afterwards)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from fourfold.web.demo import EXTRA_STEPS, DemoContext, DemoError
from fourfold.web.review.cli import demo_findings
from fourfold.web.review.models import Finding

from .factories import build_run

pytestmark = pytest.mark.django_db


def test_the_step_is_registered_with_the_demo() -> None:
    assert any(step.run is demo_findings for step in EXTRA_STEPS)


def test_an_existing_screened_force_is_loaded_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FOURFOLD_DEMO_RECORDS", "30")
    run, _ = build_run(tmp_path / "made", count=30)
    force = tmp_path / "var" / "demo-force-30"
    (force / "screen").mkdir(parents=True)
    (force / "synth").mkdir()
    shutil.copy(run / "findings.jsonl", force / "screen" / "findings.jsonl")
    shutil.copy(run / "records.csv", force / "synth" / "records.csv")
    messages: list[str] = []
    ctx = DemoContext(var_dir=tmp_path / "var", echo=messages.append)
    demo_findings(ctx)
    assert Finding.objects.count() == 30 and "loaded 30 findings" in messages[-1]
    demo_findings(ctx)
    assert "already loaded" in messages[-1] and Finding.objects.count() == 30


def test_size_zero_skips_and_a_bad_size_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ctx = DemoContext(var_dir=tmp_path, echo=lambda _: None)
    monkeypatch.setenv("FOURFOLD_DEMO_RECORDS", "0")
    demo_findings(ctx)
    assert not Finding.objects.exists()
    monkeypatch.setenv("FOURFOLD_DEMO_RECORDS", "lots")
    with pytest.raises(DemoError, match="whole number"):
        demo_findings(ctx)
