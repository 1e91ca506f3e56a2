/**
 * Where the Prometheus metrics are served: a listener of their own, apart from the API port,
 * so a load balancer that forwards the API port never forwards `/metrics`. Loopback by default;
 * a Prometheus on another machine needs VENTANILLA_METRICS_HOST and a firewall rule for it.
 */
export interface MetricsConfig {
  readonly host: string;
  /** 0 picks a free port (tests). */
  readonly port: number;
}

export const DEFAULT_METRICS_HOST = '127.0.0.1';
