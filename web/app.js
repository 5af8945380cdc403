// The dashboard: filters kept in the URL, the charts and the table loaded from the API, and
// drill-down from any chart to the events behind it.

import { ApiError, FILTER_KEYS, PLOVER, QUADS, apiUrl, filtersOf, getJson } from './api.js';
import { Network, Timeline, WorldMap, count, countryIndex, fmt } from './charts.js';
import { EventTable, EvidencePanel } from './table.js';

// ---- State and the URL -------------------------------------------------------------------

const DEFAULTS = { sort: 'date', page: 1, page_size: 25, by: 'week' };
const VIEW_KEYS = ['by', 'sort', 'page', 'page_size', 'event'];
const SORTS = ['date', '-date', 'goldstein', '-goldstein', 'mentions', '-mentions'];

function readState(search) {
  const q = new URLSearchParams(search);
  const s = {};
  for (const k of FILTER_KEYS) s[k] = (q.get(k) || '').trim();
  s.by = ['week', 'month', 'day'].includes(q.get('by')) ? q.get('by') : DEFAULTS.by;
  s.sort = SORTS.includes(q.get('sort')) ? q.get('sort') : DEFAULTS.sort;
  s.page = Math.max(1, parseInt(q.get('page'), 10) || 1);
  s.page_size = [25, 50, 100].includes(Number(q.get('page_size'))) ? Number(q.get('page_size')) : DEFAULTS.page_size;
  s.event = /^\d+$/.test(q.get('event') || '') ? q.get('event') : '';
  return s;
}

function search(state) {
  const q = new URLSearchParams();
  for (const k of FILTER_KEYS) if (state[k]) q.set(k, state[k]);
  for (const k of VIEW_KEYS) if (state[k] && state[k] !== DEFAULTS[k]) q.set(k, state[k]);
  const s = q.toString();
  return s ? `?${s}` : '';
}

let state = readState(location.search);

// Changes the state, records it in the history (so Back restores the previous view) and shows it.
function navigate(changes, { replace = false, mark = null } = {}) {
  state = { ...state, ...changes };
  const url = `${location.pathname}${search(state)}`;
  if (replace) history.replaceState(mark, '', url);
  else if (url !== `${location.pathname}${location.search}`) history.pushState(mark, '', url);
  show();
}

window.addEventListener('popstate', () => {
  state = readState(location.search);
  show();
});

// ---- Filters form and drill-down chips ----------------------------------------------------

const form = document.getElementById('filters');
const FORM_KEYS = ['from', 'to', 'country', 'actor', 'plover', 'quad', 'text'];
let countries = null;

for (const p of PLOVER) form.plover.append(new Option(p, p));
for (const q of QUADS) form.quad.append(new Option(`${q.value} · ${q.name}`, String(q.value)));

function ensureOption(select, value, label) {
  if (value && ![...select.options].some((o) => o.value === value)) select.append(new Option(label || value, value));
}

function fillForm() {
  ensureOption(form.country, state.country);
  ensureOption(form.plover, state.plover);
  ensureOption(form.quad, state.quad);
  for (const k of FORM_KEYS) {
    form[k].value = state[k] || '';
    form[k].removeAttribute('aria-invalid');
  }
  document.getElementById('page-size').value = String(state.page_size);
  document.getElementById('timeline-by').value = state.by;
}

function formValues() {
  const v = {};
  for (const k of FORM_KEYS) v[k] = form[k].value.trim();
  v.actor = v.actor.toUpperCase();
  return v;
}

form.addEventListener('submit', (ev) => {
  ev.preventDefault();
  navigate({ ...formValues(), page: 1 });
});
form.addEventListener('change', (ev) => {
  // Lists and dates apply at once; typed text on Enter or when leaving the field.
  if (ev.target.matches('select, input[type=date], input[type=text], input[type=search]')) navigate({ ...formValues(), page: 1 });
});
document.getElementById('reset').addEventListener('click', () => {
  const cleared = {};
  for (const k of FILTER_KEYS) cleared[k] = '';
  navigate({ ...cleared, page: 1, event: '' });
});

const CHIP_LABELS = {
  source: (v) => `Source ${v}…`,
  target: (v) => `Target ${v}…`,
  location_country: (v) => `Placed in ${countries ? countries.name(v) : v}`,
  location: (v) => `Place: ${v}`,
  cameo: (v) => `CAMEO ${v}…`,
};

function renderChips() {
  const box = document.getElementById('chips');
  box.replaceChildren();
  for (const [k, label] of Object.entries(CHIP_LABELS)) {
    if (!state[k]) continue;
    const text = label(state[k]);
    const chip = document.createElement('span');
    chip.className = 'chip';
    chip.dataset.filter = k;
    chip.textContent = text;
    const x = document.createElement('button');
    x.type = 'button';
    x.textContent = '✕';
    x.setAttribute('aria-label', `Remove the filter ${text}`);
    x.addEventListener('click', () => {
      const change = { [k]: '', page: 1 };
      if (k === 'location_country') change.location = '';
      navigate(change);
    });
    chip.append(x);
    box.append(chip);
  }
  box.hidden = !box.children.length;
}

// ---- Errors -------------------------------------------------------------------------------

const errors = new Map(); // panel → message

function setError(panel, error) {
  if (error) errors.set(panel, error);
  else errors.delete(panel);
  const box = document.getElementById('errors');
  const seen = new Set();
  box.replaceChildren();
  for (const e of errors.values()) {
    const text = e instanceof ApiError && e.status === 400 ? `The server refused the request: ${e.message}` :
      e instanceof ApiError && e.status === 503 ? `${e.message}` : `Error: ${e.message}`;
    if (seen.has(text)) continue;
    seen.add(text);
    const p = document.createElement('p');
    p.textContent = text;
    box.append(p);
    const field = e.parameter && form.elements.namedItem(e.parameter);
    if (field) field.setAttribute('aria-invalid', 'true');
  }
  box.hidden = !box.children.length;
}

// ---- Panels ------------------------------------------------------------------------------

const panels = {
  timeline: document.getElementById('timeline-panel'),
  map: document.getElementById('map-panel'),
  network: document.getElementById('network-panel'),
  events: document.getElementById('events-panel'),
};

function drill(changes) {
  navigate({ ...changes, page: 1 });
  panels.events.scrollIntoView({ block: 'start' });
}

const timeline = new Timeline(document.getElementById('timeline'), document.getElementById('timeline-caption'),
  ([from, to]) => drill({ from, to }));
const map = new WorldMap(document.getElementById('map'), document.getElementById('map-caption'), {
  onPlace: (p) => drill({ location_country: p.country, location: p.name }),
  onCountry: (code) => drill({ location_country: code, location: '' }),
});
const network = new Network(document.getElementById('network'), document.getElementById('network-caption'), {
  onDyad: (r) => drill({ source: r.source, target: r.target, actor: '' }),
  onActor: (a) => drill({ actor: a, source: '', target: '' }),
});
const table = new EventTable(document.getElementById('events'), {
  onSort: (sort) => navigate({ sort, page: 1 }),
  onOpen: (id, row) => {
    lastRow = row;
    // Marked, so that closing goes back to the entry it came from rather than adding one.
    navigate({ event: String(id) }, { mark: { evidence: String(id) } });
  },
});
const evidence = new EvidencePanel(document.getElementById('evidence'), {
  onClose: () => {
    if (history.state && history.state.evidence === state.event) history.back();
    else navigate({ event: '' });
  },
});
let lastRow = null;

// Each panel loads what it shows; a newer request aborts the older one.
const inflight = new Map();
const shown = new Map(); // panel → the request it shows

// `view` names the whole state shown (the URL without the evidence): each panel records the view
// it is up to date with in data-view, and data-state (loading, ready, error), so that a test can
// wait for the page to show a view.
async function load(name, key, view, fetcher, render) {
  const panel = panels[name];
  if (shown.get(name) === key) {
    if (inflight.has(name)) inflight.get(name).abort();
    panel.dataset.state = 'ready';
    panel.dataset.view = view;
    return;
  }
  if (inflight.has(name)) inflight.get(name).abort();
  const ctl = new AbortController();
  inflight.set(name, ctl);
  panel.dataset.state = 'loading';
  panel.setAttribute('aria-busy', 'true');
  try {
    const data = await fetcher(ctl.signal);
    if (ctl.signal.aborted) return;
    render(data);
    shown.set(name, key);
    panel.dataset.state = 'ready';
    panel.dataset.view = view;
    setError(name, null);
  } catch (e) {
    if (e.name === 'AbortError') return;
    shown.delete(name);
    const note = document.getElementById(`${name}-note`);
    if (note) note.textContent = '— not updated: see the error above';
    panel.dataset.state = 'error';
    panel.dataset.view = view;
    setError(name, e);
  } finally {
    if (inflight.get(name) === ctl) {
      inflight.delete(name);
      panel.removeAttribute('aria-busy');
    }
  }
}

// With no date filter, the timeline spans the store's dates; with one, the API's periods do.
let storeSpan = null;
function timelineSpan() {
  return state.from || state.to ? null : storeSpan;
}

function show() {
  fillForm();
  renderChips();
  const filters = filtersOf(state);
  const fq = search(filters);
  const view = search({ ...state, event: '' });
  document.body.dataset.view = view;
  document.getElementById('csv').href = apiUrl('/api/events.csv', { ...filters, sort: state.sort });

  load('timeline', `${fq}|${state.by}`, view, (signal) => getJson('/api/timeline', { ...filters, by: state.by }, signal), (data) => {
    const total = data.periods.reduce((a, p) => a + p.events.reduce((x, y) => x + y, 0), 0);
    panels.timeline.dataset.total = total;
    document.getElementById('timeline-note').textContent = `— ${count(total, 'dated event')} by ${data.by}`;
    timeline.update(data, timelineSpan());
  });
  load('map', fq, view, (signal) => getJson('/api/places', { ...filters, limit: 2000 }, signal), (data) => {
    const total = data.points.reduce((a, p) => a + p.events, 0);
    panels.map.dataset.total = total;
    document.getElementById('map-note').textContent = `— ${count(total, 'event')} at ${count(data.points.length, 'place')}`;
    map.update(data.points, state.location_country);
  });
  load('network', fq, view, (signal) => getJson('/api/top/dyads', { ...filters, limit: 20 }, signal), (data) => {
    panels.network.dataset.total = data.rows.length;
    document.getElementById('network-note').textContent = data.rows.length < 20 ? `— ${count(data.rows.length, 'dyad')}` : `— the top ${data.rows.length} dyads`;
    network.update(data.rows);
  });
  const page = { ...filters, page: state.page, page_size: state.page_size, sort: state.sort };
  load('events', search(page), view, (signal) => getJson('/api/events', page, signal), (data) => {
    panels.events.dataset.total = data.total;
    const first = data.total ? (data.page - 1) * data.page_size + 1 : 0;
    const last = Math.min(data.total, data.page * data.page_size);
    document.getElementById('events-note').textContent = `— ${data.total} matching`;
    document.getElementById('page-info').textContent = data.total ? `${first}–${last} of ${data.total}` : 'none';
    document.getElementById('prev').disabled = data.page <= 1;
    document.getElementById('next').disabled = last >= data.total;
    table.update(data, state.sort);
    table.select(state.event);
  });
  showEvidence();
}

// ---- Evidence ----------------------------------------------------------------------------

let evidenceShown = '';
let evidenceCtl = null;

async function showEvidence() {
  const id = state.event;
  table.select(id);
  if (!id) {
    if (evidenceShown || !evidence.panel.hidden) {
      const closed = evidenceShown;
      evidence.hide();
      evidenceShown = '';
      // Focus goes back to the row the evidence came from, else to the table.
      const row = (lastRow && lastRow.isConnected && lastRow.dataset.storeId === closed && lastRow) ||
        table.rowOf(closed) || panels.events;
      row.focus();
    }
    return;
  }
  if (evidenceShown === id) return;
  if (evidenceCtl) evidenceCtl.abort();
  const ctl = new AbortController();
  evidenceCtl = ctl;
  evidenceShown = id;
  evidence.loading(id);
  try {
    const e = await getJson(`/api/events/${encodeURIComponent(id)}`, {}, ctl.signal);
    if (ctl.signal.aborted) return;
    evidence.show(e);
  } catch (e) {
    if (e.name === 'AbortError') return;
    evidence.error(id, e instanceof ApiError && e.status === 404 ? `There is no event ${id} in this store.` : e.message);
  }
  document.getElementById('evidence-title').focus();
}

// ---- Paging ------------------------------------------------------------------------------

document.getElementById('prev').addEventListener('click', () => navigate({ page: Math.max(1, state.page - 1) }));
document.getElementById('next').addEventListener('click', () => navigate({ page: state.page + 1 }));
document.getElementById('timeline-by').addEventListener('change', (ev) => navigate({ by: ev.target.value }));
document.getElementById('page-size').addEventListener('change', (ev) => navigate({ page_size: Number(ev.target.value), page: 1 }));

// ---- Start -------------------------------------------------------------------------------

async function loadStatus() {
  const el = document.getElementById('status');
  try {
    const s = await getJson('/api/status');
    const range = s.first_date ? ` · ${s.first_date} – ${s.last_date}` : '';
    if (s.first_date && s.last_date) {
      storeSpan = [s.first_date, s.last_date];
      timeline.setSpan(timelineSpan());
    }
    el.textContent = `${fmt.format(s.events)} events · ${fmt.format(s.mentions)} mentions · ` +
      `${fmt.format(s.articles)} articles${range}`;
  } catch (e) {
    el.textContent = 'The server does not answer.';
    setError('status', e);
  }
}

async function loadWorld() {
  try {
    const [topology, list] = await Promise.all([
      getJson('/vendor/world-atlas/countries-110m.json'),
      getJson('/vendor/world-countries/dist/countries.json'),
    ]);
    countries = countryIndex(list);
    const sorted = [...list].sort((a, b) => a.name.common.localeCompare(b.name.common));
    const select = form.country;
    const keep = select.value;
    select.replaceChildren(new Option('Any', ''));
    for (const c of sorted) select.append(new Option(`${c.name.common} (${c.cca3})`, c.cca3));
    ensureOption(select, keep);
    select.value = keep;
    // eslint-disable-next-line no-undef
    const features = topojson.feature(topology, topology.objects.countries).features;
    map.setWorld(features, countries);
    renderChips();
  } catch (e) {
    setError('world', new Error(`The world map could not be loaded: ${e.message}`));
  }
}

// Charts follow the width of their boxes.
let resizeQueued = false;
new ResizeObserver(() => {
  if (resizeQueued) return;
  resizeQueued = true;
  requestAnimationFrame(() => {
    resizeQueued = false;
    timeline.render();
    map.render();
    network.render();
  });
}).observe(document.querySelector('.charts'));

navigate({}, { replace: true });
loadStatus();
loadWorld();
