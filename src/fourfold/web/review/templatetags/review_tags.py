"""Small presentation filters for the review templates."""

from __future__ import annotations

from typing import Any

from django import template

register = template.Library()

CLASSIFICATION_TAGS = {
    "stalking": "govuk-tag--red",
    "harassment": "govuk-tag--orange",
    "none": "govuk-tag--grey",
}
STATUS_TAGS = {
    "undecided": "govuk-tag--grey",
    "awaiting_sign_off": "govuk-tag--yellow",
    "decided": "govuk-tag--green",
    "more_information": "govuk-tag--blue",
}


@register.filter
def humanise(value: Any) -> str:
    """`turning_up_home` → `Turning up home`."""
    text = str(value or "").replace("_", " ").strip()
    return text[:1].upper() + text[1:]


@register.filter
def classification_tag(value: str) -> str:
    return CLASSIFICATION_TAGS.get(value, "govuk-tag--grey")


@register.filter
def status_tag(value: str) -> str:
    return STATUS_TAGS.get(value, "govuk-tag--grey")


@register.filter
def percent(value: Any) -> str:
    try:
        return f"{round(float(value) * 100)}"
    except (TypeError, ValueError):
        return ""


@register.filter
def get(mapping: Any, key: Any) -> Any:
    try:
        return mapping.get(key)
    except AttributeError:
        return None
