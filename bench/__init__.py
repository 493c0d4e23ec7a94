"""Load generator for Cantiere del Welfare: simulated phones over Streamlit's own
websocket protocol (see ``bench/README.md``)."""
