"""Real Argos packages for the machine-draft and package tests, built once per session."""

import polib
import pytest

import l10n_article.translate.workspace as workspace
from support import DATA, REPO
from support.argos_builder import build_package

TEXTS = [line for path in (REPO / "source").glob("*.md") for line in path.read_text(encoding="utf-8").split("\n")]
TEXTS += (DATA / "lists.md").read_text(encoding="utf-8").split("\n")
RUSSIAN = [entry.msgstr for entry in polib.pofile(str(REPO / "locales/ru/LC_MESSAGES/kazakhstan-ue.po"))]


@pytest.fixture(scope="session")
def packages(tmp_path_factory):
    """``.argosmodel`` files whose models copy their input: fr→en, en→ru, a newer fr→en, a prefixed
    fr→kk, a ru→kk (its tokenizer trained on the Russian translation too), and a fr→en that copies
    with less certainty."""
    out = tmp_path_factory.mktemp("argosmodels")
    return {
        "fr_en": build_package(out, "fr", "en", TEXTS),
        "en_ru": build_package(out, "en", "ru", TEXTS),
        "fr_en_2": build_package(out, "fr", "en", TEXTS, version="2.0", seed=1),
        "fr_kk": build_package(out, "fr", "kk", TEXTS, target_prefix="__kk__", seed=2),
        "ru_kk": build_package(out, "ru", "kk", TEXTS + RUSSIAN, version="1.0", seed=3),
        "fr_en_unsure": build_package(out, "fr", "en", TEXTS, version="1.8", seed=4, sharpness=0.08),
    }


@pytest.fixture
def install(tmp_path, monkeypatch, packages, l10n, project):
    """Install packages by name with ``l10n models install FILE`` into a temporary packages folder;
    return that folder."""
    folder = tmp_path / "argos-packages"
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(folder))

    def run(*names):
        for name in names:
            status, out, err = l10n(project, "models", "install", str(packages[name]))
            assert status == 0, err
        return folder
    return run


@pytest.fixture
def parsed(monkeypatch):
    """The articles parsed during a command, by file name."""
    seen: list[str] = []
    real = workspace.parse_article

    def counting(path, source_language):
        seen.append(path.name)
        return real(path, source_language)
    monkeypatch.setattr(workspace, "parse_article", counting)
    return seen

