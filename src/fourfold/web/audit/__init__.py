"""Audit: the append-only, hash-chained audit trail usable by every feature."""
