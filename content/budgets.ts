/**
 * The budgets of the content script that work together, in one place: how long a slice of ours
 * may run, how much text one call of the matcher takes, and where a page counts as too large.
 * The measurements behind each number are in docs/benchmark.md.
 */

/** A slice's time budget, in ms: far below the 50 ms that makes a long task. */
export const SLICE_BUDGET_MS = 8;

/** Characters matched per call of the matcher: about a millisecond of its time. */
export const MATCH_WINDOW = 32 * 1024;
/** Context read on each side of a window: longer than any name and its context words. */
export const MATCH_OVERLAP = 512;
/**
 * A block whose whole text fits one window is taken from the DOM in one call and matched at
 * once; a longer one is read node by node and matched window by window, in slices.
 */
export const WHOLE_TEXT_MAX = MATCH_WINDOW;

/** Nodes visited between two looks at the clock. */
export const NODES_PER_CLOCK_CHECK = 512;

/** A generous limit on one stretch of reading: 20 million characters is a few thousand book pages. */
export const DEFAULT_LIMIT_CHARS = 20_000_000;
/**
 * Wrappers of nodes one stretch of reading may keep alive. Every node a content script holds has
 * a wrapper in one table of its world, which the browser grows in single long steps that no
 * slicing of ours can shorten; a news page has a few thousand blocks, so a page past this pauses
 * and waits for the reader to ask.
 */
export const DEFAULT_LIMIT_NODES = 80_000;
/**
 * Nodes one owner may hold while it is read (a paragraph of a million text nodes made by script):
 * below the wrapper table's step at 65,536 entries, so that step never falls inside our slices.
 */
export const DEFAULT_LIMIT_OWNER_NODES = 60_000;
/** When one batch of changes touches more owners than this, re-reading the page is cheaper. */
export const HUGE_BATCH = 5000;

/**
 * Mentions on a page beyond which only those near the viewport are painted: each change to the
 * highlight registry makes the browser rebuild its markers for every range.
 */
export const PAINT_ALL_LIMIT = 2000;
/** Slices that working out the mentions' document order may take before a summary is answered. */
export const ORDER_SLICES = 60;
