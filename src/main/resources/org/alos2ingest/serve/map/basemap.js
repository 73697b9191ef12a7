// Base layers: a graticule drawn in the browser (works with no network at all, as the product
// viewer's does) and OpenStreetMap for users online.

const Graticule = L.GridLayer.extend({
  createTile(coords) {
    const tile = document.createElement('canvas');
    const size = this.getTileSize();
    tile.width = size.x;
    tile.height = size.y;
    const ctx = tile.getContext('2d');
    ctx.fillStyle = '#e9eef2';
    ctx.fillRect(0, 0, size.x, size.y);
    const map = this._map;
    const nw = map.unproject(coords.scaleBy(size), coords.z);
    const se = map.unproject(coords.add([1, 1]).scaleBy(size), coords.z);
    const span = Math.max(Math.abs(se.lng - nw.lng), 1e-9);
    const steps = [30, 10, 5, 2, 1, 0.5, 0.2, 0.1, 0.05, 0.02, 0.01, 0.005, 0.002, 0.001];
    const step = steps.find((s) => s <= span / 1.5) || steps[steps.length - 1];
    ctx.strokeStyle = '#b9c4ce';
    ctx.fillStyle = '#7d8a96';
    ctx.lineWidth = 1;
    ctx.font = '10px sans-serif';
    for (let v = Math.ceil(nw.lng / step) * step; v <= se.lng; v += step) {
      const x = Math.round((size.x * (v - nw.lng)) / (se.lng - nw.lng)) + 0.5;
      ctx.beginPath(); ctx.moveTo(x, 0); ctx.lineTo(x, size.y); ctx.stroke();
      ctx.fillText(+v.toFixed(3) + '\u00b0', x + 2, 10);
    }
    for (let v = Math.ceil(se.lat / step) * step; v <= nw.lat; v += step) {
      const y = Math.round(map.project([v, nw.lng], coords.z).y - coords.y * size.y) + 0.5;
      ctx.beginPath(); ctx.moveTo(0, y); ctx.lineTo(size.x, y); ctx.stroke();
      ctx.fillText(+v.toFixed(3) + '\u00b0', 2, y - 2);
    }
    return tile;
  },
});

export function baseLayers() {
  return {
    'Graticule (offline)': new Graticule({ attribution: 'graticule (offline)' }),
    'OpenStreetMap (online)': L.tileLayer('https://tile.openstreetmap.org/{z}/{x}/{y}.png', {
      maxZoom: 19,
      attribution: '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors',
    }),
  };
}
