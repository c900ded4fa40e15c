/**
 * The snippet language, shared with the docs' synced tabs (`<Tabs syncKey="lang">`). Starlight
 * stores the chosen tab's label (the language's short `name`) as plain text under
 * `starlight-synced-tabs__lang`; the console reads and writes the same value, and switches the
 * page's tabs in place when the reader picks a language here.
 */
import { LANGUAGE_STORAGE_KEY, languageNamed, tabName, type SnippetLanguage } from '../snippets/languages.ts';
import { persistedText } from '../widgets/persisted-store.ts';

const saved = persistedText(LANGUAGE_STORAGE_KEY);

export function storedLanguage(): SnippetLanguage | null {
  return languageNamed(saved.read());
}

interface StarlightTabs extends HTMLElement {
  tabs?: HTMLAnchorElement[];
  switchTab?: (tab: HTMLAnchorElement, index: number, shouldSync?: boolean) => void;
}

export function storeLanguage(id: SnippetLanguage): void {
  const label = tabName(id);
  // Refused (storage blocked): the choice lasts for this page.
  saved.write(label);
  // Starlight's element exposes switchTab(); `false` switches without stealing focus or re-saving.
  for (const element of document.querySelectorAll<StarlightTabs>('starlight-tabs[data-sync-key="lang"]')) {
    const index = element.tabs?.findIndex((tab) => tab.textContent?.trim() === label) ?? -1;
    if (index >= 0) element.switchTab?.(element.tabs![index]!, index, false);
  }
}

/** Calls `onChange` when the language changes in another tab, or in the page's own synced tabs. */
export function watchLanguage(onChange: (id: SnippetLanguage) => void): () => void {
  const read = () => {
    const id = storedLanguage();
    if (id) onChange(id);
  };
  const onTab = (event: Event) => {
    // Starlight saves the label in its own click or arrow-key handler; read it once that has run.
    if ((event.target as Element | null)?.closest?.('starlight-tabs[data-sync-key="lang"] [role="tab"]')) setTimeout(read);
  };
  const unwatch = saved.watch(read);
  document.addEventListener('click', onTab);
  document.addEventListener('keydown', onTab);
  return () => {
    unwatch();
    document.removeEventListener('click', onTab);
    document.removeEventListener('keydown', onTab);
  };
}
