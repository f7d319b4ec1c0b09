"""`l10n serve`: the live review page, its editing through the catalogs' library, its limits."""

import os
import re
import socket
import threading
import time

import polib
import pytest

from support import CAPTION, REPO, TITLE, translate_entries
from support.pages import chromium
from l10n_article.render.cli import workspace
from l10n_article.translate.catalog import signoff
from l10n_article.translate.catalog.pofile import read_catalog
from l10n_article.translate.catalog.progress import State, entry_state

starlette_testclient = pytest.importorskip("starlette.testclient")
serve = pytest.importorskip("l10n_article.render.serve")

TOKEN = "a-session-token"
LOCAL = "http://127.0.0.1"
PAGE = "/compare/kazakhstan-ue.html"


def _po(project, language="ru"):
    return project / "locales" / language / "LC_MESSAGES" / "kazakhstan-ue.po"


@pytest.fixture
def site(project, l10n):
    l10n(project, "update")
    translate_entries(project, "ru", {TITLE: "Между рудами и геополитикой", CAPTION: "Токаев на саммите"},
                      fuzzy={CAPTION})
    return serve.Site(lambda: workspace(project), TOKEN, "Anna Petrova")


@pytest.fixture
def client(site):
    return starlette_testclient.TestClient(serve.make_app(site, []), base_url=LOCAL, follow_redirects=False)


def _form(segment, language="ru", **more):
    return {"token": TOKEN, "article": "kazakhstan-ue", "segment": str(segment), "lang": language} | more


def _seen(page_text, segment, language="ru"):
    """The fingerprint the page's correction form of ``segment`` carries."""
    form = re.search(r'<form class="correction" method="post" action="/edit/correct">(.*?)</form>', page_text.split(
        f'id="kazakhstan-ue-{segment}"')[1].split(f'class="column-{language} ')[1], re.S).group(1)
    return re.search(r'name="seen" value="([0-9a-f]+)"', form).group(1)


def _poedit_save(path, msgid, text):
    """Save a translation as a PO editor does: load, edit, write a temporary file, rename it over."""
    catalog = polib.pofile(str(path), wrapwidth=79)
    catalog.find(msgid).msgstr = text
    catalog.save(str(path) + ".tmp")
    os.replace(str(path) + ".tmp", path)


def test_the_comparison_and_the_pages_are_served(client):
    dashboard = client.get("/compare/")
    assert dashboard.status_code == 200 and '<a href="kazakhstan-ue.html">Entre minerais' in dashboard.text
    assert client.get("/").text == dashboard.text
    page = client.get(PAGE)
    assert page.status_code == 200 and "Reviewing as Anna Petrova" in page.text
    assert page.text.count('name="token" value="a-session-token"') > 19
    assert '<a href="../ru/kazakhstan-ue.html" hreflang="ru" lang="ru">Русский</a>' in page.text
    assert client.get("/ru/kazakhstan-ue.html").status_code == 200
    assert client.get("/compare.css").headers["content-type"].startswith("text/css")
    assert client.get("/compare.js").headers["content-type"].startswith("text/javascript")


def test_approving_needs_the_session_token(client, project):
    before = _po(project).read_bytes()
    assert client.post("/edit/approve", data=_form(1, token="guessed")).status_code == 403
    assert client.post("/edit/approve", data={k: v for k, v in _form(1).items() if k != "token"}).status_code == 403
    assert _po(project).read_bytes() == before
    answer = client.post("/edit/approve", data=_form(1))
    assert answer.status_code == 303 and answer.headers["location"] == f"{PAGE}#kazakhstan-ue-1"
    assert entry_state(read_catalog(_po(project), "ru").find(TITLE)) == State.APPROVED
    assert "Approved by Anna Petrova on" in client.get(PAGE).text


def test_a_refused_edit_says_why_and_changes_nothing(client, project):
    before = _po(project).read_bytes()
    answer = client.post("/edit/approve", data=_form(2))
    assert answer.status_code == 409 and "not reviewed (draft)" in answer.text
    assert client.post("/edit/approve", data=_form("two")).status_code == 400
    assert client.post("/edit/delete", data=_form(1)).status_code == 404
    assert _po(project).read_bytes() == before


def test_notes_are_left_resolved_and_shown_escaped(client, project):
    assert client.post("/edit/note", data=_form(2, text="<script>alert(1)</script> «Токаев»")).status_code == 303
    assert [n.text for n in signoff.notes(read_catalog(_po(project), "ru").find(CAPTION))] == \
        ["<script>alert(1)</script> «Токаев»"]
    page = client.get(PAGE).text
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt; «Токаев»" in page
    assert client.post("/edit/resolve", data=_form(2, text="<script>alert(1)</script> «Токаев»")).status_code == 303
    assert "# note:" not in _po(project).read_text(encoding="utf-8")


def test_only_the_projects_sources_and_catalogs_are_shown(client, project):
    source = client.get("/source/kazakhstan-ue.md")
    assert source.status_code == 200 and '<span id="L6" class="line"># Entre minerais' in source.text
    assert client.get("/locales/ru/LC_MESSAGES/kazakhstan-ue.po").status_code == 200
    (project.parent / "secret.md").write_text("secret", encoding="utf-8")
    for name in ("/pyproject.toml", "/source/../pyproject.toml", "/source/%2e%2e/%2e%2e/secret.md",
                 "/locales/..%2f..%2fsecret.md", "//etc/passwd", "/source/missing.md"):
        answer = client.get(name)
        assert answer.status_code == 404 and "secret" not in answer.text, name


def test_another_host_name_is_refused(site):
    other = starlette_testclient.TestClient(serve.make_app(site, []), base_url="http://attacker.example")
    assert other.get(PAGE).status_code == 400


def test_without_an_editor_the_page_is_read_only(site):
    site.editor = None
    client = starlette_testclient.TestClient(serve.make_app(site, []), base_url=LOCAL)
    assert "/edit/approve" not in client.get(PAGE).text
    assert client.post("/edit/approve", data=_form(1)).status_code == 403


def test_the_page_is_made_again_when_a_catalog_changes(site, project):
    with starlette_testclient.TestClient(serve.make_app(site, [project / "locales"]), base_url=LOCAL) as client:
        assert "Касым-Жомарт" not in client.get(PAGE).text
        time.sleep(0.5)  # the watcher is running
        translate_entries(project, "ru", {CAPTION: "Касым-Жомарт Токаев на саммите"})
        for _ in range(100):
            if "Касым-Жомарт Токаев на саммите" in client.get(PAGE).text:
                break
            time.sleep(0.1)
        else:
            pytest.fail("the page was not made again after the catalog changed")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def start_server(site):
    """Start the application on a free port (watching ``watch``); stopped at the end of the test."""
    uvicorn = pytest.importorskip("uvicorn")
    servers = []

    def start(watch=()):
        port = _free_port()
        config = uvicorn.Config(serve.make_app(site, list(watch)), host="127.0.0.1", port=port, log_level="warning")
        running = uvicorn.Server(config)
        thread = threading.Thread(target=running.run, daemon=True)
        thread.start()
        servers.append((running, thread))
        for _ in range(100):
            if running.started:
                break
            time.sleep(0.05)
        return f"http://127.0.0.1:{port}"
    yield start
    for running, thread in servers:
        running.should_exit = True
        thread.join(5)


@pytest.fixture
def server(start_server):
    return start_server()


@pytest.fixture
def browser():
    with chromium() as launched:
        yield launched


def _axe_violations(page):
    """axe-core's WCAG 2 A/AA violations on the page (none checked when axe-core is not installed)."""
    axe = REPO / "node_modules" / "axe-core" / "axe.min.js"
    if not axe.exists():
        return []
    page.add_script_tag(path=str(axe))
    result = page.evaluate("axe.run(document, {runOnly: {type: 'tag', values: "
                           "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})")
    return [v["id"] for v in result["violations"]]


def test_an_editor_approves_and_notes_in_a_browser_while_a_translator_saves(server, browser, project):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{server}/compare/")  # the dashboard, then the article's page
    assert _axe_violations(page) == []
    page.locator("table.dashboard tbody tr[data-language=ru] a").click()
    page.wait_for_url(re.compile(r"/compare/kazakhstan-ue\.html$"))
    # Poedit saves the catalog after the editor opened the page, before the editor approves.
    translate_entries(project, "ru", {CAPTION: "Касым-Жомарт Токаев на саммите"})
    page.locator("#kazakhstan-ue-1 td.column-ru form.approve button").click()
    page.wait_for_url(re.compile(r"/compare/kazakhstan-ue\.html#kazakhstan-ue-1$"))
    assert "Approved by Anna Petrova" in page.locator("#kazakhstan-ue-1 td.column-ru").inner_text()
    catalog = read_catalog(_po(project), "ru")
    assert entry_state(catalog.find(TITLE)) == State.APPROVED
    assert catalog.find(CAPTION).msgstr == "Касым-Жомарт Токаев на саммите"  # the translator's save is kept
    cell = page.locator("#kazakhstan-ue-2 td.column-ru")
    cell.locator("details.add-note summary").click()
    cell.get_by_label("Note for the translator").fill("Имя по глоссарию")
    cell.get_by_role("button", name="Add the note").click()
    page.wait_for_load_state()
    assert "Имя по глоссарию" in page.locator("#kazakhstan-ue-2 td.column-ru").inner_text()
    assert _axe_violations(page) == []
    page.locator("#kazakhstan-ue-2 td.column-ru form.resolve button").click()
    page.wait_for_load_state()
    assert "Имя по глоссарию" not in page.locator("#kazakhstan-ue-2 td.column-ru").inner_text()
    page.screenshot(path=str(project / "serve.png"))
    assert "# note:" not in _po(project).read_text(encoding="utf-8")


def test_a_correction_is_written_and_shown(client, project):
    seen = _seen(client.get(PAGE).text, 2)
    answer = client.post("/edit/correct", data=_form(2, text="Касым-Жомарт\r\nТокаев на саммите", seen=seen))
    assert answer.status_code == 303 and answer.headers["location"] == f"{PAGE}#kazakhstan-ue-2"
    entry = read_catalog(_po(project), "ru").find(CAPTION)
    assert (entry.msgstr, entry_state(entry)) == ("Касым-Жомарт\nТокаев на саммите", State.REVIEWED)
    assert "Касым-Жомарт\nТокаев на саммите</textarea>" in client.get(PAGE).text
    assert client.post("/edit/correct", data=_form(2, text="x", seen=seen, token="guessed")).status_code == 403
    assert client.post("/edit/correct", data=_form(2, text="x")).status_code == 400
    assert read_catalog(_po(project), "ru").find(CAPTION).msgstr == "Касым-Жомарт\nТокаев на саммите"


def test_a_correction_over_a_translators_save_shows_both_texts_and_keeps_the_translators(client, project):
    seen = _seen(client.get(PAGE).text, 1)
    _poedit_save(_po(project), TITLE, "Между минералами & <геополитикой>")
    before = _po(project).read_bytes()
    answer = client.post("/edit/correct", data=_form(1, text="Между рудами <b>и</b> геополитикой", seen=seen))
    assert answer.status_code == 409 and _po(project).read_bytes() == before
    assert "Между минералами &amp; &lt;геополитикой&gt;" in answer.text
    assert "Между рудами &lt;b&gt;и&lt;/b&gt; геополитикой</textarea>" in answer.text and "<b>" not in answer.text
    again = re.search(r'name="seen" value="([0-9a-f]+)"', answer.text).group(1)
    assert again != seen
    assert client.post("/edit/correct", data=_form(1, text="Между рудами и геополитикой: путь",
                                                seen=again)).status_code == 303
    assert read_catalog(_po(project), "ru").find(TITLE).msgstr == "Между рудами и геополитикой: путь"


def test_each_page_asks_whether_it_changed_and_nothing_else_is_answered(client, project):
    page = client.get(PAGE).text
    assert '/live?page=compare/kazakhstan-ue.html' in page and "location.reload()" in page
    assert '/live?page=compare/index.html' in client.get("/compare/").text
    first = client.get("/live", params={"page": "compare/kazakhstan-ue.html"})
    assert first.status_code == 200 and client.get("/live", params={"page": "compare/kazakhstan-ue.html"}).text == first.text
    assert client.get("/live", params={"page": "ru/kazakhstan-ue.html"}).status_code == 200
    assert client.get("/live", params={"page": "../pyproject.toml"}).status_code == 404
    dashboard = client.get("/live", params={"page": "compare/index.html"}).text
    client.post("/edit/approve", data=_form(1))
    assert client.get("/live", params={"page": "compare/kazakhstan-ue.html"}).text != first.text
    assert client.get("/live", params={"page": "compare/index.html"}).text != dashboard  # one more approved


def test_an_editor_corrects_in_a_browser_and_a_translators_save_meanwhile_is_kept(server, browser, project):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{server}{PAGE}")
    cell = page.locator("#kazakhstan-ue-2 td.column-ru")
    cell.locator("details.correct summary").click()
    assert _axe_violations(page) == []
    cell.get_by_label("Corrected translation").fill("Касым-Жомарт Токаев на саммите")
    cell.get_by_role("button", name="Save the correction").click()
    page.wait_for_url(re.compile(r"/compare/kazakhstan-ue\.html#kazakhstan-ue-2$"))
    cell = page.locator("#kazakhstan-ue-2 td.column-ru")
    assert "Касым-Жомарт Токаев на саммите" in cell.locator("p[lang=ru]").inner_text()
    assert cell.locator(".badge").first.get_attribute("class") == "badge badge-reviewed"
    # The translator saves the title in a PO editor after the page was made, before the editor's correction.
    _poedit_save(_po(project), TITLE, "Между минералами и геополитикой")
    cell = page.locator("#kazakhstan-ue-1 td.column-ru")
    cell.locator("details.correct summary").click()
    cell.get_by_label("Corrected translation").fill("Между рудами и геополитикой: путь Казахстана")
    cell.get_by_role("button", name="Save the correction").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text() == "The translation changed meanwhile"
    assert page.locator("p.theirs").inner_text() == "Между минералами и геополитикой"
    mine = page.get_by_label("Your correction, to save over the catalog’s text")
    assert mine.input_value() == "Между рудами и геополитикой: путь Казахстана"
    assert read_catalog(_po(project), "ru").find(TITLE).msgstr == "Между минералами и геополитикой"
    assert _axe_violations(page) == []
    page.get_by_role("button", name="Save my correction").click()
    page.wait_for_url(re.compile(r"/compare/kazakhstan-ue\.html#kazakhstan-ue-1$"))
    assert read_catalog(_po(project), "ru").find(TITLE).msgstr == "Между рудами и геополитикой: путь Казахстана"
    assert read_catalog(_po(project), "ru").find(CAPTION).msgstr == "Касым-Жомарт Токаев на саммите"


def test_the_open_page_shows_a_catalog_saved_meanwhile_without_a_manual_reload(start_server, browser, project):
    expect = pytest.importorskip("playwright.sync_api").expect
    server = start_server([project / "source", project / "locales"])
    page = browser.new_page()
    page.goto(f"{server}{PAGE}#kazakhstan-ue-2")
    cell = page.locator("#kazakhstan-ue-2 td.column-ru")
    expect(cell).to_contain_text("Токаев на саммите")
    time.sleep(0.5)  # the watcher is running
    _poedit_save(_po(project), CAPTION, "Касым-Жомарт Токаев на саммите")
    expect(cell).to_contain_text("Касым-Жомарт Токаев на саммите", timeout=15000)
    article = browser.new_page()
    article.goto(f"{server}/ru/kazakhstan-ue.html")
    _poedit_save(_po(project), TITLE, "Между рудами, геополитикой и Европой")
    expect(article.get_by_role("heading", level=1)).to_have_text("Между рудами, геополитикой и Европой",
                                                                  timeout=15000)
