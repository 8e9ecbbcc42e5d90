import type { CatalogProduct } from './catalog.ts';
import { CATEGORY_WEIGHTS, COMPLEMENTS, MISSIONS, type Mission } from './patterns.ts';
import { seededRandom, type Random } from './random.ts';

/** Options of {@link generateSessions}. */
export interface SessionOptions {
  /** Same seed, same sessions (default 6). */
  seed?: number;
  /** How many sessions (default 4,000: a few weeks of a small shop). */
  count?: number;
}

/** Share of sessions kitting out a trip (the rest browse one category). */
const MISSION_SHARE = 0.65;
/** Chance that a session goes on after its second view: 3.5 views on average. */
const GO_ON = 0.6;
const MAX_LENGTH = 12;

interface Shop {
  products: readonly CatalogProduct[];
  byName: ReadonlyMap<string, CatalogProduct>;
  /** How likely a product is picked among others: Zipf-like over its merchandising rank. */
  appeal: ReadonlyMap<string, number>;
}

/**
 * Writes plausible browsing sessions over `products` (ids, oldest session first): category
 * affinity, trip "missions" spanning categories, complementary next steps (a tent → a
 * sleeping bag), popular products viewed more, and the odd look back at an earlier item.
 * Deterministic: the same catalog and options give the same sessions.
 */
export function generateSessions(products: readonly CatalogProduct[], options: SessionOptions = {}): string[][] {
  const random = seededRandom(options.seed ?? 6);
  const shop = describeShop(products);
  const sessions: string[][] = [];
  for (let i = 0; i < (options.count ?? 4_000); i++) {
    const mission = random.next() < MISSION_SHARE ? random.pick(MISSIONS, (m) => m.weight) : undefined;
    sessions.push(browse(shop, random, mission).map((p) => p.id));
  }
  return sessions;
}

/** The trainer's session-file format: one session per line, item ids separated by spaces. */
export function sessionFile(sessions: readonly (readonly string[])[]): string {
  return `${sessions.map((s) => s.join(' ')).join('\n')}\n`;
}

function describeShop(products: readonly CatalogProduct[]): Shop {
  const byName = new Map(products.map((p) => [p.name, p]));
  const named = [...MISSIONS.flatMap((m) => m.products), ...Object.entries(COMPLEMENTS).flat(2)];
  const missing = named.filter((name) => !byName.has(name));
  if (missing.length) throw new Error(`patterns.ts names products the catalog lacks: ${[...new Set(missing)].join(', ')}`);
  const appeal = new Map<string, number>();
  for (const category of new Set(products.map((p) => p.category))) {
    const ranked = products.filter((p) => p.category === category).sort((a, b) => a.rank - b.rank);
    ranked.forEach((p, i) => appeal.set(p.id, (CATEGORY_WEIGHTS[category] ?? 1) / (1 + i) ** 0.9));
  }
  return { products, byName, appeal };
}

function browse(shop: Shop, random: Random, mission: Mission | undefined): CatalogProduct[] {
  const appeal = (p: CatalogProduct): number => shop.appeal.get(p.id) ?? 0;
  const first = mission ? random.pick(mission.products.map((n) => shop.byName.get(n)!), appeal) : random.pick(shop.products, appeal);
  const seen = [first];
  // One-view sessions teach the model nothing (the trainer drops them): every session has two.
  while (seen.length < 2 || (seen.length < MAX_LENGTH && random.next() < GO_ON)) {
    const next = nextView(shop, random, { seen, mission });
    if (next.id !== seen[seen.length - 1]!.id) seen.push(next);
  }
  return seen;
}

/** One step: a complement of the product on screen, the trip, the same shelf, a look back, or anything popular. */
function nextView(shop: Shop, random: Random, at: { seen: CatalogProduct[]; mission: Mission | undefined }): CatalogProduct {
  const current = at.seen[at.seen.length - 1]!;
  const appeal = (p: CatalogProduct): number => shop.appeal.get(p.id) ?? 0;
  const complements = (COMPLEMENTS[current.name] ?? []).map((n) => shop.byName.get(n)!);
  const r = random.next();
  // The first complement is the usual next step (weights 27, 8, 1): a tent, then a sleeping bag.
  if (complements.length && r < 0.5) return random.pick(complements, (p) => (complements.length - complements.indexOf(p)) ** 3);
  if (at.mission && r < 0.75) return random.pick(at.mission.products.map((n) => shop.byName.get(n)!), appeal);
  if (r < (at.mission ? 0.87 : 0.82)) return random.pick(shop.products.filter((p) => p.category === current.category && p !== current), appeal);
  if (r < 0.93) return random.pick(at.seen);
  return random.pick(shop.products, appeal);
}
