// The rules off the page's thread (ADR 0021): the .NET runtime starts in this worker, so a tap on the quick log is
// never held up by its start-up. Each message { id, op, arg } is answered with { id, result } or { id, error }.
// Listens with addEventListener, never `onmessage`: dotnet.js takes a worker with an `onmessage` handler for one of its
// own threads and then never finishes starting (dotnet/runtime#114918).
const rules = import('/engine/main.js').then((m) => m.rules);

self.addEventListener('message', async (event) => {
  const { id, op, arg } = event.data;
  try {
    const ready = await rules;
    let result;
    if (op === 'assess') result = ready.assess(arg);
    else if (op === 'assessMany') result = ready.assessMany(arg);
    else if (op === 'ruleSetVersion') result = ready.ruleSetVersion();
    else throw new Error(`unknown operation ${op}`);
    self.postMessage({ id, result });
  } catch (error) {
    self.postMessage({ id, error: String(error && error.message ? error.message : error) });
  }
});
