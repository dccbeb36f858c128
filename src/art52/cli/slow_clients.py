"""The HTTP/1.1 protocol ``art52 serve`` runs: uvicorn's h11 protocol with deadlines on slow clients.

uvicorn bounds only the idle time between requests (keep-alive): a client that sends
its request headers a byte at a time, or announces a body and never sends it, keeps
a connection (and, for the body, a request task) forever. Here the headers of each
request must arrive within ``header_timeout`` seconds and its body within
``body_timeout`` seconds of the headers; otherwise the connection is answered
408 if it can still be and closed. The deadlines come from the environment
(``ART52_HEADER_TIMEOUT``, ``ART52_BODY_TIMEOUT``, set by ``art52 serve`` from its
options) because uvicorn builds protocols itself, in every worker process.
"""

from __future__ import annotations

import asyncio
import os
from typing import Any

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol

HEADER_TIMEOUT_VARIABLE = "ART52_HEADER_TIMEOUT"
BODY_TIMEOUT_VARIABLE = "ART52_BODY_TIMEOUT"
DEFAULT_HEADER_TIMEOUT = 10.0
DEFAULT_BODY_TIMEOUT = 30.0
TIMED_OUT = (
    b"HTTP/1.1 408 Request Timeout\r\ncontent-type: text/plain; charset=utf-8\r\n"
    b"content-length: 20\r\nconnection: close\r\n\r\nrequest timed out.\r\n"
)


def _seconds(variable: str, default: float) -> float:
    try:
        value = float(os.environ.get(variable, default))
    except ValueError:
        return default
    return value if value > 0 else default


class DeadlineH11Protocol(H11Protocol):
    """uvicorn's h11 protocol, closing connections whose headers or body arrive too slowly."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.header_timeout = _seconds(HEADER_TIMEOUT_VARIABLE, DEFAULT_HEADER_TIMEOUT)
        self.body_timeout = _seconds(BODY_TIMEOUT_VARIABLE, DEFAULT_BODY_TIMEOUT)
        self._deadline: asyncio.TimerHandle | None = None
        self._waiting_for: Any = None  # the h11 client state the deadline runs for

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._watch()

    def data_received(self, data: bytes) -> None:
        super().data_received(data)
        self._watch()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        self._watch()

    def connection_lost(self, exc: Exception | None) -> None:
        self._cancel()
        super().connection_lost(exc)

    def _watch(self) -> None:
        """Run the deadline for what the client still owes: headers (IDLE) or the body (SEND_BODY)."""
        state = self.conn.their_state
        if state is self._waiting_for:
            return
        self._cancel()
        if state is h11.IDLE:
            self._arm(state, self.header_timeout)
        elif state is h11.SEND_BODY:
            self._arm(state, self.body_timeout)

    def _arm(self, state: Any, seconds: float) -> None:
        self._waiting_for = state
        self._deadline = self.loop.call_later(seconds, self._timed_out)

    def _cancel(self) -> None:
        if self._deadline is not None:
            self._deadline.cancel()
        self._deadline = None
        self._waiting_for = None

    def _timed_out(self) -> None:
        self._deadline = None
        if self.transport.is_closing():
            return
        responding = self.cycle is not None and self.cycle.response_started and not self.cycle.response_complete
        if self.conn.our_state in (h11.IDLE, h11.SEND_RESPONSE) and not responding:
            self.transport.write(TIMED_OUT)
        if self.cycle is not None and not self.cycle.response_complete:
            self.cycle.disconnected = True
            self.cycle.message_event.set()
        self.transport.close()
