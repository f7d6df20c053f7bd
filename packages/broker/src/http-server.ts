import http from 'node:http'
import type { Logger } from './logger.js'

/** Whether the broker should receive traffic, and if not, why. */
export interface Readiness {
  readonly ready: boolean
  readonly reason: string
}

export interface AdminHttpServerOptions {
  readonly host: string
  /** 0 picks a free port. */
  readonly port: number
  readonly readiness: () => Readiness
  /** The JSON body of `/v1/cluster`. */
  readonly clusterView: () => unknown
  readonly logger: Logger
}

export interface AdminHttpServer {
  /** The port actually bound. */
  readonly port: number
  close(): Promise<void>
}

function send(res: http.ServerResponse, status: number, body: unknown, head: boolean): void {
  const text = `${JSON.stringify(body, null, 2)}\n`
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
  })
  res.end(head ? undefined : text)
}

/**
 * The broker's HTTP admin endpoints, on their own port (node:http, no framework):
 * - `GET /healthz`: 200 while the process runs;
 * - `GET /readyz`: 200 once the broker is registered, unfenced and caught up with the metadata,
 *   else 503 with the reason;
 * - `GET /v1/cluster`: the cluster as this broker's metadata cache sees it (JSON).
 * Other paths are 404, other methods 405.
 */
export function startAdminHttpServer(options: AdminHttpServerOptions): Promise<AdminHttpServer> {
  const log = options.logger
  const server = http.createServer((req, res) => {
    const head = req.method === 'HEAD'
    try {
      const path = new URL(req.url ?? '/', 'http://broker').pathname
      const known = path === '/healthz' || path === '/readyz' || path === '/v1/cluster'
      if (!known) {
        send(res, 404, { error: `no such endpoint: ${path}` }, head)
      } else if (req.method !== 'GET' && !head) {
        res.setHeader('allow', 'GET, HEAD')
        send(res, 405, { error: `${req.method} is not allowed on ${path}` }, head)
      } else if (path === '/healthz') {
        send(res, 200, { status: 'ok' }, head)
      } else if (path === '/readyz') {
        const { ready, reason } = options.readiness()
        send(res, ready ? 200 : 503, { ready, reason }, head)
      } else {
        send(res, 200, options.clusterView(), head)
      }
    } catch (err) {
      log.error({ err, url: req.url }, 'admin HTTP request failed')
      if (!res.headersSent) send(res, 500, { error: 'internal error' }, head)
      else res.destroy()
    }
  })
  // Keep-alive sockets of health probes must not hold the process or close() open.
  server.keepAliveTimeout = 5_000
  return new Promise((resolve, reject) => {
    const onError = (err: Error) => reject(err)
    server.once('error', onError)
    server.listen(options.port, options.host, () => {
      server.off('error', onError)
      server.on('error', (err) => log.error({ err }, 'admin HTTP server error'))
      const address = server.address()
      const port = typeof address === 'object' && address !== null ? address.port : options.port
      let closing: Promise<void> | undefined
      resolve({
        port,
        close() {
          closing ??= new Promise<void>((done) => {
            server.close(() => done())
            server.closeAllConnections()
          })
          return closing
        },
      })
    })
  })
}
