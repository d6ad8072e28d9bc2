// Builds the page served by `eventwire serve` into ../eventwire/web/static/:
// app.js + app.css (Leaflet, markercluster, topojson-client and our code, minified),
// index.html, and countries.json (Natural Earth 1:50m boundaries from world-atlas),
// so the page works offline with no CDN. Run: npm ci && npm run build
import * as esbuild from "esbuild";
import { copyFile, mkdir } from "node:fs/promises";

const here = (path) => new URL(path, import.meta.url).pathname;
const out = here("../eventwire/web/static/");

await mkdir(out, { recursive: true });
await esbuild.build({
  entryPoints: [here("src/main.js")],
  bundle: true,
  minify: true,
  target: ["es2020"],
  outfile: `${out}app.js`,
  loader: { ".png": "dataurl", ".svg": "dataurl" }, // Leaflet's control icons, inlined
  legalComments: "eof",
  logLevel: "info",
});
await copyFile(here("src/index.html"), `${out}index.html`);
await copyFile(here("node_modules/world-atlas/countries-50m.json"), `${out}countries.json`);
