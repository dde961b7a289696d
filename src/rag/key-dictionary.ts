/**
 * A dictionary of string keys (terms, match keys) to dense ids, in order of
 * first use: the shape of the lexical index's terms, the features' keys and
 * the distinct frequencies' keys.
 */
export interface KeyDictionary {
  /** Id → key. */
  readonly keys: string[];
  /** Key → id. */
  readonly ids: Map<string, number>;
  /** The id of `key`, added at the end when new. */
  intern(key: string): number;
}

/**
 * A dictionary, empty or continuing `from`. With `share`, `from`'s arrays are
 * used in place (its owner gives them up: an index loaded only to be updated);
 * otherwise they are copied.
 */
export function keyDictionary(from?: { keys: string[]; ids: Map<string, number> }, opts: { share?: boolean } = {}): KeyDictionary {
  const keys = from ? (opts.share ? from.keys : [...from.keys]) : [];
  const ids = from ? (opts.share ? from.ids : new Map(from.ids)) : new Map<string, number>();
  return {
    keys,
    ids,
    intern(key) {
      let id = ids.get(key);
      if (id === undefined) {
        id = keys.length;
        keys.push(key);
        ids.set(key, id);
      }
      return id;
    },
  };
}
