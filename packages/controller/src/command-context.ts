/** Cluster-wide defaults the commands apply (Kafka's names in the comments). */
export interface ControllerDefaults {
  /** `num.partitions`: partitions of a topic created with -1. Default 1. */
  readonly numPartitions: number
  /** `default.replication.factor`: replicas of a topic created with -1. Default 1. */
  readonly defaultReplicationFactor: number
  /** `unclean.leader.election.enable` for topics that do not override it. Default false. */
  readonly uncleanLeaderElectionEnable: boolean
}

export const DEFAULT_CONTROLLER_DEFAULTS: ControllerDefaults = {
  numPartitions: 1,
  defaultReplicationFactor: 1,
  uncleanLeaderElectionEnable: false,
}

/**
 * What planning a command may need beyond the image. Randomness comes from here, so a test
 * (or the property test) can make planning deterministic; the records then carry the outcome,
 * so replay never depends on it.
 */
export interface CommandContext {
  readonly defaults: ControllerDefaults
  /** A new unique topic id. Default: a random UUID. */
  readonly newTopicId: () => string
  /** Random number in [0, 1) (replica placement's start index). Default Math.random. */
  readonly random: () => number
}

export function commandContext(overrides: Partial<CommandContext> = {}): CommandContext {
  return {
    defaults: overrides.defaults ?? DEFAULT_CONTROLLER_DEFAULTS,
    newTopicId: overrides.newTopicId ?? (() => crypto.randomUUID()),
    random: overrides.random ?? Math.random,
  }
}
