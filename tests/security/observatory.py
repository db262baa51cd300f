"""Mozilla HTTP Observatory's scoring rules, applied to one response's headers.

The score starts at 100; each test subtracts its penalty, and bonuses count only
once the score is at least 90 (as the Observatory does). Two checks of our own
join them: Permissions-Policy and Cache-Control on HTML.
"""

import re

SIX_MONTHS = 60 * 60 * 24 * 182
SAFE_REFERRER_POLICIES = {
    "no-referrer",
    "same-origin",
    "strict-origin",
    "strict-origin-when-cross-origin",
}


def parse_csp(header):
    """{directive: [sources]} of a Content-Security-Policy header."""
    policy = {}
    for part in header.split(";"):
        words = part.strip().split()
        if words:
            policy.setdefault(words[0].lower(), [word.lower() for word in words[1:]])
    return policy


def _sources(policy, directive):
    return policy.get(directive, policy.get("default-src"))


def score_csp(headers):
    """(penalty or bonus, reason) of the Content-Security-Policy test."""
    header = headers.get("Content-Security-Policy")
    if not header:
        return -25, "csp-not-implemented"
    policy = parse_csp(header)
    if "default-src" not in policy:
        return -25, "csp-header-invalid: no default-src"
    scripts = _sources(policy, "script-src") or []
    if "'unsafe-inline'" in scripts or "*" in scripts or "data:" in scripts:
        return -20, "csp-implemented-with-unsafe-inline"
    objects = _sources(policy, "object-src") or []
    if objects != ["'none'"]:
        return -20, "csp-implemented-with-unsafe: object-src is not 'none'"
    if "'unsafe-eval'" in scripts:
        return -10, "csp-implemented-with-unsafe-eval"
    if any(source.startswith("http:") for values in policy.values() for source in values):
        return -20, "csp-implemented-with-insecure-scheme"
    # base-uri and form-action do not fall back to default-src: unset, they allow anything.
    for directive in ("base-uri", "form-action"):
        if directive not in policy or "*" in policy[directive]:
            return -10, f"csp-implemented-with-insecure-{directive}"
    if policy["default-src"] == ["'none'"]:
        return 10, "csp-implemented-with-no-unsafe-default-src-none"
    return 5, "csp-implemented-with-no-unsafe"


def score_cookies(cookies, hsts):
    """Every cookie Secure and SameSite; session-like ones HttpOnly."""
    if not cookies:
        return 0, "cookies-not-found"
    worst = (5, "cookies-secure-with-httponly-sessions-and-samesite")
    for cookie in cookies:
        name = cookie.split("=", 1)[0].lower()
        attributes = {part.strip().split("=")[0].lower() for part in cookie.split(";")[1:]}
        samesite = re.search(r"samesite=(\w+)", cookie, re.IGNORECASE)
        is_session = "sess" in name or "login" in name
        if samesite and samesite.group(1).lower() not in {"lax", "strict", "none"}:
            result = (-20, "cookies-samesite-flag-invalid")
        elif "secure" not in attributes:
            if is_session:
                result = (-40, "cookies-session-without-secure-flag")
            else:
                result = (
                    (-5, "cookies-without-secure-flag-but-protected-by-hsts")
                    if hsts
                    else (
                        -20,
                        "cookies-without-secure-flag",
                    )
                )
        elif is_session and "httponly" not in attributes:
            result = (-30, "cookies-session-without-httponly-flag")
        elif not samesite:
            result = (0, "cookies-secure-with-httponly-sessions")
        else:
            continue
        worst = min(worst, result)
    return worst


def score_hsts(headers):
    header = headers.get("Strict-Transport-Security", "")
    match = re.search(r"max-age=(\d+)", header)
    if not header:
        return -20, "hsts-not-implemented"
    if not match:
        return -20, "hsts-header-invalid"
    if int(match.group(1)) < SIX_MONTHS:
        return -10, "hsts-implemented-max-age-less-than-six-months"
    if "preload" in header.lower() and "includesubdomains" in header.lower():
        return 5, "hsts-preload-ready"
    return 0, "hsts-implemented-max-age-at-least-six-months"


def score_framing(headers):
    policy = parse_csp(headers.get("Content-Security-Policy", ""))
    ancestors = policy.get("frame-ancestors")
    if ancestors and "*" not in ancestors:
        return 5, "x-frame-options-implemented-via-csp"
    if headers.get("X-Frame-Options", "").upper() in {"DENY", "SAMEORIGIN"}:
        return 0, "x-frame-options-sameorigin-or-deny"
    return -20, "x-frame-options-not-implemented"


def score_nosniff(headers):
    if headers.get("X-Content-Type-Options", "").lower() == "nosniff":
        return 0, "x-content-type-options-nosniff"
    return -5, "x-content-type-options-not-implemented"


def score_referrer(headers):
    policies = {p.strip().lower() for p in headers.get("Referrer-Policy", "").split(",") if p}
    if not policies:
        return 0, "referrer-policy-not-implemented"
    if policies & {"unsafe-url", "no-referrer-when-downgrade"}:
        return -5, "referrer-policy-unsafe"
    if policies <= SAFE_REFERRER_POLICIES:
        return 5, "referrer-policy-private"
    return -5, "referrer-policy-header-invalid"


def score_cors(headers):
    if headers.get("Access-Control-Allow-Origin") == "*":
        return -50, "cross-origin-resource-sharing-implemented-with-universal-access"
    return 0, "cross-origin-resource-sharing-not-implemented"


def score_permissions_policy(headers):
    """Ours: the features the site does not use are denied."""
    header = headers.get("Permissions-Policy", "")
    denied = {"camera", "microphone", "geolocation", "payment", "usb"}
    if all(f"{feature}=()" in header for feature in denied):
        return 0, "permissions-policy-denies-unused-features"
    return -10, "permissions-policy-missing-or-permissive"


def score_cache_control(headers):
    """Ours: HTML says how it may be cached."""
    if not headers.get("Content-Type", "").startswith("text/html"):
        return 0, "cache-control-not-html"
    if headers.get("Cache-Control"):
        return 0, "cache-control-on-html"
    return -10, "cache-control-missing-on-html"


def score(headers, cookies=()):
    """(score, [(points, reason)…]) of one response, the Observatory's way."""
    hsts = "Strict-Transport-Security" in headers
    results = [
        score_csp(headers),
        score_cookies(list(cookies), hsts),
        score_hsts(headers),
        score_framing(headers),
        score_nosniff(headers),
        score_referrer(headers),
        score_cors(headers),
        score_permissions_policy(headers),
        score_cache_control(headers),
    ]
    total = 100 + sum(points for points, _reason in results if points < 0)
    if total >= 90:
        total += sum(points for points, _reason in results if points > 0)
    return total, results
