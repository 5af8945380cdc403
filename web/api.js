// The HTTP API of `dyad serve` (docs/serve.md): requests, and errors the user can read.

// Filters every data endpoint takes, in the order the URL lists them.
export const FILTER_KEYS = ['from', 'to', 'country', 'actor', 'source', 'target', 'location_country',
  'location', 'cameo', 'plover', 'quad', 'text'];

export const PLOVER = ['AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT',
  'REQUEST', 'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT'];

export const QUADS = [
  { value: 1, name: 'Verbal cooperation', short: 'Verbal coop.' },
  { value: 2, name: 'Material cooperation', short: 'Material coop.' },
  { value: 3, name: 'Verbal conflict', short: 'Verbal conflict' },
  { value: 4, name: 'Material conflict', short: 'Material conflict' },
];

// An answer other than 2xx: the server's message (`{"error", "parameter"}`) when it sent one.
export class ApiError extends Error {
  constructor(status, message, parameter) {
    super(message);
    this.status = status;
    this.parameter = parameter || null;
  }
}

// `path` with the non-empty `params` as a query string.
export function apiUrl(path, params = {}) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  }
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}

// GETs JSON; throws ApiError with the server's message on 4xx/5xx, AbortError when aborted.
export async function getJson(path, params, signal) {
  const url = apiUrl(path, params);
  let response;
  try {
    response = await fetch(url, { signal, headers: { Accept: 'application/json' } });
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw new ApiError(0, `The server did not answer (${url}): ${e.message}`);
  }
  const text = await response.text();
  let body = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  if (!response.ok) {
    const message = body && typeof body.error === 'string' ? body.error : `${response.status} ${response.statusText}`;
    throw new ApiError(response.status, message, body && body.parameter);
  }
  if (body === null) throw new ApiError(response.status, `${url}: the answer is not JSON`);
  return body;
}

// Only the filters of a state object.
export function filtersOf(state) {
  const f = {};
  for (const k of FILTER_KEYS) if (state[k]) f[k] = state[k];
  return f;
}
