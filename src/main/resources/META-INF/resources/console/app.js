// The officer console: sign in, search (streamed), audit. Plain ES modules served by the service
// itself; no framework, no build step. Nothing personal goes into the address, the title or the
// history: forms are read by script and sent as POST bodies, and the view is never in the URL.
import * as api from './api.js';
import * as render from './render.js';

const $ = id => document.getElementById(id);

const PRESETS = {
  'deu-secret': { officerId: 'console-deu-1', agency: 'BKA', role: 'OFFICER', country: 'DEU', clearance: 'SECRET' },
  'deu-restricted': { officerId: 'console-deu-2', agency: 'BKA', role: 'OFFICER', country: 'DEU', clearance: 'RESTRICTED' },
  'sau-secret': { officerId: 'console-sau-1', agency: 'Public Security', role: 'OFFICER', country: 'SAU', clearance: 'SECRET' },
  'fra-border': { officerId: 'console-fra-1', agency: 'PAF', role: 'BORDER_GUARD', country: 'FRA', clearance: 'CONFIDENTIAL' },
  'auditor': { officerId: 'console-dpo-1', agency: 'EDPS', role: 'AUDITOR', country: 'BEL', clearance: 'SECRET' },
};

function show(view) {
  for (const name of ['signin', 'search', 'audit']) {
    $('view-' + name).hidden = name !== view;
  }
  for (const b of document.querySelectorAll('#nav button[data-view]')) {
    if (b.dataset.view === view) b.setAttribute('aria-current', 'page'); else b.removeAttribute('aria-current');
  }
  $('nav').hidden = view === 'signin';
}

function clear(node) { node.replaceChildren(); }

function showProblem(box, error) {
  clear(box);
  box.append(render.problem(error instanceof api.ProblemError ? error.problem
    : { title: 'Unexpected failure', detail: 'The console could not read the answer; try again.' }));
}

// ------------------------------------------------------------------ sign in

function applyPreset() {
  const p = PRESETS[$('demo-preset').value];
  $('demo-officer').value = p.officerId;
  $('demo-agency').value = p.agency;
  $('demo-role').value = p.role;
  $('demo-country').value = p.country;
  $('demo-clearance').value = p.clearance;
}

async function detectDemo() {
  // the demo, and only it, issues tokens: ask for one (and drop it) to know whether this is the demo
  try {
    const probe = await api.postJson('/demo/token', { officerId: 'console-probe', agency: 'console', country: 'DEU',
      roles: ['OFFICER'], clearance: 'UNCLASSIFIED' });
    if (probe && probe.token) {
      $('demo-signin').hidden = false;
      applyPreset();
    }
  } catch (e) {
    // not the demo: paste a token
  }
}

function signedIn(token) {
  api.signIn(token);
  const c = api.claims();
  const roles = c.groups || [];
  $('who').textContent = [c.upn || c.sub, c.country, roles.join('+'), c.clearance].filter(Boolean).join(' · ');
  const auditor = roles.includes('AUDITOR') || roles.includes('ADMIN');
  $('nav-audit').hidden = !auditor;
  $('nav-search').hidden = roles.length > 0 && roles.every(r => r === 'AUDITOR');
  $('token-input').value = '';
  clear($('signin-problem'));
  const first = $('nav-search').hidden ? 'audit' : 'search';
  show(first);
  $(first + '-title').setAttribute('tabindex', '-1');
  $(first + '-title').focus();
}

async function demoSignIn(event) {
  event.preventDefault();
  const button = $('demo-sign-in');
  button.disabled = true;
  try {
    const { token } = await api.postJson('/demo/token', {
      officerId: $('demo-officer').value.trim(), agency: $('demo-agency').value.trim(),
      country: $('demo-country').value.trim().toUpperCase(), roles: [$('demo-role').value],
      clearance: $('demo-clearance').value });
    signedIn(token);
  } catch (e) {
    showProblem($('signin-problem'), e);
  } finally {
    button.disabled = false;
  }
}

function tokenSignIn(event) {
  event.preventDefault();
  const token = $('token-input').value.trim().replace(/^Bearer\s+/i, '');
  if (!/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/.test(token)) {
    showProblem($('signin-problem'), new api.ProblemError({ title: 'Not a token',
      detail: 'Paste the bearer token (three dot-separated parts) your identity provider issued.' }));
    $('token-input').focus();
    return;
  }
  signedIn(token);
}

function signOut() {
  api.signOut();
  for (const id of ['answer', 'progress', 'form-problem', 'audit-results', 'audit-verification', 'audit-problem']) clear($(id));
  for (const form of document.querySelectorAll('form')) form.reset();
  $('progress-box').hidden = true;
  $('audit-next').hidden = true;
  show('signin');
  if (!$('demo-signin').hidden) applyPreset();
  $('signin-title').setAttribute('tabindex', '-1');
  $('signin-title').focus();
}

// ------------------------------------------------------------------ search

function chooseForm(name) {
  for (const tab of document.querySelectorAll('.tab')) tab.setAttribute('aria-pressed', String(tab.dataset.form === name));
  for (const form of document.querySelectorAll('form.search')) form.hidden = form.id !== 'form-' + name;
}

/** The form's filled fields as the request body; empty fields are left out. */
function bodyOf(form) {
  const body = {};
  for (const field of form.elements) {
    if (!field.name) continue;
    if (field.type === 'checkbox') {
      if (field.checked) body[field.name] = true;
    } else {
      const value = field.value.trim();
      if (value !== '') body[field.name] = value;
    }
  }
  return body;
}

function missingRequired(form) {
  let first = null;
  for (const field of form.querySelectorAll('[required]')) {
    const empty = field.value.trim() === '';
    if (empty) field.setAttribute('aria-invalid', 'true'); else field.removeAttribute('aria-invalid');
    if (empty && !first) first = field;
  }
  return first;
}

async function search(event) {
  event.preventDefault();
  const form = event.target;
  const box = $('form-problem');
  clear(box);
  const missing = missingRequired(form);
  if (missing) {
    const label = form.querySelector('label[for="' + missing.id + '"]').textContent;
    box.append(render.problem({ title: 'Missing field', detail: label + ' is required.' }));
    missing.focus();
    return;
  }
  const button = form.querySelector('button[type="submit"]');
  const progress = $('progress');
  const answerBox = $('answer');
  clear(progress);
  clear(answerBox);
  $('progress-box').hidden = false;
  button.disabled = true;
  const mrz = form.id === 'form-mrz';
  try {
    await api.stream(form.dataset.path, bodyOf(form), (name, data) => {
      if (name === 'source') {
        progress.append(render.sourceLine(data));
      } else if (name === 'answer') {
        answerBox.replaceChildren(mrz ? render.mrzAnswer(data) : render.answer(data));
        answerBox.focus();
      } else if (name === 'error') {
        answerBox.replaceChildren(render.problem(data));
      }
    });
    if (!answerBox.hasChildNodes()) {
      answerBox.append(render.problem({ title: 'No answer', detail: 'The stream ended without an answer; try again.' }));
    }
  } catch (e) {
    $('progress-box').hidden = progress.childElementCount === 0;
    showProblem(box, e);
    box.setAttribute('tabindex', '-1');
    box.focus();
  } finally {
    button.disabled = false;
  }
}

// ------------------------------------------------------------------ audit

let auditQuery = null;

function isoOrEmpty(local) {
  return local ? new Date(local).toISOString() : '';
}

async function auditPage(cursor) {
  clear($('audit-problem'));
  try {
    const page = await api.getJson('/v1/audit', { ...auditQuery, cursor });
    const table = $('audit-results').querySelector('tbody');
    if (cursor === undefined || !table) $('audit-results').replaceChildren(render.auditTable(page.records));
    else table.append(...render.auditRows(page.records));
    $('audit-next').hidden = page.nextCursor === null || page.nextCursor === undefined;
    $('audit-next').dataset.cursor = page.nextCursor ?? '';
  } catch (e) {
    showProblem($('audit-problem'), e);
  }
}

function auditSearch(event) {
  event.preventDefault();
  auditQuery = { officer: $('audit-officer').value.trim(), from: isoOrEmpty($('audit-from').value),
    to: isoOrEmpty($('audit-to').value), limit: $('audit-limit').value };
  auditPage(undefined);
}

async function verify() {
  const button = $('audit-verify');
  button.disabled = true;
  clear($('audit-verification'));
  try {
    $('audit-verification').append(render.verification(await api.getJson('/v1/audit/verify')));
  } catch (e) {
    showProblem($('audit-verification'), e);
  } finally {
    button.disabled = false;
  }
}

// ------------------------------------------------------------------ wiring

$('demo-preset').addEventListener('change', applyPreset);
$('demo-form').addEventListener('submit', demoSignIn);
$('token-form').addEventListener('submit', tokenSignIn);
$('sign-out').addEventListener('click', signOut);
for (const b of document.querySelectorAll('#nav button[data-view]')) b.addEventListener('click', () => show(b.dataset.view));
for (const tab of document.querySelectorAll('.tab')) tab.addEventListener('click', () => chooseForm(tab.dataset.form));
for (const form of document.querySelectorAll('form.search')) form.addEventListener('submit', search);
$('audit-form').addEventListener('submit', auditSearch);
$('audit-next').addEventListener('click', () => auditPage(Number($('audit-next').dataset.cursor)));
$('audit-verify').addEventListener('click', verify);
document.body.dataset.ready = 'true';
detectDemo().finally(() => { document.body.dataset.demoChecked = 'true'; });
