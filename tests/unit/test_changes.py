"""Cosmetic or material: edits of a published French source text, classified in memory."""

import pytest

from l10n_article.translate.catalog.changes import ChangeKind, Fact, changed_words, classify_change
from l10n_article.translate.quality.glossary import Term

GLOSSARY = (Term({"fr": "Kassym-Jomart Tokaïev", "en": "Kassym-Jomart Tokayev"}),
            Term({"fr": "Samarcande", "en": "Samarkand"}))
BEFORE = ("Le 4 avril 2025, à Samarcande, Kassym-Jomart Tokaïev a annoncé un plan de 12 milliards d’euros, "
          "« la pierre angulaire du dialogue », qui ne sera pas remis en cause.")


@pytest.mark.parametrize("after", [
    BEFORE.replace("a annoncé", "a présenté"),  # wording
    BEFORE.replace("un plan", "un vaste plan"),  # a word added
    BEFORE.replace(", à Samarcande,", " à Samarcande"),  # punctuation
    BEFORE.replace("annoncé", "anoncé"),  # spelling
    BEFORE.replace("12 milliards", "*12* milliards"),  # emphasis
    BEFORE + " Les détails suivront.",  # a sentence that states no new fact
])
def test_edits_that_keep_every_fact_are_cosmetic(after):
    change = classify_change(BEFORE, after, "fr", GLOSSARY)
    assert change.kind == ChangeKind.COSMETIC and not change.material
    assert change.removed_facts == change.added_facts == ()


@pytest.mark.parametrize("after, removed, added", [
    (BEFORE.replace("12 milliards", "14 milliards"), ("number", "12 billion euros"), ("number", "14 billion euros")),
    (BEFORE.replace("milliards", "millions"), ("number", "12 billion euros"), ("number", "12 million euros")),
    (BEFORE.replace("d’euros", "de dollars"), ("number", "12 billion euros"), ("number", "12 billion dollars")),
    (BEFORE.replace("4 avril", "5 avril"), ("date", "2025-04-04"), ("date", "2025-04-05")),
    (BEFORE.replace("Samarcande", "Astana"), ("name", "Samarcande"), None),
    (BEFORE.replace("angulaire", "d’angle"), ("quotation", "la pierre angulaire du dialogue"),
     ("quotation", "la pierre d angle du dialogue")),
    (BEFORE.replace("ne sera pas remis", "sera remis"), ("negation", "ne"), None),
])
def test_a_changed_fact_is_material_and_named(after, removed, added):
    change = classify_change(BEFORE, after, "fr", GLOSSARY)
    assert change.kind == ChangeKind.MATERIAL and change.material
    assert Fact(*removed) in change.removed_facts
    assert added is None or Fact(*added) in change.added_facts


def test_glossary_names_count_only_with_the_term_base():
    after = BEFORE.replace("Samarcande", "Astana")
    assert classify_change(BEFORE, after, "fr").kind == ChangeKind.COSMETIC


def test_the_changed_words_are_the_words_of_the_diff():
    assert changed_words("Le plan de 12 milliards d’euros.", "Le vaste plan de 14 milliards d’euros.") == (
        ("12",), ("vaste", "14"))
    long = " ".join(f"mot{i % 7}" for i in range(400))  # repeated words: no automatic junk heuristic
    assert changed_words(long, long.replace("mot3", "terme", 1)) == (("mot3",), ("terme",))
