"""Factories for the tests: small, explicit, with published articles by default."""

from datetime import timedelta

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone
from django.utils.text import slugify

from articles.models import Article, Keyword, Section


class SectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Section
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Section {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name, allow_unicode=True))
    position = factory.Sequence(lambda n: n)


class KeywordFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Keyword
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Keyword {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name, allow_unicode=True))


class ArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Article
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Headline number {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.title, allow_unicode=True))
    lead = "A lead paragraph that tells the reader what happened."
    body = "<h2>What happened</h2><p>First paragraph.</p><p>Second paragraph.</p>"
    reporter_credit = "Lina Saleh"
    section = factory.SubFactory(SectionFactory)
    status = Article.Status.PUBLISHED
    published_at = factory.Sequence(lambda n: timezone.now() - timedelta(minutes=n + 1))

    class Params:
        draft = factory.Trait(status=Article.Status.DRAFT)
        review = factory.Trait(
            status=Article.Status.REVIEW,
            submitted_at=factory.LazyFunction(timezone.now),
        )
        # Breaking for a day from now.
        is_breaking = factory.Trait(
            breaking_until=factory.LazyFunction(
                lambda: timezone.now() + timedelta(days=1)
            )
        )
        scheduled = factory.Trait(
            published_at=factory.LazyFunction(
                lambda: timezone.now() + timedelta(days=1)
            )
        )

    @factory.post_generation
    def keywords(self, create, extracted, **kwargs):
        if create and extracted:
            self.keywords.add(*extracted)


def make_staff_user(
    username: str, group_name: str, password: str = "pw-for-tests-only"
):
    user = get_user_model().objects.create_user(
        username=username, password=password, is_staff=True
    )
    user.groups.add(Group.objects.get(name=group_name))
    return user


def set_site_settings(**fields):
    """Give the masthead record these values (tests set it before any request)."""
    from articles.models import SiteSettings

    site, _created = SiteSettings.objects.update_or_create(pk=1, defaults=fields)
    return site


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "people.Person"

    name = factory.Sequence(lambda n: f"Reporter {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name, allow_unicode=True))
    name_ar = factory.Sequence(lambda n: f"مراسل {n}")
    slug_ar = factory.LazyAttribute(lambda o: slugify(o.name_ar, allow_unicode=True))
    bio = "Covers water and power in the north."
    bio_ar = "تغطي شؤون المياه والكهرباء في الشمال."


class CreditFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "people.Credit"

    article = factory.SubFactory(ArticleFactory)
    person = factory.SubFactory(PersonFactory)
    role = "reporter"
    position = factory.Sequence(lambda n: n)
