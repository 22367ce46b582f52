/** A bad, mistyped or withdrawn tracking link: say so plainly and show nothing else. */
export function TrackerError() {
  return (
    <main className="tracker__card tracker__error" data-tracker="error" role="alert">
      <div className="tracker__error-icon" aria-hidden="true">
        ?
      </div>
      <h1>This tracking link does not work</h1>
      <p>It may be mistyped, or the restaurant may have withdrawn it.</p>
      <p className="muted">Please ask the restaurant for a new link.</p>
    </main>
  );
}
