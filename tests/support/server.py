"""Serve a built site over HTTP on 127.0.0.1, at the root or under a sub-path."""
from __future__ import annotations

import functools
import http.server
import io
import re
import threading
from contextlib import contextmanager
from pathlib import Path


class _Quiet(http.server.SimpleHTTPRequestHandler):
    prefix = "/"

    def log_message(self, *args) -> None:
        pass

    def translate_path(self, path: str) -> str:
        if not path.startswith(self.prefix):
            return str(Path(self.directory) / "__outside_prefix__")
        return super().translate_path("/" + path[len(self.prefix):])

    def send_head(self):
        """Answer ``Range: bytes=a-b`` as static hosts do, so that audio and video can seek."""
        wanted = re.fullmatch(r"bytes=(\d+)-(\d*)", self.headers.get("Range", ""))
        path = Path(self.translate_path(self.path))
        if not wanted or not path.is_file():
            return super().send_head()
        size = path.stat().st_size
        start, end = int(wanted[1]), min(int(wanted[2] or size - 1), size - 1)
        if start >= size:
            self.send_error(416)
            return None
        with path.open("rb") as file:
            file.seek(start)
            body = file.read(end - start + 1)
        self.send_response(206)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Range", f"bytes {start}-{end}/{size}")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Accept-Ranges", "bytes")
        self.end_headers()
        return io.BytesIO(body)


@contextmanager
def serve(site_dir: Path, prefix: str = "/"):
    """Yield the base URL (``http://127.0.0.1:<port><prefix>``) of ``site_dir`` served at ``prefix``."""
    handler = type("Handler", (_Quiet,), {"prefix": prefix})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(site_dir)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{prefix}"
    finally:
        server.shutdown()
        server.server_close()
