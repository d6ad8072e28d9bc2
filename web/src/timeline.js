// The timeline: events per day, stacked by ACLED type, as SVG. Dragging across it selects a
// date range (the brush) that filters the map and the list; a click without a drag clears it.
import { h } from "./dom.js";
import { allTypes, colorOf, typeOf } from "./types.js";

const SVG = "http://www.w3.org/2000/svg";
const DAY = 86_400_000;
const HEIGHT = 110;
const AXIS = 18;
const TICK_STEPS = [1, 2, 7, 14, 30, 61, 91, 182, 365, 730];

const dayNumber = (iso) => Date.parse(`${iso}T00:00:00Z`) / DAY;
const isoDay = (n) => new Date(n * DAY).toISOString().slice(0, 10);

export class Timeline {
  constructor(element, legend, { onBrush }) {
    this.element = element;
    this.legend = legend;
    this.onBrush = onBrush;
    this.range = null; // [first, last] day numbers, inclusive
    this.counts = new Map();
    new ResizeObserver(() => this.draw()).observe(element);
  }

  // New events, new chart: the brush is cleared.
  show(events) {
    this.range = null;
    this.counts = new Map();
    for (const event of events) {
      if (!event.event_date) continue;
      const day = dayNumber(event.event_date);
      const byType = this.counts.get(day) || new Map();
      byType.set(typeOf(event), (byType.get(typeOf(event)) || 0) + 1);
      this.counts.set(day, byType);
    }
    this.drawLegend(events);
    this.draw();
  }

  contains(event) {
    if (!this.range) return true;
    if (!event.event_date) return false;
    const day = dayNumber(event.event_date);
    return day >= this.range[0] && day <= this.range[1];
  }

  drawLegend(events) {
    const totals = new Map();
    for (const event of events) totals.set(typeOf(event), (totals.get(typeOf(event)) || 0) + 1);
    this.legend.replaceChildren(...allTypes().filter((type) => totals.has(type)).map((type) =>
      h("span", { class: "legend-item" }, h("i", { style: { background: colorOf(type) } }), `${type} (${totals.get(type)})`)));
  }

  draw() {
    const width = this.element.clientWidth;
    if (!width) return;
    const days = [...this.counts.keys()];
    if (!days.length) {
      this.element.replaceChildren(h("p", { class: "empty" }, "No dated events to chart."));
      return;
    }
    // One spare day each side, so a lone day is a bar, not a line at the edge.
    const first = Math.min(...days) - 1;
    const span = Math.max(...days) + 2 - first;
    const x = (day) => ((day - first) / span) * width;
    const peak = Math.max(...[...this.counts.values()].map((byType) => [...byType.values()].reduce((a, b) => a + b)));
    const y = (n) => ((HEIGHT - AXIS - 6) * n) / peak;
    const svg = svgElement("svg", { width, height: HEIGHT, class: "timeline-svg", role: "img" });
    svg.append(...this.bars(x, y, Math.max(1, width / span - 1)), ...axis(first, span, x, width),
      svgElement("text", { x: 4, y: 10, class: "peak" }, `${peak} per day`));
    this.brush(svg, x, first, span, width);
    this.element.replaceChildren(svg);
  }

  bars(x, y, barWidth) {
    const rects = [];
    for (const [day, byType] of this.counts) {
      let top = HEIGHT - AXIS;
      for (const type of allTypes()) {
        const n = byType.get(type);
        if (!n) continue;
        top -= y(n);
        rects.push(svgElement("rect", { x: x(day), y: top, width: barWidth, height: y(n), fill: colorOf(type) },
          svgElement("title", {}, `${isoDay(day)}: ${n} ${type}`)));
      }
    }
    return rects;
  }

  brush(svg, x, first, span, width) {
    const toDay = (px) => first + Math.floor((px / width) * span);
    const band = svgElement("rect", { class: "brush", y: 0, height: HEIGHT - AXIS, x: 0, width: 0 });
    const showBand = ([a, b]) => { band.setAttribute("x", x(a)); band.setAttribute("width", x(b + 1) - x(a)); };
    if (this.range) showBand(this.range);
    svg.append(band);
    let start = null;
    const at = (event) => event.clientX - svg.getBoundingClientRect().left;
    svg.addEventListener("pointerdown", (event) => {
      start = at(event);
      svg.setPointerCapture(event.pointerId);
    });
    svg.addEventListener("pointermove", (event) => {
      if (start === null) return;
      const [a, b] = [start, at(event)].sort((p, q) => p - q);
      showBand([toDay(a), toDay(b)]);
    });
    svg.addEventListener("pointerup", (event) => {
      if (start === null) return;
      const [a, b] = [start, at(event)].sort((p, q) => p - q);
      start = null;
      this.range = b - a < 3 ? null : [toDay(a), toDay(b)];
      this.draw();
      this.onBrush(this.range && this.range.map(isoDay));
    });
  }
}

function axis(first, span, x, width) {
  const step = TICK_STEPS.find((days) => span / days <= 8) || 730;
  const format = step >= 30 ? { month: "short", year: "numeric" } : { day: "numeric", month: "short" };
  const ticks = [];
  const LABEL = 50; // px a date label needs; none is cut by the right edge
  for (let day = Math.ceil(first / step) * step; x(day) < width - LABEL; day += step) {
    const label = new Date(day * DAY).toLocaleDateString("en-GB", { ...format, timeZone: "UTC" });
    ticks.push(svgElement("line", { x1: x(day), x2: x(day), y1: HEIGHT - AXIS, y2: HEIGHT - AXIS + 4, class: "tick" }),
      svgElement("text", { x: x(day) + 2, y: HEIGHT - 4, class: "tick-label" }, label));
  }
  return ticks;
}

function svgElement(tag, attrs, ...children) {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs)) element.setAttribute(name, value);
  element.append(...children);
  return element;
}
