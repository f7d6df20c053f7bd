// Original file: proto/samsa/v1/controller.proto

import type { Long } from '@grpc/proto-loader';

export interface WatchMetadataRequest {
  /**
   * The watching broker, or -1 for an observer (a CLI, a test).
   */
  'brokerId'?: (number);
  /**
   * The watching broker's epoch; ignored for observers.
   */
  'brokerEpoch'?: (number | string | Long);
  /**
   * The last version the watcher has applied; 0 for none. The stream starts with a snapshot
   * when from_version is 0, older than the records the controller retains, or ahead of it;
   * otherwise it starts with the deltas after from_version.
   */
  'fromVersion'?: (number | string | Long);
}

export interface WatchMetadataRequest__Output {
  /**
   * The watching broker, or -1 for an observer (a CLI, a test).
   */
  'brokerId': (number);
  /**
   * The watching broker's epoch; ignored for observers.
   */
  'brokerEpoch': (string);
  /**
   * The last version the watcher has applied; 0 for none. The stream starts with a snapshot
   * when from_version is 0, older than the records the controller retains, or ahead of it;
   * otherwise it starts with the deltas after from_version.
   */
  'fromVersion': (string);
}
