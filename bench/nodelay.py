"""Run ``streamlit`` with TCP_NODELAY on its listening socket.

The fix lives in the app's own launcher, ``cantiere.ui.launch`` (see its
docstring for why: one idle rerun of the minimal app 48 ms → 6 ms); the
benchmark uses the same code so what it measures is what ``serve`` runs.
``python -m bench.nodelay run app.py --server.port …`` is ``streamlit run``
with the fix.
"""

from cantiere.ui.launch import main, patch

__all__ = ["main", "patch"]

if __name__ == "__main__":
    main()
