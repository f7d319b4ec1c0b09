"""Input a user (or an attacker with write access to a catalog) controls: escaped on the pages, or
refused with one line naming the file and the entry, never a traceback and never a half-built site."""

import html.parser

import pytest

from l10n_article.translate.catalog.pofile import read_catalog, write_catalog


def ui_catalog(project, language="en"):
    path = project / "locales" / language / "LC_MESSAGES" / "ui.po"
    return path, read_catalog(path, language)


def set_ui(project, msgid, msgstr, language="en"):
    """Give an interface string a reviewed translation, as a translator's editor would."""
    path, catalog = ui_catalog(project, language)
    catalog.find(msgid).msgstr = msgstr
    write_catalog(catalog, path)


def entry_at(path, line):
    """The lines of the entry that starts at ``line`` (1-based), up to the blank line after it."""
    lines = path.read_text(encoding="utf-8").split("\n")[line - 1:]
    return "\n".join(lines[:lines.index("")] if "" in lines else lines)


class Texts(html.parser.HTMLParser):
    """Every start tag, and the text and attribute values as a browser reads them."""

    def __init__(self, text):
        super().__init__()
        self.tags, self.data = [], []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.data.append(data)


def test_interface_translations_are_text_never_markup(project, l10n):
    l10n(project, "update")
    set_ui(project, "Read in:", "Read in<script>alert(document.domain)</script>:")
    set_ui(project, "Languages", 'Lang" onmouseover="alert(1)')
    set_ui(project, "Not yet translated", "<b>Not</b> yet & translated")
    assert l10n(project, "build")[0] == 0
    text = (project / "build" / "en" / "kazakhstan-ue.html").read_text(encoding="utf-8")
    parsed = Texts(text)
    assert "script" not in [tag for tag, _ in parsed.tags] and "b" not in [tag for tag, _ in parsed.tags]
    assert "Read in<script>alert(document.domain)</script>:" in parsed.data
    nav = next(attrs for tag, attrs in parsed.tags if tag == "nav")
    assert nav == {"class": "languages", "aria-label": 'Lang" onmouseover="alert(1)'}
    assert "<b>Not</b> yet & translated" in "".join(parsed.data)


def test_the_templates_own_markup_and_placeholders_still_work(project, l10n):
    l10n(project, "update")
    set_ui(project, "Some passages are not translated yet: they are shown in the original language "
                    "(%(language)s) and marked.", "In <%(language)s> & marked: 100%%.")
    assert l10n(project, "build")[0] == 0
    text = (project / "build" / "en" / "kazakhstan-ue.html").read_text(encoding="utf-8")
    assert '<p class="l10n-notice" role="note">In &lt;French&gt; &amp; marked: 100%.</p>' in text


BROKEN = {
    "a lone percent sign": ("Read in:", "Read 100% in:"),
    "a placeholder the original does not have": (
        "Some passages are not translated yet: they are shown in the original language (%(language)s) and "
        "marked.", "Not translated yet, shown in the original (%(lang)s)."),
    "a number where the original formats text": (
        "Some passages are not translated yet: they are shown in the original language (%(language)s) and "
        "marked.", "Not translated yet, shown in the original (%(language)d)."),
}


@pytest.mark.parametrize("msgid, msgstr", BROKEN.values(), ids=BROKEN.keys())
def test_a_broken_interface_translation_is_one_line_naming_its_entry(project, l10n, msgid, msgstr):
    l10n(project, "update")
    set_ui(project, msgid, msgstr)
    status, _, err = l10n(project, "build")
    path = project / "locales" / "en" / "LC_MESSAGES" / "ui.po"
    assert status == 2 and err.count("\n") == 1 and "Traceback" not in err
    where, line, message = err.split(":", 2)
    assert where == str(path) and msgstr in entry_at(path, int(line)).replace('"\n"', "")
    assert not (project / "build").exists()


HEADERS = {
    "an unbalanced Plural-Forms expression": ("Plural-Forms", "nplurals=2; plural=((n != 1);", "Plural-Forms"),
    "a Plural-Forms expression that is not C": ("Plural-Forms", "nplurals=2; plural=n != 1 +;", "Plural-Forms"),
    "another charset": ("Content-Type", "text/plain; charset=ISO-8859-1", "ISO-8859-1"),
}


@pytest.mark.parametrize("field, value, named", HEADERS.values(), ids=HEADERS.keys())
def test_a_broken_interface_header_is_one_line_naming_its_line(project, l10n, field, value, named):
    l10n(project, "update")
    path, catalog = ui_catalog(project, "ru")
    catalog.metadata[field] = value
    write_catalog(catalog, path)
    status, _, err = l10n(project, "build")
    assert status == 2 and err.count("\n") == 1 and "Traceback" not in err
    where, line, message = err.split(":", 2)
    assert where == str(path) and named in message
    assert entry_at(path, int(line)).split("\n")[0] == f'"{field}: {value}\\n"'
    assert not (project / "build").exists()


def test_a_yaml_alias_bomb_in_front_matter_is_refused_at_once(project, l10n):
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f'{name}: &{name} [{",".join([f"*{prev}"] * 9)}]' for prev, name in zip("abcdefgh", "bcdefghi")]
    article = project / "source" / "kazakhstan-ue.md"
    text = article.read_text(encoding="utf-8").replace("---\n", "---\n" + "\n".join(lines) + "\nslug: *i\n", 1)
    article.write_text(text, encoding="utf-8")
    status, _, err = l10n(project, "extract")
    assert status == 2 and err.count("\n") == 1 and len(err) < 300
    assert err.startswith(f"{article}:3: invalid front matter: aliases")
    assert not (project / "locales").exists()


def test_front_matter_values_are_quoted_short_in_messages(project, l10n):
    article = project / "source" / "kazakhstan-ue.md"
    text = article.read_text(encoding="utf-8").replace("slug: kazakhstan-ue", "slug: " + "Z" * 10_000)
    article.write_text(text, encoding="utf-8")
    status, _, err = l10n(project, "extract")
    assert status == 2 and err.count("\n") == 1 and len(err) < 300 and "invalid slug 'ZZZ" in err


def test_front_matter_longer_than_a_few_keys_is_refused(project, l10n):
    article = project / "source" / "kazakhstan-ue.md"
    filler = "".join(f"key{n}: {'x' * 70}\n" for n in range(1000))
    article.write_text(article.read_text(encoding="utf-8").replace("---\n", "---\n" + filler, 1), encoding="utf-8")
    status, _, err = l10n(project, "extract")
    assert status == 2 and err == f"{article}:1: front matter longer than 16384 characters\n"


def test_an_article_file_name_with_a_line_break_is_refused(project, l10n):
    (project / "source" / "kazakhstan-ue.md").rename(project / "source" / "kazakhstan\nue.md")
    status, _, err = l10n(project, "extract")
    assert status == 2 and err.count("\n") == 1 and err.startswith(f"{project / 'source'}: ")
    assert "'kazakhstan\\nue.md'" in err
    assert not (project / "locales").exists()


SETTINGS = {
    "a language listed twice": ('[tool.l10n]\nlanguages = ["en", "ru", "kk", "en"]\n', None,
                                "[tool.l10n] languages lists en twice"),
    "l10n a string in [tool]": ('[tool]\nl10n = "oops"\n', 2, "[tool.l10n] must be a table"),
    "tool a string": ('tool = "oops"\n', 1, "[tool.l10n] must be a table"),
    "a dotted key": ('name = "x"\ntool.l10n = 3\n', 2, "[tool.l10n] must be a table"),
}


@pytest.mark.parametrize("config, line, message", SETTINGS.values(), ids=SETTINGS.keys())
def test_settings_that_are_not_a_table_or_repeat_a_language_are_one_line(project, l10n, config, line, message):
    config_path = project / "pyproject.toml"
    config_path.write_text(config, encoding="utf-8")
    status, _, err = l10n(project, "status")
    where = f"{config_path}:{line}: " if line else f"{config_path}: "
    assert status == 2 and err.startswith(where + message) and err.count("\n") == 1
