// Failure likelihoods: per boundary type, the probability that the boundary fails for the attacker
// within a year, from the three causes the guide names ("an error in the configuration process …,
// an undisclosed security vulnerability or a known vulnerability that hasn't been patched out
// yet"). The defaults are ASSUMPTIONS with their reasoning and sources: replace them with your own
// figures (model `risk.likelihoods`, or `--likelihood` on the command line). docs/risk.md explains.

import { BOUNDARY_TYPES, type BoundaryType } from '../domain/boundary.js';
import type { FailureLikelihood } from '../model/types.js';
import { DEFAULT_EXPLOIT_DAYS, DEFAULT_PATCH_DAYS } from './defaults.js';

/** The three causes of a boundary failure, as yearly figures. */
export interface CauseFigures {
  /** Probability of an exploitable configuration error. */
  readonly configuration: number;
  /** Probability that an undisclosed (zero-day) vulnerability is used against the boundary within a year. */
  readonly zeroDay: number;
  /** Publicly known, weaponized vulnerabilities of the boundary per year (a Poisson rate). */
  readonly knownPerYear: number;
}

export interface TypeDefault extends CauseFigures {
  readonly type: BoundaryType;
  /**
   * Whether the customer's patch cadence closes known vulnerabilities. False for boundaries the
   * cloud provider services (hypervisor, identity and control plane): their fixes are not the
   * customer's to deploy, so their known-vulnerability rate is folded into `zeroDay`.
   */
  readonly patchable: boolean;
  readonly reasoning: string;
  readonly sources: readonly string[];
}

const KEV = 'CISA Known Exploited Vulnerabilities catalog, https://www.cisa.gov/known-exploited-vulnerabilities-catalog';
const SERVICING = 'Microsoft Security Servicing Criteria for Windows, https://www.microsoft.com/msrc/windows-security-servicing-criteria';
const TTE = 'Mandiant, "How Low Can You Go? An Analysis of 2023 Time-to-Exploit Trends" (2024): average time-to-exploit 5 days';
const ZERO_DAYS = 'Google Threat Intelligence / Project Zero, yearly reviews of zero-days exploited in the wild (97 in 2023, 75 in 2024)';
const GUIDE = 'Azure Virtual Desktop security guide for cross-organizational apps (the seed document): failures come from configuration errors, undisclosed and known-but-unpatched vulnerabilities';

/**
 * The shipped defaults. Every number is an order-of-magnitude judgement for a typical enterprise
 * AVD deployment facing a capable insider, NOT a measured rate: the sources bound the reasoning,
 * they do not give these figures.
 */
export const DEFAULT_LIKELIHOODS: Readonly<Record<BoundaryType, TypeDefault>> = {
  network: {
    type: 'network',
    configuration: 0.05,
    zeroDay: 0.01,
    knownPerYear: 1,
    patchable: true,
    reasoning:
      'Only exists without Reverse Connect (inbound ports open). Misconfigured NSGs exposing RDP or management ports are a common audit finding; pre-authentication RDP flaws are rare but wormable (BlueKeep CVE-2019-0708, DejaBlue CVE-2019-1181/1182): about one weaponized pre-auth Windows network flaw a year.',
    sources: [KEV, 'MSRC, CVE-2019-0708 (BlueKeep) and CVE-2019-1181/1182 advisories', GUIDE],
  },
  kernel: {
    type: 'kernel',
    configuration: 0.05,
    zeroDay: 0.05,
    knownPerYear: 6,
    patchable: true,
    reasoning:
      'Local elevation of privilege is the most common Windows vulnerability class: the KEV catalog adds roughly ten or more exploited Windows EoP flaws (Win32k, CLFS, kernel drivers) a year; we assume about six usable on a hardened session host. Configuration errors (vulnerable drivers, writable service binaries) are routine penetration-test findings. Zero-day EoPs are a large share of in-the-wild zero-days.',
    sources: [KEV, ZERO_DAYS, TTE, SERVICING],
  },
  process: {
    type: 'process',
    configuration: 0.02,
    zeroDay: 0.02,
    knownPerYear: 2,
    patchable: true,
    reasoning:
      'Cross-user process access without kernel control: weak process or service DACLs (configuration), handle and token flaws (vulnerabilities). Rarer than full kernel EoP because most public exploits go straight to the kernel.',
    sources: [SERVICING, KEV],
  },
  appcontainer: {
    type: 'appcontainer',
    configuration: 0.02,
    zeroDay: 0.03,
    knownPerYear: 2,
    patchable: true,
    reasoning:
      'Sandbox escapes are the second stage of most browser exploit chains: one to three are seen in the wild a year; over-broad capabilities granted to a packaged app are the configuration cause.',
    sources: [ZERO_DAYS, SERVICING],
  },
  user: {
    type: 'user',
    configuration: 0.1,
    zeroDay: 0.01,
    knownPerYear: 0.5,
    patchable: true,
    reasoning:
      'The user boundary on a multi-session host is mostly NTFS/SMB permissions on FSLogix profile containers and shares; FSLogix needs specific, non-default permissions and deviations are common, so configuration dominates. Vulnerabilities that break file ACLs without kernel control are rare.',
    sources: ['Microsoft Learn, "Configure SMB storage permissions for FSLogix Profile Container"', GUIDE],
  },
  session: {
    type: 'session',
    configuration: 0.02,
    zeroDay: 0.01,
    knownPerYear: 0.5,
    patchable: true,
    reasoning:
      'Session isolation on Remote Desktop Session Host: cross-session flaws (shared objects, clipboard/redirection bugs) are disclosed occasionally; misconfigured redirection or shadowing permissions are the configuration cause.',
    sources: [SERVICING, GUIDE],
  },
  browser: {
    type: 'browser',
    configuration: 0.02,
    zeroDay: 0.1,
    knownPerYear: 4,
    patchable: true,
    reasoning:
      'Chromium-based browsers see about eight to ten in-the-wild zero-days a year (2022\u20132024), which become known flaws; we assume about four a year usable against Edge as configured on the hosts, exploitable until the browser update reaches the hosts. A malicious website still needs a user to visit it.',
    sources: [ZERO_DAYS, 'Chrome Releases blog, "exploit ... exists in the wild" notes 2022\u20132024'],
  },
  vm: {
    type: 'vm',
    configuration: 0,
    zeroDay: 0.01,
    knownPerYear: 0,
    patchable: false,
    reasoning:
      'Hyper-V guest-to-host escape. Microsoft pays up to USD 250,000 for one and services Azure hosts itself, so the customer patch cadence does not apply; critical Hyper-V flaws are fixed several times a year but no in-the-wild escape on Azure is public. 1 % a year stands for the residual risk of a cross-tenant isolation failure (cf. Azurescape in Azure Container Instances, 2021).',
    sources: ['Microsoft Hyper-V Bounty Program', 'Unit 42, "Azurescape" (2021)', SERVICING],
  },
  vsm: {
    type: 'vsm',
    configuration: 0.05,
    zeroDay: 0.01,
    knownPerYear: 0.5,
    patchable: true,
    reasoning:
      'Credential Guard (VBS) against a kernel-level attacker: enabled without UEFI lock or silently off on some hosts (configuration); VBS rollback and bypass research (e.g. "Windows Downdate", CVE-2024-21302) shows roughly one usable flaw every year or two.',
    sources: ['SafeBreach, "Windows Downdate" (Black Hat USA 2024), CVE-2024-21302', SERVICING],
  },
  tenant: {
    type: 'tenant',
    configuration: 0.02,
    zeroDay: 0.01,
    knownPerYear: 0,
    patchable: false,
    reasoning:
      'Control of one identity directory reaching another: mostly configuration (cross-tenant access settings, privileged B2B guests, over-consented multi-tenant apps). Provider-side flaws are rare and fixed centrally: Storm-0558 forged tokens across tenants (2023); Entra ID "actor tokens" allowed cross-tenant impersonation (CVE-2025-55241).',
    sources: ['MSRC, "Results of Major Technical Investigations for Storm-0558 Key Acquisition" (2023)', 'CVE-2025-55241'],
  },
  subscription: {
    type: 'subscription',
    configuration: 0.03,
    zeroDay: 0.005,
    knownPerYear: 0,
    patchable: false,
    reasoning:
      'Control of one subscription reaching another: mostly configuration (role assignments at management-group scope, automation identities or Lighthouse delegations with rights in both). Cross-customer control-plane flaws are rare and fixed by the provider (cf. ChaosDB in Cosmos DB, 2021).',
    sources: ['Wiz, "ChaosDB" (2021)', 'Microsoft Learn, Azure RBAC scope and management groups'],
  },
};

export interface PatchSettings {
  /** Days from a fix's release until it is deployed on the hosts. */
  readonly patchDays: number;
  /** Mean days from disclosure until a working exploit is in use. */
  readonly exploitDays: number;
}

export const DEFAULT_PATCH_SETTINGS: PatchSettings = { patchDays: DEFAULT_PATCH_DAYS, exploitDays: DEFAULT_EXPLOIT_DAYS };

/**
 * Expected days per known vulnerability during which a working exploit exists and the fix is not yet
 * deployed: E[max(0, patchDays − X)] for an exploit delay X ~ Exponential(mean exploitDays).
 */
export function exposedDays({ patchDays, exploitDays }: PatchSettings): number {
  if (patchDays <= 0) return 0;
  if (exploitDays <= 0) return patchDays;
  return patchDays - exploitDays * (1 - Math.exp(-patchDays / exploitDays));
}

/**
 * Probability that some known vulnerability is open when the attacker tries: windows of
 * `exposedDays` open at a Poisson rate of `knownPerYear`, so 1 − exp(−rate × days / 365).
 */
export function knownUnpatched(knownPerYear: number, patch: PatchSettings): number {
  return 1 - Math.exp((-knownPerYear * exposedDays(patch)) / 365);
}

export interface CauseBreakdown {
  readonly configuration: number;
  readonly zeroDay: number;
  readonly knownUnpatched: number;
  /** 1 − (1 − configuration)(1 − zeroDay)(1 − knownUnpatched): the causes are independent. */
  readonly probability: number;
}

export function combine(figures: CauseFigures, patchable: boolean, patch: PatchSettings): CauseBreakdown {
  const known = patchable ? knownUnpatched(figures.knownPerYear, patch) : 0;
  const probability = 1 - (1 - figures.configuration) * (1 - figures.zeroDay) * (1 - known);
  return { configuration: figures.configuration, zeroDay: figures.zeroDay, knownUnpatched: known, probability };
}

/** Where a figure came from. */
export type LikelihoodSource = 'default' | 'model' | 'command line';

/** An override as the engine reads it: the model's `risk.likelihoods` entries and `--likelihood` flags. */
export interface LikelihoodOverride extends Omit<FailureLikelihood, 'note'> {
  readonly note: string;
  readonly source: LikelihoodSource;
}

/** The figure for one boundary type (or one instance) after defaults and overrides. */
export interface ResolvedLikelihood extends CauseBreakdown {
  readonly source: LikelihoodSource;
  /** The override target that decided it (null: the default). */
  readonly target: string | null;
  readonly note: string;
}

/** Applies one override on top of the figures it refines: `probability` replaces, causes merge. */
export function applyOverride(base: CauseFigures, patchable: boolean, override: LikelihoodOverride, patch: PatchSettings): ResolvedLikelihood {
  if (override.probability !== null) {
    return {
      configuration: override.probability,
      zeroDay: 0,
      knownUnpatched: 0,
      probability: override.probability,
      source: override.source,
      target: override.target,
      note: override.note,
    };
  }
  const figures: CauseFigures = {
    configuration: override.configuration ?? base.configuration,
    zeroDay: override.zeroDay ?? base.zeroDay,
    knownPerYear: override.knownPerYear ?? base.knownPerYear,
  };
  // A known-vulnerability rate given explicitly counts against the customer's patch cadence.
  const withCadence = patchable || override.knownPerYear !== null;
  return { ...combine(figures, withCadence, patch), source: override.source, target: override.target, note: override.note };
}

export function defaultLikelihood(type: BoundaryType, patch: PatchSettings): ResolvedLikelihood {
  const d = DEFAULT_LIKELIHOODS[type];
  return { ...combine(d, d.patchable, patch), source: 'default', target: null, note: '' };
}

/** `kernel=0.05` → an override of the total probability (the `--likelihood` flag). */
export function parseLikelihoodFlag(text: string): { ok: true; override: LikelihoodOverride } | { ok: false; message: string } {
  const at = text.lastIndexOf('=');
  const target = at < 0 ? '' : text.slice(0, at).trim();
  const value = at < 0 ? '' : text.slice(at + 1).trim();
  const p = Number(value);
  if (target === '' || value === '' || !Number.isFinite(p) || p < 0 || p > 1) {
    return { ok: false, message: `--likelihood: expected TARGET=P with P from 0 to 1 (e.g. kernel=0.05), got \`${text}\`` };
  }
  return {
    ok: true,
    override: { target, probability: p, configuration: null, zeroDay: null, knownPerYear: null, note: '', source: 'command line' },
  };
}

/** Every boundary type in engine order, for tables. */
export const ALL_TYPES: readonly BoundaryType[] = BOUNDARY_TYPES;
