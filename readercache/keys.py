"""The one way a key for reader data is made: a name and the version token it was
built under."""


def versioned_key(name: str, token: str) -> str:
    return f"readers:{name}:{token}"
