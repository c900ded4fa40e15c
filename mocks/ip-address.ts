/**
 * IP allowlists: which entries a key may carry (IPv4 or IPv6 addresses, IPv4 CIDR ranges) and
 * whether a client address matches. Written out here because the browser has no `node:net`.
 */

type IpAddress = { version: 4; value: number } | { version: 6; words: number[] };

function parseIpv4(text: string): number | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  let value = 0;
  for (const part of parts) {
    // Leading zeros are refused: some systems read them as octal.
    if (!/^(0|[1-9]\d{0,2})$/.test(part) || Number(part) > 255) return null;
    value = value * 256 + Number(part);
  }
  return value;
}

function parseHextets(part: string): number[] | null {
  if (part === '') return [];
  const words = part.split(':').map((h) => (/^[0-9a-fA-F]{1,4}$/.test(h) ? parseInt(h, 16) : NaN));
  return words.some(Number.isNaN) ? null : words;
}

function parseIpv6(text: string): number[] | null {
  let groups = text;
  let embedded: number[] = [];
  const withV4 = /^(.*:)(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (withV4) {
    const v4 = parseIpv4(withV4[2]!);
    if (v4 === null) return null;
    embedded = [Math.floor(v4 / 65536), v4 % 65536];
    groups = withV4[1]!.endsWith('::') ? withV4[1]! : withV4[1]!.slice(0, -1);
  }
  const halves = groups.split('::');
  if (halves.length > 2) return null;
  const head = parseHextets(halves[0]!);
  const tail = halves.length === 2 ? parseHextets(halves[1]!) : [];
  if (!head || !tail) return null;
  const explicit = head.length + tail.length + embedded.length;
  if (halves.length === 1) return explicit === 8 ? [...head, ...embedded] : null;
  return explicit <= 7 ? [...head, ...new Array<number>(8 - explicit).fill(0), ...tail, ...embedded] : null;
}

/** Parses an address; an IPv4-mapped IPv6 address (`::ffff:198.51.100.7`) counts as IPv4. */
function parseIpAddress(text: string): IpAddress | null {
  const v4 = parseIpv4(text);
  if (v4 !== null) return { version: 4, value: v4 };
  const words = parseIpv6(text);
  if (!words) return null;
  if (words.slice(0, 5).every((w) => w === 0) && words[5] === 0xffff) {
    return { version: 4, value: words[6]! * 65536 + words[7]! };
  }
  return { version: 6, words };
}

/** How a client address is written in logs and messages: IPv4-mapped addresses as plain IPv4. */
export function normalizeIp(text: string): string {
  const address = parseIpAddress(text);
  if (address?.version !== 4) return text;
  const v = address.value;
  return [v >>> 24, (v >>> 16) & 255, (v >>> 8) & 255, v & 255].join('.');
}

export function isIpAddress(text: string): boolean {
  return parseIpAddress(text) !== null;
}

/** Why an allowlist entry is refused, in words a reader can act on; `null` when it is fine. */
export function allowlistEntryProblem(entry: string): string | null {
  const cidr = /^([^/]+)\/(\d{1,3})$/.exec(entry);
  if (cidr) {
    if (parseIpv4(cidr[1]!) !== null && Number(cidr[2]) <= 32) return null;
    if (parseIpv6(cidr[1]!) !== null) return `"${entry}" is an IPv6 range; list IPv6 addresses one by one`;
    return `"${entry}" is not a valid IPv4 CIDR range, e.g. "203.0.113.0/24"`;
  }
  return isIpAddress(entry) ? null : `"${entry}" is not an IPv4 or IPv6 address or an IPv4 CIDR range`;
}

function entryMatches(entry: string, client: IpAddress): boolean {
  const cidr = /^([^/]+)\/(\d{1,3})$/.exec(entry);
  if (cidr) {
    const network = parseIpv4(cidr[1]!);
    if (network === null || client.version !== 4) return false;
    const bits = Number(cidr[2]);
    const mask = bits === 0 ? 0 : (~0 << (32 - bits)) >>> 0;
    return (network & mask) >>> 0 === (client.value & mask) >>> 0;
  }
  const address = parseIpAddress(entry);
  if (address?.version === 4 && client.version === 4) return address.value === client.value;
  if (address?.version === 6 && client.version === 6) return address.words.every((word, i) => word === client.words[i]);
  return false;
}

export function ipAllowed(allowlist: readonly string[], clientIp: string): boolean {
  const client = parseIpAddress(clientIp);
  return client !== null && allowlist.some((entry) => entryMatches(entry, client));
}
