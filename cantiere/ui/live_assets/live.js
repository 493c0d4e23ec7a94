// The live room on the browser's side (cantiere/ui/live.py): follow the room
// version, keep the participant's token in a cookie, hand the facilitator's
// session to the server; draw a vote screen from its spec, on the page's run
// or when the room moves to it (issue 16: no page run per phone). Served by the
// app itself from /_stcore/bidi-components/cantiere.live/live.js (script-src 'self').
// Streamlit 1.67 calls this function again when the data change (each page run
// with a new room version) without calling the previous call's cleanup (only at
// unmount): each element's last cleanup is kept here and run first, so one poll
// loop and one drawn screen live per element.
const active = new WeakMap();

export default function (component) {
  const { data, setTriggerValue, parentElement } = component;
  const before = active.get(parentElement);
  if (before) before();
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
  let drawn = cfg.vote ? drawVote(parentElement, cfg.vote) : null;
  const pageBox = () => cfg.draw && document.getElementsByClassName(cfg.draw.hide)[0];
  const hidePage = (hidden) => {
    const box = pageBox();
    if (box) box.style.display = hidden ? "none" : "";
  };
  // someone in the middle of something on the page's screen (a text typed, the
  // «Commenta» tab): the page reruns instead, which keeps it (widget state)
  const busy = () => {
    const box = pageBox();
    if (!box || box.style.display === "none") return false;
    const typed = [...box.querySelectorAll("textarea, input[type=text]")].some((f) => f.value.trim() !== "");
    const tabs = [...box.querySelectorAll('[role="tab"]')];
    return typed || (tabs.length > 1 && tabs[0].getAttribute("aria-selected") !== "true");
  };
  if (cfg.poll) {
    let version = cfg.version;
    const screen = cfg.draw ? "&screen=" + encodeURIComponent(cfg.draw.lang) : "";
    (async () => {
      let failures = 0;
      for (let i = 0; i < 1000000 && !stop.signal.aborted; i++) {
        try {
          const r = await fetch(cfg.poll + "?v=" + version + screen, {
            cache: "no-store", credentials: "same-origin", signal: stop.signal,
            headers: cfg.draw ? { [cfg.draw.who]: cfg.draw.post.token } : {},
          });
          if (r.ok) {
            const body = await r.json();
            failures = 0;
            if (body.gone || body.v > version) {
              version = body.gone ? version : body.v;
              if (body.screen && cfg.draw && !busy()) {  // the next screen, drawn here: no page run
                if (drawn) drawn.remove();
                drawn = drawVote(parentElement, { screen: body.screen, values: {}, post: cfg.draw.post,
                  large: document.cookie.split("; ").includes("cantiere_testo_grande=1"), now: true });
                hidePage(true);
              } else {
                setTriggerValue("changed", body.gone ? -1 : body.v);
              }
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
  const cleanup = () => {
    stop.abort();
    if (drawn) drawn.remove();
    drawn = null;
    hidePage(false);  // the page's run draws the room again
    if (active.get(parentElement) === cleanup) active.delete(parentElement);
  };
  active.set(parentElement, cleanup);
  return cleanup;
}

// A vote screen drawn from a method's spec (cantiere/ui/methods/<name>.py,
// browser_screen): every text is set with textContent, never as HTML (titles
// are typed by people). «Invia il voto» posts the ballot (cantiere/ui/live_routes.py,
// cast_vote) and shows the server's answer; nothing reruns the page.
function drawVote(root, cfg) {
  const s = cfg.screen;
  const say = s.text;
  const el = (tag, cls, text) => {
    const node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined) node.textContent = text;
    return node;
  };
  const box = el("section", "cw-vote" + (cfg.large ? " cw-large" : ""));
  box.dataset.round = String(s.round);
  if (cfg.now) {  // drawn when the room moved: said to a screen reader too
    const now = el("p", "cw-now", say.now);
    now.setAttribute("role", "status");
    box.append(now);
  }
  if (cfg.large && cfg.now) box.append(el("p", "cw-simple", say.simple));  // a page run: large_text.switch says it
  box.append(el("p", "cw-rule", say.rule));
  const values = {};
  const rows = [];
  const list = el("ul", "cw-items");
  for (const item of s.items) {
    values[item.id] = Math.max(0, Math.min(s.per_item, parseInt((cfg.values || {})[item.id], 10) || 0));
    const row = el("li", "cw-item");
    row.append(el("p", "cw-title", item.title));
    if (item.line) row.append(el("p", "cw-line", item.line));
    const stepper = el("div", "cw-stepper");
    const less = el("button", "cw-step", "−");
    const count = el("output", "cw-n");
    const more = el("button", "cw-step", "+");
    less.type = more.type = "button";
    less.setAttribute("aria-label", say.less.replace("{title}", item.title));
    more.setAttribute("aria-label", say.more.replace("{title}", item.title));
    count.setAttribute("aria-live", "polite");
    // aria-disabled, not disabled: a keyboard's focus stays on a «+» that reached its limit
    const step = (button, by) => button.addEventListener("click", () => {
      if (button.getAttribute("aria-disabled") === "true") return;
      values[item.id] += by;
      update();
    });
    step(less, -1);
    step(more, 1);
    stepper.append(less, count, more);
    row.append(stepper);
    list.append(row);
    rows.push({ id: item.id, less, count, more });
  }
  box.append(list);
  const used = el("p", "cw-used");
  used.id = "cw-used-" + s.round;
  const bar = el("div", "cw-bar");
  bar.setAttribute("role", "progressbar");
  bar.setAttribute("aria-valuemin", "0");
  bar.setAttribute("aria-valuemax", "100");
  bar.setAttribute("aria-labelledby", used.id);
  const fill = el("div", "cw-fill");
  bar.append(fill);
  const over = el("p", "cw-over");
  over.setAttribute("role", "alert");
  const send = el("button", "cw-send", say.submit);
  send.type = "button";
  const result = el("p", "cw-result");
  result.setAttribute("role", "status");
  box.append(used, bar, over, send, result);

  function update() {
    let total = 0;
    for (const r of rows) total += values[r.id];
    for (const r of rows) {
      r.count.textContent = String(values[r.id]);
      r.less.setAttribute("aria-disabled", String(values[r.id] <= 0));
      r.more.setAttribute("aria-disabled", String(values[r.id] >= s.per_item || total >= s.dots));
    }
    used.textContent = say.used.replace("{used}", total).replace("{dots}", s.dots);
    const share = Math.min(100, Math.round((100 * total) / s.dots));
    bar.setAttribute("aria-valuenow", String(share));
    fill.style.width = share + "%";
    over.textContent = total > s.dots ? say.over.replace("{extra}", total - s.dots) : "";
    over.hidden = total <= s.dots;
    result.textContent = "";
    result.className = "cw-result";
  }
  send.addEventListener("click", async () => {
    const dots = {};
    for (const r of rows) if (values[r.id] > 0) dots[r.id] = values[r.id];
    send.disabled = true;
    result.className = "cw-result";
    result.textContent = say.sending;
    let answer = null;
    try {
      const r = await fetch(cfg.post.url, {
        method: "POST", credentials: "same-origin", cache: "no-store",
        headers: { "Content-Type": "application/json", [cfg.post.header]: "1" },
        body: JSON.stringify({ p: cfg.post.token, round: s.round, ballot: { dots }, lang: s.lang }),
      });
      answer = await r.json();
    } catch (e) {
      answer = { error: say.lost };
    }
    send.disabled = false;
    result.className = "cw-result " + (answer.ok ? "cw-ok" : "cw-error");
    result.textContent = answer.ok || answer.error || say.lost;
  });
  update();
  root.append(box);
  return box;
}
