/** The `/metrics` endpoint: the registry in its content type (OpenMetrics, with exemplars). */
import type http from 'node:http';
import type client from 'prom-client';

/** An HTTP handler answering the scrape. */
export function metricsHandler(
  registry:
    client.Registry<client.PrometheusContentType> | client.Registry<client.OpenMetricsContentType>,
) {
  return async (_request: http.IncomingMessage, response: http.ServerResponse): Promise<void> => {
    try {
      const body = await registry.metrics();
      response.writeHead(200, { 'Content-Type': registry.contentType }).end(body);
    } catch (error) {
      response.writeHead(500, { 'Content-Type': 'text/plain' }).end(String(error));
    }
  };
}
