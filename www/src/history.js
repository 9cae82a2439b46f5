// Undo and redo of plan edits: each state the element records is its plan and its preset.
// Keystrokes in the same field within a short time count as one edit, so undo goes back a
// value, not a character.

const COALESCE_MS = 1000;

/** The undo and redo stacks of one element's plan (each element has its own). */
export class History {
  constructor(limit = 200) {
    this.limit = limit;
    this.past = [];
    this.future = [];
    this.lastPath = null;
    this.lastTime = 0;
  }

  /**
   * Records `before` (the state before an edit of `path`); `now` is the time in ms. An
   * `untimed` edit joins the one before it whenever it has the same path (a slider's drag is
   * one step however long it takes).
   */
  record(before, path, now = Date.now(), untimed = false) {
    const sameField = path != null && path === this.lastPath && (untimed || now - this.lastTime < COALESCE_MS);
    if (!sameField) {
      this.past.push(before);
      if (this.past.length > this.limit) this.past.shift();
    }
    this.future = [];
    this.lastPath = path;
    this.lastTime = now;
  }

  /** The state to go back to from `current`, or null. */
  undo(current) {
    if (!this.past.length) return null;
    this.future.push(current);
    this.lastPath = null;
    return this.past.pop();
  }

  /** The state to go forward to from `current`, or null. */
  redo(current) {
    if (!this.future.length) return null;
    this.past.push(current);
    this.lastPath = null;
    return this.future.pop();
  }

  get canUndo() {
    return this.past.length > 0;
  }

  get canRedo() {
    return this.future.length > 0;
  }

  clear() {
    this.past = [];
    this.future = [];
    this.lastPath = null;
  }
}
