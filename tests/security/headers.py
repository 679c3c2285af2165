"""What every HTML response must carry, asserted one header at a time."""

from django.http import HttpResponse

from newsportal.security import DENIED_FEATURES

ONE_YEAR = 365 * 24 * 3600


def policy_of(response: HttpResponse) -> dict[str, list[str]]:
    header = response.get("Content-Security-Policy")
    assert header, f"no Content-Security-Policy on {response.request['PATH_INFO']}"
    directives = {}
    for directive in header.split(";"):
        name, *values = directive.split()
        directives[name] = values
    return directives


def assert_content_security_policy(response: HttpResponse, *, cached: bool) -> None:
    policy = policy_of(response)
    assert policy["default-src"] in (["'none'"], ["'self'"])
    assert "'unsafe-inline'" not in policy["script-src"]
    assert "'unsafe-eval'" not in policy["script-src"]
    assert all("'unsafe-inline'" not in values for values in policy.values())
    assert policy["frame-ancestors"] == ["'none'"]
    if cached:
        # A page stored for every reader holds nothing of one visitor.
        assert "nonce-" not in response["Content-Security-Policy"]
        assert b"nonce=" not in response.content


def assert_security_headers(
    response: HttpResponse, *, staff: bool = False, https: bool = False
) -> None:
    assert_content_security_policy(response, cached=not staff)
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == ("same-origin" if staff else "no-referrer")
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    denied = {item.strip() for item in response["Permissions-Policy"].split(",")}
    assert {f"{feature}=()" for feature in DENIED_FEATURES} <= denied
    if https:
        hsts = [
            part.strip() for part in response["Strict-Transport-Security"].split(";")
        ]
        assert int(hsts[0].removeprefix("max-age=")) >= ONE_YEAR
        assert "includeSubDomains" in hsts
        assert "preload" in hsts
    else:
        assert not response.has_header("Strict-Transport-Security")
