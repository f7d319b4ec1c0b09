"""The pages' own interface strings: a gettext domain extracted from the Jinja2 templates by Babel."""

from pathlib import Path

import polib
from babel.messages.extract import extract_from_dir

from l10n_article.render.context import UI_DOMAIN, Domain, Project

TEMPLATES = Path(__file__).parent / "templates"
METHODS = [("**.html", "jinja2.ext:babel_extract")]
OPTIONS = {"**.html": {"extensions": "jinja2.ext.i18n", "trimmed": "true"}}


def ui_entries() -> list[polib.POEntry]:
    """One entry per interface string, as Babel's Jinja2 extractor finds them."""
    entries = []
    for filename, line, message, comments, context in extract_from_dir(
            TEMPLATES, METHODS, OPTIONS, comment_tags=("Translators:",), strip_comment_tags=True):
        singular, plural = (message, None) if isinstance(message, str) else message[:2]
        flags = ["python-format"] if "%(" in singular else []
        entries.append(polib.POEntry(msgid=singular, msgid_plural=plural, msgctxt=context,
                                     msgstr_plural={0: "", 1: ""} if plural else {},
                                     occurrences=[(f"render/templates/{filename}", str(line))],
                                     comment="\n".join(comments), flags=flags))
    return entries


def ui_domain(project: Project) -> Domain:
    """Interface strings (English msgids) are translated into every page language, the source included."""
    return Domain(UI_DOMAIN, "the pages' interface strings", ui_entries(),
                  (project.source_language, *project.languages), msgid_language="en")
