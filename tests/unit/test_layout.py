"""The code's shape: one import root, stages that import only back along the chain, checked types."""

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from support import REPO

STAGES = ("translate", "render")


def _imports(folder: Path) -> dict[Path, set[str]]:
    found: dict[Path, set[str]] = {}
    for path in sorted(folder.rglob("*.py")):
        names = found.setdefault(path, set())
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                names.add(node.module)
            elif isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
    return found


def test_translate_never_imports_render():
    offenders = [f"{path.relative_to(REPO)} imports {name}" for path, names in _imports(REPO / "translate").items()
                 for name in names if name.split(".")[:2] == ["l10n_article", "render"]]
    assert offenders == []


@pytest.mark.parametrize("folder", STAGES)
def test_code_imports_itself_only_through_its_own_root(folder):
    """Neither ``translate`` nor ``render`` is imported by its bare name: both are common names on
    PyPI (``translate`` is Translate Toolkit's package)."""
    offenders = [f"{path.relative_to(REPO)} imports {name}" for path, names in _imports(REPO / folder).items()
                 for name in names if name.split(".")[0] in STAGES]
    assert offenders == []


def test_mypy_passes(tmp_path):
    """mypy over the package as it is installed: l10n_article/translate and l10n_article/render."""
    pytest.importorskip("mypy", reason="mypy is part of the test extra: pip install -e '.[test]'")
    tree = tmp_path / "l10n_article"
    tree.mkdir()
    for stage in STAGES:
        (tree / stage).symlink_to(REPO / stage, target_is_directory=True)
    result = subprocess.run([sys.executable, "-m", "mypy", "--config-file", str(REPO / "pyproject.toml"),
                             "--cache-dir", str(tmp_path / "cache"), "-p", "l10n_article"],
                            cwd=tmp_path, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
