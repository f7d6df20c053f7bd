import { errorInfo, type pb } from '@samsa/protocol'
import type { Logger } from './logger.js'
import { serve } from './request-handling.js'

type ErrorInfo = { code: number; message: string }

function notYet(rpc: string, issue: 'consumer-group'): ErrorInfo {
  return errorInfo(
    'UNSUPPORTED_VERSION',
    `${rpc} is not served yet: it arrives with the ${issue} issue`,
  )
}

/** The RPCs the broker declares but does not serve yet. */
export type UnsupportedRpc =
  | 'FindCoordinator'
  | 'ConsumerGroupHeartbeat'
  | 'OffsetCommit'
  | 'OffsetFetch'
  | 'ListGroups'
  | 'DescribeGroups'
  | 'DeleteGroups'

/**
 * Handlers for the consumer-group RPCs until their issue lands: every call is answered at once with UNSUPPORTED_VERSION (not
 * retriable) at the request level and on every item it names, with a message saying which issue
 * brings it, so a client fails clearly instead of retrying or hanging.
 */
export function unsupportedHandlers(log: Logger): Pick<pb.BrokerServiceHandlers, UnsupportedRpc> {
  return {
    FindCoordinator: (call, callback) =>
      serve(
        'FindCoordinator',
        call,
        callback,
        (): pb.FindCoordinatorResponse => ({
          error: notYet('FindCoordinator', 'consumer-group'),
          nodeId: -1,
        }),
        log,
      ),
    ConsumerGroupHeartbeat: (call, callback) =>
      serve(
        'ConsumerGroupHeartbeat',
        call,
        callback,
        (): pb.ConsumerGroupHeartbeatResponse => ({
          error: notYet('ConsumerGroupHeartbeat', 'consumer-group'),
        }),
        log,
      ),
    OffsetCommit: (call, callback) =>
      serve(
        'OffsetCommit',
        call,
        callback,
        (): pb.OffsetCommitResponse => {
          const error = notYet('OffsetCommit', 'consumer-group')
          return {
            error,
            topics: call.request.topics.map((t) => ({
              topic: t.topic,
              partitions: t.partitions.map((p) => ({ partition: p.partition, error })),
            })),
          }
        },
        log,
      ),
    OffsetFetch: (call, callback) =>
      serve(
        'OffsetFetch',
        call,
        callback,
        (): pb.OffsetFetchResponse => ({ error: notYet('OffsetFetch', 'consumer-group') }),
        log,
      ),
    ListGroups: (call, callback) =>
      serve(
        'ListGroups',
        call,
        callback,
        (): pb.ListGroupsResponse => ({ error: notYet('ListGroups', 'consumer-group') }),
        log,
      ),
    DescribeGroups: (call, callback) =>
      serve(
        'DescribeGroups',
        call,
        callback,
        (): pb.DescribeGroupsResponse => {
          const error = notYet('DescribeGroups', 'consumer-group')
          return { error, groups: call.request.groupIds.map((groupId) => ({ groupId, error })) }
        },
        log,
      ),
    DeleteGroups: (call, callback) =>
      serve(
        'DeleteGroups',
        call,
        callback,
        (): pb.DeleteGroupsResponse => {
          const error = notYet('DeleteGroups', 'consumer-group')
          return { error, results: call.request.groupIds.map((groupId) => ({ groupId, error })) }
        },
        log,
      ),
  }
}
