"""A real headless Chromium (Debian's `chromium` and `chromium-driver`) driven through Selenium, offline:
every host name resolves to nothing, so a page that needed the network would show it."""

from __future__ import annotations

import io
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

CHROMIUM = ("chromium", "chromium-browser", "google-chrome")
DRIVER = "chromedriver"


def find_chromium() -> tuple[str, str]:
    """(browser, driver) paths; the test is skipped where they are not installed (`.ci/run` installs
    them, so CI always runs it)."""
    browser = next((shutil.which(name) for name in CHROMIUM if shutil.which(name)), None)
    driver = shutil.which(DRIVER)
    if not browser or not driver:
        pytest.skip("Chromium and chromedriver are not installed (apt-get install chromium chromium-driver)")
    return browser, driver


@contextmanager
def chromium(width: int = 1280, height: int = 1600) -> Iterator:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    browser, driver = find_chromium()
    options = webdriver.ChromeOptions()
    options.binary_location = browser
    for argument in (
        "--headless=new",
        "--no-sandbox",  # CI runs as root
        "--disable-gpu",
        "--disable-dev-shm-usage",
        f"--window-size={width},{height}",
        "--host-resolver-rules=MAP * ~NOTFOUND",  # offline: nothing is fetched from anywhere
        "--allow-file-access-from-files",
    ):
        options.add_argument(argument)
    session = webdriver.Chrome(options=options, service=Service(executable_path=driver))
    try:
        yield session
    finally:
        session.quit()


def open_report(session, path: Path, timeout: float = 30) -> float:
    """Open the report and wait for its script to have drawn it; the seconds that took."""
    import time

    from selenium.webdriver.support.ui import WebDriverWait

    started = time.perf_counter()
    session.get(path.resolve().as_uri())
    WebDriverWait(session, timeout).until(
        lambda s: s.execute_script("return document.body && document.body.dataset.ready === '1'")
    )
    return time.perf_counter() - started


def distinct_colours(png: bytes) -> int:
    """How many colours a screenshot has (a blank page has one or two)."""
    from PIL import Image

    image = Image.open(io.BytesIO(png)).convert("RGB")
    return len(image.getcolors(maxcolors=1 << 24) or [])
