"""Run as a program by test_health: asks /health/ once, in a process whose database
and cache addresses come from the environment, and prints the answer."""

import json
import os

import django


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsportal.settings")
    django.setup()
    from django.test import Client

    response = Client().get("/health/")
    print(json.dumps({"status": response.status_code, "body": response.json()}))


if __name__ == "__main__":
    main()
