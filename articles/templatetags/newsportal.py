from django import template

from articles import selectors
from articles.models import Section, SiteSettings

register = template.Library()


@register.simple_tag
def site_settings() -> SiteSettings:
    return SiteSettings.load()


@register.simple_tag
def navigation_sections() -> list[Section]:
    return selectors.navigation_sections()


@register.inclusion_tag("includes/_ticker.html")
def latest_news_ticker() -> dict:
    return {"ticker_articles": selectors.ticker_articles()}
