"""Catalog text as msgcat writes it: no-wrap entries, and lines broken where msgcat breaks them."""

import random

import polib
import pytest

from support import SEED, gettext_tool
from l10n_article.translate.catalog.format import format_catalog

LONG = " ".join(SEED.read_text(encoding="utf-8").split()[:60])


def _catalog(*entries: polib.POEntry) -> polib.POFile:
    catalog = polib.POFile()
    catalog.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": "en"}
    for entry in entries:
        catalog.append(entry)
    return catalog


def test_no_wrap_entries_are_written_unwrapped_as_msgcat_writes_them(tmp_path):
    catalog = _catalog(
        polib.POEntry(msgid=LONG, msgstr=LONG.upper(), flags=["no-wrap"]),
        polib.POEntry(msgid="Short.\n" + LONG + "\nend", msgstr="x", flags=["no-wrap", "l10n-ignore-length"]),
        polib.POEntry(msgid="%(n)s " + LONG, msgstr="v", flags=["no-wrap", "python-format"]),
        polib.POEntry(msgid="Edited " + LONG, msgstr="y", flags=["fuzzy", "no-wrap"], previous_msgid=LONG + " old"),
        polib.POEntry(msgid="Gone " + LONG, msgstr="z", flags=["no-wrap"], obsolete=True),
        polib.POEntry(msgid="Wrapped " + LONG, msgstr="w"))
    path = tmp_path / "no-wrap.po"
    path.write_text(format_catalog(catalog), encoding="utf-8")
    text = path.read_text(encoding="utf-8")
    assert f'msgid "{LONG}"' in text and f'#| msgid "{LONG} old"' in text and f'#~ msgid "Gone {LONG}"' in text
    assert f'msgid "Wrapped {LONG}"' not in text  # entries without the flag still wrap
    gnu = gettext_tool("msgcat", str(path), "-o", "-").stdout
    assert gnu == text.replace("#, no-wrap, l10n-ignore-length", "#, no-wrap")  # msgcat drops unknown flags


def _url(rng: random.Random) -> str:
    """A web address: scheme, host (a port, an IP), path, query string, fragment."""
    host = rng.choice(["example.org", "www.news.example.com", "kz.gov.kz", "a-b.c-d.fr", "localhost:8080", "10.0.0.1"])
    path = "".join("/" + rng.choice(["rapport", "2025", "kazakhstan-ue", "x_y", "file.pdf", "~user", "%C3%A9t%C3%A9",
                                     "index.html", "v1.2", "été", "a,b"]) for _ in range(rng.randint(0, 4)))
    query = "&".join(f"{rng.choice(['q', 'id', 'utm_source'])}={rng.choice(['1', 'fr', 'a-b', 'x%20y', '20/30'])}"
                     for _ in range(rng.randint(0, 3)))
    fragment = rng.choice(["", "", "#top", "#section-2"])
    return rng.choice(["http://", "https://", ""]) + host + path + (f"?{query}" if query else "") + fragment


def _url_like(rng: random.Random, words: list[str]) -> str:
    """A word of a news text, or something a line must not be broken in as a word would be."""
    makers = [
        lambda: rng.choice(words),
        lambda: _url(rng),
        lambda: f"[{rng.choice(words)}]({_url(rng)})",
        lambda: f"{rng.choice(['jean.dupont', 'x+tag', 'info'])}@{rng.choice(['example.org', 'mail.kz'])}",
        lambda: rng.choice(["/usr/share/locale", "C:\\Users\\a", "./a/b", "~/docs/a.md", "source/a.md:12"]),
        lambda: rng.choice(words).rstrip(",.") + "," + rng.choice(words),
        lambda: rng.choice(words) + "-" + rng.choice(words),
        lambda: rng.choice(["1.234,5", "20/30", "12,5 %", "1 000", "2025-04-04", "4/4/2025", "10:30", "-5", "+33",
                            "50/50%", "(1)", "x=1", "a&b", "a#b", "a~b", "—a", "a–b", "U.S.", "word.Next"]),
    ]
    return rng.choice(makers)()


@pytest.mark.parametrize("seed", range(4))
def test_lines_with_urls_paths_and_numbers_wrap_where_msgcat_wraps_them(tmp_path, seed):
    """Addresses, paths, ",word", hyphens and numbers among the article's words: msgcat leaves the file as written."""
    rng = random.Random(seed)
    words = SEED.read_text(encoding="utf-8").split()
    entries = []
    for number in range(150):
        text = rng.choice([" ", " ", " ", "  ", ""]).join(_url_like(rng, words) for _ in range(rng.randint(1, 30)))
        entries.append(polib.POEntry(msgid=f"{number} {text}", msgstr=text.upper() if rng.random() < 0.5 else text,
                                     obsolete=rng.random() < 0.1, previous_msgid=text if rng.random() < 0.2 else None,
                                     flags=["fuzzy"] if rng.random() < 0.2 else []))
    ours, gnu = _catalog_text(tmp_path, entries)
    assert gnu == ours


def _catalog_text(tmp_path, entries: list[polib.POEntry]) -> tuple[str, str]:
    """The file our writer produces, and what msgcat makes of it."""
    path = tmp_path / "random.po"
    path.write_text(format_catalog(_catalog(*entries)), encoding="utf-8")
    return path.read_text(encoding="utf-8"), gettext_tool("msgcat", str(path), "-o", "-").stdout


@pytest.mark.parametrize("seed", range(3))
def test_directives_escapes_and_column_counting_match_msgcat(tmp_path, seed):
    """python-format directives (valid, invalid, named and unnamed mixed: gettext stops reading at
    the first bad one), escapes, wide and zero-width characters, Hangul jamo, line separators."""
    rng = random.Random(seed)
    words = SEED.read_text(encoding="utf-8").split()
    extras = ["%(nom-de-famille)s", "%(long name)s", "%(e.mail)s", "% d", "%d", "%5.2f", "%%", "50 % de", "%C3%A9",
              "%(a)s%(b)s", "%s,%s", '"quoted"', "back\\slash", "tab\there", "a\u0301", "東京都の", "«", "»",
              "\u1100\u1161\u11a8", "\u2028", "\U0001F466\U0001F3FB", "\u05d0-\u05d1", "x\u200by", "\u00a0:",
              "\u3002\u300c"]
    entries = []
    for number in range(150):
        text = rng.choice([" ", " ", "  ", ""]).join(rng.choice(rng.choice([words, extras]))
                                                       for _ in range(rng.randint(1, 40)))
        python_format = "%" in text and rng.random() < 0.7
        flags = (["fuzzy"] if rng.random() < 0.2 else []) + (["python-format"] if python_format else [])
        entries.append(polib.POEntry(msgid=f"{number} {text}", msgstr=text, flags=flags,
                                     previous_msgid=text if rng.random() < 0.2 else None))
    ours, gnu = _catalog_text(tmp_path, entries)
    assert gnu == ours


def test_characters_that_unicode_reclassed_after_version_14_break_as_msgcat_breaks_them(tmp_path):
    """Arabic number signs, Balinese and Javanese digits and letters, vertical forms, half marks:
    libunistring keeps their Unicode 14 classes, whatever uniseg's newer tables say."""
    rng = random.Random(0)
    reclassed = [chr(code) for code in [*range(0x0600, 0x0606), 0x06DD, 0x0890, 0x08E2, 0x19DA, 0x2057, 0x1B44,
                                        *range(0x1B50, 0x1B5A), 0x1B5C, 0x1B61, 0x1BF2, 0x1DCD, 0x2E56, 0xA9C0,
                                        0xA9C1, 0xA9CF, *range(0xA9D0, 0xA9DA), 0xAA40, 0xFE10, 0xFE13, 0xFE20,
                                        0x1F10D, 0x1F8B0, 0x11049, 0x11066]]
    others = ["a", "1", " ", "(", ")", "-", "/", ".", "%", "«", "\u0301", "東"]
    entries = []
    for number in range(120):
        text = "".join(rng.choice(rng.choice([reclassed, others])) for _ in range(rng.randint(40, 160)))
        entries.append(polib.POEntry(msgid=f"{number} {text}", msgstr=text))
    ours, gnu = _catalog_text(tmp_path, entries)
    assert gnu == ours
