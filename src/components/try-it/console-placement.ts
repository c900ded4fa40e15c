/**
 * A reference page has one try-it console; each endpoint section has a "Try it" link whose href
 * is that endpoint's request link (`#try-it=…`). Following one moves the console into the
 * section's slot, right after the link, so the reader stays where they were reading and the next
 * Tab lands in the console. The console itself fills the request in from the hash (now, or when
 * it hydrates); this module only places it, so it works whether or not the island is ready.
 */
import { draftFromHash } from './request-draft.ts';

/** The console's frame id (`TryItIsland`); headings and scripts link to it. */
export const CONSOLE_ID = 'try-it';
/** The attribute naming the endpoint of a section's console slot and of its link. */
export const SLOT_ATTRIBUTE = 'data-try-it-slot';
export const LINK_ATTRIBUTE = 'data-try-it';

/** Moves the console into `endpointId`'s slot; returns it, or `null` when the page has no such slot. */
export function placeConsole(root: Document, endpointId: string): HTMLElement | null {
  const frame = root.getElementById(CONSOLE_ID);
  const slot = [...root.querySelectorAll<HTMLElement>(`[${SLOT_ATTRIBUTE}]`)].find((s) => s.getAttribute(SLOT_ATTRIBUTE) === endpointId);
  if (!frame || !slot) return null;
  if (frame.parentElement !== slot) slot.append(frame);
  return frame;
}

/** Places the console for the page's hash, then for every "Try it" link the reader follows. */
export function followTryItLinks(): void {
  // A request link (a section's, or one a reader shared): bring the console into view, which
  // also hydrates it, under the endpoint's section when this page has one.
  const link = draftFromHash(location.hash);
  if (link.found) ((link.draft && placeConsole(document, link.draft.endpoint)) || document.getElementById(CONSOLE_ID))?.scrollIntoView();

  document.addEventListener('click', (event) => {
    const tryIt = (event.target as Element | null)?.closest?.<HTMLAnchorElement>(`a[${LINK_ATTRIBUTE}]`);
    // A new tab or window opens the link as it is; this page stays as it was.
    if (!tryIt || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const frame = placeConsole(document, tryIt.getAttribute(LINK_ATTRIBUTE)!);
    if (!frame) return;
    event.preventDefault();
    // The same request again (the reader edited it since): the hash does not change, so say so.
    if (location.hash === tryIt.hash) dispatchEvent(new HashChangeEvent('hashchange'));
    else location.hash = tryIt.hash;
    frame.scrollIntoView({ block: 'start' });
  });
}
