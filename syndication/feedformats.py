"""Django's Atom 1.0 and RSS 2.0 writers, extended with what a news feed carries:
the full text, every author as an element of their own, translators, the main
image (Media RSS) and, in Atom, the entry's base address for relative links."""

from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed

MEDIA_NS = "http://search.yahoo.com/mrss/"
DC_NS = "http://purl.org/dc/elements/1.1/"
CONTENT_NS = "http://purl.org/rss/1.0/modules/content/"


def _add_image(handler, image) -> None:
    if image is None:
        return
    handler.startElement(
        "media:content",
        {
            "url": image.url,
            "medium": "image",
            "type": image.type,
            "width": str(image.width),
            "height": str(image.height),
        },
    )
    if image.alt:
        handler.addQuickElement("media:description", image.alt, {"type": "plain"})
    handler.endElement("media:content")


class NewsAtomFeed(Atom1Feed):
    def root_attributes(self):
        return {**super().root_attributes(), "xmlns:media": MEDIA_NS}

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        for byline in item["authors"]:
            self._person(handler, "author", byline)
        for byline in item["translators"]:
            self._person(handler, "contributor", byline)
        handler.addQuickElement(
            "content", item["content"], {"type": "html", "xml:base": item["link"]}
        )
        _add_image(handler, item["image"])

    @staticmethod
    def _person(handler, element: str, byline) -> None:
        handler.startElement(element, {})
        handler.addQuickElement("name", byline.name)
        if byline.url:
            handler.addQuickElement("uri", byline.url)
        handler.endElement(element)


class NewsRssFeed(Rss201rev2Feed):
    def rss_attributes(self):
        return {
            **super().rss_attributes(),
            "xmlns:media": MEDIA_NS,
            "xmlns:dc": DC_NS,
            "xmlns:content": CONTENT_NS,
        }

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        # RSS's own <author> is an e-mail address: names go in Dublin Core.
        for byline in item["authors"]:
            handler.addQuickElement("dc:creator", byline.name)
        for byline in item["translators"]:
            handler.addQuickElement("dc:contributor", byline.name)
        handler.addQuickElement("content:encoded", item["content"])
        _add_image(handler, item["image"])
