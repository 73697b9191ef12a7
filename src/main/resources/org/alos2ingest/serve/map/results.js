// The results: a list beside footprints on the map (hovering either highlights both, clicking
// selects), and the selected item's browse image, tile layers, key metadata and downloads.

const FOOTPRINT = { color: '#3d6fb6', weight: 1.5, fillOpacity: 0.08 };
const HOVER = { color: '#e66100', weight: 3, fillOpacity: 0.2 };
const SELECTED = { color: '#d7301f', weight: 2.5, fillOpacity: 0 };

const FIELDS = [
  ['Date (UTC)', (p) => p.datetime || [p.start_datetime, p.end_datetime].filter(Boolean).join(' – ')],
  ['Start – end', (p) => (p.start_datetime && p.end_datetime ? p.start_datetime + ' – ' + p.end_datetime : '')],
  ['Level', (p) => p['processing:level']],
  ['Mode', (p) => p['sar:instrument_mode']],
  ['Polarisations', (p) => (p['sar:polarizations'] || []).join(', ')],
  ['Orbit direction', (p) => p['sat:orbit_state']],
  ['Path / frame', (p) => join(p['sat:relative_orbit'], p['alos2:frame'], ' / ')],
  ['Absolute orbit', (p) => p['sat:absolute_orbit']],
  ['Looking', (p) => p['sar:observation_direction']],
  ['Off-nadir angle', (p) => p['view:off_nadir']],
  ['Incidence angle', (p) => p['view:incidence_angle']],
  ['Pixel spacing (m)', (p) => join(p['sar:pixel_spacing_range'], p['sar:pixel_spacing_azimuth'], ' × ')],
  ['Platform', (p) => join(p.platform, (p.instruments || []).join(', '), ' / ')],
  ['Scene', (p) => p['alos2:scene_id']],
];

export class ResultsView {
  /** `state` is where a test (or a curious user) reads back what the page did. */
  constructor(map, control, state, onSelect) {
    this.map = map;
    this.control = control;
    this.state = state;
    this.onSelect = onSelect;
    this.list = document.getElementById('results');
    this.footprints = L.featureGroup().addTo(map);
    this.entries = new Map(); // id -> {item, li, layer}
    this.selectedLayers = [];
    this.selectedId = null;
  }

  show(items) {
    this.deselect();
    this.footprints.clearLayers();
    this.entries.clear();
    this.list.textContent = '';
    for (const item of items) {
      const li = document.createElement('li');
      const b = document.createElement('button');
      b.type = 'button';
      b.dataset.id = item.id;
      const p = item.properties || {};
      const title = document.createElement('div');
      title.className = 'id';
      title.textContent = item.id;
      const sub = document.createElement('div');
      sub.className = 'sub';
      sub.textContent = [String(p.datetime || p.start_datetime || '').slice(0, 19).replace('T', ' '), p['processing:level'],
        p['sar:instrument_mode'], (p['sar:polarizations'] || []).join('+'), p['sat:orbit_state'],
        join('path ' + (p['sat:relative_orbit'] ?? '?'), p['alos2:frame'] != null ? 'frame ' + p['alos2:frame'] : '', ' ')]
        .filter(Boolean).join(' · ');
      b.append(title, sub);
      b.setAttribute('aria-pressed', 'false');
      li.appendChild(b);
      this.list.appendChild(li);
      let layer = null;
      if (item.geometry) {
        layer = L.geoJSON(item.geometry, { style: FOOTPRINT });
        layer.bindTooltip(item.id, { sticky: true });
        layer.on('mouseover', () => this.hover(item.id, true));
        layer.on('mouseout', () => this.hover(item.id, false));
        layer.on('click', () => this.select(item.id, false));
        this.footprints.addLayer(layer);
      }
      b.addEventListener('mouseenter', () => this.hover(item.id, true));
      b.addEventListener('mouseleave', () => this.hover(item.id, false));
      b.addEventListener('focus', () => this.hover(item.id, true));
      b.addEventListener('blur', () => this.hover(item.id, false));
      b.addEventListener('click', () => this.select(item.id, true));
      this.entries.set(item.id, { item, li, layer, button: b });
    }
  }

  bounds() {
    return this.footprints.getLayers().length ? this.footprints.getBounds() : null;
  }

  hover(id, on) {
    const e = this.entries.get(id);
    if (!e) return;
    e.li.classList.toggle('hover', on);
    this.state.hovered = on ? id : null;
    if (e.layer) {
      e.layer.setStyle(on ? HOVER : id === this.selectedId ? SELECTED : FOOTPRINT);
      if (on) e.layer.bringToFront();
    }
  }

  /** Selects an item: its browse image and tile layers on the map, its metadata and downloads beside. */
  select(id, fit) {
    const e = this.entries.get(id);
    if (!e) return false;
    this.deselect();
    this.selectedId = id;
    e.li.classList.add('selected');
    e.button.setAttribute('aria-pressed', 'true');
    if (e.layer) e.layer.setStyle(SELECTED);
    const item = e.item;
    const bounds = itemBounds(item);
    const tiles = this.state.tiles = { requested: 0, loaded: 0, failed: [], layers: 0, ready: 0 };
    const browse = pickBrowse(item);
    if (browse && bounds) {
      const overlay = L.imageOverlay(browse.href, bounds, { opacity: 0.85, alt: 'browse image of ' + item.id });
      this.state.browse = { href: browse.href, loaded: false, failed: false };
      overlay.on('load', () => { this.state.browse.loaded = true; });
      overlay.on('error', () => { this.state.browse.failed = true; });
      this.addOverlay(overlay, 'Browse image', true);
    } else {
      this.state.browse = null;
    }
    const xyz = (item.links || []).filter((l) => l.rel === 'xyz');
    xyz.forEach((link, i) => {
      let loadedZoom = -1;
      const options = { maxZoom: 19, attribution: 'ALOS-2 PALSAR-2 &copy; JAXA' };
      // Leaflet then asks only for tiles within the item: the ones a tile set has.
      if (bounds) options.bounds = bounds;
      // web-map-links gives no zoom range: take one from the link if it has it (or its title says
      // "to zoom N", as alos2-ingest's do), and otherwise learn it from the first missing tile.
      const said = /to zoom (\d+)/.exec(link.title || '');
      const z = link['alos2:max_zoom'] ?? link.maxzoom ?? (said ? Number(said[1]) : undefined);
      if (Number.isInteger(z)) options.maxNativeZoom = z;
      const layer = L.tileLayer(link.href, options);
      layer.on('tileloadstart', () => { tiles.requested++; });
      layer.on('tileload', (ev) => {
        tiles.loaded++;
        loadedZoom = Math.max(loadedZoom, ev.coords.z);
      });
      layer.on('tileerror', (ev) => {
        tiles.failed.push(ev.tile && ev.tile.src);
        if (options.maxNativeZoom === undefined && ev.coords.z > loadedZoom && loadedZoom >= 0) {
          layer.options.maxNativeZoom = loadedZoom;
          layer.redraw();
        }
      });
      layer.on('load', () => { tiles.ready++; });
      const shown = i === 0;
      if (shown) tiles.layers++;
      this.addOverlay(layer, 'Tiles: ' + (link.title || 'layer ' + (i + 1)), shown);
    });
    this.details(item);
    if (fit && bounds) this.map.fitBounds(bounds, { padding: [20, 20] });
    else e.li.scrollIntoView({ block: 'nearest' }); // chosen on the map: bring its entry into sight
    if (e.layer) e.layer.bringToFront();
    this.state.selected = id;
    this.onSelect(id);
    return true;
  }

  /** Whether a tile layer of the selection shown on the map still waits for tiles of the current view. */
  tilesLoading() {
    return this.selectedLayers.some((l) => l instanceof L.TileLayer && this.map.hasLayer(l) && l.isLoading());
  }

  addOverlay(layer, name, shown) {
    if (shown) layer.addTo(this.map);
    this.control.addOverlay(layer, name);
    this.selectedLayers.push(layer);
  }

  deselect() {
    for (const l of this.selectedLayers) {
      this.control.removeLayer(l);
      l.remove();
    }
    this.selectedLayers = [];
    const e = this.entries.get(this.selectedId);
    if (e) {
      e.li.classList.remove('selected');
      e.button.setAttribute('aria-pressed', 'false');
      if (e.layer) e.layer.setStyle(FOOTPRINT);
    }
    this.selectedId = null;
    this.state.selected = null;
    document.getElementById('details').hidden = true;
  }

  details(item) {
    const section = document.getElementById('details');
    document.getElementById('details-heading').textContent = item.id;
    const table = document.getElementById('meta');
    table.textContent = '';
    const p = item.properties || {};
    const rows = [['Collection', item.collection], ...FIELDS.map(([k, f]) => [k, f(p)])];
    for (const [k, v] of rows) {
      if (v === undefined || v === null || v === '') continue;
      const tr = table.insertRow();
      tr.insertCell().textContent = k;
      tr.insertCell().textContent = String(v);
    }
    const list = document.getElementById('assets');
    list.textContent = '';
    const assets = Object.entries(item.assets || {});
    // data first, then metadata, then the pictures
    const rank = (a) => ((a.roles || []).includes('data') ? 0 : (a.roles || []).includes('metadata') ? 1 : 2);
    assets.sort((x, y) => rank(x[1]) - rank(y[1]));
    for (const [key, a] of assets) {
      const li = document.createElement('li');
      const link = document.createElement('a');
      link.href = a.href;
      link.textContent = a.title || key;
      if ((a.roles || []).includes('data')) link.setAttribute('download', '');
      li.appendChild(link);
      const what = [a.type, (a.roles || []).join(', ')].filter(Boolean).join('; ');
      if (what) li.append(' (' + what + ')');
      list.appendChild(li);
    }
    section.hidden = false;
  }
}

function pickBrowse(item) {
  const assets = Object.values(item.assets || {});
  const image = (a) => !a.type || a.type.startsWith('image/png') || a.type.startsWith('image/jpeg');
  return assets.find((a) => (a.roles || []).includes('overview') && image(a))
    || assets.find((a) => (a.roles || []).includes('thumbnail') && image(a));
}

/** The item's bbox as Leaflet bounds; a box across the antimeridian continues east past 180°. */
export function itemBounds(item) {
  const b = item.bbox;
  if (b && b.length >= 4) {
    const [w, s, e, n] = b.length === 6 ? [b[0], b[1], b[3], b[4]] : b;
    return L.latLngBounds([s, w], [n, e < w ? e + 360 : e]);
  }
  return item.geometry ? L.geoJSON(item.geometry).getBounds() : null;
}

function join(a, b, sep) {
  const parts = [a, b].filter((v) => v !== undefined && v !== null && v !== '');
  return parts.join(sep);
}
