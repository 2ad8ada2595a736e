// Building the answer on the page. Text only ever goes in through textContent (el()): nothing the
// sources hold can become markup or script.

export function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') node.className = v;
    else node.setAttribute(k, v === true ? '' : v);
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

const words = s => String(s).replace(/_/g, ' ');

/** A problem (RFC 9457): its title, its detail and every field at fault. */
export function problem(p) {
  return el('div', { class: 'problem' },
    el('strong', {}, (p.status ? p.status + ' ' : '') + (p.title || 'Request failed')),
    p.detail ? el('p', {}, p.detail) : null,
    Array.isArray(p.errors) && p.errors.length
      ? el('ul', {}, p.errors.map(e => el('li', {}, (e.field ? e.field + ': ' : '') + e.reason)))
      : null);
}

/** One source's status as its 'source' event arrives. */
export function sourceLine(s) {
  const ok = s.status === 'OK' || s.status === 'NOT_APPLICABLE';
  const parts = [(s.part ? s.part + ' · ' : '') + s.source, words(s.status)];
  if (s.latencyMs !== undefined && s.latencyMs !== null) parts.push(s.latencyMs + ' ms');
  if (s.records !== undefined && s.records !== null) parts.push(s.records + (s.records === 1 ? ' record' : ' records'));
  if (s.detail) parts.push(s.detail);
  return el('li', { class: ok ? 'ok' : 'bad', 'data-source': s.source, 'data-status': s.status }, parts.join(' — '));
}

function warningsBox(warnings, label) {
  if (!warnings || warnings.length === 0) return null;
  return el('div', { class: 'warnings', role: 'alert', 'data-testid': 'warnings' },
    el('span', { class: 'label' }, label), warnings.map(words).join(' · '));
}

function banner(outcome, action) {
  return el('div', { class: 'banner ' + outcome, 'data-testid': 'banner', 'data-outcome': outcome, 'data-action': action },
    el('span', {}, words(outcome)), el('span', {}, 'Action: ' + words(action)));
}

function unanswered(sources) {
  const missing = (sources || []).filter(s => s.status !== 'OK' && s.status !== 'NOT_APPLICABLE');
  if (missing.length === 0) return null;
  return el('div', { class: 'unanswered', 'data-testid': 'unanswered' },
    el('strong', {}, 'Not answered:'),
    el('ul', {}, missing.map(s => el('li', {}, s.source + ': ' + words(s.status) + (s.detail ? ' — ' + s.detail : '')))));
}

const VALUES = [['names', 'Names'], ['datesOfBirth', 'Dates of birth'], ['nationalities', 'Nationalities'],
  ['identifiers', 'Identifiers'], ['descriptions', 'Descriptions']];

function valuesTable(subject) {
  const rows = [];
  for (const [key, label] of VALUES) {
    for (const v of subject[key] || []) {
      rows.push(el('tr', {}, el('th', { scope: 'row' }, label), el('td', {}, v.value), el('td', {}, (v.sources || []).join(', '))));
    }
  }
  if (rows.length === 0) return null;
  return el('div', { class: 'scroll' }, el('table', {},
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Field'), el('th', { scope: 'col' }, 'Value'), el('th', { scope: 'col' }, 'Sources'))),
    el('tbody', {}, rows)));
}

function alertItem(a) {
  const bits = [words(a.category), 'action ' + words(a.action)];
  if (a.issuedOn) bits.push('issued ' + a.issuedOn);
  if (a.alertId) bits.push(a.alertId);
  return el('li', { class: 'alert' }, bits.join(' · '),
    a.warnings && a.warnings.length ? el('strong', {}, ' — ' + a.warnings.map(words).join(', ')) : null,
    a.contactPoint ? el('div', {}, 'Contact: ' + a.contactPoint) : null);
}

function recordItem(r) {
  return el('div', { class: 'record' + (r.restricted ? ' restricted' : ''), 'data-testid': 'record', 'data-source': r.source },
    el('div', {}, el('strong', {}, r.source), r.recordId ? ' · record ' + r.recordId : '',
      r.score !== undefined && r.score !== null ? ' · score ' + Number(r.score).toFixed(2) : '',
      r.restricted ? el('span', { class: 'tag' }, ' restricted ') : null),
    r.contactPoint ? el('div', {}, 'Contact point: ' + r.contactPoint) : null,
    r.reasons && r.reasons.length ? el('div', {}, 'Reasons:', el('ul', {}, r.reasons.map(x => el('li', {}, x)))) : null,
    r.alerts && r.alerts.length ? el('div', {}, 'Alerts:', el('ul', {}, r.alerts.map(alertItem))) : null);
}

function subjectCard(s, i) {
  return el('article', { class: 'subject', 'data-testid': 'subject' },
    el('h4', {}, 'Subject ' + (i + 1) + ': ' + words(s.match || '') + ' — action ' + words(s.action || 'NO_ACTION')),
    s.warnings && s.warnings.length ? el('p', { class: 'swarn' }, 'Warnings: ' + s.warnings.map(words).join(', ')) : null,
    s.toResolve ? el('p', { class: 'resolve' }, s.toResolve) : null,
    s.maybeSameAs && s.maybeSameAs.length ? el('p', { class: 'resolve', 'data-testid': 'maybe-same-as' },
      'May be the same person as subject ' + s.maybeSameAs.map(id => id.replace(/^S/, '')).join(', ')
        + ': the records cannot settle it; confirm with the contact point.') : null,
    valuesTable(s),
    (s.records || []).map(recordItem));
}

/** A consolidated answer (person, document, vehicle): warnings first, banner, message, what did not answer, subjects. */
export function answer(a) {
  return el('div', { 'data-testid': 'answer' },
    warningsBox(a.warnings, 'OFFICER SAFETY'),
    banner(a.outcome, a.action),
    a.message ? el('p', { class: 'message', 'data-testid': 'message' }, a.message) : null,
    a.complete === false ? unanswered(a.sources) : null,
    (a.subjects || []).map(subjectCard),
    a.moreSubjects ? el('p', {}, a.moreSubjects + ' more subjects not shown: refine the search.') : null,
    el('p', { class: 'hint' }, 'Query ' + (a.queryId || '') + (a.elapsedMs !== undefined ? ' · ' + a.elapsedMs + ' ms' : '')));
}

function part(label, p) {
  return el('section', { 'data-testid': 'part-' + label.toLowerCase() },
    el('h3', {}, label + (p && p.status ? ' — ' + words(p.status) : '')),
    p && p.detail ? el('p', {}, p.detail) : null,
    p && p.answer ? answer(p.answer) : null);
}

/** An MRZ answer: warnings and banner for the whole, what was read, then the document and holder parts. */
export function mrzAnswer(a) {
  const r = a.read || {};
  const read = [['Format', r.format], ['Document', [r.documentCode, r.documentType, r.documentNumber].filter(Boolean).join(' ')],
    ['Issuer', r.issuer], ['Name', [r.surname, r.givenNames].filter(Boolean).join(', ')], ['Date of birth', r.dateOfBirth],
    ['Nationality', r.nationality], ['Sex', r.sex], ['Expiry', r.dateOfExpiry]].filter(([, v]) => v);
  return el('div', { 'data-testid': 'answer' },
    warningsBox(a.warnings, 'OFFICER SAFETY'),
    banner(a.outcome, a.action),
    a.message ? el('p', { class: 'message', 'data-testid': 'message' }, a.message) : null,
    a.documentWarnings && a.documentWarnings.length
      ? el('div', { class: 'problem' }, el('strong', {}, 'Document: '), a.documentWarnings.join('; ')) : null,
    el('div', { class: 'scroll' }, el('table', {}, el('tbody', {}, read.map(([k, v]) => el('tr', {}, el('th', { scope: 'row' }, k), el('td', {}, v)))))),
    part('Document', a.document),
    part('Holder', a.holder),
    el('p', { class: 'hint' }, 'Query ' + (a.queryId || '')));
}

const AUDIT_COLUMNS = [['Time', r => r.occurredAt], ['Officer', r => r.officerId + ' (' + [r.agency, r.country].filter(Boolean).join(', ') + ')'],
    ['Roles', r => r.roles], ['Kind', r => r.kind], ['Purpose', r => r.purpose],
    ['Terms', r => r.terms ? Object.entries(r.terms).filter(([, v]) => v !== null && v !== '').map(([k, v]) => k + '=' + v).join(', ') : ''],
    ['Outcome', r => [r.outcome, r.decision].filter(Boolean).join(' / ')],
    ['Sources', r => (r.sources || []).map(s => s.source + ' ' + s.status).join(', ')], ['Seq', r => r.seq]];

/** One audit record as a table row. */
export function auditRows(records) {
  return records.map(r => el('tr', { 'data-seq': r.seq }, AUDIT_COLUMNS.map(([h, f]) => el('td', { 'data-label': h }, f(r) ?? ''))));
}

/** The first audit page as a table (cards on a phone); the next pages add their rows to it. */
export function auditTable(records) {
  if (!records.length) return el('p', {}, 'No consultations match.');
  return el('div', { class: 'scroll' }, el('table', { class: 'audit-table', 'data-testid': 'audit-table' },
    el('thead', {}, el('tr', {}, AUDIT_COLUMNS.map(([h]) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, auditRows(records))));
}

export function verification(v) {
  return el('div', { class: 'verification ' + (v.intact ? 'intact' : 'broken'), 'data-testid': 'verification' },
    el('p', {}, v.intact ? 'Chain intact.' : 'Chain BROKEN.'),
    el('p', {}, v.verified + ' records verified, ' + v.checkpoints + ' signed checkpoints matched.'),
    v.firstBroken ? el('p', {}, 'First broken link: record ' + v.firstBroken.seq + ' (' + v.firstBroken.queryId + '): ' + v.firstBroken.reason) : null);
}
