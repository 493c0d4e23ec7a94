"""Proiezione: QR code, join code, live counts, results and comments wall."""

from cantiere.ui import workshop_proiezione

# full screen: the workshop's title is the heading (the page's own only while asking for a code)
workshop_proiezione.render()
