"""The page in a real browser: Playwright driving Debian's Chromium against
``newsfaq serve`` started by the test on a free loopback port.

Screenshots (desktop and phone width) go to test-output/. Without
/usr/bin/chromium these tests skip, unless NEWSFAQ_REQUIRE_BROWSER is set
(as CI sets it), when they fail.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

sync_api = pytest.importorskip("playwright.sync_api")

ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "test-output"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--headless", "--disable-gpu", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync",
]  # fmt: skip
PHONE = {"width": 390, "height": 844}
HOSTILE = """date 2025-06-02

Harbour officials said on Monday that <script>window.__pwned = 1</script> the new crane line would open in June.
The port authority said <img src=x onerror="window.__pwned = 2"> about 300 workers will be retrained for the cranes.
The union welcomed the plan but said it would watch closely how the retraining money is spent over the next year.
"""


@pytest.fixture(scope="module")
def server(archive_path, free_port, running):
    """The real CLI: ``newsfaq serve --db ARCHIVE --port FREE``; waits until /api/health answers."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    command = [sys.executable, "-m", "newsfaq", "serve", "--db", str(archive_path), "--port", str(port)]
    with running(command, f"{url}/api/health", "newsfaq serve"):
        yield url


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        if os.environ.get("NEWSFAQ_REQUIRE_BROWSER"):
            pytest.fail(f"{CHROMIUM} is missing; install it with: apt-get install chromium")
        pytest.skip(f"{CHROMIUM} is missing (apt-get install chromium)")
    SHOTS.mkdir(exist_ok=True)
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def _page(browser, url, viewport):
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    page.set_default_timeout(60_000)
    page.goto(url)
    return context, page


def _screenshot(page, name: str) -> None:
    page.evaluate("window.scrollTo(0, 0)")  # sticky header and article panel sit where they belong
    page.screenshot(path=SHOTS / name, full_page=True)


def _write_faq(page, text: str) -> None:
    page.fill("#article-text", text)
    page.click("#run-faq")
    page.wait_for_selector("#faq-list > li")


def test_faq_evidence_lights_up_and_check_flags_the_unsupported_claim(server, browser, reference_path):
    context, page = _page(browser, server, {"width": 1280, "height": 900})
    _write_faq(page, reference_path.read_text(encoding="utf-8"))
    cards = page.locator("#faq-list > li")
    assert cards.count() >= 4
    assert page.locator("#article-body span.lit").count() == 0
    cards.nth(1).click()
    lit = " ".join(page.locator("#article-body span.lit").all_inner_texts())
    assert lit.strip() and lit.strip()[:40] in cards.nth(1).locator("p").first.inner_text()
    assert "active" in cards.nth(1).get_attribute("class")
    _screenshot(page, "faq-desktop.png")

    page.click("#tab-check")
    page.click("#run-check")  # nothing typed: the article's own FAQ section is checked
    page.wait_for_selector("#check-list > li")
    first = page.locator("#check-list > li").first
    assert "unsupported" in first.get_attribute("class")
    assert "mortar fire" in first.inner_text() and "unsupported" in page.inner_text("#check-summary")
    first.click()
    assert page.locator("#article-body span.lit").count() > 0
    _screenshot(page, "check-desktop.png")
    context.close()


def test_the_page_works_at_phone_width(server, browser, example_path):
    context, page = _page(browser, server, PHONE)
    _write_faq(page, example_path.read_text(encoding="utf-8"))
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    page.locator("#faq-list > li").first.click()
    assert page.locator("#article-body span.lit").count() > 0
    _screenshot(page, "faq-phone.png")
    page.click("#tab-ask")
    page.fill("#ask-question", "How many soldiers are stationed at the northern base?")
    page.click("#run-ask")
    page.wait_for_selector("#ask-result .answer")
    assert "2,300" in page.inner_text("#ask-result .answer")
    assert "As of 2024-09-10" in page.inner_text("#ask-result") and "2023-05-02" in page.inner_text("#ask-result")
    _screenshot(page, "ask-phone.png")
    context.close()


def test_copy_buttons_put_markdown_and_jsonld_on_the_clipboard(server, browser, example_path):
    context, page = _page(browser, server, {"width": 1280, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server)
    _write_faq(page, example_path.read_text(encoding="utf-8"))
    question = page.locator("#faq-list > li h3").first.inner_text()
    page.click("#copy-md")
    sync_api.expect(page.locator("#copy-status")).to_contain_text("Markdown copied")
    assert f"**{question}**" in page.evaluate("navigator.clipboard.readText()")
    page.click("#copy-jsonld")
    sync_api.expect(page.locator("#copy-status")).to_contain_text("JSON-LD copied")
    assert '"@type": "FAQPage"' in page.evaluate("navigator.clipboard.readText()")
    context.close()


def test_a_refused_clipboard_leaves_the_text_selected_to_copy(server, browser, example_path):
    context, page = _page(browser, server, {"width": 1280, "height": 900})
    page.add_init_script("navigator.clipboard.writeText = () => Promise.reject(new Error('denied'));")
    page.reload()
    _write_faq(page, example_path.read_text(encoding="utf-8"))
    page.click("#copy-md")
    sync_api.expect(page.locator("#copy-status")).to_contain_text("blocked")
    assert page.is_visible("#copy-fallback")
    assert page.input_value("#copy-fallback").startswith("date 2025-03-14")
    context.close()


def test_hostile_article_and_claims_are_shown_as_text(server, browser):
    context, page = _page(browser, server, {"width": 1280, "height": 900})
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    _write_faq(page, HOSTILE)
    body = page.inner_text("#article-body")
    assert "<script>window.__pwned = 1</script>" in body and "onerror=" in body
    assert page.locator("#article-body img, #article-body script, #faq-list img").count() == 0
    page.click("#tab-check")
    page.fill("#check-text", '<img src=x onerror="window.__pwned = 3"> about 300 workers will be retrained')
    page.check("input[name='check-kind'][value='claims']")
    page.click("#run-check")
    page.wait_for_selector("#check-list > li")
    assert "<img src=x" in page.inner_text("#check-list")
    assert page.evaluate("window.__pwned") is None and not dialogs
    context.close()


def test_an_uploaded_html_page_is_read_by_its_suffix(server, browser, example_path, tmp_path):
    paragraphs = example_path.read_text(encoding="utf-8").split("\n\nFAQs")[0].split("\n\n")[1:]
    page_html = (
        '<html><head><title>Rotterdam dock strike</title><meta property="article:published_time" '
        'content="2025-03-14"></head><body><nav>Home | World</nav><article><h1>Rotterdam dock strike</h1>'
        + "".join(f"<p>{p}</p>" for p in paragraphs)
        + "</article></body></html>"
    )
    upload = tmp_path / "strike.html"
    upload.write_text(page_html, encoding="utf-8")
    context, page = _page(browser, server, {"width": 1280, "height": 900})
    page.set_input_files("#article-file", str(upload))
    page.click("#run-faq")
    page.wait_for_selector("#faq-list > li")
    assert "Published 2025-03-14" in page.inner_text("#article-meta")
    assert "Home | World" not in page.inner_text("#article-body")
    context.close()


def test_an_archived_article_can_be_picked_instead_of_pasted(server, browser):
    context, page = _page(browser, server, {"width": 1280, "height": 900})
    page.select_option("#archive-pick", label="2024-09-10 · More troops for the north")
    page.click("#run-faq")
    page.wait_for_selector("#faq-list > li")
    assert page.inner_text("#article-title") == "More troops for the north"
    assert "2,300 soldiers" in page.inner_text("#article-body")
    context.close()


def test_a_bad_article_shows_the_servers_one_line_error(server, browser):
    context, page = _page(browser, server, {"width": 1280, "height": 900})
    page.fill("#article-text", "Too short, and undated.")
    page.click("#run-faq")
    page.wait_for_selector("#status.error")
    assert "no article text found" in page.inner_text("#status")
    assert page.is_visible("#article-text")
    context.close()
