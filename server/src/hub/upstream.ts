import type { ForwardedPush, ForwardedPushResult, HubSnapshot } from './hub-protocol.ts';

/** The cloud did not answer (network down, timeout, 5xx, 429): the hub works alone meanwhile. */
export class UpstreamUnavailable extends Error {}

/**
 * The cloud does not know the hub's token (revoked, or rotated while the restaurant was offline):
 * not the terminal's fault and not final. The hub works alone and keeps its queue until it runs
 * with a valid token; dropping the queue would lose every change made meanwhile.
 */
export class HubNotAuthorized extends UpstreamUnavailable {}

/** The cloud answered and refused (4xx): final, passed on to the terminal. */
export class UpstreamRefused extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`the cloud refused: ${status}`);
  }
}

const timeoutMs = 5_000;

/** The hub's HTTP client to its cloud, with the hub token. */
export class Upstream {
  constructor(
    readonly url: string,
    private readonly token: string,
  ) {}

  pull(since: number): Promise<HubSnapshot> {
    return this.post<HubSnapshot>('/api/hub/pull', { since });
  }

  forward(push: ForwardedPush): Promise<ForwardedPushResult> {
    return this.post<ForwardedPushResult>('/api/hub/push', push);
  }

  private async post<T>(path: string, body: unknown): Promise<T> {
    let res: Response;
    let text: string;
    try {
      res = await fetch(this.url + path, {
        method: 'POST',
        headers: { authorization: `Bearer ${this.token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
      text = await res.text();
    } catch (err) {
      throw new UpstreamUnavailable(`cloud unreachable: ${(err as Error).message}`, { cause: err });
    }
    if (res.status >= 500 || res.status === 429) throw new UpstreamUnavailable(`cloud answered ${res.status}`);
    if (res.status === 401) throw new HubNotAuthorized('the cloud does not accept this hub token (HUB_TOKEN): changes stay queued at the hub');
    const parsed = text ? (JSON.parse(text) as unknown) : undefined;
    if (res.status !== 200) throw new UpstreamRefused(res.status, parsed);
    return parsed as T;
  }
}
