"""Widgets of the sukien app."""

from .histogram import Histogram
from .safe import plain, visible
from .timeline import Timeline, TimelineHeader

__all__ = ["Histogram", "Timeline", "TimelineHeader", "plain", "visible"]
