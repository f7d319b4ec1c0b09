"""Catalogs → pages: languages, fallback and draft marking, escaping, the reviewed threshold."""

import collections
import re
import shutil
from pathlib import Path

import pytest

from l10n_article.translate.catalog.pofile import read_catalog, write_catalog
from support import CAPTION, DATA, TITLE, snapshot, translate_entries
from support.pages import Elements


def page(project, language, slug="kazakhstan-ue", out="build"):
    return (project / out / language / f"{slug}.html").read_text(encoding="utf-8")


def test_a_page_per_language_with_lang_switcher_and_alternates(project, l10n):
    status, out, _ = l10n(project, "build")
    assert status == 0
    for language in ("fr", "en", "ru", "kk"):
        text = page(project, language)
        assert text.startswith("<!DOCTYPE html>\n")
        assert f'<html lang="{language}" dir="ltr">' in text
        parsed = Elements(text)
        alternates = {a["hreflang"] for tag, a in parsed.tags if tag == "link" and a.get("rel") == "alternate"}
        assert alternates == {"fr", "en", "ru", "kk"} - {language}
    nav = re.search(r"<nav.*?</nav>", page(project, "en"), re.S).group(0)
    assert Elements(nav).texts == [("Read in:", None), ("Français", "fr"), ("English", "en"),
                                   ("Русский", "ru"), ("Қазақ тілі", "kk")]
    assert "<figure" in page(project, "fr") and "<figcaption>" in page(project, "fr") and "<img" not in page(project, "fr")


def test_missing_translations_fall_back_to_french_marked(project, l10n):
    l10n(project, "update")
    translate_entries(project, "en", {TITLE: "Between minerals and geopolitics, Kazakhstan charts its course with the EU"})
    l10n(project, "build")
    parsed = Elements(page(project, "en"))
    assert parsed.lang_of("Between minerals and geopolitics") == "en"
    assert parsed.lang_of(CAPTION) == "fr"
    assert "Not yet translated" in page(project, "en")
    assert page(project, "en").count('class="l10n-fallback" lang="fr"') == 18
    assert "Reviewed translations: 1 of 19 passages on this page." in page(project, "en")


def test_fuzzy_entries_are_published_only_as_marked_drafts(project, l10n):
    l10n(project, "update")
    draft = "Kassym-Jomart Tokayev at the EU–Central Asia summit"
    translate_entries(project, "en", {CAPTION: draft}, fuzzy={CAPTION})
    l10n(project, "build")
    assert draft not in page(project, "en")
    assert Elements(page(project, "en")).lang_of(CAPTION) == "fr"
    l10n(project, "build", "--drafts")
    text = page(project, "en", out="build-drafts")
    assert re.search(r'<span class="l10n-draft"><span class="l10n-badge">Draft, not reviewed</span> '
                     + re.escape(draft), text)
    assert "Preview with unreviewed drafts" in text


def test_translations_are_inline_markdown_and_never_raw_html(project, l10n):
    l10n(project, "update")
    translate_entries(project, "en", {CAPTION: "Tokayev <script>alert(1)</script> at the *summit* [EU](javascript:alert(1))"})
    l10n(project, "build")
    text = page(project, "en")
    assert "<script>" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert "<em>summit</em>" in text
    assert 'href="javascript' not in text


def test_min_reviewed_skips_and_reports_languages_below_the_threshold(project, l10n):
    l10n(project, "update")
    catalog_path = project / "locales" / "en" / "LC_MESSAGES" / "kazakhstan-ue.po"
    catalog = read_catalog(catalog_path, "en")
    translate_entries(project, "en", {e.msgid: "EN" for e in catalog})
    status, out, _ = l10n(project, "build", "--min-reviewed", "50", "--out", str(project / "site"))
    assert status == 0
    assert "skipped ru/kazakhstan-ue.html: 0.0% reviewed, below --min-reviewed 50" in out
    assert (project / "site" / "en" / "kazakhstan-ue.html").exists()
    assert not (project / "site" / "ru").exists()
    for name in ("kazakhstan-ue.html", "index.html"):
        assert 'hreflang="ru"' not in (project / "site" / "en" / name).read_text(encoding="utf-8")


def test_interface_strings_come_from_the_ui_catalogs_with_plural_forms(project, l10n):
    l10n(project, "update")
    path = project / "locales" / "ru" / "LC_MESSAGES" / "ui.po"
    catalog = read_catalog(path, "ru")
    plural = next(e for e in catalog if e.msgid_plural)
    plural.msgstr_plural = {0: "%(num)d из %(total)d фрагмента", 1: "%(num)d из %(total)d фрагментов",
                            2: "%(num)d из %(total)d фрагментов"}
    catalog.find("Not yet translated").msgstr = "Ещё не переведено"
    write_catalog(catalog, path)
    l10n(project, "build")
    text = page(project, "ru")
    assert "0 из 19 фрагментов" in text
    assert "original language (французский)" in text  # a language name in running text is not capitalized
    assert '<span class="l10n-badge" lang="ru">Ещё не переведено</span>' in text


def damage_memory(project):
    (project / "locales" / "memory.tmx").write_text("<tmx version=", encoding="utf-8")


def damage_memory_database(project):
    (project / "locales" / "memory.sqlite").write_bytes(b"not a database" * 100)


def damage_published(project):
    (project / "locales" / "published" / "kazakhstan-ue.tmx").write_text("<tmx version=\"1.4\"><body><tu>", encoding="utf-8")


def damage_ui(project):
    path = project / "locales" / "ru" / "LC_MESSAGES" / "ui.po"
    catalog = read_catalog(path, "ru")
    catalog.find("Read in:").msgstr = "Читать на 100% языках:"
    write_catalog(catalog, path)


@pytest.mark.parametrize("damage", [damage_memory, damage_memory_database, damage_published, damage_ui])
def test_a_failed_build_leaves_the_old_site_byte_identical(project, l10n, damage):
    l10n(project, "update")
    translate_entries(project, "en", {TITLE: "Between minerals and geopolitics"})
    assert l10n(project, "build")[0] == 0
    before = snapshot(project / "build")
    translate_entries(project, "en", {CAPTION: "Tokayev at the summit"})
    damage(project)
    status, _, err = l10n(project, "build")
    assert status == 2 and err.count("\n") == 1
    assert snapshot(project / "build") == before
    assert [p.name for p in project.iterdir() if p.name.startswith(".build")] == []  # no staging folder left


def test_the_output_folder_holds_exactly_the_new_build(project, l10n):
    site = project / "elsewhere" / "site"
    assert l10n(project, "build", "--out", str(site))[0] == 0
    (site / "ru" / "stale.html").write_text("an old page", encoding="utf-8")
    (site / "notes.txt").write_text("not part of the site", encoding="utf-8")
    status, out, _ = l10n(project, "build", "--min-reviewed", "50", "--out", str(site))
    assert status == 0 and "skipped ru" in out
    built = snapshot(site)
    assert sorted(built) == ["compare.css", "compare.js", "compare/index.html", "compare/kazakhstan-ue.html",
                             "fr/index.html", "fr/kazakhstan-ue.html", "style.css"]
    assert 'hreflang="ru"' not in built["fr/kazakhstan-ue.html"].decode()
    assert sorted(line.removeprefix("page ") for line in out.splitlines() if line.startswith("page ")) == [
        str(site / "compare" / "index.html"), str(site / "compare" / "kazakhstan-ue.html"),
        str(site / "fr" / "index.html"), str(site / "fr" / "kazakhstan-ue.html")]
    assert sorted(p.name for p in site.parent.iterdir()) == ["site"]  # no staging folder left behind


@pytest.mark.parametrize("out", [".", "locales", "source/..", ".."])
def test_an_output_folder_holding_the_project_is_refused(project, l10n, out):
    before = snapshot(project)
    status, _, err = l10n(project, "build", "--out", str(project / out))
    assert status == 2 and err.count("\n") == 1 and "choose a folder of its own" in err
    assert snapshot(project) == before


def add_to_article(project, text):
    article = project / "source" / "kazakhstan-ue.md"
    article.write_text(article.read_text(encoding="utf-8") + text, encoding="utf-8")


def test_reference_links_resolve_on_every_page_and_stay_readable_in_the_catalogs(project, l10n):
    source = "Voir le [rapport][ue] de la Commission."
    add_to_article(project, f"\n{source}\n\n[UE]: https://example.org/rapport \"Rapport\"\n")
    l10n(project, "update")
    assert read_catalog(project / "locales" / "kazakhstan-ue.pot").find(source) is not None
    translate_entries(project, "en", {source: "See the Commission’s [report][ue]."})
    assert l10n(project, "build")[0] == 0
    link = '<a href="https://example.org/rapport" title="Rapport">{}</a>'
    assert f"Voir le {link.format('rapport')} de la Commission." in page(project, "fr")
    assert f"See the Commission’s {link.format('report')}." in page(project, "en")
    compare = (project / "build" / "compare" / "kazakhstan-ue.html").read_text(encoding="utf-8")
    assert link.format("rapport") in compare and link.format("report") in compare
    assert not any("[ue]" in p.read_text(encoding="utf-8") for p in (project / "build").rglob("*.html"))


@pytest.mark.parametrize("title, shown", [("![Le Kazakhstan et l’UE](img/carte.png)", "Le Kazakhstan et l’UE"),
                                          ("![](img/carte.png)", "carte.png"),
                                          ("![*Carte* du `Kazakhstan`](carte.png)", "Carte du Kazakhstan")])
def test_a_title_made_of_an_image_is_never_an_empty_title(project, l10n, title, shown):
    article = project / "source" / "kazakhstan-ue.md"
    article.write_text(article.read_text(encoding="utf-8").replace(f"# {TITLE}", f"# {title}"), encoding="utf-8")
    assert l10n(project, "build")[0] == 0
    assert f"<title>{shown}</title>" in page(project, "en")
    compare = (project / "build" / "compare" / "kazakhstan-ue.html").read_text(encoding="utf-8")
    assert f"<h1>{shown}</h1>" in compare
    assert f'<a href="kazakhstan-ue.html">{shown}</a>' in (project / "build" / "compare" / "index.html").read_text(
        encoding="utf-8")


def test_a_build_parses_each_article_once_and_reads_each_catalog_once(project, l10n, monkeypatch):
    from l10n_article.translate import workspace
    from l10n_article.translate.catalog import pofile
    l10n(project, "update")
    shutil.copy(DATA / "lists.md", project / "source" / "lists.md")
    counts: collections.Counter = collections.Counter()

    def counting(module, name, where=0):
        """Count the calls of ``module.name`` per file (its argument number ``where``)."""
        real = getattr(module, name)

        def count(*args):
            counts[name, Path(args[where]).relative_to(project).as_posix()] += 1
            return real(*args)
        monkeypatch.setattr(module, name, count)
    counting(workspace, "parse_article")
    counting(workspace, "read_catalog")
    counting(pofile, "parse_catalog", where=1)
    assert l10n(project, "build")[0] == 0
    articles = ["source/kazakhstan-ue.md", "source/lists.md"]
    catalogs = [f"locales/{lang}/LC_MESSAGES/{domain}.po" for lang in ("en", "ru", "kk")
                for domain in ("kazakhstan-ue", "ui")] + ["locales/fr/LC_MESSAGES/ui.po"]
    assert {path: n for (name, path), n in counts.items() if name == "parse_article"} == dict.fromkeys(articles, 1)
    assert {path: n for (name, path), n in counts.items() if name == "read_catalog"} == dict.fromkeys(catalogs, 1)
    # At most once more: the bytes an update re-reads just before replacing a file, so that a
    # translator's save that landed meanwhile is merged (the new lists.po files are never read).
    parsed = {path: n for (name, path), n in counts.items() if name == "parse_catalog" and path.endswith(".po")}
    assert sorted(parsed) == sorted(catalogs) and max(parsed.values()) <= 2


def test_french_text_gets_its_no_break_spaces_on_every_page_but_not_in_the_catalogs(project, l10n):
    assert l10n(project, "build")[0] == 0
    for language in ("fr", "en"):  # the original, and the English page's French fallbacks
        text = page(project, language)
        assert "Mais à quoi bon de l’enthousiasme sans livrables\u202f?" in text
        assert "constitue «\u00a0la pierre angulaire du dialogue stratégique\u00a0» entre" in text
        assert "privilégiés\u00a0: l’énergie" in text
        assert "« " not in text and " »" not in text and " ?" not in text
    template = (project / "locales" / "kazakhstan-ue.pot").read_text(encoding="utf-8")
    assert "livrables ?" in template and "\u202f" not in template and "\u00a0" not in template


def test_a_printed_page_has_no_switcher_and_shows_where_links_go(project, l10n):
    playwright = pytest.importorskip("playwright.sync_api")
    if not shutil.which("chromium"):
        pytest.skip("Debian's chromium is not installed")
    article = project / "source" / "kazakhstan-ue.md"
    article.write_text(article.read_text(encoding="utf-8") + "\nVoir [le communiqué](https://example.org/communique).\n",
                       encoding="utf-8")
    assert l10n(project, "build")[0] == 0
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=shutil.which("chromium"),
                                    args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        page = browser.new_page()
        page.goto((project / "build" / "fr" / "kazakhstan-ue.html").as_uri())
        after = "el => getComputedStyle(el, '::after').content"
        link = page.locator("article a[href^='https://example.org']")
        assert page.locator("nav.languages").is_visible() and link.evaluate(after) in ("none", "normal")
        page.emulate_media(media="print")
        assert not page.locator("nav.languages").is_visible()
        assert link.evaluate(after) == '" <https://example.org/communique>"'
        browser.close()
