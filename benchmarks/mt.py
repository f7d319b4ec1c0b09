"""Machine drafts of the article: argostranslate's usual path against this project's engine.

Builds an Argos 1.9-sized package (Transformer base: 6+6 layers, d_model 512, 8 heads, FFN 2048,
int8, a 50,000-entry vocabulary, SentencePiece trained on the article) whose weights carry a
planted copy circuit, so that every path decodes sentences of the article's real lengths. Then,
with identical decoding settings (beam 4) and the same sentence splitter, times:

  A  argostranslate's own translate(), one call per segment (its splitter replaced by ours);
  B  this project's engine (translate.drafts), on a fresh copy of the project;
  C  one raw CTranslate2 translate_batch over the same sentences.

Model loading and the first call's allocations are left out (each model is warmed up once), B
and C are the best of three runs (B on a fresh copy each time). It checks that A and B give the same text and ends with
``A/B=<ratio> B/C=<ratio> calls=<model calls of B>``. Run: ``python benchmarks/mt.py``.
"""

import os
import platform
import shutil
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
WORK = Path(tempfile.mkdtemp(prefix="l10n-mt-bench-"))
os.environ["ARGOS_PACKAGES_DIR"] = str(WORK / "packages")  # before argostranslate reads its settings
sys.path.insert(0, str(REPO / "tests"))

from support.argos_builder import build_package  # noqa: E402

from l10n_article.translate.mt.argos import DECODING, install_file  # noqa: E402
from l10n_article.translate.catalog.pofile import read_catalog  # noqa: E402
from l10n_article.translate.mt.drafts import Engines, translate_drafts  # noqa: E402
from l10n_article.render.cli import workspace  # noqa: E402
from l10n_article.translate.workspace import Workspace  # noqa: E402
from l10n_article.translate.mt.sentences import split_sentences  # noqa: E402


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    return f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}"


RUNS = 3


def fresh_project(number: int) -> Workspace:
    folder = WORK / f"project-{number}"
    shutil.copytree(REPO / "source", folder / "source")
    shutil.copy(REPO / "pyproject.toml", folder / "pyproject.toml")
    return workspace(folder)


def main() -> None:
    project = fresh_project(0)
    segments = list(dict.fromkeys(s.text for a in project.articles for s in a.segments))
    started = time.perf_counter()
    archive = build_package(WORK, "fr", "en", segments, layers=6, d_model=512, heads=8, ffn=2048,
                            quantization="int8", vocabulary_size=50_000)
    info = install_file(archive)
    print(f"built and installed an Argos 1.9-sized package in {time.perf_counter() - started:.1f} s")

    import argostranslate.translate
    languages = {lang.code: lang for lang in argostranslate.translate.get_installed_languages()}
    argos = languages["fr"].get_translation(languages["en"])
    argos.underlying.sentencizer.split_sentences = split_sentences
    argos.underlying.hypotheses("Bonjour.", num_hypotheses=1)  # loads the model
    started = time.perf_counter()
    a_texts = [argos.translate(segment) for segment in segments]
    a = time.perf_counter() - started

    engines = Engines("cpu", 0, 4)
    engine = engines.get(info)
    sentences = [sentence for segment in segments for sentence in split_sentences(segment)]
    tokens = [engine.tokenizer.encode(sentence) for sentence in sentences]
    engine.translator.translate_batch(tokens, beam_size=4, **DECODING)  # warm-up

    b_times, c_times = [], []
    for number in range(1, RUNS + 1):
        project = fresh_project(number)
        engine.calls = 0
        started = time.perf_counter()
        calls = translate_drafts(project, ("en",), engines=engines).calls
        b_times.append(time.perf_counter() - started)
        started = time.perf_counter()
        engine.translator.translate_batch(tokens, beam_size=4, **DECODING)
        c_times.append(time.perf_counter() - started)
    b, c = min(b_times), min(c_times)
    drafts = {e.msgid: e.msgstr for e in read_catalog(project.project.po_path("en", "kazakhstan-ue"), "en")}
    b_texts = [drafts[segment] for segment in segments]

    differing = [i for i, (x, y) in enumerate(zip(a_texts, b_texts)) if x != y]
    print(f"machine: {machine()}")
    print(f"{len(segments)} segments, {len(sentences)} sentences, beam 4")
    print(f"A argostranslate translate() per segment: {a:.2f} s")
    print(f"B this engine (translate.drafts):         {b:.2f} s, {calls} model calls")
    print(f"C one raw translate_batch:                {c:.2f} s")
    print("A and B give the same text" if not differing else f"A and B differ on segments {differing}")
    print(f"A/B={a / b:.2f} B/C={b / c:.2f} calls={calls}")
    shutil.rmtree(WORK, ignore_errors=True)
    sys.exit(1 if differing else 0)


if __name__ == "__main__":
    main()
