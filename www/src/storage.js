// The last session, kept in this browser's local storage (never sent anywhere): the plan,
// the view, the user's reps and the pinned baseline plan; restored when the page opens,
// unless a share link says otherwise. Only an element with the
// `persist` attribute uses it; `persist="name"` keeps its session apart from others'.

const KEY = 'incentive-playground.session';
/** Reps loaded from a file are kept with the session only up to this size (characters). */
export const MAX_STORED_CSV = 2_000_000;

/** The storage key of the session named `name` ('' or null: the standalone page's). */
function keyOf(name) {
  return name ? `${KEY}:${name}` : KEY;
}

/** Stores `session` under `name`; a full or disabled storage simply keeps nothing. */
export function saveSession(session, name = '') {
  try {
    localStorage.setItem(keyOf(name), JSON.stringify(session));
  } catch {
    // Storage full or disabled: the session is simply not kept.
  }
}

/** The saved session named `name`, or null (also when what is stored is not a session). */
export function loadSession(name = '') {
  try {
    const s = JSON.parse(localStorage.getItem(keyOf(name)) ?? 'null');
    return s && typeof s.plan === 'object' && s.plan !== null ? s : null;
  } catch {
    return null;
  }
}

/** Forgets the session named `name`. */
export function clearSession(name = '') {
  try {
    localStorage.removeItem(keyOf(name));
  } catch {
    // Storage disabled: there is nothing to forget.
  }
}
