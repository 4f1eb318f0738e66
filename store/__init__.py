"""sukien's core: read articles, extract facts, keep them in SQLite, query them.

Nothing in this package imports textual: it runs from a script, a notebook or
any front end.
"""

__version__ = "0.1.0"

if __name__ == "store":  # not as the plain copy `native.pure` loads
    import sys

    from . import native

    NATIVE = native.enable(sys.modules[__name__])  # the compiled extraction, if built from this source
else:
    NATIVE = False
