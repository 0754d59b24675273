"""The collector settings of a started process (ecandidat_ui/collector.py): what start-up built is frozen, out of
every later collection's walk, and the thresholds are the measured ones."""

from __future__ import annotations

import gc

from ecandidat_ui import collector


def test_settle_freezes_what_start_up_built_and_sets_the_thresholds():
    before = gc.get_threshold()
    kept = {"start-up": [1, 2]}  # a tracked object alive at start-up
    try:
        collector.settle()
        assert gc.get_threshold() == collector.THRESHOLDS
        assert gc.get_freeze_count() > 0
        assert not any(obj is kept for obj in gc.get_objects())  # frozen: no collection walks it any more
    finally:
        gc.unfreeze()
        gc.set_threshold(*before)
    assert any(obj is kept for obj in gc.get_objects())
