"""Injection corpus: XSS and Markdown-injection payloads pushed through every
text field a participant or an imported file can fill.

Every executable payload either opens a dialog (``alert``) or sets
``window.__cdw``; every remote resource points at ``127.0.0.1:9`` (the discard
port: nothing answers). The browser test counts dialogs, ``__cdw`` in every
frame, requests to port 9 and elements whose attributes carry a payload.
"""

from __future__ import annotations

PAYLOADS: tuple[str, ...] = (
    # script tags
    "<script>alert(1)</script>",
    "<ScRiPt>window.__cdw=1</ScRiPt>",
    "</textarea></title></style><script>alert(1)</script>",
    '"><script>alert(1)</script>',
    "<script src=http://127.0.0.1:9/x.js></script>",
    # event handlers
    "<img src=x onerror=alert(1)>",
    '<img src="x" onerror="window.__cdw=1">',
    "<svg onload=alert(1)>",
    "<svg><animate onbegin=alert(1) attributeName=x dur=1s>",
    "<body onload=alert(1)>",
    '<div style="animation-name:spin" onanimationstart="window.__cdw=1">x</div>',
    "<details open ontoggle=alert(1)>",
    "<input autofocus onfocus=alert(1)>",
    "' onmouseover='alert(1)",
    # links and frames
    '<a href="javascript:alert(1)">clicca</a>',
    "<a href=data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==>dati</a>",
    '<iframe src="data:text/html,<script>alert(1)</script>"></iframe>',
    '<iframe srcdoc="<script>parent.__cdw=1</script>"></iframe>',
    '<object data="http://127.0.0.1:9/x.swf"></object>',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    '<link rel="stylesheet" href="http://127.0.0.1:9/x.css">',
    "<style>@import url(http://127.0.0.1:9/x.css);</style>",
    # template-literal and string breakouts (folium tooltips are JS templates)
    "${alert(1)}",
    "`+alert(1)+`",
    "`;alert(1);//",
    "\\`${window.__cdw=1}\\`",
    "');alert(1);//",
    '");alert(1);//',
    "{{constructor.constructor('alert(1)')()}}",
    "</script><script>alert(1)</script>",
    # Markdown
    "![x](http://127.0.0.1:9/x.png)",
    "[x](javascript:alert(1))",
    "[dati](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "**grassetto** _corsivo_ # titolo",
    "<http://127.0.0.1:9/autolink>",
    "[![img](http://127.0.0.1:9/y.png)](http://127.0.0.1:9/)",
    ":red[rosso] $$\\alert(1)$$",
    # entities and Unicode
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "&#60;img src=x onerror=alert(1)&#62;",
    "\u202egnp.exe\u202c — testo con override da destra a sinistra",
    "zero\u200bwidth\u2028line\u2029sep",
)


def batches(limit: int, items=PAYLOADS, sep: str = " ‖ ") -> list[str]:
    """The payloads packed into strings of at most ``limit`` characters (for
    fields shorter than the corpus, e.g. a 200-character title): many payloads
    per page load."""
    out: list[str] = []
    current = ""
    for item in items:
        candidate = f"{current}{sep}{item}" if current else item
        if len(candidate) <= limit:
            current = candidate
        else:
            out.append(current)
            current = item
    if current:
        out.append(current)
    assert all(len(b) <= limit for b in out)
    return out
