// The filter form: country, type, dates and actor, sent to /api/events as query parameters.
import { h } from "./dom.js";

const INDENT = "\u00a0\u00a0\u00a0";

export class Filters {
  // ``types``: {acled: {event type: [sub-event types]}, plover: [types]}, from /api/config.
  constructor(form, { types, onChange }) {
    this.form = form;
    form.addEventListener("submit", (event) => { event.preventDefault(); onChange(); });
    form.addEventListener("reset", () => setTimeout(onChange)); // after the browser resets the fields
    for (const select of form.querySelectorAll("select")) select.addEventListener("change", onChange);
    form.elements.type.append(
      h("optgroup", { label: "ACLED" }, Object.entries(types.acled).map(([type, subTypes]) => [
        h("option", { value: type }, type),
        subTypes.map((subType) => h("option", { value: subType }, INDENT + subType)),
      ])),
      h("optgroup", { label: "PLOVER" }, types.plover.map((type) => h("option", { value: type }, type))),
    );
  }

  // Countries present in the store, most events first, so the list stays short.
  setCountries(byCountry) {
    const select = this.form.elements.country;
    const chosen = select.value;
    const options = Object.entries(byCountry).sort((a, b) => b[1] - a[1])
      .map(([iso3, n]) => h("option", { value: iso3 }, `${iso3} (${n})`));
    select.replaceChildren(h("option", { value: "" }, "all"), ...options);
    select.value = chosen;
  }

  params() {
    const params = new URLSearchParams();
    for (const [name, value] of new FormData(this.form)) if (value.trim()) params.set(name, value.trim());
    return params;
  }
}
