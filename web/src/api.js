// The REST API of `eventwire serve`. Relative URLs, so the page also works behind a path prefix.
async function request(path, options) {
  const response = await fetch(path, options);
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(body.detail || `${path}: HTTP ${response.status}`);
  return { body, response };
}

const get = async (path) => (await request(path)).body;

export const api = {
  config: () => get("api/config"),
  stats: (params = "") => get(`api/stats?${params}`),
  event: (id) => get(`api/events/${encodeURIComponent(id)}`),
  article: (id) => get(`api/articles/${encodeURIComponent(id)}`),
  async events(params) {
    const { body, response } = await request(`api/events?${params}`);
    return { events: body, total: Number(response.headers.get("X-Total-Count") ?? body.length) };
  },
  ingest: async (form) => (await request("api/articles", { method: "POST", body: form })).body,
};
