"""Line-break opportunities exactly as GNU gettext finds them, to wrap PO strings where msgcat does.

gettext asks libunistring (``ulc_width_linebreaks``), whose UAX #14 is the annex's pair table as
it stood before Unicode 15.1: it breaks a URL or an e-mail address after every ``.``, ``:`` and
``,`` followed by a letter (``example.|org``, ``a,|word``: libunistring leaves rule LB29 out on
purpose, to break before the tag in ``<P>Some sentence.</P>``), after a ``/`` before a letter or
a ``%``, never between ``/`` and a digit (``20/30``) nor between ``%`` and ``(``, after a hyphen
that starts a word, and after the spaces around a quotation mark (rules LB15a-d and LB20a, and
LB25 as regular expressions, came with Unicode 15.1). Character classes come from uniseg,
resolved as libunistring resolves them, except for the few characters of Unicode 14
(libunistring 1.0's version) that later versions reclassed.
"""

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from uniseg.linebreak import line_break

# libunistring's classes, in the order of its pair table's rows and columns.
_TABLE_CLASSES = ("WJ GL B2 BA BB HY CL CP1 CP2 EX IN NS OP1 OP2 QU IS NU PO PR SY AL H2 H3 ID1 ID2 JL JV "
                  "JT HL RI ZWJ EB EM").split()
WJ, GL, B2, BA, BB, HY, CL, CP1, CP2, EX, IN, NS, OP1, OP2, QU, IS, NU, PO, PR, SY, AL, H2, H3, ID1, ID2, \
    JL, JV, JT, HL, RI, ZWJ, EB, EM = range(len(_TABLE_CLASSES))
BK, CM, ZW, SP = 33, 36, 37, 38
_HL_BA = 100  # a Hebrew letter followed by a hyphen or a break-after character (LB21a)

# UAX #14's pair table as libunistring has it: row = class before, column = class after;
# D breaks, I breaks only after spaces, P never breaks. (IS, AL) is D: see the module docstring.
_PAIRS = """
WJ  PIIIIIPPPPIIIIIPIIIPIIIIIIIIIIIII
GL  PIIIIIPPPPIIIIIPIIIPIIIIIIIIIIIII
B2  PIPIDIPPPPIIDDIPDDDPDDDDDDDDDDDDD
BA  PDDIDIPPPPIIDDIPDDDPDDDDDDDDDDDDD
BB  PIIIIIPPPPIIIIIPIIIPIIIIIIIIIIIII
HY  PDDIDIPPPPIIDDIPIDDPDDDDDDDDDDDDD
CL  PIDIDIPPPPIPDDIPDIIPDDDDDDDDDDDDD
CP1 PIDIDIPPPPIIDDIPIIIPIDDDDDDDIDIDD
CP2 PIDIDIPPPPIIDDIPDIIPDDDDDDDDDDDDD
EX  PIDIDIPPPPIIDDIPDDDPDDDDDDDDDDDDD
IN  PIDIDIPPPPIIDDIPDDDPDDDDDDDDDDDDD
NS  PIDIDIPPPPIIDDIPDDDPDDDDDDDDDDDDD
OP1 PPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPP
OP2 PPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPP
QU  PIIIIIPPPPIIPPIPIIIPIIIIIIIIIIIII
IS  PIDIDIPPPPIIDDIPIDDPDDDDDDDDDDDDD
NU  PIDIDIPPPPIIIDIPIIIPIDDDDDDDIDIDD
PO  PIDIDIPPPPIIIIIPIDDPIDDDDDDDIDIDD
PR  PIDIDIPPPPIIIIIPIDDPIIIIIIIIIDIII
SY  PIDIDIPPPPIIDDIPIDDPDDDDDDDDIDDDD
AL  PIDIDIPPPPIIIDIPIIIPIDDDDDDDIDIDD
H2  PIDIDIPPPPIIDDIPDIDPDDDDDDIIDDDDD
H3  PIDIDIPPPPIIDDIPDIDPDDDDDDDIDDDDD
ID1 PIDIDIPPPPIIDDIPDIDPDDDDDDDDDDDDD
ID2 PIDIDIPPPPIIDDIPDIDPDDDDDDDDDDDDI
JL  PIDIDIPPPPIIDDIPDIDPDIIDDIIDDDDDD
JV  PIDIDIPPPPIIDDIPDIDPDDDDDDIIDDDDD
JT  PIDIDIPPPPIIDDIPDIDPDDDDDDDIDDDDD
HL  PIDIDIPPPPIIIDIPIIIPIDDDDDDDIDIDD
RI  PIDIDIPPPPIIDDIPDDDPDDDDDDDDDDDDD
ZWJ PIDIDIPPPPIIIDIPIIIPIDDIIDDDIDIII
EB  PIDIDIPPPPIIDDIPDIDPDDDDDDDDDDDDI
EM  PIDIDIPPPPIIDDIPDIDPDDDDDDDDDDDDD
"""
_TABLE = [row.split()[1] for row in _PAIRS.strip().split("\n")]
_SAME = {name: index for index, name in enumerate(_TABLE_CLASSES)}
_RESOLVED = {**_SAME, "BK": BK, "NL": BK, "CR": BK, "LF": BK, "CM": CM, "ZW": ZW, "SP": SP,
             "CB": ID1, "CJ": NS}  # AI, SA, XX and classes newer than libunistring's: AL
_EAST_ASIAN = {"F", "W", "H"}
_WORD_STARTS = re.compile(r" (?=[^ ])")
# Characters of Unicode 14 (libunistring 1.0's version) that uniseg's newer tables class otherwise.
_LIBUNISTRING_CLASSES = """
AL 0600-0605 06DD 0890-0891 08E2 19DA 110BD 110CD 2057 A9CF AA40-AA42 AA44-AA4B 1133D 1135D 11EF2 11EF7-11EF8
AL 1B5C 1B61-1B6A 1B74-1B7C A9C1-A9C6 A9CA-A9CD A9DE-A9DF AA5C 11049-1104D 11052-11065
NU 1B50-1B59 A9D0-A9D9 AA50-AA59 11066-1106F 11950-11959
ID1 1F10D-1F10F 1F16D-1F16F 1F1AD 1F8B0-1F8B1
IS FE10 FE13-FE14
CL 2E56 2E58 2E5A 2E5C
CM 1DCD 1DFC FE20 FE22 FE24 FE26-FE27 FE29 FE2B FE2D-FE2E 1107F 1BF2-1BF3 1B44 A9C0 11046 1134D 1193E
"""


def _overrides() -> dict[str, int]:
    """``_LIBUNISTRING_CLASSES`` as a table from character to class."""
    table = {}
    for line in _LIBUNISTRING_CLASSES.strip().split("\n"):
        name, *spans = line.split()
        for span in spans:
            low, _, high = span.partition("-")
            for code in range(int(low, 16), int(high or low, 16) + 1):
                table[chr(code)] = _RESOLVED[name]
    return table


_OVERRIDES = _overrides()


@lru_cache(maxsize=8192)
def line_class(char: str) -> int:
    """libunistring's class of ``char``: ambiguous, complex-context and unknown characters are
    letters, opening and closing brackets split by East Asian width (LB30), ideographs by
    whether they may become emoji (LB30b)."""
    if char in _OVERRIDES:
        return _OVERRIDES[char]
    name = line_break(char).name
    if name in ("OP", "CP"):
        wide = unicodedata.east_asian_width(char) in _EAST_ASIAN
        return _SAME[name + ("2" if wide else "1")]
    if name == "ID":
        return ID2 if unicodedata.category(char) == "Cn" else ID1
    return _RESOLVED.get(name, AL)


@dataclass
class _State:
    """What the scan remembers: the last class before any spaces, the class just before, whether
    spaces followed the last non-space character, and the run of regional indicators."""
    last: int = BK
    previous: int = BK
    spaced: bool = False
    indicators: int = 0


@dataclass(frozen=True)
class Opportunities:
    """Where a line may break (``possible``: before these characters) and where it must
    (``mandatory``: at a line or paragraph separator, which gettext does not print as a break
    but after which it counts columns from 0 again)."""
    possible: tuple[int, ...]
    mandatory: tuple[int, ...]


def _allows(state: _State, current: int) -> bool:
    """Whether a line may break before a character of class ``current``; move the state past it."""
    allowed = False
    if current == BK:
        state.last, state.spaced = BK, False
    elif current == SP:
        state.spaced = True  # LB7: no break before a space
    elif current == ZW:
        state.last, state.spaced = ZW, False
    elif current in (CM, ZWJ):  # LB9: a mark belongs to its base, but after spaces (LB10) it is a letter
        if state.last == BK or state.last == ZW or state.spaced:
            allowed = state.last != BK
            state.last, state.spaced = AL, False
    else:
        allowed = _pair(state, current)
        state.last, state.spaced = current, False
    hebrew_hyphen = state.previous == HL and current in (HY, BA)
    state.previous = _HL_BA if hebrew_hyphen else current
    state.indicators = state.indicators + 1 if current == RI else 0
    return allowed


def _pair(state: _State, current: int) -> bool:
    """The break before a character that is neither a space nor a combining mark."""
    if state.last == BK:
        return False
    if state.last == ZW:
        return True
    if state.previous in (ZWJ, _HL_BA):
        return False  # LB8a, LB21a
    if state.last == RI and current == RI:
        return state.spaced or state.indicators % 2 == 0  # LB30a
    rule = _TABLE[state.last][current]
    return rule == "D" or (rule == "I" and state.spaced)


@dataclass(frozen=True)
class _Word:
    """A run of text and the spaces after it, scanned once (words repeat): the class of its first
    character, the opportunities after that character, and the last class it leaves."""
    first: int
    possible: tuple[int, ...]
    mandatory: tuple[int, ...]
    last: int


def _scan(text: str, state: _State) -> _Word:
    """Go through ``text`` character by character from ``state``, as libunistring's loop does."""
    possible, mandatory = [], []
    for index, char in enumerate(text):
        current = line_class(char)
        if _allows(state, current):
            possible.append(index)
        elif current == BK:
            mandatory.append(index)
    return _Word(line_class(text[0]) if text else SP, tuple(possible), tuple(mandatory), state.last)


@lru_cache(maxsize=65536)
def _word(text: str) -> _Word:
    """A word after spaces: what follows its first character does not depend on what came before."""
    scanned = _scan(text, _State(last=AL, previous=SP, spaced=True))
    return _Word(scanned.first, tuple(i for i in scanned.possible if i), scanned.mandatory, scanned.last)


@lru_cache(maxsize=4096)
def _after_spaces(last: int, first: int) -> bool:
    """Whether a line may break after spaces that follow class ``last``, before class ``first``."""
    return _allows(_State(last=last, previous=SP, spaced=True), first)


def opportunities(text: str) -> Opportunities:
    """Where a line may (never at 0) or must break in ``text``, as libunistring's
    ``u8_possible_linebreaks`` finds them; word by word, since a word after spaces is scanned
    the same wherever it stands."""
    starts = [0, *(spaces.end() for spaces in _WORD_STARTS.finditer(text, 1))]
    lead = _scan(text[:starts[1]] if len(starts) > 1 else text, _State())
    possible, mandatory, last = list(lead.possible), list(lead.mandatory), lead.last
    for begin, end in zip(starts[1:], [*starts[2:], len(text)]):
        word = _word(text[begin:end])
        if _after_spaces(last, word.first):
            possible.append(begin)
        possible.extend(begin + i for i in word.possible)
        mandatory.extend(begin + i for i in word.mandatory)
        last = word.last
    return Opportunities(tuple(possible), tuple(mandatory))
