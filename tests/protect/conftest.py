"""The risk tests build courses of conduct the same way the assessment tests do."""

from tests.record.conftest import build_course, course  # noqa: F401
