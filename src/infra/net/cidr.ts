/** An IPv4 or IPv6 network in CIDR notation, parsed to a number for range checks. */
export interface Cidr {
  readonly version: 4 | 6;
  /** The network address as a number (host bits may be set, as IAM's aws:SourceIp allows). */
  readonly address: bigint;
  readonly prefixLength: number;
}

/**
 * Parses `a.b.c.d/n` (n 0–32) or an IPv6 `x:x::x/n` (n 0–128); a bare address is a single host (/32 or /128), as
 * IAM's `aws:SourceIp` condition reads it. Undefined for anything else.
 */
export function parseCidr(text: string): Cidr | undefined {
  const [addressText, prefixText, ...rest] = text.split("/");
  if (rest.length > 0 || addressText === undefined) return undefined;
  const ip = parseIp(addressText);
  if (!ip) return undefined;
  const max = ip.version === 4 ? 32 : 128;
  if (prefixText === undefined) return { ...ip, prefixLength: max };
  if (!/^\d{1,3}$/.test(prefixText)) return undefined;
  const prefixLength = Number(prefixText);
  return prefixLength <= max ? { ...ip, prefixLength } : undefined;
}

/**
 * `cidr` with its routing prefix written out: a bare address becomes `/32` (IPv4) or `/128` (IPv6). IAM reads a bare
 * address in `aws:SourceIp` as /32 whatever its family, so a bare IPv6 address would open a whole /32 network (IAM
 * User Guide, condition operators, "IP address condition operators"; docs/aws-facts.md, "IP conditions" [doc]).
 */
export function withPrefix(cidr: string): string {
  if (cidr.includes("/")) return cidr;
  return `${cidr}/${parseIp(cidr)?.version === 6 ? 128 : 32}`;
}

/** Whether `address` (an IPv4, IPv6 or IPv4-mapped IPv6 address) lies in `cidr`. */
export function cidrContains(cidr: Cidr, address: string): boolean {
  const ip = parseIp(unmapIpv4(address));
  if (!ip || ip.version !== cidr.version) return false;
  const bits = BigInt(cidr.version === 4 ? 32 : 128);
  const hostBits = bits - BigInt(cidr.prefixLength);
  return ip.address >> hostBits === cidr.address >> hostBits;
}

/** `::ffff:127.0.0.1` (how Node reports IPv4 clients of a dual-stack socket) as `127.0.0.1`. */
export function unmapIpv4(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return mapped ? mapped[1] : address;
}

function parseIp(text: string): { version: 4 | 6; address: bigint } | undefined {
  if (/^\d+\.\d+\.\d+\.\d+$/.test(text)) {
    const octets = text.split(".").map((o) => (/^(0|[1-9]\d{0,2})$/.test(o) ? Number(o) : NaN));
    if (octets.some((o) => !(o >= 0 && o <= 255))) return undefined;
    return { version: 4, address: octets.reduce((acc, o) => (acc << 8n) | BigInt(o), 0n) };
  }
  if (!/^[0-9A-Fa-f:]+$/.test(text) || !text.includes(":")) return undefined;
  const halves = text.split("::");
  if (halves.length > 2) return undefined;
  const groups = (part: string) => (part === "" ? [] : part.split(":"));
  const head = groups(halves[0]);
  const tail = halves.length === 2 ? groups(halves[1]) : [];
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? head.length !== 8 : missing < 1) return undefined;
  const all = [...head, ...Array(halves.length === 2 ? missing : 0).fill("0"), ...tail];
  if (all.some((g) => !/^[0-9A-Fa-f]{1,4}$/.test(g))) return undefined;
  return { version: 6, address: all.reduce((acc, g) => (acc << 16n) | BigInt(parseInt(g, 16)), 0n) };
}
