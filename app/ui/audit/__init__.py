"""The 操作留痕 page's table model (the page itself is ``app.ui.pages.audit``)."""
