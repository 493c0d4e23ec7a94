// The live room on the browser's side (cantiere/ui/live.py): follow the room
// version, keep the participant's token in a cookie, hand the facilitator's
// session to the server. Served by the app itself from
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
  return () => stop.abort();
}
