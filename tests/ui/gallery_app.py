"""The gallery alone (pages/gallery.py), as `python main.py --galerie` adds it: the main file of
tests/ui/test_gallery.py's page tests."""

from nicegui import ui

from components.frame import apply_theme
from pages import gallery

apply_theme()
gallery.register()

if __name__ in {"__main__", "__mp_main__"}:
    ui.run(storage_secret="galerie", reload=False, show=False)
