"""Source → segments → template: the real article, a second one with lists and emphasis, and the
golden articles of tests/golden, each next to the template it must give."""

import re
import shutil

import polib
import pytest

from support import CONFIG, DATA, REPO, SEED, gettext_tool
from l10n_article.translate.errors import L10nError
from l10n_article.translate.project import Project
from l10n_article.translate.source.article import parse_article

GOLDEN = sorted((REPO / "tests" / "golden").glob("*.md"))


def test_every_line_of_the_seed_is_one_entry_of_the_template(project, l10n):
    status, out, _ = l10n(project, "extract")
    assert status == 0 and "kazakhstan-ue.pot" in out
    template = polib.pofile(str(project / "locales" / "kazakhstan-ue.pot"))
    lines = [line for line in SEED.read_text(encoding="utf-8").split("\n") if line.strip()]
    msgids = [entry.msgid for entry in template]
    assert msgids == lines  # the text unchanged, character for character, in document order
    assert len(set(msgids)) == len(msgids)


def test_entries_name_their_kind_and_source_line(project, l10n):
    l10n(project, "extract")
    template = polib.pofile(str(project / "locales" / "kazakhstan-ue.pot"))
    kinds = [entry.comment for entry in template]
    assert kinds[:3] == ["title", "caption", "paragraph"]
    assert kinds.count("heading") == 3 and kinds.count("caption") == 3
    assert kinds[-2:] == ["newsletter heading", "newsletter text"]
    source = (project / "source" / "kazakhstan-ue.md").read_text(encoding="utf-8").split("\n")
    for entry in template:
        path, line = entry.occurrences[0]
        assert path == "source/kazakhstan-ue.md"
        assert entry.msgid in source[int(line) - 1]


def test_a_second_article_with_lists_quotes_and_inline_markup(project, l10n):
    shutil.copy(DATA / "lists.md", project / "source" / "lists.md")
    assert l10n(project, "extract")[0] == 0
    template = polib.pofile(str(project / "locales" / "lists.pot"))
    entries = {e.msgid: e for e in template}
    assert list(entries) == [
        "A *second* article",
        'Intro with **bold**, `code` and a [link](https://example.org/a "Title"). A soft break joins lines.',
        "first item with *emphasis*", "second item", "numbered one", "numbered two",
        "A quoted paragraph over two lines.",
        "Same text twice.",
    ]
    assert entries["second item"].comment == "list item"
    assert entries["A quoted paragraph over two lines."].comment == "quote"
    repeated = entries["Same text twice."]
    assert repeated.occurrences == [("source/lists.md", "19"), ("source/lists.md", "21")]
    assert repeated.comment == "paragraph\nheading"


def test_a_second_run_changes_no_byte(project, l10n):
    l10n(project, "update")
    files = sorted((project / "locales").rglob("*.po*"))
    before = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in files}
    status, out, _ = l10n(project, "update")
    assert status == 0 and out.startswith("up to date")
    assert {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in files} == before


def test_the_template_is_rewritten_only_when_its_entries_change(project, l10n):
    l10n(project, "extract")
    pot = project / "locales" / "kazakhstan-ue.pot"
    text = pot.read_text(encoding="utf-8").replace("POT-Creation-Date: 20", "POT-Creation-Date: 19")
    pot.write_text(text, encoding="utf-8")
    l10n(project, "extract")
    assert pot.read_text(encoding="utf-8") == text  # only the date would differ: untouched
    article = project / "source" / "kazakhstan-ue.md"
    article.write_text(article.read_text(encoding="utf-8") + "\nA new closing line.\n", encoding="utf-8")
    l10n(project, "extract")
    assert "POT-Creation-Date: 19" not in pot.read_text(encoding="utf-8")
    assert "A new closing line." in pot.read_text(encoding="utf-8")


def test_slug_and_language_come_from_front_matter(project):
    article_path = project / "source" / "kazakhstan-ue.md"
    renamed = article_path.rename(project / "source" / "renamed-file.md")
    article = parse_article(renamed, "fr")
    assert (article.slug, article.language) == ("kazakhstan-ue", "fr")
    assert Project.load(project).po_path("kk", article.slug).as_posix().endswith(
        "locales/kk/LC_MESSAGES/kazakhstan-ue.po")
    renamed.write_text(renamed.read_text(encoding="utf-8").replace("lang: fr", "lang: en"), encoding="utf-8")
    with pytest.raises(L10nError, match="article language 'en' differs from the project's source language fr"):
        parse_article(renamed, "fr")


def _undated(text: str) -> str:
    return re.sub(r'(?m)^"POT-Creation-Date: .*\\n"$', '"POT-Creation-Date: (any)"', text)


@pytest.mark.parametrize("article", GOLDEN, ids=[path.stem for path in GOLDEN])
def test_golden_articles_give_their_templates_byte_for_byte(tmp_path, l10n, article):
    expected = article.with_suffix(".pot")
    assert gettext_tool("msgcat", str(expected)).stdout == expected.read_text(encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text(CONFIG, encoding="utf-8")
    (tmp_path / "source").mkdir()
    shutil.copy(article, tmp_path / "source" / article.name)
    assert l10n(tmp_path, "extract")[0] == 0
    made = (tmp_path / "locales" / expected.name).read_text(encoding="utf-8")
    assert _undated(made) == _undated(expected.read_text(encoding="utf-8"))
