"""Inline Markdown in memory: runs for the machine, plain text for titles."""

from l10n_article.translate.source.inline import Run, plain_text, split_runs

REFERENCES = {"UE": {"href": "https://example.org/ue", "title": ""}}


def test_the_label_of_a_reference_link_is_markup_when_the_article_defines_it():
    segment = "Voir le [rapport][ue] ici."
    runs = split_runs(segment, REFERENCES)
    assert "".join(run.text for run in runs) == segment
    assert [run.text for run in runs if run.translatable] == ["Voir le ", "rapport", " ici."]
    assert Run("][ue]", False) in runs


def test_plain_text_keeps_words_and_the_alt_text_of_images():
    assert plain_text("Un [texte][ue], du `code` et *de l’emphase*", REFERENCES) == "Un texte, du code et de l’emphase"
    assert plain_text("![La *carte*](img/carte.png)") == "La carte"
    assert plain_text("![](img/carte.png)") == "carte.png"
    assert plain_text("deux\\\nlignes") == "deux lignes"
