import type { ForwardedPush, ForwardedPushResult, HubSnapshot } from './hub-protocol.ts';

/** The cloud did not answer (network down, timeout, 5xx, 429): the hub works alone meanwhile. */
export class UpstreamUnavailable extends Error {}

/**
 * The cloud does not know the hub's token (revoked, or rotated while the restaurant was offline):
 * not the terminal's fault and not final. The hub works alone and keeps its queue until it runs
 * with a valid token; dropping the queue would lose every change made meanwhile.
 */
export class HubNotAuthorized extends UpstreamUnavailable {}

/**
 * The cloud does not serve the schema of a push the hub forwards (a cloud older than the hub's
 * terminals, during a rollout): not final either. The hub applies and queues such pushes itself
 * and keeps them until the cloud is updated; the cloud took none of them, so none is lost or twice.
 */
export class CloudTooOld extends UpstreamUnavailable {}

/**
 * The cloud answers from a new epoch: it was restored to an earlier moment since the hub last read
 * it, so what it says of last mutation ids cannot be taken as is (a gap the restore made is not a
 * refusal). Until the hub has re-read it (`cloud-restore.ts`), it counts as not answering.
 */
export class CloudRestored extends UpstreamUnavailable {
  constructor(
    readonly epoch: string,
    /** The epoch the hub knew, which the restore ended. */
    readonly ended: string,
  ) {
    super(`the cloud was restored (epoch ${epoch}): re-reading it`);
  }
}

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
  /** The cloud's epoch the hub knows (none yet, or a cloud of an earlier release that names none). */
  epoch: string | undefined;

  constructor(
    readonly url: string,
    private readonly token: string,
  ) {}

  async pull(since: number): Promise<HubSnapshot> {
    return this.sameEpoch(await this.post<HubSnapshot>('/api/hub/pull', { since }));
  }

  async forward(push: ForwardedPush): Promise<ForwardedPushResult> {
    const result = this.sameEpoch(await this.post<ForwardedPushResult>('/api/hub/push', this.epoch === undefined ? push : { ...push, epoch: this.epoch }));
    if (result.response['error'] === 'VersionNotSupported') {
      throw new CloudTooOld(`the cloud does not serve schema ${push.schemaVersion} yet: changes stay queued at the hub until it is updated`);
    }
    return result;
  }

  /** The first epoch the hub hears of is taken as it is; another one afterwards means a restore. */
  private sameEpoch<T extends { epoch?: string | undefined }>(answer: T): T {
    if (answer.epoch === undefined) return answer;
    if (this.epoch !== undefined && answer.epoch !== this.epoch) throw new CloudRestored(answer.epoch, this.epoch);
    this.epoch = answer.epoch;
    return answer;
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
