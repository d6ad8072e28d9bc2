"""The map page in a real browser: headless Debian chromium driven by Playwright, against
`eventwire serve`'s app on 127.0.0.1 over a temporary store holding the seed's events."""
from __future__ import annotations

import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

from eventwire.store import Store
from eventwire.web import create_app

from test_web import DHAKA, seeded_store

CHROMIUM = next((p for p in ("/usr/bin/chromium", shutil.which("chromium") or "") if p and Path(p).exists()), None)
ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(CHROMIUM is None, reason="no chromium found (apt-get install chromium); browser test skipped"),
]
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")


def serve(app):
    """Run uvicorn in a thread on a free port; yield the page's URL; stop it."""
    import uvicorn

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}/"
    server.should_exit = True
    thread.join(5)


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    page.close()
    assert not errors, f"JavaScript errors on the page: {errors}"


@pytest.fixture(scope="module")
def seed_url(pipeline, tmp_path_factory):
    yield from serve(create_app(seeded_store(pipeline, tmp_path_factory.mktemp("browser") / "seed.db")))


def open_marker(page, title_part: str):
    """Click the marker whose tooltip names ``title_part``; events at one place are clustered,
    and a click on their cluster fans them out first."""
    marker = page.locator(f'.ew-marker[title*="{title_part}"]')
    if not marker.count():
        page.locator(".ew-cluster").first.click()
    marker.first.click()


def test_seed_events_are_mapped_and_a_marker_opens_its_highlighted_evidence(page, seed_url):
    page.goto(seed_url)
    page.wait_for_selector(".ew-marker, .ew-cluster")
    assert "on the map" in page.locator("#summary").inner_text()
    assert page.locator("#timeline svg rect").count() >= 2  # the bars of 27 and 30 November
    open_marker(page, "Aleppo · 2024-11-30 · Air/drone strike")
    mark = page.locator(".article-text mark").first
    mark.wait_for()
    assert mark.inner_text().startswith("Russia on Saturday (Nov 30) launched its first air strikes on Aleppo")
    assert "Moscow claims to have killed 300 fighters." in page.locator(".claims").inner_text()
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "web-page.png"
    page.screenshot(path=str(shot))
    print(f"screenshot: {shot}")


def test_brushing_the_timeline_filters_the_map(page, seed_url):
    page.goto(seed_url)
    page.wait_for_selector(".ew-marker, .ew-cluster")
    before = page.locator("#panel h2").inner_text()
    box = page.locator("#timeline svg").bounding_box()
    # The seed's dates are 27 and 30 November; drag over the right-hand part only (30 November).
    page.mouse.move(box["x"] + box["width"] * 0.75, box["y"] + 20)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] - 2, box["y"] + 40)
    page.mouse.up()
    assert "Dates 2024-11-30 to " in page.locator("#panel").inner_text()
    after = page.locator("#panel h2").inner_text()
    assert int(after.split()[0]) < int(before.split()[0])


def test_a_pasted_article_is_stored_and_shown(page, pipeline, tmp_path):
    app = create_app(Store(f"sqlite:///{tmp_path / 'ingest.db'}"), allow_ingest=True, pipeline=pipeline)
    for url in serve(app):
        page.goto(url)
        page.click("#add-article")
        page.fill("#ingest textarea", DHAKA.read_text())
        page.fill("#ingest input[name=published]", "2024-07-15")
        # Stored text is shown as text: markup in a title and a script URL stay inert.
        page.fill("#ingest input[name=title]", "<img src=x onerror=alert(1)> Clashes")
        page.fill("#ingest input[name=url]", "javascript:alert(1)")
        page.click("#ingest button[type=submit]")
        page.locator(".article-text mark").wait_for()
        assert page.locator(".article-text mark").inner_text() == \
            "Students clashed with police in Dhaka on Monday, leaving dozens injured."
        assert page.locator(".ew-marker[title*=Dhaka]").count() == 1
        assert page.locator(".source summary").inner_text().startswith("<img src=x onerror=alert(1)> Clashes")
        assert page.locator(".source img, .source a").count() == 0
