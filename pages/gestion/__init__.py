"""The staff side, under /gestion: one module per screen, each with `register(platform)` (see shell.py)."""

from ecandidat_ui.platform import Platform


def register_all(platform: Platform) -> None:
    from pages.gestion import activation, home

    for module in (home, activation):
        module.register(platform)
