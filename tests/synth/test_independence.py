"""Analysis code never imports the generator (phrase tables, scenarios), or accuracy would be circular."""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src" / "fourfold"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names |= {f"{node.module}.{a.name}" for a in node.names}
    return names


def test_nothing_outside_synth_imports_it_except_the_cli():
    """Only command modules may import the `fourfold synth` command itself (to generate data, the same as
    running it); no analysis module may import the phrase tables, scenarios or any other generator module."""
    offenders = []
    for path in SRC.rglob("*.py"):
        rel = path.relative_to(SRC)
        if rel.parts[0] == "synth":
            continue
        for n in _imports(path):
            if not (n == "fourfold.synth" or n.startswith("fourfold.synth.")):
                continue
            command_entry = n in ("fourfold.synth.cli", "fourfold.synth.cli.synth") and path.name == "cli.py"
            if not command_entry:
                offenders.append(f"{rel.as_posix()} imports {n}")
    assert offenders == []


def test_synth_imports_no_analysis_code():
    """Truth is set by scenarios, never computed by analysis code."""
    allowed = ("fourfold.synth",)
    for path in (SRC / "synth").rglob("*.py"):
        for n in _imports(path):
            if n.startswith("fourfold"):
                assert n.startswith(allowed), f"{path.name} imports {n}"
