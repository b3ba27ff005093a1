// Signing out on a phone that keeps cramps for the quick log (ADR 0021): what waits is sent first (a few seconds at
// most), then what the rules needed for this account is deleted; the waiting cramps stay, under the account's key,
// until she signs in again or deletes them. The sign-in page says how many are still on this phone.

import { clearAccount, clearSignedOut, deleteEntriesOf, deleteKit, entriesOf, getAccount, getSignedOut, setSignedOut } from './store.js';
import { isWaiting, needsSending, sendWaiting } from './sync.js';

/** Before the sign-out form is posted: send, then forget what this account kept besides its waiting cramps. */
/** The account the browser is signed in to now, asked of the server (at most a few seconds); null when unknown. */
async function signedInAccount() {
  try {
    const response = await fetch('/api/v1/me/offline-kit', {
      credentials: 'same-origin', headers: { Accept: 'application/json' }, signal: AbortSignal.timeout(4000),
    });
    return response.ok ? (await response.json()).accountKey : null;
  } catch {
    return null;
  }
}

export async function beforeSignOut() {
  const account = await signedInAccount();
  if (!account) {
    // The server could not say: forget what the last account on this phone kept for the rules all the same.
    const last = await getAccount();
    if (last) await deleteKit(last);
    await clearAccount();
    return;
  }
  await Promise.race([sendWaiting(account).catch(() => null), new Promise((resolve) => setTimeout(resolve, 5000))]);
  await deleteKit(account);
  await clearAccount();
  const left = (await entriesOf(account)).filter(needsSending).length;
  if (left > 0) await setSignedOut(account);
  else await clearSignedOut();
}

/** On the sign-in page: "n cramps are still on this phone", with "Delete them" behind a warning. */
export async function showWaitingOnSignIn(container) {
  const account = await getSignedOut();
  if (!account) return;
  const entries = await entriesOf(account);
  const n = entries.filter(isWaiting).length;
  if (n === 0) {
    // Only deletions left to send (or nothing): they go when she signs in again; nothing to say here.
    if (!entries.some(needsSending)) await clearSignedOut();
    return;
  }
  const notice = document.createElement('div');
  notice.className = 'lcc-notice';
  notice.setAttribute('data-testid', 'waiting-on-this-phone');
  const text = document.createElement('p');
  text.textContent = `${n} ${n === 1 ? 'cramp is' : 'cramps are'} still on this phone; ${n === 1 ? 'it' : 'they'} will be sent when you sign in again.`;
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'lcc-button lcc-secondary';
  button.textContent = 'Delete them';
  button.addEventListener('click', async () => {
    if (!window.confirm(`Delete ${n === 1 ? 'this cramp' : `these ${n} cramps`} from this phone? ${n === 1 ? 'It has' : 'They have'} not been sent, and your midwife will never see ${n === 1 ? 'it' : 'them'}.`)) return;
    await deleteEntriesOf(account);
    await clearSignedOut();
    notice.replaceChildren(Object.assign(document.createElement('p'), { textContent: 'Deleted from this phone.' }));
  });
  notice.append(text, button);
  container.prepend(notice);
}

/**
 * On any page of a signed-in session, when cramps wait on this phone: send the signed-in account's (and only those), so
 * that "they will be sent when you sign in again" holds without opening the quick log.
 */
export async function sendIfWaiting() {
  const waiting = (await entriesOf(await getSignedOut() ?? '')).length + (await entriesOf(await getAccount() ?? '')).length;
  if (waiting === 0) return;
  const account = await signedInAccount();
  if (!account) return;
  const outcome = await sendWaiting(account);
  if (!outcome.stopped && (await getSignedOut()) === account) await clearSignedOut();
}
