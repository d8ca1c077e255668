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
@media (prefers-color-scheme: dark) {
  .card { --bg: #1f2128; --fg: #eceef3; --muted: #a9aebb; --line: #3a3d48; --chip: #2b2e37;
    --accent: #7aa7ff; }
}
@media (prefers-reduced-motion: reduce) { .card { transition: none; } }
.card:focus { outline: none; }
.card:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
.inner { padding: 12px 14px; }
header { display: flex; align-items: baseline; gap: 8px; flex-wrap: wrap; }
h2 { margin: 0; font-size: 1.1em; line-height: 1.3; font-weight: 650; }
.kind { font-size: 0.8em; color: var(--muted); text-transform: capitalize; }
.swatch { width: 10px; height: 10px; border-radius: 3px; flex: none; align-self: center; }
.desc { margin: 4px 0 0; }
.matched { margin: 6px 0 0; font-size: 0.85em; color: var(--muted); }
.leader { margin: 6px 0 0; font-size: 0.9em; }
h3 { margin: 12px 0 4px; font-size: 0.78em; text-transform: uppercase; letter-spacing: 0.04em;
  color: var(--muted); font-weight: 600; }
ul { margin: 0; padding: 0; list-style: none; }
li { margin: 0 0 8px; }
li:last-child { margin-bottom: 0; }
.front-name { font-weight: 600; }
.rival { color: var(--muted); }
.meta { display: block; font-size: 0.8em; color: var(--muted); }
cite { font-style: normal; }
.summary { font-size: 0.93em; }
time { font-variant-numeric: tabular-nums; }
footer { display: flex; justify-content: space-between; align-items: center; gap: 8px;
  margin-top: 12px; padding-top: 8px; border-top: 1px solid var(--line);
  font-size: 0.8em; color: var(--muted); }
button {
  font: inherit; color: var(--fg); background: var(--chip);
  border: 1px solid var(--line); border-radius: 6px; padding: 3px 10px; cursor: pointer;
}
button:hover { border-color: var(--muted); }
button:focus-visible { outline: 2px solid var(--accent); outline-offset: 1px; }
`;
