// The live room on the browser's side (cantiere/ui/live.py): follow the room
// version, keep the participant's token in a cookie, hand the facilitator's
// session to the server; keep a dots panel's «Punti usati» current while the
// dots change in the browser only (cantiere/ui/methods/dots.py: its number
// fields do not rerun the server, issue 16). Served by the app itself from
// /_stcore/bidi-components/cantiere.live/live.js (script-src 'self').
export default function (component) {
  const { data, setTriggerValue } = component;
  const cfg = data || {};
  const stop = new AbortController();
  const secure = location.protocol === "https:" ? "; Secure" : "";
  if (cfg.cookie) {
    const c = cfg.cookie;
    document.cookie = c.name + "=" + encodeURIComponent(c.value || "") + "; Path=" + c.path +
      "; Max-Age=" + (c.value ? c.max_age : 0) + "; SameSite=Lax" + secure;
  }
  if (cfg.post) {
    fetch(cfg.post.url, {
      method: "POST", body: cfg.post.body || "", credentials: "same-origin", signal: stop.signal,
      headers: { "Content-Type": "text/plain", [cfg.post.header]: "1" },
    }).catch(() => {});
  }
  if (cfg.poll) {
    let version = cfg.version;
    (async () => {
      let failures = 0;
      for (let i = 0; i < 1000000 && !stop.signal.aborted; i++) {
        try {
          const r = await fetch(cfg.poll + "?v=" + version, {
            cache: "no-store", credentials: "same-origin", signal: stop.signal,
          });
          if (r.ok) {
            const body = await r.json();
            failures = 0;
            if (body.gone || body.v > version) {
              version = body.gone ? version : body.v;
              setTriggerValue("changed", body.gone ? -1 : body.v);
            }
            continue;
          }
        } catch (e) {
          if (stop.signal.aborted) return;
        }
        failures = Math.min(failures + 1, 5);  // server down or restarting: back off, up to ~30 s
        await new Promise((ok) => setTimeout(ok, 1000 * 2 ** failures * (0.5 + Math.random())));
      }
    })();
  }
  const unCount = cfg.count ? countDots(cfg.count) : () => {};
  return () => { stop.abort(); unCount(); };
}

// The sum of the number fields of the panel (class cfg.panel) written in its
// progress bar's label and value, after every tap or keystroke in the page.
function countDots(cfg) {
  const update = () => {
    const root = document.getElementsByClassName(cfg.panel)[0];
    if (!root) return;
    let used = 0;
    root.querySelectorAll('input[type="number"]').forEach((field) => {
      used += Math.max(0, parseInt(field.value, 10) || 0);
    });
    const box = root.querySelector('[data-testid="stProgress"]');
    if (!box) return;
    let text = cfg.text.replace("{used}", used).replace("{dots}", cfg.dots);
    if (used > cfg.dots) text += " — " + cfg.over.replace("{extra}", used - cfg.dots);
    const label = box.querySelector('[data-testid="stMarkdownContainer"] p') || box.querySelector("p");
    if (label && label.textContent !== text) label.textContent = text;
    const share = Math.min(100, Math.round((100 * used) / cfg.dots));
    const bar = box.querySelector('[role="progressbar"]');
    if (bar) {
      bar.setAttribute("aria-valuenow", String(share));
      bar.setAttribute("aria-valuetext", share + "%");
      const fill = bar.querySelector('[data-testid="stProgressBarTrack"] > div');
      if (fill) fill.style.transform = "translateX(-" + (100 - share) + "%)";
    }
  };
  let timer = 0;
  const later = () => { clearTimeout(timer); timer = setTimeout(update, 30); };  // after React drew the new value
  const events = ["input", "change", "click", "keyup"];
  events.forEach((name) => document.addEventListener(name, later, true));
  return () => { clearTimeout(timer); events.forEach((name) => document.removeEventListener(name, later, true)); };
}
