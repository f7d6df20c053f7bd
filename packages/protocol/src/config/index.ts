export * from './load-config.js'
export * from './server-config.js'
