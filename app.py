"""Cantiere del Welfare: page config, settings, store, navigation. Nothing else.

``app`` is the ASGI entry point: ``streamlit run app.py`` finds it and serves
it with uvicorn, which imports this file once, as the module ``app``, with the
middleware and routes of ``cantiere.ui.asgi``. Every page run executes this
file again as ``__main__``: that is when the page part below runs.
"""

# numpy and pandas first: concurrent first use of plotly otherwise races on a
# half-initialised pandas (plotly issue 2433)
import numpy  # noqa: F401
import pandas  # noqa: F401
import streamlit as st

from cantiere.ui import asgi

if __name__ != "__main__":
    app = st.App("app.py", middleware=asgi.middleware(), routes=asgi.routes())
else:
    from cantiere import ui
    from cantiere.errors import CantiereError
    from cantiere.ui import look, workshop_data

    st.set_page_config(page_title="Cantiere del Welfare", page_icon=ui.favicon(), layout="wide")

    try:
        ui.get_settings()
        ui.get_store()
        workshop_data.ensure_demo(ui.get_settings().database_url)  # once per process, only on an empty database
    except CantiereError as exc:
        ui.show_error(exc)
        st.stop()

    t = ui.t
    PAGES = {
        t("nav.section.territorio"): [
            st.Page(
                "views/panoramica.py",
                title=t("nav.panoramica"),
                icon=":material/home:",
                url_path="panoramica",
                default=True,
            ),
            st.Page("views/atlante.py", title=t("nav.atlante"), icon=":material/map:", url_path="atlante"),
            st.Page("views/servizi.py", title=t("nav.servizi"), icon=":material/medical_services:", url_path="servizi"),
            st.Page("views/rete.py", title=t("nav.rete"), icon=":material/hub:", url_path="rete"),
            st.Page(
                "views/monitoraggio.py",
                title=t("nav.monitoraggio"),
                icon=":material/timeline:",
                url_path="monitoraggio",
            ),
        ],
        t("nav.section.laboratorio"): [
            st.Page(
                "views/partecipa.py", title=t("nav.partecipa"), icon=":material/how_to_vote:", url_path="partecipa"
            ),
            st.Page(
                "views/proiezione.py", title=t("nav.proiezione"), icon=":material/co_present:", url_path="proiezione"
            ),
            st.Page("views/risultati.py", title=t("nav.risultati"), icon=":material/bar_chart:", url_path="risultati"),
        ],
        t("nav.section.gestione"): [
            st.Page(
                "views/facilitazione.py",
                title=t("nav.facilitazione"),
                icon=":material/admin_panel_settings:",
                url_path="facilitazione",
            ),
            st.Page("views/schede.py", title=t("nav.schede"), icon=":material/edit_note:", url_path="schede"),
            st.Page("views/dati.py", title=t("nav.dati"), icon=":material/upload_file:", url_path="dati"),
        ],
    }

    # Streamlit's navigation hidden: the projector and the phone get no sidebar at
    # all, the other pages our own links (cantiere/ui/look.py, issue 15)
    page = st.navigation(PAGES, position="hidden")
    mode = {"partecipa": "phone", "proiezione": "projector"}.get(page.url_path)
    look.style(mode)
    if mode is None:
        look.sidebar_navigation(PAGES)
    page.run()
    ui.freeze_startup_heap()  # once per process, after the first page (see its docstring)
