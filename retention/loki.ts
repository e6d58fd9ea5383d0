/**
 * How long Loki keeps logs. A month by default; debug and trace lines three days; every line of
 * the non-production environments a week; errors three months; the users service in production
 * (account and session changes, our audit trail) 180 days. When several selectors match a
 * stream, the higher priority wins.
 */
import { lokiRetention } from '../src/builders/index.ts';

export default lokiRetention('loki')
  .period('31d')
  .stream('{level=~"trace|debug"}', '3d', 4)
  .stream('{env=~"local|staging"}', '7d', 3)
  .stream('{service="users", env="production"}', '180d', 2)
  .stream('{level=~"error|fatal"}', '90d', 1)
  .compactor({
    workingDirectory: '/loki/compactor',
    compactionInterval: '10m',
    deleteRequestStore: 'filesystem',
    deleteDelay: '2h',
    deleteWorkerCount: 150,
  });
