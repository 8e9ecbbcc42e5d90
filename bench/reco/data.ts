import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { ROOT } from './build.ts';

/** The shared data sets, read in place (never copied into the repo). */
export const DATA = `${ROOT}../shared/datasets/diginetica/`;
export const TRAIN = `${DATA}train_sessions.txt.gz`;
export const TEST = `${DATA}test_prefixes.tsv.gz`;

/** One test case of the standard split: predict `label` after `prefix`. */
export interface TestCase {
  label: string;
  prefix: string[];
}

/** All 60,858 test cases (`label<TAB>prefix`). */
export function testCases(): TestCase[] {
  return gunzipSync(readFileSync(TEST))
    .toString('utf8')
    .trim()
    .split('\n')
    .map((line) => {
      const [label, prefix] = line.split('\t');
      return { label: label!, prefix: prefix!.trim().split(' ') };
    });
}
