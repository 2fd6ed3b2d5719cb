// Node ids of an AD DS domain's hosts: its domain controllers and its Microsoft Entra Connect server.

import type { Domain } from '../model/access-types.js';

export interface DomainNodes {
  readonly controllers: readonly string[];
  /** Null when the domain is not synced to Entra ID. */
  readonly entraConnect: string | null;
}

export function domainNodeIds(domain: Domain): DomainNodes {
  const controllers: string[] = [];
  for (let i = 1; i <= domain.controllers; i++) controllers.push(`${domain.id}/dc${i}`);
  return { controllers, entraConnect: domain.entraConnect ? `${domain.id}/entra-connect` : null };
}
