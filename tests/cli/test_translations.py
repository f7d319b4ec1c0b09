"""The project's own article: its reviewed translations are complete, clean and published in full."""

import json
import shutil

import pytest

from support import REPO, gettext_tool

LANGUAGES = ("en", "ru", "kk")


@pytest.fixture
def article_project(project):
    shutil.copytree(REPO / "locales", project / "locales")
    return project


def test_every_catalog_is_fully_reviewed(article_project, l10n):
    status, out, _ = l10n(article_project, "status", "--json")
    rows = json.loads(out)
    assert {(r["language"], r["domain"]) for r in rows} == {(lang, d) for lang in LANGUAGES for d in ("kazakhstan-ue", "ui")}
    assert all(r["percent_reviewed"] == 100.0 and r["drafts"] == 0 for r in rows)


def test_the_checks_find_nothing(article_project, l10n):
    status, out, _ = l10n(article_project, "check")
    assert status == 0
    lines = out.splitlines()
    assert len(lines) == 1 and lines[0].endswith(" translations checked: 0 errors, 0 warnings")
    assert int(lines[0].split()[0]) >= 3 * 19


def test_nothing_needs_review(article_project, l10n):
    assert l10n(article_project, "compare", "--needs-review")[:2] == (
        0, "nothing to review: every segment is reviewed in en, ru, kk\n")


def test_catalogs_are_human_translations_valid_for_gnu_gettext(article_project):
    for path in (article_project / "locales").rglob("*.po"):
        text = path.read_text(encoding="utf-8")
        assert "# machine draft:" not in text and "#, fuzzy" not in text, path
        assert gettext_tool("msgfmt", "--check", "-o", "/dev/null", str(path)).returncode == 0


def test_committed_catalogs_come_out_of_msgcat_byte_for_byte(tmp_path):
    """Weblate, Poedit and msgmerge rewrite the catalogs through GNU gettext: nothing of ours may
    change or vanish when they do (a check's suppression is a translator comment, not a flag)."""
    paths = sorted((REPO / "locales").rglob("*.po")) + sorted((REPO / "locales").glob("*.pot"))
    assert {p.name for p in paths} >= {"kazakhstan-ue.po", "ui.po", "kazakhstan-ue.pot", "ui.pot"}
    for path in paths:
        out = tmp_path / path.name
        assert gettext_tool("msgcat", "-o", str(out), str(path)).returncode == 0
        assert out.read_bytes() == path.read_bytes(), path
        # a template's header keeps xgettext's placeholders (nplurals=INTEGER), which --check-header refuses
        checks = ("--check",) if path.suffix == ".po" else ("--check-format", "--check-domain")
        assert gettext_tool("msgfmt", *checks, "-o", "/dev/null", str(path)).returncode == 0, path


def test_the_pages_show_the_whole_article_with_no_french_fallback(article_project, l10n):
    assert l10n(article_project, "build", "--min-reviewed", "100")[0] == 0
    for language in LANGUAGES:
        page = (article_project / "build" / language / "index.html").read_text(encoding="utf-8")
        assert "l10n-fallback" not in page and "l10n-draft" not in page
        assert 'lang="fr"' in page  # only the switcher's link to the French page
    assert "Kassym-Jomart Tokayev" in (article_project / "build" / "en" / "index.html").read_text(encoding="utf-8")
    assert "Қасым-Жомарт Тоқаев" in (article_project / "build" / "kk" / "index.html").read_text(encoding="utf-8")


def test_two_articles_get_two_catalogs_and_two_pages(project, l10n):
    shutil.copy(REPO / "tests" / "data" / "lists.md", project / "source" / "lists.md")
    assert l10n(project, "build")[0] == 0
    assert (project / "locales" / "ru" / "LC_MESSAGES" / "lists.po").exists()
    for language in ("fr", "en"):
        assert (project / "build" / language / "kazakhstan-ue.html").exists()
        index = (project / "build" / language / "index.html").read_text(encoding="utf-8")
        assert '<a href="lists.html"' in index and "A second article</a>" in index
        assert ('<a href="kazakhstan-ue.html" lang="fr">' in index) == (language == "en")  # French fallback
    assert "<li>first item with <em>emphasis</em></li>" in (project / "build" / "fr" / "lists.html").read_text(
        encoding="utf-8")
