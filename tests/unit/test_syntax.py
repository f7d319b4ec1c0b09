"""Every refusal of the PO syntax check, at the line GNU msgfmt names; strings read as msgfmt reads them."""

import gettext
import re
from pathlib import Path

import pytest

from support import gettext_tool
from l10n_article.translate.catalog.format import format_catalog
from l10n_article.translate.catalog.pofile import parse_catalog
from l10n_article.translate.catalog.syntax import check_syntax
from l10n_article.translate.errors import L10nError

HEADER = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'

# id: (the file after the header, the start of our message, the line both tools name)
REFUSALS = {
    "msgstr-without-msgid": ('msgctxt "menu"\nmsgstr "x"\n', "unexpected msgstr, expected msgid", 6),
    "plural-form-out-of-order": ('msgid "a"\nmsgid_plural "as"\nmsgstr[0] "x"\nmsgstr[2] "y"\n',
                                 "msgstr out of order, expected msgstr[1]", 8),
    "plural-form-without-msgid-plural": ('msgid "a"\nmsgstr[0] "x"\n', "missing msgid_plural before msgstr[N]", 5),
    "duplicate": ('msgid "Newsletter"\nmsgstr "A"\n\nmsgid "Newsletter"\nmsgstr "B"\n',
                  "duplicate message definition (first defined at line 6)", 8),
    "duplicate-split-otherwise": ('msgid "Newsletter"\nmsgstr "A"\n\nmsgid ""\n"News"\n"letter"\nmsgstr "B"\n',
                                  "duplicate message definition (first defined at line 6)", 8),
    "duplicate-through-escapes": ('msgid "\\101"\nmsgstr "A"\n\nmsgid "A"\nmsgstr "B"\n',
                                  "duplicate message definition (first defined at line 6)", 8),
    "duplicate-active-and-obsolete": ('msgid "Newsletter"\nmsgstr "A"\n\n#~ msgid "Newsletter"\n#~ msgstr "B"\n',
                                      "duplicate message definition (first defined at line 6)", 8),
    "duplicate-obsolete": ('#~ msgctxt "c"\n#~ msgid "Old"\n#~ msgstr "A"\n\n#~ msgctxt "c"\n#~ msgid "Old"\n'
                           '#~ msgstr "B"\n', "duplicate message definition (first defined at line 7)", 10),
    "entry-without-msgstr": ('msgid "a"\nmsgstr "x"\n\nmsgid "b"\n\n# a comment\n', "entry ends without msgstr", 8),
    "msgstr-after-msgid-plural": ('msgid "a"\nmsgid_plural "as"\nmsgstr "x"\n', "unexpected msgstr, expected msgstr[N]", 7),
    "msgid-plural-after-msgstr": ('msgid "a"\nmsgstr "x"\nmsgid_plural "as"\n', "unexpected msgid_plural", 7),
    "unterminated-string": ('msgid "a\nmsgstr "x"\n', "unterminated string or invalid escape sequence", 5),
    "invalid-escape": ('msgid "a\\q"\nmsgstr "x"\n', "unterminated string or invalid escape sequence", 5),
    "not-po-syntax": ('msgid "a"\nmsgstr "x"\nhello\n', "syntax error: 'hello' is not PO syntax", 7),
}


def _gnu_line(text: str, tmp_path) -> int:
    path = tmp_path / "bad.po"
    path.write_text(text, encoding="utf-8")
    result = gettext_tool("msgfmt", "--check", "-o", "/dev/null", str(path))
    assert result.returncode != 0, "msgfmt accepts it"
    return int(re.search(rf"{re.escape(str(path))}:(\d+):", result.stderr).group(1))


@pytest.mark.parametrize("case", sorted(REFUSALS))
def test_each_refusal_names_the_line_msgfmt_names(case, tmp_path):
    body, message, line = REFUSALS[case]
    with pytest.raises(L10nError) as caught:
        check_syntax(HEADER + body, Path("fr.po"))
    assert caught.value.message.startswith(message)
    assert (str(caught.value.path), caught.value.line) == ("fr.po", line)
    # msgfmt counts the newline that ends an unterminated string: it names the line after it
    assert _gnu_line(HEADER + body, tmp_path) == line + (case == "unterminated-string")


def test_a_string_before_any_keyword_is_refused_at_its_line(tmp_path):
    text = '"stray"\n' + HEADER
    with pytest.raises(L10nError) as caught:
        check_syntax(text, Path("fr.po"))
    assert (caught.value.message, caught.value.line) == ("string without a keyword before it", 1)
    assert _gnu_line(text, tmp_path) == 1


def test_escapes_that_are_not_utf8_are_refused_at_their_line():
    """msgfmt copies such bytes as they are; a catalog of UTF-8 text cannot hold them."""
    with pytest.raises(L10nError) as caught:
        check_syntax(HEADER + 'msgid "a"\nmsgstr "\\342\\200"\n', Path("fr.po"))
    assert (caught.value.message, caught.value.line) == ("invalid multibyte sequence in an escaped string", 6)


ESCAPES = ('msgid "dash \\342\\200\\224, hex \\x41\\x42, octal \\101, bell \\a, tab \\t, quote \\", back \\\\101"\n'
           'msgstr "tiret \\342\\200\\224 \\x4a"\n\n'
           '#~ msgid "obsolete \\303\\251"\n#~ msgstr "\\x41"\n')


def test_octal_and_hex_escapes_are_read_as_msgfmt_reads_them(tmp_path):
    source = tmp_path / "escapes.po"
    source.write_text(HEADER + ESCAPES, encoding="utf-8")
    compiled = tmp_path / "escapes.mo"
    assert gettext_tool("msgfmt", "-o", str(compiled), str(source)).returncode == 0
    with compiled.open("rb") as handle:
        expected = {k: v for k, v in gettext.GNUTranslations(handle)._catalog.items() if k}
    catalog = parse_catalog(HEADER + ESCAPES, source)
    assert {e.msgid: e.msgstr for e in catalog if not e.obsolete} == expected
    assert catalog.obsolete_entries()[0].msgid == "obsolete é"
    assert format_catalog(catalog) == gettext_tool("msgcat", str(source), "-o", "-").stdout


def test_a_catalog_without_escapes_is_read_as_polib_reads_it():
    messages = check_syntax(HEADER + 'msgid "a"\nmsgstr "b \\"c\\""\n', Path("fr.po"))
    assert [(m.msgid, m.msgstr, m.beyond_polib) for m in messages][1:] == [("a", 'b "c"', False)]
