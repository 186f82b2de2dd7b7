// @ts-check
// Proofline evidence portal: a static, offline view of one evidence package. It reads the data that
// data/*.js assigned to PROOFLINE_PORTAL, loads evidence bodies from evidence/NNNN.js on demand, and
// renders with DOM calls only (no HTML strings, no inline code), under the page's strict CSP.
// Routes live in the URL fragment (#/findings?status=fail), so links, Back and bookmarks work from file://.
(function () {
  'use strict';

  const PAGE_ROWS = 100;
  const PRINT_ROWS = 2000;
  const HIGHLIGHT_LIMIT = 400000;
  const STATUS_ORDER = { fail: 0, unknown: 1, manual: 2, not_met: 0, partial: 1, pass: 3, met: 3, inherited: 4, not_applicable: 5, out_of_scope: 6 };
  const SEVERITY_ORDER = { critical: 0, high: 1, medium: 2, low: 3 };

  const data = PROOFLINE_PORTAL;
  const main = /** @type {HTMLElement} */ (document.getElementById('main'));
  if (!data || data.format !== 'proofline-portal') {
    fail('The portal data (data/run.js) did not load. Open index.html from inside the package folder, next to its data/ folder.');
    return;
  }
  const D = data;

  // ---------------------------------------------------------------- model

  /**
   * @typedef {{ id: string, controlId: string, status: string, type: string, resourceId: string, arn: string, account: string,
   *   region: string, reason: string, evidence: (number|string)[], extra: Record<string, unknown> | null, text?: string }} Finding
   * @typedef {{ index: number, id: string, key: string, account: string, region: string, outcome: string, collectedAt: string,
   *   requestId: string, sha256: string, file: string, error: Record<string, unknown> | null, extra: Record<string, unknown> | null }} Evidence
   */

  const T = D.tables;
  /** @type {Evidence[]} */
  const evidence = [];
  for (const chunk of D.evidenceRows)
    for (const r of chunk) {
      const id = /** @type {string} */ (r[0]);
      evidence.push({
        index: evidence.length,
        id,
        key: T.keys[/** @type {number} */ (r[1])],
        account: T.accounts[/** @type {number} */ (r[2])],
        region: T.regions[/** @type {number} */ (r[3])],
        outcome: D.codes.evidenceOutcome[/** @type {number} */ (r[4])],
        collectedAt: /** @type {string} */ (r[5]),
        requestId: r[6] ? String(r[6]) : '',
        sha256: /** @type {string} */ (r[7]),
        file: r[8] ? String(r[8]) : `evidence/records/${id}.json`,
        error: r[9] ? /** @type {Record<string, unknown>} */ (r[9]) : null,
        extra: r[10] ? /** @type {Record<string, unknown>} */ (r[10]) : null,
      });
    }
  /** @type {Finding[]} */
  const findings = [];
  for (const chunk of D.findingRows)
    for (const r of chunk) {
      const controlId = T.controlIds[/** @type {number} */ (r[1])];
      const account = T.accounts[/** @type {number} */ (r[6])];
      const region = T.regions[/** @type {number} */ (r[7])];
      const resourceId = /** @type {string} */ (r[4]);
      findings.push({
        id: r[0] ? String(r[0]) : `${controlId}:${account}:${region}:${resourceId}`,
        controlId,
        status: D.codes.findingStatus[/** @type {number} */ (r[2])],
        type: T.types[/** @type {number} */ (r[3])],
        resourceId,
        arn: r[5] ? String(r[5]) : '',
        account,
        region,
        reason: /** @type {string} */ (r[8]),
        evidence: /** @type {(number|string)[]} */ (r[9]),
        extra: r[10] ? /** @type {Record<string, unknown>} */ (r[10]) : null,
      });
    }
  // The data is decoded: drop the rows so the page holds one copy.
  D.findingRows = [];
  D.evidenceRows = [];

  const controlById = new Map(D.controls.map((c) => [c.id, c]));
  const frameworkById = new Map(D.frameworks.map((f) => [f.id, f]));
  const findingById = new Map(findings.map((f) => [f.id, f]));
  const evidenceById = new Map(evidence.map((e) => [e.id, e]));
  /** @type {Map<string, Finding[]>} */
  const findingsByControl = new Map();
  for (const f of findings) {
    let list = findingsByControl.get(f.controlId);
    if (!list) findingsByControl.set(f.controlId, (list = []));
    list.push(f);
  }
  /** @param {string} fw @param {string} id */
  const requirementKey = (fw, id) => `${fw}\u0000${id}`;
  /** @type {Map<string, PortalRequirement>} */
  const requirementByKey = new Map();
  for (const fw of D.frameworks) for (const r of D.requirements[fw.id] ?? []) requirementByKey.set(requirementKey(fw.id, r.id), r);

  /** @param {string} s */
  const order = (s) => /** @type {Record<string, number>} */ (STATUS_ORDER)[s] ?? 9;
  /** @param {string} s */
  const severityOrder = (s) => /** @type {Record<string, number>} */ (SEVERITY_ORDER)[s] ?? 9;
  /** @param {Finding} f */
  const severityOf = (f) => controlById.get(f.controlId)?.severity ?? '';
  findings.sort(
    (a, b) =>
      order(a.status) - order(b.status) ||
      severityOrder(severityOf(a)) - severityOrder(severityOf(b)) ||
      a.controlId.localeCompare(b.controlId) ||
      a.account.localeCompare(b.account) ||
      a.region.localeCompare(b.region) ||
      a.resourceId.localeCompare(b.resourceId),
  );

  /** Services, accounts, regions present, for the filter menus. */
  const services = [...new Set(D.controls.flatMap((c) => c.services))].sort();
  const accounts = [...new Set([...D.run.scope.accounts, ...findings.map((f) => f.account)])].sort();
  const regions = [...new Set([...D.run.scope.regions, ...findings.map((f) => f.region)])].sort();

  // ---------------------------------------------------------------- DOM helpers

  /**
   * @param {string} tag
   * @param {Record<string, unknown> | null} [props] class, text, on<Event> handlers, anything else as an attribute
   * @param {...(Node | string | number | null | undefined | false | (Node | string | null | undefined | false)[])} children
   * @returns {HTMLElement}
   */
  function h(tag, props, ...children) {
    const el = document.createElement(tag);
    for (const [k, v] of Object.entries(props ?? {})) {
      if (v === undefined || v === null || v === false) continue;
      if (k === 'class') el.className = String(v);
      else if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), /** @type {EventListener} */ (v));
      else el.setAttribute(k, v === true ? '' : String(v));
    }
    append(el, children);
    return el;
  }
  /** @param {Node} el @param {unknown[]} children */
  function append(el, children) {
    for (const c of children.flat()) {
      if (c === null || c === undefined || c === false) continue;
      el.appendChild(typeof c === 'object' ? /** @type {Node} */ (c) : document.createTextNode(String(c)));
    }
  }
  /** @param {string} message */
  function fail(message) {
    main.replaceChildren(h('section', { class: 'card notice notice-error', role: 'alert' }, h('h1', null, 'The portal could not start'), h('p', null, message)));
  }

  /** @param {string[]} segments @param {Record<string, string | undefined>} [params] */
  function href(segments, params) {
    const path = segments.map(encodeURIComponent).join('/');
    const query = new URLSearchParams(Object.entries(params ?? {}).filter((e) => e[1]).map((e) => [e[0], String(e[1])])).toString();
    return `#/${path}${query ? `?${query}` : ''}`;
  }
  /** @param {string[]} segments @param {string | Node | (string | Node)[]} text @param {Record<string, string | undefined>} [params] @param {string} [cls] */
  const link = (segments, text, params, cls) => h('a', { href: href(segments, params), class: cls }, text);

  /** @param {string} iso */
  function utc(iso) {
    if (!iso) return '';
    if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
    const d = new Date(iso);
    return Number.isNaN(d.getTime()) ? iso : `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  }
  /** @param {number} n */
  const num = (n) => n.toLocaleString('en-US');
  /** @param {string} s */
  const cssName = (s) => s.replace(/_/g, '-');

  /** @param {'requirementStatus' | 'controlStatus' | 'findingStatus'} kind @param {string} status */
  function badge(kind, status) {
    return h('span', { class: `badge status-${cssName(status)}` }, D.labels[kind][status] ?? status);
  }
  /** @param {string} severity */
  function severityBadge(severity) {
    return h('span', { class: `severity severity-${severity}` }, D.labels.severity[severity] ?? severity);
  }
  /** @param {string} outcome */
  function outcomeBadge(outcome) {
    const label = { ok: 'OK', not_configured: 'Not configured', error: 'Error' }[outcome] ?? outcome;
    return h('span', { class: `badge outcome-${cssName(outcome)}` }, label);
  }
  /** @param {string} text */
  const code = (text) => h('code', null, text);
  /** A mapping's strength: primary mappings can show a requirement met, supporting ones only inform. @param {{ strength: string }} mapping */
  function strengthTag(mapping) {
    const s = mapping.strength;
    return h('span', { class: `tag tag-${cssName(s)}`, title: s === 'primary' ? 'Primary: passing, it shows the requirement met for the examined scope' : 'Supporting: it informs, it never decides' }, s);
  }

  /** @param {[string, Node | string | null | undefined | false | (Node|string)[]][]} rows */
  function facts(rows) {
    return h('dl', { class: 'facts' }, rows.filter((r) => r[1] !== null && r[1] !== undefined && r[1] !== false && r[1] !== '').map(([k, v]) => h('div', null, h('dt', null, k), h('dd', null, v))));
  }

  /**
   * A column: its header, or [header, class] ('num' right-aligns, 'nowrap' keeps short values on one line).
   * @typedef {string | [string, string]} Column
   */
  /** @param {Column[]} columns */
  const headRow = (columns) => h('thead', null, h('tr', null, columns.map((c) => (typeof c === 'string' ? h('th', { scope: 'col' }, c) : h('th', { scope: 'col', class: c[1] }, c[0])))));
  /** @param {Column[]} columns @param {(Node | string | number | null)[]} cells */
  const bodyRow = (columns, cells) => h('tr', null, cells.map((c, i) => h('td', { class: typeof columns[i] === 'string' ? null : columns[i][1] }, c)));

  /**
   * @param {{ caption: string, headers: Column[], rows: (Node | string | number | null)[][], className?: string }} t
   */
  function table(t) {
    return h(
      'div',
      { class: 'table-wrap' },
      h(
        'table',
        { class: t.className ?? 'data' },
        h('caption', { class: 'visually-hidden' }, t.caption),
        headRow(t.headers),
        h('tbody', null, t.rows.map((r) => bodyRow(t.headers, r))),
      ),
    );
  }

  /** @param {(string | [string[], string, Record<string,string>?])[]} items breadcrumb trail, last is the current page */
  function crumbs(items) {
    return h(
      'nav',
      { class: 'crumbs', 'aria-label': 'Breadcrumb' },
      h('ol', null, items.map((it, i) => h('li', null, typeof it === 'string' ? h('span', { 'aria-current': i === items.length - 1 ? 'page' : null }, it) : link(it[0], it[1], it[2] ?? undefined)))),
    );
  }

  /** A stacked bar of counts by status, with its text equivalent for screen readers. @param {'requirementStatus'|'controlStatus'|'findingStatus'} kind @param {Counts} counts */
  function statusBar(kind, counts) {
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    const parts = Object.entries(counts).filter((e) => e[1] > 0);
    const label = parts.map(([s, n]) => `${D.labels[kind][s] ?? s}: ${n}`).join(', ') || 'none';
    const bar = h('div', { class: 'bar', role: 'img', 'aria-label': label });
    for (const [s, n] of parts) {
      const seg = h('span', { class: `bar-seg status-${cssName(s)}`, title: `${D.labels[kind][s] ?? s}: ${n}` });
      seg.style.width = `${(100 * n) / Math.max(total, 1)}%`; // CSSOM, allowed by the CSP (unlike style attributes)
      bar.appendChild(seg);
    }
    return bar;
  }

  /** Counts as "n label" links. @param {'requirementStatus'|'controlStatus'|'findingStatus'} kind @param {Counts} counts @param {(status: string) => string} target */
  function legend(kind, counts, target) {
    return h(
      'ul',
      { class: 'legend' },
      Object.entries(counts)
        .filter((e) => e[1] > 0)
        .sort((a, b) => order(a[0]) - order(b[0]))
        .map(([s, n]) => h('li', null, h('a', { href: target(s), class: `legend-item status-${cssName(s)}` }, h('span', { class: 'swatch', 'aria-hidden': 'true' }), h('span', { class: 'legend-count' }, num(n)), ` ${D.labels[kind][s] ?? s}`))),
    );
  }

  /** @param {string} title @param {string} [subtitle] */
  function pageHeader(title, subtitle) {
    return h('div', { class: 'page-header' }, h('h1', { tabindex: '-1' }, title), subtitle ? h('p', { class: 'subtitle' }, subtitle) : null);
  }

  // ---------------------------------------------------------------- filters

  /**
   * @typedef {{ value: string, label: string }} Option
   * @typedef {{ name: string, label: string, options: (Option | { group: string, options: Option[] })[] }} Select
   */

  /**
   * A filter form whose changes re-render only its result area and replace the URL (no history entry per keystroke).
   * @param {string[]} route
   * @param {URLSearchParams} params
   * @param {Select[]} selects
   * @param {string} searchLabel
   * @param {(params: URLSearchParams) => Node} results
   * @param {(params: URLSearchParams) => Select[]} [refresh] recompute dependent menus (requirement depends on framework)
   */
  function filtered(route, params, selects, searchLabel, results, refresh) {
    const area = h('div', { class: 'results' });
    const form = h('form', { class: 'filters', role: 'search', 'aria-label': 'Filters', onsubmit: (/** @type {Event} */ e) => e.preventDefault() });
    const draw = () => area.replaceChildren(activeFilters(params, refresh ? refresh(params) : selects), results(params));
    const update = () => {
      history.replaceState(null, '', href(route, Object.fromEntries(params)));
      draw();
    };
    const build = () => {
      const current = refresh ? refresh(params) : selects;
      form.replaceChildren(
        ...current.map((s) => {
          const id = `filter-${s.name}`;
          const select = h('select', {
            id,
            name: s.name,
            onchange: (/** @type {Event} */ e) => {
              const v = /** @type {HTMLSelectElement} */ (e.target).value;
              if (v) params.set(s.name, v);
              else params.delete(s.name);
              if (s.name === 'framework') params.delete('requirement');
              if (refresh) build();
              update();
            },
          });
          select.appendChild(h('option', { value: '' }, 'All'));
          for (const o of s.options) {
            if ('group' in o) select.appendChild(h('optgroup', { label: o.group }, o.options.map((x) => h('option', { value: x.value }, x.label))));
            else select.appendChild(h('option', { value: o.value }, o.label));
          }
          /** @type {HTMLSelectElement} */ (select).value = params.get(s.name) ?? '';
          return h('div', { class: 'field' }, h('label', { for: id }, s.label), select);
        }),
        h(
          'div',
          { class: 'field field-search' },
          h('label', { for: 'filter-q' }, searchLabel),
          (() => {
            /** @type {number | undefined} */
            let timer;
            const input = /** @type {HTMLInputElement} */ (
              h('input', {
                id: 'filter-q',
                type: 'search',
                name: 'q',
                autocomplete: 'off',
                spellcheck: 'false',
                oninput: () => {
                  clearTimeout(timer);
                  timer = window.setTimeout(() => {
                    if (input.value.trim()) params.set('q', input.value.trim());
                    else params.delete('q');
                    update();
                  }, 150);
                },
              })
            );
            input.value = params.get('q') ?? '';
            return input;
          })(),
        ),
        h(
          'div',
          { class: 'field field-reset' },
          h('button', { type: 'button', class: 'button', onclick: () => go(href(route)) }, 'Clear filters'),
        ),
      );
    };
    build();
    draw();
    return h('div', null, form, area);
  }

  /**
   * The filters in force, in words, for the printed page (the form itself is not printed).
   * @param {URLSearchParams} params @param {Select[]} selects
   */
  function activeFilters(params, selects) {
    /** @type {string[]} */
    const parts = [];
    for (const [name, value] of params) {
      const s = selects.find((x) => x.name === name);
      const options = s ? s.options.flatMap((o) => ('group' in o ? o.options : [o])) : [];
      const label = options.find((o) => o.value === value)?.label ?? value;
      parts.push(name === 'q' ? `text “${value}”` : `${s?.label ?? name}: ${label}`);
    }
    return h('p', { class: 'print-only active-filters' }, parts.length ? `Filters: ${parts.join('; ')}.` : 'No filters: everything is listed.');
  }

  /**
   * A count line (announced to screen readers) and a table that grows by PAGE_ROWS.
   * @template T
   * @param {T[]} items @param {string} noun @param {number} total @param {string} caption @param {Column[]} headers @param {(item: T) => (Node|string|number|null)[]} row
   */
  function pagedTable(items, noun, total, caption, headers, row) {
    const status = h('p', { class: 'count', role: 'status', 'aria-live': 'polite' });
    const wrap = h('div');
    const more = h('button', { type: 'button', class: 'button more' });
    let shown = 0;
    const tbody = h('tbody');
    const grid = h(
      'div',
      { class: 'table-wrap' },
      h('table', { class: 'data' }, h('caption', { class: 'visually-hidden' }, caption), headRow(headers), tbody),
    );
    /** @param {number} upTo */
    const showTo = (upTo) => {
      const end = Math.min(items.length, upTo);
      const frag = document.createDocumentFragment();
      for (let i = shown; i < end; i++) frag.appendChild(bodyRow(headers, row(items[i])));
      tbody.appendChild(frag);
      shown = end;
      status.textContent =
        items.length === 0 ? `No ${noun} match these filters (of ${num(total)}).` : `${num(items.length)} of ${num(total)} ${noun}${shown < items.length ? `, showing the first ${num(shown)}` : ''}.`;
      more.textContent = `Show ${num(Math.min(PAGE_ROWS, items.length - shown))} more`;
      more.hidden = shown >= items.length;
    };
    more.addEventListener('click', () => showTo(shown + PAGE_ROWS));
    // Printing shows more than the screen does, within reason.
    wrap.addEventListener('portal:print', () => showTo(PRINT_ROWS));
    wrap.classList.add('printable-list');
    showTo(PAGE_ROWS);
    append(wrap, [status, items.length ? grid : null, more]);
    return wrap;
  }

  // ---------------------------------------------------------------- finding filters

  const findingStatuses = ['fail', 'unknown', 'pass', 'not_applicable'];

  /** @param {URLSearchParams} p */
  function findingSelects(p) {
    const fw = p.get('framework') ?? '';
    const reqOptions = D.frameworks
      .filter((f) => !fw || f.id === fw)
      .map((f) => ({ group: f.short, options: (D.requirements[f.id] ?? []).filter((r) => r.controls.length).map((r) => ({ value: `${f.id}:${r.id}`, label: `${f.short} ${r.id}` })) }));
    return [
      { name: 'framework', label: 'Framework', options: D.frameworks.map((f) => ({ value: f.id, label: f.name })) },
      { name: 'requirement', label: 'Requirement', options: reqOptions },
      { name: 'status', label: 'Status', options: findingStatuses.map((s) => ({ value: s, label: D.labels.findingStatus[s] ?? s })) },
      { name: 'severity', label: 'Severity', options: Object.keys(SEVERITY_ORDER).map((s) => ({ value: s, label: D.labels.severity[s] ?? s })) },
      { name: 'service', label: 'Service', options: services.map((s) => ({ value: s, label: s })) },
      { name: 'account', label: 'Account', options: accounts.map((s) => ({ value: s, label: s })) },
      { name: 'region', label: 'Region', options: regions.map((s) => ({ value: s, label: s })) },
      { name: 'control', label: 'Control', options: D.controls.map((c) => ({ value: c.id, label: c.id })) },
    ];
  }

  /** Control ids allowed by the framework, requirement, service, severity and control filters; null when none apply. @param {URLSearchParams} p */
  function allowedControls(p) {
    const fw = p.get('framework');
    const req = p.get('requirement');
    const service = p.get('service');
    const severity = p.get('severity');
    const control = p.get('control');
    if (!fw && !req && !service && !severity && !control) return null;
    let reqControls = null;
    if (req) {
      const at = req.indexOf(':');
      const r = requirementByKey.get(requirementKey(req.slice(0, at), req.slice(at + 1)));
      reqControls = new Set(r ? r.controls.map((c) => c.id) : []);
    }
    return new Set(
      D.controls
        .filter((c) => (!fw || c.mappings.some((m) => m.framework === fw)) && (!reqControls || reqControls.has(c.id)) && (!service || c.services.includes(service)) && (!severity || c.severity === severity) && (!control || c.id === control))
        .map((c) => c.id),
    );
  }

  /** @param {Finding} f */
  function findingText(f) {
    if (f.text === undefined) f.text = `${f.id} ${f.resourceId} ${f.arn} ${f.type} ${f.reason} ${controlById.get(f.controlId)?.title ?? ''}`.toLowerCase();
    return f.text;
  }

  /** @param {URLSearchParams} p @param {Finding[]} [from] */
  function filterFindings(p, from = findings) {
    const controls = allowedControls(p);
    const status = p.get('status');
    const account = p.get('account');
    const region = p.get('region');
    const words = (p.get('q') ?? '').toLowerCase().split(/\s+/).filter(Boolean);
    return from.filter(
      (f) =>
        (!controls || controls.has(f.controlId)) &&
        (!status || f.status === status) &&
        (!account || f.account === account) &&
        (!region || f.region === region) &&
        (words.length === 0 || words.every((w) => findingText(f).includes(w))),
    );
  }

  /** @param {Finding} f */
  function resourceCell(f) {
    return h('span', { class: 'resource' }, h('span', { class: 'resource-id' }, f.resourceId), h('span', { class: 'resource-type' }, f.type));
  }

  /** @param {Finding[]} list @param {number} total @param {boolean} [withControl] */
  function findingsTable(list, total, withControl = true) {
    return pagedTable(
      list,
      'findings',
      total,
      'Findings',
      ['Status', 'Severity', ...(withControl ? [/** @type {Column} */ (['Control', 'control-col'])] : []), 'Resource', ['Account', 'nowrap'], ['Region', 'nowrap'], 'Reason'],
      (f) => [
        link(['finding', f.id], badge('findingStatus', f.status), undefined, 'badge-link'),
        severityBadge(severityOf(f)),
        ...(withControl ? [link(['control', f.controlId], f.controlId)] : []),
        link(['finding', f.id], resourceCell(f)),
        f.account,
        f.region,
        h('span', { class: 'reason' }, f.reason),
      ],
    );
  }

  // ---------------------------------------------------------------- views

  function overview() {
    const s = D.summary;
    const run = D.run;
    const frameworks = D.frameworks.map((fw) => {
      const counts = /** @type {Record<string, Counts>} */ (s.requirements)[fw.id] ?? {};
      const total = Object.values(counts).reduce((a, b) => a + b, 0);
      return h(
        'section',
        { class: 'card framework-card', 'aria-labelledby': `fw-${fw.id}` },
        h('h3', { id: `fw-${fw.id}` }, link(['requirements'], fw.name, { framework: fw.id })),
        h('p', { class: 'muted' }, `${num(total)} requirements`),
        statusBar('requirementStatus', counts),
        legend('requirementStatus', counts, (st) => href(['requirements'], { framework: fw.id, status: st })),
      );
    });
    const failing = D.controls
      .filter((c) => c.status === 'fail' || c.status === 'unknown')
      .sort((a, b) => order(a.status) - order(b.status) || severityOrder(a.severity) - severityOrder(b.severity) || (b.counts.fail ?? 0) - (a.counts.fail ?? 0) || a.id.localeCompare(b.id))
      .slice(0, 10);
    const ev = s.evidence;
    return [
      pageHeader('Evidence overview', `${run.organization} · evaluated ${utc(run.evaluatedAt)}`),
      h(
        'section',
        { class: 'card', 'aria-labelledby': 'run-heading' },
        h('h2', { id: 'run-heading' }, 'This run'),
        facts([
          ['Run id', code(run.id)],
          ['Evaluated at', utc(run.evaluatedAt)],
          ['Run', `${utc(run.startedAt)} to ${utc(run.finishedAt)}`],
          ['Evidence', h('span', { class: D.scopeView.replay || run.source.kind === 'simulated' ? 'warning-text' : null }, D.scopeView.evidenceOrigin, ' ', link(['scope'], 'Scope and limitations'))],
          ['Collection window', D.scopeView.collectionWindow],
          ['Accounts', run.scope.accounts.join(', ')],
          ['Regions', run.scope.regions.join(', ')],
          ['Frameworks', D.frameworks.map((f) => f.name).join(', ')],
          ['Tool', `${run.tool.name} ${run.tool.version}`],
          ['Catalog digest', code(run.catalogDigest)],
          ['Signed by', [D.signer.subject, D.signer.selfSigned ? h('span', { class: 'warning-text' }, ' (self-signed: compare its fingerprint with the one your organization publishes)') : '']],
          ['Signer fingerprint', code(D.signer.fingerprintSha256)],
        ]),
      ),
      h('h2', { class: 'section-title' }, 'Frameworks'),
      h('div', { class: 'grid grid-3' }, frameworks),
      h('h2', { class: 'section-title' }, 'Controls, findings and evidence'),
      h(
        'div',
        { class: 'grid grid-3' },
        h(
          'section',
          { class: 'card', 'aria-labelledby': 'controls-heading' },
          h('h3', { id: 'controls-heading' }, link(['controls'], 'Controls')),
          h('p', { class: 'big-number' }, num(D.controls.length)),
          statusBar('controlStatus', s.controls),
          legend('controlStatus', s.controls, (st) => href(['controls'], { status: st })),
        ),
        h(
          'section',
          { class: 'card', 'aria-labelledby': 'findings-heading' },
          h('h3', { id: 'findings-heading' }, link(['findings'], 'Findings')),
          h('p', { class: 'big-number' }, num(findings.length)),
          statusBar('findingStatus', s.findings),
          legend('findingStatus', s.findings, (st) => href(['findings'], { status: st })),
          s.acceptedRisk ? h('p', { class: 'muted' }, `${num(s.acceptedRisk)} failing findings are covered by an accepted-risk exception (they still fail).`) : null,
        ),
        h(
          'section',
          { class: 'card', 'aria-labelledby': 'evidence-heading' },
          h('h3', { id: 'evidence-heading' }, link(['evidence'], 'Evidence records')),
          h('p', { class: 'big-number' }, num(ev.records)),
          h(
            'ul',
            { class: 'legend' },
            [
              ['ok', ev.ok, 'answered'],
              ['not_configured', ev.notConfigured, 'not configured'],
              ['error', ev.errors, 'could not be collected'],
            ].map(([outcome, n, words]) =>
              h('li', null, h('a', { href: href(['evidence'], { outcome: String(outcome) }), class: `legend-item outcome-${cssName(String(outcome))}` }, h('span', { class: 'swatch', 'aria-hidden': 'true' }), h('span', { class: 'legend-count' }, num(Number(n))), ` ${words}`)),
            ),
          ),
          h('p', { class: 'muted' }, 'Every call is kept, including the ones that failed: a finding that rests on a failed call is unknown, never a pass.'),
        ),
      ),
      failing.length
        ? h(
            'section',
            { class: 'card', 'aria-labelledby': 'gaps-heading' },
            h('h2', { id: 'gaps-heading' }, 'Top gaps'),
            table({
              caption: 'Failing and unknown controls, most severe first',
              headers: ['Control', 'Severity', 'Status', ['Failing', 'num'], ['Unknown', 'num']],
              rows: failing.map((c) => [h('span', null, link(['control', c.id], c.id), h('span', { class: 'sub' }, c.title)), severityBadge(c.severity), badge('controlStatus', c.status), num(c.counts.fail ?? 0), num(c.counts.unknown ?? 0)]),
            }),
          )
        : null,
    ];
  }

  /** @param {PortalRequirement} r */
  function requirementControlsSummary(r) {
    /** @type {Record<string, number>} */
    const by = {};
    for (const c of r.controls) by[c.status] = (by[c.status] ?? 0) + 1;
    const parts = Object.entries(by).sort((a, b) => order(a[0]) - order(b[0]));
    return parts.length ? parts.map(([s, n]) => `${n} ${(D.labels.controlStatus[s] ?? s).toLowerCase()}`).join(' · ') : '—';
  }

  /** @param {URLSearchParams} params */
  function requirementsView(params) {
    if (!params.get('framework') && D.frameworks.length) params.set('framework', D.frameworks[0].id);
    const statuses = Object.keys(D.labels.requirementStatus);
    const selects = [
      { name: 'framework', label: 'Framework', options: D.frameworks.map((f) => ({ value: f.id, label: f.name })) },
      { name: 'status', label: 'Status', options: statuses.map((s) => ({ value: s, label: D.labels.requirementStatus[s] })) },
    ];
    return [
      pageHeader('Requirements', 'Each framework requirement, its status and the controls behind it.'),
      filtered(['requirements'], params, selects, 'Search requirements', (p) => {
        const fwIds = p.get('framework') ? [p.get('framework') ?? ''] : D.frameworks.map((f) => f.id);
        const status = p.get('status');
        const words = (p.get('q') ?? '').toLowerCase().split(/\s+/).filter(Boolean);
        /** @type {[string, PortalRequirement][]} */
        const all = fwIds.flatMap((fw) => (D.requirements[fw] ?? []).map((r) => /** @type {[string, PortalRequirement]} */ ([fw, r])));
        const list = all.filter(([, r]) => (!status || r.status === status) && words.every((w) => `${r.id} ${r.title} ${r.reason}`.toLowerCase().includes(w)));
        const counts = /** @type {Counts} */ ({});
        for (const [, r] of all) counts[r.status] = (counts[r.status] ?? 0) + 1;
        const fw = p.get('framework');
        return h(
          'div',
          null,
          fw ? h('div', { class: 'card compact' }, statusBar('requirementStatus', counts), legend('requirementStatus', counts, (st) => href(['requirements'], { framework: fw, status: st }))) : null,
          pagedTable(list, 'requirements', all.length, 'Requirements', [['Requirement', 'nowrap'], 'Title', 'Coverage', 'Status', ['Primary passing', 'num'], 'Controls'], ([f, r]) => [
            link(['requirement', f, r.id], `${frameworkById.get(f)?.short ?? f} ${r.id}`),
            r.title,
            r.coverage.replace(/_/g, ' '),
            badge('requirementStatus', r.status),
            r.primaryTotal ? `${r.primaryPassed} / ${r.primaryTotal}` : '—',
            requirementControlsSummary(r),
          ]),
        );
      }),
    ];
  }

  /** @param {string} fw @param {string} id */
  function requirementView(fw, id) {
    const r = requirementByKey.get(requirementKey(fw, id));
    const framework = frameworkById.get(fw);
    if (!r || !framework) return notFound(`No requirement ${id} in ${fw}.`);
    const manual = (D.manualEvidence ?? []).filter((m) => (r.manualEvidence ?? []).includes(m.id));
    const reqParam = `${fw}:${r.id}`;
    return [
      crumbs([[[], 'Overview'], [['requirements'], framework.name, { framework: fw }], `${framework.short} ${r.id}`]),
      pageHeader(`${framework.short} ${r.id}`, r.title),
      h(
        'section',
        { class: 'card' },
        facts([
          ['Status', badge('requirementStatus', r.status)],
          ['Why', r.reason],
          ['Coverage', r.coverage.replace(/_/g, ' ')],
          ['Kind', r.kind ?? ''],
          ['Primary controls passing', r.primaryTotal ? `${r.primaryPassed} of ${r.primaryTotal}` : ''],
          [
            'Provider evidence relied on',
            r.providerEvidence?.length
              ? h('ul', { class: 'plain' }, r.providerEvidence.map((p) => h('li', null, p.name, ' ', h('span', { class: p.attached ? 'ok-text' : 'warning-text' }, p.attached ? '(attached)' : '(not attached)'))))
              : '',
          ],
          ['Accepted risk', r.acceptedRisk ? `${r.acceptedRisk} failing findings of its controls are covered by an accepted-risk exception` : ''],
        ]),
      ),
      h(
        'section',
        { class: 'card' },
        h('h2', null, 'Controls'),
        r.controls.length
          ? table({
              caption: `Controls mapped to ${framework.short} ${r.id}`,
              headers: ['Control', 'Severity', 'Status', 'Why it is mapped', ['Failing', 'num'], ['Unknown', 'num'], ['Passing', 'num']],
              rows: r.controls.map((m) => {
                const c = controlById.get(m.id);
                /** @type {Counts} */
                const counts = c?.counts ?? {};
                const toFindings = (/** @type {string} */ st, /** @type {number} */ n) => (n ? link(['findings'], num(n), { framework: fw, requirement: reqParam, control: m.id, status: st }) : '0');
                return [
                  h('span', null, link(['control', m.id], m.id), h('span', { class: 'sub' }, c?.title ?? '')),
                  c ? severityBadge(c.severity) : '',
                  badge('controlStatus', m.status),
                  h('span', null, m.justification, strengthTag(m)),
                  toFindings('fail', counts.fail ?? 0),
                  toFindings('unknown', counts.unknown ?? 0),
                  toFindings('pass', counts.pass ?? 0),
                ];
              }),
            })
          : h('p', { class: 'muted' }, 'No automated control is mapped: this requirement rests on attested or inherited evidence.'),
        r.controls.length ? h('p', null, link(['findings'], 'All findings behind this requirement', { framework: fw, requirement: reqParam })) : null,
      ),
      attestedEvidence(manual, `Attested evidence supplied for ${framework.short} ${r.id}`),
    ];
  }

  /**
   * Attested files supplied for review (an auditor decides sufficiency), or nothing when there are none.
   * @param {NonNullable<PortalData['manualEvidence']>} entries @param {string} caption
   */
  function attestedEvidence(entries, caption) {
    if (!entries.length) return null;
    return h(
      'section',
      { class: 'card' },
      h('h2', null, 'Attested evidence (supplied for review)'),
      table({
        caption,
        headers: ['Document', 'Attested by', ['On', 'nowrap'], ['Renew by', 'nowrap'], 'Status', 'SHA-256'],
        rows: entries.map((m) => [h('span', null, m.title, h('span', { class: 'sub' }, h('a', { href: `../${m.file}` }, m.file))), m.attestedBy, m.attestedOn, m.renewBy, m.status, h('code', { class: 'hash' }, m.sha256)]),
      }),
    );
  }

  /** @param {URLSearchParams} params */
  function controlsView(params) {
    const statuses = Object.keys(D.labels.controlStatus);
    const selects = [
      { name: 'framework', label: 'Framework', options: D.frameworks.map((f) => ({ value: f.id, label: f.name })) },
      { name: 'status', label: 'Status', options: statuses.map((s) => ({ value: s, label: D.labels.controlStatus[s] })) },
      { name: 'severity', label: 'Severity', options: Object.keys(SEVERITY_ORDER).map((s) => ({ value: s, label: D.labels.severity[s] ?? s })) },
      { name: 'service', label: 'Service', options: services.map((s) => ({ value: s, label: s })) },
    ];
    return [
      pageHeader('Controls', 'What was checked, with what result, across every resource in scope.'),
      filtered(['controls'], params, selects, 'Search controls', (p) => {
        const fw = p.get('framework');
        const status = p.get('status');
        const severity = p.get('severity');
        const service = p.get('service');
        const words = (p.get('q') ?? '').toLowerCase().split(/\s+/).filter(Boolean);
        const list = D.controls
          .filter(
            (c) =>
              (!fw || c.mappings.some((m) => m.framework === fw)) &&
              (!status || c.status === status) &&
              (!severity || c.severity === severity) &&
              (!service || c.services.includes(service)) &&
              words.every((w) => `${c.id} ${c.title} ${c.check}`.toLowerCase().includes(w)),
          )
          .sort((a, b) => order(a.status) - order(b.status) || severityOrder(a.severity) - severityOrder(b.severity) || a.id.localeCompare(b.id));
        return pagedTable(
          list,
          'controls',
          D.controls.length,
          'Controls',
          ['Control', 'Severity', 'Status', 'Services', ['Failing', 'num'], ['Unknown', 'num'], ['Passing', 'num']],
          (c) => [h('span', null, link(['control', c.id], c.id), h('span', { class: 'sub' }, c.title)), severityBadge(c.severity), badge('controlStatus', c.status), c.services.join(', '), num(c.counts.fail ?? 0), num(c.counts.unknown ?? 0), num(c.counts.pass ?? 0)],
        );
      }),
    ];
  }

  /** @param {string} id */
  function controlView(id) {
    const c = controlById.get(id);
    if (!c) return notFound(`No control ${id} in this package.`);
    const own = findingsByControl.get(id) ?? [];
    const exceptions = (D.exceptions ?? []).filter((e) => e.controlId === id);
    const attested = (D.manualEvidence ?? []).filter((m) => (c.manualEvidence ?? []).includes(m.id));
    return [
      crumbs([[[], 'Overview'], [['controls'], 'Controls'], c.id]),
      pageHeader(c.title, c.id),
      h(
        'section',
        { class: 'card' },
        facts([
          ['Status', badge('controlStatus', c.status)],
          ['Severity', severityBadge(c.severity)],
          ['Automation', c.automation],
          ['Services', c.services.join(', ')],
          ['What is checked', c.check],
          ['Why it matters', c.rationale],
          ['Best practices', c.practices.join(', ')],
          ['Accepted risk', c.acceptedRisk ? `${c.acceptedRisk} failing findings covered by an exception` : ''],
        ]),
      ),
      h(
        'section',
        { class: 'card' },
        h('h2', null, 'Requirements it maps to'),
        h(
          'ul',
          { class: 'chips' },
          c.mappings
            .filter((m) => frameworkById.has(m.framework))
            .map((m) => h('li', null, link(['requirement', m.framework, m.requirement], `${frameworkById.get(m.framework)?.short} ${m.requirement}`), strengthTag(m))),
        ),
      ),
      h('section', { class: 'card' }, h('h2', null, 'Remediation'), h('pre', { class: 'code' }, c.remediation)),
      attestedEvidence(attested, `Attested evidence supplied for ${c.id}`),
      exceptions.length
        ? h(
            'section',
            { class: 'card' },
            h('h2', null, 'Exceptions'),
            table({
              caption: 'Exceptions for this control',
              headers: ['Exception', 'Resource', 'Approved by', 'Expires', 'Status', 'Justification'],
              rows: exceptions.map((e) => [e.id, e.resource, `${e.approver} (${e.approvedOn})`, e.expiresOn, e.status, e.justification]),
            }),
          )
        : null,
      h('section', { class: 'card' }, h('h2', null, 'Findings'), c.automation === 'manual' && !own.length ? h('p', { class: 'muted' }, 'A manual control: it is settled by attested evidence, not by findings.') : findingsTable(own, own.length, false)),
    ];
  }

  /** @param {URLSearchParams} params */
  function findingsView(params) {
    return [
      pageHeader('Findings', 'Every resource judged, with the reason and the evidence records behind the judgement.'),
      filtered(['findings'], params, findingSelects(params), 'Search resource, ARN, reason', (p) => findingsTable(filterFindings(p), findings.length), findingSelects),
    ];
  }

  /** @param {string} id */
  function findingView(id) {
    const f = findingById.get(id);
    if (!f) return notFound(`No finding ${id} in this package.`);
    const c = controlById.get(f.controlId);
    const exception = f.extra && typeof f.extra.exception === 'object' ? /** @type {Record<string, string>} */ (f.extra.exception) : null;
    const records = f.evidence.map((ref) => (typeof ref === 'number' ? evidence[ref] : evidenceById.get(ref) ?? ref));
    return [
      crumbs([[[], 'Overview'], [['findings'], 'Findings'], [['control', f.controlId], f.controlId], f.resourceId]),
      pageHeader(f.resourceId, c?.title ?? f.controlId),
      h(
        'section',
        { class: 'card' },
        facts([
          ['Status', badge('findingStatus', f.status)],
          ['Reason', f.reason],
          ['Control', link(['control', f.controlId], f.controlId)],
          ['Severity', c ? severityBadge(c.severity) : ''],
          ['Resource type', f.type],
          ['Resource id', code(f.resourceId)],
          ['ARN', f.arn ? code(f.arn) : ''],
          ['Account', f.account],
          ['Region', f.region],
          ['Requirements', c ? h('span', { class: 'inline-list' }, c.mappings.filter((m) => frameworkById.has(m.framework)).map((m) => link(['requirement', m.framework, m.requirement], `${frameworkById.get(m.framework)?.short} ${m.requirement}`))) : ''],
          ['Finding id', code(f.id)],
          ['Exception', exception ? `${exception.status} exception ${exception.id}, approved by ${exception.approver} on ${exception.approvedOn}, expires ${exception.expiresOn}: ${exception.justification}` : ''],
        ]),
      ),
      h(
        'section',
        { class: 'card' },
        h('h2', null, 'Evidence behind this finding'),
        records.length
          ? table({
              caption: 'Evidence records cited by this finding',
              headers: ['Record', 'Outcome', 'Collected', 'Request id', 'SHA-256'],
              rows: records.map((e) =>
                typeof e === 'string'
                  ? [e, h('span', { class: 'warning-text' }, 'not in this package'), '', '', '']
                  : [h('span', null, link(['evidence', e.id], e.key, undefined, 'evidence-link'), h('span', { class: 'sub' }, `${e.account} · ${e.region}`)), outcomeBadge(e.outcome), utc(e.collectedAt), e.requestId ? code(e.requestId) : '—', h('code', { class: 'hash' }, e.sha256)],
              ),
            })
          : h('p', { class: 'muted' }, 'This finding cites no evidence record.'),
      ),
    ];
  }

  /** @param {URLSearchParams} params */
  function evidenceListView(params) {
    const keys = [...new Set(evidence.map((e) => e.key.slice(0, e.key.indexOf('.'))))].sort();
    const selects = [
      { name: 'outcome', label: 'Outcome', options: D.codes.evidenceOutcome.map((o) => ({ value: o, label: { ok: 'OK', not_configured: 'Not configured', error: 'Error' }[o] ?? o })) },
      { name: 'service', label: 'Service', options: keys.map((k) => ({ value: k, label: k })) },
      { name: 'account', label: 'Account', options: accounts.map((s) => ({ value: s, label: s })) },
      { name: 'region', label: 'Region', options: [...new Set([...regions, ...evidence.map((e) => e.region)])].sort().map((s) => ({ value: s, label: s })) },
    ];
    return [
      pageHeader('Evidence records', 'Every AWS API call the run made, one record per call or page, with its digest and request id.'),
      filtered(['evidence'], params, selects, 'Search key, id, request id', (p) => {
        const outcome = p.get('outcome');
        const service = p.get('service');
        const account = p.get('account');
        const region = p.get('region');
        const words = (p.get('q') ?? '').toLowerCase().split(/\s+/).filter(Boolean);
        const list = evidence.filter(
          (e) =>
            (!outcome || e.outcome === outcome) &&
            (!service || e.key.startsWith(`${service}.`)) &&
            (!account || e.account === account) &&
            (!region || e.region === region) &&
            words.every((w) => `${e.id} ${e.key} ${e.requestId} ${e.sha256}`.toLowerCase().includes(w)),
        );
        return pagedTable(list, 'records', evidence.length, 'Evidence records', ['Record', ['Account', 'nowrap'], ['Region', 'nowrap'], 'Outcome', ['Collected', 'nowrap'], 'Request id'], (e) => [
          h('span', null, link(['evidence', e.id], e.key, undefined, 'evidence-link'), h('span', { class: 'sub' }, e.id)),
          e.account,
          e.region,
          outcomeBadge(e.outcome),
          utc(e.collectedAt),
          e.requestId ? code(e.requestId) : '—',
        ]);
      }),
    ];
  }

  // ---------------------------------------------------------------- evidence bodies

  /** @type {Map<number, Promise<string[]>>} */
  const chunkLoads = new Map();
  /** @type {Map<number, (texts: string[]) => void>} */
  const chunkWaiters = new Map();
  D.evidenceChunk = (chunk, texts) => chunkWaiters.get(chunk)?.(texts);

  /** @param {number} index position in the evidence index */
  function chunkOf(index) {
    const starts = D.evidenceChunkStarts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= index) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Loads evidence/NNNN.js once, by a script element (file:// pages cannot fetch). @param {number} chunk @returns {Promise<string[]>} */
  function loadChunk(chunk) {
    let loading = chunkLoads.get(chunk);
    if (!loading) {
      loading = new Promise((resolve, reject) => {
        chunkWaiters.set(chunk, resolve);
        const file = `evidence/${String(chunk).padStart(4, '0')}.js`;
        const script = h('script', { src: file });
        script.addEventListener('error', () => reject(new Error(`${file} could not be loaded (is the portal folder complete?)`)));
        document.head.appendChild(script);
      });
      chunkLoads.set(chunk, loading);
    }
    return loading;
  }

  /** @param {string} text */
  async function sha256Hex(text) {
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
    return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
  }

  /** JSON text with keys, strings, numbers and literals marked for colour; plain text beyond HIGHLIGHT_LIMIT. @param {string} text */
  function jsonCode(text) {
    const out = h('code', { class: 'json' });
    if (text.length > HIGHLIGHT_LIMIT) {
      out.textContent = text;
      return out;
    }
    const token = /("(?:[^"\\]|\\.)*")(\s*:)?|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|\b(true|false|null)\b/g;
    let last = 0;
    for (let m = token.exec(text); m; m = token.exec(text)) {
      if (m.index > last) out.appendChild(document.createTextNode(text.slice(last, m.index)));
      if (m[1]) {
        out.appendChild(h('span', { class: m[2] ? 'j-key' : 'j-str' }, m[1]));
        if (m[2]) out.appendChild(document.createTextNode(m[2]));
      } else out.appendChild(h('span', { class: m[3] ? 'j-num' : 'j-lit' }, m[0]));
      last = token.lastIndex;
    }
    out.appendChild(document.createTextNode(text.slice(last)));
    return out;
  }

  /** @param {string} id */
  function evidenceView(id) {
    const e = evidenceById.get(id);
    if (!e) return notFound(`No evidence record ${id} in this package.`);
    const citing = findings.filter((f) => f.evidence.includes(e.index) || f.evidence.includes(e.id));
    const integrity = h('p', { class: 'integrity pending', role: 'status' }, 'Checking the record’s SHA-256…');
    const body = h('div', { class: 'record-body' }, h('p', { class: 'muted' }, 'Loading the record…'));
    loadChunk(chunkOf(e.index))
      .then(async (texts) => {
        const text = texts[e.index - D.evidenceChunkStarts[chunkOf(e.index)]];
        if (typeof text !== 'string') throw new Error('the record is missing from its evidence chunk');
        body.replaceChildren(h('pre', { class: 'code json-view', tabindex: '0', 'aria-label': `Stored JSON of ${e.key}` }, jsonCode(text)));
        let digest;
        try {
          digest = await sha256Hex(text);
        } catch {
          integrity.className = 'integrity unchecked';
          integrity.textContent = `This browser does not compute SHA-256 for local pages; check it with: sha256sum ${e.file}`;
          return;
        }
        const ok = digest === e.sha256;
        integrity.className = `integrity ${ok ? 'ok' : 'bad'}`;
        integrity.replaceChildren(
          ok ? '✓ SHA-256 recomputed in this browser matches results.json and the signed manifest: ' : '✗ SHA-256 recomputed in this browser does NOT match results.json: ',
          h('code', { class: 'hash' }, digest),
        );
      })
      .catch((err) => {
        body.replaceChildren(h('p', { class: 'notice notice-error' }, `The record could not be shown: ${err.message}. The original is ${e.file} in the package.`));
        integrity.className = 'integrity bad';
        integrity.textContent = 'Not checked: the record did not load.';
      });
    return [
      crumbs([[[], 'Overview'], [['evidence'], 'Evidence'], e.key]),
      pageHeader(e.key, `${e.account} · ${e.region} · collected ${utc(e.collectedAt)}`),
      h(
        'section',
        { class: 'card' },
        facts([
          ['Outcome', outcomeBadge(e.outcome)],
          ['Error', e.error ? `${e.error.name}${e.error.httpStatus ? ` (HTTP ${e.error.httpStatus})` : ''}: ${e.error.message}` : ''],
          ['AWS request id', e.requestId ? code(e.requestId) : 'none (the call did not reach AWS or AWS returned none)'],
          ['SHA-256', h('code', { class: 'hash' }, e.sha256)],
          ['Record id', code(e.id)],
          ['File in the package', h('a', { href: `../${e.file}`, class: 'file-link' }, e.file)],
          ['Collected at', utc(e.collectedAt)],
        ]),
        integrity,
      ),
      h('section', { class: 'card' }, h('h2', null, 'Stored record'), body),
      h(
        'section',
        { class: 'card' },
        h('h2', null, 'Findings that cite this record'),
        citing.length ? findingsTable(citing, citing.length) : h('p', { class: 'muted' }, 'No finding cites this record; it was collected for the controls that need its key.'),
      ),
    ];
  }

  /** What the run examined and what it did not, in the report's words (src/render/view-model/scope-view.ts). */
  function scopeView() {
    const v = D.scopeView;
    return [
      pageHeader('Scope and limitations', 'What this run examined, how, and what its conclusions do not cover.'),
      h(
        'section',
        { class: 'card' },
        facts([
          ['Evidence', h('span', { class: v.replay || D.run.source.kind === 'simulated' ? 'warning-text' : null }, v.evidenceOrigin)],
          ['Collection window', v.collectionWindow],
          ['Regions', D.run.scope.regions.join(', ')],
          ['How the regions were chosen', v.regionSelection],
          ['Accounts', D.run.scope.accounts.join(', ')],
          ...v.parameters,
        ]),
      ),
      h(
        'section',
        { class: 'card' },
        h('h2', null, 'Services examined'),
        table({ caption: 'AWS services the run holds evidence from, with the operations called', headers: [['Service', 'nowrap'], 'Operations'], rows: v.examined.map((e) => [link(['evidence'], e.service, { service: e.service }), e.operations]) }),
        h('p', { class: 'muted' }, `Resource types judged: ${v.resourceTypes.join(', ') || 'none'}.`),
      ),
      h(
        'section',
        { class: 'card' },
        h('h2', null, 'Not examined'),
        h('p', { class: 'muted' }, 'Services this run does not collect evidence from. For the requirements listed, a conclusion covers only the services examined.'),
        table({
          caption: 'Services not examined and the requirements whose conclusions that limits',
          headers: [['Service', 'nowrap'], 'Resource types', 'Limits the conclusions of'],
          rows: D.scope.notExamined.map((n) => [
            n.service,
            n.resourceTypes,
            h(
              'span',
              { class: 'inline-list' },
              n.limits.filter((l) => frameworkById.has(l.framework)).map((l) => link(['requirement', l.framework, l.requirement], `${frameworkById.get(l.framework)?.short} ${l.requirement}`)),
            ),
          ]),
        }),
      ),
    ];
  }

  /** @param {string} message */
  function notFound(message) {
    return [pageHeader('Not found'), h('section', { class: 'card notice' }, h('p', null, message), h('p', null, link([], 'Back to the overview')))];
  }

  // ---------------------------------------------------------------- router

  /** @param {string} target */
  function go(target) {
    if (location.hash === target) render();
    else location.hash = target;
  }

  let firstRender = true;
  function render() {
    const hash = location.hash;
    if (hash && !hash.startsWith('#/')) return; // an in-page anchor such as the skip link
    const [pathPart, query = ''] = hash.slice(2).split('?');
    const path = pathPart ? pathPart.split('/').map(decodeURIComponent) : [];
    const params = new URLSearchParams(query);
    /** @type {(Node | null)[] | Node[]} */
    let view;
    try {
      const [section, a, b] = path;
      if (!section || section === 'overview') view = overview();
      else if (section === 'requirements') view = requirementsView(params);
      else if (section === 'requirement' && a && b) view = requirementView(a, b);
      else if (section === 'controls') view = controlsView(params);
      else if (section === 'control' && a) view = controlView(a);
      else if (section === 'findings') view = findingsView(params);
      else if (section === 'finding' && a) view = findingView(a);
      else if (section === 'evidence' && a) view = evidenceView(a);
      else if (section === 'evidence') view = evidenceListView(params);
      else if (section === 'scope') view = scopeView();
      else view = notFound(`No page at ${hash}.`);
    } catch (err) {
      view = notFound(`This page could not be drawn: ${/** @type {Error} */ (err).message}`);
    }
    main.replaceChildren();
    append(main, view);
    const section = { requirement: 'requirements', control: 'controls', finding: 'findings' }[path[0] ?? ''] ?? path[0] ?? 'overview';
    for (const a of document.querySelectorAll('.tabs a')) {
      if (a.getAttribute('data-section') === section) a.setAttribute('aria-current', 'page');
      else a.removeAttribute('aria-current');
    }
    const title = main.querySelector('h1')?.textContent ?? 'Overview';
    document.title = `${title} · ${D.run.organization} · Proofline evidence portal`;
    // Move focus to the new page's heading so keyboard and screen-reader users land on it.
    if (!firstRender) /** @type {HTMLElement | null} */ (main.querySelector('h1'))?.focus();
    else window.scrollTo(0, 0);
    firstRender = false;
  }

  const printButton = document.getElementById('print-button');
  if (printButton) {
    printButton.hidden = false;
    printButton.addEventListener('click', () => window.print());
  }
  window.addEventListener('beforeprint', () => {
    for (const list of main.querySelectorAll('.printable-list')) list.dispatchEvent(new Event('portal:print'));
  });
  window.addEventListener('hashchange', render);
  render();
  document.body.setAttribute('data-portal-ready', 'true');
})();
