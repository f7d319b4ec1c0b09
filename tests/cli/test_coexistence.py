"""Translate Toolkit, which localizers install beside everything else, lives in the same environment
without changing what ``l10n`` writes, and its tools read our catalogs."""

import csv
import io
import json
import shutil
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import polib

from support import REPO

TOOLS = Path(sys.executable).parent  # where pip put l10n, pocount and pofilter


def test_translate_toolkit_and_l10n_share_an_environment(project):
    """In the environment (run from outside the repository, as users do), ``translate`` is Translate
    Toolkit's package, and ``l10n`` still writes its own name and version."""
    found = subprocess.run([sys.executable, "-c", "import translate.storage.pypo, translate; print(translate.__file__)"],
                           cwd=project, capture_output=True, text=True)
    assert found.returncode == 0 and "site-packages" in found.stdout, found.stderr
    subprocess.run([str(TOOLS / "l10n"), "extract"], cwd=project, check=True, capture_output=True)
    for path in (project / "locales").glob("*.pot"):
        assert polib.pofile(str(path)).metadata["X-Generator"] == f"l10n {version('l10n-article')}"


def test_pocount_agrees_with_status_on_the_committed_catalogs(project, l10n):
    shutil.copytree(REPO / "locales", project / "locales")
    rows = {(row["language"], row["domain"]): row for row in json.loads(l10n(project, "status", "--json")[1])}
    catalogs = sorted((project / "locales").glob("*/LC_MESSAGES/*.po"))
    result = subprocess.run([str(TOOLS / "pocount"), "--csv", *map(str, catalogs)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    counted = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(counted) == len(catalogs)
    for row in counted:
        path = Path(row["Filename"])
        language, domain = path.parent.parent.name, path.stem
        if (language, domain) in rows:
            assert int(row["Translated Messages"]) == rows[(language, domain)]["reviewed"], path
            assert int(row["Fuzzy Messages"]) == 0


def test_pofilter_reads_every_committed_catalog(tmp_path):
    """pofilter goes through every template and catalog (writing out only those with findings)."""
    result = subprocess.run([str(TOOLS / "pofilter"), "--progress=names", "-i", str(REPO / "locales"),
                             "-o", str(tmp_path / "filtered")], capture_output=True, text=True)
    assert result.returncode == 0 and "ERROR" not in result.stderr.upper(), result.stderr
    committed = {p.relative_to(REPO / "locales").as_posix() for p in (REPO / "locales").rglob("*.po*")}
    named = {line.strip() for line in (result.stdout + result.stderr).splitlines() if line.strip().endswith((".po", ".pot"))}
    assert named == committed
    filtered = {p.relative_to(tmp_path / "filtered").as_posix() for p in (tmp_path / "filtered").rglob("*.po")}
    assert filtered <= committed
