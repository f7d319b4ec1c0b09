"""A strict check of PO syntax, so that a damaged file is reported at its exact line.

polib reads leniently (an unterminated string or a stray line passes, or is reported at the
wrong line); a translator who broke a file by hand needs the line GNU msgfmt would name.
"""

import re
from dataclasses import dataclass, field
from pathlib import Path

from l10n_article.translate.errors import L10nError

_STRING = r'"(?:[^"\\]|\\(?:[\\"ntrabfv]|[0-7]{1,3}|x[0-9A-Fa-f]+))*"'
_KEYWORD = re.compile(rf"(msgctxt|msgid|msgid_plural|msgstr|msgstr\[(\d+)\])\s+({_STRING})\s*")
_CONTINUATION = re.compile(rf"{_STRING}\s*")
_ESCAPE = re.compile(r"\\([0-7]{1,3}|x[0-9A-Fa-f]+|.)")
_CHARACTERS = {"n": "\n", "t": "\t", "r": "\r", "a": "\a", "b": "\b", "f": "\f", "v": "\v", "\\": "\\", '"': '"'}
_POLIB_ESCAPES = set("ntrvbf\\\"")  # what polib's reader decodes itself
# What may follow each keyword in an entry; None is the start of an entry.
_NEXT = {
    None: {"msgctxt", "msgid"},
    "msgctxt": {"msgid"},
    "msgid": {"msgid_plural", "msgstr"},
    "msgid_plural": {"msgstr[]"},
    "msgstr[]": {"msgstr[]"},
}


@dataclass
class Message:
    """One entry's strings as GNU gettext reads them (escapes decoded), and where it starts."""
    line: int
    obsolete: bool
    msgid_line: int = 0
    msgctxt: str | None = None
    msgid: str = ""
    msgid_plural: str = ""
    msgstr: str = ""
    msgstr_plural: dict[int, str] = field(default_factory=dict)
    beyond_polib: bool = False  # an escape polib leaves undecoded (octal, hex, \a)


def decode_string(literal: str, path, line: int) -> tuple[str, bool]:
    """The text of a quoted PO string as msgfmt reads it: octal and hex escapes are bytes of the
    file's UTF-8; also say whether it holds an escape that polib does not decode."""
    data, beyond, position = bytearray(), False, 0
    body = literal[1:-1]
    for escape in _ESCAPE.finditer(body):
        data += body[position:escape.start()].encode("utf-8")
        code = escape.group(1)
        if code[0] in "01234567":
            data.append(int(code, 8) & 0xFF)
        elif code[0] == "x" and len(code) > 1:
            data.append(int(code[1:], 16) & 0xFF)
        else:
            data += _CHARACTERS[code].encode("utf-8")
        beyond = beyond or code not in _POLIB_ESCAPES
        position = escape.end()
    data += body[position:].encode("utf-8")
    try:
        return data.decode("utf-8"), beyond
    except UnicodeDecodeError as exc:
        raise L10nError("invalid multibyte sequence in an escaped string", path, line) from exc


class _Entries:
    """Follows the keywords of active (or of obsolete) entries through the file."""

    def __init__(self, path, obsolete: bool, found: list[Message], keys: dict[tuple, int]):
        self.path, self.obsolete, self.found, self.keys = path, obsolete, found, keys
        self.last: str | None = None
        self.plural_index = -1
        self.message: Message | None = None
        self.field = ""

    def keyword(self, word: str, index: str | None, value: str, line: int) -> None:
        kind = "msgstr[]" if index is not None else word
        if kind in ("msgctxt", "msgid") and self.last in ("msgstr", "msgstr[]"):
            self.last = None
        if kind == "msgstr[]" and self.last == "msgid" and self.message is not None:
            raise L10nError("missing msgid_plural before msgstr[N]", self.path, self.message.msgid_line)
        if kind not in _NEXT.get(self.last, set()):
            expected = " or ".join(sorted(_NEXT.get(self.last, {"msgctxt", "msgid"})))
            raise L10nError(f"unexpected {word}, expected {expected.replace('msgstr[]', 'msgstr[N]')}",
                            self.path, line)
        if index is not None:
            if int(index) != self.plural_index + 1:
                raise L10nError(f"{word} out of order, expected msgstr[{self.plural_index + 1}]", self.path, line)
            self.plural_index = int(index)
        else:
            self.plural_index = -1
        if self.last is None:
            self.message = Message(line, self.obsolete)
            self.found.append(self.message)
        if kind == "msgid" and self.message is not None:
            self.message.msgid_line = line
        if kind in ("msgstr", "msgstr[]") and self.last in ("msgid", "msgid_plural"):
            self._check_duplicate(line)
        self.last, self.field = kind, (f"msgstr[{index}]" if index is not None else word)
        self.add(value, line)

    def add(self, literal: str, line: int) -> None:
        """Append a string (after the keyword, or on a continuation line) to the current field."""
        message = self.message
        assert message is not None
        text, beyond = decode_string(literal, self.path, line)
        message.beyond_polib = message.beyond_polib or beyond
        if self.field.startswith("msgstr["):
            index = int(self.field[7:-1])
            message.msgstr_plural[index] = message.msgstr_plural.get(index, "") + text
        else:
            setattr(message, self.field, (getattr(message, self.field) or "") + text)

    def _check_duplicate(self, line: int) -> None:
        """msgfmt's rule: one msgctxt and msgid per file, active and obsolete entries alike; like
        msgfmt, name the duplicate's msgid line and the first definition's msgstr line."""
        message = self.message
        assert message is not None
        key = (message.msgctxt, message.msgid)
        if key in self.keys:
            raise L10nError(f"duplicate message definition (first defined at line {self.keys[key]})",
                            self.path, message.msgid_line)
        self.keys[key] = line

    def finish(self) -> None:
        """At the end of the file: the last entry must be complete (named at its msgid, as msgfmt)."""
        if self.last not in (None, "msgstr", "msgstr[]") and self.message is not None:
            raise L10nError("entry ends without msgstr", self.path, self.message.msgid_line or self.message.line)


def check_syntax(text: str, path: Path | str) -> list[Message]:
    """Raise L10nError at the first line that GNU gettext would refuse; return the entries in file
    order, their strings decoded as msgfmt decodes them."""
    found: list[Message] = []
    keys: dict[tuple, int] = {}
    active, obsolete = _Entries(path, False, found, keys), _Entries(path, True, found, keys)
    lines = text.split("\n")
    for number, raw in enumerate(lines, start=1):
        line = raw.strip()
        entries = active
        if line.startswith("#~"):
            line, entries = line[2:].strip(), obsolete
            if line.startswith("|") or not line:
                continue
        elif not line or line.startswith("#"):
            continue
        match = _KEYWORD.fullmatch(line)
        if match:
            entries.keyword(match.group(1).split("[")[0], match.group(2), match.group(3).strip(), number)
        elif _CONTINUATION.fullmatch(line):
            if entries.last is None:
                raise L10nError("string without a keyword before it", path, number)
            entries.add(line.strip(), number)
        elif line.startswith('"') or re.match(r"msg\w*(\[\d+\])?\s+\"", line):
            raise L10nError("unterminated string or invalid escape sequence", path, number)
        else:
            raise L10nError(f"syntax error: {raw.strip()[:40]!r} is not PO syntax", path, number)
    active.finish()
    obsolete.finish()
    return found
