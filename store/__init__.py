"""sukien's core: read articles, extract facts, keep them in SQLite, query them.

Nothing in this package imports textual: it runs from a script, a notebook or
any front end.
"""

__version__ = "0.1.0"
