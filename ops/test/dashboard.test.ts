import { readFileSync } from 'node:fs';
import { registry } from '@abri/platform';
import { describe, expect, it } from 'vitest';

interface Panel {
  title: string;
  targets: { expr: string }[];
}

describe('the Grafana dashboard', () => {
  const dashboard = JSON.parse(readFileSync(new URL('../grafana/abri-dashboard.json', import.meta.url), 'utf8')) as {
    panels: Panel[];
  };

  it('queries only metrics the services expose', async () => {
    const exposed = new Set((await registry.getMetricsAsJSON()).map((m) => m.name));
    const used = dashboard.panels.flatMap((p) =>
      p.targets.flatMap((t) => [...t.expr.matchAll(/\b(abri_[a-z_]+?)(?:_bucket|_count|_sum)?\b/g)].map((m) => m[1]!)),
    );
    expect(used.length).toBeGreaterThan(10);
    for (const name of used) expect(exposed, name).toContain(name);
  });

  it('shows every Abri metric somewhere', async () => {
    const text = JSON.stringify(dashboard);
    for (const { name } of await registry.getMetricsAsJSON()) {
      if (name.startsWith('abri_')) expect(text, name).toContain(name);
    }
  });
});
