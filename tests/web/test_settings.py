"""Settings from the environment, and the production settings pass `check --deploy` with no issues."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def run_manage(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    full_env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "FOURFOLD_"))}
    full_env.update(env)
    return subprocess.run(
        [sys.executable, "-m", "fourfold.web.manage", *args],
        capture_output=True,
        text=True,
        env=full_env,
        cwd=REPO,
        timeout=120,
    )


def production_env(**overrides: str) -> dict[str, str]:
    env = {
        "DJANGO_SETTINGS_MODULE": "fourfold.web.settings_production",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(64),
        "DJANGO_ALLOWED_HOSTS": "fourfold.force.example",
    }
    env.update(overrides)
    return env


@pytest.mark.slow
def test_production_settings_pass_check_deploy_with_no_issues() -> None:
    result = run_manage("check", "--deploy", "--fail-level", "DEBUG", env=production_env())
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


@pytest.mark.slow
@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"DJANGO_SECRET_KEY": ""}, "DJANGO_SECRET_KEY must be set"),
        ({"DJANGO_SECRET_KEY": "short-key"}, "DJANGO_SECRET_KEY must be set"),
        ({"DJANGO_SECRET_KEY": "django-insecure-" + "x" * 60}, "DJANGO_SECRET_KEY must be set"),
        ({"DJANGO_ALLOWED_HOSTS": ""}, "DJANGO_ALLOWED_HOSTS must name"),
    ],
)
def test_production_refuses_weak_or_missing_configuration(overrides: dict[str, str], message: str) -> None:
    result = run_manage("check", env=production_env(**overrides))
    assert result.returncode != 0
    assert message in result.stderr


def test_development_settings_default_to_sqlite_under_var(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from fourfold.web import settings

    monkeypatch.delenv("DATABASE_URL", raising=False)
    config = settings.database_from_env()
    assert config["ENGINE"] == "django.db.backends.sqlite3"
    assert str(config["NAME"]).endswith("var/fourfold.sqlite3") or str(settings.VAR_DIR) in str(
        config["NAME"]
    )
    assert config["OPTIONS"]["transaction_mode"] == "IMMEDIATE"


def test_database_url_selects_postgresql(monkeypatch: pytest.MonkeyPatch) -> None:
    from fourfold.web import settings

    monkeypatch.setenv("DATABASE_URL", "postgres://fourfold:pw@db.example:5433/cases")
    config = settings.database_from_env()
    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert (config["HOST"], config["PORT"], config["NAME"], config["USER"]) == (
        "db.example",
        5433,
        "cases",
        "fourfold",
    )


def test_bad_environment_values_fail_with_a_clear_message(monkeypatch: pytest.MonkeyPatch) -> None:
    from django.core.exceptions import ImproperlyConfigured

    from fourfold.web import settings

    monkeypatch.setenv("DJANGO_DEBUG", "perhaps")
    with pytest.raises(ImproperlyConfigured, match="DJANGO_DEBUG must be true or false"):
        settings.env_bool("DJANGO_DEBUG")
    monkeypatch.setenv("FOURFOLD_LOCKOUT_FAILURES", "five")
    with pytest.raises(ImproperlyConfigured, match="whole number"):
        settings.env_int("FOURFOLD_LOCKOUT_FAILURES", 5)


@pytest.mark.django_db
def test_security_headers_on_every_page(client: object) -> None:
    response = client.get("/sign-in/")  # type: ignore[attr-defined]
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp and "unsafe-inline" not in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


@pytest.mark.slow
def test_bad_database_url_is_one_line_for_the_commands() -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL"))}
    env["DATABASE_URL"] = "nosuchdb://somewhere/x"
    result = subprocess.run(
        [sys.executable, "-m", "fourfold.cli", "audit", "verify"],
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO,
        timeout=120,
    )
    assert result.returncode == 2
    assert result.stdout.startswith("Configuration error: DATABASE_URL is not a usable database URL")
    assert "Traceback" not in result.stdout + result.stderr
