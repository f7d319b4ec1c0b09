"""Typography of each language: quotation marks, no-break spaces, ellipsis, single spaces.

Each rule is a mechanical, safe rewrite of the translation's text runs (never of link targets or
code spans): the typography check reports the rules that would change a translation, and
``l10n check --fix`` applies them. Applying them twice changes nothing.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass

from l10n_article.translate.quality.languages import Language, language
from l10n_article.translate.quality.message import Message
from l10n_article.translate.source.inline import split_runs
from l10n_article.translate.source.markdown import inline_tokens

SPACES = " \u00a0\u202f"
QUOTE_MARKS = "«»“”„‚‹›「」"


@dataclass(frozen=True)
class Rule:
    """One rewrite: what it finds (``pattern``), what it writes, and what a translator is told."""

    pattern: re.Pattern[str]
    replacement: str | Callable[[re.Match[str]], str]
    problem: str
    paired: bool = False    # only when its marks come in pairs (an even number of ")
    reported: bool = True   # False: another check reports it (the quotes check, straight quotes)


def _straight_quotes(lang: Language) -> Callable[[re.Match[str]], str]:
    """Pairs of straight quotes → the language's marks (left alone when their number is odd)."""
    quotes = lang.quotes

    def replace(found: re.Match[str]) -> str:
        if quotes is None:
            return found.group(0)
        return f"{quotes.start}{found.group(1)}{quotes.end}"
    return replace


def rules(lang: Language) -> list[Rule]:
    """The typography rules of ``lang``, in the order they apply."""
    found = [Rule(re.compile(r"(?<=\S) {2,}(?=\S)"), " ", "doubled space"),
             Rule(re.compile(r"(?<!\.)\.\.\.(?!\.)"), "…", "three full stops instead of an ellipsis (…)")]
    if lang.quotes:
        found.append(Rule(re.compile(r'"([^"\n]*)"'), _straight_quotes(lang),
                          "straight quotes", paired=True, reported=False))
    typo = lang.typography
    for mark, space in typo.space_before.items():
        found.append(Rule(re.compile(rf"(?<=\S)[{SPACES.replace(space, '')}](?={re.escape(mark)})"), space,
                          f"{_name(space)} wanted before {mark!r}"))
    if typo.space_inside_quotes and lang.quotes:
        start, end, space = re.escape(lang.quotes.start), re.escape(lang.quotes.end), typo.space_inside_quotes
        wanted = f"{_name(space)} wanted inside {lang.quotes.start} {lang.quotes.end}"
        found += [Rule(re.compile(rf"{start}(?!{space})[{SPACES}]*(?=\S)"), lang.quotes.start + space, wanted),
                  Rule(re.compile(rf"(?<=\S)(?<!{space})[{SPACES}]*{end}"), space + lang.quotes.end, wanted)]
    if typo.no_break_before:
        words = "|".join(map(re.escape, typo.no_break_before))
        found.append(Rule(re.compile(rf"(?<=\d) (?=(?:{words})(?!\w))"), "\u00a0",
                          f"no-break space wanted between a number and {', '.join(typo.no_break_before)}"))
    if typo.no_break_before_dash:
        found.append(Rule(re.compile(r"(?<=\S) (?=[—–] )"), "\u00a0", "no-break space wanted before a dash"))
    return found


def _name(space: str) -> str:
    return "narrow no-break space" if space == "\u202f" else "no-break space"


def _apply(text: str, lang: Language) -> tuple[str, list[str]]:
    problems = []
    for rule in rules(lang):
        if rule.paired and text.count('"') % 2:
            continue
        fixed = rule.pattern.sub(rule.replacement, text)
        if fixed != text and rule.reported:
            problems.append(rule.problem)
        text = fixed
    return text, problems


def _runs(translation: str) -> list[tuple[str, bool]]:
    """``translation`` cut into its runs, each with whether it is text (rather than markup), letters
    or not (``...`` after emphasis is text)."""
    texts = {token.content for token in inline_tokens(translation)
             if token.type == "text"}
    return [(run.text, run.translatable or run.text in texts) for run in split_runs(translation)]


def fix_typography(translation: str, code: str) -> str:
    """``translation`` with ``code``'s typography applied to its text runs (markup untouched)."""
    lang = language(code)
    return "".join(_apply(text, lang)[0] if is_text else text for text, is_text in _runs(translation))


def check_typography(m: Message) -> list[str]:
    """Typography your language wants: a no-break space where it belongs (French before : ; ! ?
    and inside « »; Russian and Kazakh between a number and млрд or млн, and before a spaced
    dash), an ellipsis (…) rather than three full stops, the language's quotation marks rather
    than straight ones, single spaces. l10n check --fix makes these changes for you."""
    lang = language(m.language)
    problems: list[str] = []
    for text, is_text in _runs(m.translation):
        if is_text:
            problems += [p for p in _apply(text, lang)[1] if p not in problems]
    return problems
