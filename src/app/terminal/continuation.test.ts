import { describe, expect, it } from 'vitest';
import { needsMoreInput } from './continuation';

describe('needsMoreInput', () => {
  it('treats plain commands as complete', () => {
    expect(needsMoreInput('kubectl get pods')).toBe(false);
    expect(needsMoreInput('')).toBe(false);
    expect(needsMoreInput("echo 'a # b'")).toBe(false);
    expect(needsMoreInput('cat <<< word')).toBe(false);
  });
  it('reads a here-document until its delimiter line', () => {
    expect(needsMoreInput('cat <<EOF > pod.yaml')).toBe(true);
    expect(needsMoreInput('cat <<EOF > pod.yaml\napiVersion: v1')).toBe(true);
    expect(needsMoreInput('cat <<EOF > pod.yaml\napiVersion: v1\n  EOF')).toBe(true);
    expect(needsMoreInput('cat <<EOF > pod.yaml\napiVersion: v1\nEOF')).toBe(false);
    expect(needsMoreInput("cat <<'EOF'\n$HOME\nEOF")).toBe(false);
    expect(needsMoreInput('cat <<-END\n\tx\n\tEND')).toBe(false);
    expect(needsMoreInput('cat <<A <<B\nA\n')).toBe(true);
    expect(needsMoreInput('cat <<A <<B\nA\nB')).toBe(false);
  });
  it('continues open quotes, backslashes and pipes', () => {
    expect(needsMoreInput('echo "abc')).toBe(true);
    expect(needsMoreInput("echo 'it")).toBe(true);
    expect(needsMoreInput('echo "a\nb"')).toBe(false);
    expect(needsMoreInput('kubectl get pods \\')).toBe(true);
    expect(needsMoreInput('kubectl get pods |')).toBe(true);
    expect(needsMoreInput('true &&')).toBe(true);
    expect(needsMoreInput('echo a\\\\')).toBe(false);
  });
  it('continues compound commands until they are closed', () => {
    expect(needsMoreInput('for p in a b; do')).toBe(true);
    expect(needsMoreInput('for p in a b; do\n  echo $p')).toBe(true);
    expect(needsMoreInput('for p in a b; do\n  echo $p\ndone')).toBe(false);
    expect(needsMoreInput('for p in a b; do echo $p; done')).toBe(false);
    expect(needsMoreInput('while true; do kubectl get pods; sleep 2; done')).toBe(false);
    expect(needsMoreInput('if kubectl get pod web >/dev/null 2>&1; then')).toBe(true);
    expect(needsMoreInput('if true; then echo a; else echo b; fi')).toBe(false);
    expect(needsMoreInput('case "$x" in')).toBe(true);
    expect(needsMoreInput('case "$x" in a) echo a;; esac')).toBe(false);
    expect(needsMoreInput('f() {')).toBe(true);
    expect(needsMoreInput('f() { kubectl get "$@"; }')).toBe(false);
    expect(needsMoreInput('( cd /tmp && ls')).toBe(true);
    expect(needsMoreInput('( cd /tmp && ls )')).toBe(false);
    expect(needsMoreInput('echo done; echo if')).toBe(false);
    expect(needsMoreInput("echo 'for x in; do'")).toBe(false);
    expect(needsMoreInput('for p in $(kubectl get pods -o name); do kubectl delete $p; done')).toBe(false);
    expect(needsMoreInput('cat <<EOF\nif\nEOF')).toBe(false);
  });
});
