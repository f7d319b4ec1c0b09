"""Machine drafts that keep the glossary's names and say how sure the model was, with real
copy-circuit packages: a model copies its input, so a glossary form in a draft can only come
from the placeholders."""

import math
import re
import shutil
import xml.etree.ElementTree as ET
from dataclasses import replace

import ctranslate2
import sentencepiece as spm

import l10n_article.translate.mt.argos
from support import CAPTION, REPO, TITLE
from l10n_article.render.cli import workspace
from l10n_article.translate.catalog.pofile import read_catalog
from l10n_article.translate.mt.memory import Memory
from l10n_article.translate.mt.drafts import translate_drafts

def catalog(project, language):
    return read_catalog(project / "locales" / language / "LC_MESSAGES" / "kazakhstan-ue.po", language)


def with_glossary(project):
    (project / "locales").mkdir(exist_ok=True)
    shutil.copy(REPO / "locales" / "glossary.csv", project / "locales" / "glossary.csv")


def test_glossary_names_come_out_in_each_language_directly_and_through_a_pivot(project, install, l10n):
    install("fr_en", "en_ru", "fr_kk")
    with_glossary(project)
    assert l10n(project, "translate")[0] == 0
    assert catalog(project, "en").find(CAPTION).msgstr == "Kassym-Jomart Tokayev au sommet EU-Central Asia"
    assert catalog(project, "ru").find(CAPTION).msgstr == "Касым-Жомарт Токаев au sommet ЕС-Центральная Азия"
    assert catalog(project, "kk").find(CAPTION).msgstr == "Қасым-Жомарт Тоқаев au sommet ЕО-Орталық Азия"
    title = catalog(project, "en").find(TITLE).msgstr
    assert title == "Entre minerais et géopolitique, le Kazakhstan trace sa voie avec l’EU"
    union = next(e for e in catalog(project, "ru") if "l’Union européenne" in e.msgid)
    assert "l’Европейский союз" in union.msgstr and "Union" not in union.msgstr


def test_the_model_sees_placeholders_and_the_memory_keeps_them(project, install, monkeypatch):
    install("fr_en")
    with_glossary(project)
    seen = []
    real = l10n_article.translate.mt.argos.Engine.translate
    monkeypatch.setattr(l10n_article.translate.mt.argos.Engine, "translate",
                        lambda engine, batch: seen.extend(batch) or real(engine, batch))
    translate_drafts(workspace(project), ("en",))
    assert "[1] au sommet [2]-[3]" in seen  # "⟦" is unknown to the test tokenizer: the next shape is used
    assert not any("Tokaïev" in sentence for sentence in seen)
    memory = Memory.in_folder(project / "locales", "fr")
    assert memory.get("translate-fr_en 1.9", "fr", "en", "[1] au sommet [2]-[3]").text == "[1] au sommet [2]-[3]"


def test_a_placeholder_the_model_drops_falls_back_to_the_plain_translation_and_says_so(project, install, monkeypatch):
    install("fr_en")
    with_glossary(project)
    real = l10n_article.translate.mt.argos.Engine.translate

    def dropping(engine, batch):
        outputs = real(engine, batch)
        return [replace(o, text=o.text.replace("au sommet [2]", "au sommet")) for o in outputs]
    monkeypatch.setattr(l10n_article.translate.mt.argos.Engine, "translate", dropping)
    report = translate_drafts(workspace(project), ("en",))
    entry = catalog(project, "en").find(CAPTION)
    assert entry.msgstr == CAPTION  # the plain translation: the copy of the French
    assert entry.tcomment.endswith("; glossary placeholders lost by the model, plain translation of 1 sentence")
    assert catalog(project, "en").find(TITLE).msgstr.endswith("avec l’EU")  # other sentences keep their terms
    again = translate_drafts(workspace(project), ("en",))
    assert report.calls == 2 and again.calls == 0  # the plain pass is batched once, then remembered


def _mean_log_prob(package_folder, source, target):
    """CTranslate2's own log-probabilities of ``target`` given ``source`` (end token included)."""
    tokenizer = spm.SentencePieceProcessor(model_file=str(package_folder / "sentencepiece.model"))
    translator = ctranslate2.Translator(str(package_folder / "model"))
    scored = translator.score_batch([tokenizer.encode(source, out_type=str)], [tokenizer.encode(target, out_type=str)])
    return sum(scored[0].log_probs) / len(scored[0].log_probs)


def test_confidence_is_the_geometric_mean_token_probability_in_comment_and_memory(project, install, l10n, tmp_path):
    folder = install("fr_en_unsure")
    translate_drafts(workspace(project), ("en",))
    entry = catalog(project, "en").find(TITLE)
    shown = float(re.fullmatch(r"machine draft: argos translate-fr_en 1\.8, confidence (0\.\d\d)", entry.tcomment)[1])
    expected = math.exp(_mean_log_prob(folder / "translate-fr_en-1_8", TITLE, entry.msgstr))
    assert 0.05 < expected < 0.95  # a model unsure enough for the test to mean something
    assert shown == round(expected, 2)
    memory = Memory.in_folder(project / "locales", "fr")
    assert math.isclose(memory.confidence("en", TITLE), expected, abs_tol=1e-3)
    assert l10n(project, "memory", "export", "--out", str(tmp_path / "memory.tmx"))[0] == 0
    units = {u.findtext("tuv[1]/seg"): u for u in ET.parse(tmp_path / "memory.tmx").iter("tu")
             if u.get("segtype") == "paragraph"}
    assert units[TITLE].find("prop[@type='x-confidence']") is not None


def test_a_surer_model_has_a_higher_confidence_and_a_pivot_multiplies_its_legs(project, install):
    install("fr_en", "en_ru")
    translate_drafts(workspace(project), ("en", "ru"))
    memory = Memory.in_folder(project / "locales", "fr")
    direct, pivot = memory.confidence("en", TITLE), memory.confidence("ru", TITLE)
    assert 0.9 < direct <= 1 and pivot <= direct


def test_compare_lists_the_least_sure_machine_drafts_first(project, install, l10n):
    install("fr_en_unsure")
    translate_drafts(workspace(project), ("en",))
    memory = Memory.in_folder(project / "locales", "fr")
    status, out, _ = l10n(project, "compare", "--lang", "en", "--needs-review")
    assert status == 0
    shown = [float(value) for value in re.findall(r"\[machine draft, confidence (\d\.\d\d)", out)]
    assert len(shown) >= 10 and shown == sorted(shown)
    first = re.search(r"#\d+ \w+ .*\n  fr  (.*)", out)[1]
    least = min((memory.confidence("en", entry.msgid), entry.msgid) for entry in catalog(project, "en"))
    assert least[1].startswith(first.split(" ")[0])
