/** One stored resource: the wire object plus internal fields whose names start with `__`. */
export type Rec = Record<string, unknown>;

interface Collection {
  readonly path: string;
  readonly template: string;
  readonly parent: string | undefined;
  readonly items: Map<string, Rec>;
  version: number;
  snapshot: Rec[] | undefined;
}

/** What the state file holds. */
export interface StoreSnapshot {
  readonly format: 1;
  /** The id sequence reached, so a restart never hands out an id again. */
  readonly sequence?: number;
  readonly collections: ReadonlyArray<{
    path: string;
    template: string;
    parent?: string | undefined;
    items: Array<[string, Rec]>;
  }>;
}

/**
 * Nested resources keyed by their concrete collection path
 * (`/api/v2/projects/8cy0-9ue6-n9qz-bj8h/jobs`), each an insertion-ordered map of id to
 * record. Collections remember the item path they hang under, so deleting a project takes
 * its jobs, runs and files with it. Children of seeded projects may be generated lazily.
 */
export class Store {
  private readonly collections = new Map<string, Collection>();
  private readonly byTemplate = new Map<string, Set<Collection>>();
  private readonly children = new Map<string, Set<string>>();
  private readonly lazy = new Map<string, () => void>();
  private readonly aggregates = new Map<string, { version: number; items: Rec[] }>();
  /** Bumped by every change; list caches key on it. */
  version = 0;
  /** Source of new ids; saved with the state. */
  private sequence = 0;

  /** The next number of the id sequence. */
  nextSequence(): number {
    this.sequence += 1;
    return this.sequence;
  }

  /** Whether any collection of a template holds this key (ids are unique per resource type). */
  hasKeyInTemplate(template: string, key: string): boolean {
    for (const collection of this.byTemplate.get(template) ?? []) if (collection.items.has(key)) return true;
    return false;
  }

  /** Registers a generator for an item's children, run on first access below it. */
  setLazy(itemPath: string, fill: () => void): void {
    this.lazy.set(itemPath, fill);
  }

  /** Runs lazy generators for every item path above `path`. */
  ensure(path: string): void {
    if (this.lazy.size === 0) return;
    for (let i = path.indexOf('/', 1); i !== -1; i = path.indexOf('/', i + 1)) this.runLazy(path.slice(0, i));
    this.runLazy(path);
  }

  /** Materialises everything still lazy (aggregate lists, state-file saves). */
  ensureAll(): void {
    for (const key of [...this.lazy.keys()]) this.runLazy(key);
  }

  get(collectionPath: string, key: string): Rec | undefined {
    this.ensure(collectionPath);
    return this.collections.get(collectionPath)?.items.get(key);
  }

  /** Inserts or replaces a record, creating its collection under `parent` when new. */
  put(collectionPath: string, template: string, parent: string | undefined, key: string, rec: Rec): void {
    this.ensure(collectionPath);
    let collection = this.collections.get(collectionPath);
    if (!collection) collection = this.createCollection(collectionPath, template, parent);
    collection.items.set(key, rec);
    this.touch(collection);
  }

  /** Marks a record changed in place. */
  touchItem(collectionPath: string): void {
    const collection = this.collections.get(collectionPath);
    if (collection) this.touch(collection);
  }

  /** Removes a record and every collection beneath it. Returns false when there was none. */
  remove(collectionPath: string, key: string): boolean {
    this.ensure(collectionPath);
    const collection = this.collections.get(collectionPath);
    if (!collection?.items.delete(key)) return false;
    this.dropChildren(`${collectionPath}/${key}`);
    this.touch(collection);
    return true;
  }

  /** The records of one collection, in insertion order; the array is shared, do not mutate. */
  items(collectionPath: string): { items: readonly Rec[]; stamp: string } {
    this.ensure(collectionPath);
    const collection = this.collections.get(collectionPath);
    if (!collection) return { items: [], stamp: `${collectionPath}@empty` };
    collection.snapshot ??= [...collection.items.values()];
    return { items: collection.snapshot, stamp: `${collectionPath}@${collection.version}` };
  }

  /** All records of every collection of a template (ListAllJobs over every project). */
  aggregate(template: string): { items: readonly Rec[]; stamp: string } {
    this.ensureAll();
    const cached = this.aggregates.get(template);
    if (cached?.version === this.version)
      return { items: cached.items, stamp: `${template}@${this.version}` };
    const items: Rec[] = [];
    for (const collection of this.byTemplate.get(template) ?? []) {
      for (const rec of collection.items.values()) items.push(rec);
    }
    this.aggregates.set(template, { version: this.version, items });
    return { items, stamp: `${template}@${this.version}` };
  }

  snapshot(): StoreSnapshot {
    this.ensureAll();
    return {
      format: 1,
      sequence: this.sequence,
      collections: [...this.collections.values()].map((c) => ({
        path: c.path,
        template: c.template,
        parent: c.parent,
        items: [...c.items.entries()],
      })),
    };
  }

  /** Replaces the contents with a snapshot read from a state file. */
  load(snapshot: StoreSnapshot): void {
    this.collections.clear();
    this.byTemplate.clear();
    this.children.clear();
    this.lazy.clear();
    this.sequence = snapshot.sequence ?? 0;
    for (const c of snapshot.collections) {
      const collection = this.createCollection(c.path, c.template, c.parent);
      for (const [key, rec] of c.items) collection.items.set(key, rec);
    }
    this.version++;
  }

  private runLazy(itemPath: string): void {
    const fill = this.lazy.get(itemPath);
    if (!fill) return;
    this.lazy.delete(itemPath);
    fill();
  }

  private createCollection(path: string, template: string, parent: string | undefined): Collection {
    const collection: Collection = {
      path,
      template,
      parent,
      items: new Map(),
      version: 0,
      snapshot: undefined,
    };
    this.collections.set(path, collection);
    const group = this.byTemplate.get(template) ?? new Set();
    this.byTemplate.set(template, group);
    group.add(collection);
    if (parent !== undefined) {
      const kids = this.children.get(parent) ?? new Set();
      this.children.set(parent, kids);
      kids.add(path);
    }
    return collection;
  }

  private dropChildren(itemPath: string): void {
    this.lazy.delete(itemPath);
    const kids = this.children.get(itemPath);
    if (!kids) return;
    this.children.delete(itemPath);
    for (const path of kids) {
      const collection = this.collections.get(path);
      if (!collection) continue;
      for (const key of collection.items.keys()) this.dropChildren(`${path}/${key}`);
      this.collections.delete(path);
      this.byTemplate.get(collection.template)?.delete(collection);
    }
  }

  private touch(collection: Collection): void {
    // Versions come from the store-wide counter so a re-created collection never reuses a stamp.
    collection.version = ++this.version;
    collection.snapshot = undefined;
  }
}
