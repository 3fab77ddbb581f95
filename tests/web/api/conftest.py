"""The API tests use the review tests' synthetic run and signed-in users."""

from __future__ import annotations

from ..review.conftest import loaded_run, signed_in  # noqa: F401
