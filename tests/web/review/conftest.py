"""Fixtures for the review tests: a loaded synthetic run and reviewers with roles."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from .factories import build_run


@pytest.fixture
def loaded_run(db: None, tmp_path: Path) -> list[dict[str, Any]]:
    """30 synthetic findings with their records, loaded."""
    from fourfold.web.review.loading import load_run

    directory, findings = build_run(tmp_path / "run1", count=30)
    load_run(directory)
    return findings


@pytest.fixture
def signed_in(client: Any, make_user: Callable[..., Any]) -> Callable[..., Any]:
    """Sign the test client in as a new user holding the given roles; returns the user."""

    def sign_in(username: str, *roles: str) -> Any:
        user = make_user(username, *roles)
        client.force_login(user)
        return user

    return sign_in
