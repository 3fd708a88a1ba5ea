import { describe, expect, it } from 'vitest';
import type { Pod } from '../api/types';
import { cluster, exec, logs, pod, service } from './harness.test-util';
import { globToRegExp } from './programs/redis/db';

describe('redis image', () => {
  it('starts with its real log lines and answers redis-cli over a Service, expiry in virtual time', () => {
    const c = cluster();
    c.api.create(pod('redis', [{ name: 'redis', image: 'redis:7' }], {}, { app: 'redis' }));
    c.api.create(service('redis', { app: 'redis' }, 6379));
    c.api.create(pod('cli', [{ name: 'cli', image: 'redis:7-alpine', command: ['sleep', '3600'] }]));
    c.api.create(pod('bb', [{ name: 'bb', image: 'busybox', command: ['sleep', '3600'] }]));
    c.advance(30_000);
    const l = logs(c, 'redis', 'redis');
    expect(l.map((x) => x.replace(/^1:([CM]) 15 Jan 2025 10:00:\d\d\.\d{3} /, '1:$1 T '))).toEqual([
      '1:C T * oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo',
      '1:C T * Redis version=7.4.2, bits=64, commit=00000000, modified=0, pid=1, just started',
      '1:C T # Warning: no config file specified, using the default config. In order to specify a config file use redis-server /path/to/redis.conf',
      '1:M T * monotonic clock: POSIX clock_gettime',
      '1:M T * Running mode=standalone, port=6379.',
      '1:M T * Server initialized',
      '1:M T * Ready to accept connections tcp',
    ]);
    const cli = (...a: string[]) => exec(c, 'cli', 'cli', ['redis-cli', '-h', 'redis', ...a]);
    expect(cli('PING').out).toBe('PONG\n');
    expect(cli('SET', 'greeting', 'hello world', 'EX', '10').out).toBe('OK\n');
    expect(cli('GET', 'greeting').out).toBe('hello world\n');
    expect(cli('TTL', 'greeting').out).toBe('10\n');
    expect(cli('INCR', 'hits').out).toBe('1\n');
    expect(cli('--no-raw', 'INCR', 'hits').out).toBe('(integer) 2\n');
    expect(cli('--no-raw', 'GET', 'greeting').out).toBe('"hello world"\n');
    expect(cli('RPUSH', 'q', 'a', 'b', 'c').out).toBe('3\n');
    expect(cli('--no-raw', 'LRANGE', 'q', '0', '-1').out).toBe('1) "a"\n2) "b"\n3) "c"\n');
    expect(cli('--no-raw', 'FOO', 'bar').out).toBe("(error) ERR unknown command 'FOO', with args beginning with: 'bar' \n");
    expect(cli('FOO').out).toBe("ERR unknown command 'FOO', with args beginning with: \n\n");
    expect(cli('--no-raw', 'GET').out).toBe("(error) ERR wrong number of arguments for 'get' command\n");
    expect(cli('--no-raw', 'INCR', 'q').out).toBe('(error) WRONGTYPE Operation against a key holding the wrong kind of value\n');
    c.advance(11_000);
    expect(cli('--no-raw', 'GET', 'greeting').out).toBe('(nil)\n');
    expect(cli('--no-raw', 'TTL', 'greeting').out).toBe('(integer) -2\n');
    expect(cli('KEYS', '*').out).toBe('hits\nq\n');
    expect(exec(c, 'cli', 'cli', ['sh', '-c', 'printf "SET a 1\\nINCR a\\nGET a\\nEXISTS a nope\\n" | redis-cli -h redis']).out).toBe('OK\n2\n2\n1\n');
    expect(cli('INFO').out).toContain('redis_version:7.4.2\r\n');
    const refused = exec(c, 'cli', 'cli', ['redis-cli', 'PING']);
    expect([refused.code, refused.err]).toEqual([1, 'Could not connect to Redis at 127.0.0.1:6379: Connection refused\n']);
    // Inline commands, as a learner types them into nc from a busybox pod.
    const ncOut = exec(c, 'bb', 'bb', ['sh', '-c', 'printf "PING\\r\\nQUIT\\r\\n" | nc redis 6379']);
    expect(ncOut.out).toBe('+PONG\r\n+OK\r\n');
  });

  it('SIGTERM on pod deletion runs the shutdown sequence; redis-server runs as redis', () => {
    const c = cluster();
    c.api.create(pod('redis', [{ name: 'redis', image: 'redis' }]));
    c.advance(30_000);
    expect(exec(c, 'redis', 'redis', ['ps', 'aux']).out).toMatch(/(redis\s+1\s|\b1\s+redis\s).*redis-server/);
    const uid = c.store.get('Pod', 'default', 'redis')!.metadata!.uid!;
    const id = c.kubelet.workers.get(uid)!.instancesOf('redis').at(-1)!;
    c.api.delete('Pod', 'default', 'redis');
    c.advance(5_000);
    const after = c.kubelet.runtime.containerLogs(id).map((x) => x.line);
    expect(after.some((x) => /^1:signal-handler \(\d+\) Received SIGTERM scheduling shutdown\.\.\.$/.test(x))).toBe(true);
    expect(after.at(-1)).toMatch(/^1:M .* # Redis is now ready to exit, bye bye\.\.\.$/);
    expect((c.store.get('Pod', 'default', 'redis') as Pod | undefined)).toBeUndefined();
  });

  it('KEYS patterns', () => {
    expect(globToRegExp('user:*').test('user:1')).toBe(true);
    expect(globToRegExp('h?llo').test('hallo')).toBe(true);
    expect(globToRegExp('h[ae]llo').test('hillo')).toBe(false);
    expect(globToRegExp('h[^e]llo').test('hallo')).toBe(true);
    expect(globToRegExp('a\\*b').test('a*b')).toBe(true);
  });
});
