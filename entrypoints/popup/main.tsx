/// <reference types="vite/client" />
import { render } from 'preact';
import { browser } from 'wxt/browser';
import '../../components/theme.css';
import '../../components/popup.css';
import { Popup } from '../../components/Popup';
import { dataset } from '../../core/rivalry-data';

/**
 * The tab the popup is about: the active tab of its window, or `?tab=<id>` when the popup page
 * is opened as a tab of its own (end-to-end tests do that).
 */
async function targetTab(): Promise<number | undefined> {
  const param = new URLSearchParams(location.search).get('tab');
  if (param !== null && /^\d+$/.test(param)) return Number(param);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

const root = document.getElementById('root');
if (root) void targetTab().then((tabId) => render(<Popup tabId={tabId} data={dataset} />, root));
