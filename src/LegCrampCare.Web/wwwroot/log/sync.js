// Sending what is on the phone to the server (ADR 0021): each cramp once, by its clientId; answers given since as a
// PATCH; a cramp she deleted here is deleted there. Nothing is dropped: a refused cramp keeps its message for her.

import { entriesOf, modifyEntry } from './store.js';

let token = null;

async function antiforgery(refresh) {
  if (token && !refresh) {
    return token;
  }
  const response = await fetch('/api/v1/antiforgery', { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (!response.ok) {
    throw Object.assign(new Error('antiforgery'), { status: response.status });
  }
  token = await response.json();
  return token;
}

/** An unsafe call with the antiforgery header; a stale token is fetched again and the call made once more. */
async function call(method, path, body) {
  for (let attempt = 0; attempt < 2; attempt++) {
    const t = await antiforgery(attempt > 0);
    const response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', [t.headerName]: t.token },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (response.status === 400 && attempt === 0) {
      const problem = await response.clone().json().catch(() => null);
      if (problem?.code === 'antiforgery') {
        continue;
      }
    }
    return response;
  }
  throw new Error('unreachable');
}

/** Answers she gave that the server does not have yet. */
function changedAnswers(entry) {
  const sent = entry.sentAnswers ?? {};
  const changed = {};
  for (const [key, value] of Object.entries(entry.body.answers ?? {})) {
    if (sent[key] !== value) {
      changed[key] = value;
    }
  }
  return changed;
}

/** The answers as a key that does not depend on the order they were given in. */
export function answersKey(answers) {
  return JSON.stringify(Object.keys(answers ?? {}).sort().map((k) => [k, answers[k]]));
}

/**
 * What the phone reports with the answers (ADR 0021), by its own clock: when she last answered, when this is sent, and
 * what its rules showed her — only if that was for exactly these answers.
 */
function device(entry) {
  const shown = entry.shown && entry.shown.for === answersKey(entry.body.answers)
    ? { level: entry.shown.level, ruleSetVersion: entry.shown.ruleSetVersion }
    : undefined;
  // (The safety net, shown when the rules could not answer, is sent as level "none" with rule set "safety-net".)
  return { answeredAt: entry.answeredAt, sentAt: new Date().toISOString(), shown };
}

/** A cramp waiting to be sent (not one she deleted, which waits only to be deleted on the server too). */
export function isWaiting(entry) {
  return !entry.deleted && needsSending(entry);
}

/** Waits for the phone's rules to say what they showed for the newest answers (at most this long). */
const ASSESSING_MS = 3000;

export function needsSending(entry) {
  return entry.deleted || !entry.serverId || Object.keys(changedAnswers(entry)).length > 0;
}

/**
 * Sends every waiting cramp of the account, oldest first. Resolves with
 * { signedOut, stopped, results: Map(clientId → latest assessment from the server), ids: Map(clientId → server id) }.
 * stopped: the network or the server failed; what is left waits for the next try.
 */
export async function sendWaiting(accountKey) {
  const results = new Map();
  const ids = new Map();
  for (const entry of await entriesOf(accountKey)) {
    // An answer just given waits (a moment at most) for what the phone's rules showed for it, so the server gets both.
    if (entry.assessing && Date.now() - entry.assessing < ASSESSING_MS && !entry.deleted) continue;
    try {
      const outcome = await sendOne(entry);
      if (outcome.assessment) {
        results.set(entry.clientId, outcome.assessment);
      }
      if (outcome.id) {
        ids.set(entry.clientId, outcome.id);
      }
      if (outcome.signedOut) {
        return { signedOut: true, stopped: true, results, ids };
      }
      if (outcome.stopped) {
        return { signedOut: false, stopped: true, results, ids };
      }
    } catch {
      // No network (or the server went away mid-answer): the entry stays as it is; the next try sends it again.
      return { signedOut: false, stopped: true, results, ids };
    }
  }
  return { signedOut: false, stopped: false, results, ids };
}

/** Records what the server now has, on the newest stored copy; deletes the entry once the server has everything. */
async function settle(clientId, apply) {
  return modifyEntry(clientId, (stored) => {
    apply(stored);
    return needsSending(stored) ? stored : null;
  });
}

/**
 * The server's id of a cramp it may have (a send whose answer never came, then deleted here): asking to store it again
 * answers the stored one (200), or the stored one in a 409 when the answers differ; 201 means it had not arrived.
 */
async function serverIdOf(entry) {
  const response = await call('POST', '/api/v1/episodes', { clientId: entry.clientId, startedAt: entry.body.startedAt, side: entry.body.side, answers: entry.body.answers });
  if (response.status === 401) return { signedOut: true };
  if (response.status === 200 || response.status === 201) return { id: (await response.json()).id };
  if (response.status === 409) return { id: (await response.json()).episode?.id ?? null };
  if (response.status >= 500 || response.status === 429) return { stopped: true };
  return { id: null }; // refused as it is: it is not on the server
}

async function sendOne(entry) {
  if (entry.deleted) {
    if (!entry.serverId && entry.attempted) {
      const found = await serverIdOf(entry);
      if (found.signedOut || found.stopped) return found;
      entry = { ...entry, serverId: found.id };
    }
    if (entry.serverId) {
      const response = await call('DELETE', `/api/v1/episodes/${entry.serverId}`);
      if (response.status === 401) return { signedOut: true };
      if (response.status !== 204 && response.status !== 404) return { stopped: true };
    }
    await modifyEntry(entry.clientId, () => null);
    return {};
  }

  let assessment = null;
  let id = entry.serverId ?? null;
  if (!entry.serverId) {
    const body = entry.body;
    // Once a send has started, the server may have the cramp even if its answer is lost: a deletion must then ask it.
    if (!entry.attempted) {
      const marked = await modifyEntry(entry.clientId, (e) => ({ ...e, attempted: true }));
      if (!marked) return {};
      entry = marked;
      if (entry.deleted) {
        // Deleted before its first send ever left: nothing on the server to delete.
        await modifyEntry(entry.clientId, () => null);
        return {};
      }
    }
    const response = await call('POST', '/api/v1/episodes', { ...body, device: device(entry) });
    if (response.status === 401) return { signedOut: true };
    if (response.status === 201 || response.status === 200) {
      const stored = await response.json();
      assessment = stored.assessment;
      id = stored.id;
      entry = await settle(entry.clientId, (e) => { e.serverId = stored.id; e.sentAnswers = { ...body.answers }; e.error = null; });
    } else if (response.status === 409) {
      // The server has this cramp with other answers (an answer whose reply was lost): her latest answers follow below.
      const problem = await response.json();
      id = problem.episode?.id;
      if (!id) return { stopped: true };
      entry = await settle(entry.clientId, (e) => { e.serverId = id; e.sentAnswers = {}; });
    } else if (response.status >= 500 || response.status === 429) {
      return { stopped: true }; // try again later
    } else {
      // Refused for this cramp alone (400 a field, 404 no profile yet …): it keeps the message and the others go on.
      const problem = await response.json().catch(() => ({}));
      await settle(entry.clientId, (e) => { e.error = problem.detail ?? 'The server could not take this cramp as it is.'; });
      return {};
    }
    if (!entry) return { assessment, id }; // everything is on the server
  }

  const changed = changedAnswers(entry);
  if (Object.keys(changed).length > 0) {
    const response = await call('PATCH', `/api/v1/episodes/${entry.serverId}/answers`, { ...changed, device: device(entry) });
    if (response.status === 401) return { signedOut: true, assessment, id };
    if (response.status === 200) {
      assessment = (await response.json()).assessment;
      await settle(entry.clientId, (e) => { e.sentAnswers = { ...(e.sentAnswers ?? {}), ...changed }; e.error = null; });
    } else if (response.status === 404) {
      // Deleted on the server since (she deleted it in her history): her deletion stands.
      await modifyEntry(entry.clientId, () => null);
    } else if (response.status >= 500 || response.status === 429) {
      return { stopped: true, assessment, id };
    } else {
      const problem = await response.json().catch(() => ({}));
      await settle(entry.clientId, (e) => { e.error = problem.detail ?? 'The server could not take these answers.'; });
    }
  }
  return { assessment, id };
}
