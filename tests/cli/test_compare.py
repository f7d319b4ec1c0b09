"""The editors' comparison page and `l10n compare`: states, edits, findings, filters, validity."""

import re
import shutil

import pytest

from support import CAPTION, REPO, TITLE, snapshot, translate_entries
from support.pages import axe_violations, chromium, nu_errors
from l10n_article.render.alignment import word_edit
from l10n_article.translate.catalog.pofile import read_catalog, write_catalog
from l10n_article.render.cli import workspace

INVEST = "Premier producteur régional de matières premières critiques"


def test_word_diff_and_post_edit_distance_on_a_known_pair():
    edit = word_edit("the cat sat on the mat", "the black cat sat on a mat")
    assert edit.operations == [("equal", "the"), ("insert", "black"), ("equal", "cat sat on"),
                               ("delete", "the"), ("insert", "a"), ("equal", "mat")]
    assert (edit.changed, edit.length) == (2, 7)
    assert edit.distance == pytest.approx(2 / 7)
    assert word_edit("same words", "same words").distance == 0


def _segment(project, number):
    from l10n_article.translate.source.article import parse_article
    return parse_article(project / "source" / "kazakhstan-ue.md", "fr").segments[number - 1].text


@pytest.fixture
def every_state(project, l10n):
    """English in every state: a reviewed post-edited draft with a translator's comment (1), a
    machine draft (2), missing entries, an outdated one (4), an edited draft still carrying the
    machine's comment (5), a reviewed one with a check error (6), an approved one (7) and one whose
    approval lapsed when the translator changed it (9); a note on 2."""
    l10n(project, "update")
    root = workspace(project)
    path = project / "locales" / "en" / "LC_MESSAGES" / "kazakhstan-ue.po"
    memory = root.memory
    memory.put_draft("argos translate-fr_en 1.9", "en", TITLE, "Between ores and geopolitics, Kazakhstan traces its way with EU")
    memory.put_draft("argos translate-fr_en 1.9", "en", CAPTION, "Kassym-Jomart Tokayev at EU-Central Asia summit")
    memory.put_draft("argos translate-fr_en 1.9", "en", _segment(project, 5), "The participation of Kazakhstan was not symbolic.")
    memory.save()
    catalog = read_catalog(path, "en")
    catalog[0].msgstr = "Between minerals and geopolitics, Kazakhstan charts its course with the EU"
    catalog[0].tcomment = "“charts its course” keeps the French image of a path"
    catalog[1].msgstr = "Kassym-Jomart Tokayev at EU-Central Asia summit"
    catalog[1].flags = ["fuzzy"]
    catalog[1].tcomment = "machine draft: argos translate-fr_en 1.9"
    investment = next(e for e in catalog if e.msgid.startswith(INVEST))
    investment.msgstr = "As the leading producer, Kazakhstan welcomed a plan worth €21 billion."
    catalog[3].msgstr = "Kazakhstan and the European Union: a partnership openly claimed"
    edited = catalog.find(_segment(project, 5))
    edited.msgstr, edited.flags = "Kazakhstan’s part in this summit was anything but symbolic.", ["fuzzy"]
    edited.tcomment = "machine draft: argos translate-fr_en 1.9"
    for number, text in ((7, "Shared enthusiasm."), (9, "Kazakhstan, an energy and logistics hub.")):
        catalog.find(_segment(project, number)).msgstr = text
    write_catalog(catalog, path)
    for language in ("ru", "kk"):  # reviewed, so that only English is missing anything
        other_path = project / "locales" / language / "LC_MESSAGES" / "kazakhstan-ue.po"
        other = read_catalog(other_path, language)
        for entry in other:
            entry.msgstr = entry.msgid
            entry.tcomment = "l10n: ignore identical, script, numbers, quotes"
        write_catalog(other, other_path)
    for number in (7, 9):
        assert l10n(project, "approve", "--lang", "en", "--segment", str(number), "--by", "Anna Petrova")[0] == 0
    assert l10n(project, "note", "--lang", "en", "--segment", "2", "--by", "Boris", "Spell <Tokaïev> as the glossary")[0] == 0
    catalog = read_catalog(path, "en")
    catalog.find(_segment(project, 9)).msgstr = "Kazakhstan, a hub of energy and logistics."
    write_catalog(catalog, path)
    article = project / "source" / "kazakhstan-ue.md"
    article.write_text(article.read_text(encoding="utf-8").replace("un partenariat revendiqué",
                                                                     "un partenariat assumé"), encoding="utf-8")
    assert l10n(project, "build")[0] == 0
    return (project / "build" / "compare" / "kazakhstan-ue.html").read_text(encoding="utf-8")


def row(html, number):
    return re.search(rf'<tr id="kazakhstan-ue-{number}"[^>]*>.*?</tr>', html, re.S).group(0)


def cell(row_html, language):
    return re.search(rf'<td class="column-{language} state-([\w-]+)"[^>]*>(.*?)</td>', row_html, re.S)


def test_every_state_is_a_labelled_badge_with_text_in_its_language(every_state):
    html = every_state
    expected = {1: ("reviewed", "Reviewed"), 2: ("machine-draft", "Machine draft"), 3: ("missing", "Untranslated"),
                4: ("outdated", "Source changed"), 5: ("draft", "Edited draft"), 6: ("reviewed", "Reviewed"),
                7: ("approved", "Approved"), 9: ("reviewed", "Reviewed")}
    for number, (state, label) in expected.items():
        found = cell(row(html, number), "en")
        assert found.group(1) == state, number
        assert f'<span class="badge badge-{state}">{label}</span>' in found.group(2), number
    assert '<p lang="en">Between minerals and geopolitics' in cell(row(html, 1), "en").group(2)
    assert '<td lang="fr" data-label="Français">Le 4 avril 2025' in row(html, 3)
    assert 'class="needs-review' in row(html, 2) and "has-missing" in row(html, 3)


def test_a_reviewed_translation_with_a_check_error_needs_review(every_state):
    invest = row(every_state, 6)
    assert 'class="needs-review' in invest
    assert '<span class="badge badge-errors">Check errors</span>' in cell(invest, "en").group(2)
    assert "badge-errors" not in row(every_state, 1)


def test_an_outdated_entry_shows_the_source_change_once_as_a_word_diff(every_state):
    outdated = row(every_state, 4)
    source = re.search(r'<td lang="fr".*?</td>', outdated, re.S).group(0)
    assert source.count('class="source-change"') == 1  # English, Russian and Kazakh share one previous source
    assert "Changed since it was translated into anglais, russe et kazakh:" in source
    assert "<del>revendiqué</del> <ins>assumé</ins>" in source
    assert "revendiqué" not in cell(outdated, "en").group(2)


def test_comments_notes_and_approvals_are_on_the_page(every_state):
    assert ('<span class="label">Translator’s comment:</span> “charts its course” keeps the French image'
            in cell(row(every_state, 1), "en").group(2))
    assert "machine draft: argos" not in every_state
    note = cell(row(every_state, 2), "en").group(2)
    assert re.search(r'<span class="label">Note from Boris, \d+ \w+ \d{4}:</span> Spell &lt;Tokaïev&gt; as', note)
    assert re.search(r'class="approval">Approved by Anna Petrova on \d+ \w+ \d{4}\.</p>',
                     cell(row(every_state, 7), "en").group(2))
    assert "but the text has changed since: reviewed, not approved" in cell(row(every_state, 9), "en").group(2)


def test_findings_link_to_the_line_of_their_entry(every_state, project):
    path = project / "locales" / "en" / "LC_MESSAGES" / "kazakhstan-ue.po"
    line = read_catalog(path, "en").find(_segment(project, 6)).linenum
    where = f"locales/en/LC_MESSAGES/kazakhstan-ue.po:{line}"
    assert (f'<a class="location" href="../../locales/en/LC_MESSAGES/kazakhstan-ue.po#L{line}">{where}</a>'
            in re.sub(r"<wbr>|</?span( class=\"part\")?>", "", cell(row(every_state, 6), "en").group(2)))


def test_anchors_links_and_languages_of_the_page(every_state, project):
    assert '<h1>Entre minerais et géopolitique' in every_state
    assert '<a href="index.html">All articles</a>' in every_state  # back to the dashboard
    assert '<a href="../fr/kazakhstan-ue.html" hreflang="fr" lang="fr">Français</a>' in every_state
    dashboard = (project / "build" / "compare" / "index.html").read_text(encoding="utf-8")
    assert '<a href="kazakhstan-ue.html">Entre minerais et géopolitique' in dashboard
    assert '<section id="kazakhstan-ue"' in every_state
    assert '<a class="number" href="#kazakhstan-ue-6">6</a>' in row(every_state, 6)
    assert '<th scope="col" class="column-en">Anglais</th>' in every_state  # a French name, in the page's language
    assert not re.search(r'lang="(en|ru|kk)">(Anglais|Russe|Kazakh)<', every_state)
    assert '<span class="kind">List item</span>' in every_state or '<span class="kind">Caption</span>' in every_state


def test_interface_words_of_the_page_come_from_the_ui_catalog(every_state, project, l10n):
    translate_entries(project, "fr", {"Caption": "Légende", "Source changed": "Source modifiée",
                                      "Numbers": "Nombres"}, domain="ui")
    assert l10n(project, "build")[0] == 0
    html = (project / "build" / "compare" / "kazakhstan-ue.html").read_text(encoding="utf-8")
    assert '<span class="kind">Légende</span>' in row(html, 2)
    assert '<span class="badge badge-outdated">Source modifiée</span>' in row(html, 4)
    assert re.search(r'<span class="check">Nombres \(error\)</span> <span lang="en">[^<]*12', row(html, 6))


def test_reviewed_segments_show_the_edit_from_the_machine_draft(every_state):
    title = cell(row(every_state, 1), "en").group(2)
    assert re.search(r"Changes from the machine draft: 36\s?% of words", title)  # 4 of 11 words
    assert "<del>ores</del> <ins>minerals</ins>" in title and "<ins>the</ins> EU" in title
    assert re.search(r"<td>36\s?%</td>", every_state)


def test_progress_counts_each_state_apart(every_state):
    progress = re.search(r'<tr class="column-en"><th scope="row">Anglais</th>(.*?)</tr>', every_state).group(1)
    cells = re.findall(r"<td>([^<]*)</td>", progress)
    # untranslated, machine draft, edited draft, outdated, reviewed, approved, check errors
    assert cells[:7] == ["12", "1", "1", "1", "3", "1", "1"]


def test_compare_in_the_terminal(every_state, l10n, project):
    status, out, _ = l10n(project, "compare", "--lang", "en", "--needs-review")
    assert status == 0
    assert "#2 caption  source/kazakhstan-ue.md:9" in out
    assert "  en  [machine draft] Kassym-Jomart Tokayev at EU-Central Asia summit" in out
    assert "  en  [edited draft] Kazakhstan’s part" in out
    assert "[SOURCE CHANGED]" in out and "[-revendiqué-] {+assumé+}" in out
    assert "[reviewed, check errors]" in out and "#6 paragraph" in out
    assert "#1 title" not in out  # reviewed everywhere asked: not listed with --needs-review
    status, out, _ = l10n(project, "compare", "--lang", "en")
    assert "#1 title" in out and "      post-edit distance 36%" in out
    assert "      # “charts its course” keeps" in out and "approved by Anna Petrova on" in out
    assert re.search(r"      ! error: numbers: [^(]*12[^(]*\(locales/en/LC_MESSAGES/kazakhstan-ue.po:\d+\)", out)


def test_filters_and_columns_work_from_the_file_in_a_browser(every_state, project):
    with chromium() as browser:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto((project / "build" / "compare" / "kazakhstan-ue.html").as_uri())
        visible = lambda: page.locator("table.alignment tbody tr:visible th .number").all_inner_texts()  # noqa: E731
        assert len(visible()) == 19
        page.get_by_label("Needs review").check()
        assert visible() == ["2", "4", "5", "6"]
        page.get_by_label("Untranslated", exact=True).check()
        assert visible() == [str(n) for n in range(1, 20) if n not in (1, 2, 4, 5, 6, 7, 9)]
        assert page.locator("th.column-ru").is_visible()
        page.get_by_label("Russe").uncheck()  # column names are in the page language
        assert not page.locator("th.column-ru").is_visible() and page.locator("th.column-kk").is_visible()
        page.get_by_label("All segments").check()
        page.mouse.wheel(0, 3000)
        page.wait_for_function("() => window.scrollY > 1000")  # the wheel scrolls after it returns
        header = page.locator("table.alignment thead th").first.bounding_box()
        assert 0 <= header["y"] < 5  # the column headers stay at the top while scrolling
        page.screenshot(path=str(project / "compare-desktop.png"))
        page.set_viewport_size({"width": 390, "height": 800})
        page.get_by_label("All segments").check()
        first = page.locator("table.alignment tbody tr").first.locator("td").all()
        assert first[0].bounding_box()["y"] < first[1].bounding_box()["y"]  # columns stack on a phone
        page.screenshot(path=str(project / "compare-phone.png"))


def test_no_wcag_a_or_aa_violation_under_axe(every_state, project):
    pages = [project / "build" / name for name in ("compare/index.html", "compare/kazakhstan-ue.html",
                                                   "en/index.html", "fr/index.html")]
    for page in pages:
        assert axe_violations([page]) == {page.name: []}, page


def test_pages_pass_the_nu_html_checker(every_state, project):
    pages = [project / "build" / name / "index.html" for name in ("compare", "fr", "en", "ru", "kk")]
    assert nu_errors([*pages, project / "build" / "compare" / "kazakhstan-ue.html"]) == (0, "")


def test_compare_writes_no_file_even_when_the_catalogs_are_behind_the_article(project, l10n):
    l10n(project, "update")
    article = project / "source" / "kazakhstan-ue.md"
    article.write_text(article.read_text(encoding="utf-8") + "\nUne phrase ajoutée.\n", encoding="utf-8")
    before = snapshot(project)
    status, out, _ = l10n(project, "compare", "--lang", "en")
    assert status == 0 and "Une phrase ajoutée." in out
    assert snapshot(project) == before


@pytest.fixture
def corrected(project):
    """The reviewed article after two source edits: an amount (material), a spelling (cosmetic)."""
    shutil.copytree(REPO / "locales", project / "locales", dirs_exist_ok=True)
    article = project / "source" / "kazakhstan-ue.md"
    text = article.read_text(encoding="utf-8")
    article.write_text(text.replace("12 milliards", "14 milliards").replace("géopolitique", "géo-politique"),
                       encoding="utf-8")
    return project


def test_the_terminal_view_says_whether_a_source_change_is_material(corrected, l10n):
    status, out, _ = l10n(corrected, "compare", "--lang", "en", "--needs-review")
    assert status == 0
    assert out.count("material change since the en translation") == 1
    assert out.count("cosmetic change since the en translation") == 1
    assert re.search(r"number: 12\S* .*→ 14", out)


def test_the_page_says_whether_a_source_change_is_material(corrected, l10n):
    assert l10n(corrected, "build")[0] == 0
    html = (corrected / "build" / "compare" / "kazakhstan-ue.html").read_text(encoding="utf-8")
    assert html.count('<span class="badge badge-material">') == 1 and html.count('<span class="badge badge-cosmetic">') == 1
    facts = re.search(r'<ul class="facts" lang="en">\s*<li>(.*?)</li>', html, re.S)[1]
    assert re.search(r"number: 12\S* .*→ 14", facts)
