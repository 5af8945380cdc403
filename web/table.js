// The event table (one page of /api/events) and the evidence panel (/api/events/ID).

import { QUADS } from './api.js';
import { highlighted } from './highlight.js';
import { count, fmt } from './charts.js';

function h(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') e.className = v;
    else if (k === 'dataset') Object.assign(e.dataset, v);
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) if (c !== null && c !== undefined && c !== false) e.append(c);
  return e;
}

function actorCell(actor) {
  if (!actor) return h('span', { class: 'muted' }, '—');
  return h('span', { class: 'actor' }, h('code', {}, actor.code), actor.text ? h('span', { class: 'actor-text' }, actor.text) : null);
}

function quadBadge(quad) {
  const q = QUADS[quad - 1];
  return h('span', { class: `quad q${quad}`, title: q ? q.name : '' }, q ? q.short : String(quad));
}

function place(location) {
  if (!location) return h('span', { class: 'muted' }, '—');
  return h('span', {}, `${location.name} `, h('span', { class: 'muted' }, location.country || ''));
}

const COLUMNS = [
  { key: 'date', label: 'Date', sort: 'date' },
  { key: 'source', label: 'Source' },
  { key: 'event', label: 'Event' },
  { key: 'target', label: 'Target' },
  { key: 'place', label: 'Place' },
  { key: 'goldstein', label: 'Goldstein', sort: 'goldstein', num: true },
  { key: 'mentions', label: 'Mentions', sort: 'mentions', num: true },
  { key: 'sentence', label: 'Sentence (source, event, target highlighted)' },
];

export class EventTable {
  // onSort(sort), onPage(page), onOpen(storeId, row)
  constructor(table, { onSort, onOpen }) {
    this.table = table;
    this.onSort = onSort;
    this.onOpen = onOpen;
    this.sort = 'date';
    this.thead = h('thead');
    this.tbody = h('tbody');
    table.replaceChildren(h('caption', { class: 'visually-hidden' }, 'Matching events; Enter on a row opens its evidence'), this.thead, this.tbody);
    this.renderHead();
  }

  renderHead() {
    const row = h('tr');
    for (const c of COLUMNS) {
      let ariaSort = null, content = c.label;
      if (c.sort) {
        const asc = this.sort === c.sort, desc = this.sort === `-${c.sort}`;
        ariaSort = asc ? 'ascending' : desc ? 'descending' : 'none';
        const next = asc ? `-${c.sort}` : c.sort;
        content = h('button', {
          type: 'button', class: 'sort', 'data-sort': c.sort,
          'aria-label': `Sort by ${c.label.toLowerCase()}, ${next.startsWith('-') ? 'descending' : 'ascending'}`,
          onclick: () => this.onSort(next),
        }, c.label, h('span', { class: 'sort-arrow', 'aria-hidden': 'true' }, asc ? ' ▲' : desc ? ' ▼' : ' ↕'));
      }
      row.append(h('th', { scope: 'col', class: `col-${c.key}${c.num ? ' num' : ''}`, 'aria-sort': ariaSort }, content));
    }
    this.thead.replaceChildren(row);
  }

  update(result, sort) {
    this.sort = sort;
    this.renderHead();
    const rows = result.events.map((e) => {
      const tr = h('tr', {
        tabindex: '0', class: 'event-row', 'data-store-id': e.store_id,
        'aria-label': `Event ${e.store_id}: ${e.date || 'undated'}, ${e.source ? e.source.code : 'unknown'} ` +
          `${e.plover || e.cameo} ${e.target ? e.target.code : ''}; Enter opens the evidence`,
        onclick: () => this.onOpen(e.store_id, tr),
        onkeydown: (ev) => {
          if (ev.key === 'Enter' || ev.key === ' ') {
            ev.preventDefault();
            this.onOpen(e.store_id, tr);
          } else if (ev.key === 'ArrowDown' && tr.nextElementSibling) {
            ev.preventDefault();
            tr.nextElementSibling.focus();
          } else if (ev.key === 'ArrowUp' && tr.previousElementSibling) {
            ev.preventDefault();
            tr.previousElementSibling.focus();
          }
        },
      },
      h('td', { class: 'col-date' }, e.date || h('span', { class: 'muted' }, 'undated')),
      h('td', { class: 'col-source' }, actorCell(e.source)),
      h('td', { class: 'col-event' }, h('code', { title: 'CAMEO code' }, e.cameo), ' ', h('span', { class: 'plover' }, e.plover || ''), h('br'), quadBadge(e.quad)),
      h('td', { class: 'col-target' }, actorCell(e.target)),
      h('td', { class: 'col-place' }, place(e.location)),
      h('td', { class: 'col-goldstein num' }, fmt.format(e.goldstein)),
      h('td', { class: 'col-mentions num' }, String(e.num_mentions)),
      h('td', { class: 'col-sentence' }, highlighted(document, e.sentence || '', e.spans),
        h('div', { class: 'muted small' }, e.outlet || '', e.article_id ? ` · ${e.article_id}` : '')));
      return tr;
    });
    if (!rows.length) {
      rows.push(h('tr', {}, h('td', { colspan: COLUMNS.length, class: 'empty' }, 'No events match these filters.')));
    }
    this.tbody.replaceChildren(...rows);
  }

  rowOf(storeId) {
    return this.tbody.querySelector(`tr[data-store-id="${storeId}"]`);
  }

  // Marks the row whose evidence is open.
  select(storeId) {
    for (const tr of this.tbody.querySelectorAll('tr.event-row')) {
      const on = tr.dataset.storeId === String(storeId);
      tr.classList.toggle('selected', on);
      if (on) tr.setAttribute('aria-current', 'true');
      else tr.removeAttribute('aria-current');
    }
  }
}

function dl(pairs) {
  const list = h('dl', { class: 'facts' });
  for (const [k, v] of pairs) {
    if (v === null || v === undefined || v === '') continue;
    list.append(h('dt', {}, k), h('dd', {}, v));
  }
  return list;
}

function actorFacts(label, actor) {
  if (!actor) return [label, h('span', { class: 'muted' }, 'none')];
  return [label, h('span', {}, h('code', {}, actor.code), actor.text ? ` “${actor.text}”` : '',
    actor.country ? ` · ${actor.country}` : '', actor.roles && actor.roles.length ? ` · ${actor.roles.join(', ')}` : '')];
}

function locationText(loc) {
  if (!loc) return null;
  const parts = [loc.name, loc.country, loc.adm1 ? `ADM1 ${loc.adm1}` : null, loc.feature,
    loc.lat !== undefined && loc.lat !== null ? `${loc.lat}, ${loc.lon}` : null,
    loc.geonameid ? `GeoNames ${loc.geonameid}` : null];
  return parts.filter(Boolean).join(' · ');
}

function link(url) {
  if (!url) return null;
  // Only web links are made clickable; they open outside the dashboard.
  if (!/^https?:\/\//i.test(url)) return url;
  return h('a', { href: url, target: '_blank', rel: 'noopener noreferrer' }, url);
}

export class EvidencePanel {
  constructor(panel, { onClose }) {
    this.panel = panel;
    this.onClose = onClose;
    this.body = panel.querySelector('.evidence-body');
    this.heading = panel.querySelector('h2');
    panel.querySelector('.close').addEventListener('click', () => this.onClose());
    panel.addEventListener('keydown', (ev) => {
      if (ev.key === 'Escape') {
        ev.preventDefault();
        this.onClose();
      }
    });
  }

  loading(id) {
    this.panel.hidden = false;
    this.panel.dataset.state = 'loading';
    this.panel.dataset.storeId = id;
    this.heading.textContent = `Event ${id}`;
    this.body.replaceChildren(h('p', { class: 'muted' }, 'Loading…'));
  }

  error(id, message) {
    this.panel.hidden = false;
    this.panel.dataset.state = 'error';
    this.heading.textContent = `Event ${id}`;
    this.body.replaceChildren(h('p', { class: 'error', role: 'alert' }, message));
  }

  show(e) {
    this.panel.hidden = false;
    this.heading.textContent = `Event ${e.store_id}: ${e.source ? e.source.code : '?'} ${e.plover || e.cameo} ${e.target ? e.target.code : ''}`;
    const q = QUADS[e.quad - 1];
    const facts = dl([
      ['Date', e.date || 'undated'],
      ['CAMEO', h('span', {}, h('code', {}, e.cameo), ` (root ${e.root_code})`)],
      ['PLOVER', [e.plover, e.plover_mode].filter(Boolean).join(' · ')],
      ['Quad class', q ? `${e.quad} · ${q.name}` : String(e.quad)],
      ['Goldstein', fmt.format(e.goldstein)],
      actorFacts('Source', e.source),
      actorFacts('Target', e.target),
      ['Place', locationText(e.location)],
      ['Counted', `${count(e.num_mentions, 'mention')} in ${count(e.num_articles, 'article')} from ${count(e.num_sources, 'outlet')}${e.is_root ? '; in an article’s lead' : ''}`],
    ]);
    const reports = (e.reports || []).map((r, i) => h('li', { class: 'report', 'data-article-id': r.article_id },
      h('h3', {}, `${i === 0 ? 'First report' : `Report ${i + 1}`}: `, r.title || r.article_id),
      h('p', { class: 'muted small' }, [r.outlet, r.published, r.article_id].filter(Boolean).join(' · ')),
      h('blockquote', {}, highlighted(document, r.sentence || '', r.spans, ['source', 'trigger', 'target', 'date', 'location'])),
      dl([
        ['Event rule', h('code', {}, r.rule || '')],
        ['Source rule', r.source_rule ? h('code', {}, r.source_rule) : null],
        ['Target rule', r.target_rule ? h('code', {}, r.target_rule) : null],
        ['Confidence', r.confidence !== undefined && r.confidence !== null ? fmt.format(r.confidence) : null],
        ['Date from', r.date_text ? `“${r.date_text}”` : null],
        ['Place', locationText(r.location)],
        ['Sentence', `sentence ${r.sentence_index} of the article, from byte ${r.sentence_begin}`],
        ['Article', link(r.url)],
      ])));
    this.body.replaceChildren(
      h('p', { class: 'legend' }, 'Highlighted: ', h('mark', { class: 'hl-source' }, 'source'), ' ',
        h('mark', { class: 'hl-trigger' }, 'event'), ' ', h('mark', { class: 'hl-target' }, 'target'), ' ',
        h('mark', { class: 'hl-date' }, 'date'), ' ', h('mark', { class: 'hl-location' }, 'place')),
      facts,
      h('h3', { class: 'reports-title' }, `Reports (${(e.reports || []).length})`),
      h('ol', { class: 'reports' }, reports));
    this.panel.dataset.state = 'ready';
    this.panel.dataset.storeId = e.store_id;
  }

  hide() {
    this.panel.hidden = true;
    this.panel.dataset.state = 'closed';
    delete this.panel.dataset.storeId;
  }
}
