"""The sentence splitter on in-memory texts: where a sentence ends, and where it does not."""

import pytest

from l10n_article.translate.mt.sentences import Sentence, split_sentences, split_with_spaces
from support.sentence_cases import CASES as REGRESSION

CASES = {
    "two plain sentences": ("Le sommet s’est ouvert. Il a duré deux jours.",
                            ["Le sommet s’est ouvert.", "Il a duré deux jours."]),
    "French space before a question mark": ("Quels livrables ? Le sommet a répondu.",
                                            ["Quels livrables ?", "Le sommet a répondu."]),
    "narrow no-break space before an exclamation mark": ("Enfin\u202f! La suite.", ["Enfin\u202f!", "La suite."]),
    "question and exclamation marks together": ("Quoi ?! Non.", ["Quoi ?!", "Non."]),
    "ellipsis": ("Vraiment… Oui.", ["Vraiment…", "Oui."]),
    "initial of a first name": ("Il a vu J. Smith hier. Puis il est parti.",
                                ["Il a vu J. Smith hier.", "Puis il est parti."]),
    "French titles": ("M. Tokaïev et Mme Dupont sont venus. Ils ont parlé.",
                      ["M. Tokaïev et Mme Dupont sont venus.", "Ils ont parlé."]),
    "page and compare abbreviations": ("Voir p. 12 et cf. Dupont.", ["Voir p. 12 et cf. Dupont."]),
    "Russian abbreviation of a city": ("Он приехал в г. Астана. Он сказал.", ["Он приехал в г. Астана.", "Он сказал."]),
    "French closing guillemet after the stop": ("« C’est fini. » Il est parti.", ["« C’est fini. »", "Il est parti."]),
    "guillemet exclamation": ("Il a dit : « Bonjour ! » Puis rien.", ["Il a dit : « Bonjour ! »", "Puis rien."]),
    "Russian guillemets without spaces": ("«Конец.» Он ушёл.", ["«Конец.»", "Он ушёл."]),
    "next sentence opens a quotation": ("Il l’a dit. « Oui », a-t-il répondu.",
                                        ["Il l’a dit.", "« Oui », a-t-il répondu."]),
    "quotation inside a sentence": ("Un partenariat « fondé sur des intérêts ». Puis la suite.",
                                    ["Un partenariat « fondé sur des intérêts ».", "Puis la suite."]),
    "closing bracket": ("(Voir plus bas.) La suite.", ["(Voir plus bas.)", "La suite."]),
    "decimal point": ("Le PIB a crû de 3.5 % cette année.", ["Le PIB a crû de 3.5 % cette année."]),
    "decimal comma at the end": ("Il y a 12 milliards. Le taux est 4,5.", ["Il y a 12 milliards.", "Le taux est 4,5."]),
    "next sentence starts with a number": ("En 2025. 12 pays ont signé.", ["En 2025.", "12 pays ont signé."]),
    "date inside a sentence": ("Le 4 avril 2025, M. Tokaïev l’a dit.", ["Le 4 avril 2025, M. Tokaïev l’a dit."]),
    "lower case after a stop": ("Voir l’art. premier du traité.", ["Voir l’art. premier du traité."]),
    "no end punctuation": ("Newsletter", ["Newsletter"]),
    "empty text": ("", []),
}


@pytest.mark.parametrize("text, expected", CASES.values(), ids=CASES.keys())
def test_sentences(text, expected):
    assert split_sentences(text) == expected


@pytest.mark.parametrize("text", [text for text, _ in CASES.values()], ids=CASES.keys())
def test_sentences_and_their_spaces_cover_the_text_exactly(text):
    assert "".join(s.text + s.gap for s in split_with_spaces(text)) == text


def test_the_white_space_after_each_sentence_is_kept_as_it_was():
    assert split_with_spaces("Bien.  Deux espaces.\u00a0Fin.") == [
        Sentence("Bien.", "  "), Sentence("Deux espaces.", "\u00a0"), Sentence("Fin.")]


@pytest.mark.parametrize("text, expected", REGRESSION.values(), ids=REGRESSION.keys())
def test_french_regression_set(text, expected):
    assert split_sentences(text) == expected
    assert "".join(s.text + s.gap for s in split_with_spaces(text)) == text
