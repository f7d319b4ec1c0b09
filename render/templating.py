"""The Jinja2 environment of the pages: templates from this package, interface strings from gettext."""

import jinja2

from l10n_article.render.context import Workspace, language_name, text_direction
from l10n_article.render.ui import ui_translations


def environment(ws: Workspace, language: str) -> jinja2.Environment:
    """Templates with the interface strings of ``language`` installed, autoescaping on."""
    env = jinja2.Environment(loader=jinja2.PackageLoader("l10n_article.render", "templates"), autoescape=True,
                             extensions=["jinja2.ext.i18n"], trim_blocks=True, lstrip_blocks=True)
    install = getattr(env, "install_gettext_translations")  # added by the i18n extension
    install(ui_translations(ws, language), newstyle=True)
    return env


def static_file(name: str) -> str:
    """A style sheet kept beside the templates."""
    return jinja2.PackageLoader("l10n_article.render", "templates").get_source(jinja2.Environment(), name)[0]


def page_frame(language: str, languages: list[str], name: str, current: str | None) -> dict:
    """What every page's frame shows: its language, and the switcher to ``../<code>/<name>`` in each
    of ``languages``, with ``hreflang`` alternates when the page is itself one of the versions."""
    links = [dict(language=code, href=f"../{code}/{name}", name=language_name(code, code), current=code == current)
             for code in languages]
    return dict(language=language, direction=text_direction(language), root="../", switcher=links,
                alternates=[link for link in links if not link["current"]] if current else [])
