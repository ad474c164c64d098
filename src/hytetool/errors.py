"""Errors a user can fix: the CLI prints them as one line (traceback only with -v)."""


class HyteError(Exception):
    """A problem with the user's input or options; the message says what to do."""


class InputError(HyteError):
    """An input file that cannot be read as what its name says."""

    def __init__(self, path: object, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path
