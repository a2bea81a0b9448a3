/**
 * Go's sorting algorithms, reproduced because strategic merge patch sorts with comparison
 * functions that are not strict weak orders (`<=`, or "true when either item is unknown"),
 * so the result depends on the exact sequence of comparisons and swaps.
 */
import type { JsonValue } from '../api/types.ts';
import { goEqual, goFormatV } from './go-values.ts';

type Less = (i: number, j: number) => boolean;

function swap<T>(list: T[], i: number, j: number): void {
  const tmp = list[i] as T;
  list[i] = list[j] as T;
  list[j] = tmp;
}

function insertionSort<T>(list: T[], less: Less, a: number, b: number): void {
  for (let i = a + 1; i < b; i++) {
    for (let j = i; j > a && less(j, j - 1); j--) swap(list, j, j - 1);
  }
}

function swapRange<T>(list: T[], a: number, b: number, n: number): void {
  for (let i = 0; i < n; i++) swap(list, a + i, b + i);
}

function rotate<T>(list: T[], a: number, m: number, b: number): void {
  let i = m - a;
  let j = b - m;
  while (i !== j) {
    if (i > j) {
      swapRange(list, m - i, m, j);
      i -= j;
    } else {
      swapRange(list, m - i, m + j - i, i);
      j -= i;
    }
  }
  swapRange(list, m - i, m, i);
}

function symMerge<T>(list: T[], less: Less, a: number, m: number, b: number): void {
  if (m - a === 1) {
    let i = m;
    let j = b;
    while (i < j) {
      const h = (i + j) >>> 1;
      if (less(h, a)) i = h + 1;
      else j = h;
    }
    for (let k = a; k < i - 1; k++) swap(list, k, k + 1);
    return;
  }
  if (b - m === 1) {
    let i = a;
    let j = m;
    while (i < j) {
      const h = (i + j) >>> 1;
      if (!less(m, h)) i = h + 1;
      else j = h;
    }
    for (let k = m; k > i; k--) swap(list, k, k - 1);
    return;
  }
  const mid = (a + b) >>> 1;
  const n = mid + m;
  let start: number;
  let r: number;
  if (m > mid) {
    start = n - b;
    r = mid;
  } else {
    start = a;
    r = m;
  }
  const p = n - 1;
  while (start < r) {
    const c = (start + r) >>> 1;
    if (!less(p - c, c)) start = c + 1;
    else r = c;
  }
  const end = n - start;
  if (start < m && m < end) rotate(list, start, m, end);
  if (a < start && start < mid) symMerge(list, less, a, start, mid);
  if (mid < end && end < b) symMerge(list, less, mid, end, b);
}

/** `sort.SliceStable(list, less)`: less receives indices into the list as it is being sorted. */
export function sliceStable<T>(list: T[], less: Less): void {
  const n = list.length;
  let blockSize = 20;
  let a = 0;
  let b = blockSize;
  while (b <= n) {
    insertionSort(list, less, a, b);
    a = b;
    b += blockSize;
  }
  insertionSort(list, less, a, n);
  while (blockSize < n) {
    a = 0;
    b = 2 * blockSize;
    while (b <= n) {
      symMerge(list, less, a, a + blockSize, b);
      a = b;
      b += 2 * blockSize;
    }
    const m = a + blockSize;
    if (m < n) symMerge(list, less, a, m, n);
    blockSize *= 2;
  }
}

/**
 * `sort.Sort` with apimachinery's `Less` of `sort.StringsAreSorted([]string{i, j})`, i.e.
 * `key(i) <= key(j)`. Go's pdqsort insertion-sorts slices of up to 12 elements, which is what
 * real lists are; longer ones fall back to a stable sort that only differs for equal keys.
 */
export function sortByStringKey<T>(list: T[], key: (item: T) => string): T[] {
  const lessEq: Less = (i, j) => key(list[i] as T) <= key(list[j] as T);
  if (list.length <= 12) {
    insertionSort(list, lessEq, 0, list.length);
    return list;
  }
  const keyed = list.map((item, index) => ({ item, index, k: key(item) }));
  keyed.sort((x, y) => (x.k < y.k ? -1 : x.k > y.k ? 1 : x.index - y.index));
  keyed.forEach((entry, i) => (list[i] = entry.item));
  return list;
}

/** `sortScalars`: sorts in place by `%v` text, as Go does (the caller's list changes too). */
export function sortScalars(list: JsonValue[]): JsonValue[] {
  return sortByStringKey(list, goFormatV);
}

/** apimachinery's `deduplicateScalars`, including the way it reorders the survivors. */
export function deduplicateScalars(list: JsonValue[]): JsonValue[] {
  let length = list.length - 1;
  for (let i = 0; i < length; i++) {
    for (let j = i + 1; j <= length; j++) {
      if (goEqual(list[i], list[j])) {
        list[j] = list[length] as JsonValue;
        list.length = length;
        length--;
        j--;
      }
    }
  }
  return list;
}
