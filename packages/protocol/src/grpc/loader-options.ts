import { fileURLToPath } from 'node:url'

/**
 * The proto-loader options, used both by `proto-loader-gen-types` (scripts/gen-proto.sh reads
 * them through {@link protoLoaderGenTypesArgs}) and by {@link loadSamsaPackage} at run time, so
 * the generated types describe exactly the objects grpc-js hands out.
 *
 * - `keepCase: false`: proto fields are snake_case (`leader_epoch`), JS sees camelCase
 *   (`leaderEpoch`), like every other TypeScript API in the repo.
 * - `longs: String`: int64 fields (offsets, versions, broker epochs) arrive as decimal strings
 *   so no value above 2^53 is rounded; send them as strings (or bigint via `String(x)`).
 * - `enums: String`: enum fields arrive as their names (`'ELECTION_TYPE_PREFERRED'`).
 * - `defaults: true`: absent scalar fields arrive as their zero value and absent repeated
 *   fields as `[]`; absent message fields arrive as `null` (so "no error" is `null` or code 0).
 * - `oneofs: true`: each oneof also gets a virtual field naming the member that is set
 *   (`update: 'snapshot' | 'delta'`).
 */
export const PROTO_LOADER_OPTIONS = {
  keepCase: false,
  longs: String,
  enums: String,
  defaults: true,
  oneofs: true,
} as const

/** The root `proto/` directory of the repository (`import "samsa/v1/common.proto"` resolves here). */
export const PROTO_ROOT: string = fileURLToPath(new URL('../../../../proto/', import.meta.url))

/** The proto files that make up the `samsa.v1` package, relative to {@link PROTO_ROOT}. */
export const SAMSA_PROTO_FILES = [
  'samsa/v1/common.proto',
  'samsa/v1/controller.proto',
  'samsa/v1/broker.proto',
] as const

/**
 * The `proto-loader-gen-types` flags equivalent to {@link PROTO_LOADER_OPTIONS} (plus the
 * generator-only ones: grpc-js service types, `.js` import specifiers for NodeNext, comments).
 */
export function protoLoaderGenTypesArgs(): string[] {
  const o = PROTO_LOADER_OPTIONS
  const args: string[] = []
  if (o.keepCase) args.push('--keepCase')
  args.push(`--longs=${o.longs.name}`, `--enums=${o.enums.name}`)
  if (o.defaults) args.push('--defaults')
  if (o.oneofs) args.push('--oneofs')
  args.push('--grpcLib=@grpc/grpc-js', '--importFileExtension=.js', '--includeComments')
  return args
}
