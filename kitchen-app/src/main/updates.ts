import { checkDue, decideUpdate, terminalStateSchema, unknownTerminal, type TerminalState, type UpdateDecision } from '../common/update-policy.ts';

/** The part of Electron's `autoUpdater` the terminal uses (Squirrel on Windows and macOS). */
export interface PlatformUpdater {
  setFeedURL(options: { url: string }): void;
  checkForUpdates(): void;
  quitAndInstall(): void;
  on(event: 'update-downloaded', listener: (event: unknown, notes: string, releaseName: string) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
}

export interface UpdateDeps {
  readonly updater: PlatformUpdater;
  readonly feedUrl: string | undefined;
  readonly now: () => number;
  readonly log: (message: string) => void;
}

export interface Updates {
  /** The renderer's report of the screen (IPC); anything malformed is ignored. */
  report(state: unknown): void;
  /** Called every minute: checks the feed when due and installs when the policy allows. */
  tick(): UpdateDecision;
  /** The app is quitting anyway: install now when allowed, so the new build starts at once. */
  quitting(): UpdateDecision;
}

/** Wires the pure policy (common/update-policy.ts) to the platform updater. */
export function updates(deps: UpdateDeps): Updates {
  let terminal: TerminalState = unknownTerminal;
  let downloaded: string | undefined;
  let lastCheckAt: number | undefined;
  if (deps.feedUrl) {
    deps.updater.setFeedURL({ url: deps.feedUrl });
    deps.updater.on('update-downloaded', (_event, _notes, releaseName) => (downloaded = releaseName || 'unnamed release'));
    deps.updater.on('error', (error) => deps.log(`update check failed: ${error.message}`));
  }
  const decide = (trigger: 'tick' | 'restart') => {
    const decision = decideUpdate({ downloaded, terminal, trigger, now: deps.now() });
    if (decision.apply) {
      deps.log(`installing ${downloaded} (${decision.reason})`);
      deps.updater.quitAndInstall();
    }
    return decision;
  };
  return {
    report(state) {
      const parsed = terminalStateSchema.safeParse(state);
      if (parsed.success) terminal = parsed.data;
    },
    tick() {
      if (deps.feedUrl && checkDue(deps.now(), lastCheckAt)) {
        lastCheckAt = deps.now();
        deps.updater.checkForUpdates();
      }
      return decide('tick');
    },
    quitting: () => decide('restart'),
  };
}
