"""Screens of the sukien app."""

from .article import ArticleScreen
from .event import EventScreen
from .help import HelpScreen
from .province import ProvinceScreen
from .timeline import TimelineScreen

__all__ = ["ArticleScreen", "EventScreen", "HelpScreen", "ProvinceScreen", "TimelineScreen"]
