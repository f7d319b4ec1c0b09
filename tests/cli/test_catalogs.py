"""Catalogs as GNU gettext writes them, and translators' catalogs kept up to date as msgmerge would."""

import gettext
import os
import random
import re

import polib
import pytest
from babel import Locale

from support import SEED, gettext_tool, snapshot
from l10n_article.translate.catalog.pofile import read_catalog
from l10n_article.translate.catalog.format import format_catalog


def _po_files(project):
    return sorted((project / "locales").rglob("*.po")) + sorted((project / "locales").glob("*.pot"))


def test_produced_files_pass_msgfmt_check_and_survive_msgcat_unchanged(project, l10n, tmp_path):
    l10n(project, "update")
    files = _po_files(project)
    assert len(files) == 2 + 3 + 4  # two templates, the article in 3 languages, the interface in 4
    for path in files:
        if path.suffix == ".po":
            check = gettext_tool("msgfmt", "--check", "-o", "/dev/null", str(path))
            assert check.returncode == 0, check.stderr
        again = gettext_tool("msgcat", str(path), "-o", "-")
        assert again.stdout == path.read_text(encoding="utf-8"), path


# Which msgstr[N] each CLDR plural category takes, by gettext's convention for the language.
PLURAL_INDEX = {"en": {"one": 0, "other": 1}, "kk": {"one": 0, "other": 1},
                "ru": {"one": 0, "few": 1, "many": 2}}


@pytest.mark.parametrize("language", sorted(PLURAL_INDEX))
def test_headers_carry_language_and_cldr_plural_forms(project, l10n, language):
    """The Plural-Forms expression is judged by what it does, not by how a Babel release writes it."""
    l10n(project, "update")
    catalog = read_catalog(project / "locales" / language / "LC_MESSAGES" / "kazakhstan-ue.po", language)
    assert catalog.metadata["Language"] == language
    assert catalog.metadata["Content-Type"] == "text/plain; charset=UTF-8"
    assert catalog.metadata["Project-Id-Version"] == "kazakhstan-ue"
    assert catalog.metadata["X-Generator"].startswith("l10n ")
    forms = catalog.metadata["Plural-Forms"]
    expression = re.fullmatch(r"nplurals=(\d+); plural=(.+?);?", forms)
    assert expression and int(expression.group(1)) == len(set(PLURAL_INDEX[language].values()))
    plural = gettext.c2py(expression.group(2))
    locale = Locale.parse(language)
    for n in (0, 1, 2, 5, 11, 21, 22, 25, 111):
        assert plural(n) == PLURAL_INDEX[language][locale.plural_form(n)], (language, n)
    ui = read_catalog(project / "locales" / language / "LC_MESSAGES" / "ui.po", language)
    assert len(next(e for e in ui if e.msgid_plural).msgstr_plural) == int(expression.group(1))


@pytest.mark.parametrize("seed", range(3))
def test_lines_wrap_exactly_where_msgcat_wraps_them(tmp_path, seed):
    """Random texts of the article's words, quotes, escapes, Cyrillic, wide characters, directives."""
    rng = random.Random(seed)
    words = SEED.read_text(encoding="utf-8").split() + [
        '"quoted"', "back\\slash", "tab\there", "Қасым-Жомарт", "Тоқаев", "東京都の", "x/y", "«", "»", "—",
        "(%(language)s)", "%(num)d", "%s."]
    catalog = polib.POFile()
    catalog.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": "fr"}
    for number in range(120):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(1, 40)))
        if rng.random() < 0.3:
            text = text.replace(" ", "\n", rng.randint(1, 3))
        catalog.append(polib.POEntry(
            msgid=f"{number} {text}", msgstr=" ".join(rng.sample(text.split(" "), len(text.split(" ")))),
            previous_msgid=text if rng.random() < 0.3 else None, obsolete=rng.random() < 0.1,
            flags=(["fuzzy"] if rng.random() < 0.3 else []) + (["python-format"] if "%" in text else []),
            tcomment="translator's note",
            occurrences=[("source/a.md", str(n)) for n in range(rng.randint(0, 12))]))
    path = tmp_path / "random.po"
    path.write_text(format_catalog(catalog), encoding="utf-8")
    assert gettext_tool("msgcat", str(path), "-o", "-").stdout == path.read_text(encoding="utf-8")


ARTICLE = "---\nslug: news\n---\n\n# Title\n\n{}\n"


def _write_article(project, *paragraphs):
    for old in (project / "source").glob("*.md"):
        old.unlink()
    (project / "source" / "news.md").write_text(ARTICLE.format("\n\n".join(paragraphs)), encoding="utf-8")


def _entries(project, language="en"):
    catalog = read_catalog(project / "locales" / language / "LC_MESSAGES" / "news.po", language)
    return {e.msgid: e for e in catalog}


def test_msgmerge_rules_edit_removal_addition_and_comments(project, l10n):
    kept = "The summit took place in Samarkand on 4 April."
    edited = "Kazakhstan presented four priorities for cooperation with the Union."
    removed = "This paragraph will be removed from the article entirely."
    _write_article(project, kept, edited, removed)
    l10n(project, "update")
    po = project / "locales" / "en" / "LC_MESSAGES" / "news.po"
    catalog = read_catalog(po, "en")
    for entry in catalog:
        entry.msgstr = entry.msgid.upper()
    catalog.find(kept).tcomment = "Checked against the agency's dispatch."
    catalog.find(kept).flags += ["no-wrap", "l10n-ignore-numbers"]
    po.write_text(format_catalog(catalog), encoding="utf-8")

    added = "A brand new closing sentence arrives."
    _write_article(project, kept, edited.replace("four", "five"), added)
    assert l10n(project, "update")[0] == 0
    entries = _entries(project)

    assert entries[kept].msgstr == kept.upper() and "fuzzy" not in entries[kept].flags
    assert entries[kept].tcomment == "Checked against the agency's dispatch."
    assert entries[kept].flags == ["no-wrap", "l10n-ignore-numbers"]
    changed = entries[edited.replace("four", "five")]
    assert changed.msgstr == edited.upper() and "fuzzy" in changed.flags
    assert changed.previous_msgid == edited
    assert entries[removed].obsolete and entries[removed].msgstr == removed.upper()
    assert entries[added].msgstr == "" and not entries[added].obsolete
    text = po.read_text(encoding="utf-8")
    assert f'#| msgid "{edited}"' in text and f'#~ msgid "{removed}"' in text
    assert gettext_tool("msgfmt", "--check", "-o", "/dev/null", str(po)).returncode == 0


def test_merge_agrees_with_gnu_msgmerge(project, l10n, tmp_path):
    kept, edited = "The summit took place in Samarkand.", "Kazakhstan presented four priorities today."
    _write_article(project, kept, edited, "Soon obsolete, with its translation kept.")
    l10n(project, "update")
    po = project / "locales" / "en" / "LC_MESSAGES" / "news.po"
    catalog = read_catalog(po, "en")
    for entry in catalog:
        entry.msgstr = "EN " + entry.msgid
    po.write_text(format_catalog(catalog), encoding="utf-8")
    old = tmp_path / "old.po"
    old.write_bytes(po.read_bytes())
    _write_article(project, kept, edited.replace("four", "five"), "A new sentence.")
    l10n(project, "update")
    gnu = gettext_tool("msgmerge", "--quiet", "--previous", "-o", "-", str(old),
                       str(project / "locales" / "news.pot"))
    assert gnu.stdout == po.read_text(encoding="utf-8")


def test_obsolete_entries_are_kept_and_revived_when_their_text_returns(project, l10n):
    text = "A sentence that leaves and comes back."
    _write_article(project, text)
    l10n(project, "update")
    po = project / "locales" / "en" / "LC_MESSAGES" / "news.po"
    catalog = read_catalog(po, "en")
    catalog.find(text).msgstr = "Kept translation."
    po.write_text(format_catalog(catalog), encoding="utf-8")
    _write_article(project, "Something else entirely, unrelated to the rest.")
    l10n(project, "update")
    assert _entries(project)[text].obsolete
    _write_article(project, text)
    l10n(project, "update")
    entry = _entries(project)[text]
    assert not entry.obsolete and entry.msgstr == "Kept translation." and "fuzzy" not in entry.flags


def test_a_catalog_that_is_a_link_stays_a_link_with_its_mode_and_owner(project, l10n, tmp_path):
    _write_article(project, "A first paragraph.")
    l10n(project, "update")
    po = project / "locales" / "en" / "LC_MESSAGES" / "news.po"
    shared = tmp_path / "translators" / "news-en.po"
    shared.parent.mkdir()
    po.rename(shared)
    po.symlink_to(shared)
    os.chmod(shared, 0o640)
    if os.geteuid() == 0:
        os.chown(shared, 12345, 23456)
    before = shared.stat()
    _write_article(project, "A first paragraph.", "A second paragraph.")
    assert l10n(project, "update")[0] == 0
    assert po.is_symlink() and po.resolve() == shared
    assert "A second paragraph." in shared.read_text(encoding="utf-8")
    after = shared.stat()
    assert (after.st_mode, after.st_uid, after.st_gid) == (before.st_mode, before.st_uid, before.st_gid)


def test_a_duplicate_written_another_way_is_refused_at_its_line(project, l10n):
    _write_article(project, "Newsletter")
    l10n(project, "update")
    po = project / "locales" / "en" / "LC_MESSAGES" / "news.po"
    text = po.read_text(encoding="utf-8")
    first = text.split("\n").index('msgid "Newsletter"') + 1
    po.write_text(text + '\n#~ msgid ""\n#~ "News"\n#~ "letter"\n#~ msgstr "Kept"\n', encoding="utf-8")
    line = len(text.split("\n")) + 1
    before = snapshot(project)
    status, _, err = l10n(project, "update")
    assert status == 2
    assert err == f"{po}:{line}: duplicate message definition (first defined at line {first + 1})\n"
    assert snapshot(project) == before
