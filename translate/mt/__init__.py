"""Machine drafts: sentences, routes between languages, the translation memory and the Argos engine."""
