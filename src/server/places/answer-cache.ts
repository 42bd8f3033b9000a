/**
 * The last answers of a read-only route, serialised, by request URL: a bounded LRU (entries and characters), for one
 * version of the data only (an immutable object such as the places index, held weakly so that replaced data can be
 * freed). An answer is only given for the version it was stored with; storing one for another version (a new index
 * after an import) empties the cache first.
 */
export class AnswerCache<V extends object> {
  private readonly answers = new Map<string, string>();
  private chars = 0;
  private version: WeakRef<V> | null = null;

  constructor(
    private readonly maxEntries: number,
    private readonly maxChars: number,
  ) {}

  get size(): number {
    return this.answers.size;
  }

  get(version: V, key: string): string | undefined {
    if (this.version?.deref() !== version) return undefined;
    const answer = this.answers.get(key);
    if (answer !== undefined) {
      // Most recently used last: the Map keeps insertion order, the oldest goes first.
      this.answers.delete(key);
      this.answers.set(key, answer);
    }
    return answer;
  }

  set(version: V, key: string, answer: string): void {
    if (this.version?.deref() !== version) {
      this.answers.clear();
      this.chars = 0;
      this.version = new WeakRef(version);
    }
    if (answer.length > this.maxChars) return;
    const previous = this.answers.get(key);
    if (previous !== undefined) {
      this.answers.delete(key);
      this.chars -= previous.length;
    }
    this.answers.set(key, answer);
    this.chars += answer.length;
    for (const [oldest, value] of this.answers) {
      if (this.answers.size <= this.maxEntries && this.chars <= this.maxChars) break;
      this.answers.delete(oldest);
      this.chars -= value.length;
    }
  }
}
