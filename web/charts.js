// The charts: timeline (weekly counts and Goldstein totals by quad class), world map (country
// outlines, event points sized by count) and the network of top dyads. Plain SVG; d3-geo only
// projects the map. Each chart is one tab stop: arrow keys move a cursor over its items, Enter
// drills down to the events behind the item under the cursor, as a click does.

import { ticks } from 'd3-array';
import { geoNaturalEarth1, geoPath } from '/vendor/d3-geo/dist/d3-geo.min.mjs';
import { QUADS } from './api.js';

const SVG = 'http://www.w3.org/2000/svg';

function el(name, attrs = {}, parent = null) {
  const e = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined && v !== null) e.setAttribute(k, v);
  if (parent) parent.append(e);
  return e;
}

function title(node, text) {
  el('title', {}, node).textContent = text;
}

export const fmt = new Intl.NumberFormat('en', { maximumFractionDigits: 1 });

// "1 event", "3 events".
export function count(n, word, plural = `${word}s`) {
  return `${fmt.format(n)} ${n === 1 ? word : plural}`;
}
const QUAD_CLASS = ['q1', 'q2', 'q3', 'q4'];

// Keyboard cursor over a chart's items. `items()` is the current list; `describe(i)` the text
// read out; `show(i)` draws the cursor; `activate(i)` drills down.
function keyboardCursor(svg, caption, { items, describe, show, activate }) {
  let index = -1;
  const set = (i) => {
    const n = items().length;
    if (!n) return;
    index = Math.max(0, Math.min(n - 1, i));
    show(index);
    caption.textContent = describe(index);
  };
  svg.setAttribute('tabindex', '0');
  svg.addEventListener('focus', () => {
    if (index < 0 || index >= items().length) set(0);
    else set(index);
  });
  svg.addEventListener('blur', () => show(-1));
  svg.addEventListener('keydown', (ev) => {
    const n = items().length;
    if (!n) return;
    const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[ev.key];
    if (step) set(index + step);
    else if (ev.key === 'Home') set(0);
    else if (ev.key === 'End') set(n - 1);
    else if (ev.key === 'PageDown') set(index + 10);
    else if (ev.key === 'PageUp') set(index - 10);
    else if (ev.key === 'Enter' || ev.key === ' ') {
      if (index >= 0) activate(index);
    } else return;
    ev.preventDefault();
  });
  return {
    reset() {
      index = -1;
      caption.textContent = '';
    },
    get index() {
      return index;
    },
  };
}

// The last day of the period that starts on `period` (YYYY-MM-DD, or YYYY-MM for months).
export function periodRange(period, by) {
  if (by === 'month') {
    const [y, m] = period.split('-').map(Number);
    const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
    return [`${period}-01`, `${period}-${String(last).padStart(2, '0')}`];
  }
  if (by === 'day') return [period, period];
  const d = new Date(`${period}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 6);
  return [period, d.toISOString().slice(0, 10)];
}

// The period (as the API labels it) a date falls in: weeks by their Monday, months YYYY-MM.
export function periodOf(date, by) {
  if (by === 'month') return date.slice(0, 7);
  if (by === 'day') return date;
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d.toISOString().slice(0, 10);
}

function nextPeriod(period, by) {
  if (by === 'month') {
    const [y, m] = period.split('-').map(Number);
    return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  }
  const d = new Date(`${period}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + (by === 'day' ? 1 : 7));
  return d.toISOString().slice(0, 10);
}

// The periods with empty ones added before and after, out to the span's periods.
function padPeriods(periods, by, span) {
  if (!span || !span[0] || !span[1]) return periods;
  const first = periodOf(span[0], by), last = periodOf(span[1], by);
  const empty = (period) => ({ period, events: [0, 0, 0, 0], goldstein: [0, 0, 0, 0] });
  const before = [], after = [];
  const start = periods.length ? periods[0].period : null;
  for (let p = first; (start === null ? p <= last : p < start) && before.length < 5000; p = nextPeriod(p, by)) before.push(empty(p));
  if (periods.length) {
    for (let p = nextPeriod(periods[periods.length - 1].period, by); p <= last && after.length < 5000; p = nextPeriod(p, by)) after.push(empty(p));
  }
  return [...before, ...periods, ...after];
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function periodLabel(period, by) {
  if (by === 'week') return `week of ${period}`;
  return period;
}

export class Timeline {
  constructor(container, caption, onSelect) {
    this.container = container;
    this.caption = caption;
    this.onSelect = onSelect;
    this.data = null;
    this.svg = el('svg', { class: 'chart timeline', role: 'img' });
    this.container.replaceChildren(this.svg);
    this.cursor = keyboardCursor(this.svg, caption, {
      items: () => (this.data ? this.data.periods : []),
      describe: (i) => this.describe(i),
      show: (i) => this.showCursor(i),
      activate: (i) => this.select(i),
    });
  }

  describe(i) {
    const p = this.data.periods[i];
    const total = p.events.reduce((a, b) => a + b, 0);
    const g = p.goldstein.reduce((a, b) => a + b, 0);
    const parts = QUADS.map((q, k) => `${q.short} ${p.events[k]}`).join(', ');
    return `${periodLabel(p.period, this.data.by)}: ${count(total, 'event')} (${parts}); Goldstein total ${fmt.format(g)}`;
  }

  select(i) {
    const p = this.data.periods[i];
    this.onSelect(periodRange(p.period, this.data.by), p);
  }

  // `span`: [first, last] dates to show around the periods, zero-filled (the store's range when
  // no dates are filtered, so that timelines of different filters share an axis), or null.
  update(data, span = null) {
    this.source = data;
    this.span = span;
    this.data = { ...data, periods: padPeriods(data.periods, data.by, span) };
    this.cursor.reset();
    this.render();
  }

  setSpan(span) {
    if (this.source) this.update(this.source, span);
  }

  render() {
    const svg = this.svg;
    svg.replaceChildren();
    const data = this.data;
    if (!data) return;
    const width = Math.max(320, this.container.clientWidth);
    const height = 210;
    svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
    svg.setAttribute('width', width);
    svg.setAttribute('height', height);
    const periods = data.periods;
    const totals = periods.map((p) => p.events.reduce((a, b) => a + b, 0));
    const total = totals.reduce((a, b) => a + b, 0);
    svg.setAttribute('aria-label', `Timeline: ${total} events in ${periods.length} periods (by ${data.by}). ` +
      'Arrow keys move between periods, Enter shows their events.');
    if (!periods.length) {
      el('text', { x: width / 2, y: height / 2, class: 'empty', 'text-anchor': 'middle' }, svg).textContent =
        'No dated events match these filters.';
      return;
    }
    const left = 40, right = 8, top = 8;
    const countH = 110, gap = 14, goldH = 60;
    const plotW = width - left - right;
    const band = plotW / periods.length;
    const barW = Math.min(36, Math.max(1, band - (band > 4 ? 1 : 0)));
    const inset = (band - barW) / 2;
    const maxCount = Math.max(1, ...totals);
    const pos = periods.map((p) => p.goldstein.reduce((a, g) => a + (g > 0 ? g : 0), 0));
    const neg = periods.map((p) => p.goldstein.reduce((a, g) => a + (g < 0 ? -g : 0), 0));
    const maxG = Math.max(1, ...pos, ...neg);
    const yCount = (v) => top + countH - (v / maxCount) * countH;
    const gTop = top + countH + gap;
    const gMid = gTop + goldH / 2;
    const yGold = (v) => gMid - (v / maxG) * (goldH / 2);

    // Axes and grid.
    const axis = el('g', { class: 'axis' }, svg);
    for (const t of ticks(0, maxCount, 4).filter((t) => Number.isInteger(t))) {
      el('line', { x1: left, x2: width - right, y1: yCount(t), y2: yCount(t), class: 'grid' }, axis);
      el('text', { x: left - 4, y: yCount(t) + 3, 'text-anchor': 'end' }, axis).textContent = String(t);
    }
    el('text', { x: width - right, y: top + 8, 'text-anchor': 'end', class: 'axis-title' }, axis).textContent = 'events';
    el('line', { x1: left, x2: width - right, y1: gMid, y2: gMid, class: 'zero' }, axis);
    el('text', { x: left - 4, y: gTop + 6, 'text-anchor': 'end' }, axis).textContent = `+${fmt.format(maxG)}`;
    el('text', { x: left - 4, y: gTop + goldH, 'text-anchor': 'end' }, axis).textContent = `−${fmt.format(maxG)}`;
    el('text', { x: left - 4, y: gMid + 3, 'text-anchor': 'end' }, axis).textContent = '0';
    el('text', { x: width - right, y: gTop + 8, 'text-anchor': 'end', class: 'axis-title' }, axis).textContent = 'Goldstein total';

    // Period labels: years when the range is long, months otherwise.
    const long = periods.length > (data.by === 'month' ? 36 : 60);
    let lastLabel = '', lastX = -Infinity;
    for (let i = 0; i < periods.length; i++) {
      const p = periods[i].period;
      const label = long ? p.slice(0, 4) : `${MONTHS[Number(p.slice(5, 7)) - 1]} ${p.slice(0, 4)}`;
      if (data.by === 'day' && !long && label === lastLabel) continue;
      if (label === lastLabel) continue;
      lastLabel = label;
      const x = left + i * band + inset;
      if (x - lastX < (long ? 34 : 64)) continue;
      lastX = x;
      el('line', { x1: x, x2: x, y1: gTop + goldH, y2: gTop + goldH + 4, class: 'tick' }, axis);
      el('text', { x: x + 2, y: height - 2 }, axis).textContent = label;
    }

    // Bars: counts stacked by quad class above, Goldstein totals below (cooperation up,
    // conflict down), one column per period; a transparent full-height rect takes the click.
    const bars = el('g', { class: 'bars' }, svg);
    this.columns = [];
    periods.forEach((p, i) => {
      const x = left + i * band + inset;
      const g = el('g', { class: 'period', 'data-period': p.period, 'data-events': totals[i] }, bars);
      let y = yCount(0);
      p.events.forEach((n, q) => {
        if (!n) return;
        const h = (n / maxCount) * countH;
        el('rect', { x, y: y - h, width: barW, height: h, class: QUAD_CLASS[q] }, g);
        y -= h;
      });
      let up = gMid, down = gMid;
      p.goldstein.forEach((v, q) => {
        if (!v) return;
        const h = (Math.abs(v) / maxG) * (goldH / 2);
        if (v > 0) {
          el('rect', { x, y: up - h, width: barW, height: h, class: QUAD_CLASS[q] }, g);
          up -= h;
        } else {
          el('rect', { x, y: down, width: barW, height: h, class: QUAD_CLASS[q] }, g);
          down += h;
        }
      });
      const hit = el('rect', { x: left + i * band - (band < 3 ? 1 : 0), y: top, width: Math.max(band, 3), height: gTop + goldH - top, class: 'hit' }, g);
      title(hit, this.describe(i));
      if (totals[i]) {
        g.classList.add('clickable');
        hit.addEventListener('click', () => this.select(i));
      }
      this.columns.push({ x: left + i * band, band });
    });
    this.cursorRect = el('rect', { class: 'cursor', visibility: 'hidden', y: top - 2, height: gTop + goldH - top + 4 }, svg);
  }

  showCursor(i) {
    if (!this.cursorRect) return;
    if (i < 0 || !this.columns[i]) {
      this.cursorRect.setAttribute('visibility', 'hidden');
      return;
    }
    const c = this.columns[i];
    this.cursorRect.setAttribute('x', c.x - 1);
    this.cursorRect.setAttribute('width', Math.max(3, c.band + 1));
    this.cursorRect.setAttribute('visibility', 'visible');
  }
}

// world-atlas geometries carry ISO numeric ids (and names); the store uses ISO alpha-3.
export function countryIndex(countries) {
  const byNumeric = new Map(), byName = new Map(), byAlpha3 = new Map();
  for (const c of countries) {
    if (c.ccn3) byNumeric.set(c.ccn3, c);
    byName.set(c.name.common, c);
    byAlpha3.set(c.cca3, c);
  }
  return {
    ofGeometry(g) {
      return byNumeric.get(g.id) || byName.get(g.properties && g.properties.name) || null;
    },
    name(alpha3) {
      const c = byAlpha3.get(alpha3);
      return c ? c.name.common : alpha3;
    },
    all: countries,
  };
}

export class WorldMap {
  constructor(container, caption, { onPlace, onCountry }) {
    this.container = container;
    this.caption = caption;
    this.onPlace = onPlace;
    this.onCountry = onCountry;
    this.points = [];
    this.world = null;
    this.svg = el('svg', { class: 'chart map', role: 'img' });
    this.container.replaceChildren(this.svg);
    this.cursor = keyboardCursor(this.svg, caption, {
      items: () => this.points,
      describe: (i) => {
        const p = this.points[i];
        return `${p.name} (${this.countries ? this.countries.name(p.country) : p.country}): ${p.events} events, ` +
          `${p.mentions} mentions, Goldstein total ${fmt.format(p.goldstein)}`;
      },
      show: (i) => this.showCursor(i),
      activate: (i) => this.onPlace(this.points[i]),
    });
  }

  // `topology`: world-atlas countries-110m; `countries`: countryIndex().
  setWorld(features, countries) {
    this.world = features;
    this.countries = countries;
    this.render();
  }

  // `focus`: the ISO alpha-3 code of a country to zoom to ('' for the whole world).
  update(points, focus = '') {
    this.points = points;
    this.focus = focus;
    this.cursor.reset();
    this.render();
  }

  render() {
    const svg = this.svg;
    svg.replaceChildren();
    const width = Math.max(300, this.container.clientWidth);
    const height = Math.round(Math.min(360, width * 0.52));
    svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
    svg.setAttribute('width', width);
    svg.setAttribute('height', height);
    const totalEvents = this.points.reduce((a, p) => a + p.events, 0);
    svg.setAttribute('aria-label', `World map: ${this.points.length} places, ${totalEvents} events with a place. ` +
      'Arrow keys move between places (most events first), Enter shows their events.');
    // The whole world, or the country the events are filtered to (with room around it).
    const focused = this.focus && this.world &&
      this.world.find((f) => { const c = this.countries.ofGeometry(f); return c && c.cca3 === this.focus; });
    const projection = geoNaturalEarth1();
    if (focused) {
      // At most 5 times the world's scale: small countries stay among their neighbours.
      const world = geoNaturalEarth1().fitExtent([[4, 4], [width - 4, height - 4]], { type: 'Sphere' }).scale();
      const pad = Math.min(width, height) * 0.18;
      projection.fitExtent([[pad, pad], [width - pad, height - pad]], focused);
      if (projection.scale() > 5 * world) {
        projection.scale(5 * world);
        const [[x0, y0], [x1, y1]] = geoPath(projection).bounds(focused);
        const [tx, ty] = projection.translate();
        projection.translate([tx + width / 2 - (x0 + x1) / 2, ty + height / 2 - (y0 + y1) / 2]);
      }
    } else {
      projection.fitExtent([[4, 4], [width - 4, height - 4]], { type: 'Sphere' });
    }
    const path = geoPath(projection);
    el('path', { d: path({ type: 'Sphere' }), class: 'sphere' }, svg);
    svg.classList.toggle('zoomed', Boolean(focused));

    // Countries, shaded by the events placed in them.
    const perCountry = new Map();
    for (const p of this.points) perCountry.set(p.country, (perCountry.get(p.country) || 0) + p.events);
    const maxCountry = Math.max(1, ...perCountry.values());
    const land = el('g', { class: 'countries' }, svg);
    if (this.world) {
      for (const f of this.world) {
        const c = this.countries.ofGeometry(f);
        const code = c ? c.cca3 : null;
        const n = (code && perCountry.get(code)) || 0;
        const d = path(f);
        if (!d) continue;
        const node = el('path', { d, class: n ? 'country has-events' : 'country', 'data-country': code || '' }, land);
        if (n) node.style.setProperty('--share', (0.15 + 0.55 * Math.sqrt(n / maxCountry)).toFixed(3));
        const name = c ? c.name.common : (f.properties && f.properties.name) || '';
        title(node, n ? `${name}: ${n} events placed here (click: events in ${name})` : name);
        if (code) node.addEventListener('click', () => this.onCountry(code));
      }
    }

    // Points, sized by events (area), coloured by mean Goldstein weight; small on top.
    const maxEvents = Math.max(1, ...this.points.map((p) => p.events));
    const radius = (n) => 2.5 + 11 * Math.sqrt(n / maxEvents);
    const dots = el('g', { class: 'points' }, svg);
    this.dots = [];
    const order = this.points.map((p, i) => i).sort((a, b) => this.points[b].events - this.points[a].events);
    for (const i of order) {
      const p = this.points[i];
      const xy = projection([p.lon, p.lat]);
      if (!xy) continue;
      const mean = p.goldstein / Math.max(1, p.events);
      const c = el('circle', {
        cx: xy[0].toFixed(1), cy: xy[1].toFixed(1), r: radius(p.events).toFixed(1),
        class: `point ${mean < -0.5 ? 'conflict' : mean > 0.5 ? 'coop' : 'neutral'}`,
        'data-name': p.name, 'data-events': p.events,
      }, dots);
      title(c, `${p.name} (${this.countries ? this.countries.name(p.country) : p.country}): ${p.events} events, ` +
        `Goldstein total ${fmt.format(p.goldstein)}`);
      c.addEventListener('click', (ev) => {
        ev.stopPropagation();
        this.onPlace(p);
      });
      this.dots[i] = c;
    }
    this.cursorRing = el('circle', { class: 'cursor', visibility: 'hidden' }, svg);
    if (!this.points.length) {
      el('text', { x: width / 2, y: height - 12, 'text-anchor': 'middle', class: 'empty' }, svg).textContent =
        'No events with a place match these filters.';
    }
  }

  showCursor(i) {
    const ring = this.cursorRing;
    if (!ring) return;
    const dot = this.dots && this.dots[i];
    if (i < 0 || !dot) {
      ring.setAttribute('visibility', 'hidden');
      return;
    }
    ring.setAttribute('cx', dot.getAttribute('cx'));
    ring.setAttribute('cy', dot.getAttribute('cy'));
    ring.setAttribute('r', Number(dot.getAttribute('r')) + 3);
    ring.setAttribute('visibility', 'visible');
  }
}

// Top dyads on a circle, directed
// edges bent to their right, width by events, colour by mean Goldstein weight.
export class Network {
  constructor(container, caption, { onDyad, onActor }) {
    this.container = container;
    this.caption = caption;
    this.onDyad = onDyad;
    this.onActor = onActor;
    this.rows = [];
    this.svg = el('svg', { class: 'chart network', role: 'img' });
    this.container.replaceChildren(this.svg);
    this.cursor = keyboardCursor(this.svg, caption, {
      items: () => this.rows,
      describe: (i) => {
        const r = this.rows[i];
        return `${r.source} → ${r.target}: ${r.events} events, ${r.mentions} mentions, Goldstein total ${fmt.format(r.goldstein)}`;
      },
      show: (i) => this.showCursor(i),
      activate: (i) => this.onDyad(this.rows[i]),
    });
  }

  update(rows) {
    this.rows = rows;
    this.cursor.reset();
    this.render();
  }

  render() {
    const svg = this.svg;
    svg.replaceChildren();
    const width = Math.max(280, this.container.clientWidth);
    const height = Math.round(Math.min(360, Math.max(260, width * 0.75)));
    svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
    svg.setAttribute('width', width);
    svg.setAttribute('height', height);
    svg.setAttribute('aria-label', `Network of the top ${this.rows.length} dyads (source → target). ` +
      'Arrow keys move between dyads, Enter shows their events.');
    const defs = el('defs', {}, svg);
    for (const kind of ['coop', 'conflict', 'neutral']) {
      const m = el('marker', { id: `arrow-${kind}`, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 9, markerHeight: 9, markerUnits: 'userSpaceOnUse', orient: 'auto' }, defs);
      el('path', { d: 'M0,0 L10,5 L0,10 z', class: `arrow ${kind}` }, m);
    }
    if (!this.rows.length) {
      el('text', { x: width / 2, y: height / 2, 'text-anchor': 'middle', class: 'empty' }, svg).textContent =
        'No dyads (events with a source and a target) match these filters.';
      this.edges = [];
      return;
    }
    const weight = new Map();
    for (const r of this.rows) {
      weight.set(r.source, (weight.get(r.source) || 0) + r.events);
      weight.set(r.target, (weight.get(r.target) || 0) + r.events);
    }
    // Order: from the busiest actor, breadth first along the heaviest edges, so that actors
    // that act on each other sit side by side and few edges cross the circle.
    const links = new Map();
    for (const r of this.rows) {
      for (const [a, b] of [[r.source, r.target], [r.target, r.source]]) {
        if (!links.has(a)) links.set(a, new Map());
        links.get(a).set(b, (links.get(a).get(b) || 0) + r.events);
      }
    }
    const byWeight = [...weight.keys()].sort((a, b) => weight.get(b) - weight.get(a) || a.localeCompare(b));
    const actors = [];
    const placed = new Set();
    for (const start of byWeight) {
      if (placed.has(start)) continue;
      const queue = [start];
      placed.add(start);
      while (queue.length) {
        const a = queue.shift();
        actors.push(a);
        const next = [...links.get(a).entries()].filter(([b]) => !placed.has(b))
          .sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]));
        for (const [b] of next) {
          placed.add(b);
          queue.push(b);
        }
      }
    }
    const cx = width / 2, cy = height / 2;
    const R = Math.max(60, Math.min(width / 2 - 62, height / 2 - 22));
    const at = new Map();
    actors.forEach((a, i) => {
      const angle = (actors.length === 2 ? Math.PI : -Math.PI / 2) + (2 * Math.PI * i) / actors.length;
      at.set(a, { x: cx + R * Math.cos(angle), y: cy + R * Math.sin(angle), angle });
    });
    const maxEdge = Math.max(1, ...this.rows.map((r) => r.events));
    const maxNode = Math.max(1, ...weight.values());
    const nodeR = (a) => 3 + 7 * Math.sqrt(weight.get(a) / maxNode);
    const edges = el('g', { class: 'edges' }, svg);
    this.edges = [];
    this.rows.forEach((r, i) => {
      const a = at.get(r.source), b = at.get(r.target);
      const mean = r.goldstein / Math.max(1, r.events);
      const kind = mean < -0.5 ? 'conflict' : mean > 0.5 ? 'coop' : 'neutral';
      let d;
      if (r.source === r.target) {
        const ox = Math.cos(a.angle) * 24, oy = Math.sin(a.angle) * 24;
        d = `M${a.x},${a.y} C${a.x + ox - oy},${a.y + oy + ox} ${a.x + ox + oy},${a.y + oy - ox} ${a.x},${a.y}`;
      } else {
        // Bend to the right of the direction of travel, so that A → B and B → A are two
        // curves; stop short of the target's node for the arrow head.
        const mx = (a.x + b.x) / 2, my = (a.y + b.y) / 2;
        const qx = mx - (b.y - a.y) * 0.2, qy = my + (b.x - a.x) * 0.2;
        const dx = b.x - qx, dy = b.y - qy, len = Math.hypot(dx, dy) || 1;
        const back = nodeR(r.target) + 2;
        d = `M${a.x.toFixed(1)},${a.y.toFixed(1)} Q${qx.toFixed(1)},${qy.toFixed(1)} ${(b.x - (dx / len) * back).toFixed(1)},${(b.y - (dy / len) * back).toFixed(1)}`;
      }
      const g = el('g', { class: `edge ${kind}`, 'data-source': r.source, 'data-target': r.target, 'data-events': r.events }, edges);
      el('path', { d, class: 'line', 'stroke-width': (1 + 5 * (r.events / maxEdge)).toFixed(1), 'marker-end': `url(#arrow-${kind})` }, g);
      const hit = el('path', { d, class: 'hit' }, g);
      title(hit, `${r.source} → ${r.target}: ${r.events} events, Goldstein total ${fmt.format(r.goldstein)} (click: these events)`);
      hit.addEventListener('click', () => this.onDyad(r));
      this.edges[i] = g;
    });
    const nodes = el('g', { class: 'nodes' }, svg);
    for (const a of actors) {
      const p = at.get(a);
      const g = el('g', { class: 'node', 'data-actor': a }, nodes);
      el('circle', { cx: p.x, cy: p.y, r: nodeR(a) }, g);
      const right = Math.cos(p.angle) >= -0.01;
      const label = el('text', {
        x: p.x + Math.cos(p.angle) * (nodeR(a) + 4),
        y: p.y + Math.sin(p.angle) * (nodeR(a) + 4) + (Math.sin(p.angle) > 0.7 ? 9 : Math.sin(p.angle) < -0.7 ? -1 : 4),
        'text-anchor': Math.abs(Math.cos(p.angle)) < 0.2 ? 'middle' : right ? 'start' : 'end',
      }, g);
      label.textContent = a;
      title(g, `${a}: ${weight.get(a)} events in these dyads (click: events of ${a})`);
      g.addEventListener('click', () => this.onActor(a));
    }
  }

  showCursor(i) {
    if (!this.edges) return;
    this.edges.forEach((g, k) => g && g.classList.toggle('focused', k === i));
  }
}
