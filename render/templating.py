"""The Jinja2 environment of the pages: templates from this package, interface strings from gettext."""

import jinja2

from .context import Project, ui_translations


def environment(project: Project, language: str) -> jinja2.Environment:
    """Templates with the interface strings of ``language`` installed, autoescaping on."""
    env = jinja2.Environment(loader=jinja2.PackageLoader("render", "templates"), autoescape=True,
                             extensions=["jinja2.ext.i18n"], trim_blocks=True, lstrip_blocks=True)
    env.install_gettext_translations(ui_translations(project, language), newstyle=True)
    return env


def static_file(name: str) -> str:
    """A style sheet kept beside the templates."""
    return jinja2.PackageLoader("render", "templates").get_source(jinja2.Environment(), name)[0]
