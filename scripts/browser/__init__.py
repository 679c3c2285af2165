"""Driving Debian's Chromium, shared by scripts/ and the browser tests."""
