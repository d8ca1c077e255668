/**
 * Where the card goes: below the mention, or above it when it fits only there or there is more
 * room there; kept inside the viewport; never taller than the room on its side (it scrolls
 * inside instead). Pure, so every case is a unit test; `card-host.ts` measures and applies it.
 */

export interface Box {
  top: number;
  bottom: number;
  left: number;
}

export interface Placement {
  side: 'bottom' | 'top';
  x: number;
  y: number;
  /** The card's maximum height on that side, px. */
  maxHeight: number;
}

/** Between the mention and the card, px. */
export const GAP = 6;
/** Between the card and the viewport's edges, px. */
export const EDGE = 8;
/** The card is never squeezed below this, even in a tiny viewport, px. */
export const MIN_HEIGHT = 120;

/**
 * @param anchor the mention's box, in viewport coordinates
 * @param card the card's natural size
 * @param viewport the viewport's size (without scroll bars)
 */
export function placeCard(
  anchor: Box,
  card: { width: number; height: number },
  viewport: { width: number; height: number },
): Placement {
  const below = viewport.height - EDGE - (anchor.bottom + GAP);
  const above = anchor.top - GAP - EDGE;
  const side = card.height <= below || below >= above ? 'bottom' : 'top';
  const maxHeight = Math.max(MIN_HEIGHT, Math.floor(side === 'bottom' ? below : above));
  const height = Math.min(card.height, maxHeight);
  const y = side === 'bottom' ? anchor.bottom + GAP : anchor.top - GAP - height;
  return {
    side,
    // Shifted back inside the viewport, the start edge winning when it is too small for both.
    x: Math.max(EDGE, Math.min(anchor.left, viewport.width - EDGE - card.width)),
    y: Math.max(EDGE, Math.min(y, viewport.height - EDGE - height)),
    maxHeight,
  };
}
