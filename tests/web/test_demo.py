"""`fourfold demo`: users per role with per-machine passwords, and the real command end to end."""

from __future__ import annotations

import os
import re
import socket
import stat
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth import get_user_model

from fourfold.web import demo
from fourfold.web.accounts.roles import ROLE_NAMES, roles_of

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.django_db
def test_demo_users_one_per_role_plus_superuser(tmp_path: Path, settings: Any) -> None:
    settings.VAR_DIR = tmp_path
    ctx = demo.prepare_demo(echo=lambda _: None, steps=[demo.DemoStep("users", demo.create_demo_users)])
    users = {u.username: u for u in ctx.users}
    assert len(users) == len(ROLE_NAMES) + 1
    model = get_user_model()
    root = model.objects.get(username="demo-admin")
    assert root.is_superuser and root.check_password(users["demo-admin"].password)
    for role in ROLE_NAMES:
        account = next(u for u in ctx.users if u.role == role)
        person = model.objects.get(username=account.username)
        assert roles_of(person) == {role} and not person.is_superuser
        assert person.check_password(account.password)
    path = tmp_path / demo.USERS_FILE
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert users["demo-analyst"].password in path.read_text()
    # Passwords are random per machine but stable across runs.
    again = demo.prepare_demo(echo=lambda _: None, steps=[demo.DemoStep("users", demo.create_demo_users)])
    assert {u.username: u.password for u in again.users} == {u: d.password for u, d in users.items()}


def test_extra_steps_run_after_the_base_steps(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[str] = []
    monkeypatch.setattr(demo, "BASE_STEPS", [demo.DemoStep("base", lambda ctx: seen.append("base"))])
    monkeypatch.setattr(demo, "EXTRA_STEPS", [])
    demo.add_demo_step("load findings", lambda ctx: seen.append("extra"))
    messages: list[str] = []
    demo.prepare_demo(echo=messages.append)
    assert seen == ["base", "extra"]
    assert messages == ["[1] base…", "[2] load findings…"]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.mark.slow
def test_demo_command_prepares_and_serves_a_working_sign_in(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL"))}
    env["FOURFOLD_VAR_DIR"] = str(tmp_path)
    # The whole main job (synth -> screen -> load -> serve) on a small force, to keep the test quick.
    env["FOURFOLD_DEMO_RECORDS"] = "1500"
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "fourfold.cli", "demo", "--port", str(port)],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        output = ""
        deadline = time.monotonic() + 240
        assert process.stdout is not None
        while "Serving" not in output:
            line = process.stdout.readline()
            if not line and process.poll() is not None:
                pytest.fail(f"demo exited early:\n{output}")
            output += line
            assert time.monotonic() < deadline, output
        assert f"Fourfold is ready at http://127.0.0.1:{port}/" in output
        loaded = re.search(r"loaded ([\d,]+) findings", output)
        assert loaded and int(loaded.group(1).replace(",", "")) > 0, output
        match = re.search(r"demo-auditor\s+(\S+)\s+\(auditor\)", output)
        assert match, output
        assert (tmp_path / "fourfold.sqlite3").exists() and (
            tmp_path / "static/govuk/govuk-frontend.min.css"
        ).exists()
        assert not list(tmp_path.glob("static/**/*.scss"))
        base = f"http://127.0.0.1:{port}"
        for _ in range(100):
            try:
                page = urllib.request.urlopen(f"{base}/sign-in/", timeout=5)
                break
            except OSError:
                time.sleep(0.2)
        html = page.read().decode()
        assert page.status == 200 and "Sign in to Fourfold" in html
        css = urllib.request.urlopen(f"{base}/assets/govuk/govuk-frontend.min.css", timeout=5)
        assert css.status == 200 and css.headers["Content-Type"].startswith("text/css")
        # Sign in as the printed auditor through the real form (cookie jar + CSRF token).
        import http.cookiejar

        jar = http.cookiejar.CookieJar()
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
        form_page = opener.open(f"{base}/sign-in/", timeout=5).read().decode()
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form_page).group(1)  # type: ignore[union-attr]
        data = urllib.parse.urlencode(
            {
                "csrfmiddlewaretoken": token,
                "username": "demo-auditor",
                "password": match.group(1),
                "next": "/",
            }
        ).encode()
        request = urllib.request.Request(
            f"{base}/sign-in/", data=data, headers={"Referer": f"{base}/sign-in/"}
        )
        home = opener.open(request, timeout=10).read().decode()
        assert "Audrey Auditor" in home and "Audit trail" in home
    finally:
        process.terminate()
        process.wait(timeout=20)


def test_port_in_use_is_a_one_line_error(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from fourfold.cli import app

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = CliRunner().invoke(app, ["demo", "--port", str(port)])
    assert result.exit_code == 1
    assert (
        result.output.strip() == f"Port {port} on 127.0.0.1 is in use: stop what is using it or pass --port."
    )
