/**
 * Whether a page is being rendered for a text export rather than a browser. starlight-llms-txt
 * renders every docs page into /llms-full.txt (and friends) through Astro's container API,
 * which has no React renderer: islands must give way to a line of text there.
 */
export const renderingForText = (url: URL): boolean => url.pathname.endsWith('.txt');
