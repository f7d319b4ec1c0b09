"""The editors' comparison page and `l10n compare`: states, edits, findings, filters, validity."""

import re
import shutil
import subprocess

import pytest

from support import CAPTION, REPO, TITLE, snapshot
from l10n_article.render.alignment import word_edit
from l10n_article.translate.catalog.pofile import read_catalog, write_catalog
from l10n_article.render.cli import workspace

NODE = REPO / "node_modules"
INVEST = "Premier producteur régional de matières premières critiques"


def test_word_diff_and_post_edit_distance_on_a_known_pair():
    edit = word_edit("the cat sat on the mat", "the black cat sat on a mat")
    assert edit.operations == [("equal", "the"), ("insert", "black"), ("equal", "cat sat on"),
                               ("delete", "the"), ("insert", "a"), ("equal", "mat")]
    assert (edit.changed, edit.length) == (2, 7)
    assert edit.distance == pytest.approx(2 / 7)
    assert word_edit("same words", "same words").distance == 0


@pytest.fixture
def every_state(project, l10n):
    """English with a reviewed post-edited draft, a machine draft, an outdated entry, a finding,
    and missing entries."""
    l10n(project, "update")
    root = workspace(project)
    path = project / "locales" / "en" / "LC_MESSAGES" / "kazakhstan-ue.po"
    memory = root.memory
    memory.put_draft("argos translate-fr_en 1.9", "en", TITLE, "Between ores and geopolitics, Kazakhstan traces its way with EU")
    memory.put_draft("argos translate-fr_en 1.9", "en", CAPTION, "Kassym-Jomart Tokayev at EU-Central Asia summit")
    memory.save()
    catalog = read_catalog(path, "en")
    catalog[0].msgstr = "Between minerals and geopolitics, Kazakhstan charts its course with the EU"
    catalog[1].msgstr = "Kassym-Jomart Tokayev at EU-Central Asia summit"
    catalog[1].flags = ["fuzzy"]
    catalog[1].tcomment = "machine draft: argos translate-fr_en 1.9"
    investment = next(e for e in catalog if e.msgid.startswith(INVEST))
    investment.msgstr = "As the leading producer, Kazakhstan welcomed a plan worth €21 billion."
    catalog[3].msgstr = "Kazakhstan and the European Union: a partnership openly claimed"
    write_catalog(catalog, path)
    for language in ("ru", "kk"):  # complete, so that only English is missing anything
        other_path = project / "locales" / language / "LC_MESSAGES" / "kazakhstan-ue.po"
        other = read_catalog(other_path, language)
        for entry in other:
            entry.msgstr = entry.msgid
        write_catalog(other, other_path)
    article = project / "source" / "kazakhstan-ue.md"
    article.write_text(article.read_text(encoding="utf-8").replace("un partenariat revendiqué",
                                                                     "un partenariat assumé"), encoding="utf-8")
    assert l10n(project, "build")[0] == 0
    return (project / "build" / "compare" / "index.html").read_text(encoding="utf-8")


def row(html, number):
    rows = re.findall(r"<tr class=[^>]*>.*?</tr>", html, re.S)
    return rows[number - 1]


def cell(row_html, language):
    return re.search(rf'<td class="column-{language} state-(\w+)"[^>]*>(.*?)</td>', row_html, re.S)


def test_every_state_is_a_labelled_badge_with_text_in_its_language(every_state):
    html = every_state
    title = cell(row(html, 1), "en")
    assert title.group(1) == "reviewed" and '<span class="badge badge-reviewed">Reviewed</span>' in title.group(2)
    assert '<p lang="en">Between minerals and geopolitics' in title.group(2)
    draft = cell(row(html, 2), "en")
    assert draft.group(1) == "draft" and "Machine draft</span>" in draft.group(2)
    outdated = cell(row(html, 4), "en")
    assert outdated.group(1) == "outdated" and "Outdated</span>" in outdated.group(2)
    assert ('Previous source: <span lang="fr">Le Kazakhstan et l’Union européenne : un partenariat revendiqué'
            in outdated.group(2))
    missing = cell(row(html, 3), "en")
    assert missing.group(1) == "missing" and "Missing</span>" in missing.group(2)
    assert '<td lang="fr" data-label="Français">Le 4 avril 2025' in row(html, 3)
    assert 'class="needs-review' in row(html, 2) and "has-missing" in row(html, 3)


def test_reviewed_segments_show_the_edit_from_the_machine_draft(every_state):
    title = cell(row(every_state, 1), "en").group(2)
    assert re.search(r"Changes from the machine draft: 36\s?% of words", title)  # 4 of 11 words
    assert "<del>ores</del> <ins>minerals</ins>" in title and "<ins>the</ins> EU" in title
    assert re.search(r"post-edit distance 36\s?%", every_state)


def test_progress_counts_and_findings_are_on_the_page(every_state):
    assert "19 reviewed" not in every_state
    assert re.search(r"<strong lang=\"en\">[^<]+</strong>: reviewed: 2, drafts: 1, outdated: 1, missing: 15",
                     every_state)
    invest = next(r for r in re.findall(r"<tr class=[^>]*>.*?</tr>", every_state, re.S) if INVEST in r)
    findings = cell(invest, "en").group(2)
    assert '<li class="finding-error"><span class="check">numbers</span> number 12 is missing' in findings


def test_compare_in_the_terminal(every_state, l10n, project):
    status, out, _ = l10n(project, "compare", "--lang", "en", "--needs-review")
    assert status == 0
    assert "#2 caption  source/kazakhstan-ue.md:9" in out
    assert "  en  [machine draft] Kassym-Jomart Tokayev at EU-Central Asia summit" in out
    assert "[OUTDATED]" in out and "      was: Le Kazakhstan et l’Union européenne : un partenariat" in out
    assert "#1 title" not in out  # reviewed everywhere asked: not listed with --needs-review
    status, out, _ = l10n(project, "compare", "--lang", "en")
    assert "#1 title" in out and "      post-edit distance 36%" in out
    assert "      ! error: numbers: number 12 is missing (expected 12)" in out


def _browser():
    playwright = pytest.importorskip("playwright.sync_api")
    if not shutil.which("chromium"):
        pytest.skip("Debian's chromium is not installed")
    return playwright.sync_playwright()


def test_filters_and_columns_work_from_the_file_in_a_browser(every_state, project):
    with _browser() as p:
        browser = p.chromium.launch(executable_path=shutil.which("chromium"),
                                    args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto((project / "build" / "compare" / "index.html").as_uri())
        visible = lambda: page.locator("tbody tr:visible th .number").all_inner_texts()  # noqa: E731
        assert len(visible()) == 19
        page.get_by_label("Needs review").check()
        assert visible() == ["2", "4"]
        page.get_by_label("Missing").check()
        assert visible() == [str(n) for n in range(1, 20) if n not in (1, 2, 4, 6)]
        assert page.locator("th.column-ru").is_visible()
        page.get_by_label("Russe").uncheck()  # column names are in the page language
        assert not page.locator("th.column-ru").is_visible() and page.locator("th.column-kk").is_visible()
        page.set_viewport_size({"width": 390, "height": 800})
        page.get_by_label("All segments").check()
        first = page.locator("tbody tr").first.locator("td").all()
        assert first[0].bounding_box()["y"] < first[1].bounding_box()["y"]  # columns stack on a phone
        page.screenshot(path=str(project / "compare-phone.png"))
        browser.close()


def test_no_wcag_a_or_aa_violation_under_axe(every_state, project):
    axe = NODE / "axe-core" / "axe.min.js"
    if not axe.exists():
        pytest.skip("axe-core is not installed (npm install --no-save axe-core vnu-jar)")
    with _browser() as p:
        browser = p.chromium.launch(executable_path=shutil.which("chromium"),
                                    args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        page = browser.new_page()
        for name in ("compare", "en", "fr"):
            page.goto((project / "build" / name / "index.html").as_uri())
            page.add_script_tag(path=str(axe))
            result = page.evaluate("axe.run(document, {runOnly: {type: 'tag', values: "
                                   "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})")
            assert [v["id"] for v in result["violations"]] == [], name
            assert result["passes"]
        browser.close()


def test_pages_pass_the_nu_html_checker(every_state, project):
    vnu = NODE / "vnu-jar" / "build" / "dist" / "vnu.jar"
    if not vnu.exists() or not shutil.which("java"):
        pytest.skip("the Nu HTML checker needs java and vnu-jar (npm install --no-save axe-core vnu-jar)")
    pages = [str(project / "build" / name / "index.html") for name in ("compare", "fr", "en", "ru", "kk")]
    result = subprocess.run(["java", "-jar", str(vnu), "--errors-only", "--format", "gnu", *pages],
                            capture_output=True, text=True)
    assert (result.returncode, result.stderr) == (0, "")


def test_compare_writes_no_file_even_when_the_catalogs_are_behind_the_article(project, l10n):
    l10n(project, "update")
    article = project / "source" / "kazakhstan-ue.md"
    article.write_text(article.read_text(encoding="utf-8") + "\nUne phrase ajoutée.\n", encoding="utf-8")
    before = snapshot(project)
    status, out, _ = l10n(project, "compare", "--lang", "en")
    assert status == 0 and "Une phrase ajoutée." in out
    assert snapshot(project) == before
