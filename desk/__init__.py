"""The desk (受理台): receives venue requests from the column's pages, and lets staff answer them.

A small ASGI service beside the static site. It reads venues and events through
the ``column`` package (never MkDocs), stores requests with SQLAlchemy (SQLite
by default, PostgreSQL by URL), and serves Chinese pages to readers and staff.
"""
