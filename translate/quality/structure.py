"""Checks on what a translation must keep of its source's structure: markup, link targets,
sentences, balanced brackets and quotation marks, and no word written twice."""

import re
from collections import Counter

from l10n_article.translate.mt.sentences import split_sentences
from l10n_article.translate.quality.languages import language
from l10n_article.translate.quality.message import Message
from l10n_article.translate.source.markdown import inline_tokens

_MARKUP = {"em_open": "emphasis", "strong_open": "strong emphasis", "link_open": "link",
           "code_inline": "code span", "image": "image"}
_DOUBLED = re.compile(r"(?<!\w)([^\W\d_]+)\s+\1(?!\w)", re.IGNORECASE)
BRACKETS = (("(", ")"), ("[", "]"), ("{", "}"))


def _inline(text: str) -> tuple:
    return inline_tokens(text)


def _markup(text: str) -> Counter[str]:
    return Counter(_MARKUP[token.type] for token in _inline(text) if token.type in _MARKUP)


def check_markup(m: Message) -> list[str]:
    """Markdown of the source lost or added in the translation: *emphasis*, **strong emphasis**,
    [links](…), `code spans`, images."""
    source, target = _markup(m.source), _markup(m.translation)
    return [f"{name}: {source[name]} in the source, {target[name]} in the translation"
            for name in sorted(set(source) | set(target)) if source[name] != target[name]]


def _targets(text: str) -> Counter[str]:
    """The targets of the links and images of ``text``."""
    return Counter(str(token.attrGet("href") or token.attrGet("src") or "")
                   for token in _inline(text) if token.type in ("link_open", "image"))


def check_links(m: Message) -> list[str]:
    """A link or image of the translation that points somewhere else than the source's: a target
    mistyped, dropped, or translated (the address must stay as it is)."""
    source, target = _targets(m.source), _targets(m.translation)
    return ([f"link target {url} of the source is not in the translation" for url in sorted(source - target)]
            + [f"link target {url} is not in the source" for url in sorted(target - source)])


def check_sentences(m: Message) -> list[str]:
    """The translation has fewer sentences than the source: a sentence may have been left out
    (two sentences joined into one also shows here: silence the check on that entry then)."""
    source, target = len(split_sentences(m.source_plain)), len(split_sentences(m.translation_plain))
    if target < source:
        return [f"the source has {source} sentences, the translation {target}: was one left out?"]
    return []


def _imbalance(text: str, start: str, end: str) -> int:
    return text.count(start) - text.count(end)


def check_brackets(m: Message) -> list[str]:
    """A bracket or quotation mark opened and never closed (or closed and never opened) in the
    translation, where the source's are balanced."""
    pairs = list(BRACKETS)
    quotes = language(m.language).quotes
    if quotes and quotes.start != quotes.end:
        pairs.append((quotes.start, quotes.end))
    return [f"{start} and {end} do not pair up: {m.translation_plain.count(start)} {start}, "
            f"{m.translation_plain.count(end)} {end}"
            for start, end in pairs
            if _imbalance(m.translation_plain, start, end) and not _imbalance(m.source_plain, start, end)]


def check_doubled_words(m: Message) -> list[str]:
    """A word written twice in a row ("the the"), unless the source has the same pair."""
    source = {found.group(0).casefold() for found in _DOUBLED.finditer(m.source_plain)}
    return [f"{found.group(0)!r}: the word is written twice" for found in _DOUBLED.finditer(m.translation_plain)
            if found.group(0).casefold() not in source]
