import type { TransportEvent } from '../client/index.js';

/** One line per transport event for --verbose; headers arrive already redacted. */
export function formatTransportEvent(event: TransportEvent): string {
  switch (event.type) {
    case 'request':
      return `→ ${event.method} ${event.url}${event.try > 1 ? ` (try ${event.try})` : ''} ${JSON.stringify(event.headers)}`;
    case 'response':
      return `← ${event.status} ${event.method} ${event.url} ${event.ms} ms`;
    case 'retry':
      return `↻ ${event.method} ${event.url}: ${event.reason}; retrying in ${event.waitMs} ms (try ${event.try})`;
  }
}
