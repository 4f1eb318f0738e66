"""Textual's footer, rebuilt once for a burst of binding changes."""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Footer


class KeysFooter(Footer):
    """The footer of key bindings. Textual's rebuilds all its keys after every
    change of bindings; closing the search box, moving the focus and a new
    view each change them, so one search rebuilt it several times (about 150
    key widgets restyled, on the thread that draws). This one rebuilds once,
    after the burst, with the bindings as they then are."""

    _rebuild_pending = False

    def bindings_changed(self, screen: Screen) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus or not self.is_attached or screen is not self.screen:
            return
        if not self._rebuild_pending:
            self._rebuild_pending = True
            self.call_after_refresh(self._rebuild)

    async def _rebuild(self) -> None:
        self._rebuild_pending = False
        await self.recompose()
