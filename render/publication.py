"""What a build tells beyond its pages: the record of the reviewed translations it published, and
the languages whose interface strings are not all translated."""

from l10n_article.render.context import (UI_DOMAIN, PublishedMemory, PublishedUnit, SegmentText, Shown, State,
                                         Workspace, catalog_entries, now, state)


def record_publication(ws: Workspace, published: PublishedMemory, texts: dict[tuple[str, str], list[SegmentText]],
                       pages: set[tuple[str, str]]) -> bool:
    """Record in ``published`` the reviewed translations of the ``pages`` (language, slug) just
    published, and which earlier translation each language's other passages still stand on
    (``texts``: every article in every language); save it; say whether the file changed."""
    when = now()
    source_language = ws.project.source_language
    for (language, slug), shown in texts.items():
        if language == source_language or (language, slug) not in pages:
            continue
        for text in shown:
            if text.state == Shown.REVIEWED and text.kept is None:
                published.publish(language, text.segment.text, text.text, when)
    for language in ws.project.languages:
        stand_ins: dict[str, PublishedUnit] = {}
        for (code, _), shown in texts.items():
            if code == language:
                stand_ins.update({t.segment.text: t.kept for t in shown
                                  if t.kept is not None and t.kept.source != t.segment.text})
        published.stand_in(language, stand_ins)
    return published.save()


def interface_gaps(ws: Workspace, language: str) -> tuple[int, int]:
    """How many of the pages' interface strings have no reviewed translation into ``language``
    (they show in English), and how many there are."""
    domain = ws.domain(UI_DOMAIN)
    if language == domain.msgid_language:
        return 0, len(domain.entries)
    entries = catalog_entries(ws, language, UI_DOMAIN)
    missing = sum(state(entries.get(entry.msgid)) != State.REVIEWED for entry in domain.entries)
    return missing, len(domain.entries)
