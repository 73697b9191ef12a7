// The search area: a rectangle (drag, or click two corners) or a polygon (click its corners;
// double-click, Enter or a click on the first corner closes it; Backspace drops the last corner,
// Escape cancels). The same area can be typed, so the keyboard alone is enough.

const STYLE = { color: '#1a5fb4', weight: 2, fillOpacity: 0.06, dashArray: '6 4' };

export class AreaTool {
  constructor(map, onChange) {
    this.map = map;
    this.onChange = onChange;
    this.layer = null;
    this.area = null; // {bbox: [w,s,e,n]} or {polygon: [[lng,lat],...]} (ring not closed)
    this.mode = null;
    this.handlers = null;
  }

  /** Starts drawing; `kind` is 'rectangle' or 'polygon'. */
  start(kind) {
    this.cancel();
    this.mode = kind;
    const map = this.map;
    map.getContainer().classList.add('drawing');
    map.dragging.disable();
    map.doubleClickZoom.disable();
    L.DomUtil.disableTextSelection(); // a drag across the map would otherwise select the page's text
    const points = [];
    let rubber = null;
    let downAt = null;
    const show = (latlngs) => {
      if (rubber) rubber.remove();
      rubber = kind === 'rectangle' ? L.rectangle(L.latLngBounds(latlngs), STYLE) : L.polyline(latlngs, STYLE);
      rubber.addTo(map);
    };
    const finish = () => {
      if (rubber) rubber.remove();
      this.stop();
      if (kind === 'rectangle') this.setBbox(boxOf(points[0], points[1]));
      else this.setPolygon(points.map((p) => [p.lng, p.lat]));
    };
    this.handlers = {
      mousedown: (e) => {
        L.DomEvent.preventDefault(e.originalEvent);
        downAt = e.containerPoint;
        if (kind === 'rectangle' && points.length === 0) points.push(e.latlng);
      },
      mouseup: (e) => {
        if (kind !== 'rectangle' || !points.length) return;
        const moved = downAt && downAt.distanceTo(e.containerPoint) > 4;
        if (moved || points.length === 1 && this.secondClick) {
          points[1] = e.latlng;
          finish();
        } else {
          this.secondClick = true; // a click, not a drag: the next click is the other corner
        }
      },
      click: (e) => {
        if (kind !== 'polygon') return;
        const first = points.length ? map.latLngToContainerPoint(points[0]) : null;
        if (points.length >= 3 && first.distanceTo(e.containerPoint) < 8) return finish();
        // the two clicks of the closing double-click land on one spot: one corner
        const last = points.length ? map.latLngToContainerPoint(points[points.length - 1]) : null;
        if (last && last.distanceTo(e.containerPoint) < 4) return;
        points.push(e.latlng);
        show(points);
      },
      dblclick: () => {
        if (kind === 'polygon' && points.length >= 3) finish();
      },
      mousemove: (e) => {
        if (points.length) show(kind === 'rectangle' ? [points[0], e.latlng] : [...points, e.latlng]);
      },
    };
    this.keys = (e) => {
      if (e.key === 'Escape') {
        if (rubber) rubber.remove();
        this.stop();
        this.onChange(this.area, 'cancelled');
      } else if (e.key === 'Enter' && kind === 'polygon' && points.length >= 3) {
        finish();
      } else if (e.key === 'Backspace' && kind === 'polygon' && points.length) {
        points.pop();
        show(points);
      }
    };
    this.secondClick = false;
    map.on(this.handlers);
    document.addEventListener('keydown', this.keys);
  }

  cancel() {
    if (this.mode) this.stop();
  }

  stop() {
    this.map.off(this.handlers);
    document.removeEventListener('keydown', this.keys);
    this.map.getContainer().classList.remove('drawing');
    this.map.dragging.enable();
    this.map.doubleClickZoom.enable();
    L.DomUtil.enableTextSelection();
    this.mode = null;
  }

  /** `why` tells the listener whether a user drew the area ('drawn') or it was typed or restored. */
  setBbox(b, why = 'drawn') {
    this.area = { bbox: b.map(round) };
    this.redraw(why);
  }

  setPolygon(ring, why = 'drawn') {
    this.area = { polygon: ring.map((p) => [round(wrap(p[0])), round(p[1])]) };
    this.redraw(why);
  }

  set(area, why) {
    if (!area) this.clear(why);
    else if (area.bbox) this.setBbox(area.bbox, why);
    else this.setPolygon(area.polygon, why);
  }

  clear(why = 'cleared') {
    this.area = null;
    this.redraw(why);
  }

  redraw(why) {
    if (this.layer) this.layer.remove();
    this.layer = null;
    if (this.area && this.area.bbox) {
      const [w, s, e, n] = this.area.bbox;
      // A box across the antimeridian (w > e) is drawn continuing east past 180°.
      this.layer = L.rectangle([[s, w], [n, e < w ? e + 360 : e]], { ...STYLE, interactive: false }).addTo(this.map);
    } else if (this.area && this.area.polygon) {
      this.layer = L.polygon(this.area.polygon.map((p) => [p[1], p[0]]), { ...STYLE, interactive: false }).addTo(this.map);
    }
    this.onChange(this.area, why);
  }

  /** The area as STAC search criteria: bbox, or intersects for a polygon. */
  criteria() {
    if (!this.area) return {};
    if (this.area.bbox) return { bbox: this.area.bbox };
    const ring = this.area.polygon.slice();
    ring.push(ring[0]);
    return { intersects: { type: 'Polygon', coordinates: [ring] } };
  }

  /** The area as text: "w,s,e,n", or "lng lat, lng lat, ..." for a polygon. */
  text() {
    if (!this.area) return '';
    if (this.area.bbox) return this.area.bbox.join(',');
    return this.area.polygon.map((p) => p[0] + ' ' + p[1]).join(', ');
  }

  /** Reads typed text back: null if empty, an error message string if malformed. */
  parse(text) {
    const t = text.trim();
    if (!t) return null;
    if (/^[-+\d.eE]+(\s*,\s*[-+\d.eE]+){3}$/.test(t)) {
      const b = t.split(',').map(Number);
      if (b.some((v) => !Number.isFinite(v)) || b[1] > b[3] || Math.abs(b[1]) > 90 || Math.abs(b[3]) > 90 || Math.abs(b[0]) > 180 || Math.abs(b[2]) > 180) {
        return 'expected west,south,east,north in degrees (south ≤ north; west > east crosses the antimeridian)';
      }
      return { bbox: b };
    }
    const pts = t.split(',').map((p) => p.trim().split(/\s+/).map(Number));
    if (pts.length < 3 || pts.some((p) => p.length !== 2 || p.some((v) => !Number.isFinite(v)) || Math.abs(p[1]) > 90)) {
      return 'expected west,south,east,north, or at least three "longitude latitude" corners separated by commas';
    }
    const last = pts[pts.length - 1];
    if (pts.length > 3 && last[0] === pts[0][0] && last[1] === pts[0][1]) pts.pop();
    return { polygon: pts };
  }
}

function boxOf(a, b) {
  let w = Math.min(a.lng, b.lng);
  let e = Math.max(a.lng, b.lng);
  if (e - w >= 360) return [-180, Math.min(a.lat, b.lat), 180, Math.max(a.lat, b.lat)];
  return [wrap(w), Math.max(-90, Math.min(a.lat, b.lat)), wrap(e), Math.min(90, Math.max(a.lat, b.lat))];
}

function wrap(lng) {
  if (lng === 180) return 180;
  return ((((lng + 180) % 360) + 360) % 360) - 180;
}

function round(v) {
  return Math.round(v * 1e5) / 1e5;
}
