import { describe, expect, it } from 'vitest';
import { clientSchemaVersion, minClientSchemaVersion, servesSchemaVersion, updateRequired } from './versions.ts';

describe('the versioning contract', () => {
  it('serves every client schema from the minimum to the current one, and nothing else', () => {
    for (let v = minClientSchemaVersion; v <= clientSchemaVersion; v += 1) expect(servesSchemaVersion(String(v))).toBe(true);
    for (const v of [String(minClientSchemaVersion - 1), String(clientSchemaVersion + 1), '', '01', '1.0', 'v1', ' 1', '-1', '9999999999']) {
      expect(servesSchemaVersion(v), JSON.stringify(v)).toBe(false);
    }
  });

  it('a server whose operator raised the minimum serves from there up', () => {
    expect(servesSchemaVersion(String(clientSchemaVersion), clientSchemaVersion)).toBe(true);
    expect(servesSchemaVersion(String(clientSchemaVersion - 1), clientSchemaVersion)).toBe(false);
  });

  it('a client below the server’s minimum must be updated; one at or above it need not', () => {
    expect(updateRequired({ minClientSchemaVersion: clientSchemaVersion + 1 })).toBe(true);
    expect(updateRequired({ minClientSchemaVersion: clientSchemaVersion })).toBe(false);
    expect(updateRequired({ minClientSchemaVersion: 3 }, 2)).toBe(true);
  });
});
