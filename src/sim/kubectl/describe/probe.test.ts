import { describe, expect, it } from 'vitest';
import { describeProbe } from './pod.ts';
import { formatRFC1123Z } from './format.ts';

const timing = { initialDelaySeconds: 3, timeoutSeconds: 1, periodSeconds: 3, successThreshold: 1, failureThreshold: 3 };

describe('describeProbe (FIDELITY §8)', () => {
  it('http-get', () => {
    expect(describeProbe({ httpGet: { path: '/healthz', port: 8080, scheme: 'HTTP' }, ...timing })).toBe(
      'http-get http://:8080/healthz delay=3s timeout=1s period=3s #success=1 #failure=3',
    );
  });
  it('exec', () => {
    expect(describeProbe({ exec: { command: ['cat', '/tmp/healthy'] }, ...timing, initialDelaySeconds: 5, periodSeconds: 5 })).toBe(
      'exec [cat /tmp/healthy] delay=5s timeout=1s period=5s #success=1 #failure=3',
    );
  });
  it('tcp-socket', () => {
    expect(describeProbe({ tcpSocket: { port: 8080 }, ...timing, initialDelaySeconds: 0, periodSeconds: 10 })).toBe(
      'tcp-socket :8080 delay=0s timeout=1s period=10s #success=1 #failure=3',
    );
  });
});

describe('formatRFC1123Z', () => {
  it('formats in UTC like Go time.RFC1123Z', () => {
    expect(formatRFC1123Z('2025-06-13T08:50:38Z')).toBe('Fri, 13 Jun 2025 08:50:38 +0000');
  });
});
