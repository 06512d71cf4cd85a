"""The demo's comment box in headless Chromium (Debian's chromium and chromedriver, via Selenium).

uvicorn serves ``create_app(Settings(demo=True))`` on 127.0.0.1 from a thread; the browser types
as a reader would. Screenshots are kept in ``build/screenshots/`` (git-ignored). Skipped only
where chromium or chromedriver is missing.
"""

from __future__ import annotations

import os
import shutil
import socket
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest

webdriver = pytest.importorskip("selenium.webdriver")
uvicorn = pytest.importorskip("uvicorn")

from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.remote.webdriver import WebDriver  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402
from sqlalchemy import create_engine, select  # noqa: E402

from vncomment.server import Settings, create_app  # noqa: E402
from vncomment.server.demo import Comment  # noqa: E402

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
if not (os.access(CHROMIUM, os.X_OK) and os.access(CHROMEDRIVER, os.X_OK)):
    pytest.skip(f"needs Debian's chromium and chromium-driver ({CHROMIUM}, {CHROMEDRIVER} not "
                "found): apt-get install chromium chromium-driver", allow_module_level=True)

SCREENSHOTS = Path(__file__).resolve().parents[1] / "build" / "screenshots"

UNMARKED = "toi khong biet nguoi ta noi gi ve chuyen nay nua, that la kho hieu qua"
LINKED = "Bài viết rất hay, mọi người xem thêm thông tin chi tiết tại abc chấm com nhé"
GOOD = "Bài viết rất hay, cảm ơn tác giả đã chia sẻ thông tin hữu ích này với mọi người."


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def serving(settings: Settings) -> Iterator[str]:
    """The app on 127.0.0.1, run by uvicorn in a thread; yields its base URL."""
    port = free_port()
    config = uvicorn.Config(create_app(settings), host="127.0.0.1", port=port,
                            log_level="warning", access_log=False)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + 30
        while not server.started:
            assert thread.is_alive() and time.monotonic() < deadline, "uvicorn did not start"
            time.sleep(0.05)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    db = tmp_path_factory.mktemp("demo") / "comments.sqlite3"
    with serving(Settings(demo=True, db=str(db))) as base:
        yield base, db


def chromium(javascript: bool = True) -> WebDriver:
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--window-size=900,1300"):
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tempfile.mkdtemp(prefix='vncomment-chromium-')}")
    if not javascript:
        options.add_experimental_option(
            "prefs", {"profile.managed_default_content_settings.javascript": 2})
    # The driver's path is given, so Selenium Manager has nothing to look up or download.
    return webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)


@pytest.fixture(scope="module")
def browser() -> Iterator[WebDriver]:
    driver = chromium()
    yield driver
    driver.quit()


def wait(driver: WebDriver, condition: Callable[[WebDriver], Any], timeout: float = 15) -> Any:
    return WebDriverWait(driver, timeout, poll_frequency=0.1).until(condition)


def screenshot(driver: WebDriver, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    driver.execute_script("document.getElementById('binh-luan').scrollIntoView()")
    path = SCREENSHOTS / f"{name}.png"
    driver.save_screenshot(str(path))
    return path


def type_comment(driver: WebDriver, text: str) -> None:
    box = driver.find_element(By.ID, "noi-dung")
    box.clear()
    box.send_keys(text)


def status_text(driver: WebDriver) -> str:
    return str(driver.find_element(By.CSS_SELECTOR, ".vnc-status").text)


def marks(driver: WebDriver, kind: str) -> list[str]:
    return [m.text for m in driver.find_elements(By.CSS_SELECTOR, f".vnc-mirror mark.vnc-{kind}")]


def send_button(driver: WebDriver) -> Any:
    return driver.find_element(By.CSS_SELECTOR, "button.send")


def saved_bodies(db: Path) -> list[str]:
    with create_engine(f"sqlite:///{db}").connect() as connection:
        return list(connection.scalars(select(Comment.body).order_by(Comment.id)))


def test_unaccented_comment_gets_the_vietnamese_message_and_its_words_highlighted(
    site: tuple[str, Path], browser: WebDriver
) -> None:
    base, _ = site
    browser.get(base + "/")
    wait(browser, lambda d: d.find_elements(By.CSS_SELECTOR, ".vnc-status"))
    wait(browser, lambda d: not send_button(d).is_enabled())  # nothing typed yet
    type_comment(browser, UNMARKED)
    wait(browser, lambda d: "Mời bạn viết tiếng Việt có dấu" in status_text(d))
    status = browser.find_element(By.CSS_SELECTOR, ".vnc-status")
    assert status.get_attribute("aria-live") == "polite"
    assert status.get_attribute("id") in browser.find_element(By.ID, "noi-dung").get_attribute(
        "aria-describedby")
    # The words underlined are exactly those the service names, found by their UTF-16 spans.
    answer = httpx.post(base + "/v1/validate", json={"text": UNMARKED}).json()
    (violation,) = answer["violations"]
    named = [UNMARKED[start:end] for start, end in violation["params"]["spans"]]
    assert marks(browser, "unmarked") == named
    assert {"toi", "khong", "biet", "nguoi", "chuyen", "hieu"} <= set(named)
    # Not colour alone: the words are underlined, and listed after a label in words.
    mark = browser.find_element(By.CSS_SELECTOR, ".vnc-mirror mark.vnc-unmarked")
    assert "underline" in mark.value_of_css_property("text-decoration-line")
    listed = browser.find_element(By.CSS_SELECTOR, ".vnc-words-unmarked").text
    assert listed.startswith("Chữ chưa có dấu:") and "khong" in listed
    assert not send_button(browser).is_enabled()
    screenshot(browser, "1-unmarked")


def test_a_disguised_link_is_highlighted(site: tuple[str, Path], browser: WebDriver) -> None:
    base, _ = site
    browser.get(base + "/")
    type_comment(browser, LINKED)
    wait(browser, lambda d: "không được chứa liên kết (abc chấm com)" in status_text(d))
    assert marks(browser, "link") == ["abc chấm com"]
    link = browser.find_element(By.CSS_SELECTOR, ".vnc-mirror mark.vnc-link")
    assert "underline" in link.value_of_css_property("text-decoration-line")
    tag = browser.find_element(By.CSS_SELECTOR, ".vnc-mirror .vnc-tag")
    assert tag.text == "liên kết"  # said in words, not only in red
    assert browser.find_element(By.CSS_SELECTOR, ".vnc-words-link").text.startswith("Liên kết:")
    assert not send_button(browser).is_enabled()
    screenshot(browser, "2-link")


def set_comment(driver: WebDriver, text: str, around: str = "") -> None:
    """What a paste does: the value set at once, an input event fired. ``around``: JavaScript
    string literal put before and after the text (what send_keys and WebDriver's JSON cannot
    carry: half an emoji)."""
    literal = around or "''"
    driver.execute_script(
        "var box = document.getElementById('noi-dung');"
        f"box.value = {literal} + arguments[0] + {literal};"
        "box.dispatchEvent(new Event('input', {bubbles: true}));", text)


def test_markup_in_a_comment_is_shown_as_text_never_run(
    site: tuple[str, Path], browser: WebDriver
) -> None:
    """The comment, its link, the listed words and the suggestion are put in as text: markup a
    reader types is shown, never inserted as HTML."""
    base, _ = site
    browser.get(base + "/")
    payload = '<img src=x onerror="window.pwned=1">'
    comment = f"toi thay {payload} bai nay hay, xem <b>abc.com</b> nhe {payload} cam on"
    set_comment(browser, comment)
    wait(browser, lambda d: "liên kết" in status_text(d))
    mirror = browser.find_element(By.CSS_SELECTOR, ".vnc-mirror")
    assert mirror.text.count(payload) == 2
    assert not browser.find_elements(By.CSS_SELECTOR, ".vnc-box img, .vnc-box b")
    suggestion = browser.find_element(By.CSS_SELECTOR, ".vnc-suggestion").text
    assert payload in suggestion
    assert browser.execute_script("return window.pwned === undefined")


def test_half_an_emoji_in_the_box_is_still_judged(
    site: tuple[str, Path], browser: WebDriver
) -> None:
    """A lone surrogate made the request "not JSON": the box said it could not check and enabled
    the button. It is sent as U+FFFD (what the form submits), and the spans still line up."""
    base, _ = site
    browser.get(base + "/")
    set_comment(browser, " " + UNMARKED + " ", around="'\\ud83d'")
    wait(browser, lambda d: "Mời bạn viết tiếng Việt có dấu" in status_text(d))
    assert marks(browser, "unmarked")[:3] == ["toi", "khong", "biet"]
    assert not send_button(browser).is_enabled()


def test_both_in_one_comment_then_fixed_submitted_and_listed(
    site: tuple[str, Path], browser: WebDriver
) -> None:
    base, db = site
    browser.get(base + "/")
    type_comment(browser, UNMARKED + ", xem them o abc chấm com nhé")
    wait(browser, lambda d: marks(d, "link") == ["abc chấm com"] and marks(d, "unmarked"))
    assert "Mời bạn viết tiếng Việt có dấu" in status_text(browser)
    screenshot(browser, "3-both")
    type_comment(browser, GOOD)
    wait(browser, lambda d: send_button(d).is_enabled())
    assert "Bình luận hợp lệ" in status_text(browser)
    assert marks(browser, "unmarked") == [] and marks(browser, "link") == []
    screenshot(browser, "4-ok")
    browser.find_element(By.ID, "ten").send_keys("Lan")
    send_button(browser).click()
    wait(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "#comments li.comment"))
    first = browser.find_element(By.CSS_SELECTOR, "#comments li.comment")
    assert "Lan" in first.text and GOOD in first.text
    assert saved_bodies(db)[-1] == GOOD
    screenshot(browser, "5-listed")


def test_typing_on_keeps_only_the_answer_for_the_last_text(
    site: tuple[str, Path], browser: WebDriver
) -> None:
    base, _ = site
    browser.get(base + "/")
    box = browser.find_element(By.ID, "noi-dung")
    for piece in GOOD.split(" "):  # word by word, faster than the debounce
        box.send_keys(piece + " ")
    wait(browser, lambda d: "Bình luận hợp lệ" in status_text(d) and send_button(d).is_enabled())
    box.send_keys("xem abc chấm com")
    wait(browser, lambda d: marks(d, "link") == ["abc chấm com"])
    assert not send_button(browser).is_enabled()


def test_the_form_is_posted_as_before_when_the_service_cannot_be_reached(
    site: tuple[str, Path],
) -> None:
    base, db = site
    driver = chromium()
    try:
        driver.execute_cdp_cmd("Network.enable", {})
        driver.execute_cdp_cmd("Network.setBlockedURLs", {"urls": ["*/v1/validate"]})
        driver.get(base + "/")
        type_comment(driver, UNMARKED)
        wait(driver, lambda d: "Chưa kiểm tra được" in status_text(d))
        assert send_button(driver).is_enabled()  # the site's own submission takes over
        driver.find_element(By.ID, "ten").send_keys("Khách")
        before = saved_bodies(db)
        send_button(driver).click()
        wait(driver, lambda d: "Bình luận chưa được đăng" in d.find_element(By.ID, "loi").text)
        assert saved_bodies(db) == before  # the server judged it at the database
    finally:
        driver.quit()


def test_without_javascript_a_rejected_post_shows_the_messages_and_saves_nothing(
    site: tuple[str, Path],
) -> None:
    base, db = site
    driver = chromium(javascript=False)
    try:
        driver.get(base + "/")
        assert not driver.find_elements(By.CSS_SELECTOR, ".vnc-status")  # no script ran
        type_comment(driver, LINKED)
        driver.find_element(By.ID, "ten").send_keys("Hùng")
        before = saved_bodies(db)
        assert send_button(driver).is_enabled()
        send_button(driver).click()
        errors = wait(driver, lambda d: d.find_element(By.ID, "loi").text)
        assert "Bình luận không được chứa liên kết (abc chấm com)." in errors
        assert driver.find_element(By.ID, "noi-dung").get_attribute("value") == LINKED
        assert saved_bodies(db) == before
        screenshot(driver, "6-no-javascript-rejected")
    finally:
        driver.quit()


def test_the_suggested_spelling_replaces_the_text_in_one_click(
    site: tuple[str, Path], browser: WebDriver
) -> None:
    base, _ = site
    (violation,) = httpx.post(base + "/v1/validate", json={"text": UNMARKED}).json()["violations"]
    suggestion = violation["params"].get("suggestion")
    if not suggestion:
        pytest.skip("this build's missing_diacritics carries no suggestion")
    browser.get(base + "/")
    type_comment(browser, UNMARKED)
    button = wait(browser, lambda d: d.find_element(By.CSS_SELECTOR, ".vnc-suggestion")
                  if d.find_element(By.CSS_SELECTOR, ".vnc-suggestion").is_displayed() else None)
    assert suggestion in button.text
    button.click()
    box = browser.find_element(By.ID, "noi-dung")
    assert box.get_attribute("value") == suggestion
    # The box shows the service's verdict on the new text, whatever it is.
    verdict = httpx.post(base + "/v1/validate", json={"text": suggestion}).json()
    expected = "Bình luận hợp lệ" if verdict["ok"] else verdict["violations"][0]["message"]
    wait(browser, lambda d: expected in status_text(d))
    assert send_button(browser).is_enabled() == verdict["ok"]


SITE_PAGE = """<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>Một trang PHP</title></head>
<body>
<form method="post" action="/binh-luan.php">
  <textarea id="noi-dung" name="body" data-vncomment></textarea>
  <button type="submit" class="send">Gửi</button>
</form>
<script src="{service}/vncomment.js" defer></script>
</body></html>
"""


@pytest.fixture(scope="module")
def other_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """A site on another origin (as a PHP or .NET site would be), serving plain files."""
    from functools import partial
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    root = tmp_path_factory.mktemp("site")
    handler = partial(SimpleHTTPRequestHandler, directory=str(root))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}", root
    httpd.shutdown()
    thread.join(timeout=10)


def test_a_site_on_another_origin_uses_the_script_when_cors_allows_it(
    other_site: tuple[str, Path], site: tuple[str, Path], browser: WebDriver
) -> None:
    origin, root = other_site
    with serving(Settings(allow_origin=(origin,))) as service:
        (root / "allowed.html").write_text(SITE_PAGE.format(service=service), "utf-8")
        browser.get(origin + "/allowed.html")
        type_comment(browser, UNMARKED)
        wait(browser, lambda d: "Mời bạn viết tiếng Việt có dấu" in status_text(d))
        assert marks(browser, "unmarked") and not send_button(browser).is_enabled()
        # Options on the script tag apply to every box of the page.
        english = SITE_PAGE.format(service=service).replace(
            'vncomment.js" defer', 'vncomment.js" data-vncomment-lang="en" defer')
        (root / "english.html").write_text(english, "utf-8")
        browser.get(origin + "/english.html")
        type_comment(browser, UNMARKED)
        wait(browser, lambda d: "Please write Vietnamese with diacritics" in status_text(d))
        assert browser.find_element(By.CSS_SELECTOR, ".vnc-words-unmarked").text.startswith(
            "Words without diacritics:")
    # The demo's service allows no other origin: the browser refuses its answers, and the
    # site's form is left to work as it did.
    demo_service, _ = site
    (root / "refused.html").write_text(SITE_PAGE.format(service=demo_service), "utf-8")
    browser.get(origin + "/refused.html")
    type_comment(browser, UNMARKED)
    wait(browser, lambda d: "Chưa kiểm tra được" in status_text(d))
    assert send_button(browser).is_enabled()
