// Every call of the console goes through here. The admin token lives in this module's memory only: never in
// localStorage, sessionStorage or a cookie, so a reload logs the operator out.
let token = null;
let onUnauthorized = () => {};

export const session = {
  login(value) { token = value; },
  logout() { token = null; },
  active() { return token !== null; },
  onExpired(handler) { onUnauthorized = handler; },
};

/** A problem+json answer (or a network failure) as an Error with the problem's fields. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem || {};
    this.errors = Array.isArray(problem?.errors) ? problem.errors : [];
  }
}

export async function api(method, path, { body, ifMatch, contentType } = {}) {
  const headers = { Accept: 'application/json, application/problem+json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (ifMatch) headers['If-Match'] = ifMatch;
  let payload;
  if (body !== undefined) {
    headers['Content-Type'] = contentType || 'application/json';
    payload = typeof body === 'string' ? body : JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(path, { method, headers, body: payload, credentials: 'omit', cache: 'no-store' });
  } catch (e) {
    throw new ApiError(0, { title: 'Network error', detail: 'The admin console could not be reached.' });
  }
  const text = await response.text();
  let data = null;
  if (text) {
    try { data = JSON.parse(text); } catch { data = { detail: text.slice(0, 300) }; }
  }
  if (!response.ok) {
    const error = new ApiError(response.status, data || { title: response.statusText });
    if (response.status === 401 && token) onUnauthorized(error);
    throw error;
  }
  return { data, etag: response.headers.get('ETag'), location: response.headers.get('Location'), status: response.status };
}

export const get = (path) => api('GET', path).then((r) => r.data);

/** Every page of a cursor-paged list, up to `max` items. */
export async function all(path, max = 500) {
  const items = [];
  let cursor = null;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const page = await get(`${path}${sep}limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    items.push(...(page.data || []));
    cursor = page.nextCursor;
  } while (cursor && items.length < max);
  return items;
}

export const money = (value) => (value == null ? '—' : `$${Number(value).toFixed(value && Math.abs(value) < 0.01 ? 6 : 2)}`);
export const when = (iso) => (iso ? new Date(iso).toISOString().replace('T', ' ').slice(0, 19) + ' UTC' : '—');
