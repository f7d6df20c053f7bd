// Original file: proto/samsa/v1/controller.proto

import type { MetadataSnapshot as _samsa_v1_MetadataSnapshot, MetadataSnapshot__Output as _samsa_v1_MetadataSnapshot__Output } from '../../samsa/v1/MetadataSnapshot.js';
import type { MetadataDelta as _samsa_v1_MetadataDelta, MetadataDelta__Output as _samsa_v1_MetadataDelta__Output } from '../../samsa/v1/MetadataDelta.js';
import type { ErrorInfo as _samsa_v1_ErrorInfo, ErrorInfo__Output as _samsa_v1_ErrorInfo__Output } from '../../samsa/v1/ErrorInfo.js';
import type { Long } from '@grpc/proto-loader';

/**
 * One message of the WatchMetadata stream.
 */
export interface MetadataUpdate {
  /**
   * The metadata version after applying this update.
   */
  'version'?: (number | string | Long);
  /**
   * The whole image at `version`: replaces everything the watcher had.
   */
  'snapshot'?: (_samsa_v1_MetadataSnapshot | null);
  /**
   * The records that follow the watcher's previous version, in order, up to `version`.
   */
  'delta'?: (_samsa_v1_MetadataDelta | null);
  /**
   * Set (and the stream ends) when the watch is refused, e.g. STALE_BROKER_EPOCH.
   */
  'error'?: (_samsa_v1_ErrorInfo | null);
  'update'?: "snapshot"|"delta";
}

/**
 * One message of the WatchMetadata stream.
 */
export interface MetadataUpdate__Output {
  /**
   * The metadata version after applying this update.
   */
  'version': (string);
  /**
   * The whole image at `version`: replaces everything the watcher had.
   */
  'snapshot'?: (_samsa_v1_MetadataSnapshot__Output | null);
  /**
   * The records that follow the watcher's previous version, in order, up to `version`.
   */
  'delta'?: (_samsa_v1_MetadataDelta__Output | null);
  /**
   * Set (and the stream ends) when the watch is refused, e.g. STALE_BROKER_EPOCH.
   */
  'error': (_samsa_v1_ErrorInfo__Output | null);
  'update'?: "snapshot"|"delta";
}
