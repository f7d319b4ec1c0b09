"""The project's own article: its reviewed translations are complete, clean and published in full."""

import gettext
import json
import re
import shutil

import pytest

from l10n_article.render.cli import workspace
from l10n_article.render.templating import environment, page_frame
from support import REPO, gettext_tool

LANGUAGES = ("en", "ru", "kk")
FOOTER = ("Reviewed translations: %(num)d of %(total)d passage on this page.",
          "Reviewed translations: %(num)d of %(total)d passages on this page.")
TOTALS = (1, 2, 5, 21)
# the footer each language must show for a page of 1, 2, 5 and 21 passages, half of them reviewed
FOOTERS = {
    "fr": ("Traductions relues\u00a0: 0 sur 1 passage de cette page.",
           "Traductions relues\u00a0: 1 sur 2 passages de cette page.",
           "Traductions relues\u00a0: 2 sur 5 passages de cette page.",
           "Traductions relues\u00a0: 10 sur 21 passages de cette page."),
    "en": ("Reviewed translations: 0 of 1 passage on this page.",
           "Reviewed translations: 1 of 2 passages on this page.",
           "Reviewed translations: 2 of 5 passages on this page.",
           "Reviewed translations: 10 of 21 passages on this page."),
    "ru": ("Проверенные переводы: 0 из 1 фрагмента на этой странице.",
           "Проверенные переводы: 1 из 2 фрагментов на этой странице.",
           "Проверенные переводы: 2 из 5 фрагментов на этой странице.",
           "Проверенные переводы: 10 из 21 фрагмента на этой странице."),
    "kk": ("Осы беттегі 1 үзіндінің ішінде аудармасы тексерілгені: 0.",
           "Осы беттегі 2 үзіндінің ішінде аудармасы тексерілгені: 1.",
           "Осы беттегі 5 үзіндінің ішінде аудармасы тексерілгені: 2.",
           "Осы беттегі 21 үзіндінің ішінде аудармасы тексерілгені: 10."),
}


@pytest.fixture
def article_project(project):
    shutil.copytree(REPO / "locales", project / "locales")
    return project


def test_every_catalog_is_fully_reviewed(article_project, l10n):
    status, out, _ = l10n(article_project, "status", "--json")
    rows = json.loads(out)
    assert {(r["language"], r["domain"]) for r in rows} == {(lang, d) for lang in LANGUAGES for d in ("kazakhstan-ue", "ui")}
    assert all(r["percent_reviewed"] == 100.0 and r["reviewed"] == r["segments"] for r in rows)


def test_the_checks_find_nothing(article_project, l10n):
    status, out, _ = l10n(article_project, "check")
    assert status == 0
    lines = out.splitlines()
    assert len(lines) == 1 and lines[0].endswith(": 0 errors, 0 warnings") and " translations checked" in lines[0]
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


def _article_page(root, language: str) -> str:
    """The built page of the article in ``language``."""
    return (root / "build" / language / "kazakhstan-ue.html").read_text(encoding="utf-8")


def test_the_pages_show_the_whole_article_with_no_french_fallback(article_project, l10n):
    assert l10n(article_project, "build", "--min-reviewed", "100")[0] == 0
    for language in LANGUAGES:
        page = _article_page(article_project, language)
        assert "l10n-fallback" not in page and "l10n-draft" not in page
        assert 'lang="fr"' in page  # only the switcher's link to the French page
    assert "Kassym-Jomart Tokayev" in _article_page(article_project, "en")
    assert "Қасым-Жомарт Тоқаев" in _article_page(article_project, "kk")


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


def _footer(env, language: str, total: int) -> str:
    """The footer of a translated page of ``total`` passages, half of them reviewed."""
    page = dict(page_frame(language, list(FOOTERS), "index.html", current=language), title="", body="",
                drafts=False, fallbacks=False, source_name="", total=total, reviewed=total // 2, is_source=False)
    html = env.get_template("article.html").render(page=page)
    return re.search(r'<footer class="site">\s*<p>(.*?)</p>', html, re.S).group(1)


@pytest.mark.parametrize("language", FOOTERS)
def test_the_footer_agrees_with_its_number_in_every_language(article_project, tmp_path, language):
    """The committed interface catalogs give the footer the plural form of its total (Russian: из 1
    and 21 фрагмента, из 2 and 5 фрагментов), the same form GNU gettext picks from the compiled catalog."""
    env = environment(workspace(article_project), language)
    mo = tmp_path / "ui.mo"
    po = article_project / "locales" / language / "LC_MESSAGES" / "ui.po"
    assert gettext_tool("msgfmt", "-o", str(mo), str(po)).returncode == 0
    with mo.open("rb") as compiled:
        gnu = gettext.GNUTranslations(compiled)
    for total, expected in zip(TOTALS, FOOTERS[language]):
        assert _footer(env, language, total) == expected
        assert gnu.ngettext(*FOOTER, total) % dict(num=total // 2, total=total) == expected
