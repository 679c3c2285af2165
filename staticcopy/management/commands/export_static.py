"""manage.py export_static DIR: the published site as plain, signed files."""

from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.http.request import validate_host
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.dateparse import parse_datetime

from staticcopy import signing
from staticcopy.addresses import relative_link, site_key
from staticcopy.crawl import Crawl, remove_others, write_if_changed
from staticcopy.selectors import article_addresses, articles_changed_since

EXPORTED_AT = "exported-at.txt"
ROOT_PAGE = "index.html"
OPTIONAL_SEEDS = ["/robots.txt", "/sitemap.xml"]


class Command(BaseCommand):
    help = (
        "Write the published site (both editions, the lite edition, feeds, "
        "sitemaps, images, static files) into DIR as plain files with relative "
        "links, with a SHA256SUMS manifest signed by ssh-keygen -Y sign."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory", type=Path)
        parser.add_argument(
            "--since",
            help="only what changed since this time (ISO 8601, in TIME_ZONE when "
            "no offset is given), or 'last' for the previous export of DIR",
        )
        parser.add_argument(
            "--key", type=Path, help="OpenSSH private key (default: EXPORT_SIGNING_KEY)"
        )
        parser.add_argument(
            "--unsigned", action="store_true", help="write the manifest, no signature"
        )

    def handle(self, *args, directory: Path, since, key, unsigned, **options):
        root = directory.resolve()
        key = key or (
            Path(settings.EXPORT_SIGNING_KEY) if settings.EXPORT_SIGNING_KEY else None
        )
        if key is None and not unsigned:
            raise CommandError(
                "No signing key: set EXPORT_SIGNING_KEY, give --key, or --unsigned."
            )
        if key is not None and not key.is_file():
            raise CommandError(f"The signing key {key} is not a file.")
        _refuse_foreign_directory(root)
        host = urlsplit(settings.SITE_URL).hostname or ""
        if not validate_host(host, settings.ALLOWED_HOSTS):
            raise CommandError(
                f"SITE_URL's host {host!r} is not in DJANGO_ALLOWED_HOSTS: the site "
                "would answer every page of the export with 400."
            )
        since_time = _since(since, root)
        started = timezone.now()
        root.mkdir(parents=True, exist_ok=True)

        changed = articles_changed_since(since_time) if since_time else None
        crawl = Crawl(root, changed_articles=changed)
        fronts = _front_pages()
        result = crawl.run(
            [key for _lang, pages in fronts for key in pages],
            OPTIONAL_SEEDS,
            article_addresses(changed or set()),
        )
        _write_root_page(root, crawl, fronts)
        (root / EXPORTED_AT).write_text(started.isoformat() + "\n", encoding="utf-8")
        if since_time is None:
            keep = result.files | {ROOT_PAGE, EXPORTED_AT, *signing.NOT_IN_MANIFEST}
            if key is not None:
                keep.add(signing.ALLOWED_SIGNERS)
            result.removed += remove_others(root, keep)

        if key is not None:
            try:
                signing.publish_allowed_signers(root, key=key, principal=_principal())
            except signing.SigningError as error:
                raise CommandError(
                    f"Could not read the signing key: {error}"
                ) from error
        count = signing.write_manifest(root)
        if key is not None:
            try:
                signing.sign_manifest(root, key=key)
            except signing.SigningError as error:
                raise CommandError(f"Could not sign the manifest: {error}") from error
        self._report(root, result, count, signed=key is not None)

    def _report(self, root, result, count, *, signed):
        for address, status, referrer in result.broken:
            self.stderr.write(
                f"broken: {address} answered {status} (linked from {referrer})"
            )
        self.stdout.write(
            f"{root}: {len(result.written)} written, "
            f"{len(result.unchanged)} unchanged, "
            f"{len(result.kept)} kept, {len(result.removed)} removed; "
            f"{count} files in {signing.MANIFEST}"
            + (f", signed ({signing.SIGNATURE})" if signed else ", not signed")
            + (f"; {len(result.broken)} broken links" if result.broken else "")
        )


def _principal() -> str:
    return f"newsroom@{urlsplit(settings.SITE_URL).hostname}"


def _front_pages() -> list[tuple[str, list[str]]]:
    fronts = []
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            fronts.append(
                (
                    language,
                    [
                        site_key(reverse("articles:home")),
                        site_key(reverse("lite:front")),
                    ],
                )
            )
    return fronts


def _write_root_page(root: Path, crawl: Crawl, fronts) -> None:
    editions = []
    for language, (home, lite) in fronts:
        editions.append(
            {
                "language": language,
                "home": relative_link(ROOT_PAGE, crawl.target_file(home)),
                "lite": relative_link(ROOT_PAGE, crawl.target_file(lite)),
            }
        )
    html = render_to_string("staticcopy/index.html", {"editions": editions})
    write_if_changed(root / ROOT_PAGE, html.encode("utf-8"))


def _refuse_foreign_directory(root: Path) -> None:
    # A full export deletes what it did not write: never in a folder of other files.
    if (
        root.exists()
        and any(root.iterdir())
        and not (root / signing.MANIFEST).is_file()
    ):
        raise CommandError(
            f"{root} holds files but no {signing.MANIFEST}: give an empty directory "
            "or one an earlier export wrote."
        )


def _since(value: str | None, root: Path):
    if not value:
        return None
    if value == "last":
        marker = root / EXPORTED_AT
        if not marker.is_file():
            raise CommandError(f"--since last: {root} has no earlier export.")
        value = marker.read_text(encoding="utf-8").strip()
    try:
        moment = parse_datetime(value)
    except ValueError:
        moment = None
    if moment is None:
        raise CommandError(
            f"--since: {value!r} is not a time such as 2026-12-01T09:30."
        )
    return timezone.make_aware(moment) if timezone.is_naive(moment) else moment
