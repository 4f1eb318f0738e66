"""sukien's core: read articles, extract facts, keep them in SQLite, query them.

Nothing in this package imports textual: it runs from a script, a notebook or
any front end.
"""

__version__ = "0.1.0"


def _sqlite_utils_without_numpy() -> None:
    """Import sqlite_utils with numpy out of its reach. It imports numpy
    whenever numpy is installed (vietnamadminunits brings it), only to name
    numpy's types as columns, which sukien never inserts: 60-90 ms of every
    start-up, and OpenBLAS then starts a thread that spins for a while on a
    core the load's workers need (1.2% of a corpus load's CPU, seen with
    `perf`). numpy stays importable for anyone else afterwards."""
    import sys

    if "sqlite_utils" in sys.modules or "numpy" in sys.modules:
        return
    sys.modules["numpy"] = None  # type: ignore[assignment]  # `import numpy` raises ImportError
    try:
        import sqlite_utils  # noqa: F401
    finally:
        del sys.modules["numpy"]


if __name__ == "store":  # not as the plain copy `native.pure` loads
    import sys

    from . import native

    _sqlite_utils_without_numpy()
    NATIVE = native.enable(sys.modules[__name__])  # the compiled extraction, if built from this source
else:
    NATIVE = False
