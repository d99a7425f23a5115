// The system-test harness: the system in one line (`systemForFile`), demo sign-ins, subscription collectors. The
// production shape as processes and the fault tools are entries of their own (`@abri/testkit/processes`, …).
export * from './helpers.ts';
export * from './system.ts';
