"""The comparison at scale: one page per article, a dashboard of every article and language made
from the articles' summaries alone, and the machine drafts' confidence on the page."""

import datetime as dt
import json
import os
import re
import shutil

import pytest

from support import DATA, translate_entries
from support.pages import Elements, axe_violations, chromium, nu_errors
from l10n_article.render import alignment
from l10n_article.render.cli import workspace
from l10n_article.render.compare import compare_article
from l10n_article.render.dashboard import article_rows, compare_dashboard
from l10n_article.translate.catalog.pofile import read_catalog, write_catalog
from l10n_article.translate.source.article import parse_article

FILE_TIME = dt.datetime(2026, 1, 15, 12, tzinfo=dt.timezone.utc)
# segment number → confidence of its English machine draft: from the memory, or (8) from the comment only
CONFIDENT = {3: 0.9, 5: 0.2}
COMMENTED = {8: 0.5}
EDITED = 2  # an edited draft: needs review, no confidence


def _segments(project, slug="kazakhstan-ue"):
    return [segment.text for segment in parse_article(project / "source" / f"{slug}.md", "fr").segments]


@pytest.fixture
def articles(project, l10n):
    """Two articles: ``lists`` (updated 7 April 2025) reviewed in English; ``kazakhstan-ue`` (no
    date: its file's time) with English machine drafts of known confidence and an edited draft."""
    lists = (DATA / "lists.md").read_text(encoding="utf-8")
    (project / "source" / "lists.md").write_text(lists.replace("slug: lists\n", "slug: lists\nupdated: 2025-04-07\n"),
                                                 encoding="utf-8")
    os.utime(project / "source" / "kazakhstan-ue.md", (FILE_TIME.timestamp(), FILE_TIME.timestamp()))
    assert l10n(project, "update")[0] == 0
    translate_entries(project, "en", {text: f"[en] {text}" for text in _segments(project, "lists")}, domain="lists")
    texts = _segments(project)
    memory = workspace(project).memory
    for number, sure in CONFIDENT.items():
        memory.put_draft("argos translate-fr_en 1.9", "en", texts[number - 1], f"draft {number}", sure)
    for number in COMMENTED:
        memory.put_draft("argos translate-fr_en 1.9", "en", texts[number - 1], f"draft {number}")
    memory.save()
    path = project / "locales" / "en" / "LC_MESSAGES" / "kazakhstan-ue.po"
    catalog = read_catalog(path, "en")
    for number, sure in {**CONFIDENT, **COMMENTED, EDITED: 0.99}.items():
        entry = catalog.find(texts[number - 1])
        entry.msgstr, entry.flags = f"draft {number}" + (" edited" if number == EDITED else ""), ["fuzzy"]
        entry.tcomment = f"machine draft: argos translate-fr_en 1.9, confidence {sure:.2f}"
    write_catalog(catalog, path)
    assert l10n(project, "build")[0] == 0
    return project


def _read(project, name):
    return (project / "build" / "compare" / name).read_text(encoding="utf-8")


def _rows(dashboard):
    """Each row of the dashboard: its language, link, and the text of its cells."""
    found = []
    for row in re.findall(r'<tr data-language="[^"]+".*?</tr>', dashboard, re.S):
        cells = [re.sub(r"<[^>]+>", "", cell) for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)]
        found.append(dict(language=re.search(r'data-language="([^"]+)"', row)[1],
                          href=re.search(r'<a href="([^"]+)"', row)[1], cells=cells,
                          needs_review='class="needs-review"' in row, changed=re.search(r'datetime="([^"]+)"', row)[1]))
    return found


def test_each_article_has_its_own_page_holding_nothing_of_the_others(articles):
    kazakhstan, lists, dashboard = _read(articles, "kazakhstan-ue.html"), _read(articles, "lists.html"), \
        _read(articles, "index.html")
    assert "Samarcande" in kazakhstan and "Samarcande" not in lists
    assert "Same text twice" in lists and "Same text twice" not in kazakhstan and "lists" not in kazakhstan
    assert "Samarcande" not in dashboard and "Same text twice" not in dashboard  # no segment on the dashboard
    assert sorted(path.name for path in (articles / "build" / "compare").iterdir()) == [
        "index.html", "kazakhstan-ue.html", "lists.html"]
    assert (articles / "build" / "compare.js").is_file()
    head = dashboard.split("<tbody>")[0]
    assert len(dashboard.encode()) - len(head.encode()) < 600 * 6  # six rows of a few hundred bytes


def test_the_dashboard_has_a_row_per_article_and_language_linking_to_its_page(articles):
    rows = _rows(_read(articles, "index.html"))
    assert [(row["href"], row["language"]) for row in rows] == [
        (f"{slug}.html", language) for slug in ("kazakhstan-ue", "lists") for language in ("en", "ru", "kk")]
    english = {row["href"]: row for row in rows if row["language"] == "en"}
    # title, language, progress, untranslated, machine draft, edited draft, outdated, reviewed, approved, errors
    lists = english["lists.html"]["cells"]
    assert lists[0] == "A second article" and lists[1] == "Anglais" and re.fullmatch(r"100\s?%", lists[2])
    assert lists[3:6] == ["0", "0", "0"] and int(lists[7]) > 0
    kazakhstan = english["kazakhstan-ue.html"]["cells"]
    assert kazakhstan[0].startswith("Entre minerais") and kazakhstan[3:8] == ["15", "3", "1", "0", "0"]
    assert re.fullmatch(r"0\s?%", kazakhstan[2])
    assert english["lists.html"]["changed"] == "2025-04-07" and "7 avr. 2025" in lists[-1]
    assert english["kazakhstan-ue.html"]["changed"] == "2026-01-15"  # no date in the article: its file's time
    assert [row["needs_review"] for row in rows] == [True, False, False, False, False, False]


def test_the_dashboard_is_made_from_the_articles_kept_rows_alone(articles):
    ws = workspace(articles)
    rows = [article_rows(ws, compare_article(ws, article, ["fr"]).summary) for article in ws.articles]
    dashboard = compare_dashboard(ws, rows, ["fr", "en"])
    assert 'href="kazakhstan-ue.html"' in dashboard and 'href="lists.html"' in dashboard
    assert [len(article) for article in rows] == [3, 3]  # a row per target language
    stored = json.dumps(rows)  # what a build keeps for the unchanged articles
    shutil.rmtree(articles / "source")
    (articles / "source").mkdir()  # no article left to read: the dashboard needs none
    assert compare_dashboard(workspace(articles), json.loads(stored), ["fr", "en"]) == dashboard


def test_a_page_links_to_the_articles_pages_in_the_languages_it_is_published_in(articles):
    ws = workspace(articles)
    kazakhstan, lists = (compare_article(ws, article, languages).html
                         for article, languages in zip(ws.articles, [["fr"], ["fr", "en"]]))
    links = [attrs["href"] for tag, attrs in Elements(lists).tags if tag == "a"]
    assert links[:3] == ["../fr/lists.html", "../en/lists.html", "index.html"]
    assert "../en/kazakhstan-ue.html" not in kazakhstan  # not said to be published


def test_drafts_show_their_confidence_and_needs_review_lists_the_least_sure_first(articles, l10n):
    page = _read(articles, "kazakhstan-ue.html")
    for number, sure in {**CONFIDENT, **COMMENTED}.items():
        cell = re.search(rf'<tr id="kazakhstan-ue-{number}".*?<td class="column-en[^>]*>(.*?)</td>', page, re.S)[1]
        assert re.search(rf'<span class="confidence">Machine confidence: {round(sure * 100)}\s?%</span>', cell)
    assert page.count('class="confidence"') == 3  # the edited draft's figure described the machine's text
    status, out, _ = l10n(articles, "compare", "--lang", "en", "--needs-review")
    drafted = {EDITED, *CONFIDENT, *COMMENTED}  # the terminal also lists the untranslated segments
    terminal = [int(n) for n in re.findall(r"^#(\d+) ", out, re.M) if int(n) in drafted]
    assert terminal == [5, 8, 3, EDITED]
    with chromium() as browser:
        tab = browser.new_page(viewport={"width": 1280, "height": 900})
        tab.goto((articles / "build" / "compare" / "kazakhstan-ue.html").as_uri())
        visible = lambda: [int(n) for n in tab.locator("table.alignment tbody tr:visible th .number").all_inner_texts()]  # noqa: E731
        assert visible() == list(range(1, 20))
        tab.get_by_label("Needs review").check()
        assert visible() == terminal  # the terminal's order: least sure first, then document order
        assert tab.locator("table.alignment caption").inner_text() == \
            "Segments to review, the least sure machine drafts first"
        tab.screenshot(path=str(articles / "compare-needs-review.png"), full_page=True)
        tab.get_by_label("All segments").check()
        assert visible() == list(range(1, 20))
        assert tab.locator("table.alignment caption").inner_text() == "Segments in document order"
        with_script_off = browser.new_page(java_script_enabled=False)
        with_script_off.goto((articles / "build" / "compare" / "kazakhstan-ue.html").as_uri())
        with_script_off.get_by_label("Needs review").check()  # the filter works; the rows keep document order
        assert with_script_off.locator("table.alignment tbody tr:visible th .number").all_inner_texts() == [
            "2", "3", "5", "8"]


def test_the_dashboard_sorts_and_filters_in_a_browser(articles):
    with chromium() as browser:
        tab = browser.new_page(viewport={"width": 1280, "height": 900})
        tab.goto((articles / "build" / "compare" / "index.html").as_uri())
        headers = tab.locator("table.dashboard thead th")
        shown = lambda: [(row.get_attribute("data-language"), row.locator("a").get_attribute("href"))  # noqa: E731
                         for row in tab.locator("table.dashboard tbody tr:visible").all()]
        status = tab.get_by_role("status")
        assert len(shown()) == 6 and status.inner_text().startswith("6 of 6")
        progress = headers.nth(2)
        progress.get_by_role("button").click()
        assert progress.get_attribute("aria-sort") == "ascending"
        assert shown()[-1] == ("en", "lists.html")  # the only one fully reviewed
        progress.get_by_role("button").click()
        assert progress.get_attribute("aria-sort") == "descending" and shown()[0] == ("en", "lists.html")
        machine = headers.nth(4)
        machine.get_by_role("button").click()
        assert machine.get_attribute("aria-sort") == "ascending" and progress.get_attribute("aria-sort") is None
        machine.get_by_role("button").click()
        assert shown()[0] == ("en", "kazakhstan-ue.html")
        headers.nth(10).get_by_role("button").click()  # last change: the article updated in 2025 first
        assert [href for _, href in shown()][:3] == ["lists.html"] * 3
        tab.screenshot(path=str(articles / "dashboard.png"), full_page=True)
        tab.get_by_label("Language", exact=True).select_option("ru")
        assert sorted(shown()) == [("ru", "kazakhstan-ue.html"), ("ru", "lists.html")]
        tab.get_by_label("Title contains").fill("SECOND")
        assert shown() == [("ru", "lists.html")] and status.inner_text().startswith("1 of 6")
        tab.get_by_label("Language", exact=True).select_option("")
        tab.get_by_label("Title contains").fill("")
        tab.get_by_label("Needs review only").check()
        assert shown() == [("en", "kazakhstan-ue.html")]
        tab.get_by_role("link", name=re.compile("^Entre minerais")).click()
        assert tab.url.endswith("/compare/kazakhstan-ue.html")
        plain = browser.new_page(java_script_enabled=False)
        plain.goto((articles / "build" / "compare" / "index.html").as_uri())
        assert plain.locator("table.dashboard tbody tr:visible").count() == 6  # complete without the script
        assert not plain.locator("form.filters").is_visible() and plain.locator("thead button").count() == 0


def test_both_pages_pass_axe_and_the_nu_html_checker(articles):
    pages = [articles / "build" / "compare" / name for name in ("index.html", "kazakhstan-ue.html", "lists.html")]
    assert axe_violations(pages) == {"index.html": [], "kazakhstan-ue.html": [], "lists.html": []}
    assert nu_errors(pages) == (0, "")


def test_articles_compared_one_by_one_have_each_catalog_checked_once(articles, monkeypatch):
    checked = []  # the articles whose catalogs each run of the checks looked at
    real = alignment.findings

    def counting(ws, languages, *domains):
        checked.append(domains[0] if domains and domains[0] is not None else [a.slug for a in ws.articles])
        return real(ws, languages, *domains)
    monkeypatch.setattr(alignment, "findings", counting)
    ws = workspace(articles)
    pages = [compare_article(ws, article, ["fr"]) for article in ws.articles]
    assert sorted(slug for run in checked for slug in run) == ["kazakhstan-ue", "lists"]
    assert '<ul class="findings">' in pages[0].html  # the drafts' findings are on the page
