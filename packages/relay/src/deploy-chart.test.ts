// Checks deploy/: renders the Helm chart's templates (subset renderer, no helm binary here), parses
// every resulting document, and checks the chart against the relay: probes hit real endpoints,
// environment variables are ones the CLI reads and the README documents.
import { readFileSync, readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { relayEnvironment } from './cli.test-support.js';
import { type RenderContext, renderTemplate, valuePaths } from './helm-render.test-support.js';
import { startRelay } from './index.js';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const deployDir = join(packageDir, '..', '..', 'deploy');
const chartDir = join(deployDir, 'helm', 'allmende-relay');
const templateDir = join(chartDir, 'templates');
const templates = readdirSync(templateDir).filter((file) => file.endsWith('.yaml')).map((file) => ({ file, text: readFileSync(join(templateDir, file), 'utf8') }));
const defaults = parse(readFileSync(join(chartDir, 'values.yaml'), 'utf8')) as Record<string, unknown>;
const chart = parse(readFileSync(join(chartDir, 'Chart.yaml'), 'utf8')) as Record<string, unknown>;

interface Container {
  ports: Array<{ name: string }>;
  envFrom: unknown[];
  securityContext: Record<string, unknown>;
  resources: { requests: Record<string, string> };
  volumeMounts: Array<{ mountPath: string }>;
}

type Resource = { kind: string; apiVersion: string; metadata: { name: string; labels?: Record<string, string> }; [key: string]: unknown };

function merge(base: Record<string, unknown>, overrides: Record<string, unknown>): Record<string, unknown> {
  const result: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(overrides)) {
    const current = result[key];
    result[key] = typeof value === 'object' && value !== null && typeof current === 'object' && current !== null ? merge(current as Record<string, unknown>, value as Record<string, unknown>) : value;
  }
  return result;
}

function render(overrides: Record<string, unknown> = {}): Resource[] {
  const context: RenderContext = { Values: merge(defaults, overrides), Release: { Name: 'office', Namespace: 'default' }, Chart: { Name: chart['name'], Version: chart['version'], AppVersion: chart['appVersion'] } };
  const resources: Resource[] = [];
  for (const { file, text } of templates) {
    for (const document of parseAllDocuments(renderTemplate(text, context))) {
      expect(document.errors, file).toEqual([]);
      const value = document.toJS() as Resource | null;
      if (value !== null) resources.push(value);
    }
  }
  return resources;
}

function find(resources: Resource[], kind: string): Resource | undefined {
  return resources.find((resource) => resource.kind === kind);
}

/** The environment variable names in the README's configuration table. */
function readmeVariables(): Set<string> {
  const readme = readFileSync(join(packageDir, 'README.md'), 'utf8');
  const table = readme.slice(readme.indexOf('| Flag | Environment |'));
  const rows = table.slice(0, table.indexOf('\n\n')).split('\n');
  return new Set(rows.flatMap((row) => [...(row.split('|')[2] ?? '').matchAll(/`([A-Z][A-Z0-9_]+)/g)].map((match) => match[1]!)));
}

const production = {
  auth: { oidcIssuer: 'https://id.example.org/realms/office', audience: 'allmende', jwtSecret: 'x'.repeat(40) },
  database: { url: 'postgres://relay:pw@postgres:5432/allmende' },
  redis: { url: 'redis://redis:6379/0' },
};

describe('the Helm chart', () => {
  it('renders to valid Kubernetes resources whose references agree', () => {
    const resources = render(production);
    expect(resources.map((resource) => resource.kind).sort()).toEqual(['ConfigMap', 'Deployment', 'HorizontalPodAutoscaler', 'Secret', 'Service']);
    const deployment = find(resources, 'Deployment') as unknown as {
      metadata: { name: string };
      spec: {
        replicas?: number;
        selector: { matchLabels: Record<string, string> };
        template: { metadata: { labels: Record<string, string> }; spec: { containers: Container[]; securityContext: Record<string, unknown> } };
      };
    };
    const pod = deployment.spec.template.spec;
    const container = pod.containers[0]!;
    const podLabels = deployment.spec.template.metadata.labels;
    expect(podLabels).toMatchObject(deployment.spec.selector.matchLabels);

    const service = find(resources, 'Service') as unknown as { spec: { selector: Record<string, string>; ports: Array<{ targetPort: string }> } };
    expect(podLabels).toMatchObject(service.spec.selector);
    expect(container.ports.map((port) => port.name)).toContain(service.spec.ports[0]!.targetPort);

    const hpa = find(resources, 'HorizontalPodAutoscaler') as unknown as { spec: { scaleTargetRef: { kind: string; name: string }; minReplicas: number; maxReplicas: number } };
    expect(hpa.spec.scaleTargetRef).toMatchObject({ kind: 'Deployment', name: deployment.metadata.name });
    expect(hpa.spec.minReplicas).toBeLessThanOrEqual(hpa.spec.maxReplicas);
    expect(deployment.spec.replicas).toBeUndefined();

    const configMap = find(resources, 'ConfigMap')!;
    const secret = find(resources, 'Secret') as unknown as { metadata: { name: string }; stringData: Record<string, string> };
    expect(container.envFrom).toEqual([{ configMapRef: { name: configMap.metadata.name } }, { secretRef: { name: secret.metadata.name } }]);
    expect(secret.stringData).toEqual({ JWT_SECRET: production.auth.jwtSecret, DATABASE_URL: production.database.url, REDIS_URL: production.redis.url });
    expect((configMap as unknown as { data: Record<string, string> }).data).toMatchObject({ OIDC_ISSUER: production.auth.oidcIssuer, JWT_AUDIENCE: 'allmende', PORT: '8080' });

    expect(pod.securityContext).toMatchObject({ runAsNonRoot: true });
    expect(container.securityContext).toMatchObject({ readOnlyRootFilesystem: true, allowPrivilegeEscalation: false });
    expect(container.resources.requests).toMatchObject({ cpu: expect.any(String), memory: expect.any(String) });
    expect(container.volumeMounts.map((mount) => mount.mountPath)).toContain((configMap as unknown as { data: Record<string, string> }).data['DATA_DIR']);
  });

  it('uses an existing secret and a fixed replica count when asked', () => {
    const resources = render({ existingSecret: 'relay-credentials', autoscaling: { enabled: false }, replicaCount: 3 });
    expect(resources.map((resource) => resource.kind).sort()).toEqual(['ConfigMap', 'Deployment', 'Service']);
    const deployment = find(resources, 'Deployment') as unknown as { spec: { replicas: number; template: { spec: { containers: Array<{ envFrom: unknown[] }> } } } };
    expect(deployment.spec.replicas).toBe(3);
    expect(deployment.spec.template.spec.containers[0]!.envFrom[1]).toEqual({ secretRef: { name: 'relay-credentials' } });
  });

  it('sets only environment variables the relay reads and its README documents', () => {
    const documented = readmeVariables();
    // The README table and the CLI's list of variables name the same set.
    expect([...documented].sort()).toEqual([...relayEnvironment].sort());
    const resources = render(production);
    const names = [
      ...Object.keys((find(resources, 'ConfigMap') as unknown as { data: Record<string, string> }).data),
      ...Object.keys((find(resources, 'Secret') as unknown as { stringData: Record<string, string> }).stringData),
    ];
    for (const name of names) expect(documented, name).toContain(name);
    const dockerfile = readFileSync(join(deployDir, 'Dockerfile'), 'utf8');
    const dockerEnv = [...dockerfile.matchAll(/^\s*(?:ENV\s+)?([A-Z_]+)=\S+/gm)].map((match) => match[1]!).filter((name) => name !== 'NODE_ENV');
    expect(dockerEnv.length).toBeGreaterThan(0);
    for (const name of dockerEnv) expect(documented, name).toContain(name);
  });

  it('mentions only values that values.yaml defines, and uses every value', () => {
    const mentioned = new Set(templates.flatMap(({ text }) => valuePaths(text)));
    const leaves = (value: unknown, prefix: string): string[] =>
      typeof value === 'object' && value !== null && !Array.isArray(value) && prefix !== 'resources'
        ? Object.entries(value).flatMap(([key, child]) => leaves(child, prefix === '' ? key : `${prefix}.${key}`))
        : [prefix];
    const defined = new Set(leaves(defaults, ''));
    for (const path of mentioned) expect(defined, path).toContain(path);
    for (const path of defined) expect(mentioned, path).toContain(path);
  });

  it('probes endpoints the relay serves', async () => {
    const deployment = find(render(production), 'Deployment') as unknown as { spec: { template: { spec: { containers: Array<Record<string, { httpGet: { path: string; port: string } }>> } } } };
    const container = deployment.spec.template.spec.containers[0]!;
    expect(container['livenessProbe']!.httpGet.path).toBe('/healthz');
    expect(container['readinessProbe']!.httpGet.path).toBe('/readyz');
    const dataDir = await mkdtemp(join(tmpdir(), 'allmende-chart-'));
    const relay = await startRelay({ port: 0, dataDir });
    try {
      for (const probe of ['livenessProbe', 'readinessProbe']) {
        const response = await fetch(relay.url + container[probe]!.httpGet.path);
        expect(response.status, probe).toBe(200);
      }
    } finally {
      await relay.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});

describe('the Dockerfile', () => {
  const instructions = readFileSync(join(deployDir, 'Dockerfile'), 'utf8')
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const [keyword = '', ...rest] = line.split(/\s+/);
      return { keyword: keyword.toUpperCase(), args: rest.join(' ') };
    });

  it('builds in one stage and runs in another, as a numeric non-root user, the relay CLI on the chart port', () => {
    const stages = instructions.filter((instruction) => instruction.keyword === 'FROM');
    expect(stages.length).toBeGreaterThanOrEqual(2);
    expect(stages.every((stage) => /^node:20-slim\b/.test(stage.args))).toBe(true);
    const finalStage = instructions.slice(instructions.lastIndexOf(stages[stages.length - 1]!));
    const user = finalStage.filter((instruction) => instruction.keyword === 'USER').pop();
    expect(user?.args).toMatch(/^[1-9]\d*(:\d+)?$/);
    expect(finalStage.find((instruction) => instruction.keyword === 'EXPOSE')?.args).toBe(String(defaults['containerPort']));
    expect(finalStage.some((instruction) => instruction.keyword === 'COPY' && instruction.args.includes('--from=build'))).toBe(true);
    expect(instructions.some((instruction) => instruction.keyword === 'ADD')).toBe(false);
    const entrypoint = JSON.parse(finalStage.find((instruction) => instruction.keyword === 'ENTRYPOINT')!.args) as string[];
    const bin = (JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { bin: Record<string, string> }).bin['allmende-relay'];
    expect(entrypoint).toEqual(['node', `/app/${bin!.replace(/^\.\//, '')}`]);
  });
});
