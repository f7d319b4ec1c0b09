"""What the tests share: the project's paths, GNU gettext's tools, snapshots, and catalog edits."""

import shutil
import subprocess
from pathlib import Path

import pytest

from l10n_article.translate.catalog.pofile import read_catalog, write_catalog

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "tests" / "data"
SEED = DATA / "article-fr.txt"  # the article as the newsroom delivered it, plain text
CONFIG = """[tool.l10n]
source = "source"
locales = "locales"
output = "build"
source-language = "fr"
languages = ["en", "ru", "kk"]
"""
TITLE = "Entre minerais et géopolitique, le Kazakhstan trace sa voie avec l’UE"
CAPTION = "Kassym-Jomart Tokaïev au sommet UE-Asie centrale"


def snapshot(root: Path) -> dict[str, bytes]:
    """Every file under ``root`` with its bytes, to prove a failed command changed nothing."""
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def gettext_tool(name: str, *args: str) -> subprocess.CompletedProcess:
    if shutil.which(name) is None:
        pytest.skip(f"GNU gettext's {name} is not installed (apt-get install gettext)")
    return subprocess.run([name, *args], capture_output=True, text=True)


def translate_entries(project: Path, language: str, translations: dict[str, str], fuzzy=(),
                      domain: str = "kazakhstan-ue") -> None:
    """Give entries of a catalog a translation, as a translator's editor would."""
    path = project / "locales" / language / "LC_MESSAGES" / f"{domain}.po"
    catalog = read_catalog(path, language)
    for msgid, msgstr in translations.items():
        entry = catalog.find(msgid)
        entry.msgstr = msgstr
        if msgid in fuzzy:
            entry.flags.append("fuzzy")
    write_catalog(catalog, path)
