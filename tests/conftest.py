import shutil
from pathlib import Path

import pytest

from l10n_article.render.cli import main
from support import CONFIG, REPO


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A fresh project holding the real article and no catalogs yet."""
    (tmp_path / "pyproject.toml").write_text(CONFIG, encoding="utf-8")
    shutil.copytree(REPO / "source", tmp_path / "source")
    return tmp_path


@pytest.fixture
def l10n(capsys):
    """Run the ``l10n`` command in-process; return (exit status, stdout, stderr)."""
    def run(root: Path, *args: str) -> tuple[int, str, str]:
        status = main(["--root", str(root), *args])
        captured = capsys.readouterr()
        return status, captured.out, captured.err
    return run
