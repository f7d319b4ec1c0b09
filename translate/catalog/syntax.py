"""A strict check of PO syntax, so that a damaged file is reported at its exact line.

polib reads leniently (an unterminated string or a stray line passes, or is reported at the
wrong line); a translator who broke a file by hand needs the line GNU msgfmt would name.
"""

import re

from l10n_article.translate.errors import L10nError

_STRING = r'"(?:[^"\\]|\\(?:[\\"ntrabfv]|[0-7]{1,3}|x[0-9A-Fa-f]+))*"'
_KEYWORD = re.compile(rf"(msgctxt|msgid|msgid_plural|msgstr|msgstr\[(\d+)\])\s+({_STRING})\s*")
_CONTINUATION = re.compile(rf"{_STRING}\s*")
# What may follow each keyword in an entry; None is the start of an entry.
_NEXT = {
    None: {"msgctxt", "msgid"},
    "msgctxt": {"msgid"},
    "msgid": {"msgid_plural", "msgstr"},
    "msgid_plural": {"msgstr[]"},
    "msgstr[]": {"msgstr[]"},
}


class _Entries:
    """Follows the keywords of active (or of obsolete) entries through the file."""

    def __init__(self, path):
        self.path = path
        self.last = None
        self.plural_index = -1
        self.start = 0
        self.keys: dict[tuple, int] = {}
        self.msgctxt = self.msgid = None

    def keyword(self, word: str, index: str | None, value: str, line: int) -> None:
        kind = "msgstr[]" if index is not None else word
        if kind in ("msgctxt", "msgid") and self.last in ("msgstr", "msgstr[]"):
            self.last = None
        if kind not in _NEXT.get(self.last, set()):
            expected = " or ".join(sorted(_NEXT.get(self.last, {"msgctxt", "msgid"})))
            raise L10nError(f"unexpected {word}, expected {expected.replace('msgstr[]', 'msgstr[N]')}",
                            self.path, line)
        if kind == "msgstr[]":
            if int(index) != self.plural_index + 1:
                raise L10nError(f"{word} out of order, expected msgstr[{self.plural_index + 1}]", self.path, line)
            self.plural_index = int(index)
        else:
            self.plural_index = -1
        if kind == "msgctxt":
            self.msgctxt, self.start = value, line
        elif kind == "msgid":
            self.msgid, self.start = value, (self.start if self.last == "msgctxt" else line)
            if self.last != "msgctxt":
                self.msgctxt = None
        elif kind in ("msgstr", "msgstr[]") and self.last in ("msgid", "msgid_plural"):
            key = (self.msgctxt, self.msgid)
            if key in self.keys:
                raise L10nError(f"duplicate message definition (first defined at line {self.keys[key]})",
                                self.path, self.start)
            self.keys[key] = self.start
        self.last = kind

    def finish(self, line: int) -> None:
        if self.last not in (None, "msgstr", "msgstr[]"):
            raise L10nError("entry ends without msgstr", self.path, line)


def check_syntax(text: str, path) -> None:
    """Raise L10nError at the first line that GNU gettext would refuse."""
    active, obsolete = _Entries(path), _Entries(path)
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
            entries.keyword(match.group(1).split("[")[0], match.group(2), match.group(3), number)
        elif _CONTINUATION.fullmatch(line):
            if entries.last is None:
                raise L10nError("string without a keyword before it", path, number)
            if entries.last == "msgid":
                entries.msgid += line
        elif line.startswith('"') or re.match(r"msg\w*(\[\d+\])?\s+\"", line):
            raise L10nError("unterminated string or invalid escape sequence", path, number)
        else:
            raise L10nError(f"syntax error: {raw.strip()[:40]!r} is not PO syntax", path, number)
    active.finish(len(lines))
    obsolete.finish(len(lines))
