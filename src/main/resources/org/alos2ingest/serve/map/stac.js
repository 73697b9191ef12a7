// A STAC API client of only what the map needs: the landing page's links, collection summaries,
// queryables, item search (GET with CQL2-text or POST with CQL2-JSON) and `next` links. It speaks
// the standard only, so the map works against any STAC API, not just alos2-ingest's.

const QUERYABLES_REL = 'http://www.opengis.net/def/rel/ogc/1.0/queryables';

/** The facets the map offers: the form's name, the STAC property, and how the page shows it. */
export const FACETS = [
  { name: 'level', property: 'processing:level', label: 'Level' },
  { name: 'mode', property: 'sar:instrument_mode', label: 'Mode' },
  { name: 'pol', property: 'sar:polarizations', label: 'Polarisation' },
  { name: 'orbit', property: 'sat:orbit_state', label: 'Orbit direction' },
  { name: 'path', property: 'sat:relative_orbit', label: 'Path', numeric: true },
  { name: 'frame', property: 'alos2:frame', label: 'Frame', numeric: true },
];

export class StacError extends Error {}

export class StacApi {
  constructor(root) {
    this.root = new URL(root, location.href).href.replace(/\/?$/, '/');
    this.landing = null;
    this.queryables = {};
  }

  async open() {
    this.landing = await getJson(this.root);
    const searches = (this.landing.links || []).filter((l) => l.rel === 'search');
    this.searchHref = new URL(searches.length ? searches[0].href : 'search', this.root).href;
    // POST carries polygons of any length; a server that announces only GET gets GET.
    this.canPost = searches.some((l) => (l.method || 'GET').toUpperCase() === 'POST');
    const classes = this.landing.conformsTo || [];
    this.filters = classes.some((c) => /item-search#filter|\/conf\/filter|cql2/.test(c));
    const q = (this.landing.links || []).find((l) => l.rel === QUERYABLES_REL);
    try {
      const doc = await getJson(new URL(q ? q.href : 'queryables', this.root).href);
      this.queryables = doc.properties || {};
    } catch (e) {
      this.queryables = {}; // the filter extension is optional; facets then fall back to free text
    }
    return this;
  }

  /** Values each facet can take: the union of the collections' summaries, else the queryables' enums. */
  async facetValues() {
    const values = {};
    let collections = [];
    try {
      const data = (this.landing.links || []).find((l) => l.rel === 'data');
      collections = (await getJson(new URL(data ? data.href : 'collections', this.root).href)).collections || [];
    } catch (e) {
      collections = [];
    }
    for (const f of FACETS) {
      const set = new Set();
      for (const c of collections) {
        const s = c.summaries && c.summaries[f.property];
        if (Array.isArray(s)) s.forEach((v) => set.add(v));
      }
      // the values present (summaries) are shorter than every value allowed (the queryable's enum)
      const q = this.queryables[f.property];
      const en = q && (q.enum || (q.items && q.items.enum));
      if (!set.size && en) en.forEach((v) => set.add(v));
      if (set.size && !f.numeric) values[f.name] = [...set].sort();
    }
    return values;
  }

  /** A literal for a property as its queryable types it (frame and path may be numbers or strings). */
  literal(property, text) {
    const q = this.queryables[property] || {};
    const type = q.type || (q.items && q.items.type);
    if (type === 'string') return String(text);
    const n = Number(text);
    return Number.isFinite(n) ? n : String(text);
  }

  /** The first page: {items, next, matched, request}. */
  async search(criteria, method) {
    const usePost = method ? method === 'POST' : this.canPost;
    if (usePost) {
      const body = { limit: criteria.limit };
      if (criteria.bbox) body.bbox = criteria.bbox;
      if (criteria.intersects) body.intersects = criteria.intersects;
      if (criteria.datetime) body.datetime = criteria.datetime;
      const filter = cql2Json(criteria.facets, this);
      if (filter) {
        body.filter = filter;
        body['filter-lang'] = 'cql2-json';
      }
      return this.page({ method: 'POST', href: this.searchHref, body });
    }
    const url = new URL(this.searchHref);
    url.searchParams.set('limit', criteria.limit);
    if (criteria.bbox) url.searchParams.set('bbox', criteria.bbox.join(','));
    if (criteria.intersects) url.searchParams.set('intersects', JSON.stringify(criteria.intersects));
    if (criteria.datetime) url.searchParams.set('datetime', criteria.datetime);
    const filter = cql2Text(criteria.facets, this);
    if (filter) {
      url.searchParams.set('filter', filter);
      url.searchParams.set('filter-lang', 'cql2-text');
    }
    return this.page({ method: 'GET', href: url.href });
  }

  /** Follows a `next` link of a page; POST links carry a body, merged into the last one when asked to. */
  async next(page) {
    const link = (page.links || []).find((l) => l.rel === 'next');
    if (!link) return null;
    const method = (link.method || 'GET').toUpperCase();
    const href = new URL(link.href, page.request.href).href;
    if (method === 'POST') {
      const body = link.merge ? { ...page.request.body, ...(link.body || {}) } : link.body || {};
      return this.page({ method, href, body, headers: link.headers });
    }
    return this.page({ method: 'GET', href, headers: link.headers });
  }

  async page(request) {
    const init = { method: request.method, headers: { Accept: 'application/geo+json, application/json', ...(request.headers || {}) } };
    if (request.method === 'POST') {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(request.body);
    }
    const doc = await fetchJson(request.href, init);
    doc.request = request;
    doc.features = doc.features || [];
    // Hrefs relative to the response are made absolute once, here.
    for (const f of doc.features) absolutise(f, request.href);
    return doc;
  }
}

/** The facets as one CQL2-JSON `and` of `in`/`between` predicates, or null when none is set. */
export function cql2Json(facets, api) {
  const args = [];
  for (const f of FACETS) {
    const v = facets[f.name];
    if (!v || !v.length) continue;
    const prop = { property: f.property };
    const alternatives = [];
    const list = [];
    for (const t of v) {
      if (Array.isArray(t)) alternatives.push({ op: 'between', args: [prop, api.literal(f.property, t[0]), api.literal(f.property, t[1])] });
      else list.push(api.literal(f.property, t));
    }
    // `in` over an array property (polarisations) matches an item holding any of the values.
    if (list.length) alternatives.push({ op: 'in', args: [prop, list] });
    args.push(alternatives.length === 1 ? alternatives[0] : { op: 'or', args: alternatives });
  }
  if (!args.length) return null;
  return args.length === 1 ? args[0] : { op: 'and', args };
}

/** The same filter in CQL2-text. */
export function cql2Text(facets, api) {
  const parts = [];
  for (const f of FACETS) {
    const v = facets[f.name];
    if (!v || !v.length) continue;
    const prop = '"' + f.property + '"';
    const alternatives = [];
    const list = [];
    for (const t of v) {
      if (Array.isArray(t)) alternatives.push(`${prop} BETWEEN ${lit(api.literal(f.property, t[0]))} AND ${lit(api.literal(f.property, t[1]))}`);
      else list.push(lit(api.literal(f.property, t)));
    }
    if (list.length) alternatives.push(`${prop} IN (${list.join(', ')})`);
    parts.push(alternatives.length === 1 ? alternatives[0] : '(' + alternatives.join(' OR ') + ')');
  }
  return parts.length ? parts.join(' AND ') : null;
}

function lit(v) {
  return typeof v === 'number' ? String(v) : "'" + String(v).replace(/'/g, "''") + "'";
}

function absolutise(item, base) {
  const self = (item.links || []).find((l) => l.rel === 'self');
  const itemBase = self ? new URL(self.href, base).href : base;
  for (const a of Object.values(item.assets || {})) a.href = new URL(a.href, itemBase).href;
  for (const l of item.links || []) l.href = absolute(l.href, itemBase);
}

/** Keeps {z}/{x}/{y} templates intact while resolving the rest of an href. */
function absolute(href, base) {
  try {
    return new URL(href, base).href.replace(/%7B/gi, '{').replace(/%7D/gi, '}');
  } catch (e) {
    return href;
  }
}

async function getJson(href) {
  return fetchJson(href, { headers: { Accept: 'application/json' } });
}

async function fetchJson(href, init) {
  let r;
  try {
    r = await fetch(href, init);
  } catch (e) {
    throw new StacError(`${href}: no answer (${e.message})`);
  }
  const text = await r.text();
  let doc;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new StacError(`${href}: HTTP ${r.status}, not JSON`);
  }
  if (!r.ok) {
    // STAC API errors are {code, description}
    throw new StacError(`HTTP ${r.status}: ${doc.description || doc.code || text.slice(0, 200)}`);
  }
  return doc;
}
