"""Machine drafts of the article: argostranslate's usual path against this project's engine.

Builds an Argos 1.9-sized package (Transformer base: 6+6 layers, d_model 512, 8 heads, FFN 2048,
int8, a 50,000-entry vocabulary, SentencePiece trained on the article) whose weights carry a
planted copy circuit, so that every path decodes sentences of the article's real lengths. With
identical decoding settings (beam 4) and the same sentence splitter, it times:

  A   argostranslate's own translate(), one call per segment (its splitter replaced by ours);
  A2  the same with argostranslate's batching cap (``batch_size``: 32 tokens a batch) lifted;
  B   this project's engine (translate.drafts) on a fresh copy of the project, the glossary's
      placeholders and the confidence on;
  C   one raw CTranslate2 translate_batch over the sentences B sends (placeholders included);
  D   a cold ``l10n translate`` process on a fresh copy: start-up and model loading included.

A, A2, B and C run on warm models. Every path runs once per round, in an order that rotates from
round to round (so that a machine busy for a while slows every path alike), and each row is the
median of its rounds. It checks that A and B agree on every segment without a glossary term, and
ends with ``A/B=<ratio> B/C=<ratio> calls=<model calls of B>``.
Run: ``python benchmarks/mt.py [ROUNDS]`` (default 3).
"""

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
WORK = Path(tempfile.mkdtemp(prefix="l10n-mt-bench-"))
os.environ["ARGOS_PACKAGES_DIR"] = str(WORK / "packages")  # before argostranslate reads its settings
sys.path.insert(0, str(REPO / "tests"))

from host import cpu  # noqa: E402
from support.argos_builder import build_package  # noqa: E402

from l10n_article.render.cli import workspace  # noqa: E402
from l10n_article.translate.catalog.pofile import read_catalog  # noqa: E402
from l10n_article.translate.mt.argos import DECODING, install_file  # noqa: E402
from l10n_article.translate.mt.drafts import Engines, translate_drafts  # noqa: E402
from l10n_article.translate.mt.sentences import split_sentences  # noqa: E402
from l10n_article.translate.mt.terms import TermMasker, placeholder_for  # noqa: E402
from l10n_article.translate.workspace import Workspace  # noqa: E402


def fresh_project(name: str) -> Workspace:
    """A copy of the article and its glossary, with no catalog and no memory."""
    folder = WORK / name
    shutil.copytree(REPO / "source", folder / "source")
    (folder / "locales").mkdir()
    shutil.copy(REPO / "locales" / "glossary.csv", folder / "locales" / "glossary.csv")
    shutil.copy(REPO / "pyproject.toml", folder / "pyproject.toml")
    return workspace(folder)


def timed(run: Callable[[], object]) -> float:
    started = time.perf_counter()
    run()
    return time.perf_counter() - started


class Paths:
    """Each timed path, ready to run any number of times."""

    def __init__(self, segments: list[str], info):
        import argostranslate.settings
        import argostranslate.translate
        self.settings = argostranslate.settings
        languages = {lang.code: lang for lang in argostranslate.translate.get_installed_languages()}
        self.argos = languages["fr"].get_translation(languages["en"])
        self.argos.underlying.sentencizer.split_sentences = split_sentences
        self.argos.underlying.hypotheses("Bonjour.", num_hypotheses=1)  # loads the model
        self.segments, self.round = segments, 0
        self.engines = Engines("cpu", 0, 4)
        self.engine = self.engines.get(info)
        glossary = fresh_project("glossary").glossary
        self.masker = TermMasker(glossary, "fr", "en", placeholder_for([self.engine.keeps]))
        sentences = [self.masker.mask(s).text for segment in segments for s in split_sentences(segment)]
        self.tokens = [self.engine.tokenizer.encode(sentence) for sentence in sentences]
        self.raw()  # warm-up
        self.texts: dict[str, list[str]] = {}
        self.calls = 0

    def argos_per_segment(self, cap: int) -> None:
        self.settings.batch_size = cap
        self.texts["A"] = [self.argos.translate(segment) for segment in self.segments]

    def engine_run(self) -> None:
        self.round += 1
        project = fresh_project(f"b-{self.round}")
        self.engine.calls = 0
        self.calls = translate_drafts(project, ("en",), engines=self.engines).calls
        drafts = {e.msgid: e.msgstr for e in read_catalog(project.project.po_path("en", "kazakhstan-ue"), "en")}
        self.texts["B"] = [drafts[segment] for segment in self.segments]

    def raw(self) -> None:
        self.engine.translator.translate_batch(self.tokens, beam_size=4, return_scores=True, **DECODING)

    def cold(self) -> None:
        self.round += 1
        project = fresh_project(f"d-{self.round}")
        l10n = shutil.which("l10n", path=str(Path(sys.executable).parent)) or "l10n"
        subprocess.run([l10n, "--root", str(project.project.root), "translate", "--lang", "en"],
                       check=True, stdout=subprocess.DEVNULL)


def main() -> None:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    project = fresh_project("source")
    segments = list(dict.fromkeys(s.text for a in project.articles for s in a.segments))
    started = time.perf_counter()
    texts = segments + ["[1] [2] [3] [12]"]  # a real package's vocabulary has brackets and digits: placeholders
    archive = build_package(WORK, "fr", "en", texts, layers=6, d_model=512, heads=8, ffn=2048,
                            quantization="int8", vocabulary_size=50_000)
    info = install_file(archive)
    print(f"built and installed an Argos 1.9-sized package in {time.perf_counter() - started:.1f} s")
    paths = Paths(segments, info)
    cap = paths.settings.batch_size
    runs: dict[str, Callable[[], object]] = {
        "A": lambda: paths.argos_per_segment(cap), "A2": lambda: paths.argos_per_segment(1_000_000),
        "B": paths.engine_run, "C": paths.raw, "D": paths.cold}
    times: dict[str, list[float]] = {name: [] for name in runs}
    names = list(runs)
    for number in range(rounds):
        for name in names[number % len(names):] + names[:number % len(names)]:
            times[name].append(timed(runs[name]))
    median = {name: statistics.median(values) for name, values in times.items()}

    plain = [i for i, segment in enumerate(segments)
             if not any(paths.masker.mask(sentence).found for sentence in split_sentences(segment))]
    differing = [i for i in plain if paths.texts["A"][i] != paths.texts["B"][i]]
    print(f"machine: {cpu()}, load {os.getloadavg()[0]:.1f}")
    print(f"{len(segments)} segments, {len(paths.tokens)} sentences, beam 4, medians of {rounds} interleaved rounds")
    print(f"A  argostranslate translate() per segment:        {median['A']:.2f} s")
    print(f"A2 the same, batching cap lifted ({cap} tokens):     {median['A2']:.2f} s")
    print(f"B  this engine (translate.drafts), glossary on:   {median['B']:.2f} s, {paths.calls} model calls")
    print(f"C  one raw translate_batch:                       {median['C']:.2f} s")
    print(f"D  cold `l10n translate` process, model loading:  {median['D']:.2f} s")
    print(f"A and B agree on the {len(plain)} segments without a glossary term "
          f"({len(segments) - len(plain)} carry the glossary's forms)" if not differing
          else f"A and B differ on segments {differing}")
    print(f"A/B={median['A'] / median['B']:.2f} B/C={median['B'] / median['C']:.2f} calls={paths.calls}")
    shutil.rmtree(WORK, ignore_errors=True)
    sys.exit(1 if differing else 0)


if __name__ == "__main__":
    main()
