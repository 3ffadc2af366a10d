"""One exception hierarchy for the whole library.

Every error a user can meet derives from :class:`CctvAuditError`. Messages are
written for the person at the keyboard: they name the file, row or record at
fault and say what to do. Front ends print ``str(error)`` and exit non-zero;
they never show a traceback unless asked (``--debug``).
"""

from __future__ import annotations


class CctvAuditError(Exception):
    """Root of every error the library raises on purpose."""


class ConfigError(CctvAuditError):
    """A setting (database URL, data directory, environment variable) is unusable."""


class StoreError(CctvAuditError):
    """The database cannot be opened, migrated or written."""


class NotFound(CctvAuditError):
    """A record asked for by id or name does not exist."""


class InputError(CctvAuditError):
    """A file or value supplied by the user is malformed.

    ``source`` names the file (and line, where known) so the message is actionable.
    """

    def __init__(self, message: str, *, source: str | None = None, line: int | None = None):
        self.source = source
        self.line = line
        where = source or ""
        if line is not None:
            where = f"{where}:{line}" if where else f"line {line}"
        super().__init__(f"{where}: {message}" if where else message)


class RecordError(InputError):
    """A claim of the published record (bundled or imported) is invalid: names file, line and field."""


class RegistryError(CctvAuditError):
    """Public-body registry problems (bad import rows, ambiguous names)."""


class KnowledgeBaseError(CctvAuditError):
    """The manufacturer knowledge base data is invalid (names file and key)."""


class RulesError(CctvAuditError):
    """The answers' cue data files (``answers/rules/*.yaml``) are invalid (names file and cue id)."""


class DocumentError(CctvAuditError):
    """A reply document could not be stored or its text extracted."""


class ExtractionError(CctvAuditError):
    """Answer extraction failed for a document."""


class SurveyError(CctvAuditError):
    """FOI survey, request, deadline or sending problems."""


class MailError(SurveyError):
    """Sending or fetching mail failed."""


class FindingsError(CctvAuditError):
    """Claims, review or statistics problems."""


class InvalidFieldValue(FindingsError, InputError):
    """A value typed for an answer field (a correction) does not have the field's shape."""


class PublishError(CctvAuditError):
    """Report site or export problems."""


class AuditError(CctvAuditError):
    """Network audit problems."""


class ScopeError(AuditError):
    """A target is outside the authorised scope, or the scope file is invalid."""


class WebError(CctvAuditError):
    """Web application problems (accounts, permissions)."""
