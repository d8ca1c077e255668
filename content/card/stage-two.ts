/**
 * Stage two of the content script: the card UI (Preact, the card, its placement). Built apart as
 * an ES module (build/stage-two.ts) and imported the first time a card is to open, so a page that
 * never opens one never compiles it. It uses no extension API: stage one passes in what it needs.
 */
export { UNDO_MS } from '../../components/Card';
export { createCardHost } from './card-host';
