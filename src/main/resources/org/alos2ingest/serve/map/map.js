// The search map: an area, dates and facets become one STAC API item search; its pages are
// listed beside their footprints; the URL keeps the search so that a link reproduces it.
import { StacApi, FACETS } from './stac.js';
import { AreaTool } from './draw.js';
import { ResultsView } from './results.js';
import { baseLayers } from './basemap.js';
import * as exporter from './export.js';

const EXPORT_CAP = 10000;
const $ = (id) => document.getElementById(id);

// What a test (or a curious user) can read back; `searches` counts the answers shown.
const state = (window.alos2Map = { ready: false, searching: false, error: null, ids: [], matched: null, page: 0, searches: 0,
  tiles: null, browse: null, selected: null, hovered: null, request: null });

const map = L.map('map', { minZoom: 1, maxZoom: 19, worldCopyJump: true, keyboard: true }).setView([20, 0], 2);
state.map = map;
const bases = baseLayers();
bases['Graticule (offline)'].addTo(map);
const control = L.control.layers(bases, {}, { collapsed: true }).addTo(map);
L.control.scale().addTo(map);

const url = new URLSearchParams(location.search);
const api = new StacApi(url.get('api') || new URL('../', location.href).href);
const results = new ResultsView(map, control, state, () => writeUrl());
const area = new AreaTool(map, areaChanged);
state.tilesLoading = () => results.tilesLoading();
let pages = []; // the pages walked so far: pages[n - 1] is page n
let criteria = null;

function areaChanged(a, why) {
  $('area').value = area.text();
  $('area-error').textContent = '';
  for (const b of ['draw-rectangle', 'draw-polygon']) $(b).setAttribute('aria-pressed', 'false');
  $('draw-help').hidden = true;
  if (why === 'drawn') run(1);
}

function startDrawing(kind) {
  const button = $('draw-' + kind);
  if (area.mode === kind) {
    area.cancel();
    areaChanged(area.area, 'cancelled');
    return;
  }
  area.start(kind);
  $('draw-rectangle').setAttribute('aria-pressed', String(kind === 'rectangle'));
  $('draw-polygon').setAttribute('aria-pressed', String(kind === 'polygon'));
  const help = $('draw-help');
  help.textContent = kind === 'rectangle'
    ? 'Drag on the map, or click two opposite corners. Escape cancels.'
    : 'Click the corners; double-click, Enter or a click on the first corner closes it. Backspace undoes a corner, Escape cancels.';
  help.hidden = false;
  button.focus();
}

/** The form's facet controls: checkboxes where the API lists the values, else free text. */
function buildFacets(values) {
  const box = $('facets');
  for (const f of FACETS) {
    const div = document.createElement('div');
    div.className = 'facet';
    const known = values[f.name];
    if (known) {
      div.setAttribute('role', 'group');
      div.setAttribute('aria-labelledby', 'facet-' + f.name + '-label');
      const name = document.createElement('span');
      name.id = 'facet-' + f.name + '-label';
      name.textContent = f.label;
      const choices = document.createElement('div');
      choices.className = 'choices';
      choices.id = 'facet-' + f.name;
      known.forEach((v) => addChoice(choices, f.name, v));
      div.append(name, choices);
    } else {
      const label = document.createElement('label');
      label.htmlFor = 'facet-' + f.name;
      label.textContent = f.label;
      const input = document.createElement('input');
      input.type = 'text';
      input.id = 'facet-' + f.name;
      input.name = f.name;
      input.autocomplete = 'off';
      input.placeholder = f.numeric ? 'e.g. 32, 40-45' : 'comma-separated';
      div.append(label, input);
    }
    box.appendChild(div);
  }
  if (!api.filters) {
    // the API claims no filter extension: facets would only earn a 400
    box.disabled = true;
    const note = document.createElement('p');
    note.className = 'help';
    note.textContent = 'This STAC API offers no filtering: area and dates only.';
    box.appendChild(note);
  }
}

function addChoice(choices, name, value) {
  const label = document.createElement('label');
  const box = document.createElement('input');
  box.type = 'checkbox';
  box.name = name;
  box.value = value;
  label.append(box, String(value));
  choices.appendChild(label);
  return box;
}

/** The facet values of the form: strings, and [low, high] pairs for ranges like "40-45". */
function facetValues() {
  const out = {};
  for (const f of FACETS) {
    const el = $('facet-' + f.name);
    if ($('facets').disabled) {
      out[f.name] = [];
    } else if (el.tagName === 'INPUT') {
      out[f.name] = el.value.split(',').map((t) => t.trim()).filter(Boolean)
        .map((t) => (f.numeric && /^\d+\s*-\s*\d+$/.test(t) ? t.split('-').map((x) => x.trim()) : t));
    } else {
      out[f.name] = [...el.querySelectorAll('input:checked')].map((b) => b.value);
    }
  }
  return out;
}

function setFacet(f, text) {
  const el = $('facet-' + f.name);
  if (el.tagName === 'INPUT') {
    el.value = text;
    return;
  }
  for (const v of text.split(',').map((t) => t.trim()).filter(Boolean)) {
    const box = [...el.querySelectorAll('input')].find((b) => b.value === v) || addChoice(el, f.name, v);
    box.checked = true;
  }
}

/** Reads the form into search criteria, or shows what is wrong and returns null. */
function readForm() {
  const typed = area.parse($('area').value);
  if (typeof typed === 'string') {
    $('area-error').textContent = 'Area: ' + typed;
    $('area').focus();
    return null;
  }
  $('area-error').textContent = '';
  if (JSON.stringify(typed) !== JSON.stringify(area.area)) area.set(typed, 'typed');
  const start = $('start').value;
  const end = $('end').value;
  if (start && end && start > end) {
    fail('Dates: "From" is after "To".');
    return null;
  }
  const datetime = start || end ? (start ? start + 'T00:00:00Z' : '..') + '/' + (end ? end + 'T23:59:59Z' : '..') : null;
  return { ...area.criteria(), datetime, facets: facetValues(), limit: Number($('limit').value) };
}

async function run(pageNumber, select) {
  const c = readForm();
  if (!c) return;
  criteria = c;
  state.searching = true;
  state.error = null;
  status('Searching…');
  try {
    pages = [await api.search(c, url.get('method'))];
    while (pages.length < pageNumber) {
      const next = await api.next(pages[pages.length - 1]);
      if (!next) break;
      pages.push(next);
    }
    state.searches++;
    show(select);
  } catch (e) {
    fail(e.message);
  } finally {
    state.searching = false;
  }
}

async function turn(forward) {
  if (forward) {
    state.searching = true;
    try {
      const next = await api.next(pages[pages.length - 1]);
      if (next) pages.push(next);
      state.searches++;
    } catch (e) {
      fail(e.message);
    } finally {
      state.searching = false;
    }
  } else if (pages.length > 1) {
    pages.pop();
  }
  show();
}

function show(select) {
  const page = pages[pages.length - 1];
  const items = page.features;
  state.page = pages.length;
  state.ids = items.map((f) => f.id);
  state.items = items;
  state.request = page.request;
  const matched = page.numberMatched ?? (page.context && page.context.matched);
  state.matched = matched ?? null;
  results.show(items);
  const before = pages.slice(0, -1).reduce((n, p) => n + p.features.length, 0);
  const hasNext = (page.links || []).some((l) => l.rel === 'next');
  const of = matched != null ? ' of ' + matched : hasNext ? '' : ' of ' + (before + items.length);
  status(items.length ? `Items ${before + 1}–${before + items.length}${of}.` : before ? 'No more items.' : 'No items match.');
  $('page-label').textContent = 'page ' + pages.length;
  $('prev').disabled = pages.length < 2;
  $('next').disabled = !hasNext;
  $('export-geojson').disabled = $('export-script').disabled = items.length === 0;
  const b = results.bounds();
  if (select && results.select(select, true)) return writeUrl();
  if (b) map.fitBounds(b, { padding: [20, 20], maxZoom: 10 });
  writeUrl();
}

function status(text) {
  $('status').textContent = text;
  $('status').classList.remove('error');
}

function fail(text) {
  state.error = text;
  $('status').textContent = text;
  $('status').classList.add('error');
}

/** The search into the page's own URL (and the permalink), so that a link reproduces it. */
function writeUrl() {
  const q = new URLSearchParams();
  for (const k of ['api', 'method']) if (url.get(k)) q.set(k, url.get(k));
  if (area.area) q.set(area.area.bbox ? 'bbox' : 'polygon', area.text());
  if ($('start').value) q.set('start', $('start').value);
  if ($('end').value) q.set('end', $('end').value);
  const facets = facetValues();
  for (const f of FACETS) {
    const v = facets[f.name];
    if (v.length) q.set(f.name, v.map((t) => (Array.isArray(t) ? t.join('-') : t)).join(','));
  }
  q.set('limit', $('limit').value);
  if (pages.length > 1) q.set('page', String(pages.length));
  if (results.selectedId) q.set('selected', results.selectedId);
  const href = location.pathname + '?' + q.toString();
  history.replaceState(null, '', href);
  $('permalink').href = href;
}

/** Restores a search from the URL; true when there is one to run. */
function readUrl() {
  let any = false;
  const typed = url.get('bbox') || url.get('polygon');
  if (typed) {
    $('area').value = typed;
    const a = area.parse(typed);
    if (a && typeof a !== 'string') area.set(a, 'restored');
    any = true;
  }
  for (const k of ['start', 'end']) {
    if (url.get(k)) {
      $(k).value = url.get(k);
      any = true;
    }
  }
  for (const f of FACETS) {
    if (url.get(f.name)) {
      setFacet(f, url.get(f.name));
      any = true;
    }
  }
  if (url.get('limit')) {
    const sel = $('limit');
    if (![...sel.options].some((o) => o.value === url.get('limit'))) sel.add(new Option(url.get('limit')));
    sel.value = url.get('limit');
  }
  return any || url.has('page') || url.has('selected');
}

/** Every matching item (up to EXPORT_CAP), walking `next` links with large pages. */
async function allItems() {
  const items = [];
  let page = await api.search({ ...criteria, limit: 1000 }, url.get('method'));
  while (page) {
    items.push(...page.features);
    status(`Exporting: ${items.length} items…`);
    if (items.length >= EXPORT_CAP) break;
    page = await api.next(page);
  }
  return items.slice(0, EXPORT_CAP);
}

async function exportAs(kind) {
  try {
    const items = await allItems();
    if (kind === 'geojson') exporter.save(exporter.geojson(items), 'alos2-search.geojson', 'application/geo+json');
    else exporter.save(exporter.downloadScript(items, location.href), 'alos2-download.sh', 'text/x-shellscript');
    status(`Exported ${items.length} item(s)${items.length >= EXPORT_CAP ? ' (the first ' + EXPORT_CAP + ')' : ''}.`);
  } catch (e) {
    fail('Export failed: ' + e.message);
  }
}
state.exports = { geojson: async () => exporter.geojson(await allItems()), script: async () => exporter.downloadScript(await allItems(), location.href) };

$('search').addEventListener('submit', (e) => {
  e.preventDefault();
  run(1);
});
$('draw-rectangle').addEventListener('click', () => startDrawing('rectangle'));
$('draw-polygon').addEventListener('click', () => startDrawing('polygon'));
$('clear-area').addEventListener('click', () => {
  area.cancel();
  area.clear();
});
$('next').addEventListener('click', () => turn(true));
$('prev').addEventListener('click', () => turn(false));
$('export-geojson').addEventListener('click', () => exportAs('geojson'));
$('export-script').addEventListener('click', () => exportAs('script'));

(async () => {
  try {
    await api.open();
    buildFacets(await api.facetValues());
  } catch (e) {
    buildFacets({});
    fail('STAC API at ' + api.root + ': ' + e.message);
    state.ready = true;
    return;
  }
  if (readUrl()) await run(Number(url.get('page')) || 1, url.get('selected'));
  state.ready = true;
})();
