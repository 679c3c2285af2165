"""Debian's Chromium as the browser tests and scripts/ drive it: headless, with no
background traffic of the browser's own, so that every request seen comes from the
page."""

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-sync",
]
