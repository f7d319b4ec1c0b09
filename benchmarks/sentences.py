"""The project's sentence splitter against pysbd on the French regression set
(tests/support/sentence_cases.py): how many cases each splits as a reader would, and where they
differ. pysbd is not a dependency: ``pip install pysbd`` before running ``python benchmarks/sentences.py``."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from support.sentence_cases import CASES  # noqa: E402

from l10n_article.translate.mt.sentences import split_sentences  # noqa: E402


def main() -> None:
    try:
        import pysbd
    except ImportError:
        sys.exit("pysbd is not installed: pip install pysbd")
    segmenter = pysbd.Segmenter(language="fr", clean=False)
    splitters = {"l10n": split_sentences, "pysbd": lambda text: [s.strip() for s in segmenter.segment(text)]}
    right = dict.fromkeys(splitters, 0)
    for name, (text, expected) in CASES.items():
        for splitter, split in splitters.items():
            got = split(text)
            if got == expected:
                right[splitter] += 1
            else:
                print(f"{splitter} on {name!r}: {got}")
    print(" ".join(f"{splitter}={count}/{len(CASES)}" for splitter, count in right.items()))


if __name__ == "__main__":
    main()
