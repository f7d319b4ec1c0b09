"""Glossary placeholders on in-memory sentences: which terms are masked, and which form comes back."""

import pytest

from l10n_article.translate.mt.terms import TermMasker, placeholder_for
from l10n_article.translate.quality.glossary import Term

TERMS = [Term({"fr": "Samarcande", "ru": "Самарканд|Самарканде", "kk": "Самарқанд", "en": "Samarkand"}),
         Term({"fr": "UE", "en": "EU", "ru": "ЕС"}),
         Term({"fr": "C5+UE", "en": "C5+EU"}),
         Term({"fr": "terres rares", "en": "rare earth"}),
         Term({"fr": "Kassym-Jomart Tokaïev", "ru": "Касым-Жомарт Токаев", "en": "Kassym-Jomart Tokayev"})]


def masker(target, source="fr"):
    return TermMasker(TERMS, source, target, "[{}]")


def test_terms_become_numbered_placeholders_longest_first():
    masked = masker("en").mask("Le format C5+UE et l’UE à Samarcande.")
    assert masked.text == "Le format [1] et l’[2] à [3]."
    assert masked.found == ("C5+UE", "UE", "Samarcande")


def test_only_terms_with_a_form_in_the_target_language_are_masked():
    assert masker("kk").mask("L’UE à Samarcande.").text == "L’UE à [1]."


@pytest.mark.parametrize("target, output, expected", [
    ("en", "Summit in [1].", "Summit in Samarkand."),
    ("ru", "Саммит в [1]е.", "Саммит в Самарканде."),  # the glued ending picks the listed form ending with it
    ("kk", "[1]та өтті.", "Самарқандта өтті."),  # no listed form ends with it: appended to the first
    ("ru", "Это [1].", "Это Самарканд."),  # no ending: the dictionary form
], ids=["English", "listed declined form", "Kazakh case ending", "dictionary form"])
def test_the_form_put_back_follows_the_ending_the_model_glued_to_the_placeholder(target, output, expected):
    m = masker(target)
    assert m.restore(m.mask("Sommet à Samarcande."), output) == expected


def test_a_capitalised_term_comes_back_capitalised():
    m = masker("en")
    assert m.restore(m.mask("Terres rares et UE."), "[1] and [2].") == "Rare earth and EU."


@pytest.mark.parametrize("output", ["Summit in.", "Summit in [1] and [1].", "Summit in [2]."],
                         ids=["dropped", "repeated", "renumbered"])
def test_a_placeholder_not_copied_exactly_once_is_a_failure(output):
    m = masker("en")
    assert m.restore(m.mask("Sommet à Samarcande."), output) is None


def test_an_inflected_source_is_matched_in_its_declined_forms():
    m = TermMasker(TERMS, "ru", "en", "[{}]")
    assert m.mask("Визит Касыма-Жомарта Токаева в ЕС.").text == "Визит [1] в [2]."


def test_the_placeholder_shape_is_the_first_every_tokenizer_keeps():
    assert placeholder_for([lambda text: "⟦" not in text, lambda text: True]) == "[{}]"
    assert placeholder_for([lambda text: False]) is None
