// The name of this run's seeded template (dev/testkit/src/template.ts), the same for every project that asks (one
// process, one start time), and its removal at the end of the run. Made here, it would hold up every file of the run
// while it is migrated and seeded: the first file that needs it makes it instead, beside the others.
import type { TestProject } from 'vitest/node';
import type {} from '../dev/testkit/src/template.ts';

export default function setup(project: TestProject) {
  const template = `abri_tpl_${process.pid}_${Math.round(performance.timeOrigin)}`;
  project.provide('seededTemplate', template);
  return async () => {
    const { dropSeededTemplate } = await import('../dev/testkit/src/services.ts');
    await dropSeededTemplate(template);
  };
}
