"""claimtrack plugin new: the generated package is valid, passes its own
test, and is found by claimtrack once installed in a fresh environment."""

from __future__ import annotations

import json
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from claimtrack.cli import cli
from claimtrack.template import PluginNames, TemplateError, new_plugin, render

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("quotes", ("quotes", "claimtrack_quotes", "claimtrack-quotes")),
        ("claimtrack-le-monde", ("le-monde", "claimtrack_le_monde", "claimtrack-le-monde")),
        ("Claimtrack_FR2", ("fr2", "claimtrack_fr2", "claimtrack-fr2")),
    ],
)
def test_names(raw, expected):
    names = PluginNames.parse(raw)
    assert (names.name, names.module, names.distribution) == expected


@pytest.mark.parametrize("raw", ["", "2fast", "has space", "dots.not.allowed", "trailing-", "ünï"])
def test_invalid_names_are_refused(raw):
    with pytest.raises(TemplateError, match="invalid plugin name"):
        PluginNames.parse(raw)


def test_render_fills_every_placeholder():
    files = render(PluginNames.parse("le-monde"))
    assert set(files) == {
        "README.md",
        "pyproject.toml",
        "claimtrack_le_monde/__init__.py",
        "tests/test_claimtrack_le_monde.py",
    }
    assert 'le-monde = "claimtrack_le_monde"' in files["pyproject.toml"]
    for path, text in files.items():
        assert "${" not in text and "__module__" not in text, path


def test_generated_code_is_lint_clean(tmp_path):
    _names, target = new_plugin("quotes", tmp_path / "pkg")
    ruff = Path(sys.executable).with_name("ruff")
    result = subprocess.run(
        [str(ruff), "check", "--isolated", "--select", "E,F,W,I,B,UP", "--line-length", "110", str(target)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_existing_folder_is_left_alone(runner, tmp_path):
    target = tmp_path / "taken"
    target.mkdir()
    (target / "mine.txt").write_text("keep me", encoding="utf-8")
    result = runner.invoke(cli, ["plugin", "new", "quotes", "--directory", str(target)])
    assert result.exit_code == 1
    expected = f"Error: {target}: already exists and is not an empty folder"
    assert result.output.strip().splitlines() == [expected]
    assert [p.name for p in target.iterdir()] == ["mine.txt"]
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".claimtrack-plugin-")]


def test_empty_folder_and_default_folder(runner, tmp_path):
    (tmp_path / "empty").mkdir()
    result = runner.invoke(cli, ["plugin", "new", "quotes", "--directory", str(tmp_path / "empty")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "empty" / "claimtrack_quotes" / "__init__.py").exists()
    # default: ./claimtrack-NAME (the tests run in tmp_path)
    result = runner.invoke(cli, ["plugin", "new", "claimtrack-dates-fr"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "claimtrack-dates-fr" / "pyproject.toml").exists()
    assert "Created plugin 'dates-fr' (package claimtrack_dates_fr)" in result.output


def _run(*args: str, cwd: Path | None = None) -> str:
    result = subprocess.run(args, cwd=cwd, capture_output=True, text=True, timeout=240)
    assert result.returncode == 0, f"{' '.join(args)}\n{result.stdout}\n{result.stderr}"
    return result.stdout


def test_generated_plugin_installs_passes_its_test_and_is_listed(tmp_path):
    """The whole round trip, offline: a fresh virtual environment gets
    claimtrack (a wheel built from this checkout, so the template must ship
    in it), makes the plugin with its own command, and installs it;
    claimtrack's dependencies come from the running environment through a
    .pth file instead of a package index."""
    env = tmp_path / "env"
    _run(sys.executable, "-m", "venv", "--without-pip", str(env))
    python = env / "bin" / "python"
    purelib = "import sysconfig; print(sysconfig.get_paths()['purelib'])"
    env_site = Path(_run(str(python), "-c", purelib).strip())
    (env_site / "dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    pip = [sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet"]
    pip += ["--no-deps", "--no-build-isolation", "--no-index"]
    _run(*pip, str(ROOT))
    package = tmp_path / "claimtrack-quotes"
    _run(str(env / "bin" / "claimtrack"), "plugin", "new", "quotes", cwd=tmp_path)
    _run(*pip, str(package))

    tests = _run(str(python), "-m", "pytest", "-q", "-p", "no:cacheprovider", cwd=package)
    assert "3 passed" in tests

    listed = json.loads(_run(str(env / "bin" / "claimtrack"), "plugins"))
    assert {"name": "quotes", "version": "0.1.0", "hooks": ["extract_claims"], "default": False} in listed

    article = tmp_path / "article.txt"
    article.write_text("Le ministre a déclaré : « Nous resterons jusqu'au bout ». Fin.", encoding="utf-8")
    extract = [str(env / "bin" / "claimtrack"), "extract", "--json", "--lang", "fr", str(article)]
    extracted = json.loads(_run(*extract))
    assert [(c["extractor"], c["text"]) for c in extracted] == [("quotes", "Nous resterons jusqu'au bout")]
