"""A request endpoint on 127.0.0.1 that records what venue request forms POST to it."""
from __future__ import annotations

import http.server
import threading
import time
from contextlib import contextmanager
from urllib.parse import parse_qs


class Recorder:
    """What the endpoint received, and how it answers next (``ok``, ``fail`` or a delay)."""

    def __init__(self) -> None:
        self.url = ""
        self.bodies: list[dict[str, list[str]]] = []
        self.content_types: list[str] = []
        self.answer = "ok"
        self.delay = 0.0

    def clear(self) -> None:
        self.bodies.clear()
        self.content_types.clear()
        self.answer, self.delay = "ok", 0.0


def _handler(recorder: Recorder) -> type[http.server.BaseHTTPRequestHandler]:
    class Handler(http.server.BaseHTTPRequestHandler):
        def log_message(self, *args) -> None:
            pass

        def _reply(self, status: int, text: str) -> None:
            body = text.encode("utf-8")
            self.send_response(status)
            self.send_header("Access-Control-Allow-Origin", "*")
            self.send_header("Content-Type", "text/plain; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_OPTIONS(self) -> None:
            self._reply(204, "")

        def do_POST(self) -> None:
            raw = self.rfile.read(int(self.headers.get("Content-Length", 0))).decode("utf-8")
            recorder.bodies.append(parse_qs(raw, keep_blank_values=True))
            recorder.content_types.append(self.headers.get("Content-Type", ""))
            time.sleep(recorder.delay)
            if recorder.answer == "ok":
                self._reply(200, "收到")
            else:
                self._reply(500, "出错了")

    return Handler


@contextmanager
def endpoint():
    """Yield a :class:`Recorder` whose ``url`` accepts POSTs (with CORS) on a free port."""
    recorder = Recorder()
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _handler(recorder))
    recorder.url = f"http://127.0.0.1:{server.server_address[1]}/requests"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield recorder
    finally:
        server.shutdown()
        server.server_close()
