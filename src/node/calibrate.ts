import type { ShareSample } from './evaluate';

/** Buckets the validation samples are cut into, best shares first. */
const BUCKETS = 50;
/** Fewest samples in a bucket: a precision over fewer is noise. */
const MIN_BUCKET = 20;

/**
 * The "must-buy" threshold: walking down equal-size buckets of candidates from the
 * highest confidence share, the lowest share of the last bucket whose candidates were
 * the next item at least `lift` times as often as the average top-5 candidate. 1
 * (nothing qualifies) when the top bucket already falls short. Relative, because
 * next-click precision differs a lot between shops: on DIGINETICA the average top-5
 * candidate is right ~5.5% of the time, so "must-buy" means ≥ ~14% there.
 */
export function mustBuyThreshold(samples: readonly ShareSample[], lift: number): number {
  if (!samples.length) return 1;
  const target = Math.min(0.95, (lift * samples.filter((s) => s.hit).length) / samples.length);
  const sorted = [...samples].sort((a, b) => b.share - a.share);
  const size = Math.max(MIN_BUCKET, Math.ceil(sorted.length / BUCKETS));
  let threshold = 1;
  for (let i = 0; i + size <= sorted.length; i += size) {
    const bucket = sorted.slice(i, i + size);
    if (bucket.filter((s) => s.hit).length / size < target) break;
    threshold = bucket[size - 1]!.share;
  }
  return Math.round(threshold * 1000) / 1000;
}
