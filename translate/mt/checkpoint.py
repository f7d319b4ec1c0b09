"""A local Hugging Face checkpoint of a translation model, read before it is converted: its
architecture, its SentencePiece model, its license, and the language tokens it knows.

Three families convert: Marian (OPUS-MT, ``source.spm``: one language pair, or several target
languages chosen by a token such as ``>>kaz<<`` before the source text), M2M-100 (language tokens
``__fr__``, ``__kk__``) and NLLB-200 (the M2M-100 architecture with FLORES-200 codes such as
``fra_Latn``, ``kaz_Cyrl``). A project's code is matched to an NLLB or OPUS-MT code through CLDR's
language aliases (``kaz`` is ``kk``, ``uzn`` is ``uz``) and the script the language is written in
by default (``kk`` is written in Cyrillic), so no table of codes is kept here.
"""

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from babel.core import get_global, parse_locale

from l10n_article.translate.errors import L10nError
from l10n_article.translate.files import read_json_object

SENTENCEPIECE = {"marian": "source.spm", "m2m_100": "sentencepiece.bpe.model"}
M2M_CODE = re.compile(r"__(?P<language>[a-z]{2,3})__")  # __kk__
NLLB_CODE = re.compile(r"(?P<language>[a-z]{3})_(?P<script>[A-Z][a-z]{3})")  # kaz_Cyrl
MARIAN_CODE = re.compile(r">>(?P<language>[a-z]{2,3})(?:_(?P<script>[A-Z][a-z]{3}))?<<")  # >>kaz<<, >>kaz_Cyrl<<
HUB_NAME = re.compile(r"[\w-][\w.-]*/[\w.-]+")  # facebook/nllb-200-distilled-600M


@dataclass(frozen=True)
class Checkpoint:
    """A checkpoint folder found convertible: its ``config.json`` model type, the SentencePiece
    model that tokenizes its source text, its name and its license (``unknown`` when unstated)."""

    path: Path
    model_type: str
    sentencepiece: Path
    name: str
    license: str


@dataclass(frozen=True)
class LanguageTokens:
    """The tokens a multilingual model needs: ``source_prefix`` starts every source sentence (the
    source language's, or for a Marian model the target language's), ``target_prefix`` every
    translation (the target language's); none for a Marian model of one language pair."""

    source_prefix: str = ""
    target_prefix: str = ""


def _config(path: Path) -> dict[str, Any]:
    """The checkpoint's ``config.json``, a JSON object."""
    if not path.exists():
        raise L10nError("no such folder", path)
    if not path.is_dir():
        raise L10nError("not a folder: models convert takes a Hugging Face checkpoint folder", path)
    return read_json_object(path / "config.json", "not a Hugging Face checkpoint: no config.json", at_file=True)


def model_card(path: Path) -> dict[str, Any]:
    """The front matter of the checkpoint's model card (``README.md``), or nothing when it has no
    card or the card's front matter does not parse (it only informs, it never decides)."""
    try:
        text = (path / "README.md").read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return {}
    parts = text.split("---", 2) if text.startswith("---") else []
    try:
        front = yaml.safe_load(parts[1]) if len(parts) == 3 else None
    except yaml.YAMLError:
        return {}
    return front if isinstance(front, dict) else {}


def read(path: Path) -> Checkpoint:
    """The checkpoint in folder ``path``, or an L10nError naming what is missing."""
    config = _config(path)
    model_type = config.get("model_type")
    if model_type not in SENTENCEPIECE:
        raise L10nError(f"a model of type {model_type!r}: models convert takes Marian (OPUS-MT), "
                        "M2M-100 and NLLB-200 translation models", path / "config.json")
    sentencepiece = path / SENTENCEPIECE[model_type]
    if not sentencepiece.is_file():
        raise L10nError(f"no tokenizer model: {sentencepiece.name} is missing", path)
    stated = model_card(path).get("license") or config.get("license") or "unknown"
    origin = str(config.get("_name_or_path") or "")
    name = origin if HUB_NAME.fullmatch(origin) else path.resolve().name  # never a path of the converting machine
    return Checkpoint(path, model_type, sentencepiece, name, str(stated))


def _known_tokens(tokenizer: Any) -> set[str]:
    """Every token the tokenizer knows, its language tokens included (transformers 5 leaves
    M2M-100's out of ``get_vocab``)."""
    return set(tokenizer.get_vocab()) | set(getattr(tokenizer, "lang_token_to_id", {}))


def _language(code: str) -> tuple[str, str]:
    """A project's language code (checked) as CLDR language and script: ``kk`` → (kk, Cyrl)."""
    language, _, script, *_ = parse_locale(code)  # not Locale.parse: it turns kk_Latn into kk_Cyrl
    if script:
        return language, script
    likely = get_global("likely_subtags").get(language, "").split("_")
    return language, likely[1] if len(likely) > 1 else ""


def _coded_token(code: str, tokens: set[str], pattern: re.Pattern[str]) -> str:
    """The token among ``tokens`` that ``pattern`` reads as the project's language ``code`` (in
    its script, when the token names one), the closest first: prs (fa_AF, Dari) for fa_AF, pes
    (fa) for fa; "" when none is."""
    language, script = _language(code)
    aliases = get_global("language_aliases")
    found = {}
    for token in tokens:
        match = pattern.fullmatch(token)
        if match and match.groupdict().get("script") in (None, script):
            named = aliases.get(match["language"], match["language"])
            if named.split("_")[0] == language:
                found[token] = (named != code, named != language, not match.groupdict().get("script"), token)
    return min(found, key=found.__getitem__) if found else ""


def _token(code: str, tokens: set[str], patterns: tuple[re.Pattern[str], ...], path: Path) -> str:
    """The language token for ``code``, or an L10nError naming the checkpoint folder."""
    for pattern in patterns:
        token = _coded_token(code, tokens, pattern)
        if token:
            return token
    raise L10nError(f"this model has no language token for {code!r}", path)


def language_tokens(checkpoint: Checkpoint, tokenizer: Any, source: str, target: str) -> LanguageTokens:
    """The language tokens for ``source``→``target``: none for a Marian model of one pair (after
    checking the pair it names, if it names one), ``>>kaz<<`` before the source text for a Marian
    model of several target languages, else ``__kk__`` or ``kaz_Cyrl`` as the checkpoint spells them."""
    tokens = _known_tokens(tokenizer)
    if checkpoint.model_type == "marian":
        if not any(MARIAN_CODE.fullmatch(token) for token in tokens):
            _check_pair(checkpoint, tokenizer, source, target)
            return LanguageTokens()
        _check_card(checkpoint, source, target)
        return LanguageTokens(source_prefix=_token(target, tokens, (MARIAN_CODE,), checkpoint.path))
    return LanguageTokens(*(_token(code, tokens, (M2M_CODE, NLLB_CODE), checkpoint.path) for code in (source, target)))


def _normal(code: Any) -> str:
    """A language code as a project writes it: ``fra`` → ``fr``; anything else unchanged."""
    text = str(code or "")
    return get_global("language_aliases").get(text, text).split("_")[0]


def _check_pair(checkpoint: Checkpoint, tokenizer: Any, source: str, target: str) -> None:
    """Refuse a Marian checkpoint whose tokenizer or model card names another language pair."""
    named = (_normal(getattr(tokenizer, "source_lang", None)), _normal(getattr(tokenizer, "target_lang", None)))
    if all(named) and named != (_language(source)[0], _language(target)[0]):
        raise L10nError(f"a Marian model for {named[0]}→{named[1]}, not {source}→{target} "
                        "(its tokenizer_config.json says so)", checkpoint.path)
    _check_card(checkpoint, source, target)


def _check_card(checkpoint: Checkpoint, source: str, target: str) -> None:
    """Refuse a Marian checkpoint whose model card lists its languages without these two."""
    languages = model_card(checkpoint.path).get("language")
    listed = {_normal(code) for code in languages} if isinstance(languages, list) else set()
    missing = sorted({code for code in (source, target) if _language(code)[0] not in listed})
    if listed and missing:
        raise L10nError(f"a Marian model for {', '.join(sorted(listed))}, not {source}→{target} "
                        f"(its model card does not list {', '.join(missing)})", checkpoint.path)
