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
});
