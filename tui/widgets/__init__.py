"""Widgets of the sukien app."""

from .safe import plain, visible
from .timeline import Timeline, TimelineHeader

__all__ = ["Timeline", "TimelineHeader", "plain", "visible"]
