"""Drive the real ``yaml-language-server`` (npm, as in VS Code's YAML extension) over its protocol."""
from __future__ import annotations

import json
import queue
import subprocess
import threading
from pathlib import Path
from typing import Any

from support.sitebuild import REPO

SERVER = REPO / "node_modules" / "yaml-language-server" / "bin" / "yaml-language-server"


class LanguageServer:
    """A language server process spoken to over stdin/stdout (JSON-RPC with ``Content-Length`` headers)."""

    def __init__(self, workspace: Path, settings: dict[str, Any]) -> None:
        assert SERVER.is_file(), "缺少 yaml-language-server：请运行 npm ci（make test 会自动安装）"
        self.settings = settings
        self.process = subprocess.Popen(["node", str(SERVER), "--stdio"], stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        self.inbox: queue.Queue[dict[str, Any]] = queue.Queue()
        self.next_id = 0
        threading.Thread(target=self._read, daemon=True).start()
        root = workspace.as_uri()
        self.request("initialize", {
            "processId": None, "rootUri": root, "locale": "en",
            "workspaceFolders": [{"uri": root, "name": "column"}],
            "capabilities": {"workspace": {"configuration": True},
                             "textDocument": {"publishDiagnostics": {"relatedInformation": False}}}})
        self.notify("initialized", {})
        self.notify("workspace/didChangeConfiguration", {"settings": {"yaml": settings}})

    def _read(self) -> None:
        stream = self.process.stdout
        while True:
            length = 0
            while (line := stream.readline()) not in (b"\r\n", b""):
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
            if not line:
                return
            self.inbox.put(json.loads(stream.read(length)))

    def _send(self, message: dict[str, Any]) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode()
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n%b" % (len(body), body))
        self.process.stdin.flush()

    def notify(self, method: str, params: Any) -> None:
        self._send({"method": method, "params": params})

    def request(self, method: str, params: Any) -> Any:
        self.next_id += 1
        self._send({"id": self.next_id, "method": method, "params": params})
        return self._wait(lambda m: m.get("id") == self.next_id and "method" not in m).get("result")

    def diagnostics(self, uri: str, text: str) -> list[dict[str, Any]]:
        """Open ``text`` as the document ``uri`` and return what the server marks in it."""
        self.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "yaml", "version": 1,
                                                              "text": text}})
        found = self._wait(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                           and m["params"]["uri"] == uri)
        self.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
        return found["params"]["diagnostics"]

    def _wait(self, wanted, timeout: float = 30) -> dict[str, Any]:
        while True:
            message = self.inbox.get(timeout=timeout)
            if wanted(message):
                return message
            if "id" in message and "method" in message:  # the server asks: settings, registrations
                items = message.get("params", {}).get("items", [])
                answer = [self.settings if i.get("section") == "yaml" else None for i in items] if items else None
                self._send({"id": message["id"], "result": answer})

    def close(self) -> None:
        try:
            self.request("shutdown", None)
            self.notify("exit", None)
            self.process.wait(timeout=10)
        finally:
            if self.process.poll() is None:
                self.process.kill()
                self.process.wait()
            self.process.stdin.close()
            self.process.stdout.close()
