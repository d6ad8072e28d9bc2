// The event map: bundled world boundaries (or a tile server), one marker per located event,
// sized by fatalities and coloured by ACLED type, clustered where dense.
import L from "./leaflet.js";
import "leaflet.markercluster";
import { feature } from "topojson-client";
import { colorOf, describe, fatalitiesOf, isLocated, typeOf } from "./types.js";

const COUNTRIES = { color: "#8a9a9a", weight: 0.6, fillColor: "#f4f1e8", fillOpacity: 1 };

export class EventMap {
  constructor(element, { tileUrl, onSelect }) {
    this.onSelect = onSelect;
    this.markers = new Map();
    // Past zoom 10 the bundled 1:50m borders show nothing more; tiles have street detail.
    this.map = L.map(element, { worldCopyJump: true, minZoom: 2, maxZoom: tileUrl ? 18 : 10 }).setView([25, 20], 2);
    this.clusters = L.markerClusterGroup({
      maxClusterRadius: 30,
      showCoverageOnHover: false,
      iconCreateFunction: clusterIcon,
    }).addTo(this.map);
    this.addBaseMap(tileUrl);
  }

  async addBaseMap(tileUrl) {
    const topology = await (await fetch("static/countries.json")).json();
    const countries = feature(topology, topology.objects.countries);
    countries.features.forEach((country) => unwrap(country.geometry));
    const world = L.geoJSON(countries, { style: COUNTRIES, interactive: false });
    if (!tileUrl) {
      world.addTo(this.map);
      return;
    }
    // Online users asked for tiles; the bundled map stays one click away for when they are not.
    const tiles = L.tileLayer(tileUrl, { maxZoom: 19 }).addTo(this.map);
    L.control.layers({ Tiles: tiles, "World map (bundled)": world }).addTo(this.map);
  }

  show(events) {
    this.clusters.clearLayers();
    this.markers.clear();
    const markers = events.filter(isLocated).map((event) => this.marker(event));
    this.clusters.addLayers(markers); // one bulk add: markercluster re-clusters once
    return markers.length;
  }

  fit(events) {
    const points = events.filter(isLocated).map((e) => [e.location.latitude, e.location.longitude]);
    if (points.length) this.map.fitBounds(points, { padding: [40, 40], maxZoom: 7 });
  }

  // Ring the event's marker, zooming in or fanning out its cluster so that it can be seen.
  select(eventId) {
    const ring = () => {
      for (const [id, marker] of this.markers) marker.getElement()?.classList.toggle("selected", id === eventId);
    };
    const marker = this.markers.get(eventId);
    if (marker) this.clusters.zoomToShowLayer(marker, ring);
    else ring();
  }

  marker(event) {
    const size = markerSize(fatalitiesOf(event));
    const icon = L.divIcon({
      className: "ew-marker",
      html: `<span style="background:${colorOf(typeOf(event))}"></span>`,
      iconSize: [size, size],
    });
    const marker = L.marker([event.location.latitude, event.location.longitude], {
      icon, title: describe(event), keyboard: true, riseOnHover: true,
    });
    marker.eventType = typeOf(event);
    marker.on("click", () => this.onSelect(event.event_id));
    marker.on("keypress", ({ originalEvent }) => originalEvent.key === "Enter" && this.onSelect(event.event_id));
    marker.on("add", () => marker.getElement().dataset.eventId = event.event_id);
    this.markers.set(event.event_id, marker);
    return marker;
  }
}

// Rings that cross the antimeridian (Russia, Fiji) jump from 180° to -180°; Leaflet would draw
// each jump as a line across the world, so their longitudes are made continuous (up to 190°).
function unwrap(geometry) {
  if (!geometry) return;
  const polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
  for (const rings of polygons) {
    for (const ring of rings) {
      let shift = 0;
      for (let i = 1; i < ring.length; i++) {
        const jump = ring[i][0] + shift - ring[i - 1][0];
        if (Math.abs(jump) > 180) shift -= Math.sign(jump) * 360;
        ring[i] = [ring[i][0] + shift, ring[i][1]];
      }
    }
  }
}

// Area grows with the count: 10 px for none or unknown, about 40 px at 100 killed.
function markerSize(fatalities) {
  return Math.round(Math.min(48, 10 + 3 * Math.sqrt(fatalities || 0)));
}

function clusterIcon(cluster) {
  const children = cluster.getAllChildMarkers();
  const counts = new Map();
  for (const marker of children) counts.set(marker.eventType, (counts.get(marker.eventType) || 0) + 1);
  const [dominant] = [...counts].sort((a, b) => b[1] - a[1])[0];
  const size = children.length < 10 ? 30 : children.length < 100 ? 38 : 46;
  return L.divIcon({
    className: "ew-cluster",
    html: `<span style="border-color:${colorOf(dominant)}">${children.length}</span>`,
    iconSize: [size, size],
  });
}
