"""cctv-audit: claims with evidence about who runs which CCTV manufacturer.

The package is a library first; the ``cctv-audit`` CLI and the web app are thin
front ends over the functions documented in each domain package.
"""

from cctv_audit.errors import CctvAuditError

__version__ = "0.1.0"
__all__ = ["CctvAuditError", "__version__"]
