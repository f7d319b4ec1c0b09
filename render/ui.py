"""The pages' own interface strings: a gettext domain extracted from the Jinja2 templates by Babel,
and its reviewed translations, checked before a page is made and always rendered as text."""

import contextlib
import gettext
import json
import re
from collections.abc import Callable
from pathlib import Path

import polib
from babel.messages.extract import extract_from_dir
from markupsafe import Markup, escape

from l10n_article.render.context import (UI_DOMAIN, USER_CACHE, Domain, L10nError, Project, State, Workspace, __version__,
                                         digest, file_digest, header_line, quoted, read_text, state,
                                         write_text_atomic)

TEMPLATES = Path(__file__).parent / "templates"
METHODS = [("**.html", "jinja2.ext:babel_extract")]
OPTIONS = {"**.html": {"extensions": "jinja2.ext.i18n", "trimmed": "true"}}
_PLACEHOLDER = re.compile(r"%\((\w+)\)[#0 +-]*\d*(?:\.\d+)?([a-zA-Z])")
_CHARSET = re.compile(r"charset\s*=\s*([\w.:-]+)", re.I)
_PLURAL = re.compile(r"plural\s*=\s*([^;]*)")


def _extracted() -> list[dict]:
    """Each interface string of the templates, as Babel's Jinja2 extractor finds them."""
    found = []
    for filename, line, message, comments, context in extract_from_dir(
            TEMPLATES, METHODS, OPTIONS, comment_tags=("Translators:",), strip_comment_tags=True):
        singular, plural = (message, None) if isinstance(message, str) else message[:2]
        found.append(dict(msgid=singular, msgid_plural=plural, msgctxt=context,
                          occurrences=[(f"render/templates/{filename}", str(line))], comment="\n".join(comments)))
    return found


def ui_entries(cache: Path | None = None) -> list[polib.POEntry]:
    """One entry per interface string of the templates; with ``cache`` (a file), what the last
    extraction from the same templates found, rather than extracting again."""
    key = digest(__version__, *(f"{p.name}:{file_digest(p)}" for p in sorted(TEMPLATES.iterdir()) if p.is_file()))
    try:
        kept = json.loads(cache.read_text(encoding="utf-8")) if cache else None
        found = kept["entries"] if isinstance(kept, dict) and kept.get("key") == key else None
    except (OSError, ValueError):
        found = None
    if found is None:
        found = _extracted()
        if cache is not None:
            with contextlib.suppress(OSError, L10nError):  # a cache that cannot be written is only slower
                cache.parent.mkdir(parents=True, exist_ok=True)
                write_text_atomic(cache, json.dumps(dict(key=key, entries=found), ensure_ascii=False) + "\n")
    return [polib.POEntry(msgid=e["msgid"], msgid_plural=e["msgid_plural"], msgctxt=e["msgctxt"],
                          msgstr_plural={0: "", 1: ""} if e["msgid_plural"] else {},
                          occurrences=[tuple(o) for o in e["occurrences"]], comment=e["comment"],
                          flags=["python-format"] if "%(" in e["msgid"] else []) for e in found]


def ui_domain(project: Project) -> Domain:
    """Interface strings (English msgids) are translated into every page language, the source included."""
    return Domain(UI_DOMAIN, "the pages' interface strings", ui_entries(USER_CACHE / "ui-strings.json"),
                  (project.source_language, *project.languages), msgid_language="en")


def _sample_values(entry: polib.POEntry) -> dict[str, object]:
    """A value of the right kind for each placeholder the templates give the entry: its msgid's (a
    number where the msgid formats a number), and ``num`` for a plural one."""
    values: dict[str, object] = {"num": 1} if entry.msgid_plural else {}
    for name, conversion in _PLACEHOLDER.findall(entry.msgid + (entry.msgid_plural or "")):
        values[name] = "text" if conversion in "sra" else 1
    return values


def _header_error(message: str, path: Path, field: str) -> L10nError:
    """An error at the line of the file's header ``field``."""
    return L10nError(message, path, header_line(read_text(path), field) or 1)


def _entry_error(message: str, path: Path, entry: polib.POEntry) -> L10nError:
    """An error at the line of ``entry`` in the file (a catalog just merged in memory has no lines of
    its own, so the file says where the entry is)."""
    found = polib.pofile(read_text(path)).find(entry.msgid)
    return L10nError(message, path, found.linenum if found else None)


class UiTranslations:
    """The reviewed interface strings of one language (a draft or a missing one shows the English
    msgid), as the templates' ``_`` and ``ngettext`` use them.

    Every translation is checked when the catalog is loaded, with the placeholders its msgid gives
    it, so that a stray ``%`` or a misspelt ``%(name)s`` is one error naming its entry rather than
    a crash in the middle of a page; and every one is returned escaped: a translator's ``<script>``
    is text on the page, never markup.
    """

    def __init__(self, catalog: polib.POFile | None, path: Path):
        self.forms: dict[str, list[str]] = {}
        self.plural = gettext.c2py("n != 1")
        if catalog is None:
            return
        self._check_charset(catalog, path)
        self.plural = self._plural_rule(catalog, path)
        for entry in catalog:
            if not entry.obsolete and state(entry) == State.REVIEWED:
                forms = [entry.msgstr_plural[i] for i in sorted(entry.msgstr_plural)] or [entry.msgstr]
                for form in forms:
                    self._check_format(entry, form, path)
                self.forms[entry.msgid] = forms

    @staticmethod
    def _check_charset(catalog: polib.POFile, path: Path) -> None:
        found = _CHARSET.search(catalog.metadata.get("Content-Type", ""))
        charset = found.group(1) if found else "UTF-8"
        if charset.upper().replace("-", "").replace("_", "") != "UTF8":
            raise _header_error(f"the catalog declares charset {quoted(charset)}: interface catalogs "
                                f"are UTF-8 (Content-Type: text/plain; charset=UTF-8)", path, "Content-Type")

    @staticmethod
    def _plural_rule(catalog: polib.POFile, path: Path) -> Callable[[int], int]:
        found = _PLURAL.search(catalog.metadata.get("Plural-Forms", ""))
        if not found:
            return gettext.c2py("n != 1")
        try:
            return gettext.c2py(found.group(1).strip())
        except (ValueError, SyntaxError, RecursionError) as exc:
            raise _header_error(f"invalid Plural-Forms expression {quoted(found.group(1).strip())}: {exc}",
                                path, "Plural-Forms") from exc

    @staticmethod
    def _check_format(entry: polib.POEntry, form: str, path: Path) -> None:
        values = _sample_values(entry)
        try:
            escape(form) % values
        except KeyError as exc:
            raise _entry_error(f"the translation of {quoted(entry.msgid)} uses the placeholder "
                               f"%({exc.args[0]})s, which the original does not have "
                               f"(it has: {', '.join(sorted(values)) or 'none'})", path, entry) from exc
        except (ValueError, TypeError) as exc:
            raise _entry_error(f"the translation of {quoted(entry.msgid)} is not a valid format string: "
                               f"write a literal % as %%, and each placeholder as the original does",
                               path, entry) from exc

    def gettext(self, message: str) -> Markup:
        return escape(self.forms.get(message, [message])[0])

    def ngettext(self, singular: str, plural: str, n: int) -> Markup:
        forms = self.forms.get(singular)
        index = self.plural(n)
        if forms is None or index >= len(forms) or not forms[index]:
            return escape(singular if n == 1 else plural)
        return escape(forms[index])


def ui_translations(ws: Workspace, language: str) -> UiTranslations:
    """The checked interface strings of ``language``, from its ``ui.po`` (English when there is none)."""
    return UiTranslations(ws.catalog(language, UI_DOMAIN), ws.project.po_path(language, UI_DOMAIN))
