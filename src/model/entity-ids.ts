// Entity ids are one namespace: unique across every collection (they become node ids), and never
// a built-in node's id. Also builds EntityLocations (`users/alice` → where its id is written).

import { RESERVED_IDS } from './id-rules.js';
import type { InputIssue } from './issues.js';
import type { SourceLocation } from './types.js';
import type { WalkedEntity } from './validate.js';
import { quote } from './value-text.js';

export interface EntityIndex {
  readonly issues: InputIssue[];
  /** `collection/id` (or `collection/index` for entities without ids) → position. */
  readonly locations: Map<string, SourceLocation>;
  /** The ids of each collection (a Set iterates in file order), for resolving references and suggesting ids. */
  readonly idsByCollection: ReadonlyMap<string, ReadonlySet<string>>;
}

/** `entities` must be in file order: a duplicate is reported where it is written the second time. */
export function indexEntities(entities: readonly WalkedEntity[]): EntityIndex {
  const issues: InputIssue[] = [];
  const locations = new Map<string, SourceLocation>();
  const idsByCollection = new Map<string, Set<string>>();
  const firstWithId = new Map<string, WalkedEntity>();

  for (const entity of entities) {
    const key = `${entity.collection}/${entity.id ?? entity.index}`;
    if (!locations.has(key)) locations.set(key, entity.location);
    if (entity.id === null) continue;

    const first = firstWithId.get(entity.id);
    if (RESERVED_IDS.has(entity.id)) {
      issues.push({
        location: entity.location,
        message: `${entity.noun} id ${quote(entity.id)} is reserved for a built-in node`,
      });
    } else if (first !== undefined) {
      const { line, column } = first.location;
      issues.push({
        location: entity.location,
        message: `duplicate id ${quote(entity.id)}: ${first.noun} ${quote(entity.id)} at ${line}:${column} already has it (ids are unique across the whole model)`,
      });
    } else {
      firstWithId.set(entity.id, entity);
    }

    const ids = idsByCollection.get(entity.collection) ?? new Set<string>();
    ids.add(entity.id);
    idsByCollection.set(entity.collection, ids);
  }
  return { issues, locations, idsByCollection };
}
