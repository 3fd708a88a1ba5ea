/**
 * JSON Schema of a lesson's front matter and of checks.yaml. The loader validates with ajv
 * (discriminated on `kind`, so an error names the one check kind meant, not all ten), then runs
 * the semantic rules JSON Schema cannot say (regexes compile, files exist, ids resolve).
 */

const name = { type: 'string', minLength: 1, maxLength: 253, pattern: '^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$' };
const str = { type: 'string', minLength: 1 };
const textMatch = {
  contains: str,
  matches: str,
  equals: { type: 'string' },
};
const base = { id: { type: 'string', pattern: '^[a-z0-9][-a-z0-9]*$' }, before: { type: 'string' }, namespace: name };

const check = (kind: string, props: Record<string, unknown>, required: string[]) => ({
  type: 'object',
  properties: { kind: { const: kind }, ...base, ...props },
  required: ['kind', ...required],
  additionalProperties: false,
});

export const checkSchema = {
  type: 'object',
  discriminator: { propertyName: 'kind' },
  required: ['kind'],
  oneOf: [
    check('pod', { pod: name, phase: { enum: ['Pending', 'Running', 'Succeeded', 'Failed', 'Unknown'] }, status: str, ready: { type: 'string', pattern: '^\\d+/\\d+$' }, restartsAtLeast: { type: 'integer', minimum: 0 } }, ['pod']),
    check('container', { pod: name, container: name, state: { enum: ['waiting', 'running', 'terminated'] }, reason: str, exitCode: { type: 'integer' } }, ['pod', 'container', 'state']),
    check('log', { pod: name, container: name, previous: { type: 'boolean' }, ...textMatch }, ['pod', 'container']),
    check('exec', { pod: name, container: name, command: { type: 'array', items: { type: 'string' }, minItems: 1 }, exitCode: { type: 'integer' }, ...textMatch }, ['pod', 'command']),
    check('http', { pod: name, service: name, nodePort: { type: 'boolean' }, port: { type: 'integer', minimum: 1, maximum: 65535 }, path: { type: 'string', pattern: '^/' }, status: { type: 'integer', minimum: 100, maximum: 599 }, ...textMatch }, []),
    check('file', { pod: name, container: name, volume: name, path: str, exists: { type: 'boolean' }, ...textMatch }, ['pod', 'path']),
    check('event', { reason: str, object: str, message: str }, ['reason']),
    check('kubectl', { command: str, ...textMatch }, ['command']),
    check('object', { resource: { enum: ['Pod', 'Service', 'ConfigMap', 'Secret', 'Endpoints', 'Namespace'] }, name, exists: { type: 'boolean' } }, ['resource', 'name', 'exists']),
    check('ran', { command: str, matches: str }, []),
  ],
};

const observation = {
  type: 'object',
  properties: {
    kind: { enum: ['status', 'ready', 'restarts', 'phase', 'log-last-line', 'kubectl'] },
    pod: name,
    container: name,
    namespace: name,
    command: str,
  },
  required: ['kind'],
  additionalProperties: false,
};

const prediction = {
  type: 'object',
  properties: {
    question: str,
    choices: { type: 'array', items: str, minItems: 2, maxItems: 6, uniqueItems: true },
    answer: str,
    when: { $ref: '#/definitions/check' },
    after: { type: 'number', minimum: 0, maximum: 3600 },
    observe: observation,
    explain: str,
  },
  required: ['question', 'choices', 'answer', 'when', 'after', 'observe'],
  additionalProperties: false,
};

const step = {
  type: 'object',
  properties: {
    id: { type: 'string', pattern: '^[a-z0-9][-a-z0-9]*$' },
    mode: { enum: ['editor', 'terminal'] },
    start: { oneOf: [{ const: 'blank' }, { type: 'array', items: str, minItems: 1 }] },
    solution: str,
    hints: { type: 'array', items: str },
    checks: { type: 'array', items: { $ref: '#/definitions/check' } },
    within: { type: 'number', exclusiveMinimum: 0, maximum: 3600 },
    predict: prediction,
  },
  required: ['id', 'mode'],
  additionalProperties: false,
};

export const frontMatterSchema = {
  $id: 'https://podlab.dev/schemas/lesson.json',
  type: 'object',
  definitions: { check: checkSchema },
  properties: {
    title: { type: 'string', minLength: 3, maxLength: 80 },
    summary: { type: 'string', minLength: 10, maxLength: 300 },
    level: { enum: ['beginner', 'intermediate', 'advanced'] },
    minutes: { type: 'integer', minimum: 1, maximum: 240 },
    objectives: { type: 'array', items: str, minItems: 1 },
    topics: { type: 'array', items: str, minItems: 1 },
    domains: { type: 'array', items: { type: 'string', pattern: '^(CKA|CKAD): .+' }, minItems: 1 },
    seed: { type: 'integer', minimum: 0 },
    steps: { type: 'array', items: step, minItems: 1 },
  },
  required: ['title', 'summary', 'level', 'minutes', 'objectives', 'topics', 'domains', 'steps'],
  additionalProperties: false,
};

/** checks.yaml: step id → that step's checks (instead of, or added to, the front matter's). */
export const checksFileSchema = {
  $id: 'https://podlab.dev/schemas/checks.json',
  type: 'object',
  definitions: { check: checkSchema },
  additionalProperties: { type: 'array', items: { $ref: '#/definitions/check' } },
};
