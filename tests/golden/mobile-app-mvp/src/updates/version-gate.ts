/**
 * Minimum-version gate: the backend (or remote config) publishes the oldest version it still
 * supports and the version it recommends; the app compares its own version and either carries
 * on, suggests an update or blocks until the person updates. A gate that cannot read its policy
 * never blocks: locking everyone out because a config fetch failed is worse than an old client.
 */

/** major.minor.patch; "1.4" means 1.4.0. */
export type Version = readonly [number, number, number];

export function parseVersion(text: string): Version | undefined {
  const match = /^v?(\d{1,9})(?:\.(\d{1,9}))?(?:\.(\d{1,9}))?$/.exec(text.trim());
  if (!match) return undefined;
  return [Number(match[1]), Number(match[2] ?? 0), Number(match[3] ?? 0)];
}

/** Negative when a is older than b, zero when equal, positive when newer. */
export function compareVersions(a: Version, b: Version): number {
  for (let i = 0; i < 3; i++) {
    if (a[i] !== b[i]) return a[i]! - b[i]!;
  }
  return 0;
}

/**
 * How the app was installed decides where an update comes from.
 * This app is distributed through the App Store and Google Play only.
 */
export type InstallSource = 'store' | 'managed';

export const INSTALL_SOURCES: readonly InstallSource[] = ['store'];

export interface UpdatePolicy {
  minimumVersion: string;
  recommendedVersion?: string;
  /** The store listing: https://apps.apple.com/app/id<number> or https://play.google.com/store/apps/details?id=<package>. */
  storeUrl?: string;
  /** Where managed devices get updates: the company portal or MDM catalog. */
  managedUrl?: string;
}

export type UpdateDecision =
  | { action: 'none' }
  | { action: 'suggest'; url: string }
  | { action: 'force'; url: string };

const NONE: UpdateDecision = { action: 'none' };

/**
 * @param current the running app's version (CFBundleShortVersionString, versionName, expo-application nativeApplicationVersion)
 * @param policy the fetched policy, or undefined when it could not be fetched
 */
export function decideUpdate(current: string, policy: UpdatePolicy | undefined, source: InstallSource = INSTALL_SOURCES[0]!): UpdateDecision {
  if (!INSTALL_SOURCES.includes(source)) throw new Error(`install source ${source} is not used by this app: expected ${INSTALL_SOURCES.join(' or ')}`);
  const running = parseVersion(current);
  // The app's own version comes from the build: if it does not parse, the build is wrong, so fail loudly.
  if (running === undefined) throw new Error(`the app version "${current}" is not major.minor.patch`);
  if (policy === undefined) return NONE;
  const minimum = parseVersion(policy.minimumVersion);
  const recommended = policy.recommendedVersion === undefined ? undefined : parseVersion(policy.recommendedVersion);
  const url = source === 'store' ? policy.storeUrl : policy.managedUrl;
  // A policy that does not parse, or gives nowhere to update from, cannot justify blocking anyone.
  if (minimum === undefined || url === undefined) return NONE;
  if (compareVersions(running, minimum) < 0) return { action: 'force', url };
  if (recommended !== undefined && compareVersions(running, recommended) < 0) return { action: 'suggest', url };
  return NONE;
}
