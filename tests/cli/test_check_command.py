"""`l10n check` on crafted catalogs: findings at their file and line, suppressions that every
gettext tool keeps, placeholders checked as msgfmt checks them, and no check switched off in silence."""

import re
import shutil

from l10n_article.translate.catalog.pofile import read_catalog, write_catalog
from support import REPO, gettext_tool, translate_entries

EN_PO = ("locales", "en", "LC_MESSAGES", "kazakhstan-ue.po")
TOKAYEV_ROW = "Kassym-Jomart Tokaïev,Kassym-Jomart Tokayev,Касым-Жомарт Токаев,Қасым-Жомарт Тоқаев\n"
LANGUAGE, PASSAGES, DISTANCE = "%(language)s", "%(total)d", "%(distance)s"  # placeholders of interface strings


def ui_entry(catalog, placeholder: str):
    """The pages' interface string holding ``placeholder`` (a plural one for ``%(total)d``), found
    by its placeholder so that a reworded template does not matter."""
    plural = placeholder == PASSAGES
    return next(e for e in catalog if placeholder in e.msgid and bool(e.msgid_plural) == plural)


def findings(out: str, check: str) -> list[str]:
    return [line for line in out.splitlines() if f": {check}: " in line]


def test_check_command_reports_path_line_language_and_check(project, l10n):
    l10n(project, "update")
    path = project.joinpath(*EN_PO)
    catalog = read_catalog(path, "en")
    catalog[0].msgstr = "Between minerals and geopolitics, Kazakhstan charts its course with the EU"
    catalog[4].msgstr = "Kazakhstan’s participation was not symbolic, said Tokayev: \"the cornerstone\"."
    catalog[4].flags = ["fuzzy"]
    catalog[5].msgstr = "Estimated at €21 billion."
    catalog[5].tcomment = "l10n: ignore numbers"
    write_catalog(catalog, path)
    (project / "locales" / "glossary.csv").write_text("fr,en,ru,kk\n" + TOKAYEV_ROW, encoding="utf-8")
    status, out, _ = l10n(project, "check", "--lang", "en")
    lines = out.splitlines()
    line = read_catalog(path, "en")[4].linenum
    assert f"{path}:{line}: en: glossary: 'Kassym-Jomart Tokaïev' should be translated as " \
           f"'Kassym-Jomart Tokayev' (glossary) (draft)" in lines
    assert f'{path}:{line}: en: quotes: straight quotation marks (") instead of typographic ones (l10n check --fix ' \
           'replaces them) (draft)' in lines
    assert findings(out, "numbers") == []  # silenced by its translator comment
    assert lines[-1].startswith("3 translations checked: ")
    assert status == 1


TBX = """<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX-Basic" xml:lang="en">
<text><body>
<termEntry id="t1">
<descrip type="definition">President of Kazakhstan</descrip>
<langSet xml:lang="fr"><tig><term>Kassym-Jomart Tokaïev</term></tig></langSet>
<langSet xml:lang="en"><tig><term>Kassym-Jomart Tokayev</term></tig></langSet>
<langSet xml:lang="ru"><tig><term>Касым-Жомарт Токаев</term></tig></langSet>
</termEntry>
</body></text>
</martif>
"""


def test_a_tbx_term_base_works_as_the_csv_one(project, l10n):
    l10n(project, "update")
    path = project / "locales" / "ru" / "LC_MESSAGES" / "kazakhstan-ue.po"
    catalog = read_catalog(path, "ru")
    catalog[1].msgstr = "Президент Токаев на саммите ЕС — Центральная Азия"
    write_catalog(catalog, path)
    (project / "locales" / "glossary.tbx").write_text(TBX, encoding="utf-8")
    status, out, _ = l10n(project, "check", "--lang", "ru")
    assert status == 1
    assert "ru: glossary: 'Kassym-Jomart Tokaïev' should be translated as 'Касым-Жомарт Токаев' (glossary)" in out


def _newsletter_identical(project, l10n, comment: str = "", flags=()) -> str:
    """Translate "Newsletter" by the same word, with a translator comment or flags; the findings."""
    path = project.joinpath(*EN_PO)
    catalog = read_catalog(path, "en")
    entry = catalog.find("Newsletter")
    entry.msgstr, entry.tcomment, entry.flags = "Newsletter", comment, list(flags)
    write_catalog(catalog, path)
    return l10n(project, "check", "--lang", "en")[1]


def test_a_suppression_survives_msgmerge_and_msgcat_and_still_silences_the_check(project, l10n):
    l10n(project, "update")
    path = project.joinpath(*EN_PO)
    assert len(findings(_newsletter_identical(project, l10n), "identical")) == 1
    _newsletter_identical(project, l10n, "checked with the desk\nl10n: ignore identical, length")
    template = project / "locales" / "kazakhstan-ue.pot"
    assert gettext_tool("msgmerge", "--quiet", "--previous", "-o", str(path), str(path), str(template)).returncode == 0
    assert gettext_tool("msgcat", "-o", str(path), str(path)).returncode == 0
    assert "# l10n: ignore identical, length\n" in path.read_text(encoding="utf-8")
    status, out, _ = l10n(project, "check", "--lang", "en")
    assert findings(out, "identical") == [] and status == 0
    l10n(project, "update")
    assert findings(l10n(project, "check", "--lang", "en")[1], "identical") == []


def test_the_older_flag_still_silences_its_check(project, l10n):
    l10n(project, "update")
    assert findings(_newsletter_identical(project, l10n, flags=["l10n-ignore-identical"]), "identical") == []


def _break_placeholders(project) -> None:
    """Russian interface strings with a misspelt placeholder, a lone %, a plural form without one
    of its placeholders, and two correct ones (one of them a plural spelling out nothing)."""
    path = project / "locales" / "ru" / "LC_MESSAGES" / "ui.po"
    catalog = read_catalog(path, "ru")
    ui_entry(catalog, LANGUAGE).msgstr = "Некоторые фрагменты показаны на языке оригинала (%(lang)s)."
    ui_entry(catalog, PASSAGES).msgstr_plural = {0: "%(num)d из %(total)d фрагмента проверен.",
                                                 1: "%(num)d из %(total)d фрагментов проверены.",
                                                 2: "%(num)d фрагментов проверены."}
    ui_entry(catalog, DISTANCE).msgstr = "расстояние правки 100% — %(distance)s"
    write_catalog(catalog, path)


def test_broken_placeholders_are_errors_where_msgfmt_finds_them(project, l10n):
    l10n(project, "update")
    _break_placeholders(project)
    path = project / "locales" / "ru" / "LC_MESSAGES" / "ui.po"
    status, out, _ = l10n(project, "check", "--lang", "ru")
    found = findings(out, "python-format")
    assert status == 1 and len(found) == 3
    starts = sorted(entry.linenum for entry in read_catalog(path, "ru"))
    assert {int(line.split(":")[1]) for line in found} == {
        ui_entry(read_catalog(path, "ru"), placeholder).linenum for placeholder in (LANGUAGE, PASSAGES, DISTANCE)}
    assert all(line.startswith(f"{path}:") for line in found)
    msgfmt = gettext_tool("msgfmt", "--check", "-o", "/dev/null", str(path))
    reported = {int(n) for n in re.findall(rf"^{re.escape(str(path))}:(\d+): ", msgfmt.stderr, re.MULTILINE)}
    assert {max(s for s in starts if s <= line) for line in reported} == {int(line.split(":")[1]) for line in found}


def test_the_form_for_one_may_spell_out_its_number_as_msgfmt_allows(project, l10n):
    l10n(project, "update")
    path = project / "locales" / "kk" / "LC_MESSAGES" / "ui.po"
    catalog = read_catalog(path, "kk")
    ui_entry(catalog, PASSAGES).msgstr_plural = {0: "Бетте бір үзінді тексерілген (%(total)d ішінен).",
                                                 1: "Беттегі %(total)d үзіндінің %(num)d тексерілген."}
    write_catalog(catalog, path)
    assert gettext_tool("msgfmt", "--check", "-o", "/dev/null", str(path)).returncode == 0
    assert findings(l10n(project, "check", "--lang", "kk")[1], "python-format") == []
    ui_entry(catalog, PASSAGES).msgstr_plural[1] = "Беттегі %(total)d үзіндінің бірнешеуі тексерілген."
    write_catalog(catalog, path)
    assert gettext_tool("msgfmt", "--check", "-o", "/dev/null", str(path)).returncode == 1
    assert len(findings(l10n(project, "check", "--lang", "kk")[1], "python-format")) == 1


def test_the_french_interface_strings_are_checked_too(project, l10n):
    l10n(project, "update")
    path = project / "locales" / "fr" / "LC_MESSAGES" / "ui.po"
    distance = ui_entry(read_catalog(path), DISTANCE).msgid
    translate_entries(project, "fr", {distance: "distance de post-édition %(distanc)s"}, domain="ui")
    status, out, _ = l10n(project, "check")
    [found] = findings(out, "python-format")
    assert status == 1 and found.startswith(f"{path}:{read_catalog(path).find(distance).linenum}: fr: python-format: ")


def test_an_impossible_date_in_the_article_is_a_finding_not_a_crash(project, l10n):
    article = project / "source" / "kazakhstan-ue.md"
    article.write_text(article.read_text(encoding="utf-8").replace("Le 4 avril 2025", "Le 31 février 2025"),
                       encoding="utf-8")
    l10n(project, "update")
    paragraph = next(e.msgid for e in read_catalog(project.joinpath(*EN_PO)) if e.msgid.startswith("Le 31 février"))
    translate_entries(project, "en", {paragraph: "On February 31, 2025, Kazakhstan took part."})
    status, out, err = l10n(project, "check", "--lang", "en")
    assert status == 1 and err == ""
    assert [line.split(": ", 2)[2] for line in findings(out, "numbers")] == [
        "numbers: the source's date '31 février 2025' does not exist: ask the author which day is meant"]
    assert l10n(project, "build")[0] == 0


def _with_glossary(project, l10n, text: str, encoding: str = "utf-8"):
    shutil.copytree(REPO / "locales", project / "locales")
    (project / "locales" / "glossary.csv").write_text(text, encoding=encoding)
    translate_entries(project, "en", {"Kassym-Jomart Tokaïev au sommet UE-Asie centrale":
                                      "Kassym-Jomart Tokaev at the EU–Central Asia summit"})
    return l10n(project, "check", "--lang", "en")


def test_a_term_base_saved_by_excel_with_a_bom_is_read(project, l10n):
    status, out, _ = _with_glossary(project, l10n, "fr,en,ru,kk\n" + TOKAYEV_ROW, encoding="utf-8-sig")
    assert status == 1
    assert len(findings(out, "glossary")) == 1


def test_an_unclosed_quotation_mark_in_the_term_base_is_refused_at_its_line(project, l10n):
    text = "fr,en,ru,kk\n" + TOKAYEV_ROW + 'Samarcande,"Samarkand,Самарканд,Самарқанд\n' + TOKAYEV_ROW
    status, out, err = _with_glossary(project, l10n, text)
    path = project / "locales" / "glossary.csv"
    assert (status, out, err) == (2, "", f'{path}:3: a quotation mark (") opened here is never closed\n')
    assert l10n(project, "build")[::2] == (2, err)  # the build reads the term base for its comparison page


def test_a_cell_over_the_csv_field_limit_is_refused_at_its_line(project, l10n):
    text = "fr,en,ru,kk\n" + TOKAYEV_ROW + "Samarcande," + "S" * 140_000 + ",Самарканд,Самарқанд\n"
    status, out, err = _with_glossary(project, l10n, text)
    path = project / "locales" / "glossary.csv"
    assert status == 2 and out == "" and len(err.splitlines()) == 1 and err.startswith(f"{path}:3: ")


def test_check_list_prints_each_checks_name_severity_and_what_it_finds(project, l10n):
    status, out, _ = l10n(project, "check", "--list")
    lines = out.splitlines()
    assert status == 0
    for name in ("numbers", "spelling", "typography", "consistency", "max-length", "mixed-scripts"):
        [line] = [line for line in lines if line.startswith(f"{name} (")]
        assert re.match(rf"{name} \((error|warning)\): \S.{{30,}}\.$", line), line


def _typography_entries(project):
    """A Russian entry with a plain space before млрд, and one silenced for typography."""
    path = project / "locales" / "ru" / "LC_MESSAGES" / "kazakhstan-ue.po"
    catalog = read_catalog(path, "ru")
    catalog[5].msgstr = "Оценивается в 12 млрд евро... «Да»."
    catalog[6].msgstr = "Сказано — 12 млрд."
    catalog[6].tcomment = "l10n: ignore typography"
    write_catalog(catalog, path)
    return path


def test_fix_applies_typography_idempotently_and_as_gnu_gettext_writes(project, l10n):
    l10n(project, "update")
    path = _typography_entries(project)
    found = findings(l10n(project, "check", "--lang", "ru")[1], "typography")
    assert {line.split(":")[1] for line in found} == {str(read_catalog(path, "ru")[5].linenum)} and len(found) == 2
    status, out, _ = l10n(project, "check", "--lang", "ru", "--fix")
    assert f"fixed the typography of 1 entries in {path}" in out and findings(out, "typography") == []
    catalog = read_catalog(path, "ru")
    assert (catalog[5].msgstr, catalog[6].msgstr) == ("Оценивается в 12\u00a0млрд евро… «Да».", "Сказано — 12 млрд.")
    fixed = path.read_bytes()
    assert "fixed" not in l10n(project, "check", "--lang", "ru", "--fix")[1] and path.read_bytes() == fixed
    assert gettext_tool("msgcat", "-o", "-", str(path)).stdout.encode("utf-8") == fixed


def test_published_checks_only_reviewed_entries(project, l10n):
    l10n(project, "update")
    path = project.joinpath(*EN_PO)
    catalog = read_catalog(path, "en")
    catalog[4].msgstr, catalog[4].flags = "A draft with \"straight quotes\".", ["fuzzy"]
    catalog[5].msgstr = "Estimated at €12 billion."
    write_catalog(catalog, path)
    status, out, _ = l10n(project, "check", "--lang", "en")
    assert status == 1 and out.splitlines()[-1].startswith("2 translations checked")
    status, out, _ = l10n(project, "check", "--lang", "en", "--published")
    assert findings(out, "quotes") == [] and out.splitlines()[-1].startswith("1 translations checked")


def test_length_limits_come_from_a_flag_or_the_settings(project, l10n):
    l10n(project, "update")
    path = project.joinpath(*EN_PO)
    title = "Between minerals and geopolitics, Kazakhstan charts its course with the European Union"
    translate_entries(project, "en", {read_catalog(path)[0].msgid: title})
    assert findings(l10n(project, "check", "--lang", "en")[1], "max-length") == []
    config = project / "pyproject.toml"
    config.write_text(config.read_text(encoding="utf-8") + "max-length = {title = 60}\n", encoding="utf-8")
    [found] = findings(l10n(project, "check", "--lang", "en")[1], "max-length")
    assert found.endswith(f"max-length: {len(title)} characters, over the limit of 60 (max-length)")
    config.write_text(config.read_text(encoding="utf-8").replace("{title = 60}", "{title = 200}"), encoding="utf-8")
    catalog = read_catalog(path, "en")
    catalog[0].flags = ["max-length:40"]
    write_catalog(catalog, path)
    assert len(findings(l10n(project, "check", "--lang", "en")[1], "max-length")) == 1
    config.write_text(config.read_text(encoding="utf-8").replace("{title = 200}", "{title = \"long\"}"),
                      encoding="utf-8")
    status, out, err = l10n(project, "check", "--lang", "en")
    assert (status, out) == (2, "") and err.startswith(f"{config}: [tool.l10n] max-length must be")


def test_a_missing_dictionary_is_one_line_and_the_other_checks_run(project, l10n, monkeypatch):
    from l10n_article.translate.quality import spelling
    monkeypatch.setattr(spelling, "dictionary", lambda code: None)
    l10n(project, "update")
    translate_entries(project, "en", {"Newsletter": "Newsletter"})
    status, out, _ = l10n(project, "check", "--lang", "en")
    notes = [line for line in out.splitlines() if line.startswith("spelling:")]
    assert len(notes) == 1 and "apt-get install" in notes[0] and "hunspell-en-us" in notes[0]
    assert len(findings(out, "identical")) == 1
