"""Domain code of the women's social organizations column.

Nothing in this package imports MkDocs: it loads the YAML records, validates
and normalizes them, and renders pages and files. ``hooks/column_hooks.py`` is
the thin adapter that hands the result to MkDocs; ``python -m column`` runs the
same code as a plain command (``make check``).
"""
