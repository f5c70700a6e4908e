"""A small headless-chromium harness over the DevTools protocol, for tests of HTML output.

    with Browser() as browser:
        page = browser.open("file:///tmp/site/index.html")
        page.evaluate("document.title")
        page.requests     # every URL the page asked for (Network.requestWillBeSent)
        page.dialogs      # alert/confirm/prompt messages: an injected script ran
        page.console      # console messages and uncaught exceptions
        page.screenshot(path)

In a test module or conftest, a generator fixture that does ``yield from
browser_or_skip()`` gives one browser per scope (skipping when chromium is missing).

Chromium runs with a fresh profile in a temporary folder, no background networking, and is
killed when the block ends (or at interpreter exit). Every wait has a timeout, so a broken
page fails a test instead of hanging it. Tests skip when chromium or websocket-client is
missing.
"""

from __future__ import annotations

import atexit
import base64
import contextlib
import itertools
import json
import shutil
import subprocess
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "chrome")
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-default-apps", "--disable-extensions", "--mute-audio",
         "--remote-debugging-port=0", "--remote-allow-origins=*")


class BrowserError(RuntimeError):
    pass


def find_chromium() -> str | None:
    for name in CHROMIUM_NAMES:
        path = shutil.which(name)
        if path:
            return path
    return None


def available() -> str | None:
    """Why the harness cannot run here, or None when it can."""
    if find_chromium() is None:
        return "chromium is not installed"
    try:
        import websocket  # noqa: F401
    except ImportError:
        return "websocket-client is not installed"
    return None


def browser_or_skip(**options: Any) -> Iterator[Browser]:
    """For a pytest fixture: ``yield from browser_or_skip()`` gives a running Browser, or
    skips the tests with the reason when chromium or websocket-client is missing."""
    import pytest

    reason = available()
    if reason:
        pytest.skip(reason)
    with Browser(**options) as browser:
        yield browser


@dataclass
class Page:
    """One tab: evaluate JavaScript, and what the page did so far."""

    browser: Browser
    target_id: str
    session_id: str
    requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    console: list[str] = field(default_factory=list)
    loaded: bool = False

    def send(self, method: str, params: dict[str, Any] | None = None,
             timeout: float | None = None) -> dict[str, Any]:
        return self.browser.send(method, params, session_id=self.session_id, timeout=timeout)

    def navigate(self, url: str, timeout: float = 20.0) -> None:
        self.loaded = False
        self.send("Page.navigate", {"url": url})
        self.wait_for(lambda: self.loaded, timeout, f"page load of {url}")

    def evaluate(self, expression: str, timeout: float = 10.0) -> Any:
        """The value of a JavaScript expression (promises are awaited)."""
        result = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True,
                                                "awaitPromise": True}, timeout=timeout)
        if "exceptionDetails" in result:
            raise BrowserError(f"JavaScript error: {result['exceptionDetails']}")
        return result.get("result", {}).get("value")

    def wait_for(self, condition: Any, timeout: float = 10.0, what: str = "condition") -> None:
        """Pump events until ``condition()`` is true (a callable, or a JS expression)."""
        deadline = time.monotonic() + timeout
        while True:
            ok = self.evaluate(condition) if isinstance(condition, str) else condition()
            if ok:
                return
            if time.monotonic() > deadline:
                raise BrowserError(f"timed out after {timeout} s waiting for {what}")
            self.browser.pump(0.05)

    def settle(self, seconds: float = 0.3) -> None:
        """Let timers, late requests and dialogs happen."""
        self.browser.pump(seconds)

    def screenshot(self, path: str | Path) -> Path:
        data = self.send("Page.captureScreenshot", {"format": "png"})["data"]
        out = Path(path)
        out.write_bytes(base64.b64decode(data))
        return out

    def _event(self, method: str, params: dict[str, Any]) -> None:
        if method == "Network.requestWillBeSent":
            self.requests.append(params["request"]["url"])
        elif method == "Page.javascriptDialogOpening":
            self.dialogs.append(params.get("message", ""))
            self.browser.send("Page.handleJavaScriptDialog", {"accept": True},
                              session_id=self.session_id, wait=False)
        elif method == "Page.loadEventFired":
            self.loaded = True
        elif method == "Runtime.consoleAPICalled":
            self.console.append(" ".join(str(a.get("value", a.get("description", "")))
                                         for a in params.get("args", [])))
        elif method == "Runtime.exceptionThrown":
            self.console.append("exception: " + json.dumps(params.get("exceptionDetails", {}))[:500])
        elif method == "Log.entryAdded":
            self.console.append(params.get("entry", {}).get("text", ""))


class Browser:
    """A headless chromium reached over one DevTools websocket."""

    def __init__(self, *, timeout: float = 20.0, window: tuple[int, int] = (1200, 900)) -> None:
        import websocket

        executable = find_chromium()
        if executable is None:
            raise BrowserError("chromium is not installed")
        self.timeout = timeout
        self.profile = Path(tempfile.mkdtemp(prefix="rkg-chromium-"))
        self.process = subprocess.Popen(
            [executable, *FLAGS, f"--user-data-dir={self.profile}",
             f"--window-size={window[0]},{window[1]}", "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        atexit.register(self.close)
        port = self._wait_for_port()
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/version", timeout=5) as r:
            ws_url = json.load(r)["webSocketDebuggerUrl"]
        self.ws = websocket.create_connection(ws_url, timeout=timeout, suppress_origin=True)
        self._ids = itertools.count(1)
        self._replies: dict[int, dict[str, Any]] = {}
        self.pages: dict[str, Page] = {}

    def _wait_for_port(self) -> int:
        marker = self.profile / "DevToolsActivePort"
        deadline = time.monotonic() + self.timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise BrowserError(f"chromium exited with {self.process.returncode}")
            with contextlib.suppress(FileNotFoundError, ValueError, IndexError):
                return int(marker.read_text().splitlines()[0])
            time.sleep(0.05)
        self.close()
        raise BrowserError("chromium did not open its DevTools port in time")

    def send(self, method: str, params: dict[str, Any] | None = None, *,
             session_id: str | None = None, timeout: float | None = None,
             wait: bool = True) -> dict[str, Any]:
        message: dict[str, Any] = {"id": next(self._ids), "method": method,
                                   "params": params or {}}
        if session_id:
            message["sessionId"] = session_id
        self.ws.send(json.dumps(message))
        if not wait:
            return {}
        deadline = time.monotonic() + (timeout or self.timeout)
        while message["id"] not in self._replies:
            if time.monotonic() > deadline:
                raise BrowserError(f"no reply to {method} in time")
            self._receive(deadline - time.monotonic())
        reply = self._replies.pop(message["id"])
        if "error" in reply:
            raise BrowserError(f"{method}: {reply['error']}")
        return reply.get("result", {})

    def _receive(self, timeout: float) -> None:
        import websocket

        self.ws.settimeout(max(0.01, timeout))
        try:
            raw = self.ws.recv()
        except websocket.WebSocketTimeoutException:
            return
        message = json.loads(raw)
        if "id" in message:
            self._replies[message["id"]] = message
        elif message.get("sessionId") in {p.session_id for p in self.pages.values()}:
            page = next(p for p in self.pages.values() if p.session_id == message["sessionId"])
            page._event(message["method"], message.get("params", {}))

    def pump(self, seconds: float) -> None:
        """Process events for ``seconds``."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            self._receive(deadline - time.monotonic())

    def new_page(self) -> Page:
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})
        page = Page(self, target, session["sessionId"])
        self.pages[target] = page
        for domain in ("Page", "Network", "Runtime", "Log"):
            page.send(f"{domain}.enable")
        return page

    def open(self, url: str, timeout: float = 20.0) -> Page:
        """A new tab showing ``url``, loaded."""
        page = self.new_page()
        page.navigate(url, timeout)
        return page

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.ws.close()
        if self.process.poll() is None:
            self.process.kill()
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.process.wait(timeout=5)
        shutil.rmtree(self.profile, ignore_errors=True)

    def __enter__(self) -> Browser:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
