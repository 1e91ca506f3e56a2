import { describe, expect, it } from 'vitest';
import {
  beforeInstall,
  emptyUpdateRecord,
  installDecision,
  mayDowngrade,
  onHealthy,
  onHealthyDeadline,
  onStart,
  parseUpdateRecord,
  shouldDownload,
  type UpdateRecord,
} from '../../../src-main/updates/update-policy';
import { compareSemver, isSemver } from '../../../src-shared/server-api/update-feed';

const idle = { printJobs: 0, purchases: 0, operations: 0 };

describe('update policy: not while busy', () => {
  it('installs only when no operation, print job or purchase is in flight', () => {
    expect(installDecision(idle)).toEqual({ kind: 'install' });
    for (const busy of [
      { ...idle, operations: 1 },
      { ...idle, printJobs: 1 },
      { ...idle, purchases: 1 },
    ]) {
      const decision = installDecision(busy);
      expect(decision.kind, JSON.stringify(busy)).toBe('wait');
      expect(decision.kind === 'wait' ? decision.reasons : []).toHaveLength(1);
    }
    const all = installDecision({ printJobs: 2, purchases: 1, operations: 3 });
    expect(all.kind === 'wait' ? all.reasons : []).toHaveLength(3);
  });
});

describe('update policy: downloads', () => {
  it('downloads another version unless this device rolled back from it', () => {
    expect(shouldDownload(emptyUpdateRecord, '1.1.0', '1.0.0')).toBe(true);
    expect(shouldDownload(emptyUpdateRecord, '1.0.0', '1.0.0')).toBe(false);
    expect(shouldDownload({ pending: null, skipVersions: ['1.1.0'] }, '1.1.0', '1.0.0')).toBe(false);
    expect(shouldDownload(emptyUpdateRecord, 'not-a-version', '1.0.0')).toBe(false);
    // The way back: running a skipped version, the feed offers the previous one.
    const back = { pending: null, skipVersions: ['1.1.0'] };
    expect(shouldDownload(back, '1.0.0', '1.1.0')).toBe(true);
    expect(mayDowngrade(back, '1.1.0')).toBe(true);
    expect(mayDowngrade(back, '1.0.0')).toBe(false);
  });
});

describe('update policy: rollback on a failed start', () => {
  const installed = beforeInstall(emptyUpdateRecord, '1.0.0', '1.1.0');

  it('a start that reaches healthy keeps the new version', () => {
    const start = onStart(installed, '1.1.0');
    expect(start.kind).toBe('verify');
    expect(onHealthy(start.record, '1.1.0')).toEqual(emptyUpdateRecord);
  });

  it('two starts that never reach healthy (crashes) give the version up at the third', () => {
    let record: UpdateRecord = installed;
    const kinds: string[] = [];
    for (let start = 0; start < 3; start += 1) {
      const decision = onStart(record, '1.1.0');
      kinds.push(decision.kind);
      record = decision.record;
      if (decision.kind === 'rollback') expect(decision.to).toBe('1.0.0');
    }
    expect(kinds).toEqual(['verify', 'verify', 'rollback']);
    expect(record).toEqual({ pending: null, skipVersions: ['1.1.0'] });
    // Then the device downloads 1.0.0 again and does not take 1.1.0 back.
    expect(shouldDownload(record, '1.0.0', '1.1.0')).toBe(true);
    expect(shouldDownload(record, '1.1.0', '1.1.0')).toBe(false);
    expect(shouldDownload(record, '1.1.1', '1.1.0')).toBe(true);
  });

  it('a crash once, then healthy, keeps it', () => {
    const first = onStart(installed, '1.1.0');
    const second = onStart(first.record, '1.1.0');
    expect(second.kind).toBe('verify');
    expect(onHealthy(second.record, '1.1.0').pending).toBeNull();
  });

  it('missing the healthy deadline gives it up at once', () => {
    const start = onStart(installed, '1.1.0');
    const late = onHealthyDeadline(start.record, '1.1.0');
    expect(late.kind).toBe('rollback');
    expect(late.record.skipVersions).toEqual(['1.1.0']);
    // Nothing pending: the deadline changes nothing.
    expect(onHealthyDeadline(emptyUpdateRecord, '1.1.0').kind).toBe('none');
  });

  it('still the previous version after an install: not applied, nothing to verify', () => {
    const start = onStart(installed, '1.0.0');
    expect(start.kind).toBe('not-applied');
    expect(start.record.pending).toBeNull();
    expect(onStart(emptyUpdateRecord, '1.0.0').kind).toBe('none');
  });

  it('the record survives its JSON, and anything unreadable is an empty record', () => {
    const record = onStart(installed, '1.1.0').record;
    expect(parseUpdateRecord(JSON.stringify(record))).toEqual(record);
    for (const bad of [null, '', '{', '[]', '{"pending":{"targetVersion":1},"skipVersions":["x","1.0.0"]}'])
      expect(parseUpdateRecord(bad).pending).toBeNull();
    expect(parseUpdateRecord('{"pending":null,"skipVersions":["x","1.0.0"]}').skipVersions).toEqual(['1.0.0']);
  });
});

describe('semver', () => {
  it('orders versions as semver.org says', () => {
    const ordered = [
      '1.0.0-alpha',
      '1.0.0-alpha.1',
      '1.0.0-alpha.beta',
      '1.0.0-beta',
      '1.0.0-beta.2',
      '1.0.0-beta.11',
      '1.0.0-rc.1',
      '1.0.0',
      '1.0.1',
      '1.2.0',
      '1.10.0',
      '2.0.0',
    ];
    for (let i = 0; i + 1 < ordered.length; i += 1) {
      expect(compareSemver(ordered[i]!, ordered[i + 1]!), `${ordered[i]} < ${ordered[i + 1]}`).toBeLessThan(0);
      expect(compareSemver(ordered[i + 1]!, ordered[i]!)).toBeGreaterThan(0);
    }
    expect(compareSemver('1.2.3', '1.2.3')).toBe(0);
    for (const bad of ['1.2', 'v1.2.3', '01.2.3', '1.2.3+build', '../1.2.3', '1.2.3/x'])
      expect(isSemver(bad), bad).toBe(false);
  });
});
