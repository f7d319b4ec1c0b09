"""The site's shape: stable page addresses, publication decided per article, no link to a page that
is not published, and a new language that works as ``sphinx-intl update -l de`` does."""

import html.parser
import posixpath
import shutil

from l10n_article.translate.catalog.pofile import read_catalog, write_catalog
from support import DATA, gettext_tool, snapshot, translate_entries

LISTS_TITLE = "A *second* article"


class Links(html.parser.HTMLParser):
    """Every ``href`` of a page."""

    def __init__(self, text):
        super().__init__()
        self.hrefs = []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        self.hrefs += [value for name, value in attrs if name == "href" and value]


def broken_links(site):
    """Links of the site's pages to files of the site that do not exist."""
    broken = []
    for path in site.rglob("*.html"):
        for href in Links(path.read_text(encoding="utf-8")).hrefs:
            if "://" in href or href.startswith("#"):
                continue
            target = posixpath.normpath(posixpath.join(path.parent.relative_to(site).as_posix(), href.split("#")[0]))
            if not (site / target).is_file():
                broken.append((path.relative_to(site).as_posix(), href))
    return broken


def article_pages(site, slug="kazakhstan-ue"):
    return {name: data for name, data in snapshot(site).items()
            if name.endswith(f"/{slug}.html") and not name.startswith("compare/")}  # its pages, not its comparison


def review_all(project, language, domain):
    catalog = read_catalog(project / "locales" / language / "LC_MESSAGES" / f"{domain}.po", language)
    translate_entries(project, language, {e.msgid: f"[{language}] {e.msgid}" for e in catalog}, domain=domain)


def test_adding_a_second_article_leaves_the_first_articles_addresses_and_pages_unchanged(project, l10n):
    assert l10n(project, "build")[0] == 0
    site = project / "build"
    first = article_pages(site)
    assert sorted(first) == [f"{lang}/kazakhstan-ue.html" for lang in ("en", "fr", "kk", "ru")]
    index = (site / "en" / "index.html").read_text(encoding="utf-8")
    assert 'href="kazakhstan-ue.html"' in index and "lists.html" not in index
    shutil.copy(DATA / "lists.md", project / "source" / "lists.md")
    assert l10n(project, "build")[0] == 0
    assert article_pages(site) == first
    assert 'href="lists.html"' in (site / "en" / "index.html").read_text(encoding="utf-8")
    assert broken_links(site) == []


def test_min_reviewed_decides_per_article_and_nothing_links_to_a_skipped_page(project, l10n):
    shutil.copy(DATA / "lists.md", project / "source" / "lists.md")
    l10n(project, "update")
    review_all(project, "en", "lists")
    status, out, _ = l10n(project, "build", "--min-reviewed", "100")
    assert status == 0
    skipped = sorted(line.split(":")[0] for line in out.splitlines() if line.startswith("skipped "))
    assert skipped == ["skipped en/kazakhstan-ue.html", "skipped kk/kazakhstan-ue.html", "skipped kk/lists.html",
                       "skipped ru/kazakhstan-ue.html", "skipped ru/lists.html"]
    site = project / "build"
    assert sorted(name for name in snapshot(site) if name.endswith(".html")) == [
        "compare/index.html", "compare/kazakhstan-ue.html", "compare/lists.html", "en/index.html", "en/lists.html",
        "fr/index.html", "fr/kazakhstan-ue.html", "fr/lists.html"]
    english = (site / "en" / "index.html").read_text(encoding="utf-8")
    assert "[en] A" in english and "kazakhstan-ue.html" not in english
    assert 'hreflang="en"' not in (site / "fr" / "kazakhstan-ue.html").read_text(encoding="utf-8")
    assert 'hreflang="en"' in (site / "fr" / "lists.html").read_text(encoding="utf-8")
    assert broken_links(site) == []


def test_the_index_lists_titles_in_its_language(project, l10n):
    shutil.copy(DATA / "lists.md", project / "source" / "lists.md")
    l10n(project, "update")
    translate_entries(project, "en", {LISTS_TITLE: "Lists, *in* English"}, domain="lists")
    assert l10n(project, "build")[0] == 0
    index = (project / "build" / "en" / "index.html").read_text(encoding="utf-8")
    assert '<a href="lists.html">Lists, in English</a>' in index
    assert '<a href="kazakhstan-ue.html" lang="fr">' in index  # its title not translated yet: French, marked


def test_a_new_language_gets_its_catalogs_and_the_build_says_its_interface_is_english(project, l10n):
    config = project / "pyproject.toml"
    config.write_text(config.read_text(encoding="utf-8").replace('"kk"]', '"kk", "de"]'), encoding="utf-8")
    status, out, _ = l10n(project, "update")
    assert status == 0
    for domain in ("kazakhstan-ue", "ui"):
        path = project / "locales" / "de" / "LC_MESSAGES" / f"{domain}.po"
        assert read_catalog(path, "de").metadata["Language"] == "de"
        assert gettext_tool("msgfmt", "--check", "-o", "/dev/null", str(path)).returncode == 0
    status, out, _ = l10n(project, "build")
    assert status == 0 and (project / "build" / "de" / "kazakhstan-ue.html").exists()
    notes = [line for line in out.splitlines() if "interface strings not translated" in line]
    assert [line for line in notes if ": de: " in line] == [
        next(line for line in notes if line.startswith(str(project / "locales" / "de" / "LC_MESSAGES" / "ui.po")))]
    assert not any(": en: " in line for line in notes)  # the interface's own language
    path = project / "locales" / "de" / "LC_MESSAGES" / "ui.po"
    ui = read_catalog(path, "de")
    for entry in ui:
        if entry.msgid_plural:
            entry.msgstr_plural = {0: entry.msgid, 1: entry.msgid_plural}
        else:
            entry.msgstr = entry.msgid
    write_catalog(ui, path)
    assert ": de: " not in l10n(project, "build")[1]
