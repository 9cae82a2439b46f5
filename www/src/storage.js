// The last session, kept in this browser's local storage (never sent anywhere): restored
// when the page opens, unless a share link says otherwise.

const KEY = 'incentive-playground.session';
/** Reps loaded from a file are kept with the session only up to this size (characters). */
export const MAX_STORED_CSV = 2_000_000;

export function saveSession(session) {
  try {
    localStorage.setItem(KEY, JSON.stringify(session));
  } catch {
    // Storage full or disabled: the session is simply not kept.
  }
}

/** The saved session, or null (also when what is stored is not a session). */
export function loadSession() {
  try {
    const s = JSON.parse(localStorage.getItem(KEY) ?? 'null');
    return s && typeof s.plan === 'object' && s.plan !== null ? s : null;
  } catch {
    return null;
  }
}

export function clearSession() {
  localStorage.removeItem(KEY);
}
