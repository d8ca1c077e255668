/**
 * The popup's view of a whole tab: the top page's summary with the mentions of its same-origin
 * frames added in (issue #16). The background knows which frames reported mentions (from their
 * badge counts, `sender.frameId`), and the popup asks each of them, so no permission to list a
 * tab's frames is needed.
 */
import type { EntityId } from '../core/types';
import {
  type EntityCount,
  type PageSummary,
  type RevealAnswer,
  sendToBackground,
  sendToTab,
} from './messages';

/** The frames other than the top one that hold mentions; none when the background cannot say. */
async function mentionFrames(tabId: number): Promise<number[]> {
  try {
    const frames = await sendToBackground('mentionFrames', { tabId });
    return Array.isArray(frames) ? frames : [];
  } catch {
    return [];
  }
}

/**
 * The top frame's summary and the frames' summed in: counts added, an entity first mentioned in
 * a frame listed after the top page's (the top page's own first mention is kept). Throws as
 * `sendToTab` does when the top frame has no content script.
 */
export async function tabSummary(tabId: number): Promise<PageSummary> {
  const top = await sendToTab(tabId, 'getSummary', {});
  if (top?.state !== 'ready') return top;
  const frames = await mentionFrames(tabId);
  if (frames.length === 0) return top;
  const answers = await Promise.all(
    frames.map((frameId) => sendToTab(tabId, 'getSummary', {}, frameId).catch(() => null)),
  );
  return mergeSummaries(
    top,
    answers.filter((a): a is PageSummary => a?.state === 'ready'),
  );
}

/** `top` with the counts and first mentions of `frames` added. */
export function mergeSummaries(top: PageSummary, frames: readonly PageSummary[]): PageSummary {
  const entities = new Map<EntityId, EntityCount>(top.entities.map((e) => [e.entity, { ...e }]));
  let total = top.total;
  for (const frame of frames) {
    total += frame.total;
    for (const e of frame.entities) {
      const known = entities.get(e.entity);
      if (known) known.count += e.count;
      else entities.set(e.entity, { ...e });
    }
  }
  return { ...top, total, entities: [...entities.values()] };
}

/**
 * Reveals a mention of `entity`: in the top page if it has one, else in the first frame that
 * does. (A frame's mentions are stepped through only once the top page has none of the entity.)
 */
export async function revealInTab(tabId: number, entity: EntityId): Promise<RevealAnswer | null> {
  const top = await sendToTab(tabId, 'reveal', { entity });
  if (top?.ok) return top;
  for (const frameId of await mentionFrames(tabId)) {
    const answer = await sendToTab(tabId, 'reveal', { entity }, frameId).catch(() => null);
    if (answer?.ok) return answer;
  }
  return top ?? null;
}
