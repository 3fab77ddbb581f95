from __future__ import annotations

import pytest

from fourfold.narrative import NarrativeEvidence, analyse


@pytest.fixture(scope="session")
def read():
    """analyse() with the pipeline built once per test session."""

    def _read(text: str, **kw: object) -> NarrativeEvidence:
        return analyse(text, **kw)  # type: ignore[arg-type]

    return _read
