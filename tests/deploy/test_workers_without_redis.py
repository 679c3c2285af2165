"""The embedded default with several gunicorn workers and no Redis is never stale:
the workers share readers' versions through a file (readercache.versions)."""

from tests.deploy.servers import free_port, get, gunicorn, new_site


def test_two_workers_without_redis_show_an_edit_on_every_request_at_once(tmp_path):
    site, article = new_site(tmp_path)
    port = free_port(10)
    with gunicorn(site, port=port, workers=2):
        # Enough requests that both workers have the page cached.
        for _ in range(24):
            status, body, _headers = get(port, article["url"])
            assert status == 200
            assert "Clinics extend hours" in body

        site.change(
            "from articles.models import Article\n"
            f"article = Article.objects.get(pk={article['pk']})\n"
            "article.title = 'Clinics open at night'\n"
            "article.save()"
        )

        titles = [
            "Clinics open at night" in get(port, article["url"])[1] for _ in range(24)
        ]
    assert all(titles), f"{titles.count(False)} of 24 requests showed the old title"
