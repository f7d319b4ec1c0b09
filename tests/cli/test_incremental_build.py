"""A build renders only the articles whose inputs changed, and its site is the one a fresh build makes."""

import os
import shutil
from pathlib import Path

import pytest

from l10n_article.translate.catalog.pofile import read_catalog, write_catalog
from support import snapshot, translate_entries

SHORT = "---\nslug: {slug}\ndate: 2025-04-0{day}\n---\n\n# Article {slug}\n\nLe texte numéro {day} de la série.\n"


@pytest.fixture
def newsroom(project, l10n):
    """The real article and eight short ones, built once."""
    for day in range(1, 9):
        (project / "source" / f"short-{day}.md").write_text(SHORT.format(slug=f"short-{day}", day=day),
                                                              encoding="utf-8")
    assert l10n(project, "build", "--jobs", "1")[0] == 0
    return project


def inodes(site: Path) -> dict[str, int]:
    """Each file of the site with its inode: a file carried over from the last build keeps it."""
    return {p.relative_to(site).as_posix(): p.stat().st_ino for p in site.rglob("*") if p.is_file()}


def fresh_build(project: Path, l10n, *options: str) -> dict[str, bytes]:
    """The site a build with no record of an earlier one makes (in another folder)."""
    other = project.parent / (project.name + "-fresh")
    assert l10n(project, "build", "--jobs", "1", "--out", str(other), *options)[0] == 0
    site = snapshot(other)
    shutil.rmtree(other)
    return site


def test_nothing_changed_writes_nothing_and_parses_nothing(newsroom, l10n, parsed):
    site = newsroom / "build"
    before, files = inodes(site), snapshot(site)
    status, out, _ = l10n(newsroom, "build")
    assert status == 0 and "up to date (50 pages)" in out and "page " not in out
    assert parsed == [] and inodes(site) == before and snapshot(site) == files


def test_one_edited_article_is_the_only_one_rendered_and_the_site_is_as_a_fresh_build(newsroom, l10n, parsed):
    site = newsroom / "build"
    before = inodes(site)
    article = newsroom / "source" / "short-3.md"
    article.write_text(article.read_text(encoding="utf-8").replace("numéro 3", "numéro trois"), encoding="utf-8")
    status, out, _ = l10n(newsroom, "build")
    assert status == 0 and parsed == ["short-3.md"]
    rendered = sorted(line.removeprefix(f"page {site}/") for line in out.splitlines() if line.startswith("page "))
    assert [name for name in rendered if "short-3" in name or "kazakhstan" in name] == [
        "compare/short-3.html", "en/short-3.html", "fr/short-3.html", "kk/short-3.html", "ru/short-3.html"]
    after = inodes(site)
    carried = [name for name in after if before.get(name) == after[name]]
    assert "fr/kazakhstan-ue.html" in carried and "compare/short-4.html" in carried
    assert not any("short-3" in name or name.endswith("index.html") for name in carried)
    assert snapshot(site) == fresh_build(newsroom, l10n)


def test_a_translators_review_renders_that_article_again(newsroom, l10n, parsed):
    translate_entries(newsroom, "en", {"Article short-5": "Article short-5 (en)"}, domain="short-5")
    assert l10n(newsroom, "build")[0] == 0
    assert parsed == ["short-5.md"]
    assert "Article short-5 (en)" in (newsroom / "build" / "en" / "index.html").read_text(encoding="utf-8")
    assert snapshot(newsroom / "build") == fresh_build(newsroom, l10n)


def test_a_file_removed_from_the_site_is_made_again(newsroom, l10n, parsed):
    (newsroom / "build" / "ru" / "short-2.html").unlink()
    assert l10n(newsroom, "build")[0] == 0
    assert parsed == ["short-2.md"] and (newsroom / "build" / "ru" / "short-2.html").exists()


@pytest.mark.parametrize("change", ["interface", "glossary", "option"])
def test_what_every_page_shares_renders_every_article(newsroom, l10n, parsed, change):
    options = ["--min-reviewed", "0.5"] if change == "option" else []
    if change == "interface":
        translate_entries(newsroom, "en", {"Articles": "All the articles"}, domain="ui")
    elif change == "glossary":
        (newsroom / "locales" / "glossary.csv").write_text("fr,en,ru,kk\nsérie,series,серия,серия\n",
                                                           encoding="utf-8")
    assert l10n(newsroom, "build", "--jobs", "1", *options)[0] == 0
    assert sorted(parsed) == sorted(p.name for p in (newsroom / "source").glob("*.md"))
    assert snapshot(newsroom / "build") == fresh_build(newsroom, l10n, *options)


def test_a_deleted_article_leaves_the_site(newsroom, l10n):
    (newsroom / "source" / "short-8.md").unlink()
    assert l10n(newsroom, "build")[0] == 0
    site = snapshot(newsroom / "build")
    assert not any("short-8" in name for name in site) and b"short-8" not in site["fr/index.html"]
    assert site == fresh_build(newsroom, l10n)


def test_processes_make_the_same_site_as_one(newsroom, l10n):
    for day in range(1, 9):
        article = newsroom / "source" / f"short-{day}.md"
        article.write_text(article.read_text(encoding="utf-8") + "\nUne ligne de plus.\n", encoding="utf-8")
    status, out, _ = l10n(newsroom, "build", "--jobs", "2")
    assert status == 0 and out.count("page ") == 8 * 5 + 5  # every short article's pages, and the indexes
    assert snapshot(newsroom / "build") == fresh_build(newsroom, l10n)


def test_a_damaged_record_means_rendering_everything(newsroom, l10n, parsed):
    for record in (newsroom / ".l10n").glob("build-*.json"):
        record.write_text("{not json", encoding="utf-8")
    assert l10n(newsroom, "build", "--jobs", "1")[0] == 0
    assert len(parsed) == 9


def test_an_error_in_a_worker_is_one_line_and_leaves_the_site(newsroom, l10n, monkeypatch):
    from l10n_article.render import article_files
    from l10n_article.translate.errors import L10nError
    before = snapshot(newsroom / "build")
    real = article_files.render_article

    def failing(env, ws, article, *args):
        if article.slug == "short-6":
            raise L10nError("cannot render", article.path, 3)
        return real(env, ws, article, *args)
    monkeypatch.setattr(article_files, "render_article", failing)
    for day in range(1, 9):
        article = newsroom / "source" / f"short-{day}.md"
        article.write_text(article.read_text(encoding="utf-8") + "\nEncore.\n", encoding="utf-8")
    status, _, err = l10n(newsroom, "build", "--jobs", "2")
    assert status == 2 and err == f"{newsroom / 'source' / 'short-6.md'}:3: cannot render\n"
    assert snapshot(newsroom / "build") == before


def test_a_passage_whose_published_translation_the_build_changed_is_rendered_again(project, l10n, parsed):
    said, edited = "Une phrase dite deux fois.", "Une phrase dite deux fois, revue."
    article = project / "source" / "alpha.md"
    article.write_text(f"# Titre\n\n{said}\n\nAutre chose.\n\n{said}\n", encoding="utf-8")
    assert l10n(project, "update")[0] == 0
    translate_entries(project, "en", {"Titre": "Title", said: "A sentence said twice."}, domain="alpha")
    assert l10n(project, "build", "--jobs", "1")[0] == 0
    article.write_text(f"# Titre\n\n{said}\n\nAutre chose.\n\n{edited}\n", encoding="utf-8")
    assert l10n(project, "build", "--jobs", "1")[0] == 0  # the edited passage stands on the published translation
    path = project / "locales" / "en" / "LC_MESSAGES" / "alpha.po"
    catalog = read_catalog(path, "en")
    assert catalog.find(edited).previous_msgid == said
    catalog.find(said).msgstr = "A sentence, said twice."  # reviewed again: the build publishes it
    write_catalog(catalog, path)
    assert l10n(project, "build", "--jobs", "1")[0] == 0
    parsed.clear()
    assert l10n(project, "build", "--jobs", "1")[0] == 0
    assert parsed == ["alpha.md"]  # the edited passage stood on the translation this build replaced
    assert (project / "build" / "en" / "alpha.html").read_text(encoding="utf-8").count("A sentence, said twice.") == 2
    assert snapshot(project / "build") == fresh_build(project, l10n)
    parsed.clear()
    assert "up to date" in l10n(project, "build")[1] and parsed == []


def test_a_build_writes_only_the_records_of_the_articles_it_published(newsroom, l10n, parsed):
    translate_entries(newsroom, "en", {"Article short-1": "Article number 1"}, domain="short-1")
    assert "recorded the published translations" in l10n(newsroom, "build")[1]
    for day in (2, 5):
        translate_entries(newsroom, "en", {f"Article short-{day}": f"Article number {day}"}, domain=f"short-{day}")
    records = newsroom / "locales" / "published"
    before = {path.name: path.stat().st_mtime_ns for path in records.iterdir()}
    status, out, _ = l10n(newsroom, "build")
    assert status == 0
    assert sorted(line.rsplit("/", 1)[1] for line in out.splitlines() if line.startswith("recorded")) == [
        "short-2.tmx", "short-5.tmx"]
    assert {path.name: path.stat().st_mtime_ns for path in records.iterdir() if path.name in before} == before
    record = records / "short-5.tmx"
    record.write_text(record.read_text(encoding="utf-8") + "\n", encoding="utf-8")  # as a pull brings it
    parsed.clear()
    assert l10n(newsroom, "build", "--jobs", "1")[0] == 0
    assert parsed == ["short-5.md"]
    assert snapshot(newsroom / "build") == fresh_build(newsroom, l10n)


def test_a_page_that_cannot_be_carried_over_is_one_line_and_leaves_the_site(newsroom, l10n, monkeypatch):
    before = snapshot(newsroom / "build")
    article = newsroom / "source" / "short-1.md"
    article.write_text(article.read_text(encoding="utf-8") + "\nEncore.\n", encoding="utf-8")

    def refused(*args, **kwargs):
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(os, "link", refused)
    monkeypatch.setattr(shutil, "copy2", refused)
    status, _, err = l10n(newsroom, "build", "--jobs", "1")
    assert status == 2 and err == f"{newsroom / 'build'}: cannot write the output folder: No space left on device\n"
    assert snapshot(newsroom / "build") == before
