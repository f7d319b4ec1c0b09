"""The Kazakh Latin edition: pages derived from the reviewed Kazakh (Cyrillic) text by the 2021
alphabet, following the Cyrillic catalog's states, valid and accessible."""

import csv
import shutil

import pytest

from l10n_article.translate.catalog.pofile import read_catalog
from l10n_article.translate.source.translit import kazakh_latin
from support import CAPTION, REPO, snapshot, translate_entries
from support.pages import Elements, axe_violations, nu_errors

CYRILLIC = range(0x400, 0x530)


@pytest.fixture
def latin(project):
    """The project with the committed catalogs and a Kazakh Latin edition."""
    shutil.copytree(REPO / "locales", project / "locales")
    config = project / "pyproject.toml"
    config.write_text(config.read_text(encoding="utf-8") + 'transliterations = ["kk-Latn"]\n', encoding="utf-8")
    return project


def page(project, language, name="kazakhstan-ue.html"):
    return (project / "build" / language / name).read_text(encoding="utf-8")


def test_the_latin_edition_is_the_reviewed_kazakh_text_transliterated(latin, l10n):
    status, out, _ = l10n(latin, "build")
    assert status == 0 and f"page {latin / 'build' / 'kk-Latn' / 'kazakhstan-ue.html'}" in out
    text = page(latin, "kk-Latn")
    assert '<html lang="kk-Latn" dir="ltr">' in text
    cyrillic_kazakh = Elements(page(latin, "kk")).texts
    latin_kazakh = Elements(text).texts
    own = [t for t, lang in latin_kazakh if lang == "kk-Latn"]
    assert own and not any(ord(char) in CYRILLIC for t in own for char in t)
    body = [t for t, lang in cyrillic_kazakh if lang == "kk" and t not in ("Қазақ тілі",)]
    for passage in body:
        assert kazakh_latin(passage) in own
    catalog = read_catalog(latin / "locales" / "kk" / "LC_MESSAGES" / "kazakhstan-ue.po", "kk")
    assert kazakh_latin(catalog.find(CAPTION).msgstr) in text


def test_glossary_names_are_transliterated_the_same_way(latin, l10n):
    assert l10n(latin, "build")[0] == 0
    text = page(latin, "kk-Latn")
    with open(latin / "locales" / "glossary.csv", encoding="utf-8") as file:
        names = {row["kk"] for row in csv.DictReader(file)}
    present = [name for name in names if name in page(latin, "kk")]
    assert "Қасым-Жомарт Тоқаев" in present and "Qasym-Jomart Toqaev" in text
    assert all(kazakh_latin(name) in text for name in present)


def test_switcher_alternates_and_interface_strings(latin, l10n):
    assert l10n(latin, "build")[0] == 0
    for language in ("fr", "en", "ru", "kk"):
        text = page(latin, language)
        assert '<link rel="alternate" hreflang="kk-Latn" href="../kk-Latn/kazakhstan-ue.html">' in text
        assert '<a href="../kk-Latn/kazakhstan-ue.html" hreflang="kk-Latn" lang="kk-Latn">Qazaq tılı</a>' in text
    text = page(latin, "kk-Latn")
    assert '<span lang="kk-Latn" aria-current="page">Qazaq tılı</span>' in text
    assert '<a href="../kk/kazakhstan-ue.html" hreflang="kk" lang="kk">Қазақ тілі</a>' in text
    ui = read_catalog(latin / "locales" / "kk" / "LC_MESSAGES" / "ui.po", "kk")
    assert f'aria-label="{kazakh_latin(ui.find("Languages").msgstr)}"' in text
    assert kazakh_latin(ui.find("Articles").msgstr) in page(latin, "kk-Latn", "index.html")


def unreview_caption(project):
    """The Kazakh caption back to a draft, never published before."""
    shutil.rmtree(project / "locales" / "published")
    translate_entries(project, "kk", {CAPTION: "Тоқаев саммитте"}, fuzzy={CAPTION})


def test_it_follows_the_cyrillic_catalogs_states_and_is_never_recorded(latin, l10n):
    unreview_caption(latin)
    assert l10n(latin, "build")[0] == 0
    parsed = Elements(page(latin, "kk-Latn"))
    assert (CAPTION, "fr") in parsed.texts  # the source, marked, as on the Cyrillic page
    assert "Toqaev sammitte" not in page(latin, "kk-Latn")
    assert l10n(latin, "build", "--drafts")[0] == 0
    assert "Toqaev sammitte" in (latin / "build-drafts" / "kk-Latn" / "kazakhstan-ue.html").read_text("utf-8")
    assert "kk-Latn" not in (latin / "locales" / "published" / "kazakhstan-ue.tmx").read_text(encoding="utf-8")
    assert not (latin / "locales" / "kk-Latn").exists()


def test_a_latin_edition_is_skipped_with_its_base(latin, l10n):
    unreview_caption(latin)
    status, out, _ = l10n(latin, "build", "--min-reviewed", "100")
    assert status == 0 and "skipped kk-Latn/kazakhstan-ue.html" in out
    assert not (latin / "build" / "kk-Latn").exists()
    assert "kk-Latn" not in page(latin, "fr")


@pytest.mark.parametrize("setting, message", [
    ('transliterations = ["ru-Latn"]', "unknown edition 'ru-Latn'"),
    ('transliterations = "kk-Latn"', "must be a list"),
])
def test_an_unknown_edition_is_one_line(project, l10n, setting, message):
    config = project / "pyproject.toml"
    config.write_text(config.read_text(encoding="utf-8") + setting + "\n", encoding="utf-8")
    before = snapshot(project)
    status, _, err = l10n(project, "build")
    assert status == 2 and err.count("\n") == 1 and message in err
    assert snapshot(project) == before


def test_a_latin_edition_needs_its_base_language(project, l10n):
    config = project / "pyproject.toml"
    config.write_text(config.read_text(encoding="utf-8").replace(', "kk"]', "]") + 'transliterations = ["kk-Latn"]\n',
                      encoding="utf-8")
    status, _, err = l10n(project, "build")
    assert status == 2 and "kk-Latn is made from kk, which is not in languages" in err


def test_latin_pages_have_no_wcag_a_or_aa_violation_under_axe(latin, l10n):
    assert l10n(latin, "build")[0] == 0
    pages = [latin / "build" / "kk-Latn" / name for name in ("kazakhstan-ue.html", "index.html")]
    assert axe_violations(pages) == {"kazakhstan-ue.html": [], "index.html": []}


def test_latin_pages_pass_the_nu_html_checker(latin, l10n):
    assert l10n(latin, "build")[0] == 0
    assert nu_errors([latin / "build" / "kk-Latn" / name for name in ("kazakhstan-ue.html", "index.html")]) == (0, "")
