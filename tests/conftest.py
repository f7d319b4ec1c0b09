import shutil
import subprocess
from pathlib import Path

import pytest

from l10n_article.render.cli import main

REPO = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
SEED = DATA / "article-fr.txt"  # the article as the newsroom delivered it, plain text
CONFIG = """[tool.l10n]
source = "source"
locales = "locales"
output = "build"
source-language = "fr"
languages = ["en", "ru", "kk"]
"""


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


def snapshot(root: Path) -> dict[str, bytes]:
    """Every file under ``root`` with its bytes, to prove a failed command changed nothing."""
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def gettext_tool(name: str, *args: str) -> subprocess.CompletedProcess:
    if shutil.which(name) is None:
        pytest.skip(f"GNU gettext's {name} is not installed (apt-get install gettext)")
    return subprocess.run([name, *args], capture_output=True, text=True)
