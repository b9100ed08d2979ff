"""Typed, immutable records: what templates and generators read (never raw YAML)."""
