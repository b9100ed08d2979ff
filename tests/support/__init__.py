"""Helpers shared by the tests: building sites, serving them, driving a browser."""
