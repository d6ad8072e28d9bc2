// "Add article": paste or upload a story; the server extracts, stores and returns its events.
import { api } from "./api.js";
import { count } from "./dom.js";

export function setUpIngest({ button, dialog, maxBytes, onStored }) {
  const form = dialog.querySelector("form");
  const result = dialog.querySelector("#ingest-result");
  button.hidden = false;
  button.addEventListener("click", () => dialog.showModal());
  dialog.querySelector("#ingest-close").addEventListener("click", () => dialog.close());
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const file = data.get("file");
    if (!file || !file.size) data.delete("file");
    if (!data.get("text")?.trim()) data.delete("text");
    for (const name of ["title", "url", "published"]) if (!data.get(name)) data.delete(name);
    const size = (file?.size || 0) + new Blob([data.get("text") || ""]).size;
    if (size > maxBytes) {
      result.textContent = `That is ${size.toLocaleString()} bytes; this server takes up to ${maxBytes.toLocaleString()}.`;
      return;
    }
    result.textContent = "Extracting…";
    try {
      const stored = await api.ingest(data);
      const news = stored.events.filter((e) => !e.background).length;
      result.textContent = `${count(news, "event")} found; article ${stored.status}.`;
      form.reset();
      await onStored(stored);
    } catch (error) {
      result.textContent = error.message;
    }
  });
}
