"""Photos in ``::: figure``: the image copied with its size, its alt text and caption translated."""

import struct
import zlib

import polib
import pytest

from l10n_article.translate.catalog.pofile import read_catalog, write_catalog
from l10n_article.translate.source.article import parse_article
from support import snapshot
from support.pages import Elements, axe_violations, nu_errors

ARTICLE = """---
slug: photo
---

# Le sommet

::: figure
![Le président au pupitre](images/summit.png)

Le président au sommet de Samarcande
:::

Un paragraphe.
"""


def png(width: int, height: int) -> bytes:
    """A real PNG file of ``width`` × ``height`` grey pixels."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    rows = b"".join(b"\0" + b"\x80" * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


@pytest.fixture
def photographed(project):
    for old in (project / "source").glob("*.md"):
        old.unlink()
    (project / "source" / "images").mkdir()
    (project / "source" / "images" / "summit.png").write_bytes(png(40, 30))
    (project / "source" / "photo.md").write_text(ARTICLE, encoding="utf-8")
    return project


def test_the_alt_text_and_the_caption_are_two_entries(photographed, l10n):
    assert l10n(photographed, "extract")[0] == 0
    entries = {entry.msgid: entry for entry in polib.pofile(str(photographed / "locales" / "photo.pot"))}
    assert entries["Le président au pupitre"].comment == "alt text"
    assert entries["Le président au sommet de Samarcande"].comment == "caption"
    assert not any("images/summit.png" in msgid for msgid in entries)


def test_the_page_shows_the_photo_with_its_translated_alt_text_and_caption(photographed, l10n):
    l10n(photographed, "update")
    path = photographed / "locales" / "en" / "LC_MESSAGES" / "photo.po"
    catalog = read_catalog(path, "en")
    catalog.find("Le président au pupitre").msgstr = "The president at the lectern"
    catalog.find("Le président au sommet de Samarcande").msgstr = "The president at the Samarkand summit"
    write_catalog(catalog, path)
    assert l10n(photographed, "build")[0] == 0
    page = (photographed / "build" / "en" / "photo.html").read_text(encoding="utf-8")
    figure = page[page.index("<figure"):page.index("</figure>") + 9]
    tags = [(tag, attrs) for tag, attrs in Elements(figure).tags]
    assert [tag for tag, _ in tags] == ["figure", "img", "figcaption", "p"]
    assert tags[1][1] == {"src": "../media/photo/images/summit.png", "alt": "The president at the lectern",
                          "lang": "en", "width": "40", "height": "30"}
    assert "The president at the Samarkand summit" in figure
    copied = photographed / "build" / "media" / "photo" / "images" / "summit.png"
    assert copied.read_bytes() == (photographed / "source" / "images" / "summit.png").read_bytes()
    french = (photographed / "build" / "fr" / "photo.html").read_text(encoding="utf-8")
    assert 'alt="Le président au pupitre" lang="fr"' in french
    pages = [photographed / "build" / language / "photo.html" for language in ("fr", "en")]
    assert nu_errors(pages)[0] == 0
    for page in pages:
        assert axe_violations([page]) == {page.name: []}


@pytest.mark.parametrize("line, message", [
    ("![Le président au pupitre](images/missing.png)", "no image file 'images/missing.png' beside the article"),
    ("![Le président au pupitre](../../etc/passwd)", "no image file '../../etc/passwd' beside the article"),
    ("![](images/summit.png)", "the photo 'images/summit.png' has no alt text: write it between the brackets, "
                               "![…](images/summit.png)"),
])
def test_a_photo_that_cannot_be_published_is_one_line_and_changes_nothing(photographed, l10n, line, message):
    article = photographed / "source" / "photo.md"
    article.write_text(ARTICLE.replace("![Le président au pupitre](images/summit.png)", line), encoding="utf-8")
    before = snapshot(photographed)
    assert l10n(photographed, "build") == (2, "", f"{article}:8: {message}\n")
    assert snapshot(photographed) == before


def test_the_markdown_export_keeps_the_image_with_its_translated_alt_text(photographed, l10n):
    l10n(photographed, "update")
    path = photographed / "locales" / "en" / "LC_MESSAGES" / "photo.po"
    catalog = read_catalog(path, "en")
    catalog.find("Le président au pupitre").msgstr = "The president at the lectern"
    write_catalog(catalog, path)
    assert l10n(photographed, "export", "--lang", "en")[0] == 0
    exported = photographed / "build-md" / "en" / "photo.md"
    assert "![The president at the lectern](images/summit.png)" in exported.read_text(encoding="utf-8")
    assert [s.kind for s in parse_article(exported, "en").segments] == ["title", "alt text", "caption", "paragraph"]
