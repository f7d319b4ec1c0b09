"""What a build tells beyond its pages: the record of the reviewed translations it published, and
the languages whose interface strings are not all translated."""

from l10n_article.render.context import (UI_DOMAIN, PublishedMemory, PublishedUnit, State, Workspace,
                                         catalog_entries, now, state)


def record_publication(ws: Workspace, published: PublishedMemory, reviewed: list[list[str]],
                       stand_ins: list[list[str]]) -> None:
    """Record in an article's record ``published`` (in memory) the ``reviewed`` translations its
    pages just published ([language, source, translation]), and which earlier translation each
    language's other passages still stand on (``stand_ins``: [language, text, kept source, kept
    translation])."""
    when = now()
    for language, source, translation in reviewed:
        published.publish(language, source, translation, when)
    chosen: dict[str, dict[str, PublishedUnit]] = {language: {} for language in ws.project.languages}
    for language, text, source, translation in stand_ins:
        unit = published.find(language, source, translation)
        if unit is not None and language in chosen:
            chosen[language][text] = unit
    for language, units in chosen.items():
        published.stand_in(language, units)


def interface_gaps(ws: Workspace, language: str) -> tuple[int, int]:
    """How many of the pages' interface strings have no reviewed translation into ``language``
    (they show in English), and how many there are."""
    domain = ws.domain(UI_DOMAIN)
    if language == domain.msgid_language:
        return 0, len(domain.entries)
    entries = catalog_entries(ws, language, UI_DOMAIN)
    missing = sum(state(entries.get(entry.msgid)) != State.REVIEWED for entry in domain.entries)
    return missing, len(domain.entries)
