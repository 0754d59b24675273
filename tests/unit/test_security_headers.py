"""The Content-Security-Policy: forms to the platform and to the institution's CAS server once it is set; inline
scripts only by the hash of those a page carries."""

from __future__ import annotations

from ecandidat_ui.security_headers import content_security_policy


def test_forms_go_to_the_platform_and_to_the_cas_server_once_set():
    assert "; form-action 'self'; " in content_security_policy()
    assert "; form-action 'self' https://cas.univ.fr:8443; " in content_security_policy("https://cas.univ.fr:8443/cas")


def test_inline_scripts_are_allowed_by_their_hash_only():
    policy = content_security_policy(inline_scripts=[b"globalThis.x = 1;", b"globalThis.x = 1;", b""])
    script_src = next(part for part in policy.split("; ") if part.startswith("script-src "))
    # printf %s 'globalThis.x = 1;' | openssl dgst -sha256 -binary | base64 (and the same of nothing)
    assert script_src == (
        "script-src 'self' 'unsafe-eval' "
        "'sha256-1dTJFpRe5ehEWyaOLsyURnHf7iZ51gEd618goSGzqaY=' 'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='"
    )
    assert "'unsafe-inline'" not in content_security_policy().split("script-src ", 1)[1].split(";", 1)[0]


def test_only_the_pieces_served_to_staff_may_be_framed_and_only_by_the_platform():
    assert content_security_policy().endswith("; frame-ancestors 'none'")
    assert content_security_policy(framed_by_self=True).endswith("; frame-ancestors 'self'")
