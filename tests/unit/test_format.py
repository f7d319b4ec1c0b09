"""Catalog text as msgcat writes it: no-wrap entries, and line breaking identical to UAX #14 as before."""

import random

import polib
import pytest
from uniseg.linebreak import line_break_boundaries

from support import SEED, gettext_tool
from l10n_article.translate.catalog.format import _boundaries, _gnu_quotes, format_catalog

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


@pytest.mark.parametrize("seed", range(3))
def test_break_opportunities_are_uax14_as_uniseg_computes_them_on_the_whole_text(seed):
    """Cutting the text at spaces before letters changes no opportunity (and makes it linear)."""
    rng = random.Random(seed)
    words = SEED.read_text(encoding="utf-8").split() + [
        "«", "»", "“x”", "(a", "b)", "12,5", "1 000", "a\u0301", "東京", "l’UE", "a—b", "?", "\u200b", "’"]
    for _ in range(60):
        text = rng.choice([" ", "  "]).join(rng.choice(words) for _ in range(rng.randint(1, 50)))
        assert _boundaries(text) == set(line_break_boundaries(text, tailor=_gnu_quotes)), text
