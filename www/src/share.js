// A whole scenario in a link, with no server: the plan, period, view and language (and the
// user's reps, when they fit) as JSON, deflated with the browser's CompressionStream and
// written base64url after `#s=`. The part after `#` is never sent to any server.

const PREFIX = '#s=';

async function pipe(bytes, stream) {
  const out = new Blob([bytes]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(out).arrayBuffer());
}

function toBase64Url(bytes) {
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

function fromBase64Url(text) {
  const b64 = text.replaceAll('-', '+').replaceAll('_', '/');
  return Uint8Array.from(atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4)), (c) => c.charCodeAt(0));
}

/** The hash fragment (`#s=…`) carrying `scenario`. */
export async function encodeScenario(scenario) {
  const json = new TextEncoder().encode(JSON.stringify({ v: 1, ...scenario }));
  return PREFIX + toBase64Url(await pipe(json, new CompressionStream('deflate-raw')));
}

/**
 * The scenario in a hash fragment, or null when there is none. Throws on a fragment that is
 * not a scenario; the caller shows that and carries on. Nothing in it is ever run or
 * inserted as HTML: the plan goes to the engine as data, text is rendered escaped.
 */
export async function decodeScenario(hash) {
  if (!hash?.startsWith(PREFIX)) return null;
  const bytes = await pipe(fromBase64Url(hash.slice(PREFIX.length)), new DecompressionStream('deflate-raw'));
  const scenario = JSON.parse(new TextDecoder().decode(bytes));
  if (scenario?.v !== 1 || typeof scenario.plan !== 'object' || scenario.plan === null) throw new Error('not a scenario');
  return scenario;
}
