// Every id written where an entity is expected must name an entity of that collection; a typo gets
// a suggestion from the same collection ("did you mean `fabrikam`?").

import type { InputIssue } from './issues.js';
import { didYouMean } from './suggest.js';
import type { WalkedReference } from './validate.js';
import { quote } from './value-text.js';

export function checkReferences(
  references: readonly WalkedReference[],
  idsByCollection: ReadonlyMap<string, ReadonlySet<string>>,
): InputIssue[] {
  const issues: InputIssue[] = [];
  for (const reference of references) {
    const ids = idsOf(reference.collections, idsByCollection);
    if (ids.has(reference.id)) continue;
    issues.push({
      location: reference.location,
      message: `${reference.owner} references unknown ${reference.noun} ${quote(reference.id)}${elsewhere(reference, idsByCollection) ?? didYouMean(reference.id, ids)}`,
    });
  }
  return issues;
}

/**
 * When the id names an entity of another collection (a group where a user is expected): say so, as
 * the likelier mistake than a typo; a group in a store's access gets the two ways to say it.
 */
function elsewhere(reference: WalkedReference, idsByCollection: ReadonlyMap<string, ReadonlySet<string>>): string | undefined {
  for (const [collection, ids] of idsByCollection) {
    if (reference.collections.includes(collection) || !ids.has(reference.id)) continue;
    const hint =
      collection === 'groups' && reference.noun === 'user'
        ? ': list its members here, or give the group a role in `roleAssignments` (a data role such as `Storage File Data SMB Share Reader` on a share)'
        : '';
    return ` (\`${reference.id}\` is in \`${collection}\`, not a ${reference.noun}${hint})`;
  }
  return undefined;
}

/** The ids of one collection, or of several together (file order within each, collections in order). */
function idsOf(collections: readonly string[], idsByCollection: ReadonlyMap<string, ReadonlySet<string>>): ReadonlySet<string> {
  if (collections.length === 1) return idsByCollection.get(collections[0]!) ?? new Set<string>();
  return new Set(collections.flatMap((c) => [...(idsByCollection.get(c) ?? [])]));
}
