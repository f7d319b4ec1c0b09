"""The Jinja2 environment of the pages: templates from this package, interface strings from gettext."""

import contextlib
import functools
import weakref
from collections.abc import Callable

import jinja2
from markupsafe import Markup

from l10n_article.render.context import Workspace, __version__, cldr_locale, language_name, script_of, text_direction
from l10n_article.render.site import FEED, Versions
from l10n_article.render.ui import USER_CACHE, UiTranslations, ui_translations


class ScriptTranslations:
    """The interface strings of a script edition: its base language's, transliterated (they are
    escaped before, and markup and placeholders are ASCII, which transliteration leaves alone)."""

    def __init__(self, base: UiTranslations, convert: Callable[[str], str]):
        self.base, self.convert = base, convert

    def gettext(self, message: str) -> Markup:
        return Markup(self.convert(str(self.base.gettext(message))))

    def ngettext(self, singular: str, plural: str, n: int) -> Markup:
        return Markup(self.convert(str(self.base.ngettext(singular, plural, n))))


_ENVIRONMENTS: "weakref.WeakKeyDictionary[Workspace, dict[str, jinja2.Environment]]" = weakref.WeakKeyDictionary()


def environment(ws: Workspace, language: str) -> jinja2.Environment:
    """Templates with the interface strings of ``language`` installed, autoescaping on: one per
    workspace and language, so that each template is compiled once per command."""
    made = _ENVIRONMENTS.setdefault(ws, {})
    if language not in made:
        made[language] = _environment(ws, language)
    return made[language]


class _CompiledTemplates(jinja2.FileSystemBytecodeCache):
    """Templates compiled by an earlier command, in the user's cache folder (keyed by Jinja2 on
    each template's source); a cache that cannot be written is only slower."""

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        with contextlib.suppress(OSError):
            super().dump_bytecode(bucket)


@functools.cache
def _compiled() -> jinja2.BytecodeCache | None:
    folder = USER_CACHE / f"templates-{__version__}"  # compiled with this version's environment options
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return _CompiledTemplates(str(folder))


def _environment(ws: Workspace, language: str) -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.PackageLoader("l10n_article.render", "templates"), autoescape=True,
                             extensions=["jinja2.ext.i18n"], trim_blocks=True, lstrip_blocks=True,
                             bytecode_cache=_compiled())
    install = getattr(env, "install_gettext_translations")  # added by the i18n extension
    translations = ui_translations(ws, cldr_locale(language))
    install(translations if cldr_locale(language) == language else
            ScriptTranslations(translations, script_of(language)), newstyle=True)
    return env


def static_file(name: str) -> str:
    """A style sheet kept beside the templates."""
    return jinja2.PackageLoader("l10n_article.render", "templates").get_source(jinja2.Environment(), name)[0]


def page_frame(language: str, languages: list[str], name: str, current: str | None,
               published: Versions | None = None) -> dict:
    """What every page's frame shows: its language, and the switcher to ``../<code>/<name>`` in each
    of ``languages``, with ``hreflang`` alternates when the page is itself one of the versions:
    relative ones, or with a ``base-url`` (``published``) the absolute address of every version,
    ``x-default`` and the page's canonical address."""
    links = [dict(language=code, href=f"../{code}/{name}", name=language_name(code, code), current=code == current)
             for code in languages]
    frame = dict(language=language, direction=text_direction(language), root="../", switcher=links,
                 alternates=[dict(hreflang=link["language"], href=link["href"])
                             for link in links if not link["current"]] if current else [])
    if published is not None:
        frame.update(alternates=published.alternates(), feed=FEED,
                     canonical=published.url(language))
    return frame
