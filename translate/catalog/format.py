"""Catalog → text, exactly as GNU gettext (msgcat, msgmerge) writes PO files.

Writing is kept apart from merging and from file I/O (as Babel's ``generate_po`` is): this module
only turns polib objects into text. Lines are broken where GNU breaks them: at the line-break
opportunities libunistring finds in the escaped text (see ``linebreak``), filling up to 79
columns, the header field by field.
"""

import re
import sys
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import polib

from l10n_article.translate.catalog.linebreak import Opportunities, opportunities

PAGE_WIDTH = 79
_PYTHON_DIRECTIVE = re.compile(r"[-+ #0]*(\*|[0-9]+)?(\.(\*|[0-9]*))?[hlL]?[csriduoxXeEfgG%]")
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r",
            "\a": "\\a", "\b": "\\b", "\f": "\\f", "\v": "\\v"}

# Where libunistring counts two columns for a code point not assigned yet (CJK blocks and planes).
_WIDE_UNASSIGNED = ((0x2E80, 0xA4CF), (0xF900, 0xFAFF), (0xFE10, 0xFE1F), (0xFE30, 0xFE6F), (0xFF00, 0xFF60),
                    (0x1F200, 0x1F2FF), (0x20000, 0x3FFFF))
# Hangul vowel and final jamo: they join the initial before them into one syllable.
_JOINING_JAMO = ((0x1160, 0x11FF), (0xD7B0, 0xD7C6), (0xD7CB, 0xD7FB))


@lru_cache(maxsize=4096)
def _width(char: str) -> int:
    """Columns of ``char`` as libunistring's ``uc_width`` counts them (a control character: 0)."""
    code, category = ord(char), unicodedata.category(char)
    if (unicodedata.bidirectional(char) == "NSM" or category in ("Cc", "Cf")
            or any(low <= code <= high for low, high in _JOINING_JAMO)
            or unicodedata.name(char, "").startswith("ZERO WIDTH ")):
        return 0
    if category == "Cn":
        return 2 if any(low <= code <= high for low, high in _WIDE_UNASSIGNED) else 1
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def _portions(text: str) -> list[str]:
    """The string cut after each newline, as GNU prints one line per newline at least."""
    portions, start = [], 0
    while True:
        end = text.find("\n", start)
        if end < 0:
            portions.append(text[start:])
            return portions
        portions.append(text[start:end + 1])
        start = end + 1
        if start == len(text):
            return portions


@lru_cache(maxsize=4096)
def _escape(portion: str) -> str:
    return "".join(_ESCAPES.get(char, char) for char in portion)


@dataclass(frozen=True)
class _Directive:
    """A python-format directive as gettext's parser reads it: where it ends, whether it names its
    argument (``%(name)s``) and whether it takes unnamed ones (``%s``, a ``*`` width)."""
    end: int
    named: bool
    unnamed: bool


def _python_directive(text: str, start: int) -> _Directive | None:
    """The directive at ``text[start] == "%"``, or None when it is not a valid one."""
    position, named = start + 1, text.startswith("(", start + 1)
    if named:
        depth = 0
        for position in range(start + 2, len(text)):
            depth += {"(": 1, ")": -1}.get(text[position], 0)
            if depth < 0:
                break
        else:
            return None
        position += 1
    rest = _PYTHON_DIRECTIVE.match(text, position)
    if rest is None:
        return None
    unnamed = "*" in rest.group(0) or not (named or rest.group(0).endswith("%"))
    return _Directive(rest.end(), named, unnamed)


def _directive_insides(text: str) -> frozenset[int]:
    """The characters that follow a directive's ``%`` in a python-format string: no line breaks
    before them. Like gettext, the scan stops at the first invalid directive (or the first to mix
    named and unnamed arguments), and what follows holds no directive."""
    inside: set[int] = set()
    named = unnamed = False
    start = text.find("%")
    while start >= 0:
        directive = _python_directive(text, start)
        if directive is None or (directive.named and (unnamed or directive.unnamed)) or (directive.unnamed and named):
            break
        named, unnamed = named or directive.named, unnamed or directive.unnamed
        inside.update(range(start + 1, directive.end))
        start = text.find("%", directive.end)
    return frozenset(inside)


@lru_cache(maxsize=4096)
def _opportunities(portion: str, held: frozenset[int]) -> Opportunities:
    """Where a line may break in the escaped portion, as GNU computes them: on the escaped text
    (``\\"`` is a backslash and a quotation mark), never inside an escape sequence, nor before
    a final newline, nor before the characters ``held`` (inside python-format directives)."""
    escaped = _escape(portion)
    found = opportunities(escaped)
    if len(escaped) == len(portion) and not held:
        return found
    kept, column = set(), 0
    for index, char in enumerate(portion):
        if index not in held:
            kept.add(column)
        column += len(_ESCAPES.get(char, char))
    if portion.endswith("\n"):
        kept.discard(len(escaped) - 2)
    return Opportunities(tuple(i for i in found.possible if i in kept), found.mandatory)


@lru_cache(maxsize=4096)
def _columns(escaped: str) -> list[int] | None:
    """The column before each character and after the last, or None when every character takes
    one column (the common case, where the index is the column)."""
    if escaped.isascii() and escaped.isprintable() or all(_width(char) == 1 for char in set(escaped)):
        return None
    columns = [0]
    for char in escaped:
        columns.append(columns[-1] + _width(char))
    return columns


def _breaks(portion: str, width: int, start_column: int, held: frozenset[int]) -> list[int]:
    """Positions where lines start, filling each line up to ``width`` columns (libunistring's rule:
    a piece of text between two opportunities goes on the next line if it passes the width)."""
    escaped = _escape(portion)
    columns = _columns(escaped)
    column_at = columns.__getitem__ if columns else int
    if start_column + column_at(len(escaped)) <= width:
        return []
    found = _opportunities(portion, held)
    ends = sorted([(position, False) for position in found.possible]
                  + [(position, True) for position in found.mandatory])
    breaks: list[int] = []
    last, column, begin = None, start_column, 0
    for position, mandatory in ends:
        piece = column_at(position) - column_at(begin)
        if last is not None and column + piece > width:
            breaks.append(last)
            column = 0
        if mandatory:
            last, column, begin = None, 0, position + 1
        else:
            last, column, begin = position, column + piece, position
    if last is not None and column + column_at(len(escaped)) - column_at(begin) > width:
        breaks.append(last)
    return breaks


def wrap(keyword: str, text: str, prefix: str = "", python_format: bool = False,
         no_wrap: bool = False) -> list[str]:
    """The lines of ``keyword "text"`` (``msgid``, ``msgstr[1]``...) after ``prefix`` (``#~ ``);
    with ``no_wrap`` (an entry's ``#, no-wrap`` flag), lines break only after newlines."""
    after_break = len(prefix) + 1
    width = sys.maxsize if no_wrap else PAGE_WIDTH - 1 - after_break
    lines: list[str] = []
    portions = _portions(text)
    insides = _directive_insides(text) if python_format and "%" in text else frozenset()
    first, offset = True, 0
    for number, portion in enumerate(portions):
        escaped = _escape(portion)
        held = frozenset(i - offset for i in insides if offset <= i < offset + len(portion)) if insides else insides
        offset += len(portion)
        start = len(prefix) + len(keyword) + 2 - after_break if first else 0
        breaks = _breaks(portion, width, start, held)
        more = number + 1 < len(portions)
        if first and escaped and (more or start > width or breaks):
            lines.append(f'{prefix}{keyword} ""')
            first = False
            breaks = _breaks(portion, width, 0, held)
        bounds = [0, *breaks, len(escaped)]
        for begin, end in zip(bounds, bounds[1:]):
            head = f"{prefix}{keyword} " if first else prefix
            lines.append(f'{head}"{escaped[begin:end]}"')
            first = False
    return lines


def _comments(marker: str, text: str) -> list[str]:
    return [f"{marker} {line}" if line else marker for line in text.split("\n")] if text else []


def _references(occurrences: list[tuple[str, str]]) -> list[str]:
    lines, line = [], "#:"
    for path, number in occurrences:
        item = f"{path}:{number}" if number else path
        if len(line) > 2 and len(line) + len(item) + 1 > PAGE_WIDTH:
            lines.append(line)
            line = "#:"
        line += " " + item
    return lines + [line] if len(line) > 2 else lines


def _flag_rank(flag: str) -> int:
    """GNU's order: format flags (``python-format``, ``no-c-format``…), then ``wrap``/``no-wrap``,
    then flags it does not know (which only ``l10n update`` keeps)."""
    if flag.endswith("-format"):
        return 0
    return 1 if flag in ("wrap", "no-wrap") else 2


def _flags(entry: polib.POEntry) -> list[str]:
    fuzzy = "fuzzy" in entry.flags and (entry.msgstr or any(entry.msgstr_plural.values()))
    others = sorted((f for f in entry.flags if f != "fuzzy"), key=_flag_rank)
    flags = (["fuzzy"] if fuzzy else []) + others
    return ["#, " + ", ".join(flags)] if flags else []


def _messages(entry: polib.POEntry, prefix: str) -> list[str]:
    lines: list[str] = []
    previous_prefix = prefix.rstrip() + "| " if prefix else "#| "
    python_format, no_wrap = "python-format" in entry.flags, "no-wrap" in entry.flags

    def lines_of(keyword: str, value: str, line_prefix: str) -> list[str]:
        return wrap(keyword, value, line_prefix, python_format, no_wrap)
    previous = [("msgctxt", entry.previous_msgctxt), ("msgid", entry.previous_msgid),
                ("msgid_plural", entry.previous_msgid_plural)]
    for keyword, value in previous:
        if value is not None:
            lines += lines_of(keyword, value, previous_prefix)
    if entry.msgctxt is not None:
        lines += lines_of("msgctxt", entry.msgctxt, prefix)
    lines += lines_of("msgid", entry.msgid, prefix)
    if entry.msgid_plural:
        lines += lines_of("msgid_plural", entry.msgid_plural, prefix)
        for index in sorted(entry.msgstr_plural):
            lines += lines_of(f"msgstr[{index}]", entry.msgstr_plural[index], prefix)
    else:
        lines += lines_of("msgstr", entry.msgstr, prefix)
    return lines


def format_entry(entry: polib.POEntry) -> str:
    lines = _comments("#", entry.tcomment)
    if entry.obsolete:
        lines += _flags(entry) + _messages(entry, "#~ ")
    else:
        lines += _comments("#.", entry.comment) + _references(entry.occurrences)
        lines += _flags(entry) + _messages(entry, "")
    return "\n".join(lines) + "\n"


def format_catalog(catalog: polib.POFile) -> str:
    """The whole file: header comment, header entry, entries, obsolete entries last."""
    header = polib.POEntry(msgid="", msgstr="".join(f"{k}: {v}\n" for k, v in catalog.metadata.items()),
                           tcomment=catalog.header, flags=["fuzzy"] if catalog.metadata_is_fuzzy else [])
    active = [e for e in catalog if not e.obsolete]
    obsolete = [e for e in catalog if e.obsolete]
    return "\n".join(format_entry(entry) for entry in [header, *active, *obsolete])
