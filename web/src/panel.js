// The side panel: the list of events shown, or one event: its coded fields, every source with
// its own claims, and each source's cleaned text with the evidence sentences highlighted.
import { api } from "./api.js";
import { count, fill, h } from "./dom.js";
import { colorOf, describe, isLocated, typeOf } from "./types.js";

const LIST_LIMIT = 300; // longer lists are cut: the map and the filters narrow them down

export class Panel {
  constructor(element, { onSelect }) {
    this.element = element;
    this.onSelect = onSelect;
  }

  list(events, note) {
    const sorted = [...events].sort((a, b) => (b.event_date || "").localeCompare(a.event_date || ""));
    fill(this.element,
      h("h2", {}, count(events.length, "event")),
      note && h("p", { class: "hint" }, note),
      h("ol", { class: "event-list" }, sorted.slice(0, LIST_LIMIT).map((event) => h("li", {},
        h("button", { type: "button", "data-event-id": event.event_id, onclick: () => this.onSelect(event.event_id) },
          h("i", { class: "dot", style: { background: colorOf(typeOf(event)) } }),
          describe(event),
          isLocated(event) ? null : h("small", {}, " (not on the map)"))))),
      sorted.length > LIST_LIMIT ? h("p", { class: "hint" }, `First ${LIST_LIMIT} shown; filter to see the others.`) : null,
    );
  }

  async detail(eventId, onBack) {
    this.element.replaceChildren(h("p", {}, "Loading…"));
    try {
      const event = await api.event(eventId);
      fill(this.element, h("button", { type: "button", class: "back", onclick: onBack }, "← all events"), renderEvent(event));
      this.element.scrollTop = 0;
    } catch (error) {
      this.element.replaceChildren(h("button", { type: "button", class: "back", onclick: onBack }, "← all events"),
        h("p", { class: "error" }, error.message));
    }
  }
}

function renderEvent(event) {
  const sources = event.sources?.length ? event.sources
    : [{ article_id: event.article_id, claims: event.fatalities?.claims || [], evidence: event.evidence }];
  return [
    h("h2", {}, h("i", { class: "dot", style: { background: colorOf(typeOf(event)) } }),
      event.acled?.sub_event_type || event.acled?.event_type || event.plover?.type || "Event"),
    h("table", { class: "fields" }, h("tbody", {}, fields(event).map(([name, value]) =>
      h("tr", {}, h("th", { scope: "row" }, name), h("td", {}, value))))),
    merge(event.merge),
    h("h3", {}, count(sources.length, "source")),
    ...sources.map((source, i) => renderSource(source, i === 0)),
  ];
}

// Why the store took these reports for one event, and how it reconciled their counts.
function merge(info) {
  const reasons = [info?.explanation || []].flat();
  if (!reasons.length) return null;
  return h("div", { class: "merge" }, h("strong", {}, "Merged reports"),
    h("ul", {}, reasons.map((reason) => h("li", {}, reason))),
    info.fatalities_rule ? h("p", {}, `Fatalities: ${info.fatalities_rule}`) : null);
}

function fields(event) {
  const fatalities = event.fatalities;
  const place = event.location;
  return [
    ["Date", [event.event_date || "unknown", event.event_date && `(${event.date_precision})`,
      event.date_text && `“${event.date_text}”`].filter(Boolean).join(" ")],
    ["Status", `${event.status}${event.background ? ", background (recalled history)" : ""}`],
    ["ACLED", [event.acled?.event_type, event.acled?.sub_event_type].filter(Boolean).join(" / ") || "—"],
    ["PLOVER", [event.plover?.type, event.plover?.mode].filter(Boolean).join(" / ") || "—"],
    ["CAMEO", event.cameo || "—"],
    ["Actor 1", actor(event.actor1)],
    ["Actor 2", actor(event.actor2)],
    ["Location", place ? [place.name, place.admin1 !== place.name && place.admin1, place.country,
      place.latitude != null && `${place.latitude.toFixed(3)}, ${place.longitude.toFixed(3)}`,
      `precision ${place.precision}`].filter(Boolean).join(" · ") : "—"],
    ["Fatalities", fatalities ? (fatalities.low === fatalities.high ? `${fatalities.best}`
      : `${fatalities.best} (${fatalities.low}–${fatalities.high})`) : "none reported"],
    ["Confidence", event.confidence != null ? event.confidence.toFixed(2) : "—"],
  ];
}

function actor(value) {
  if (!value) return "—";
  const details = [value.canonical !== value.name && value.canonical, value.country, value.type].filter(Boolean);
  return details.length ? `${value.name} (${details.join(", ")})` : value.name;
}

function renderSource(source, open) {
  const text = h("div", { class: "article-text" }, "Loading the article…");
  const details = h("details", { class: "source", open },
    h("summary", {}, source.title || source.url || `Article ${source.article_id}`,
      h("small", {}, [source.source, source.published].filter(Boolean).map((part) => ` · ${part}`).join(""))),
    ownReport(source),
    source.url ? h("p", {}, link(source.url)) : null,
    claims(source.claims || []),
    text);
  let loaded = false;
  const load = () => {
    if (loaded || !details.open) return;
    loaded = true;
    api.article(source.article_id)
      .then((article) => showArticle(text, article.text, source.evidence || []))
      .catch((error) => text.replaceChildren(h("p", { class: "error" }, error.message)));
  };
  details.addEventListener("toggle", load);
  if (open) queueMicrotask(load);
  return details;
}

// Only web addresses become links: a stored `javascript:` URL must not run when clicked.
function link(url) {
  return /^https?:\/\//i.test(url) ? h("a", { href: url, target: "_blank", rel: "noopener noreferrer" }, url) : url;
}

// What this source alone says (merged events may take other sources' date or place).
function ownReport(source) {
  const place = typeof source.location === "string" ? source.location : source.location?.name;
  const killed = source.fatalities?.best;
  const parts = [source.event_date, place, killed != null && `${killed} killed`].filter(Boolean);
  return parts.length ? h("p", { class: "own" }, `This source: ${parts.join(" · ")}`) : null;
}

function claims(list) {
  if (!list.length) return h("p", { class: "hint" }, "No casualty figures in this source.");
  return h("ul", { class: "claims" }, list.map((claim) => h("li", {},
    h("strong", {}, `${qualifier(claim.qualifier)}${claim.count} ${claim.group || ""} ${claim.kind || "killed"}`.replace(/\s+/g, " ")),
    claim.source ? ` according to ${claim.source}` : " (stated by the article)",
    claim.text ? h("q", {}, claim.text) : null)));
}

const qualifier = (q) => ({ at_least: "at least ", at_most: "at most ", about: "about " }[q] || "");

function showArticle(container, text, evidence) {
  const spans = codeUnitSpans(text, evidence);
  const parts = [];
  let at = 0;
  for (const [start, end] of spans) {
    parts.push(text.slice(at, start), h("mark", {}, text.slice(start, end)));
    at = end;
  }
  parts.push(text.slice(at));
  container.replaceChildren(...parts);
  const first = container.querySelector("mark");
  if (first) container.scrollTop = first.offsetTop - container.offsetTop - 40;
}

// Evidence offsets count Unicode code points (Python); JavaScript strings index UTF-16 units.
// Where an offset does not land on the evidence text (an edited article), the text is searched.
function codeUnitSpans(text, evidence) {
  const codePoints = Array.from(text);
  const units = (n) => codePoints.slice(0, n).join("").length;
  const spans = [];
  for (const item of evidence) {
    let start = units(item.start);
    let end = units(item.end);
    if (text.slice(start, end) !== item.text) {
      start = text.indexOf(item.text);
      end = start + item.text.length;
    }
    if (start >= 0 && item.text) spans.push([start, end]);
  }
  spans.sort((a, b) => a[0] - b[0]);
  return spans.reduce((merged, span) => {
    const last = merged[merged.length - 1];
    if (last && span[0] <= last[1]) last[1] = Math.max(last[1], span[1]);
    else merged.push(span);
    return merged;
  }, []);
}
