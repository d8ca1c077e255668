/**
 * Every message between the content script, the background and the popup, in one typed map.
 * A request is `{ type, ...payload }`; the map gives each type's payload and response.
 */
import { browser } from 'wxt/browser';
import type { CardModel } from '../core/card-model';
import type { EntityId } from '../core/types';
import type { Dismissal } from './dismissal';
import type { SettingName, SettingValues } from './setting-specs';

/** What a content script reports about its page. */
export type PageState =
  /** Still scanning the page for the first time. */
  | 'loading'
  /** Scanned; highlights are live. */
  | 'ready'
  /** The user turned Rivalry Lens off on this site. */
  | 'site-off'
  /** The user paused Rivalry Lens everywhere. */
  | 'paused'
  /** The page is larger than we process by default; the user may go on anyway. */
  | 'too-large'
  /** Reading stopped on an error (reported to the page's console); the user may retry. */
  | 'failed';

/** A mention in its words, split so that the name can be shown apart from its context. */
export interface Snippet {
  /** E.g. "…Altman explored a deal with " (with "…" where the text was cut). */
  before: string;
  /** The mention as the page wrote it, e.g. "Stoke Space". */
  name: string;
  /** E.g. ", a rival…". */
  after: string;
}

export interface EntityCount {
  entity: EntityId;
  count: number;
  /** The first mention's words in context, e.g. "…Altman explored a deal with Stoke Space, a rival…". */
  firstContext: string;
  /** The same words, split around the mention. */
  snippet: Snippet;
}

/** Where a revealed mention is among the entity's (or the page's) mentions, from 1. */
export interface RevealAnswer {
  ok: boolean;
  index: number;
  total: number;
}

export interface PageSummary {
  state: PageState;
  /** Host of the page, e.g. `news.example.com`. */
  host: string;
  total: number;
  entities: EntityCount[];
}

export interface MessageMap {
  /** popup → content: what this page mentions. */
  getSummary: { request: Record<string, never>; response: PageSummary };
  /** popup → content: scroll to the entity's next mention, flash it and open its card. */
  reveal: { request: { entity: EntityId }; response: RevealAnswer };
  /** background → content: the `next-mention` keyboard command; move to the next mention and open its card. */
  nextMention: { request: Record<string, never>; response: RevealAnswer };
  /** popup → content: process a page that was paused as too large. */
  processAnyway: { request: Record<string, never>; response: { ok: boolean } };
  /** popup → content: read the page again after reading stopped on an error. */
  retry: { request: Record<string, never>; response: { ok: boolean } };
  /**
   * content → background: an entity's card (without `matched`, which the page adds). The
   * background holds the dataset's text, so the content script of every page does not.
   */
  getCard: { request: { entity: EntityId }; response: CardModel | null };
  /**
   * content → background: the settings a page needs, checked. The background holds the schemas,
   * so the content script of every page does not; it follows changes in `storage.onChanged`.
   */
  getSettings: { request: { names: SettingName[] }; response: Partial<SettingValues> };
  /** content → background: "Not this" on a card; the background stores it (`addDismissal`). */
  dismiss: { request: Dismissal; response: undefined };
  /** content → background: Undo of a "Not this" just made; the background removes it. */
  undismiss: { request: Dismissal; response: undefined };
  /** content → background: the page's mention count changed (badge). */
  mentionCount: { request: { total: number; active: boolean }; response: undefined };
  /**
   * popup → background: the frames of a tab, other than the top one, that reported mentions;
   * the popup asks each of them for its summary (`frames.ts`).
   */
  mentionFrames: { request: { tabId: number }; response: number[] };
}

export type MessageType = keyof MessageMap;
export type Message<T extends MessageType = MessageType> = { type: T } & MessageMap[T]['request'];
export type Response<T extends MessageType> = MessageMap[T]['response'];

export function isMessage<T extends MessageType>(value: unknown, type: T): value is Message<T> {
  return typeof value === 'object' && value !== null && (value as { type?: unknown }).type === type;
}

/** Sends a message to the content script of a tab (its top frame, or the frame `frameId`). */
export function sendToTab<T extends MessageType>(
  tabId: number,
  type: T,
  request: MessageMap[T]['request'],
  frameId = 0,
): Promise<Response<T>> {
  return browser.tabs.sendMessage(tabId, { type, ...request }, { frameId }) as Promise<Response<T>>;
}

/** Sends a message to the background. */
export function sendToBackground<T extends MessageType>(
  type: T,
  request: MessageMap[T]['request'],
): Promise<Response<T>> {
  return browser.runtime.sendMessage({ type, ...request }) as Promise<Response<T>>;
}
