"""Source → segments → template: the real article and a second one with lists and emphasis."""

import shutil

import polib

from support import DATA, SEED
from l10n_article.translate.project import Project
from l10n_article.translate.source.article import parse_article


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
    article = parse_article(project / "source" / "kazakhstan-ue.md", "fr")
    assert (article.slug, article.language) == ("kazakhstan-ue", "fr")
    assert Project.load(project).po_path("kk", article.slug).as_posix().endswith(
        "locales/kk/LC_MESSAGES/kazakhstan-ue.po")
