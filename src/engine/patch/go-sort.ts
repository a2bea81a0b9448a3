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

// `sort.Sort`: pattern-defeating quicksort, which is not stable. Callers that must list
// equal items in the order Go does (kubectl's events) need its exact swaps.

const MAX_INSERTION = 12;

function siftDown<T>(list: T[], less: Less, lo: number, hi: number, first: number): void {
  let root = lo;
  for (;;) {
    let child = 2 * root + 1;
    if (child >= hi) return;
    if (child + 1 < hi && less(first + child, first + child + 1)) child++;
    if (!less(first + root, first + child)) return;
    swap(list, first + root, first + child);
    root = child;
  }
}

function heapSort<T>(list: T[], less: Less, a: number, b: number): void {
  const hi = b - a;
  for (let i = Math.floor((hi - 1) / 2); i >= 0; i--) siftDown(list, less, i, hi, a);
  for (let i = hi - 1; i >= 0; i--) {
    swap(list, a, a + i);
    siftDown(list, less, 0, i, a);
  }
}

/** bits.Len: the number of bits needed to write n. */
function bitLength(n: number): number {
  return n === 0 ? 0 : Math.floor(Math.log2(n)) + 1;
}

function breakPatterns<T>(list: T[], a: number, b: number): void {
  const length = b - a;
  if (length < 8) return;
  const mask = (1n << 64n) - 1n;
  let random = BigInt(length);
  const modulus = BigInt(1 << bitLength(length));
  const idx = a + Math.floor(length / 4) * 2 - 1;
  for (let i = 0; i < 3; i++) {
    random ^= (random << 13n) & mask;
    random ^= random >> 7n;
    random ^= (random << 17n) & mask;
    let other = Number(random & (modulus - 1n));
    if (other >= length) other -= length;
    swap(list, idx + i, a + other);
  }
}

type Hint = 'unknown' | 'increasing' | 'decreasing';

function choosePivot(less: Less, a: number, b: number): [number, Hint] {
  const l = b - a;
  let swaps = 0;
  const order2 = (x: number, y: number): [number, number] => {
    if (less(y, x)) {
      swaps++;
      return [y, x];
    }
    return [x, y];
  };
  const median = (x: number, y: number, z: number): number => {
    [x, y] = order2(x, y);
    [y, z] = order2(y, z);
    [x, y] = order2(x, y);
    return y;
  };
  let i = a + Math.floor(l / 4);
  let j = a + Math.floor(l / 4) * 2;
  let k = a + Math.floor(l / 4) * 3;
  if (l >= 8) {
    if (l >= 50) {
      i = median(i - 1, i, i + 1);
      j = median(j - 1, j, j + 1);
      k = median(k - 1, k, k + 1);
    }
    j = median(i, j, k);
  }
  return [j, swaps === 0 ? 'increasing' : swaps === 12 ? 'decreasing' : 'unknown'];
}

function reverseRange<T>(list: T[], a: number, b: number): void {
  for (let i = a, j = b - 1; i < j; i++, j--) swap(list, i, j);
}

function partialInsertionSort<T>(list: T[], less: Less, a: number, b: number): boolean {
  let i = a + 1;
  for (let step = 0; step < 5; step++) {
    while (i < b && !less(i, i - 1)) i++;
    if (i === b) return true;
    if (b - a < 50) return false;
    swap(list, i, i - 1);
    if (i - a >= 2) {
      for (let j = i - 1; j >= 1; j--) {
        if (!less(j, j - 1)) break;
        swap(list, j, j - 1);
      }
    }
    if (b - i >= 2) {
      for (let j = i + 1; j < b; j++) {
        if (!less(j, j - 1)) break;
        swap(list, j, j - 1);
      }
    }
  }
  return false;
}

function partitionEqual<T>(list: T[], less: Less, a: number, b: number, pivot: number): number {
  swap(list, a, pivot);
  let i = a + 1;
  let j = b - 1;
  for (;;) {
    while (i <= j && !less(a, i)) i++;
    while (i <= j && less(a, j)) j--;
    if (i > j) break;
    swap(list, i, j);
    i++;
    j--;
  }
  return i;
}

function partition<T>(list: T[], less: Less, a: number, b: number, pivot: number): [number, boolean] {
  swap(list, a, pivot);
  let i = a + 1;
  let j = b - 1;
  while (i <= j && less(i, a)) i++;
  while (i <= j && !less(j, a)) j--;
  if (i > j) {
    swap(list, j, a);
    return [j, true];
  }
  swap(list, i, j);
  i++;
  j--;
  for (;;) {
    while (i <= j && less(i, a)) i++;
    while (i <= j && !less(j, a)) j--;
    if (i > j) break;
    swap(list, i, j);
    i++;
    j--;
  }
  swap(list, j, a);
  return [j, false];
}

function pdqsort<T>(list: T[], less: Less, a: number, b: number, limit: number): void {
  let wasBalanced = true;
  let wasPartitioned = true;
  for (;;) {
    const length = b - a;
    if (length <= MAX_INSERTION) {
      insertionSort(list, less, a, b);
      return;
    }
    if (limit === 0) {
      heapSort(list, less, a, b);
      return;
    }
    if (!wasBalanced) {
      breakPatterns(list, a, b);
      limit--;
    }
    let [pivot, hint] = choosePivot(less, a, b);
    if (hint === 'decreasing') {
      reverseRange(list, a, b);
      pivot = b - 1 - (pivot - a);
      hint = 'increasing';
    }
    if (wasBalanced && wasPartitioned && hint === 'increasing' && partialInsertionSort(list, less, a, b))
      return;
    if (a > 0 && !less(a - 1, pivot)) {
      a = partitionEqual(list, less, a, b, pivot);
      continue;
    }
    const [mid, alreadyPartitioned] = partition(list, less, a, b, pivot);
    wasPartitioned = alreadyPartitioned;
    const leftLen = mid - a;
    const rightLen = b - mid;
    const balanceThreshold = Math.floor(length / 8);
    if (leftLen < rightLen) {
      wasBalanced = leftLen >= balanceThreshold;
      pdqsort(list, less, a, mid, limit);
      a = mid + 1;
    } else {
      wasBalanced = rightLen >= balanceThreshold;
      pdqsort(list, less, mid + 1, b, limit);
      b = mid;
    }
  }
}

/** `sort.Sort(list)` with `less` comparing the items now at two indices. */
export function goSort<T>(list: T[], less: Less): T[] {
  pdqsort(list, less, 0, list.length, bitLength(list.length));
  return list;
}
