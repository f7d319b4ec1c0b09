"""The msgmerge rules on in-memory catalogs, and byte parity with ``msgmerge --previous``."""

import random
import re

import polib
import pytest

from support import REPO, gettext_tool
from l10n_article.translate.catalog.format import format_catalog
from l10n_article.translate.catalog.merge import merge
from l10n_article.translate.catalog.pofile import new_catalog, new_template


def _template(*entries: polib.POEntry) -> polib.POFile:
    return new_template("news", list(entries), "the news article")


def _entry(msgid: str, msgstr: str = "", plural: str = "", forms: tuple[str, ...] = (), **fields) -> polib.POEntry:
    entry = polib.POEntry(msgid=msgid, msgstr=msgstr, msgid_plural=plural, **fields)
    if plural:
        entry.msgstr_plural = dict(enumerate(forms or ("", "")))
    return entry


def _catalog(template: polib.POFile, language: str, *entries: polib.POEntry) -> polib.POFile:
    catalog = new_catalog(template, language)
    for entry in entries:
        catalog.append(entry)
    return catalog


def _by_msgid(catalog: polib.POFile) -> dict[str, polib.POEntry]:
    return {entry.msgid: entry for entry in catalog}


def _gnu(old: polib.POFile, template: polib.POFile, tmp_path) -> str:
    (tmp_path / "old.po").write_text(format_catalog(old), encoding="utf-8")
    (tmp_path / "new.pot").write_text(format_catalog(template), encoding="utf-8")
    result = gettext_tool("msgmerge", "--quiet", "--previous", "-o", "-",
                          str(tmp_path / "old.po"), str(tmp_path / "new.pot"))
    assert result.returncode == 0, result.stderr
    return result.stdout


def _assert_parity(old: polib.POFile, template: polib.POFile, language: str, tmp_path) -> str:
    ours = format_catalog(merge(template, old, language))
    assert ours == _gnu(old, template, tmp_path)
    (tmp_path / "ours.po").write_text(ours, encoding="utf-8")
    check = gettext_tool("msgfmt", "--check", "-o", "/dev/null", str(tmp_path / "ours.po"))
    assert check.returncode == 0, check.stderr
    return ours


# --- the rules, one by one --------------------------------------------------------------------

def test_an_unchanged_entry_keeps_translation_comments_and_flags():
    template = _template(_entry("Samarkand", comment="paragraph", occurrences=[("a.md", "3")]))
    old = _catalog(template, "en", _entry("Samarkand", "Samarkand", tcomment="Checked.",
                                          flags=["l10n-ignore-identical"], occurrences=[("a.md", "1")]))
    entry = _by_msgid(merge(template, old, "en"))["Samarkand"]
    assert (entry.msgstr, entry.tcomment, entry.flags) == ("Samarkand", "Checked.", ["l10n-ignore-identical"])
    assert entry.comment == "paragraph" and entry.occurrences == [("a.md", "3")]  # the template's
    assert entry.previous_msgid is None


def test_an_edited_entry_is_fuzzy_with_the_previous_msgid():
    old_text = "Kazakhstan presented four priorities for its cooperation."
    template = _template(_entry(old_text.replace("four", "five")))
    old = _catalog(template, "en", _entry(old_text, "EN four", tcomment="mine"))
    merged = merge(template, old, "en")
    entry = _by_msgid(merged)[old_text.replace("four", "five")]
    assert entry.msgstr == "EN four" and entry.flags == ["fuzzy"] and entry.tcomment == "mine"
    assert entry.previous_msgid == old_text
    assert old_text not in _by_msgid(merged)  # used by the fuzzy match, not also kept as obsolete


def test_an_already_fuzzy_entry_keeps_its_own_previous_msgid():
    template = _template(_entry("The summit took place in Samarkand on Saturday."))
    old = _catalog(template, "en", _entry("The summit took place in Samarkand on Friday.", "EN", flags=["fuzzy"],
                                          previous_msgid="The summit took place in Samarkand yesterday."))
    entry = _by_msgid(merge(template, old, "en"))["The summit took place in Samarkand on Saturday."]
    assert entry.previous_msgid == "The summit took place in Samarkand yesterday."


def test_a_removed_entry_becomes_obsolete_with_its_comments_and_an_untranslated_one_goes():
    template = _template(_entry("Something else entirely, unrelated to the rest."))
    old = _catalog(template, "en", _entry("Removed passage.", "EN removed", tcomment="my note",
                                          comment="paragraph", occurrences=[("a.md", "4")]),
                   _entry("Never translated passage."))
    merged = _by_msgid(merge(template, old, "en"))
    gone = merged["Removed passage."]
    assert gone.obsolete and gone.msgstr == "EN removed" and gone.tcomment == "my note"
    assert gone.occurrences == [] and gone.comment == ""
    assert "Never translated passage." not in merged


def test_an_obsolete_entry_is_revived_when_its_text_returns():
    template = _template(_entry("A sentence that comes back."))
    old = _catalog(template, "en", _entry("A sentence that comes back.", "Kept.", obsolete=True, tcomment="note"))
    entry = _by_msgid(merge(template, old, "en"))["A sentence that comes back."]
    assert not entry.obsolete and entry.msgstr == "Kept." and entry.tcomment == "note" and "fuzzy" not in entry.flags


def test_a_new_entry_arrives_untranslated():
    template = _template(_entry("A brand new sentence."), _entry("one file", plural="%d files"))
    merged = _by_msgid(merge(template, None, "ru"))
    assert merged["A brand new sentence."].msgstr == "" and not merged["A brand new sentence."].flags
    assert merged["one file"].msgstr_plural == {0: "", 1: "", 2: ""}  # Russian has three forms


def test_the_header_is_the_translators_with_the_templates_creation_date():
    template = _template(_entry("Text."))
    template.metadata["POT-Creation-Date"] = "2026-01-02 03:04+0000"
    old = _catalog(template, "en")
    old.header = "English translation, by the desk."
    old.metadata.update({"Last-Translator": "A. Translator <a@example.org>", "POT-Creation-Date": "2020-01-01 00:00+0000",
                         "X-Custom": "kept"})
    del old.metadata["Plural-Forms"]
    merged = merge(template, old, "en")
    assert merged.header == "English translation, by the desk."
    assert merged.metadata["Last-Translator"] == "A. Translator <a@example.org>"
    assert merged.metadata["X-Custom"] == "kept"
    assert merged.metadata["POT-Creation-Date"] == "2026-01-02 03:04+0000"
    assert merged.metadata["Plural-Forms"].startswith("nplurals=2;")
    assert merge(template, None, "en").metadata["Language"] == "en"


# --- plural changes, against msgmerge --previous ---------------------------------------------

RU_FORMS = ("один", "два", "пять")
PLURAL_CASES = {
    "singular-becomes-plural": (_entry("one file", "один файл"), _entry("one file", plural="%d files")),
    "plural-becomes-singular": (_entry("one dog", plural="%d dogs", forms=RU_FORMS), _entry("one dog")),
    "plural-text-changes": (_entry("one cat", plural="%d cats", forms=RU_FORMS), _entry("one cat", plural="%d kittens")),
    "fuzzy-match-to-plural": (_entry("Kazakhstan presented four priorities.", "Казахстан представил."),
                              _entry("Kazakhstan presented five priorities.", plural="Kazakhstan presented %d.")),
    "fuzzy-match-to-singular": (_entry("one apple fell", plural="%d apples fell", forms=RU_FORMS),
                                _entry("one apple fell down")),
    "fuzzy-entry-becomes-plural": (_entry("one bird", "птица", flags=["fuzzy"], previous_msgid="an old bird"),
                                   _entry("one bird", plural="%d birds")),
    "hand-added-plural": (_entry("one plum", plural="%d plums", forms=RU_FORMS), _entry("one plum")),
}


@pytest.mark.parametrize("case", sorted(PLURAL_CASES))
def test_plural_changes_keep_the_translation_fuzzy_as_msgmerge_does(case, tmp_path):
    translated, source = PLURAL_CASES[case]
    template = _template(source)
    old = _catalog(template, "ru", translated)
    ours = _assert_parity(old, template, "ru", tmp_path)
    entry = polib.pofile(ours).find(source.msgid)
    assert "fuzzy" in entry.flags
    kept = translated.msgstr or translated.msgstr_plural[0]
    assert kept in (entry.msgstr, *entry.msgstr_plural.values())


# --- long paragraphs, against msgmerge --previous ---------------------------------------------

def _long_paragraphs() -> list[str]:
    text = (REPO / "source" / "kazakhstan-ue.md").read_text(encoding="utf-8")
    blocks = [re.sub(r"\s+", " ", block).strip() for block in text.split("\n\n")]
    return [block for block in blocks if len(block) > 200 and block[0].isalpha()]


def _edit_words(text: str, rng: random.Random, vocabulary: list[str]) -> str:
    """``text`` with 1-3 of its words replaced by other words of the article."""
    words = text.split(" ")
    for index in rng.sample(range(len(words)), rng.randint(1, 3)):
        words[index] = rng.choice(vocabulary)
    return " ".join(words)


def test_the_article_has_paragraphs_over_200_characters():
    assert len(_long_paragraphs()) >= 5


@pytest.mark.parametrize("seed", range(30))
def test_a_few_words_edited_in_long_paragraphs_keep_their_translation_fuzzy(seed, tmp_path):
    """Each trial edits 1-3 words in every paragraph of the article over 200 characters."""
    rng = random.Random(seed)
    paragraphs = _long_paragraphs()
    old_template = _template(*(_entry(p) for p in paragraphs))
    old = _catalog(old_template, "en", *(_entry(p, "EN " + p[:60]) for p in paragraphs))
    vocabulary = " ".join(paragraphs).split(" ")
    edited = [_edit_words(p, rng, vocabulary) for p in paragraphs]
    ours = polib.pofile(_assert_parity(old, _template(*(_entry(p) for p in edited)), "en", tmp_path))
    for before, after in zip(paragraphs, edited):
        if after != before:
            entry = ours.find(after)
            assert "fuzzy" in entry.flags and entry.previous_msgid == before


# --- format flags come from the template, as msgmerge takes them --------------------------------

FORMAT_CASES = {
    "fuzzy-match-loses-the-directive": (_entry("post-edit distance %(distance)s", "дистанция %(distance)s",
                                               flags=["python-format"]),
                                        _entry("Post-edit distance")),
    "same-text-marked-by-the-template": (_entry("Progress", "Ход перевода"), _entry("Progress", flags=["python-format"])),
}


@pytest.mark.parametrize("case", sorted(FORMAT_CASES))
def test_format_flags_follow_the_template_as_msgmerge_does(case, tmp_path):
    translated, source = FORMAT_CASES[case]
    template = _template(source)
    old = _catalog(template, "ru", translated)
    ours = _assert_parity(old, template, "ru", tmp_path)
    assert ("python-format" in polib.pofile(ours).find(source.msgid).flags) == ("python-format" in source.flags)
