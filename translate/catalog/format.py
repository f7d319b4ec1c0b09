"""Catalog → text, exactly as GNU gettext (msgcat, msgmerge) writes PO files.

Writing is kept apart from merging and from file I/O (as Babel's ``generate_po`` is): this module
only turns polib objects into text. Lines are broken where GNU breaks them: at Unicode line-break
opportunities (UAX #14, computed by uniseg), filling up to 79 columns, the header field by field.
"""

import re
import sys
import unicodedata
from functools import lru_cache

import polib
from uniseg.linebreak import LineBreak, line_break, line_break_boundaries

PAGE_WIDTH = 79
_PYTHON_DIRECTIVE = re.compile(r"%(\([^)]*\))?[#0 +-]*(\*|\d+)?(\.(\*|\d+))?[hlL]?[diouxXeEfFgGcrsa%]")
_SPACES = re.compile(r"(?<=[^ ]) +(?=[^ ])")
_PLAIN_WORD = re.compile(r"([\w’]+)[,.;:!?]* *")
_NO_BREAK_BETWEEN = {LineBreak.AL, LineBreak.NU, LineBreak.QU}
_STARTS_ALONE = {LineBreak.AL, LineBreak.NU}
_LOOKS_ACROSS = {LineBreak.OP, LineBreak.ZW, LineBreak.CM, LineBreak.ZWJ}
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r",
            "\a": "\\a", "\b": "\\b", "\f": "\\f", "\v": "\\v"}


@lru_cache(maxsize=4096)
def _width(char: str) -> int:
    if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
        return 0
    if unicodedata.category(char) == "Cc":
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def _gnu_quotes(text: str, breakables):
    """Allow a break after spaces next to a quotation mark, as GNU's libunistring does.

    Unicode 15.1 (LB15a/LB15b, which uniseg follows) forbids breaking "« text »" at its inner
    spaces; the libunistring that GNU gettext is built with still breaks there.
    """
    breakables = list(breakables)
    before = ""  # the last character before the current run of spaces
    for index in range(1, len(text)):
        if text[index - 1] != " ":
            before = text[index - 1]
        if text[index - 1] != " " or text[index] == " ":
            continue
        if line_break(text[index]) == LineBreak.QU or (before and line_break(before) == LineBreak.QU):
            breakables[index] = 1
    return breakables


_line_break = lru_cache(maxsize=4096)(line_break)


def _junctions(text: str) -> list[int]:
    """Where UAX #14 always breaks (LB18: after spaces) and no rule looks across: a letter or digit
    after spaces that follow anything but an opening bracket (LB14), an opening quotation mark
    (LB15a), a zero-width space (LB8) or a combining mark. The text on each side of a junction can
    be broken on its own."""
    found = []
    for spaces in _SPACES.finditer(text):
        before, after = text[spaces.start() - 1], text[spaces.end()]
        if (_line_break(after) in _STARTS_ALONE and _line_break(before) not in _LOOKS_ACROSS
                and unicodedata.category(before) != "Pi"):
            found.append(spaces.end())
    return found


@lru_cache(maxsize=65536)
def _chunk_boundaries(chunk: str) -> tuple[int, ...]:
    """Line-break opportunities inside ``chunk`` (a word or so: chunks repeat, the cache keeps them)."""
    word = _PLAIN_WORD.fullmatch(chunk)
    if word and all(_line_break(char) in _NO_BREAK_BETWEEN for char in word.group(1)):
        return (len(chunk),)  # no break between letters, digits and apostrophes (LB19, LB23, LB25,
        # LB28), before the final punctuation (LB13) or before spaces (LB7)
    return tuple(line_break_boundaries(chunk, tailor=_gnu_quotes))


def _boundaries(text: str) -> set[int]:
    """UAX #14 line-break opportunities of ``text`` as GNU breaks, in time linear in its length."""
    starts = [0, *_junctions(text)]
    found = set(starts[1:])
    for begin, end in zip(starts, [*starts[1:], len(text)]):
        found.update(begin + boundary for boundary in _chunk_boundaries(text[begin:end]))
    return found


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


@lru_cache(maxsize=4096)
def _opportunities(portion: str, python_format: bool) -> frozenset[int]:
    """Where a line may break in the escaped portion.

    Opportunities come from the unescaped text (so no break falls before a final newline);
    each escape sequence takes its character's opportunity and cannot be split, nor be followed
    by a break when it stands for a control character such as a tab. In a python-format string,
    no break falls inside a directive such as ``%(name)s``.
    """
    found = _boundaries(portion) - {0, len(portion)}
    found -= {i + 1 for i, char in enumerate(portion) if char.isspace() and char != " "}
    if python_format:
        for directive in _PYTHON_DIRECTIVE.finditer(portion):
            found -= set(range(directive.start() + 1, directive.end()))
    possible, column = set(), 0
    for index, char in enumerate(portion):
        if index in found:
            possible.add(column)
        column += len(_ESCAPES.get(char, char))
    return frozenset(possible)


def _breaks(portion: str, width: int, start_column: int, python_format: bool) -> list[int]:
    """Positions where lines start, filling each line up to ``width`` columns (libunistring's rule)."""
    escaped = _escape(portion)
    if start_column + sum(_width(char) for char in escaped) <= width:
        return []
    possible = _opportunities(portion, python_format)
    breaks: list[int] = []
    last, column, piece = None, start_column, 0
    for position, char in enumerate(escaped):
        if position in possible:
            if last is not None and column + piece > width:
                breaks.append(last)
                column = 0
            last = position
            column += piece
            piece = 0
        piece += _width(char)
    if last is not None and column + piece > width:
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
    first = True
    for number, portion in enumerate(portions):
        escaped = _escape(portion)
        start = len(prefix) + len(keyword) + 2 - after_break if first else 0
        breaks = _breaks(portion, width, start, python_format)
        more = number + 1 < len(portions)
        if first and escaped and (more or start > width or breaks):
            lines.append(f'{prefix}{keyword} ""')
            first = False
            breaks = _breaks(portion, width, 0, python_format)
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
