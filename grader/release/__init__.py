"""Student bundles: `nngrader release` (files and notebook) and the audit that keeps answers out of them."""
from .audit import audit_release
from .bundle import FORMATS, ReleaseError, release_bundle

__all__ = ["FORMATS", "ReleaseError", "audit_release", "release_bundle"]
