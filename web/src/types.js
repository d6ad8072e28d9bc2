// ACLED event types in codebook order and their colours (markers, timeline, legend).
export const TYPES = [
  ["Battles", "#c0392b"],
  ["Explosions/Remote violence", "#e67e22"],
  ["Violence against civilians", "#8e44ad"],
  ["Protests", "#27ae60"],
  ["Riots", "#b7950b"],
  ["Strategic developments", "#2471a3"],
];
const OTHER = "Not ACLED-typed";
const COLORS = new Map([...TYPES, [OTHER, "#7f8c8d"]]);

export const typeOf = (event) => event.acled?.event_type || OTHER;
export const colorOf = (type) => COLORS.get(type) || COLORS.get(OTHER);
export const allTypes = () => [...TYPES.map(([name]) => name), OTHER];

export const fatalitiesOf = (event) => event.fatalities?.best ?? null;
export const isLocated = (event) => event.location?.latitude != null && event.location?.longitude != null;

export function describe(event) {
  const what = event.acled?.sub_event_type || event.acled?.event_type || event.plover?.type || "event";
  const where = event.location?.name || "unlocated";
  const killed = fatalitiesOf(event);
  return [where, event.event_date || "undated", what, killed != null ? `${killed} killed` : null]
    .filter(Boolean).join(" · ");
}
