/** The card's CSS, as a string (a `.css` file under `entrypoints/` would become an entrypoint). */

/** Styles inside the `<rivalry-lens>` shadow root; `:host` resets everything the page passes down. */
export const CARD_CSS = `
:host { all: initial !important; }
.card {
  --bg: #ffffff; --fg: #1c1d21; --muted: #5b5f6b; --line: #d9dbe1; --chip: #f1f2f5;
  --accent: #2563eb;
  color-scheme: light dark;
  position: fixed; inset: auto; margin: 0; padding: 0;
  box-sizing: border-box;
  width: max-content; max-width: min(384px, calc(100vw - 16px));
  max-height: min(480px, calc(100vh - 16px)); overflow: hidden;
  background: var(--bg); color: var(--fg);
  border: 1px solid var(--line); border-radius: 10px;
  box-shadow: 0 8px 28px rgb(0 0 0 / 0.22);
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  text-align: start; letter-spacing: normal; text-transform: none;
  opacity: 1; transition: opacity 120ms ease-out;
}
/* Header and content scroll in .card-body when the room is short; .card-controls always shows. */
.card:popover-open { display: flex; flex-direction: column; }
.card-body { flex: 0 1 auto; min-height: 0; overflow: auto; overscroll-behavior: contain;
  padding: 12px 14px 0; }
.card-controls { flex: none; display: flex; flex-wrap: wrap; align-items: center; gap: 6px 8px;
  justify-content: flex-start; margin: 8px 0 0; padding: 8px 14px 10px; }
.card-controls > :last-child { margin-inline-start: auto; }
.card.waiting { opacity: 0; pointer-events: none; }
@starting-style { .card:popover-open { opacity: 0; } }
/* The page's scheme, set on the card by followPageScheme (content/paint/page-scheme.ts). */
.card[data-scheme="dark"] { --bg: #1f2128; --fg: #eceef3; --muted: #a9aebb;
  --line: #3a3d48; --chip: #2b2e37; --accent: #7aa7ff; }
@media (prefers-reduced-motion: reduce) { .card { transition: none; } }
.card:focus { outline: none; }
.card:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
header { display: flex; align-items: baseline; gap: 8px; }
h2 { margin: 0; font-size: 1.1em; line-height: 1.3; font-weight: 650; min-width: 0; }
.kind { font-size: 0.8em; color: var(--muted); text-transform: capitalize; }
.not-highlighted { font-size: 0.8em; color: var(--muted); }
.as-of { margin: 8px 0 0; font-size: 0.85em; color: var(--muted); }
.swatch { width: 10px; height: 10px; border-radius: 3px; flex: none; align-self: center;
  background: var(--swatch-light); box-shadow: inset 0 0 0 1px rgb(0 0 0 / 0.3); }
.card[data-scheme="dark"] .swatch { background: var(--swatch-dark);
  box-shadow: inset 0 0 0 1px rgb(255 255 255 / 0.35); }
.nav { display: flex; align-items: center; gap: 4px; flex: none;
  color: var(--muted); font-variant-numeric: tabular-nums; }
.desc { margin: 2px 0 0; }
.desc.clamped { display: -webkit-box; -webkit-box-orient: vertical; -webkit-line-clamp: 3;
  line-clamp: 3; overflow: hidden; }
.matched { margin: 4px 0 0; font-size: 0.85em; color: var(--muted); }
ul { margin: 0; padding: 0; list-style: none; }
.fronts { margin: 6px 0 0; }
.fronts li { margin: 0; }
.front-name { font-weight: 600; }
.rival { color: var(--muted); }
/* A rival's name opens its card: a link's look, a button's semantics. */
button.rival-link { font: inherit; color: var(--accent); background: none; border: 0;
  padding: 0; border-radius: 2px; text-decoration: underline; text-underline-offset: 2px; }
button.rival-link:hover { border: 0; text-decoration-thickness: 2px; }
/* Stays in view while the card's content scrolls under it. */
button.back { display: block; position: sticky; top: 0; z-index: 1; margin: 0 0 6px;
  padding: 1px 8px; font-size: 0.85em; box-shadow: 0 0 0 4px var(--bg); }
.visually-hidden { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px;
  overflow: hidden; clip-path: inset(50%); white-space: nowrap; border: 0; }
.more { margin: 8px 0 0; padding-top: 6px; border-top: 1px solid var(--line); font-size: 0.93em; }
.more p { margin: 0 0 6px; }
.facts li { margin: 0 0 6px; }
.facts li:last-child { margin-bottom: 0; }
.source { font-size: 0.86em; color: var(--muted); white-space: nowrap; }
a { color: var(--accent); text-decoration: underline; text-underline-offset: 2px; }
a:focus-visible { outline: 2px solid var(--accent); outline-offset: 1px; border-radius: 2px; }
time { font-variant-numeric: tabular-nums; }
.facts time { color: var(--muted); margin-inline-end: 4px; }
footer { display: flex; justify-content: space-between; align-items: center; gap: 8px;
  flex-wrap: wrap; margin-top: 8px; padding-top: 6px; border-top: 1px solid var(--line);
  font-size: 0.8em; color: var(--muted); }
.actions, .not-this { display: flex; align-items: center; gap: 6px; flex-wrap: wrap; }
.actions { margin-inline-start: auto; }
.not-this span { color: var(--fg); }
fieldset.not-this { margin: 0; padding: 0; border: 0; min-width: 0; }
button {
  font: inherit; color: var(--fg); background: var(--chip);
  border: 1px solid var(--line); border-radius: 6px; padding: 3px 10px; cursor: pointer;
}
button:hover { border-color: var(--muted); }
button:focus-visible { outline: 2px solid var(--accent); outline-offset: 1px; }
button.icon { padding: 0 7px; line-height: 1.4; }
button.quiet { background: transparent; }
/* The footer's notes are small; its buttons stay big enough to read and to hit. */
footer button { font-size: 1.125em; padding: 3px 11px; }
footer button.icon { padding: 1px 9px; }
`;
