// The offline-first quick log (ADR 0021): one quick log, online and offline. A cramp is stored on the phone first,
// then sent through /api/v1 by its clientId. The answer to the warning-sign questions comes from the rules running on
// the phone (WebAssembly, the server's own code) at once, and from the server, whose answer is the one of record, when
// it is reachable. Texts are put in the page as text, never as HTML.

import { countOthers, entriesOf, getAccount, getEntry, getKit, modifyEntry, putEntry, putKit, setAccount } from './store.js';
import { answersKey, isWaiting, needsSending, sendWaiting } from './sync.js';

/**
 * The rules running in this browser, booted once: { assess, assessMany, ruleSetVersion }, each answering a promise.
 * They start in a Web Worker (rules-worker.js), so that starting the .NET runtime never holds up a tap on this page;
 * where a worker can't run them, on this page's thread.
 */
let rulesPromise;

export function loadRules() {
  rulesPromise ??= rulesInAWorker(() => { rulesPromise = null; })
    .catch(() => import('/engine/main.js').then((m) => m.rules))
    .catch((error) => {
      rulesPromise = null; // a network blip must not keep the rules away for the life of the page
      throw error;
    });
  return rulesPromise;
}

/** How long one assessment in the worker may take before the worker is taken for stuck (a batch: no limit). */
const WORKER_CALL_MS = 10_000;
/** How long the worker may take to start the rules (downloading them included) before the page's thread does it. */
const WORKER_START_MS = 60_000;

/**
 * Resolves once the worker's rules have answered (they have started); rejects if the worker fails first. A worker
 * that fails or gets stuck later is terminated and `dead` is called, so the next loadRules() starts afresh.
 */
async function rulesInAWorker(dead) {
  if (typeof Worker !== 'function') throw new Error('no workers');
  const worker = new Worker('/log/rules-worker.js', { type: 'module' });
  const pending = new Map();
  let next = 0;
  let failed = null;
  let started = false;
  const fail = (error) => {
    if (failed) return;
    failed = error;
    for (const waiting of pending.values()) waiting.reject(failed);
    pending.clear();
    worker.terminate();
    if (started) dead(); // before it started, loadRules() falls back to the page's thread itself
  };
  const call = (op, arg, limitMs) => new Promise((resolve, reject) => {
    if (failed) { reject(failed); return; }
    const id = ++next;
    const timer = limitMs ? setTimeout(() => fail(new Error(`the rules' worker did not answer ${op} in time`)), limitMs) : null;
    pending.set(id, {
      resolve: (value) => { clearTimeout(timer); resolve(value); },
      reject: (error) => { clearTimeout(timer); reject(error); },
    });
    worker.postMessage({ id, op, arg });
  });
  worker.addEventListener('message', (event) => {
    const { id, result, error } = event.data;
    const waiting = pending.get(id);
    if (!waiting) return;
    pending.delete(id);
    if (error === undefined) waiting.resolve(result); else waiting.reject(new Error(error));
  });
  worker.addEventListener('error', (event) => {
    event.preventDefault();
    fail(new Error(`the rules' worker failed: ${event.message || 'no message'}`));
  });
  const rules = {
    inAWorker: true,
    assess: (request) => call('assess', request, WORKER_CALL_MS),
    assessMany: (requests) => call('assessMany', requests, 0),
    ruleSetVersion: () => call('ruleSetVersion', undefined, WORKER_START_MS),
  };
  try {
    await rules.ruleSetVersion(); // the rules have started
    started = true;
  } catch (error) {
    fail(error);
    throw error;
  }
  return rules;
}

const state = {
  account: null, // the signed-in account's opaque key
  kit: null,
  current: null, // the cramp being answered (an entry)
  question: 0,
  syncing: false,
  retry: null,
  signedOut: false,
  serverResults: new Map(), // clientId → the server's latest assessment of it
  again: false,
  verified: false, // the signed-in account is the one this page keeps cramps for (checked every round of sending)
  busy: false, // a tap is being handled: a second tap (a double tap at night) does nothing
  offset: 0, // the server's clock minus this phone's, when the phone's is more than a minute off
  settle: null, // the timer that wakes a new screen's buttons up
  retryDelay: 0,
  serverIds: new Map(), // clientId → the server's id for it, once it has it
  undoUntil: 0, // the moment the Undo after a save goes away
  undoTimer: null,
};

const UNDO_SECONDS = 10;

/** Now, by the server's clock when the phone's is off (a cramp "just now" must not be refused as in the future). */
function now() {
  return new Date(Date.now() + state.offset);
}

/** Runs one tap's work; taps while it runs are ignored, and the screen's buttons are disabled meanwhile. */
async function once(work) {
  if (state.busy) return;
  state.busy = true;
  const buttons = [...screen().querySelectorAll('button')];
  for (const b of buttons) b.disabled = true;
  try {
    await work();
  } finally {
    state.busy = false;
    // Only this screen's buttons, if it is still shown (a new screen wakes its own up).
    if (!screen().dataset.settling) for (const b of buttons) if (b.isConnected) b.disabled = false;
  }
}

const screen = () => document.getElementById('log-screen');
const statusLine = () => document.getElementById('log-status');

// ---- small DOM helpers (text only, never HTML) ----

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'onclick') node.addEventListener('click', value);
    else if (key === 'text') node.textContent = value;
    else node.setAttribute(key, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined && child !== false) node.append(child);
  }
  return node;
}

function show(...nodes) {
  const container = screen();
  container.replaceChildren(...nodes);
  // The second tap of a double tap lands on the new screen: its buttons wake up a moment later, so it answers nothing.
  const buttons = [...container.querySelectorAll('button')];
  for (const b of buttons) b.disabled = true;
  container.dataset.settling = 'true';
  clearTimeout(state.settle);
  state.settle = setTimeout(() => {
    delete container.dataset.settling;
    for (const b of buttons) b.disabled = false;
  }, 350);
}

function focusHeading(node) {
  node.setAttribute('tabindex', '-1');
  node.focus({ preventScroll: false });
}

const sideWords = { left: 'Left leg', right: 'Right leg', both: 'Both legs' };

function clock(iso) {
  const tz = state.kit?.timeZone;
  return new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: tz || undefined }).format(new Date(iso));
}

// ---- the waiting line ----

async function counts() {
  if (!state.account) return { waiting: 0, refused: 0 };
  // A cramp she deleted here still has to reach the server as a deletion, but it is not a cramp waiting to be sent.
  const pending = (await entriesOf(state.account)).filter(isWaiting);
  return { waiting: pending.filter((e) => !e.error).length, refused: pending.filter((e) => e.error).length };
}

async function updateStatus(saved) {
  const { waiting: n, refused } = await counts();
  const line = statusLine();
  if (refused > 0) {
    line.textContent = `${refused === 1 ? 'A cramp on this phone could' : `${refused} cramps on this phone could`} not be sent: see "Still on this phone" below.`;
  } else if (state.signedOut && n > 0) {
    line.replaceChildren('Sign in to send ', String(n), n === 1 ? ' waiting cramp. ' : ' waiting cramps. ', el('a', { href: '/Account/Login?ReturnUrl=%2Flog', text: 'Sign in' }));
  } else if (n > 0) {
    line.textContent = `${saved ? 'Saved on this phone' : 'On this phone'} — will send when you're back online (${n} waiting).`;
  } else {
    line.textContent = saved ? 'Saved.' : '';
  }
}

// ---- opening ----

async function start() {
  const kit = await fetchKit();
  if (kit === 'signed-out') {
    await showSignedOut();
    return;
  }
  if (kit === 'not-a-patient') {
    show(el('p', { text: 'The quick log is for patients. ' }, el('a', { href: '/', text: 'Go to the home page' })));
    return;
  }
  if (kit === 'no-profile') {
    show(el('p', { text: 'Finish your profile first, so we can check your answers: ' }, el('a', { href: '/onboarding', text: 'Your profile' })));
    return;
  }
  if (kit) {
    state.kit = kit;
    state.account = kit.accountKey;
    state.verified = true;
    kit.clockOffsetMs = Date.parse(kit.serverTime) - Date.now();
    await putKit(kit);
    await setAccount(kit.accountKey);
    checkClock(kit);
  } else {
    // No connection: the last account signed in on this phone, with what it kept.
    state.account = await getAccount();
    state.kit = state.account ? await getKit(state.account) : null;
  }
  const offset = state.kit?.clockOffsetMs ?? 0;
  state.offset = Math.abs(offset) > 60 * 1000 ? offset : 0;

  showLog();
  await updateStatus(false);
  // The rules are fetched after the first paint, never with the page itself; the service worker keeps them and the
  // shell so that the quick log opens with no connection.
  setTimeout(() => {
    navigator.serviceWorker?.register('/sw.js', { scope: '/', type: 'module' }).catch(() => {});
    loadRules().then(warmUp).catch(() => {});
  }, 0);
  sync();
}

async function fetchKit() {
  try {
    const response = await fetch('/api/v1/me/offline-kit', { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    if (response.status === 401) return 'signed-out';
    if (response.status === 403) return 'not-a-patient';
    if (response.status === 404) return 'no-profile';
    return response.ok ? await response.json() : null;
  } catch {
    return null; // offline
  }
}

function checkClock(kit) {
  const offset = Math.abs(Date.now() - Date.parse(kit.serverTime));
  if (offset > 10 * 60 * 1000) {
    document.getElementById('log').prepend(el('p', { class: 'lcc-log-notice', role: 'note', text: "Your phone's clock looks wrong. Times you log may be off until it is set right." }));
  }
}

async function showSignedOut() {
  const others = await countOthers(null);
  show(
    el('p', { text: 'Sign in to log a cramp.' }),
    others > 0
      ? el('p', { class: 'lcc-log-notice', text: `${others} ${others === 1 ? 'cramp is' : 'cramps are'} still on this phone; they will be sent when you sign in again.` })
      : null,
    el('a', { class: 'lcc-log-button lcc-log-primary', href: '/Account/Login?ReturnUrl=%2Flog', text: 'Sign in' }),
  );
}

// ---- screen 1: when, and which leg (saves straight away) ----

function showLog() {
  if (!state.account) {
    show(
      el('p', { text: "This phone hasn't kept what it needs to log offline yet. Open the app once while you're online and signed in." }),
      safetyNet(),
    );
    return;
  }

  let when = 'now';
  let custom = null;
  const choice = (value, label) => el('button', {
    type: 'button', 'aria-pressed': String(when === value), 'data-when': value, text: label,
    onclick: (e) => {
      when = value;
      for (const b of screen().querySelectorAll('[data-when]')) b.setAttribute('aria-pressed', String(b.dataset.when === when));
      customField.hidden = when !== 'custom';
      if (when === 'custom') customInput.focus();
      e.currentTarget.blur();
    },
  });
  const customInput = el('input', { id: 'custom-start', type: 'datetime-local' });
  customInput.addEventListener('change', () => { custom = customInput.value; });
  const customField = el('div', { class: 'lcc-log-field' }, el('label', { for: 'custom-start', text: 'Date and time it started' }), customInput);
  customField.hidden = true;
  const error = el('p', { class: 'lcc-log-error', role: 'alert' });

  const leg = (side, label) => el('button', {
    type: 'button', class: 'lcc-log-primary', text: label,
    onclick: () => once(async () => {
      let started = now();
      if (when === 'few') started = new Date(now().getTime() - 5 * 60 * 1000);
      if (when === 'custom') {
        if (!custom) { error.textContent = 'Date and time it started: choose when it began, or tap "Just now".'; return; }
        started = new Date(custom);
        if (started.getTime() > now().getTime() + 60 * 1000) { error.textContent = "Date and time it started can't be in the future."; return; }
      }
      await save(side, started);
    }),
  });

  show(
    el('fieldset', { class: 'lcc-log-question' },
      el('legend', { text: 'When did it start?' }),
      el('div', { class: 'lcc-log-choices' }, choice('now', 'Just now'), choice('few', 'A few minutes ago'), choice('custom', 'Earlier…')),
      customField),
    el('h2', { id: 'which-leg', text: 'Which leg?' }),
    el('p', { class: 'lcc-log-hint', text: 'Saves straight away.' }),
    el('div', { class: 'lcc-log-legs', role: 'group', 'aria-labelledby': 'which-leg' }, leg('left', 'Left'), leg('right', 'Right'), leg('both', 'Both')),
    error,
    waitingList(),
  );
}

async function save(side, started) {
  const at = new Date().toISOString(); // the phone's own clock (the start below is corrected by the server's)
  const clientId = crypto.randomUUID();
  const entry = {
    clientId,
    accountKey: state.account,
    body: { clientId, startedAt: started.toISOString(), side, answers: {} },
    answeredAt: at,
    createdAt: at,
    serverId: null,
    sentAnswers: null,
    shown: null,
    error: null,
  };
  await putEntry(entry); // on the phone before anything is sent
  state.current = entry;
  state.question = 0;
  state.undoUntil = Date.now() + UNDO_SECONDS * 1000;
  await updateStatus(true);
  showQuestion();
  sync();
  // Where the browser has Background Sync, it sends what waits when the network is back, even with the page closed.
  navigator.serviceWorker?.ready.then((r) => r.sync?.register('lcc-send')).catch(() => {});
}

// ---- screen 2: the questions, one at a time ----

function questions() {
  return state.kit?.questions ?? [];
}

async function update(mutate) {
  // On the newest stored copy; when the server already had everything (the entry was cleared), from the page's copy,
  // so that the new answer is sent too.
  state.current = await modifyEntry(state.current.clientId, (entry) => {
    mutate(entry);
    entry.answeredAt = new Date().toISOString(); // the phone's own clock: the server works out how far off it is
    return entry;
  }, state.current);
}

/** The questions to ask for this cramp: those about pain still there only when she said it is. */
function asked(q) {
  const when = q.askedWhen;
  return !when || state.current.body.answers[when.answer] === when.value;
}

function showQuestion() {
  const list = questions();
  while (list[state.question] && !asked(list[state.question])) state.question += 1;
  const q = list[state.question];
  if (!q) {
    showResult();
    return;
  }
  const answer = (value) => once(async () => {
    // Stored with the answer: "being checked on this phone", so a send waits a moment for what the rules show.
    await update((e) => { e.body.answers[q.answer] = value; e.assessing = Date.now(); });
    state.question += 1;
    await updateStatus(true);
    // A warning sign is answered at once, never after the remaining questions and never held back for a connection;
    // if the rules can't answer yet, the safety net with the numbers to call is shown at once instead.
    const model = await assessOnThePhone(state.current, 1500);
    if (model?.card.isUrgent) {
      await showModel(model);
    } else if (!model && q.warningSign && value === q.yes) {
      await showModel(null);
    } else {
      await doneAssessing(); // no card for this answer yet: nothing shown to record
      showQuestion();
    }
    sync();
  });
  const heading = el('h2', { id: 'question', text: q.label });
  // Before any answer, "later" is the night's choice: the morning will ask again (W6). After some, the card says what
  // the answers so far mean.
  const nothingAnswered = Object.keys(state.current.body.answers).length === 0;
  show(
    el('p', { class: 'lcc-log-muted', text: `${sideWords[state.current.body.side]}, ${clock(state.current.body.startedAt)}. Question ${state.question + 1} of ${list.length}.` }),
    heading,
    q.hint ? el('p', { class: 'lcc-log-hint', text: q.hint }) : null,
    el('div', { class: 'lcc-log-answers', role: 'group', 'aria-labelledby': 'question', 'data-question': q.id },
      q.choices
        ? q.choices.map((c) => el('button', { type: 'button', class: 'lcc-log-primary', text: c.label, onclick: () => answer(c.value) }))
        : [el('button', { type: 'button', class: 'lcc-log-primary', text: 'Yes', onclick: () => answer(q.yes) }),
          el('button', { type: 'button', class: 'lcc-log-primary', text: 'No', onclick: () => answer(q.no) })]),
    nothingAnswered
      ? el('button', { type: 'button', text: 'Later – ask me in the morning', onclick: () => once(() => showLater()) })
      : el('button', { type: 'button', text: 'Answer later', onclick: () => once(() => showResult()) }),
    undoSlot(),
  );
  focusHeading(heading);
}

// ---- Undo, for a moment after the save ----

/** "Undo (n)" for ten seconds after the save, on the screen right after it; then how to remove it later. */
function undoSlot() {
  clearInterval(state.undoTimer);
  const left = () => Math.ceil((state.undoUntil - Date.now()) / 1000);
  // The slot keeps its height when Undo goes, so nothing moves under her thumb.
  const slot = el('div', { class: 'lcc-log-undo' });
  if (left() <= 0) return slot;
  const button = el('button', { type: 'button', onclick: () => once(() => undo()) });
  const label = () => {
    button.textContent = `Undo (${left()})`;
    button.setAttribute('aria-label', `Undo (${left()}): remove this cramp, ${left()} seconds left`);
  };
  label();
  slot.append(button);
  state.undoTimer = setInterval(() => {
    if (!button.isConnected || left() <= 0) {
      clearInterval(state.undoTimer);
      if (button.isConnected) {
        const hadFocus = document.activeElement === button;
        const hint = el('span', { class: 'lcc-log-hint', tabindex: '-1', text: 'To remove it, open it from your history.' });
        button.replaceWith(hint);
        if (hadFocus) hint.focus(); // focus never falls back to the top of the page
      }
      return;
    }
    label();
  }, 250);
  return slot;
}

async function undo() {
  const entry = state.current;
  state.undoUntil = 0;
  // Marked deleted on the phone: the next round of sending deletes it on the server if it got there. When the server
  // already had everything (the entry was cleared), a marker with what the page knows takes its place.
  await modifyEntry(entry.clientId, (stored) => ({ ...stored, deleted: true }),
    { ...entry, deleted: true, serverId: state.serverIds.get(entry.clientId) ?? entry.serverId ?? null, attempted: true });
  state.current = null;
  const heading = el('h2', { id: 'removed', text: 'Removed. That cramp was not saved.' });
  show(heading, el('div', { class: 'lcc-log-stack' },
    el('button', { type: 'button', class: 'lcc-log-primary', text: 'Log a cramp', onclick: () => { showLog(); updateStatus(false); } }),
    el('a', { class: 'lcc-log-button', href: '/', text: 'Go to the home page' })));
  focusHeading(heading);
  await updateStatus(false);
  sync();
}

// ---- "Later – ask me in the morning" (W6): three lines, no reminder promised ----

function showLater() {
  state.undoUntil = 0;
  // From the kit (her numbers); a kit kept before the notice was in it gets the same three lines with the safety net's.
  const lines = state.kit?.laterNotice ?? ['Saved. Open the app in the morning to answer the questions.', ...(state.kit?.safetyNet ?? []).slice(0, 1), 'Sleep well.'];
  const notice = el('div', { class: 'lcc-log-notice', role: 'status', 'data-testid': 'later-notice' }, lines.map((t) => el('p', { text: t })));
  show(
    notice,
    el('div', { class: 'lcc-log-stack' },
      el('button', { type: 'button', class: 'lcc-log-primary', text: 'Log another cramp', onclick: () => { state.current = null; showLog(); updateStatus(false); } }),
      el('a', { class: 'lcc-log-button', href: '/', text: 'Go to the home page' })),
  );
  focusHeading(notice);
}

// ---- screen 3: what to do now ----

async function showResult() {
  const entry = state.current;
  const stored = await getEntry(entry.clientId);
  const server = state.serverResults.get(entry.clientId);
  if (server && !(stored && needsSending(stored))) {
    renderCard(server, true); // the server has every answer: its card is the one of record
    return;
  }
  await showModel(await assessOnThePhone(entry, 4000));
}

/**
 * One assessment of a made-up cramp with no answers, her kit and nothing else, thrown away: the rules' first call pays
 * for loading their code (100–400 ms), and in the worker that is off this page's thread, before her first answer.
 */
async function warmUp(rules) {
  if (!state.kit || !rules.inAWorker) return;
  const entry = { body: { clientId: crypto.randomUUID(), startedAt: now().toISOString(), side: 'Left', answers: {} } };
  await rules.assess(JSON.stringify(request(entry)));
}

/** The card the rules on this phone give now, or null when they are not here (yet) or too slow to start. */
async function assessOnThePhone(entry, waitMs) {
  if (!state.kit) return null;
  try {
    // Rules slow to start never keep her from a card (the safety net then); an assessment in the worker that does not
    // answer within WORKER_CALL_MS fails, and the worker is replaced.
    const rules = await Promise.race([loadRules(), new Promise((_, reject) => setTimeout(() => reject(new Error('slow')), waitMs))]);
    const answer = JSON.parse(await rules.assess(JSON.stringify(request(entry))));
    return answer.error ? null : answer;
  } catch {
    return null;
  }
}

async function showModel(model) {
  await recordShown(model);
  renderCard(model, false); // without the rules: the safety net, never an empty card
}

async function doneAssessing() {
  if (!state.current) return;
  const stored = await modifyEntry(state.current.clientId, (e) => ({ ...e, assessing: 0 }));
  if (stored) state.current = stored;
}

/**
 * What she was shown, for these answers exactly: the server keeps it beside its own result. The safety net (no rules
 * here yet) is "none" by rule set "safety-net". Only on a cramp still waiting: once the server has her answers, its own
 * result is the one of record.
 */
async function recordShown(model) {
  if (!state.current) return;
  const shown = model
    ? { level: model.level, ruleSetVersion: model.ruleSetVersion, for: answersKey(state.current.body.answers) }
    : { level: 'none', ruleSetVersion: 'safety-net', for: answersKey(state.current.body.answers) };
  const stored = await modifyEntry(state.current.clientId, (e) => {
    const next = { ...e, assessing: 0 };
    if (answersKey(e.body.answers) === shown.for) next.shown = shown;
    return next;
  });
  if (stored) state.current = stored;
}

function request(entry) {
  const kit = state.kit;
  const nights = new Set(kit.nights ?? []);
  return {
    cramp: entry.body,
    patient: kit.patient,
    nights: [...nights],
    options: kit.options,
    assessedAt: new Date().toISOString(),
    timeZone: kit.timeZone,
    contacts: kit.contacts,
  };
}

function renderCard(model, fromServer) {
  const nodes = [];
  if (model) {
    nodes.push(card(model.card, model.ruleSetVersion, fromServer));
  } else {
    nodes.push(el('div', { class: 'lcc-log-card', 'data-testid': 'safety-net-card' },
      el('h2', { id: 'result-heading', text: "Your answers will be checked when you're back online" }),
      safetyNet()));
  }
  nodes.push(el('div', { class: 'lcc-log-stack' },
    el('button', { type: 'button', class: 'lcc-log-primary', text: 'Log another cramp', onclick: () => { state.current = null; showLog(); updateStatus(false); } }),
    el('a', { class: 'lcc-log-button', href: '/', text: 'Go to the home page' })));
  show(...nodes);
  const heading = screen().querySelector('h2');
  if (heading) focusHeading(heading);
}

function card(c, version, fromServer) {
  const urgent = c.kind === 'emergency' || c.kind === 'urgent';
  return el('section', { class: `lcc-log-card${urgent ? ' lcc-log-urgent' : ''}`, 'data-testid': 'result-card', 'data-kind': c.kind, 'aria-labelledby': 'result-heading' },
    el('h2', { id: 'result-heading', text: c.heading }),
    c.call ? el('a', { class: 'lcc-log-button lcc-log-call', href: `tel:${c.call.tel}`, text: c.call.label }) : null,
    c.actions?.length ? el('div', {}, c.actions.map((a) => el('p', { text: a }))) : null,
    c.legAdvice ? el('p', { text: c.legAdvice }) : null,
    c.forNow ? el('p', { text: c.forNow }) : null,
    c.clock ? el('p', { text: c.clock }) : null,
    c.note ? el('p', { text: c.note }) : null,
    c.reasons?.length
      ? el('div', {}, el('p', { text: c.reasonsIntro }), el('ul', {}, [...c.reasons, ...(c.moreReasons ?? [])].map((r) => el('li', { text: r.text }))))
      : null,
    // As on the live card: not on an emergency card, where the one thing to do is to call.
    c.unanswered?.length && c.kind !== 'emergency' ? el('p', { text: 'Some warning-sign questions are not answered yet. Answer them when you can.' }) : null,
    c.notAnsweredYet?.length ? el('div', {}, c.notAnsweredYet.map((t) => el('p', { text: t }))) : null,
    el('p', { class: 'lcc-log-version', text: `${fromServer ? 'Checked by LegCrampCare' : 'Checked on this phone'} with rule set ${version}.` }),
    safetyNet());
}

function safetyNet() {
  const lines = state.kit?.safetyNet;
  if (!lines?.length) {
    return el('p', { class: 'lcc-log-notice', text: 'If you are suddenly short of breath, have chest pain, cough up blood or faint, call the emergency number now.' });
  }
  return el('div', { class: 'lcc-log-notice', 'data-testid': 'safety-net' }, lines.map((t) => el('p', { text: t })));
}

// ---- what is still waiting: see, answer, delete ----

function waitingList() {
  const list = el('section', { id: 'waiting', 'aria-labelledby': 'waiting-heading', class: 'lcc-log-waiting' });
  entriesOf(state.account).then((entries) => {
    const waiting = entries.filter((e) => !e.deleted);
    if (waiting.length === 0) return;
    list.append(
      el('h2', { id: 'waiting-heading', text: 'Still on this phone' }),
      el('ul', {}, waiting.map((e) => el('li', {},
        el('span', { class: 'lcc-log-waiting-what', text: `${sideWords[e.body.side]}, ${clock(e.body.startedAt)}${e.error ? ` — ${e.error}` : ''}` }),
        el('button', { type: 'button', text: 'Answer the questions', onclick: () => { state.current = e; state.question = 0; state.undoUntil = 0; showQuestion(); } }),
        el('button', {
          type: 'button', text: 'Delete',
          onclick: async () => {
            if (!window.confirm('Delete this cramp? It will not be sent.')) return;
            const marked = await modifyEntry(e.clientId, (stored) => ({ ...stored, deleted: true }));
            if (!marked) window.alert('This cramp was already sent. To delete it, open it from your history.');
            await updateStatus(false);
            showLog();
            sync();
          },
        })))));
  });
  return list;
}

// ---- sending ----

/**
 * The account the cookie is signed in to now must be the one whose cramps are sent: opened offline, the page used the
 * last account it knew. Another account (or none) means the page starts again with the right one.
 */
async function verifiedAccount() {
  if (state.verified) return true;
  const kit = await fetchKit();
  if (kit === 'signed-out') {
    state.signedOut = true;
    return false;
  }
  if (!kit || typeof kit !== 'object') return false; // still offline, or not a patient
  if (kit.accountKey !== state.account) {
    window.location.reload();
    return false;
  }
  state.kit = kit;
  state.verified = true;
  await putKit(kit);
  return true;
}

/** The server or the network failed: try again soon, then less often (2 s, 4 s … 30 s). */
function retryLater() {
  clearTimeout(state.retry);
  state.retryDelay = Math.min((state.retryDelay || 1000) * 2, 30_000);
  state.retry = setTimeout(sync, state.retryDelay);
}

async function sync() {
  if (!state.account) return;
  if (!state.syncing) state.verified = false; // another account may have signed in since the last round
  if (!state.syncing && !(await verifiedAccount())) {
    // The server could not be asked (no network, or it is restarting): try again later, as after a failed send, so
    // that what waits goes as soon as it is back, without waiting for another tap or an 'online' event.
    if (!state.signedOut && (await entriesOf(state.account)).some(needsSending)) retryLater();
    await updateStatus(Boolean(state.current));
    return;
  }
  if (state.syncing) {
    state.again = true; // something changed while sending: send again when this round ends
    return;
  }
  state.syncing = true;
  state.again = false;
  clearTimeout(state.retry);
  try {
    const outcome = await sendWaiting(state.account);
    state.signedOut = outcome.signedOut;
    for (const [clientId, id] of outcome.ids) state.serverIds.set(clientId, id);
    for (const [clientId, assessment] of outcome.results) {
      state.serverResults.set(clientId, { level: assessment.level, ruleSetVersion: assessment.ruleSetVersion, card: assessment.card });
    }
    const shownFor = state.current?.clientId; // read once: an Undo may clear it while this waits
    const current = shownFor && outcome.results.get(shownFor);
    const pending = shownFor && (await getEntry(shownFor));
    const onCard = screen().querySelector('[data-testid=result-card], [data-testid=safety-net-card]');
    // The server's card replaces the phone's; an urgent one is shown whatever she is looking at.
    if (current && state.current?.clientId === shownFor && !(pending && needsSending(pending)) && (onCard || current.card?.isUrgent)) {
      renderCard(state.serverResults.get(shownFor), true);
    }
    if (outcome.stopped && !outcome.signedOut) {
      retryLater();
    } else {
      state.retryDelay = 0;
    }
  } finally {
    state.syncing = false;
    await updateStatus(Boolean(state.current));
    document.getElementById('waiting')?.replaceWith(waitingList()); // what was sent leaves the list
  }
  if (state.again && !state.signedOut) {
    sync();
  }
}

window.addEventListener('online', () => sync());

if (document.getElementById('log-screen')) {
  start();
}
