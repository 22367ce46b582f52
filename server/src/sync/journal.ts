/**
 * The one undo journal of a tenant write: the row buffer, the client groups, events and
 * rejections each record how to take back what they just did, so a mutation or a job that fails
 * is undone to the mark taken before it ran (the savepoint of DESIGN.md, without a round trip).
 */
export class Journal {
  private readonly undo: (() => void)[] = [];

  record(undo: () => void): void {
    this.undo.push(undo);
  }

  /** Appends `value` to `list`, to be popped on undo. */
  push<T>(list: T[], value: T): void {
    list.push(value);
    this.undo.push(() => void list.pop());
  }

  mark(): number {
    return this.undo.length;
  }

  rollbackTo(mark: number): void {
    for (const undo of this.undo.splice(mark).reverse()) undo();
  }
}
