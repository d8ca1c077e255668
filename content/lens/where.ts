/** Which frames the content scripts run in (the pages are in `extension/pages.ts`). */

/** Frames run the lens only when they share the top page's origin (no ad or embed frames). */
export function isTopOrSameOriginFrame(): boolean {
  if (window === window.top) return true;
  try {
    // `origin`, not `location.origin`: an about:blank or srcdoc frame has the page's origin but
    // a location whose origin reads "null". A cross-origin top throws here.
    return window.top?.origin === window.origin;
  } catch {
    return false;
  }
}
