// The quick log's storage on the phone (ADR 0021): IndexedDB "lcc".
//   entries: cramps not yet fully on the server, keyed by clientId, each with the opaque key of the account it belongs to
//   kits:    per account key, what the rules need offline (GET /api/v1/me/offline-kit)
//   meta:    { key: "account", value: the account key last signed in on this phone }
// A cramp is written here before anything is sent: "Saved" is true whether or not the network answers.

const NAME = 'lcc';
const VERSION = 1;

let dbPromise;

function open() {
  dbPromise ??= new Promise((resolve, reject) => {
    const request = indexedDB.open(NAME, VERSION);
    request.onupgradeneeded = () => {
      const db = request.result;
      if (!db.objectStoreNames.contains('entries')) {
        db.createObjectStore('entries', { keyPath: 'clientId' }).createIndex('accountKey', 'accountKey');
      }
      if (!db.objectStoreNames.contains('kits')) {
        db.createObjectStore('kits', { keyPath: 'accountKey' });
      }
      if (!db.objectStoreNames.contains('meta')) {
        db.createObjectStore('meta', { keyPath: 'key' });
      }
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  return dbPromise;
}

async function run(storeName, mode, work) {
  const db = await open();
  return new Promise((resolve, reject) => {
    const tx = db.transaction(storeName, mode);
    const result = work(tx.objectStore(storeName));
    tx.oncomplete = () => resolve(result?.result);
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new Error('The phone refused to store it.'));
  });
}

/** Stores (or replaces) a cramp; resolves once the phone has committed it. */
export const putEntry = (entry) => run('entries', 'readwrite', (s) => s.put(entry));

export const deleteEntry = (clientId) => run('entries', 'readwrite', (s) => s.delete(clientId));

/**
 * Reads, changes and writes one cramp in one transaction, so that the sender and the page never overwrite each other's
 * newer data: change(entry) gets the stored entry (or fallback when there is none) and returns what to store, or null to
 * delete it. Resolves with what was stored.
 */
export async function modifyEntry(clientId, change, fallback = null) {
  const db = await open();
  return new Promise((resolve, reject) => {
    const tx = db.transaction('entries', 'readwrite');
    const store = tx.objectStore('entries');
    let written = null;
    const read = store.get(clientId);
    read.onsuccess = () => {
      const current = read.result ?? (fallback ? structuredClone(fallback) : null);
      if (!current) return;
      written = change(current);
      if (written) store.put(written);
      else store.delete(clientId);
    };
    tx.oncomplete = () => resolve(written);
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new Error('The phone refused to store it.'));
  });
}

export const getEntry = (clientId) => run('entries', 'readonly', (s) => s.get(clientId));

/** The cramps of one account, oldest first. */
export async function entriesOf(accountKey) {
  const all = await run('entries', 'readonly', (s) => s.index('accountKey').getAll(accountKey));
  return (all ?? []).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

/** How many cramps are on this phone for accounts other than the one given (or for any, with null). */
export async function countOthers(accountKey) {
  const all = await run('entries', 'readonly', (s) => s.getAll());
  return (all ?? []).filter((e) => e.accountKey !== accountKey && !e.deleted).length;
}

export const putKit = (kit) => run('kits', 'readwrite', (s) => s.put(kit));

export const getKit = (accountKey) => run('kits', 'readonly', (s) => s.get(accountKey));

export const deleteKit = (accountKey) => run('kits', 'readwrite', (s) => s.delete(accountKey));

export async function getAccount() {
  const row = await run('meta', 'readonly', (s) => s.get('account'));
  return row?.value ?? null;
}

export const setAccount = (accountKey) => run('meta', 'readwrite', (s) => s.put({ key: 'account', value: accountKey }));

export const clearAccount = () => run('meta', 'readwrite', (s) => s.delete('account'));

/** The account that signed out last on this phone, whose waiting cramps the sign-in page mentions. */
export async function getSignedOut() {
  const row = await run('meta', 'readonly', (s) => s.get('signedOut'));
  return row?.value ?? null;
}

export const setSignedOut = (accountKey) => run('meta', 'readwrite', (s) => s.put({ key: 'signedOut', value: accountKey }));

export const clearSignedOut = () => run('meta', 'readwrite', (s) => s.delete('signedOut'));

/**
 * Deletes every waiting cramp of one account from this phone (after an explicit "Delete them"). Cramps she deleted that
 * the server may have stay, to be deleted there when she signs in again.
 */
export async function deleteEntriesOf(accountKey) {
  for (const entry of await entriesOf(accountKey)) {
    if (!entry.deleted) await deleteEntry(entry.clientId);
  }
}
