"""A tiny real SMTP server for tests and the drill: it speaks enough SMTP for Django's
backend (EHLO, MAIL, RCPT, DATA, RSET, NOOP, QUIT) and keeps what it receives in memory."""

from __future__ import annotations

import email
import email.policy
import socket
import socketserver
import threading
from email.message import EmailMessage as ParsedMessage


class _Handler(socketserver.StreamRequestHandler):
    server: _Server

    def _reply(self, line: str) -> None:
        self.wfile.write(f"{line}\r\n".encode())

    def handle(self) -> None:
        self._reply("220 sink ESMTP")
        recipients: list[str] = []
        while True:
            raw = self.rfile.readline()
            if not raw:
                return
            command = raw.decode("utf-8", "replace").strip()
            verb = command.split(" ", 1)[0].upper()
            if verb in {"EHLO", "HELO"}:
                self._reply("250 sink")
            elif verb == "MAIL":
                recipients = []
                self._reply("250 OK")
            elif verb == "RCPT":
                recipients.append(command.split(":", 1)[1].strip().strip("<>"))
                self._reply("250 OK")
            elif verb == "DATA":
                self._reply("354 End data with <CR><LF>.<CR><LF>")
                lines = []
                while True:
                    line = self.rfile.readline()
                    if not line or line in {b".\r\n", b".\n"}:
                        break
                    lines.append(line[1:] if line.startswith(b"..") else line)
                message = email.message_from_bytes(b"".join(lines), policy=email.policy.default)
                with self.server.lock:
                    self.server.received.append((recipients, message))
                self._reply("250 OK queued")
            elif verb in {"RSET", "NOOP"}:
                self._reply("250 OK")
            elif verb == "QUIT":
                self._reply("221 Bye")
                return
            else:
                self._reply("502 Command not implemented")


class _Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, port: int) -> None:
        super().__init__(("127.0.0.1", port), _Handler)
        self.received: list[tuple[list[str], ParsedMessage]] = []
        self.lock = threading.Lock()


class SmtpSink:
    """``with SmtpSink(port) as sink:`` … ``sink.received`` (recipients, parsed message)."""

    def __init__(self, port: int = 0) -> None:
        self.server = _Server(port)
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def received(self) -> list[tuple[list[str], ParsedMessage]]:
        with self.server.lock:
            return list(self.server.received)

    def __enter__(self) -> SmtpSink:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()


def free_port() -> int:
    """A loopback port nobody listens on (right now)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])
