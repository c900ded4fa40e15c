import { z } from 'zod';

/** Who the API belongs to and how its docs introduce it. */
export const productSchema = z.strictObject({
  /** Machine name, used in storage keys and file names. */
  id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'Use lowercase letters, digits and dashes for `product.id`, e.g. "huechat".'),
  /** The product name readers know, e.g. "HueChat". */
  name: z.string().min(1),
  /** Title of the documentation site. */
  docsTitle: z.string().min(1),
  /** One sentence that says what the API does. */
  tagline: z.string().min(1),
  /** The environment variable the docs, snippets and SDK read the key from. */
  envVar: z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'Environment variable names are UPPER_SNAKE_CASE, e.g. "HUECHAT_API_KEY".'),
  /** The npm package name the SDK is published under, e.g. "@huechat/sdk". */
  sdkPackage: z.string().regex(/^(@[a-z0-9-]+\/)?[a-z0-9-]+$/, 'Use an npm package name, e.g. "@huechat/sdk".'),
  /** Where this portal is published; error bodies link to pages under it. */
  docsUrl: z.url().refine((url) => !url.endsWith('/'), 'Write `docsUrl` without a trailing slash.'),
  /** Where account owners manage keys in the real product, shown in the docs. */
  dashboardUrl: z.url(),
});

export type Product = z.output<typeof productSchema>;
