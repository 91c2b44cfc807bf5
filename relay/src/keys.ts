/**
 * The keys that rate limits count by, and the hashing that keeps addresses out of logs and storage.
 */
import { createHmac } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import ipaddr from 'ipaddr.js';

/**
 * The client's address. Behind `trustProxy` reverse proxies, each one appends the address it saw to
 * X-Forwarded-For, so the client is that many entries from the right (the socket's own address being
 * the last proxy). Entries further left are whatever the client claimed, and are never believed.
 */
export function clientAddress(req: IncomingMessage, trustProxy: number): string {
  const socketAddress = req.socket.remoteAddress ?? 'unknown';
  if (trustProxy <= 0) return socketAddress;
  const header = req.headers['x-forwarded-for'];
  const forwarded = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  const chain = [...forwarded, socketAddress];
  return chain[Math.max(0, chain.length - 1 - trustProxy)];
}

/**
 * One key per client: an IPv4 address as it is, an IPv6 address by its /64 (one household or
 * server usually holds a whole /64, so per-address limits would not limit it at all), an
 * IPv4-mapped IPv6 address as the IPv4 address it is.
 */
export function clientKey(address: string): string {
  const text = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  if (!ipaddr.isValid(text)) return `other:${address}`;
  const parsed = ipaddr.process(text);
  if (parsed.kind() === 'ipv4') return parsed.toString();
  const parts = (parsed as ipaddr.IPv6).parts.slice(0, 4);
  return `${parts.map((part) => part.toString(16)).join(':')}::/64`;
}

/**
 * One key per network: an IPv4 /24, an IPv6 /48 (what one site or provider customer usually holds).
 * The per-network limit keeps a handful of neighbouring addresses from using up the service's limits.
 */
export function subnetKey(address: string): string {
  const text = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  if (!ipaddr.isValid(text)) return `other:${address}`;
  const parsed = ipaddr.process(text);
  if (parsed.kind() === 'ipv4') return `${(parsed as ipaddr.IPv4).octets.slice(0, 3).join('.')}.0/24`;
  const parts = (parsed as ipaddr.IPv6).parts.slice(0, 3);
  return `${parts.map((part) => part.toString(16)).join(':')}::/48`;
}

const GMAIL = new Set(['gmail.com', 'googlemail.com']);

/**
 * One key per inbox: case folded, `+tag` removed (most providers deliver `anna+x@` to `anna@`), and
 * for Gmail the dots too (`a.n.n.a@gmail.com` is `anna@gmail.com`).
 */
export function normaliseRecipient(address: string): string {
  const at = address.lastIndexOf('@');
  let local = address.slice(0, at).toLowerCase();
  let domain = address
    .slice(at + 1)
    .toLowerCase()
    .replace(/\.$/, '');
  local = local.replace(/\+.*$/, '');
  if (GMAIL.has(domain)) {
    local = local.replace(/\./g, '');
    domain = 'gmail.com';
  }
  return `${local}@${domain}`;
}

/** A keyed hash: the same address gives the same value (so logs can be correlated), but the value cannot be reversed by guessing addresses without the secret. */
export type Hasher = (value: string) => string;

export const createHasher =
  (secret: string): Hasher =>
  (value) =>
    createHmac('sha256', secret).update(value).digest('base64url').slice(0, 22);
