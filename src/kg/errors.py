"""One family of errors.  The command line prints them as one line on stderr
(``kg: error: <message>``) and exits with ``exit_code``; never a traceback.

Exit codes, one meaning each (``kg --help`` lists them)."""

from __future__ import annotations

EXIT_NEGATIVE = 1  # a negative answer: ASK false, does not conform, a check returned rows
EXIT_INPUT = 2  # a usage or input error, or the machine's refusal (every KgError)
EXIT_INTERNAL = 3  # a bug in kg
EXIT_INTERRUPTED = 130  # Ctrl-C, as shells report SIGINT


class KgError(Exception):
    """Base of every error the library raises on bad input or state."""

    exit_code = EXIT_INPUT

    def __str__(self) -> str:  # one line, always
        text = super().__str__() or type(self).__name__
        return " ".join(text.split())


class ProjectError(KgError):
    """The working copy or the build folder cannot be found or used."""


class InputSyntaxError(KgError):
    """An input file does not parse; the message starts with FILE:LINE:COL."""

    def __init__(self, path: str, line: int | None, column: int | None, message: str):
        self.path, self.line, self.column, self.message = path, line, column, message
        where = path
        if line is not None:
            where += f":{line}"
            if column is not None:
                where += f":{column}"
        super().__init__(f"{where}: {message}")


class DataError(KgError):
    """The input parses but breaks the layout contract (e.g. default-graph triples)."""


class ReasoningError(KgError):
    """The OWL RL closure found an inconsistency."""


class BuildError(KgError):
    """The build could not be written."""


class QueryError(KgError):
    """A SPARQL query is malformed or refused."""


class UnknownQueryError(KgError):
    """No saved query has that name."""


class ParamError(KgError):
    """A query parameter is unknown, missing or malformed."""


class NotFoundError(KgError):
    """An entity or term could not be found."""


class UsageError(KgError):
    """Bad use of the command line."""


class ExportError(KgError):
    """A dump could not be written."""


class ResourceError(KgError):
    """The machine stopped the work: a process kg started was killed (most often for want of memory)."""


class MissingExtraError(KgError):
    """An optional library (a pip extra of kg, e.g. ``stcoop-kg[pandas]``) is not installed."""
