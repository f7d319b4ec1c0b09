"""The one error type users see: it knows its file and line and prints ``path:line: message``."""

from pathlib import Path


class L10nError(Exception):
    """A problem a user can fix in one of their files (or on the command line)."""

    def __init__(self, message: str, path: Path | str | None = None, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line

    def __reduce__(self) -> tuple:
        return (type(self), (self.message, self.path, self.line))  # whole, from a worker process

    def __str__(self) -> str:
        where = ""
        if self.path is not None:
            where = f"{self.path}:{self.line}: " if self.line else f"{self.path}: "
        return where + self.message
