"""Checks on the characters of a translation: words of another script, letters of two scripts in
one word, and characters a reader cannot see."""

import re
import unicodedata

from l10n_article.translate.quality.languages import language
from l10n_article.translate.quality.message import Message

_WORD = re.compile(r"[^\W\d_]+")
_SCRIPTS = {"LATIN": "Latn", "CYRILLIC": "Cyrl", "GREEK": "Grek"}
_NAMES = {code: name.capitalize() for name, code in _SCRIPTS.items()}
_ALLOWED = {"\n", "\t"}
LETTERS_NEEDED = 40  # a text this long without a letter of the language's own is suspect


def _script(char: str) -> str:
    """The script of a letter (Latn, Cyrl, Grek), or "" for others."""
    return _SCRIPTS.get(unicodedata.name(char, "").split(" ")[0], "")


def _word_script(word: str) -> set[str]:
    return {script for script in map(_script, word) if script}


def check_script(m: Message) -> list[str]:
    """Words in another script than your language's that the source does not have (Latin words in
    Russian or Kazakh, Cyrillic in English), and a text with none of the letters only your
    language has (Kazakh ә ғ қ ң ө ұ ү һ і: Russian left in?)."""
    lang = language(m.language)
    text = m.translation_text
    source_words = {word.casefold() for word in _WORD.findall(m.source)}
    strays = [word for word in re.findall(r"(?<![\w-])[^\W\d_]{2,}(?![\w-])", text)
              if _word_script(word) - {lang.script} and len(_word_script(word)) == 1
              and word.casefold() not in source_words]
    problems = []
    for script in sorted({next(iter(_word_script(word))) for word in strays}):
        words = [word for word in strays if _word_script(word) == {script}]
        problems.append(f"{_NAMES[script]}-script words in {lang.name} text: {', '.join(words[:5])}")
    letters = [char for char in text if char.isalpha()]
    distinctive = set(lang.distinctive_letters + lang.distinctive_letters.upper())
    if distinctive and len(letters) >= LETTERS_NEEDED and not distinctive & set(letters):
        problems.append(f"no {lang.name} letter ({' '.join(lang.distinctive_letters)}): "
                        "text of a neighbouring language left in?")
    return problems


def check_mixed_scripts(m: Message) -> list[str]:
    """A word with letters of two scripts, such as a Latin "a" or "o" typed inside a Russian word:
    it looks right but no search, spell checker or screen reader understands it."""
    problems = []
    for word in dict.fromkeys(_WORD.findall(m.translation_plain)):
        scripts = _word_script(word)
        if len(scripts) > 1:
            strays = [char for char in word if _script(char) != language(m.language).script and _script(char)]
            problems.append(f"{word!r} mixes {' and '.join(_NAMES[s] for s in sorted(scripts))} letters "
                            f"({', '.join(dict.fromkeys(strays))})")
    return problems


def check_invisible(m: Message) -> list[str]:
    """An invisible or control character the source does not have: a zero-width space or joiner,
    a soft hyphen, a byte-order mark, a direction mark. It cannot be seen in an editor but breaks
    searches, line breaking or the page."""
    found = [char for char in dict.fromkeys(m.translation)
             if unicodedata.category(char) in ("Cc", "Cf") and char not in _ALLOWED
             and m.translation.count(char) > m.source.count(char)]
    return [f"invisible character U+{ord(char):04X} {unicodedata.name(char, 'control character')}"
            for char in found]
