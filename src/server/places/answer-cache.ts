/**
 * The last answers of a read-only route, serialised, by request URL: a bounded LRU (entries and bytes), for one version
 * of the data only (an immutable object such as the places index, held weakly so that replaced data can be freed). An
 * answer is only given for the version it was stored with; storing one for another version (a new index after an
 * import) empties the cache first.
 *
 * An answer is kept from the second time its URL is answered among the last `maxEntries` URLs answered (a door-keeper
 * of URL hashes), and as bytes, outside the JavaScript heap. Most searches are asked once (a position of its own): kept
 * as strings, every one of them outlived a few hundred requests, so the garbage collector copied and promoted a dozen
 * kilobytes per request for nothing.
 */
export class AnswerCache<V extends object> {
  private readonly answers = new Map<string, Buffer>();
  private bytes = 0;
  private version: WeakRef<V> | null = null;
  /** Hashes of the URLs answered once, oldest first. */
  private readonly seen = new Set<number>();

  constructor(
    private readonly maxEntries: number,
    private readonly maxBytes: number,
  ) {}

  get size(): number {
    return this.answers.size;
  }

  get(version: V, key: string): Buffer | undefined {
    if (this.version?.deref() !== version) return undefined;
    const answer = this.answers.get(key);
    if (answer !== undefined) {
      // Most recently used last: the Map keeps insertion order, the oldest goes first.
      this.answers.delete(key);
      this.answers.set(key, answer);
    }
    return answer;
  }

  /** Records an answer computed for `key`: kept if the key was answered once already, remembered as seen otherwise. */
  set(version: V, key: string, answer: string): void {
    if (this.version?.deref() !== version) {
      this.answers.clear();
      this.seen.clear();
      this.bytes = 0;
      this.version = new WeakRef(version);
    }
    const hash = hashKey(key);
    if (!this.seen.delete(hash)) {
      this.seen.add(hash);
      if (this.seen.size > this.maxEntries) this.seen.delete(this.seen.values().next().value!);
      return;
    }
    const bytes = Buffer.from(answer, "utf8");
    if (bytes.length > this.maxBytes) return;
    const previous = this.answers.get(key);
    if (previous !== undefined) {
      this.answers.delete(key);
      this.bytes -= previous.length;
    }
    this.answers.set(key, bytes);
    this.bytes += bytes.length;
    for (const [oldest, value] of this.answers) {
      if (this.answers.size <= this.maxEntries && this.bytes <= this.maxBytes) break;
      this.answers.delete(oldest);
      this.bytes -= value.length;
    }
  }
}

/** FNV-1a over the key's UTF-16 code units, on 30 bits (a small integer: no allocation in the set). */
function hashKey(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h & 0x3fffffff;
}
