"""Every URL pattern, walked from the resolver, refuses anonymous users: a redirect to sign-in or 403, and 401
JSON from the JSON API (its schema included; its HTML documentation page redirects like the other pages).

Only the sign-in page answers anonymous users (static files are served by WhiteNoise before Django).
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from django.conf import settings
from django.shortcuts import resolve_url
from django.urls import URLPattern, URLResolver, get_resolver, resolve
from django.urls.converters import IntConverter, PathConverter, SlugConverter, StringConverter, UUIDConverter
from django.urls.resolvers import RegexPattern, RoutePattern

from fourfold.web.front.security import API_HTML_PAGES, API_NAMESPACE

pytestmark = pytest.mark.django_db

OPEN_TO_ANONYMOUS = {"accounts:sign-in"}
# Values tried for a regex group, first match wins (admin uses groups such as (?P<app_label>auth|accounts)).
REGEX_SAMPLES = ["1", "x", "accounts", "auth", "axes", "audit", "user", "group", "a/b", ""]


def _sample_for_converter(converter: Any) -> str:
    if isinstance(converter, IntConverter):
        return "1"
    if isinstance(converter, UUIDConverter):
        return str(uuid.UUID(int=1))
    if isinstance(converter, PathConverter):
        return "x/y"
    if isinstance(converter, SlugConverter | StringConverter):
        return "x"
    for value in REGEX_SAMPLES:
        if value and re.fullmatch(converter.regex, value):
            return converter.to_url(converter.to_python(value))
    raise AssertionError(f"no sample value for converter {converter!r}: add one to this test")


def _fill_route(pattern: RoutePattern) -> str:
    route = str(pattern._route)
    for name, converter in pattern.converters.items():
        route = re.sub(rf"<(?:[^:>]+:)?{name}>", _sample_for_converter(converter), route)
    return route


def _fill_regex(pattern: RegexPattern) -> str:
    regex = pattern._regex
    out = re.sub(r"^\^|\$$|\\Z$", "", regex)

    def replace(match: re.Match[str]) -> str:
        body = match.group(2)
        for value in REGEX_SAMPLES:
            if re.fullmatch(body, value):
                return value
        raise AssertionError(f"no sample for group {match.group(0)} in {regex!r}: add one to this test")

    out = re.sub(r"\(\?P<(\w+)>((?:[^()]|\([^()]*\))*)\)", replace, out)
    out = out.replace("\\", "")
    if re.search(r"[\^$()\[\]*+?|{}]", out):
        raise AssertionError(f"cannot build a URL from {regex!r}: extend this test")
    return out


def _fill(pattern: Any) -> str:
    if isinstance(pattern, RoutePattern):
        return _fill_route(pattern)
    if isinstance(pattern, RegexPattern):
        return _fill_regex(pattern)
    raise AssertionError(f"unknown pattern type {type(pattern)!r}")


def walk(patterns: list[Any], prefix: str = "", namespace: str = "") -> Iterator[tuple[str, str]]:
    for entry in patterns:
        part = _fill(entry.pattern)
        if isinstance(entry, URLResolver):
            ns = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from walk(entry.url_patterns, prefix + part, ns)
        elif isinstance(entry, URLPattern):
            yield "/" + prefix + part, f"{namespace}{entry.name}" if entry.name else repr(entry.pattern)


ALL_URLS = sorted(set(walk(get_resolver().url_patterns)))


def test_the_walk_covers_the_app_and_the_admin() -> None:
    names = {name for _, name in ALL_URLS}
    assert {"front:home", "accounts:sign-in", "accounts:sign-out", "audit:trail", "audit:verify"} <= names
    assert "admin:index" in names and "admin:accounts_user_changelist" in names
    assert {"api:openapi-json", "api:list_findings", "api:decide", "api:openapi-view"} <= names
    assert len(ALL_URLS) > 30


@pytest.mark.parametrize(("url", "name"), ALL_URLS, ids=[f"{n} {u}" for u, n in ALL_URLS])
@pytest.mark.parametrize("method", ["get", "post"])
def test_anonymous_request_is_sent_to_sign_in_or_refused(
    client: Any, url: str, name: str, method: str
) -> None:
    resolve(url)  # the sample URL really reaches a view
    response = getattr(client, method)(url)
    sign_in = resolve_url(settings.LOGIN_URL)
    if name in OPEN_TO_ANONYMOUS:
        assert response.status_code in {200, 302}
        return
    namespace, _, url_name = name.rpartition(":")
    if namespace == API_NAMESPACE and url_name not in API_HTML_PAGES:
        assert response.status_code == 401, f"{method.upper()} {url} ({name}) answered {response.status_code}"
        assert response.json() == {"detail": "Authentication required"}
        return
    if response.status_code == 403:
        return
    assert response.status_code == 302, f"{method.upper()} {url} ({name}) answered {response.status_code}"
    location = response["Location"]
    assert location.split("?")[0] == sign_in, f"{url} redirected to {location}, not sign-in"
