"""The HTML report at scale: how long `timeline report` takes to write it and Chromium to open it.

    .venv/bin/python -m bench.report bench/out/data-10000     # a data dir `make bench` filled

Part of `make bench` (bench/pipeline.py calls `measure_report` after its first run). Opening is timed
in a real headless Chromium (Debian's chromium and chromium-driver, through Selenium) from the request
until the page's script has drawn the timeline (body[data-ready]); skipped where they are missing.
"""

from __future__ import annotations

import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def write_seconds(data_dir: Path) -> tuple[float, Path]:
    from flows.report import write_report

    started = time.perf_counter()
    out = write_report(data_dir)
    return time.perf_counter() - started, out


def open_seconds(page: Path) -> float | str:
    """Seconds from asking Chromium for the page until it is drawn (a fresh browser; its start is not
    counted), or why it was not measured."""
    browser, driver = shutil.which("chromium"), shutil.which("chromedriver")
    if not browser or not driver:
        return "skipped: chromium and chromedriver are not installed"
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
        from selenium.webdriver.support.ui import WebDriverWait
    except ImportError:
        return "skipped: selenium is not installed (pip install -e '.[test]')"
    options = webdriver.ChromeOptions()
    options.binary_location = browser
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,1600"):
        options.add_argument(argument)
    session = webdriver.Chrome(options=options, service=Service(executable_path=driver))
    try:
        session.get("about:blank")
        started = time.perf_counter()
        session.get(page.resolve().as_uri())
        WebDriverWait(session, 60).until(
            lambda s: s.execute_script("return document.body.dataset.ready === '1'")
        )
        return time.perf_counter() - started
    finally:
        session.quit()


def measure_report(data_dir: Path) -> list[tuple[str, str]]:
    seconds, page = write_seconds(data_dir)
    opened = open_seconds(page)
    return [
        ("report written (timeline report)", f"{seconds:.2f} s, {page.stat().st_size / 1e6:.1f} MB"),
        (
            "report opened in Chromium",
            opened if isinstance(opened, str) else f"{opened:.2f} s (until the timeline is drawn)",
        ),
    ]


if __name__ == "__main__":
    for label, value in measure_report(Path(sys.argv[1])):
        print(f"  {label:44s} {value}")
