"""Reading the database from a worker thread: a connection of the thread's
own, and a database error shown to the user instead of raised."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import sqlite_utils
from textual.dom import DOMNode

from store.db import StoreError, opened

T = TypeVar("T")


def read_or_notify(node: DOMNode, db_path: str | Path, read: Callable[[sqlite_utils.Database], T]) -> T | None:
    """`read(db)` on a fresh connection; on a database error, a notification and None.
    Call it from a thread worker."""
    try:
        with opened(db_path) as db:
            return read(db)
    except (StoreError, sqlite3.Error) as exc:
        node.app.call_from_thread(node.app.notify, str(exc), severity="error", markup=False)
        return None
