"""Reply documents: originals kept byte for byte, text and tables extracted from every format.

Public API::

    extract_file(path) -> ExtractedText            # pure, no database
    extract_bytes(data, filename) -> ExtractedText
    ingest_paths(store, paths) -> IngestReport     # files, folders, .mbox, Maildir
    ingest_bytes(store, session, data, filename, origin=...) -> (Document, created)

``ExtractedText.text`` carries ``[page N]`` / ``[sheet NAME]`` / ``[attachment N: NAME]``
markers; ``tables`` are :class:`TableBlock` spans into that text, each row a line
of cells joined with ``" | "``.
"""

from cctv_audit.documents.batch import collect_sources, ingest_paths, ingest_sources
from cctv_audit.documents.errors import (
    CorruptDocument,
    DocumentError,
    EncryptedDocument,
    ExtractionTimeout,
    NeedsOCR,
    TooLarge,
    UnsafeDocument,
    UnsupportedFormat,
)
from cctv_audit.documents.extract import extract_bytes, extract_file
from cctv_audit.documents.extracted import Attachment, EmailHeaders, ExtractedText, TableBlock
from cctv_audit.documents.imap import fetch_imap, parse_imap_url
from cctv_audit.documents.ingest import (
    IngestFailure,
    Ingestor,
    IngestReport,
    document_original,
    ingest_bytes,
    reextract,
)
from cctv_audit.documents.limits import Limits
from cctv_audit.documents.models import Document, Mailbox, Message
from cctv_audit.documents.originals import original_path, read_original
from cctv_audit.documents.queries import children, document_to_dict, get_document, list_documents
from cctv_audit.documents.sniff import sniff as detect_media_type
from cctv_audit.documents.wdtk import WdtkImport, WdtkRequest, WdtkResponse, import_wdtk

__all__ = [
    "Attachment",
    "CorruptDocument",
    "Document",
    "DocumentError",
    "EmailHeaders",
    "EncryptedDocument",
    "ExtractedText",
    "ExtractionTimeout",
    "IngestFailure",
    "IngestReport",
    "Ingestor",
    "Limits",
    "Mailbox",
    "Message",
    "NeedsOCR",
    "TableBlock",
    "TooLarge",
    "UnsafeDocument",
    "UnsupportedFormat",
    "WdtkImport",
    "WdtkRequest",
    "WdtkResponse",
    "children",
    "collect_sources",
    "detect_media_type",
    "document_original",
    "document_to_dict",
    "extract_bytes",
    "extract_file",
    "fetch_imap",
    "get_document",
    "import_wdtk",
    "ingest_bytes",
    "ingest_paths",
    "ingest_sources",
    "list_documents",
    "original_path",
    "parse_imap_url",
    "read_original",
    "reextract",
]
