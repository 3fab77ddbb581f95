"""Person resolution (Splink on DuckDB or Spark) and course-of-conduct assembly (contract B).

    from fourfold.people import resolve_people, assemble_courses

Names are loaded on first use so that importing the package (the CLI does) stays light.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from fourfold.people.conduct import Course, assemble_courses
    from fourfold.people.explain import explain_pair
    from fourfold.people.model import PersonModel
    from fourfold.people.resolve import PeopleInputError, Resolution, resolve_mentions, resolve_people

_WHERE = {
    "Course": "conduct",
    "assemble_courses": "conduct",
    "explain_pair": "explain",
    "PersonModel": "model",
    "PeopleInputError": "resolve",
    "Resolution": "resolve",
    "resolve_mentions": "resolve",
    "resolve_people": "resolve",
}
__all__ = [
    "Course",
    "PeopleInputError",
    "PersonModel",
    "Resolution",
    "assemble_courses",
    "explain_pair",
    "resolve_mentions",
    "resolve_people",
]


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        return getattr(import_module(f"fourfold.people.{_WHERE[name]}"), name)
    raise AttributeError(f"module 'fourfold.people' has no attribute {name!r}")
