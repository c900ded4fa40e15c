/**
 * Shows deferred code samples (`DeferredCode.astro`) when their tab panel is first shown: the
 * JSON string becomes the highlighted block in place. Starlight's tabs (and the console, which
 * switches them) only toggle a panel's `hidden` attribute, so watching that attribute covers
 * every way a tab is chosen, including the choice Starlight restores while the page loads.
 */
export const DEFERRED_CODE_ATTRIBUTE = 'data-kp-deferred-code';

/**
 * Markup made safe to sit in a `<script>` as raw text, and shorter: a backslash goes before every
 * `/` or `!` that follows `<` (so no `</script>` or `<!--` can end or derail the script) and
 * every backslash is doubled, so a backslash followed by a letter is free to mean something:
 * `\s` plus twelve hex digits is the highlighter's token span (`<span style="--0:#…;--1:#…">`,
 * half of a sample's markup), `\e` its `</span>`. Decoding reverses all of it exactly.
 */
const TOKEN_SPAN = /<span style="--0:#([0-9A-Fa-f]{6});--1:#([0-9A-Fa-f]{6})">/g;

/**
 * The highlighter puts its stylesheet and script (copy buttons) in the first block of a page,
 * which may be a deferred one. Those tags must stay live markup, or every block on the page,
 * shown ones included, loses its styles and copy buttons: split them out of a block's markup.
 */
const PAGE_ASSET = /<link\b[^>]*>|<script\b[^>]*><\/script>/g;

export function splitPageAssets(html: string): { assets: string; content: string } {
  return { assets: (html.match(PAGE_ASSET) ?? []).join(''), content: html.replace(PAGE_ASSET, '') };
}

export const encodeDeferred = (html: string): string =>
  html
    .replace(/\\/g, '\\\\')
    .replace(TOKEN_SPAN, '\\s$1$2')
    .replace(/<\/span>/g, '\\e')
    .replace(/<([/!])/g, '<\\$1');

export const decodeDeferred = (text: string): string =>
  text.replace(
    /\\(?:([\\/!])|s([0-9A-Fa-f]{6})([0-9A-Fa-f]{6})|e)/g,
    (_, escaped?: string, dark?: string, light?: string) => escaped ?? (dark ? `<span style="--0:#${dark};--1:#${light}">` : '</span>'),
  );

/** Replaces each deferred sample inside `root` with its markup; returns how many it showed. */
export function showDeferredCode(root: ParentNode): number {
  const deferred = [...root.querySelectorAll<HTMLScriptElement>(`script[${DEFERRED_CODE_ATTRIBUTE}]`)];
  for (const script of deferred) {
    const template = document.createElement('template');
    template.innerHTML = decodeDeferred(script.textContent ?? '');
    script.replaceWith(template.content);
  }
  return deferred.length;
}

/** Shows the samples of every visible panel now, and of each panel when it is shown. */
export function showDeferredCodeWhenVisible(): void {
  const panels = [...document.querySelectorAll<HTMLElement>('[role="tabpanel"]')].filter((panel) =>
    panel.querySelector(`script[${DEFERRED_CODE_ATTRIBUTE}]`),
  );
  const observer = new MutationObserver((changes) => {
    for (const { target } of changes) if (target instanceof HTMLElement && !target.hidden) showDeferredCode(target);
  });
  for (const panel of panels) {
    if (panel.hidden) observer.observe(panel, { attributes: true, attributeFilter: ['hidden'] });
    else showDeferredCode(panel);
  }
}
