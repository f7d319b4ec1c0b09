"""A seeded synthetic newsroom corpus for ``benchmarks/scale.py``: French-like articles in a project
folder laid out like this repository, and a deterministic pseudo-translation to fill catalogs with.

Every article has a title, three headings and ten paragraphs of distinct sentences, some with
*emphasis*, figures (``12 milliards d’euros``), dates (``4 avril 2025``) and one link.
"""

import random
import re
import unicodedata
from pathlib import Path

import polib

SUBJECTS = ["Le gouvernement", "La commission", "Le ministre de l’Économie", "La banque centrale",
            "Le parlement régional", "L’opposition", "Le syndicat des enseignants", "La maire de la ville",
            "Le conseil d’administration", "La délégation européenne", "Le port autonome", "L’agence de l’eau"]
VERBS = ["a annoncé", "a présenté", "prévoit", "a rejeté", "examine", "a confirmé", "finance",
         "a critiqué", "soutient", "relance", "a suspendu", "négocie"]
OBJECTS = ["un plan d’investissement", "une réforme des retraites", "la rénovation des écoles",
           "un accord commercial", "la construction d’un tramway", "un budget rectificatif",
           "une hausse des tarifs", "la protection du littoral", "un programme de formation",
           "la fusion des hôpitaux", "un fonds pour l’innovation", "la réouverture de la ligne"]
PLACES = ["à Lyon", "en Bretagne", "dans le Nord", "à Marseille", "en Alsace", "à Bordeaux",
          "dans les Alpes", "à Lille", "en Corse", "à Toulouse", "en Normandie", "à Nantes"]
UNITS = ["milliards d’euros", "millions d’euros", "pour cent", "kilomètres", "emplois", "communes"]
MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
          "octobre", "novembre", "décembre"]
HEADINGS = ["Un calendrier serré", "Des élus divisés", "Le coût pour les ménages", "Ce qui change",
            "Les réactions sur le terrain", "Un précédent européen", "Les prochaines étapes"]


def sentence(rng: random.Random) -> str:
    """One sentence: who did what, where, with now and then a figure, a date or emphasis."""
    words = [rng.choice(SUBJECTS), rng.choice(VERBS), rng.choice(OBJECTS), rng.choice(PLACES)]
    if rng.random() < 0.3:
        words.append(f"pour {rng.randint(2, 95)} {rng.choice(UNITS)}")
    if rng.random() < 0.25:
        words.append(f"le {rng.randint(1, 28)} {rng.choice(MONTHS)} {rng.randint(2015, 2026)}")
    if rng.random() < 0.2:
        words[2] = f"*{words[2]}*"
    return " ".join(words) + "."


def article_text(slug: str, rng: random.Random, seen: set[str]) -> str:
    """The Markdown of one article, with front matter; ``seen`` keeps sentences distinct across the corpus."""
    def fresh() -> str:
        while (text := sentence(rng)) in seen:
            pass
        seen.add(text)
        return text

    paragraphs = [" ".join(fresh() for _ in range(rng.randint(2, 4))) for _ in range(10)]
    paragraphs[rng.randrange(10)] += f" Lire [le rapport complet](https://example.org/{slug}/rapport)."
    headings = rng.sample(HEADINGS, 3)
    title = fresh().rstrip(".")
    blocks = [f"---\nslug: {slug}\nlang: fr\n---", f"# {title}"]
    for index, paragraph in enumerate(paragraphs):
        if index in (2, 5, 8):
            blocks.append(f"## {headings[index // 3]}")
        blocks.append(paragraph)
    return "\n\n".join(blocks) + "\n"


def write_project(root: Path, articles: int, settings: str, seed: int = 2025) -> list[Path]:
    """A project folder with ``pyproject.toml`` (``settings`` is its ``[tool.l10n]`` table) and
    ``articles`` articles in ``source/``; returns their paths."""
    (root / "source").mkdir(parents=True)
    (root / "pyproject.toml").write_text(settings, encoding="utf-8")
    rng, seen = random.Random(seed), set[str]()
    paths = []
    for number in range(articles):
        path = root / "source" / f"article-{number:04d}.md"
        path.write_text(article_text(path.stem, rng, seen), encoding="utf-8")
        paths.append(path)
    return paths


CYRILLIC = dict(zip("abcdefghijklmnopqrstuvwxyz", "абкдефгхийклмнопкрстувшксз"))
KAZAKH = dict(CYRILLIC, a="ә", g="ғ", k="қ", o="ө", u="ұ")
PROTECTED = re.compile(r"(\]\([^)]*\)|`[^`]*`|\{[^}]*\}|%\(\w+\)[a-z])")  # link targets, code, placeholders


def pseudo_word(word: str, language: str) -> str:
    """A word turned into a stand-in of ``language``: reversed vowels in English, a Cyrillic
    transliteration in Russian and Kazakh (with Kazakh letters)."""
    plain = "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))
    if language in ("ru", "kk"):
        table = KAZAKH if language == "kk" else CYRILLIC
        mapped = "".join(table.get(c.lower(), c) for c in plain)
        return mapped.capitalize() if plain[:1].isupper() else mapped
    return plain.translate(str.maketrans("aeiouAEIOU", "uoieaUOIEA"))


def pseudo_translate(text: str, language: str) -> str:
    """``text`` with every word outside markup targets, code and placeholders replaced; digits,
    punctuation and Markdown delimiters stay."""
    parts = PROTECTED.split(text)
    for index in range(0, len(parts), 2):
        parts[index] = re.sub(r"[^\W\d_]+", lambda m: pseudo_word(m.group(), language), parts[index])
    return "".join(parts)


def fill_catalogs(locales: Path) -> int:
    """Give every entry of every catalog under ``locales`` a reviewed pseudo-translation; returns
    how many entries were filled."""
    filled = 0
    for path in sorted(locales.glob("*/LC_MESSAGES/*.po")):
        language = path.parent.parent.name
        catalog = polib.pofile(str(path), wrapwidth=79)
        for entry in catalog:
            if entry.msgid_plural:
                entry.msgstr_plural = {k: pseudo_translate(entry.msgid_plural if k else entry.msgid, language)
                                       for k in entry.msgstr_plural or {0: "", 1: ""}}
            else:
                entry.msgstr = pseudo_translate(entry.msgid, language)
            if "fuzzy" in entry.flags:
                entry.flags.remove("fuzzy")
            filled += 1
        catalog.save()
    return filled
