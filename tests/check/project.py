"""Build scratch projects on disk for check tests: files plus a ``[tool.thor-guard]`` table."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from click.testing import CliRunner

from thor_guard.config import Config, load_config


def toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    return '"' + str(value).replace("\\", "\\\\").replace('"', '\\"') + '"'


def write_project(root: Path, files: Mapping[str, str | bytes], table: Mapping[str, object]) -> Path:
    """Write ``files`` (relative path -> text or bytes) and a pyproject with ``table``; return ``root``."""
    root.mkdir(parents=True, exist_ok=True)
    lines = ["[tool.thor-guard]"] + [f"{key} = {toml_value(value)}" for key, value in table.items()]
    (root / "pyproject.toml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return write_files(root, files)


def write_files(root: Path, files: Mapping[str, str | bytes]) -> Path:
    """Write ``files`` (relative path -> text or bytes) under ``root``, with ``__init__.py`` in every package directory.

    Hidden directories (``.git``, ``.venv``) are not packages and get no ``__init__.py``.
    """
    for relative, content in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        for parent in path.relative_to(root).parents:
            if str(parent) != "." and not (root / parent / "__init__.py").exists() and not str(parent).startswith("."):
                (root / parent / "__init__.py").write_text("", encoding="utf-8")
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return root


def project_config(root: Path, files: Mapping[str, str | bytes], table: Mapping[str, object]) -> Config:
    write_project(root, files, table)
    return load_config([root])


def cli_runner() -> CliRunner:
    """A CliRunner that keeps stderr apart from stdout (click 8.1 needs mix_stderr=False; 8.2 always does)."""
    try:
        return CliRunner(mix_stderr=False)  # type: ignore[call-arg]
    except TypeError:
        return CliRunner()
