// The dashboard in headless Chromium over a store of the bundled sample articles, served by a
// real `dyad serve` on a loopback port.
//
//   node tests/web/dashboard.test.mjs DYAD_BINARY SOURCE_DIR ARTIFACT_DIR
//
// Registered in CTest as web.dashboard (tests/CMakeLists.txt), so scripts/test runs it. It
// needs Debian's chromium and the npm packages of package-lock.json (playwright-core drives
// the browser; no browser is downloaded): scripts/setup installs both, and the test fails,
// saying so, when they are missing. Screenshots go to ARTIFACT_DIR/dashboard-*.png
// (build/<flavour>/test-artifacts/ under ctest).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [dyadBinary, sourceDir, artifactDir] = process.argv.slice(2);
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic'];
const PANELS = ['timeline-panel', 'map-panel', 'network-panel', 'events-panel'];

let work, server, serverLog = '', base, context, page, chromium;
const consoleErrors = [];      // console errors and page errors, with the step they came in
const badResponses = [];       // HTTP answers >= 400 the page got
const foreignRequests = [];    // requests for anything but the test's server
let step = 'start';
let expectedBadResponses = 0;  // answers >= 400 the current step provokes on purpose

async function api(pathAndQuery) {
  const r = await fetch(`${base}${pathAndQuery}`);
  const body = await r.json();
  assert.equal(r.status, 200, `${pathAndQuery}: ${r.status} ${JSON.stringify(body)}`);
  return body;
}

// Waits until every panel shows the page's current view (app.js records it in data-view).
// The world's outlines load once per page, apart from the panels: wait for them too.
async function settled() {
  await page.waitForFunction((ids) => ids.every((id) => {
    const p = document.getElementById(id);
    return p.dataset.state === 'ready' && p.dataset.view === document.body.dataset.view;
  }) && document.querySelector('#map path.country'), PANELS);
}

async function shot(name) {
  const file = path.join(artifactDir, `dashboard-${name}.png`);
  await page.screenshot({ path: file, fullPage: name === 'overview' });
  return file;
}

// What the page shows, read from the DOM.
function shown() {
  return page.evaluate(() => {
    const sum = (sel) => [...document.querySelectorAll(sel)].reduce((a, e) => a + Number(e.dataset.events), 0);
    return {
      url: location.search,
      tableTotal: Number(document.getElementById('events-panel').dataset.total),
      rows: [...document.querySelectorAll('#events tbody tr.event-row')].map((r) => Number(r.dataset.storeId)),
      timelineEvents: sum('#timeline .period'),
      timelineBars: [...document.querySelectorAll('#timeline .period')].filter((p) => Number(p.dataset.events) > 0)
        .map((p) => `${p.dataset.period}:${p.dataset.events}`),
      mapEvents: sum('#map circle.point'),
      mapPoints: document.querySelectorAll('#map circle.point').length,
      countries: document.querySelectorAll('#map path.country').length,
      edges: [...document.querySelectorAll('#network g.edge')].map((e) => `${e.dataset.source}>${e.dataset.target}:${e.dataset.events}`),
    };
  });
}

// What the API says for the same filters.
async function expected(filters) {
  const q = new URLSearchParams(filters).toString();
  const amp = q ? `&${q}` : '';
  const [events, timeline, places, dyads] = await Promise.all([
    api(`/api/events?page_size=25${amp}`), api(`/api/timeline?by=week${amp}`),
    api(`/api/places?limit=2000${amp}`), api(`/api/top/dyads?limit=20${amp}`),
  ]);
  return {
    tableTotal: events.total,
    rows: events.events.map((e) => e.store_id),
    timelineEvents: timeline.periods.reduce((a, p) => a + p.events.reduce((x, y) => x + y, 0), 0),
    timelineBars: timeline.periods.map((p) => [p.period, p.events.reduce((x, y) => x + y, 0)])
      .filter(([, n]) => n > 0).map(([p, n]) => `${p}:${n}`),
    mapEvents: places.points.reduce((a, p) => a + p.events, 0),
    mapPoints: places.points.length,
    edges: dyads.rows.map((r) => `${r.source}>${r.target}:${r.events}`),
  };
}

// The page's view against the API's counts (or against an earlier view, on those counts).
const COMPARED = ['tableTotal', 'rows', 'timelineEvents', 'timelineBars', 'mapEvents', 'mapPoints', 'edges'];
function assertMatches(view, want, what) {
  for (const k of COMPARED) assert.deepEqual(view[k], want[k], `${what}: ${k}`);
}

// The text of each highlighted role in a sentence element, as the page shows it.
function highlights(selector) {
  return page.evaluate((sel) => {
    const root = document.querySelector(sel);
    const out = {};
    for (const role of ['source', 'trigger', 'target']) {
      const marks = [...root.querySelectorAll('mark')].filter((m) => m.dataset.roles.split(' ').includes(role));
      out[role] = marks.length ? marks.map((m) => m.textContent).join('') : null;
    }
    out.text = root.textContent;
    return out;
  }, selector);
}

// The text of a byte span of a UTF-8 sentence, computed apart from the page's code.
function bytesText(sentence, span) {
  if (!span) return null;
  return Buffer.from(sentence, 'utf8').subarray(span[0], span[1]).toString('utf8');
}

before(async () => {
  assert.ok(dyadBinary && sourceDir && artifactDir, 'usage: dashboard.test.mjs DYAD_BINARY SOURCE_DIR ARTIFACT_DIR');
  // playwright-core is pinned at 1.61, the last release that runs on Debian 12's Node.js 18.
  assert.ok(Number(process.versions.node.split('.')[0]) >= 18,
    `playwright-core (package.json) needs Node.js 18 or later; this is ${process.version}`);
  assert.ok(fs.existsSync(CHROMIUM), `${CHROMIUM} is missing: run scripts/setup (Debian package chromium)`);
  const pw = path.join(sourceDir, 'node_modules', 'playwright-core', 'index.mjs');
  assert.ok(fs.existsSync(pw), `${pw} is missing: run scripts/setup (npm packages of package-lock.json)`);
  ({ chromium } = await import(pathToFileURL(pw).href));
  fs.mkdirSync(artifactDir, { recursive: true });
  for (const f of fs.readdirSync(artifactDir)) if (/^dashboard-.*\.png$/.test(f)) fs.rmSync(path.join(artifactDir, f));

  // A store of the sample articles.
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'dyad-web-test-'));
  const db = path.join(work, 'events.db');
  const code = spawnSync(dyadBinary, ['code', path.join(sourceDir, 'data/samples/articles.jsonl'), '--db', db, '-q'],
    { encoding: 'utf8' });
  assert.equal(code.status, 0, `dyad code --db failed: ${code.stderr}`);

  // dyad serve on a free loopback port: --port 0 lets it pick one, and it names its URL on stderr.
  server = spawn(dyadBinary, ['serve', '--db', db, '--host', '127.0.0.1', '--port', '0',
    '--web', path.join(sourceDir, 'web')], { stdio: ['ignore', 'pipe', 'pipe'] });
  base = await new Promise((resolve) => {
    const limit = setTimeout(() => resolve(null), 120_000);  // a bound, should it never start
    const seen = (d) => {
      serverLog += d;
      const m = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(serverLog);
      if (m) {
        clearTimeout(limit);
        resolve(`http://127.0.0.1:${m[1]}`);
      }
    };
    server.stdout.on('data', seen);
    server.stderr.on('data', seen);
    server.once('exit', (code) => {
      clearTimeout(limit);
      serverLog += `\n(exited with ${code})`;
      resolve(null);
    });
  });
  assert.ok(base, `dyad serve did not start: ${serverLog}`);
  const status = await fetch(`${base}/api/status`);
  assert.equal(status.status, 200, `${base}/api/status`);

  const profile = fs.mkdtempSync(path.join(work, 'chromium-profile-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS,
    viewport: { width: 1366, height: 768 }, locale: 'en-US', timezoneId: 'UTC',
  });
  context.setDefaultTimeout(60_000);
  // Nothing may leave the test's server: anything else is recorded and refused.
  await context.route('**/*', (route) => {
    const u = route.request().url();
    if (u.startsWith(`${base}/`) || u.startsWith('data:')) return route.continue();
    foreignRequests.push(u);
    return route.abort();
  });
  page = context.pages()[0] || await context.newPage();
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(`[${step}] ${m.text()}`); });
  page.on('pageerror', (e) => consoleErrors.push(`[${step}] page error: ${e.message}`));
  page.on('response', (r) => {
    if (r.status() >= 400) badResponses.push({ step, url: r.url(), status: r.status() });
  });
  page.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(`${base}/`) && !u.startsWith('data:') && !foreignRequests.includes(u)) foreignRequests.push(u);
  });
});

after(async () => {
  if (context) await context.close();
  if (server && server.exitCode === null) {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
  }
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

test('the dashboard shows the samples in timeline, map, network and table, as the API counts them', async () => {
  step = 'overview';
  await page.goto(`${base}/`);
  await settled();
  await page.waitForSelector('#map path.country');
  const view = await shown();
  const want = await expected({});
  assertMatches(view, want, 'unfiltered');
  assert.ok(want.tableTotal > 50, `the samples give many events (${want.tableTotal})`);
  assert.equal(view.rows.length, 25);
  assert.ok(view.timelineEvents > 0 && view.mapPoints > 0 && view.edges.length > 0);
  assert.ok(view.countries > 150, `country outlines drawn (${view.countries})`);
  const status = await api('/api/status');
  assert.match(await page.textContent('#status'), new RegExp(`${status.events} events`));
  await shot('overview');
});

test('a country filter updates timeline, map, network and table, is kept in the URL and survives reload and Back', async () => {
  step = 'filter';
  // The country of the most frequent actor: it has events, but not all of them.
  const top = await api('/api/top/actors?limit=50');
  const country = top.rows.find((r) => r.country).country;
  const before = await shown();
  await page.selectOption('#f-country', country);
  await page.waitForFunction((c) => new URLSearchParams(location.search).get('country') === c, country);
  await settled();
  const view = await shown();
  const want = await expected({ country });
  assertMatches(view, want, `country=${country}`);
  assert.ok(want.tableTotal > 0 && want.tableTotal < before.tableTotal,
    `the filter narrows the events (${want.tableTotal} of ${before.tableTotal})`);
  assert.ok(view.timelineEvents < before.timelineEvents, 'the timeline changed');
  assert.ok(view.mapEvents < before.mapEvents, 'the map changed');
  assert.notDeepEqual(view.edges, before.edges, 'the network changed');
  await shot('filtered');

  // Reload restores the filter from the URL.
  await page.reload();
  await settled();
  assert.equal(await page.inputValue('#f-country'), country);
  assertMatches(await shown(), want, `country=${country} after reload`);

  // A second filter, then Back and Forward.
  await page.selectOption('#f-quad', '4');
  await page.waitForFunction(() => new URLSearchParams(location.search).get('quad') === '4');
  await settled();
  assertMatches(await shown(), await expected({ country, quad: '4' }), `country=${country}&quad=4`);
  await page.goBack();
  await settled();
  assert.equal(await page.inputValue('#f-quad'), '');
  assertMatches(await shown(), want, `Back to country=${country}`);
  await page.goBack();
  await settled();
  assert.equal(await page.inputValue('#f-country'), '');
  assertMatches(await shown(), before, 'Back to no filter');
});

test('drill-down: a timeline bar, a map point, a country and a dyad edge show the events behind them', async () => {
  step = 'drill-down';
  await page.goto(`${base}/`);
  await settled();

  // The busiest week.
  const bar = await page.evaluate(() => {
    const bars = [...document.querySelectorAll('#timeline .period')];
    const b = bars.reduce((m, x) => (Number(x.dataset.events) > Number(m.dataset.events) ? x : m));
    return { period: b.dataset.period, events: Number(b.dataset.events) };
  });
  await page.click(`#timeline .period[data-period="${bar.period}"] rect.hit`);
  await page.waitForFunction((p) => new URLSearchParams(location.search).get('from') === p, bar.period);
  await settled();
  let view = await shown();
  const q = new URLSearchParams(view.url);
  const sunday = new Date(Date.parse(`${bar.period}T00:00:00Z`) + 6 * 86400e3).toISOString().slice(0, 10);
  assert.equal(q.get('to'), sunday, 'the week runs Monday to Sunday');
  assert.equal(view.tableTotal, bar.events, `the week of ${bar.period}: the table lists the bar's events`);
  assertMatches(view, await expected({ from: bar.period, to: sunday }), 'week drill-down');

  // The map point with the most events.
  await page.click('#reset');
  await settled();
  const point = await page.evaluate(() => {
    const p = [...document.querySelectorAll('#map circle.point')]
      .reduce((m, x) => (Number(x.dataset.events) > Number(m.dataset.events) ? x : m));
    return { name: p.dataset.name, events: Number(p.dataset.events) };
  });
  await page.dispatchEvent(`#map circle.point[data-name="${point.name}"]`, 'click');
  await page.waitForFunction((n) => new URLSearchParams(location.search).get('location') === n, point.name);
  await settled();
  view = await shown();
  assert.equal(view.tableTotal, point.events, `${point.name}: the table lists the point's events`);
  assert.equal(view.mapPoints, 1);
  const locationCountry = new URLSearchParams(view.url).get('location_country');
  assert.match(locationCountry, /^[A-Z]{3}$/);
  assertMatches(view, await expected({ location_country: locationCountry, location: point.name }), 'place drill-down');

  // Its country: removing the place chip leaves the country's events.
  await page.click('#chips [data-filter="location"] button');
  await settled();
  view = await shown();
  assert.equal(new URLSearchParams(view.url).get('location_country'), locationCountry);
  assertMatches(view, await expected({ location_country: locationCountry }), 'country drill-down');
  assert.ok(view.tableTotal >= point.events);

  // Clicking a country on the map.
  await page.click('#reset');
  await settled();
  await page.dispatchEvent(`#map path.country[data-country="${locationCountry}"]`, 'click');
  await page.waitForFunction((c) => new URLSearchParams(location.search).get('location_country') === c, locationCountry);
  await settled();
  assertMatches(await shown(), await expected({ location_country: locationCountry }), 'map country click');

  // The first (busiest) dyad edge.
  await page.click('#reset');
  await settled();
  const edge = await page.evaluate(() => {
    const e = document.querySelector('#network g.edge');
    return { source: e.dataset.source, target: e.dataset.target, events: Number(e.dataset.events) };
  });
  await page.dispatchEvent(`#network g.edge[data-source="${edge.source}"][data-target="${edge.target}"] path.hit`, 'click');
  await page.waitForFunction((e) => {
    const s = new URLSearchParams(location.search);
    return s.get('source') === e.source && s.get('target') === e.target;
  }, edge);
  await settled();
  view = await shown();
  assertMatches(view, await expected({ source: edge.source, target: edge.target }), 'dyad drill-down');
  // Codes are prefixes (as in dyad query), so the dyad's events are at least the edge's.
  assert.ok(view.tableTotal >= edge.events, `${edge.source} → ${edge.target}: ${view.tableTotal} ≥ ${edge.events}`);
  const page1 = await api(`/api/events?source=${edge.source}&target=${edge.target}&page_size=25`);
  for (const e of page1.events) {
    assert.ok(e.source.code.startsWith(edge.source) && e.target.code.startsWith(edge.target));
  }
});

test('the evidence of an event highlights source, trigger and target exactly where the API spans say, in non-ASCII text too', async () => {
  step = 'evidence';
  // An event whose sentence has multi-byte characters before its highlighted spans, so that
  // byte offsets and character offsets differ.
  const all = await api('/api/events?page_size=500');
  const pick = all.events.find((e) => {
    if (!e.target || !e.spans.source || !e.spans.target) return false;
    const first = Math.min(e.spans.source[0], e.spans.trigger[0], e.spans.target[0]);
    return Buffer.from(e.sentence, 'utf8').subarray(0, first).toString('utf8').length < first;
  });
  assert.ok(pick, 'the samples have an event with non-ASCII text before its spans');
  const filters = { from: pick.date, to: pick.date, country: pick.source.country };
  await page.goto(`${base}/?${new URLSearchParams(filters)}`);
  await settled();
  const row = `#events tr.event-row[data-store-id="${pick.store_id}"]`;
  await page.waitForSelector(row);

  // In the table.
  const inTable = await highlights(`${row} .sentence`);
  assert.equal(inTable.text, pick.sentence);
  assert.equal(inTable.source, bytesText(pick.sentence, pick.spans.source));
  assert.equal(inTable.trigger, bytesText(pick.sentence, pick.spans.trigger));
  assert.equal(inTable.target, bytesText(pick.sentence, pick.spans.target));
  assert.equal(inTable.source, pick.source.text, 'the source span is the source text');
  assert.equal(inTable.target, pick.target.text, 'the target span is the target text');

  // In the evidence panel, every report.
  await page.click(`${row} td.col-date`);
  await page.waitForSelector(`#evidence[data-state=ready][data-store-id="${pick.store_id}"]`);
  assert.equal(new URLSearchParams(await page.evaluate(() => location.search)).get('event'), String(pick.store_id));
  const evidence = await api(`/api/events/${pick.store_id}`);
  assert.ok(evidence.reports.length >= 1);
  for (let i = 0; i < evidence.reports.length; i++) {
    const r = evidence.reports[i];
    const got = await highlights(`#evidence li.report:nth-child(${i + 1}) blockquote .sentence`);
    assert.equal(got.text, r.sentence);
    for (const role of ['source', 'trigger', 'target']) {
      assert.equal(got[role], bytesText(r.sentence, r.spans[role]), `report ${i + 1}: ${role}`);
    }
    const text = await page.textContent(`#evidence li.report:nth-child(${i + 1})`);
    assert.ok(text.includes(r.rule), `report ${i + 1} names its rule ${r.rule}`);
    if (r.source_rule) assert.ok(text.includes(r.source_rule), `report ${i + 1} names its source rule`);
    if (r.url) assert.equal(await page.getAttribute(`#evidence li.report:nth-child(${i + 1}) a[href]`, 'href'), r.url);
  }
  assert.ok((await page.textContent('#evidence')).includes(pick.cameo));
  await shot('evidence');

  // Reload keeps it open; Escape closes it.
  await page.reload();
  await page.waitForSelector(`#evidence[data-state=ready][data-store-id="${pick.store_id}"]`);
  await page.keyboard.press('Escape');
  await page.waitForSelector('#evidence', { state: 'hidden' });
  assert.equal(new URLSearchParams(await page.evaluate(() => location.search)).get('event'), null);
});

test('keyboard: Tab reaches the table with a visible focus, Enter opens the evidence, Escape returns; a chart drills down by keys', async () => {
  step = 'keyboard';
  await page.goto(`${base}/`);
  await settled();
  let reached = null;
  const visited = [];
  for (let i = 0; i < 80 && !reached; i++) {
    await page.keyboard.press('Tab');
    const f = await page.evaluate(() => {
      const a = document.activeElement;
      const style = getComputedStyle(a);
      return { tag: a.tagName, id: a.id, cls: a.getAttribute('class') || '', storeId: a.dataset ? a.dataset.storeId : undefined,
        outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
        label: a.labels && a.labels.length ? a.labels[0].textContent : a.getAttribute('aria-label') };
    });
    visited.push(`${f.tag}#${f.id}.${f.cls}`);
    if (f.tag === 'TR' && f.storeId) reached = f;
    // Every stop before the table is a labelled control or a chart.
    else if (['INPUT', 'SELECT'].includes(f.tag)) assert.ok(f.label, `${f.tag}#${f.id} has a label`);
  }
  assert.ok(reached, `Tab reaches a table row; visited ${visited.join(' ')}`);
  assert.ok(reached.outline, 'the focused row shows a focus outline');
  for (const chart of ['svg.timeline', 'svg.map', 'svg.network']) {
    assert.ok(visited.some((v) => v.startsWith('svg#') && v.includes(chart.slice(4))), `Tab stops at the ${chart}`);
  }
  await shot('keyboard');
  await page.keyboard.press('ArrowDown');
  const second = await page.evaluate(() => document.activeElement.dataset.storeId);
  assert.notEqual(second, reached.storeId, 'ArrowDown moves to the next row');
  await page.keyboard.press('Enter');
  await page.waitForSelector(`#evidence[data-state=ready][data-store-id="${second}"]`);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'evidence-title', 'focus moves into the evidence');
  await page.keyboard.press('Escape');
  await page.waitForSelector('#evidence', { state: 'hidden' });
  assert.equal(await page.evaluate(() => document.activeElement.dataset.storeId), second, 'focus returns to the row');

  // The timeline by keys: End goes to the last week (which has events), Enter shows them.
  await page.focus('#timeline svg');
  await page.keyboard.press('End');
  const caption = await page.textContent('#timeline-caption');
  const last = await page.evaluate(() => {
    const bars = [...document.querySelectorAll('#timeline .period')];
    const b = bars[bars.length - 1];
    return { period: b.dataset.period, events: Number(b.dataset.events) };
  });
  assert.ok(caption.includes(last.period), `the caption reads the week under the cursor: ${caption}`);
  await page.keyboard.press('Enter');
  await page.waitForFunction((p) => new URLSearchParams(location.search).get('from') === p, last.period);
  await settled();
  assert.equal((await shown()).tableTotal, last.events);
});

test('a value the API refuses is shown to the user with the server message', async () => {
  step = 'error';
  const r = await fetch(`${base}/api/events?actor=NOT%20A%20CODE`);
  assert.equal(r.status, 400);
  const message = (await r.json()).error;
  await page.goto(`${base}/`);
  await settled();
  expectedBadResponses = 1;
  await page.fill('#f-actor', 'not a code');
  await page.press('#f-actor', 'Enter');
  await page.waitForSelector('#errors:not([hidden])');
  const shownMessage = await page.textContent('#errors');
  assert.ok(shownMessage.includes(message), `the page says "${shownMessage}", the API "${message}"`);
  assert.equal(await page.getAttribute('#f-actor', 'aria-invalid'), 'true');
  await shot('error');
});

test('no console errors, no failed requests but the refused filter, and nothing requested outside 127.0.0.1', () => {
  assert.deepEqual(foreignRequests, []);
  const unexpected = badResponses.filter((b) => !(b.step === 'error' && b.status === 400));
  assert.deepEqual(unexpected, []);
  assert.ok(badResponses.length >= expectedBadResponses, 'the refused filter was answered 400');
  // Chromium logs every 4xx answer as a console error: those of the error step are expected.
  const errors = consoleErrors.filter((e) => !(e.startsWith('[error]') && /status of 400/.test(e)));
  assert.deepEqual(errors, []);
});
