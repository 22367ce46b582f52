/** Broadcast payloads are free-form: show text as is, `{message|text}` objects by that field. */
export function broadcastText(message: unknown): string {
  if (typeof message === 'string') return message;
  if (message && typeof message === 'object') {
    const m = message as Record<string, unknown>;
    for (const field of ['message', 'text', 'title']) if (typeof m[field] === 'string') return m[field];
  }
  return JSON.stringify(message);
}
