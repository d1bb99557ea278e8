// app.js - Khaldun's web page: a timeline, a map, the events, the
// articles with what was found in them, and a box to code an article.
//
// Only the JSON API of `khaldun serve` (/api/...) is read; text is put in
// the page with textContent, never as HTML. Offsets in the API are UTF-8
// byte offsets into an article's text: byteIndex() maps them to the
// indices of the JavaScript (UTF-16) string.
'use strict';

const QUADS = ['verbal cooperation', 'material cooperation',
               'verbal conflict', 'material conflict'];
const QUAD_COLORS = ['#2b8cbe', '#31a354', '#fd8d3c', '#de2d26'];
const PAGE = 50;

// Pages of events go by keyset cursor: `after` is the "next" the API gave
// with the page before (null: the first page), `back` the cursors of the
// pages before it (Newer pops one); offset only numbers the rows.
const state = { filters: {}, offset: 0, after: null, back: [], next: null,
                stats: null, map: null, markers: null, plot: null };

function $(sel) { return document.querySelector(sel); }

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === 'class') e.className = v;
    else if (k === 'text') e.textContent = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v);
  }
  for (const c of children)
    if (c != null) e.append(c);
  return e;
}

// GET or POST an API path; rejects with the server's error message.
async function api(path, params, init) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {}))
    if (v !== '' && v != null) q.set(k, v);
  const url = path + (q.toString() ? '?' + q : '');
  const r = await fetch(url, init);
  const body = await r.json().catch(() => ({ error: r.statusText }));
  if (!r.ok) throw new Error(body.error || ('HTTP ' + r.status));
  return body;
}

// ---- filters ----------------------------------------------------------

function readFilters() {
  const f = {};
  for (const e of $('#filters').elements)
    if (e.name && e.value.trim()) f[e.name] = e.value.trim();
  if (f.country) f.country = f.country.toUpperCase();
  return f;
}

// The filters live in the URL (#actor=USA&quad=4), so that a view can be
// bookmarked and shared.
function filtersToHash(f) {
  const h = new URLSearchParams(f).toString();
  if (location.hash.slice(1) !== h)
    history.replaceState(null, '', h ? '#' + h : location.pathname);
}

function hashToForm() {
  const h = new URLSearchParams(location.hash.slice(1));
  for (const e of $('#filters').elements)
    if (e.name && h.has(e.name)) e.value = h.get(e.name);
}

async function applyFilters() {
  state.filters = readFilters();
  state.offset = 0;
  state.after = null;
  state.back = [];
  filtersToHash(state.filters);
  const q = new URLSearchParams(state.filters);
  q.set('format', 'csv');
  $('#download').href = 'api/export?' + q;
  q.set('format', 'jsonl');
  q.set('mentions', '1');
  $('#download-jsonl').href = 'api/export?' + q;
  $('#filter-error').textContent = '';
  try {
    await Promise.all([loadEvents(), loadTimeline(), loadPlaces(),
                       loadActors()]);
  } catch (e) {
    $('#filter-error').textContent = e.message;
  }
}

// ---- the timeline (uPlot) ----------------------------------------------

// "2024-01", "2024-01-06", "2024" to seconds since 1970 (UTC).
function periodTime(p) {
  const [y, m, d] = p.split('-').map(Number);
  return Date.UTC(y, (m || 1) - 1, d || 1) / 1000;
}

function choosePeriod() {
  const f = state.filters, s = state.stats || {};
  const a = f.since || s.first_day, b = f.until || s.last_day;
  if (!a || !b) return 'month';
  const days = (periodTime(b.slice(0, 10)) - periodTime(a.slice(0, 10))) /
               86400;
  return days <= 92 ? 'day' : days <= 366 * 8 ? 'month' : 'year';
}

async function loadTimeline() {
  const period = choosePeriod();
  const t = await api('/api/timeline', { ...state.filters, group: 'quad',
                                         period });
  showCapped('#timeline-capped', t);
  const periods = [...new Set(t.rows.map(r => r.period))].sort();
  const index = new Map(periods.map((p, i) => [p, i]));
  const counts = [0, 1, 2, 3].map(() => periods.map(() => 0));
  for (const r of t.rows) {
    const q = Number(r.key);
    if (q >= 1 && q <= 4) counts[q - 1][index.get(r.period)] += r.events;
  }
  // stacked: series q holds quads 1..q; drawn tallest first
  const stacked = counts.map((c, q) =>
    c.map((_, i) => counts.slice(0, q + 1).reduce((s, k) => s + k[i], 0)));
  const xs = periods.map(periodTime);
  const box = $('#timeline');
  box.textContent = '';
  box.dataset.periods = String(periods.length);
  box.dataset.events = String(counts.flat().reduce((a, b) => a + b, 0));
  if (state.plot) { state.plot.destroy(); state.plot = null; }
  if (!periods.length) {
    box.append(el('p', { class: 'muted', text: 'No dated events.' }));
    return;
  }
  const bars = uPlot.paths.bars({ size: [0.7, 40] });
  const series = [{}];
  for (let q = 3; q >= 0; q--)
    series.push({ label: QUADS[q], stroke: QUAD_COLORS[q],
                  fill: QUAD_COLORS[q], paths: bars, points: { show: false },
                  value: (u, v, si, i) => i == null ? '' : counts[q][i] });
  const data = [xs, ...[3, 2, 1, 0].map(q => stacked[q])];
  const fmt = period === 'year' ? '{YYYY}' : period === 'month'
              ? '{MMM} {YYYY}' : '{YYYY}-{MM}-{DD}';
  state.plot = new uPlot({
    width: Math.max(320, box.clientWidth - 8), height: 220,
    tzDate: ts => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'),
    series, scales: { x: { time: true, range: (u, lo, hi) =>
      [lo - 86400 * (period === 'day' ? 1 : 20),
       hi + 86400 * (period === 'day' ? 1 : 20)] } },
    axes: [{ values: (u, ticks) => ticks.map(t =>
               uPlot.fmtDate(fmt)(uPlot.tzDate(new Date(t * 1000),
                                               'Etc/UTC'))) },
           { label: 'events per ' + period }],
    legend: { live: false },
  }, data, box);
}

// With a filter other than dates, the counts are over the last matches
// stored when more match (the API's "capped"): say so by the heading.
function showCapped(id, r) {
  $(id).textContent = r.capped
    ? `(the last ${r.capped.toLocaleString('en')} matches)` : '';
}

// ---- the map (Leaflet, country shapes from world-atlas) --------------

// TopoJSON to GeoJSON features: arcs are delta-encoded and quantized
// (transform), and a ring lists arcs by index (~i: arc i reversed).
function topoFeatures(topo, object) {
  const tf = topo.transform;
  const arcs = topo.arcs.map(arc => {
    let x = 0, y = 0;
    return arc.map(p => {
      if (!tf) return [p[0], p[1]];
      x += p[0]; y += p[1];
      return [x * tf.scale[0] + tf.translate[0],
              y * tf.scale[1] + tf.translate[1]];
    });
  });
  const ring = ids => {
    const pts = [];
    ids.forEach((i, k) => {
      const a = i < 0 ? arcs[~i].slice().reverse() : arcs[i];
      pts.push(...(k ? a.slice(1) : a));
    });
    return pts;
  };
  return topo.objects[object].geometries.map(g => ({
    type: 'Feature', id: g.id, properties: g.properties || {},
    geometry: g.type === 'Polygon'
      ? { type: 'Polygon', coordinates: g.arcs.map(ring) }
      : g.type === 'MultiPolygon'
      ? { type: 'MultiPolygon', coordinates: g.arcs.map(p => p.map(ring)) }
      : null,
  })).filter(f => f.geometry);
}

async function initMap() {
  const map = L.map('map', { attributionControl: false, worldCopyJump: true,
                             minZoom: 1, maxZoom: 10 }).setView([30, 30], 2);
  state.map = map;
  state.markers = L.layerGroup().addTo(map);
  try {
    const topo = await (await fetch('vendor/countries-110m.json')).json();
    const countries = topoFeatures(topo, 'countries');
    L.geoJSON({ type: 'FeatureCollection', features: countries }, {
      style: { color: '#8a8f98', weight: 0.6, fillColor: '#e8e4d8',
               fillOpacity: 1 },
      onEachFeature: (f, layer) => layer.bindTooltip(f.properties.name || '',
                                                     { sticky: true }),
    }).addTo(map);
    $('#map').dataset.countries = String(countries.length);
  } catch (e) {
    $('#map').dataset.countries = '0';
  }
}

async function loadPlaces() {
  const r = await api('/api/places', { ...state.filters, n: 300 });
  showCapped('#map-capped', r);
  state.markers.clearLayers();
  const pts = [];
  for (const p of r.places) {
    const m = L.circleMarker([p.lat, p.lon], {
      radius: 4 + 3 * Math.sqrt(p.events), color: '#7a1f1f', weight: 1,
      fillColor: '#c0392b', fillOpacity: 0.6, className: 'place-marker',
    });
    m.bindTooltip(`${p.name} (${p.country || '?'}): ${p.events} event` +
                  (p.events === 1 ? '' : 's'));
    m.on('click', () => {
      $('#filters').elements.place.value = p.name;
      applyFilters();
    });
    m.addTo(state.markers);
    pts.push([p.lat, p.lon]);
  }
  $('#map').dataset.markers = String(pts.length);
  if (pts.length)
    state.map.fitBounds(L.latLngBounds(pts).pad(0.3), { maxZoom: 6 });
}

// ---- top actors ---------------------------------------------------------

async function loadActors() {
  const r = await api('/api/actors/top', { ...state.filters, n: 10 });
  showCapped('#actors-capped', r);
  const ol = $('#actors');
  ol.textContent = '';
  for (const a of r.actors) {
    const b = el('button', { type: 'button', class: 'link',
                             text: a.key + (a.name ? ' ' + a.name : '') });
    b.addEventListener('click', () => {
      $('#filters').elements.actor.value = a.key;
      applyFilters();
    });
    ol.append(el('li', {}, b, ` ${a.events}`));
  }
}

// ---- the events table --------------------------------------------------

function actorText(a) {
  if (!a) return '';
  return [a.code, a.name].filter(Boolean).join(' ');
}

async function loadEvents() {
  const q = { ...state.filters, limit: PAGE, count: 1 };
  if (state.after) q.after = state.after;
  const r = await api('/api/events', q);
  state.next = r.next;
  const tb = $('#events tbody');
  tb.textContent = '';
  for (const e of r.events) {
    const open = el('button', { type: 'button', class: 'link',
                                text: e.article_id || String(e.article) });
    open.addEventListener('click', () => openArticle(e.article, e.id));
    const tr = el('tr', { 'data-event': String(e.id),
                          class: e.quad ? 'q' + e.quad : '' },
      el('td', { text: e.date || '' }),
      el('td', { text: actorText(e.source) }),
      el('td', { text: actorText(e.target) }),
      el('td', { text: e.cameo || '' }),
      el('td', { text: e.quad ? String(e.quad) : '' }),
      el('td', { text: e.goldstein == null ? '' : e.goldstein.toFixed(1) }),
      el('td', { text: e.plover || '' }),
      el('td', { text: e.place ? e.place.name : '' }),
      el('td', { text: String(e.mentions) }),
      el('td', {}, open));
    tb.append(tr);
  }
  const shown = r.events.length;
  $('#events-count').textContent = r.total != null
    ? `(${r.total}${r.total_capped ? '+' : ''} match)` : '';
  $('#page').textContent = shown
    ? `${state.offset + 1}–${state.offset + shown}` : 'none';
  $('#prev').disabled = state.back.length === 0;
  $('#next').disabled = !r.more || !r.next;
}

// ---- marked text -------------------------------------------------------

// byte offset (UTF-8) -> index in the JS string, for every code point
// boundary of text.
function byteIndex(text) {
  const map = new Map();
  let b = 0, i = 0;
  for (const ch of text) {
    map.set(b, i);
    const c = ch.codePointAt(0);
    b += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
    i += ch.length;
  }
  map.set(b, i);
  return off => {
    if (map.has(off)) return map.get(off);
    // an offset inside a character: the character's start
    while (off > 0 && !map.has(off)) off--;
    return map.get(off) || 0;
  };
}

// The first [start, end) (JS indices) of needle in text[from, to).
function findIn(text, needle, from, to) {
  if (!needle) return null;
  const k = text.slice(from, to).indexOf(needle);
  return k < 0 ? null : [from + k, from + k + needle.length];
}

// Spans to mark, {start, end, cls, title}, in JS string indices.
function collectSpans(doc) {
  const text = doc.text || '';
  const idx = byteIndex(text);
  const spans = [];
  const add = (s, e, cls, title, extra) => {
    if (s != null && e > s) spans.push({ start: s, end: e, cls, title,
                                         ...extra });
  };
  for (const ev of doc.events || []) {
    const s = idx(ev.start), e = idx(ev.end);
    const what = `${ev.source.code || '—'} → ${ev.target.code || '—'}: ` +
                 `CAMEO ${ev.cameo}` + (ev.plover ? ` ${ev.plover}` : '') +
                 (ev.quad ? ` (quad ${ev.quad})` : '');
    add(s, e, 'm-event', what, { event: ev.event });
    // the JSON gives the actors' and the verb's words, not their
    // offsets: they are found within the event's words
    const src = findIn(text, ev.source.text, s, e);
    if (src) add(src[0], src[1], 'm-source', 'source ' +
                 (ev.source.code || ''));
    const tgt = findIn(text, ev.target.text, src ? src[1] : s, e) ||
                findIn(text, ev.target.text, s, e);
    if (tgt) add(tgt[0], tgt[1], 'm-target', 'target ' +
                 (ev.target.code || ''));
    const vb = findIn(text, ev.verb, s, e);
    if (vb) add(vb[0], vb[1], 'm-verb', `verb: CAMEO ${ev.cameo}`);
  }
  for (const q of doc.quotes || []) {
    const s = idx(q.start), e = idx(q.end);
    const who = q.speaker ? (q.speaker.name || q.speaker.text) : null;
    add(s, e, 'm-quote', who ? 'quote of ' + who : 'quote');
    const sent = (doc.sentences || [])[q.sentence];
    if (q.speaker && q.speaker.text && sent) {
      const ss = idx(sent.start), se = idx(sent.end);
      const sp = findIn(text, q.speaker.text, ss, s) ||
                 findIn(text, q.speaker.text, e, se);
      if (sp) add(sp[0], sp[1], 'm-speaker', 'speaker: ' + who);
    }
  }
  for (const d of doc.dates || [])
    add(idx(d.start), idx(d.end), 'm-date', 'date ' + (d.value || ''));
  for (const p of doc.places || [])
    for (const [s, e] of p.mentions || [])
      add(idx(s), idx(e), 'm-place', `${p.name} (${p.country || '?'})`);
  for (const en of doc.entities || []) {
    if (en.type === 'PLACE') continue;   // marked as places
    for (const [s, e] of en.mentions || [])
      add(idx(s), idx(e), 'm-entity', `${en.type}: ${en.name}` +
          (en.code ? ` (${en.code})` : ''));
  }
  return spans;
}

// Renders text with spans as flat segments, each with the classes of
// every span that covers it.
function renderMarked(box, doc, focusEvent) {
  const text = doc.text || '';
  const spans = collectSpans(doc);
  const cuts = new Set([0, text.length]);
  for (const s of spans) { cuts.add(s.start); cuts.add(s.end); }
  const points = [...cuts].sort((a, b) => a - b);
  box.textContent = '';
  box.append(document.getElementById('legend').content.cloneNode(true));
  const body = el('div', { class: 'text' });
  let focus = null;
  for (let k = 0; k + 1 < points.length; k++) {
    const a = points[k], b = points[k + 1];
    const on = spans.filter(s => s.start <= a && s.end >= b);
    const piece = text.slice(a, b);
    if (!on.length) { body.append(piece); continue; }
    const cls = [...new Set(on.map(s => s.cls))];
    if (focusEvent && on.some(s => s.event === focusEvent))
      cls.push('m-focus');
    const span = el('span', { class: cls.join(' '),
                              title: on.map(s => s.title).join('\n') });
    span.textContent = piece;
    if (cls.includes('m-focus') && !focus) focus = span;
    body.append(span);
  }
  box.append(body);
  const list = el('ul', { class: 'found' });
  for (const ev of doc.events || [])
    list.append(el('li', { text:
      `${ev.source.code || '—'} (${ev.source.text || ''}) → ` +
      `${ev.target.code || '—'} (${ev.target.text || ''}): ` +
      `${ev.cameo} ${ev.plover || ''} “${ev.verb || ''}”` +
      (ev.date ? ` on ${ev.date}` : '') +
      (ev.place ? ` at ${ev.place.name}` : '') +
      (ev.in_quote ? ' (in a quote)' : '') }));
  for (const q of doc.quotes || [])
    list.append(el('li', { class: 'quote-item', text:
      `${q.speaker ? (q.speaker.name || q.speaker.text) : 'unknown'}: ` +
      `“${q.text}”` }));
  box.append(el('h3', { text: `${(doc.events || []).length} events, ` +
                        `${(doc.quotes || []).length} quotes, ` +
                        `${(doc.dates || []).length} dates, ` +
                        `${(doc.places || []).length} places` }), list);
  box.dataset.marks = String(spans.length);
  if (focus) focus.scrollIntoView({ block: 'center' });
}

async function openArticle(key, eventId) {
  const panel = $('#article-panel');
  panel.hidden = false;
  try {
    const doc = await api('/api/articles/' + encodeURIComponent(key));
    $('#article-title').textContent = doc.title || doc.id || 'Article';
    $('#article-meta').textContent = [doc.source, doc.dateline, doc.date,
                                      doc.url].filter(Boolean).join(' · ');
    renderMarked($('#article-view'), doc, eventId);
    if (!eventId) panel.scrollIntoView();
  } catch (e) {
    $('#article-view').textContent = e.message;
  }
}

// ---- search -------------------------------------------------------------

async function search(q) {
  $('#search-error').textContent = '';
  const ul = $('#hits');
  ul.textContent = '';
  try {
    const r = await api('/api/search', { q, limit: 20 });
    for (const h of r.hits) {
      const snip = el('p', { class: 'snippet' });
      // matched words come between \u0001 and \u0002
      (h.snippet || '').split(/(\u0001[^\u0002]*\u0002)/).forEach(part => {
        if (part.startsWith('\u0001'))
          snip.append(el('mark', { text: part.slice(1, -1) }));
        else snip.append(part);
      });
      const b = el('button', { type: 'button', class: 'link',
                               text: h.title || h.article_id });
      b.addEventListener('click', () => openArticle(h.article));
      ul.append(el('li', {}, b, ` ${h.source || ''} ${h.date || ''} · ` +
                   `${h.events} events`, snip));
    }
    if (!r.hits.length) ul.append(el('li', { text: 'No article matches.' }));
  } catch (e) {
    $('#search-error').textContent = e.message;
  }
}

// ---- code a pasted article --------------------------------------------

async function codePasted() {
  const text = $('#paste').value;
  $('#code-error').textContent = '';
  $('#code-status').textContent = 'coding…';
  const t0 = performance.now();
  try {
    const doc = await api('/api/code', null, {
      method: 'POST', body: text,
      headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
    $('#code-status').textContent =
      `coded in ${Math.round(performance.now() - t0)} ms`;
    renderMarked($('#coded-view'), doc, null);
  } catch (e) {
    $('#code-status').textContent = '';
    $('#code-error').textContent = e.message;
  }
}

// ---- start ----------------------------------------------------------------

async function start() {
  $('#filters').addEventListener('submit', ev => {
    ev.preventDefault();
    applyFilters();
  });
  $('#reset').addEventListener('click', () => {
    $('#filters').reset();
    applyFilters();
  });
  $('#prev').addEventListener('click', () => {
    if (!state.back.length) return;
    state.after = state.back.pop();
    state.offset = Math.max(0, state.offset - PAGE);
    loadEvents().catch(e => { $('#filter-error').textContent = e.message; });
  });
  $('#next').addEventListener('click', () => {
    if (!state.next) return;
    state.back.push(state.after);
    state.after = state.next;
    state.offset += PAGE;
    loadEvents().catch(e => { $('#filter-error').textContent = e.message; });
  });
  $('#search').addEventListener('submit', ev => {
    ev.preventDefault();
    search(ev.target.elements.q.value);
  });
  $('#code').addEventListener('click', codePasted);
  try {
    const s = await api('/api/stats');
    state.stats = s;
    $('#stats').textContent = `${s.articles} articles, ${s.events} events ` +
      `(${s.mentions} mentions), ${s.quotes} quotes, ${s.places} places` +
      (s.first_day ? `, ${s.first_day} to ${s.last_day}` : '');
  } catch (e) {
    $('#stats').textContent = e.message;
  }
  await initMap();
  hashToForm();
  await applyFilters();
  document.body.dataset.ready = '1';
}

document.addEventListener('DOMContentLoaded', start);
