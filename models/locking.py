"""One lock per loaded model: calls into a model are serialised, never interleaved.

The flow maps summaries and translations over a thread pool, and every task calls the same
tokenizer and model. A fast tokenizer keeps its truncation/padding settings as mutable state
(each call with other settings rewrites it), so concurrent calls produce ragged batches
(`ValueError: Unable to create tensor…`); and concurrent beam searches on one model
oversubscribe the CPU's threads or exhaust GPU memory. A model already uses every core for
one call, so one call at a time per model loses nothing and bounds memory.
"""

from __future__ import annotations

import threading
import weakref
from typing import Any

_locks: weakref.WeakKeyDictionary[Any, threading.RLock] = weakref.WeakKeyDictionary()
_guard = threading.Lock()


def model_lock(model: Any) -> threading.RLock:
    """The lock of `model` (re-entrant, so a locked method may call another locked one)."""
    with _guard:
        lock = _locks.get(model)
        if lock is None:
            lock = _locks[model] = threading.RLock()
        return lock
