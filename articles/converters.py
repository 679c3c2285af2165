class UnicodeSlugConverter:
    """A slug that may hold letters of any script (Arabic keywords, for example)."""

    regex = r"[-\w]+"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value
