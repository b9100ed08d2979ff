"""Turn normalized records into the pages and files the site publishes."""
