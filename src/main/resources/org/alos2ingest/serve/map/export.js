// Exports of a search's results: a GeoJSON FeatureCollection of the items, and a shell script of
// curl lines fetching every data asset (resumable, failing on HTTP errors).

export function geojson(items) {
  return JSON.stringify({ type: 'FeatureCollection', features: items }, null, 1);
}

export function downloadScript(items, searchUrl) {
  const lines = ['#!/bin/sh', '# ALOS-2 data of the search ' + searchUrl.replace(/\n/g, ' '), '# ' + items.length + ' item(s)', 'set -e'];
  for (const item of items) {
    for (const [key, a] of Object.entries(item.assets || {})) {
      if (!(a.roles || []).includes('data')) continue;
      const name = fileName(a.href) || item.id + '-' + key;
      lines.push(`curl -fL --retry 3 -C - -o ${quote(name)} ${quote(a.href)}`);
    }
  }
  return lines.join('\n') + '\n';
}

/** Offers text as a file download. */
export function save(text, name, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

function fileName(href) {
  try {
    const last = new URL(href).pathname.split('/').pop();
    return decodeURIComponent(last).replace(/[^A-Za-z0-9._-]/g, '_');
  } catch (e) {
    return '';
  }
}

function quote(s) {
  return "'" + String(s).replace(/'/g, "'\\''") + "'";
}
