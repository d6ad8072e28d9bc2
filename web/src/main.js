// The page of `eventwire serve`: filters -> /api/events -> map + timeline + list; a click on a
// marker or a list row opens the event panel; brushing the timeline narrows map and list.
import "leaflet/dist/leaflet.css";
import "leaflet.markercluster/dist/MarkerCluster.css";
import "./style.css";
import { api } from "./api.js";
import { count } from "./dom.js";
import { Filters } from "./filters.js";
import { setUpIngest } from "./ingest.js";
import { EventMap } from "./map.js";
import { Panel } from "./panel.js";
import { Timeline } from "./timeline.js";

const PAGE_SIZE = 10000; // the API's largest page; the summary says when more events match
const $ = (id) => document.getElementById(id);

async function start() {
  const config = await api.config();
  const state = { events: [], total: 0, range: null };
  const map = new EventMap($("map"), { tileUrl: config.tile_url, onSelect: select });
  const panel = new Panel($("panel"), { onSelect: select });
  const timeline = new Timeline($("timeline"), $("legend"), { onBrush: (range) => { state.range = range; show(); } });
  const filters = new Filters($("filters"), { types: config.types, onChange: () => load().catch(fail) });

  function show() {
    const events = state.events.filter((event) => timeline.contains(event));
    const onMap = map.show(events);
    const loaded = state.events.length < state.total ? `first ${state.events.length} of ` : "";
    $("summary").textContent = `${loaded}${count(state.total, "event")} · ${onMap} on the map`;
    $("summary").classList.remove("error");
    panel.list(events, state.range
      ? `Dates ${state.range[0]} to ${state.range[1]}: drag on the timeline to change, click it to clear.`
      : "Drag across the timeline to pick dates. Click a marker or a row for its sources and evidence.");
  }

  async function load() {
    const params = filters.params();
    params.set("limit", PAGE_SIZE);
    const { events, total } = await api.events(params);
    Object.assign(state, { events, total, range: null });
    timeline.show(events);
    show();
    map.fit(events);
    filters.setCountries((await api.stats()).by_country || {});
  }

  function select(eventId) {
    history.replaceState(null, "", eventId ? `#event=${encodeURIComponent(eventId)}` : location.pathname + location.search);
    map.select(eventId);
    if (eventId) panel.detail(eventId, () => select(null));
    else show();
  }

  function fail(error) {
    $("summary").textContent = error.message;
    $("summary").classList.add("error");
  }

  if (config.allow_ingest) {
    setUpIngest({
      button: $("add-article"), dialog: $("ingest"), maxBytes: config.max_upload_bytes,
      onStored: async (stored) => {
        await load();
        const found = state.events.filter((event) => (event.sources || [event]).some((s) => s.article_id === stored.article_id));
        if (found.length) {
          $("ingest").close();
          map.fit(found);
          select(found[0].event_id);
        }
      },
    });
  }
  await load();
  const linked = location.hash.match(/^#event=(.+)$/);
  if (linked) select(decodeURIComponent(linked[1]));
}

start().catch((error) => {
  $("summary").textContent = `The page could not start: ${error.message}`;
  $("summary").classList.add("error");
});
