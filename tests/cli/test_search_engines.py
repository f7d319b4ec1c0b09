"""What search engines and aggregators read, from [tool.l10n] base-url: canonical and alternate
addresses, Open Graph, sitemap.xml and a feed per language; nothing of it without a base-url."""

import html.parser
import shutil

import feedparser
import pytest
from lxml import etree

from support import CAPTION, DATA, REPO, snapshot, translate_entries
from support.pages import NODE, axe_violations, nu_errors

BASE = "https://news.example.org/kz/"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"
FRONT = """slug: kazakhstan-ue
lang: fr
date: 2025-04-04
updated: 2025-04-07
author: Aïgerim Nurlanovna
section: International
summary: Au sommet de Samarcande, le Kazakhstan s’affirme face à l’UE.
"""


class Head(html.parser.HTMLParser):
    """The ``<link>`` and ``<meta property>`` elements of a page."""

    def __init__(self, text):
        super().__init__()
        self.links, self.properties = [], []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link":
            self.links.append(attrs)
        elif tag == "meta" and "property" in attrs:
            self.properties.append((attrs["property"], attrs["content"]))

    def alternates(self):
        return {a["hreflang"]: a["href"] for a in self.links if a["rel"] == "alternate" and "hreflang" in a}


@pytest.fixture
def online(project):
    """The project with its committed catalogs, article metadata and a base-url."""
    shutil.copytree(REPO / "locales", project / "locales")
    shutil.rmtree(project / "locales" / "published")
    article = project / "source" / "kazakhstan-ue.md"
    article.write_text(article.read_text(encoding="utf-8").replace("slug: kazakhstan-ue\nlang: fr\n", FRONT),
                       encoding="utf-8")
    config = project / "pyproject.toml"
    config.write_text(config.read_text(encoding="utf-8") + 'base-url = "https://news.example.org/kz"\n',
                      encoding="utf-8")
    return project


def page(project, language, name="kazakhstan-ue.html"):
    return (project / "build" / language / name).read_text(encoding="utf-8")


def test_canonical_address_and_alternates_to_every_published_version(online, l10n):
    assert l10n(online, "build")[0] == 0
    for language in ("fr", "en", "ru", "kk"):
        head = Head(page(online, language))
        assert [a["href"] for a in head.links if a["rel"] == "canonical"] == [f"{BASE}{language}/kazakhstan-ue.html"]
        assert head.alternates() == {code: f"{BASE}{code}/kazakhstan-ue.html" for code in ("fr", "en", "ru", "kk")} \
            | {"x-default": f"{BASE}fr/kazakhstan-ue.html"}
    index = Head(page(online, "en", "index.html"))
    assert index.alternates()["x-default"] == f"{BASE}fr/index.html"


def test_no_alternate_to_a_page_left_out(online, l10n):
    translate_entries(online, "ru", {CAPTION: "Токаев"}, fuzzy={CAPTION})
    status, out, _ = l10n(online, "build", "--min-reviewed", "95")
    assert status == 0 and "skipped ru/kazakhstan-ue.html" in out
    for language in ("fr", "en", "kk"):
        assert "ru" not in Head(page(online, language)).alternates()
    sitemap = (online / "build" / "sitemap.xml").read_text(encoding="utf-8")
    assert "/ru/kazakhstan-ue.html" not in sitemap


def test_open_graph_and_article_properties(online, l10n):
    assert l10n(online, "build")[0] == 0
    properties = Head(page(online, "ru")).properties
    assert ("og:type", "article") in properties
    assert ("og:url", f"{BASE}ru/kazakhstan-ue.html") in properties
    assert ("og:locale", "ru_RU") in properties
    assert {value for name, value in properties if name == "og:locale:alternate"} == {"fr_FR", "en_US", "kk_KZ"}
    assert ("article:published_time", "2025-04-04") in properties
    assert ("article:modified_time", "2025-04-07") in properties
    assert ("article:author", "Aïgerim Nurlanovna") in properties
    assert ("article:section", "International") in properties
    assert ("og:description", "Au sommet de Samarcande, le Kazakhstan s’affirme face à l’UE.") in properties


def test_the_sitemap_lists_every_published_page_with_its_alternates(online, l10n):
    assert l10n(online, "build")[0] == 0
    root = etree.parse(str(online / "build" / "sitemap.xml")).getroot()
    assert root.tag == f"{SITEMAP}urlset"
    urls = {url.findtext(f"{SITEMAP}loc"): url for url in root.iter(f"{SITEMAP}url")}
    pages = {f"{BASE}{language}/{name}" for language in ("fr", "en", "ru", "kk")
             for name in ("kazakhstan-ue.html", "index.html")}
    assert set(urls) == pages
    for loc, url in urls.items():
        assert [child.tag for child in url][:1] == [f"{SITEMAP}loc"]
        links = {link.get("hreflang"): link.get("href") for link in url.iter(f"{XHTML}link")}
        assert all(link.get("rel") == "alternate" for link in url.iter(f"{XHTML}link"))
        assert loc in links.values() and set(links) == {"fr", "en", "ru", "kk", "x-default"}
    assert urls[f"{BASE}en/kazakhstan-ue.html"].findtext(f"{SITEMAP}lastmod") == "2025-04-07"


def test_the_sitemap_is_valid_against_the_sitemap_schema(online, l10n, tmp_path):
    """sitemaps.org's schema (as the npm package ``sitemap`` ships it), with the xhtml:link
    alternates declared (tests/data/schemas/xhtml-link.xsd)."""
    official = NODE / "sitemap" / "schema" / "sitemap.xsd"
    if not official.exists():
        pytest.skip("the sitemap schema comes with the npm package sitemap (npm install --no-save sitemap)")
    both = tmp_path / "both.xsd"
    both.write_text(f"""<?xml version="1.0" encoding="UTF-8"?>
<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema">
  <xsd:import namespace="http://www.sitemaps.org/schemas/sitemap/0.9" schemaLocation="{official.as_uri()}"/>
  <xsd:import namespace="http://www.w3.org/1999/xhtml" schemaLocation="{(DATA / 'schemas' / 'xhtml-link.xsd').as_uri()}"/>
</xsd:schema>
""", encoding="utf-8")
    assert l10n(online, "build")[0] == 0
    schema = etree.XMLSchema(etree.parse(str(both)))
    assert schema.validate(etree.parse(str(online / "build" / "sitemap.xml"))), schema.error_log
    broken = etree.parse(str(online / "build" / "sitemap.xml"))
    etree.SubElement(broken.getroot()[0], f"{SITEMAP}priority").text = "high"
    assert not schema.validate(broken)  # the schema does check


def test_a_valid_atom_feed_per_language(online, l10n):
    l10n(online, "update")
    translate_entries(online, "en", {"Au sommet de Samarcande, le Kazakhstan s’affirme face à l’UE.":
                                     "At the Samarkand summit, Kazakhstan stands up to the EU."})
    assert l10n(online, "build")[0] == 0
    for language in ("fr", "en", "ru", "kk"):
        feed = feedparser.parse((online / "build" / language / "feed.xml").read_bytes())
        assert feed.bozo == 0 and feed.version == "atom10"
        assert feed.feed.id == f"{BASE}{language}/feed.xml"
        [entry] = feed.entries
        assert entry.id == entry.link == f"{BASE}{language}/kazakhstan-ue.html"
        assert entry.updated_parsed[:3] == (2025, 4, 7) and entry.published_parsed[:3] == (2025, 4, 4)
        assert entry.author == "Aïgerim Nurlanovna" and entry.tags[0].term == "International"
    english = feedparser.parse((online / "build" / "en" / "feed.xml").read_bytes())
    assert english.entries[0].summary == "At the Samarkand summit, Kazakhstan stands up to the EU."
    assert english.entries[0].title.startswith("Between minerals and geopolitics")
    head = Head(page(online, "en"))
    assert {"rel": "alternate", "type": "application/atom+xml", "href": "feed.xml", "title": "Articles"} in head.links


def test_without_a_base_url_links_stay_relative_and_the_build_says_so_once(project, l10n):
    status, out, _ = l10n(project, "build")
    assert status == 0
    assert out.count("no base-url in [tool.l10n]") == 1
    built = snapshot(project / "build")
    assert "sitemap.xml" not in built and not any(name.endswith("feed.xml") for name in built)
    head = Head(page(project, "en"))
    assert not any(a["rel"] == "canonical" for a in head.links) and head.properties == []
    assert all(href.startswith("../") for href in head.alternates().values())


@pytest.mark.parametrize("value", ['"news.example.org"', '"ftp://example.org/"', "42"])
def test_a_base_url_that_is_not_an_address_is_one_line(project, l10n, value):
    config = project / "pyproject.toml"
    config.write_text(config.read_text(encoding="utf-8") + f"base-url = {value}\n", encoding="utf-8")
    status, _, err = l10n(project, "build")
    assert status == 2 and err.count("\n") == 1 and "base-url must be the site's absolute http(s) address" in err


def test_pages_with_their_metadata_are_valid_and_accessible(online, l10n):
    assert l10n(online, "build")[0] == 0
    pages = [online / "build" / language / "kazakhstan-ue.html" for language in ("fr", "ru")]
    assert nu_errors(pages + [online / "build" / "en" / "index.html"]) == (0, "")
    assert axe_violations(pages[1:]) == {"kazakhstan-ue.html": []}
