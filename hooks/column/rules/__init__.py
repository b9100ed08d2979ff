"""Rules beyond the schema: on one record, and across records."""
