// The offline-first quick log (ADR 0021). The rules are loaded after the first paint, never with the page itself.

/** The rules running in this browser, booted once: { assess, assessMany, ruleSetVersion }. */
let rulesPromise;

export function loadRules() {
  rulesPromise ??= import('/engine/main.js').then((m) => m.rules);
  return rulesPromise;
}
