import type { ControllerServerConfig } from '@samsa/controller'
import { parseHostPort, requireConfigKeys, type ServerConfig } from '@samsa/protocol'

/**
 * The controller's options from the shared server config (Kafka's names): `node.id` (the
 * controller id), `controller.listener` (host:port), `metadata.log.dir` (required),
 * `broker.session.timeout.ms`, `num.partitions`, `default.replication.factor`,
 * `unclean.leader.election.enable`, `auto.leader.rebalance.enable`,
 * `metadata.log.max.record.bytes.between.snapshots`.
 */
export function controllerOptions(config: ServerConfig): Omit<ControllerServerConfig, 'logger'> {
  requireConfigKeys(config, 'controller', ['metadata.log.dir'])
  const { host, port } = parseHostPort(config['controller.listener'])
  return {
    nodeId: config['node.id'],
    dir: config['metadata.log.dir'],
    host,
    port,
    brokerSessionTimeoutMs: config['broker.session.timeout.ms'],
    autoLeaderRebalanceEnable: config['auto.leader.rebalance.enable'],
    snapshotBytes: config['metadata.log.max.record.bytes.between.snapshots'],
    defaults: {
      numPartitions: config['num.partitions'],
      defaultReplicationFactor: config['default.replication.factor'],
      uncleanLeaderElectionEnable: config['unclean.leader.election.enable'],
    },
  }
}
