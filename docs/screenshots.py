"""Take the README's screenshots: the stories page, the seed story (on a screen and on a phone)
and a checked claim, in the Indonesian interface.

    .venv/bin/python docs/screenshots.py [--seeds ../shared/seeds] [--only check] [--fast]

Runs `kroscek run` on examples/corpus and the seeds into a temporary store, adds the invented
fact-checks of examples/factchecks, serves it, and has Chromium (Playwright, Debian's
/usr/bin/chromium) photograph the pages into docs/screenshots/, docs/check.png and docs/check-close.png.
"""

from __future__ import annotations

import argparse
import shutil
import socket
import tempfile
import threading
import time
from pathlib import Path

import uvicorn
from playwright.sync_api import sync_playwright
from typer.testing import CliRunner

from kroscek.cli import app as cli
from kroscek.web.app import ServerSettings, create_app

REPO = Path(__file__).resolve().parents[1]
CLAIM = "Banjir bandang di Tanjung Seruni menewaskan 90 orang"  # the corpus says nine; a fact-check says false
CLOSE_CLAIM = "Banjir bandang di Tanjung Seruni menewaskan 19 orang"  # another count: that fact-check is a close claim's


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=Path, default=REPO.parent / "shared" / "seeds")
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "screenshots")
    parser.add_argument("--only", choices=["stories", "check"], help="take only these screenshots")
    parser.add_argument("--fast", action="store_true", help="run kroscek with --fast (no e5)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db = str(Path(folder) / "k.db")
        result = CliRunner().invoke(cli, ["run", str(REPO / "examples" / "corpus"), str(args.seeds), "--db", db,
                                          "--out", str(Path(folder) / "report"), "--quiet",
                                          *(["--fast"] if args.fast else [])])
        if result.exit_code != 0:
            raise SystemExit(result.output)
        result = CliRunner().invoke(cli, ["ingest-factchecks", str(REPO / "examples" / "factchecks"), "--db", db])
        if result.exit_code != 0:
            raise SystemExit(result.output)
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = sock.getsockname()[1]
        server = uvicorn.Server(uvicorn.Config(create_app(ServerSettings(db=db)), host="127.0.0.1", port=port, log_level="warning"))
        threading.Thread(target=server.run, daemon=True).start()
        while not server.started:
            time.sleep(0.1)
        url = f"http://127.0.0.1:{port}"
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=shutil.which("chromium") or "/usr/bin/chromium",
                                        args=["--no-sandbox", "--disable-gpu"])
            page = browser.new_context(viewport={"width": 1280, "height": 900}, locale="id-ID").new_page()
            if args.only in (None, "stories"):
                page.goto(url + "/")
                page.screenshot(path=str(args.out / "stories.png"))
                page.get_by_role("link", name="Korea Utara").first.click()
                page.wait_for_selector(".side article")
                page.screenshot(path=str(args.out / "seed-story.png"))
                phone = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=1, is_mobile=True,
                                            locale="id-ID").new_page()
                phone.goto(page.url)
                phone.screenshot(path=str(args.out / "story-phone.png"))
                phone.context.close()
            if args.only in (None, "check"):
                page.goto(url + "/")
                page.get_by_role("textbox", name="Periksa klaim").fill(CLAIM)
                page.get_by_role("button", name="Periksa", exact=True).click()
                page.wait_for_selector("#check-result")
                page.screenshot(path=str(REPO / "docs" / "check.png"), full_page=True)
                page.goto(url + "/")
                page.get_by_role("textbox", name="Periksa klaim").fill(CLOSE_CLAIM)
                page.get_by_role("button", name="Periksa", exact=True).click()
                page.wait_for_selector("#check-result")
                page.screenshot(path=str(REPO / "docs" / "check-close.png"), full_page=True)
            browser.close()
        server.should_exit = True


if __name__ == "__main__":
    main()
