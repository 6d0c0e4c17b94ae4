import { createHash } from "node:crypto"

// Digests shared with the audit sink in @tienda/organizations (same bytes everywhere).
export { digestOf, sha256Hex } from "@tienda/organizations/audit"

/** Chain start: the "previous hash" of the first ledger entry. */
export const GENESIS_HASH = "0".repeat(64)

const LEAF_PREFIX = Buffer.from([0x00])
const NODE_PREFIX = Buffer.from([0x01])

function h(...parts: Buffer[]): Buffer {
  const hash = createHash("sha256")
  for (const p of parts) {
    hash.update(p)
  }
  return hash.digest()
}

function root(leaves: Buffer[]): Buffer {
  if (leaves.length === 1) {
    return leaves[0]
  }
  // RFC 6962 §2.1: k is the largest power of two smaller than n.
  let k = 1
  while (k * 2 < leaves.length) {
    k *= 2
  }
  return h(NODE_PREFIX, root(leaves.slice(0, k)), root(leaves.slice(k)))
}

/**
 * RFC 6962 Merkle tree hash over hex entry hashes, in order: leaf =
 * SHA-256(0x00 ‖ entry hash bytes), node = SHA-256(0x01 ‖ left ‖ right);
 * the empty tree is SHA-256 of the empty string. Returns lower-case hex.
 */
export function merkleRoot(entryHashes: string[]): string {
  if (!entryHashes.length) {
    return h().toString("hex")
  }
  return root(entryHashes.map((e) => h(LEAF_PREFIX, Buffer.from(e, "hex")))).toString("hex")
}
