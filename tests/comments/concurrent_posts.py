"""Run as a program by test_rate_limit_under_concurrency: posts N comments from one
sender at once, in threads with connections of their own, on whatever database
DATABASE_URL names, and prints how many were stored and refused."""

import json
import os
import sys
import threading

import django


def main(posts: int) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsportal.settings")
    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from articles.models import Article, Section
    from comments import services
    from comments.models import Comment

    call_command("migrate", verbosity=0)
    section = Section.objects.create(name="Together", slug="together")
    article = Article.objects.create(
        title="Posted together", slug="posted-together", lead="Lead", body="<p>B</p>",
        section=section, status=Article.Status.PUBLISHED,
    )  # fmt: skip
    start = threading.Barrier(posts)
    outcomes: list[str] = []

    def post(n: int) -> None:
        start.wait()
        try:
            services.comment_submit(
                article=article, name=f"Reader {n}", email="",
                body=f"Posted together, number {n}.", sender_hash="5e" * 16,
                token=f"together-{n}",
            )  # fmt: skip
            outcomes.append("stored")
        except services.SenderRateLimited:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=post, args=(n,)) for n in range(posts)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    print(
        json.dumps(
            {
                "stored_rows": Comment.objects.count(),
                "stored": outcomes.count("stored"),
                "refused": outcomes.count("refused"),
            }
        )
    )


if __name__ == "__main__":
    main(int(sys.argv[1]))
