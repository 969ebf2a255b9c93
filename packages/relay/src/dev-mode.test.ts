import { describe, expect, it } from 'vitest';
import { checkDevModeHost, devModeWarning, isLoopbackHost } from './dev-mode.js';

describe('development mode', () => {
  it('recognizes loopback hosts', () => {
    for (const host of ['127.0.0.1', '127.1.2.3', 'localhost', 'LOCALHOST', 'app.localhost', '::1', '[::1]', '0:0:0:0:0:0:0:1', '::ffff:127.0.0.1']) {
      expect(isLoopbackHost(host), host).toBe(true);
    }
    for (const host of ['0.0.0.0', '::', '192.168.1.5', '10.0.0.1', 'example.org', 'localhost.example.org', '128.0.0.1']) {
      expect(isLoopbackHost(host), host).toBe(false);
    }
  });

  it('refuses other hosts unless allowed, naming both ways out', () => {
    expect(() => checkDevModeHost('127.0.0.1', false)).not.toThrow();
    expect(() => checkDevModeHost('0.0.0.0', true)).not.toThrow();
    expect(() => checkDevModeHost('0.0.0.0', false)).toThrow(/--allow-insecure-dev/);
    expect(() => checkDevModeHost('0.0.0.0', false)).toThrow(/JWT secret or an OIDC issuer/);
  });

  it('warns loudly, and louder when reachable from the network', () => {
    expect(devModeWarning('127.0.0.1').join('\n')).toMatch(/only from this machine/);
    expect(devModeWarning('0.0.0.0').join('\n')).toMatch(/FROM THE NETWORK/);
    expect(devModeWarning('0.0.0.0').length).toBeGreaterThan(3);
  });
});
