// Leaflet as a global first: leaflet.markercluster's bundle extends a global `L`.
import L from "leaflet";

window.L = L;
export default L;
