/// <reference types="vite/client" />
import { render } from 'preact';
import { browser } from 'wxt/browser';
import '../../components/theme.css';
import '../../components/popup.css';
import { Popup } from '../../components/Popup';
import { loadActiveDataset } from '../../extension/active-dataset';
import { withLocalFronts } from '../../extension/front-names';

const param = new URLSearchParams(location.search).get('tab');
const ownTab = param !== null && /^\d+$/.test(param);

/**
 * The tab the popup is about: the active tab of its window, or `?tab=<id>` when the popup page
 * is opened as a tab of its own (end-to-end tests do that).
 */
async function targetTab(): Promise<number | undefined> {
  if (ownTab) return Number(param);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

const root = document.getElementById('root');
// The toolbar's popup closes after a reveal, to leave the mention in view; a tab of its own stays.
const close = ownTab ? undefined : () => window.close();
if (root)
  void Promise.all([targetTab(), loadActiveDataset()]).then(([tabId, active]) =>
    render(<Popup tabId={tabId} data={withLocalFronts(active.dataset)} close={close} />, root),
  );
