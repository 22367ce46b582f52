import { Link } from '../routing/link.tsx';

export function NotFound({ what = 'This page' }: { what?: string }) {
  return (
    <section className="empty-state">
      <h1>{what} does not exist</h1>
      <p className="muted">It may have been moved, or the link is mistyped.</p>
      <Link to={{ name: 'board' }} className="btn">
        Back to orders
      </Link>
    </section>
  );
}
