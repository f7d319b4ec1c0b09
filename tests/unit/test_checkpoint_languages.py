"""A project's language codes matched to a checkpoint's language tokens (``models convert``), on
in-memory tokenizers: M2M-100's ``__kk__``, NLLB-200's FLORES-200 codes through CLDR's aliases and
default scripts, the target token of a Marian model of several targets (``>>kaz<<``), and the
language pair a Marian checkpoint of one pair names."""

from pathlib import Path
from types import SimpleNamespace

import pytest

from l10n_article.translate.errors import L10nError
from l10n_article.translate.mt.checkpoint import Checkpoint, LanguageTokens, language_tokens

NLLB = ["<s>", "</s>", "▁le", "fra_Latn", "kaz_Cyrl", "rus_Cyrl", "uzn_Latn", "pes_Arab", "prs_Arab", "zho_Hans",
        "zho_Hant", "srp_Cyrl", "eng_Latn", "arb_Arab", "ary_Arab"]


def tokenizer(tokens, **attributes):
    """A stand-in for a transformers tokenizer: its vocabulary and the attributes given."""
    return SimpleNamespace(get_vocab=lambda: {token: number for number, token in enumerate(tokens)}, **attributes)


def checkpoint(model_type, folder=Path("/nonexistent/checkpoint")):
    return Checkpoint(folder, model_type, folder / "sentencepiece.bpe.model", folder.name, "unknown")


@pytest.mark.parametrize(("code", "token"), [
    ("kk", "kaz_Cyrl"), ("ru", "rus_Cyrl"), ("uz", "uzn_Latn"), ("fa", "pes_Arab"), ("fa_AF", "prs_Arab"),
    ("zh", "zho_Hans"), ("zh_Hant", "zho_Hant"), ("sr", "srp_Cyrl"), ("ar", "arb_Arab"), ("en", "eng_Latn"),
])
def test_nllb_codes_from_cldr(code, token):
    assert language_tokens(checkpoint("m2m_100"), tokenizer(NLLB), "fr", code) == LanguageTokens("fra_Latn", token)


@pytest.mark.parametrize("code", ["kk_Latn", "de"])
def test_a_language_the_nllb_tokenizer_lacks(code):
    with pytest.raises(L10nError, match=f"no language token for '{code}'"):
        language_tokens(checkpoint("m2m_100"), tokenizer(NLLB), "fr", code)


def test_m2m100_tokens_outside_the_vocabulary():
    """transformers 5 keeps M2M-100's language tokens in ``lang_token_to_id`` only."""
    m2m = tokenizer(["<s>", "</s>", "▁le"], lang_token_to_id={"__fr__": 3, "__kk__": 4})
    assert language_tokens(checkpoint("m2m_100"), m2m, "fr", "kk") == LanguageTokens("__fr__", "__kk__")


@pytest.mark.parametrize(("named", "pair", "refused"), [
    (("fr", "en"), ("fr", "en"), False),
    (("fra", "eng"), ("fr", "en"), False),  # ISO 639-3, as some OPUS-MT tokenizers write them
    (("fr", "en"), ("fr", "kk"), True),
    ((None, None), ("fr", "kk"), False),  # nothing named: nothing to check
])
def test_marian_pair(named, pair, refused, tmp_path):
    marian = tokenizer(["▁le"], source_lang=named[0], target_lang=named[1])
    if refused:
        with pytest.raises(L10nError, match="a Marian model for fr→en, not fr→kk"):
            language_tokens(checkpoint("marian", tmp_path), marian, *pair)
    else:
        assert language_tokens(checkpoint("marian", tmp_path), marian, *pair) == LanguageTokens()


@pytest.mark.parametrize(("target", "refused"), [("ru", False), ("en", True)])
def test_marian_model_card_languages(target, refused, tmp_path):
    """A Marian checkpoint whose tokenizer names no pair is checked against its model card."""
    (tmp_path / "README.md").write_text("---\nlanguage:\n- fra\n- rus\n---\n# opus-mt\n", encoding="utf-8")
    marian = tokenizer(["▁le"], source_lang=None, target_lang=None)
    if refused:
        with pytest.raises(L10nError, match=r"a Marian model for fr, ru, not fr→en \(its model card does not list en\)"):
            language_tokens(checkpoint("marian", tmp_path), marian, "fr", target)
    else:
        assert language_tokens(checkpoint("marian", tmp_path), marian, "fr", target) == LanguageTokens()


@pytest.mark.parametrize(("targets", "code", "token"), [
    ([">>kaz<<", ">>rus<<"], "kk", ">>kaz<<"),
    ([">>kk<<", ">>ru<<"], "kk", ">>kk<<"),
    ([">>kaz_Latn<<", ">>kaz_Cyrl<<"], "kk", ">>kaz_Cyrl<<"),
    ([">>kaz_Latn<<", ">>kaz_Cyrl<<"], "kk_Latn", ">>kaz_Latn<<"),
])
def test_marian_of_several_targets(targets, code, token, tmp_path):
    """The target's token goes before the source text; the tokenizer's own pair (``mul``) is not
    checked, as it names no single target."""
    marian = tokenizer(["▁le", *targets], source_lang="fr", target_lang="mul")
    assert language_tokens(checkpoint("marian", tmp_path), marian, "fr", code) == LanguageTokens(source_prefix=token)


def test_marian_of_several_targets_without_this_one(tmp_path):
    marian = tokenizer(["▁le", ">>rus<<"])
    with pytest.raises(L10nError, match="no language token for 'kk'"):
        language_tokens(checkpoint("marian", tmp_path), marian, "fr", "kk")
