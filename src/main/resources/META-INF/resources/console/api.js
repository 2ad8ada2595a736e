// Talking to the service: the officer's token (in this module's memory only), JSON calls, and the
// server-sent event stream of a search read with fetch() (EventSource cannot POST nor send a header).

let token = null;

export function signIn(bearer) { token = bearer; }
export function signOut() { token = null; }
export function signedIn() { return token !== null; }

/** The token's claims, for display only (the service verifies the token, the console does not). */
export function claims() {
  try {
    const part = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const json = new TextDecoder().decode(Uint8Array.from(atob(part), c => c.charCodeAt(0)));
    return JSON.parse(json);
  } catch (e) {
    return {};
  }
}

/** A problem (RFC 9457) the service answered, or one the console makes when the answer was none. */
export class ProblemError extends Error {
  constructor(problem) {
    super(problem.detail || problem.title || 'The request failed');
    this.problem = problem;
  }
}

function headers(accept, json) {
  const h = { 'Accept': accept };
  if (json) h['Content-Type'] = 'application/json';
  if (token) h['Authorization'] = 'Bearer ' + token;
  return h;
}

async function problemOf(response) {
  const type = response.headers.get('Content-Type') || '';
  if (type.includes('json')) {
    try {
      return await response.json();
    } catch (e) { /* fall through */ }
  }
  const titles = { 401: 'Not signed in', 403: 'Not allowed', 404: 'Not found', 429: 'Too many requests' };
  return { status: response.status, title: titles[response.status] || 'Request failed',
    detail: response.status === 401 ? 'The token was refused (expired, or not for this service): sign in again.'
      : 'The service answered ' + response.status + '.' };
}

function unreachable() {
  return new ProblemError({ title: 'Service unreachable', detail: 'The service did not answer; check the connection and try again.' });
}

/** POST a JSON body, answer the parsed JSON (or throw a ProblemError). */
export async function postJson(path, body) {
  let response;
  try {
    response = await fetch(path, { method: 'POST', headers: headers('application/json', true), body: JSON.stringify(body),
      credentials: 'omit', cache: 'no-store', referrerPolicy: 'no-referrer' });
  } catch (e) {
    throw unreachable();
  }
  if (!response.ok) throw new ProblemError(await problemOf(response));
  return response.json();
}

/** GET with the token; query values go in the query string (the audit filters: officer ids and times). */
export async function getJson(path, query) {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query || {})) {
    if (v !== undefined && v !== null && v !== '') params.set(k, v);
  }
  const url = params.toString() ? path + '?' + params : path;
  let response;
  try {
    response = await fetch(url, { headers: headers('application/json', false), credentials: 'omit', cache: 'no-store',
      referrerPolicy: 'no-referrer' });
  } catch (e) {
    throw unreachable();
  }
  if (!response.ok) throw new ProblemError(await problemOf(response));
  return response.json();
}

/**
 * A search as a stream: POST with Accept text/event-stream; each event is handed to onEvent(name, data)
 * as it arrives ('source', 'answer', 'error'). Refusals before the stream starts (400, 401, 403, 429,
 * 503) come as problem+json and are thrown as a ProblemError.
 */
export async function stream(path, body, onEvent) {
  let response;
  try {
    response = await fetch(path, { method: 'POST', headers: headers('text/event-stream', true), body: JSON.stringify(body),
      credentials: 'omit', cache: 'no-store', referrerPolicy: 'no-referrer' });
  } catch (e) {
    throw unreachable();
  }
  if (!response.ok || !(response.headers.get('Content-Type') || '').startsWith('text/event-stream')) {
    throw new ProblemError(await problemOf(response));
  }
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (value) {
      buffer += value.replace(/\r\n?/g, '\n');
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        dispatch(block, onEvent);
      }
    }
    if (done) break;
  }
  if (buffer.trim()) dispatch(buffer, onEvent);
}

/** One event block of the text/event-stream format: "event:" names it, "data:" lines carry its JSON. */
export function dispatch(block, onEvent) {
  let name = 'message';
  const data = [];
  for (const line of block.split('\n')) {
    if (line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') name = value;
    else if (field === 'data') data.push(value);
  }
  if (data.length === 0) return;
  let parsed;
  try {
    parsed = JSON.parse(data.join('\n'));
  } catch (e) {
    return;
  }
  onEvent(name, parsed);
}
